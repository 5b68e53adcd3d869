// The set of fields an object sets, as an applier comes to own them. Models structured-merge-diff/v4
// typed/tofieldset.go: scalars and atomic values are leaves, every list item and map entry is a
// member, a struct field is a member only when null or an empty object; and typed/validate.go's
// duplicate check for applied configurations.
import { type Json, type PatchMeta, isObject } from '../../api/patch';
import { FieldSet, FieldSetBuilder } from './fieldset';
import { type PE, fieldPE, peString, pathString } from './path-element';
import { type Atom, ValidationError, atomOf, fieldMetaOf, isDeclaredField, itemMetaOf, listItemPE } from './schema';

/**
 * TypedValue.ToFieldSet. With `strict`, duplicated list keys are an error (an applied configuration
 * is validated without AllowDuplicates); otherwise a duplicated item is owned whole.
 */
export function toFieldSet(v: Json | undefined, meta: PatchMeta | undefined, strict = false): FieldSet {
  if (v === undefined) return FieldSet.EMPTY;
  const b = new FieldSetBuilder();
  walk(b, v, meta, [], strict);
  return b.build();
}

function walk(b: FieldSetBuilder, v: Json, meta: PatchMeta | undefined, path: PE[], strict: boolean): void {
  const atom = atomOf(meta, v);
  switch (atom.t) {
    case 'scalar':
      b.insert(path);
      return;
    case 'list':
      walkList(b, atom, v, path, strict);
      return;
    default:
      walkMap(b, atom, v, path, strict);
  }
}

function walkList(b: FieldSetBuilder, atom: Atom & { t: 'list' }, v: Json, path: PE[], strict: boolean): void {
  if (atom.atomic || (v !== null && !Array.isArray(v))) {
    b.insert(path);
    return;
  }
  if (v === null) return;
  // Without `strict`, an item that has no path element (a missing key) is skipped, as upstream
  // ignores the error there.
  const pes = v.map((item, i) => {
    try {
      return listItemPE(atom, item, i, path);
    } catch (e) {
      if (strict) throw e;
      return undefined;
    }
  });
  const seen = new Set<PE>();
  const duplicates = new Set<PE>();
  for (const pe of pes) {
    if (pe === undefined) continue;
    if (!seen.has(pe)) {
      seen.add(pe);
      continue;
    }
    if (strict) throw new ValidationError(pathString(path), `duplicate entries for key ${peString(pe)}`);
    if (!duplicates.has(pe)) {
      duplicates.add(pe);
      b.insertChild(path, pe);
    }
  }
  const items = itemMetaOf(atom);
  for (let i = 0; i < v.length; i++) {
    const pe = pes[i];
    if (pe === undefined || duplicates.has(pe)) continue;
    path.push(pe);
    walk(b, v[i], items, path, strict);
    b.insert(path);
    path.pop();
  }
}

function walkMap(b: FieldSetBuilder, atom: Atom & { t: 'struct' | 'map' }, v: Json, path: PE[], strict: boolean): void {
  if (atom.atomic || (v !== null && !isObject(v))) {
    b.insert(path);
    return;
  }
  if (v === null) return;
  for (const k in v) {
    const val = v[k];
    if (val === undefined) continue;
    path.push(fieldPE(k));
    walk(b, val, fieldMetaOf(atom, k), path, strict);
    if (val === null || (isObject(val) && Object.keys(val).length === 0) || !isDeclaredField(atom, k)) b.insert(path);
    path.pop();
  }
}
