// Which fields a write added, modified or removed. Models structured-merge-diff/v4 typed/compare.go:
// a leaf (scalar, atomic list or map, or a list or map empty on both sides) is modified when its value
// changes; a non-leaf present on one side only is itself added or removed, as are its leaves. Shared
// subtrees (the same object on both sides, as structural sharing leaves them) are skipped outright.
import { type Json, type PatchMeta, isObject } from '../../api/patch';
import { deepEqual } from '../../api/meta';
import { FieldSet, FieldSetBuilder } from './fieldset';
import { type PE, fieldPE } from './path-element';
import { type Atom, atomOf, fieldMetaOf, itemMetaOf, listItemPE } from './schema';

/** typed.Comparison */
export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/** Compares two versions of an object field by field (TypedValue.Compare). */
export function compare(lhs: Json | undefined, rhs: Json | undefined, meta: PatchMeta | undefined): Comparison {
  const w = new CompareWalker();
  w.compare(lhs, rhs, meta, []);
  return { added: w.added.build(), modified: w.modified.build(), removed: w.removed.build() };
}

class CompareWalker {
  readonly added = new FieldSetBuilder();
  readonly modified = new FieldSetBuilder();
  readonly removed = new FieldSetBuilder();

  // compareWalker.compare: `undefined` is an absent value, `null` a present null.
  compare(lhs: Json | undefined, rhs: Json | undefined, meta: PatchMeta | undefined, path: PE[]): void {
    if (lhs === rhs) return; // identical (or both absent): nothing changed below
    const atom = atomOf(meta, rhs !== undefined ? rhs : lhs);
    let leaf: boolean;
    switch (atom.t) {
      case 'scalar': leaf = this.doLeaf(lhs, rhs, path); break;
      case 'list': leaf = this.doList(atom, lhs, rhs, path); break;
      default: leaf = this.doMap(atom, lhs, rhs, path);
    }
    if (!leaf && path.length > 0) {
      if (lhs === undefined) this.added.insert(path);
      else if (rhs === undefined) this.removed.insert(path);
    }
  }

  private doLeaf(lhs: Json | undefined, rhs: Json | undefined, path: PE[]): true {
    if (lhs === undefined) this.added.insert(path);
    else if (rhs === undefined) this.removed.insert(path);
    else if (!deepEqual(lhs, rhs)) this.modified.insert(path);
    return true;
  }

  private doList(atom: Atom & { t: 'list' }, lhs: Json | undefined, rhs: Json | undefined, path: PE[]): boolean {
    const l = Array.isArray(lhs) ? lhs : undefined;
    const r = Array.isArray(rhs) ? rhs : undefined;
    if ((lhs !== undefined && lhs !== null && !l) || (rhs !== undefined && rhs !== null && !r)) return this.doLeaf(lhs, rhs, path);
    if (atom.atomic || ((!l || l.length === 0) && (!r || r.length === 0))) return this.doLeaf(lhs, rhs, path);
    this.visitListItems(atom, l ?? [], r ?? [], path);
    return false;
  }

  // compareWalker.visitListItems: items are matched by their path element; duplicated keys compare
  // as a whole.
  private visitListItems(atom: Atom & { t: 'list' }, lhs: Json[], rhs: Json[], path: PE[]): void {
    const lValues = new Map<PE, Json[]>();
    const all: PE[] = [];
    for (let i = 0; i < lhs.length; i++) {
      const pe = listItemPE(atom, lhs[i], i, path);
      const seen = lValues.get(pe);
      if (seen) seen.push(lhs[i]);
      else {
        lValues.set(pe, [lhs[i]]);
        all.push(pe);
      }
    }
    const rValues = new Map<PE, Json[]>();
    for (let i = 0; i < rhs.length; i++) {
      const pe = listItemPE(atom, rhs[i], i, path);
      const seen = rValues.get(pe);
      if (seen) seen.push(rhs[i]);
      else {
        rValues.set(pe, [rhs[i]]);
        if (!lValues.has(pe)) all.push(pe);
      }
    }
    const items = itemMetaOf(atom);
    for (const pe of all) {
      const l = lValues.get(pe) ?? [];
      const r = rValues.get(pe) ?? [];
      path.push(pe);
      if (l.length <= 1 && r.length <= 1) {
        this.compare(l[0], r[0], items, path);
      } else if (l.length >= 2 && r.length >= 2) {
        if (!deepEqual(l, r)) this.modified.insert(path);
      } else if (l.length >= 2) {
        if (r.length !== 0) this.compare(undefined, r[0], items, path);
        this.removed.insert(path);
      } else {
        if (l.length !== 0) this.compare(l[0], undefined, items, path);
        this.added.insert(path);
      }
      path.pop();
    }
  }

  private doMap(atom: Atom & { t: 'struct' | 'map' }, lhs: Json | undefined, rhs: Json | undefined, path: PE[]): boolean {
    const l = isObject(lhs) ? lhs : undefined;
    const r = isObject(rhs) ? rhs : undefined;
    if ((lhs !== undefined && lhs !== null && !l) || (rhs !== undefined && rhs !== null && !r)) return this.doLeaf(lhs, rhs, path);
    const lEmpty = !l || isEmpty(l);
    const rEmpty = !r || isEmpty(r);
    if (atom.atomic || (lEmpty && rEmpty)) return this.doLeaf(lhs, rhs, path);
    if (l) {
      for (const k in l) {
        path.push(fieldPE(k));
        this.compare(l[k], r ? (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined) : undefined, fieldMetaOf(atom, k), path);
        path.pop();
      }
    }
    if (r) {
      for (const k in r) {
        if (l && Object.prototype.hasOwnProperty.call(l, k)) continue;
        path.push(fieldPE(k));
        this.compare(undefined, r[k], fieldMetaOf(atom, k), path);
        path.pop();
      }
    }
    return false;
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Comparison.FilterFields with an exclude filter: drops the reset fields (and what lies below them). */
export function excludeFields(c: Comparison, reset: FieldSet | undefined): Comparison {
  if (!reset || reset.empty) return c;
  return { added: c.added.recursiveDifference(reset), modified: c.modified.recursiveDifference(reset),
    removed: c.removed.recursiveDifference(reset) };
}
