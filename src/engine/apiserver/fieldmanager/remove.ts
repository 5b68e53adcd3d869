// Removing owned fields from an object when an applier stops applying them. Models
// structured-merge-diff/v4 typed/remove.go (RemoveItems) and fieldpath/set.go
// EnsureNamedFieldsAreMembers.
import { type Json, type JsonObject, type PatchMeta, isObject } from '../../api/patch';
import { FieldSet } from './fieldset';
import { type PE, fieldPE, parsePE } from './path-element';
import { type Atom, atomOf, fieldMetaOf, itemMetaOf, listItemPE } from './schema';

/**
 * TypedValue.RemoveItems: `v` without the members of `toRemove` (each with everything below it).
 * A list or map that loses every entry disappears, as it does once the result is typed again.
 */
export function removeItems(v: Json, toRemove: FieldSet, meta: PatchMeta | undefined): Json | undefined {
  if (toRemove.empty) return v;
  return remove(v, toRemove, meta, []);
}

function remove(v: Json, toRemove: FieldSet, meta: PatchMeta | undefined, path: PE[]): Json | undefined {
  const atom = atomOf(meta, v);
  if (atom.t === 'scalar') return v;
  if (atom.t === 'list') {
    if (!Array.isArray(v) || v.length === 0 || atom.atomic) return undefined;
    const items = itemMetaOf(atom);
    const out: Json[] = [];
    for (let i = 0; i < v.length; i++) {
      let pe: PE;
      try {
        pe = listItemPE(atom, v[i], i, path);
      } catch {
        out.push(v[i]); // no path element: nothing of it can be owned, so it stays
        continue;
      }
      const sub = toRemove.child(pe);
      if (sub.member) continue;
      let item: Json | undefined = v[i];
      if (!sub.empty) {
        path.push(pe);
        item = remove(v[i], sub, items, path);
        path.pop();
      }
      out.push(item === undefined ? null : item);
    }
    return out.length > 0 ? out : undefined;
  }
  if (!isObject(v) || Object.keys(v).length === 0 || atom.atomic) return undefined;
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    if (v[k] === undefined) continue;
    const sub = toRemove.child(fieldPE(k));
    if (sub.member) continue;
    if (sub.empty) {
      out[k] = v[k];
      continue;
    }
    path.push(fieldPE(k));
    const nv = remove(v[k], sub, fieldMetaOf(atom, k), path);
    path.pop();
    if (nv !== undefined) out[k] = nv;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Set.EnsureNamedFieldsAreMembers: a struct field with owned fields below it becomes a member itself,
 * so that removing the set removes the field and not just its contents.
 */
export function ensureNamedFieldsAreMembers(s: FieldSet, meta: PatchMeta | undefined): FieldSet {
  return ensure(s, atomOf(meta, {}));
}

function ensure(s: FieldSet, atom: Atom | undefined): FieldSet {
  if (!s.children || s.children.size === 0) return s;
  let children: Map<PE, FieldSet> | undefined;
  for (const [pe, c] of s.children) {
    const p = parsePE(pe);
    let childMeta: PatchMeta | undefined;
    let named = false;
    if (atom && p?.type === 0 && (atom.t === 'struct' || atom.t === 'map')) {
      childMeta = fieldMetaOf(atom, p.name!);
      named = atom.t === 'struct' && childMeta !== undefined;
    } else if (atom && p?.type === 1 && atom.t === 'list') {
      childMeta = itemMetaOf(atom);
    }
    // Without a schema below (unknown fields, free-form values) no field is named.
    const ensured = ensure(c, childMeta === undefined ? undefined : atomOf(childMeta, undefined));
    const member = c.member || (named && ensured.children !== undefined && ensured.children.size > 0);
    if (member === c.member && ensured === c) continue;
    children ??= new Map(s.children);
    children.set(pe, new FieldSet(member, ensured.children));
  }
  return children ? new FieldSet(s.member, children) : s;
}
