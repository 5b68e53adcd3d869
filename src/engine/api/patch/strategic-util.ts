// Helpers shared by the apply and the diff side of strategic merge patch: Go type tags, the error
// texts of util/mergepatch, scalar sorting and de-duplication, and the list-order normalisation of
// $setElementOrder. Models apimachinery util/strategicpatch/patch.go (v0.32) and util/mergepatch.
import type { PatchMeta } from './patch-meta';
import { type Json, type JsonObject, compareStrings, goTypeName, goV, isObject } from './go-format';

/** A failure inside strategic merge patch; entry points turn it into a PatchError. */
export class SmpFailure extends Error {}

/** Directive keys and values of strategic merge patch. */
export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

/** reflect.TypeOf(v) as a tag: maps, slices and each scalar type differ (int64 ≠ float64). */
export function goKind(v: Json | undefined): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v;
}

/** fmt %s of an interface value: strings as is, anything else as %!s(type=value). */
export function goS(v: unknown): string {
  return typeof v === 'string' ? v : `%!s(${goTypeName(v)}=${goV(v)})`;
}

/** mergepatch.ErrNoMergeKey */
export function errNoMergeKey(m: JsonObject, k: string): SmpFailure {
  return new SmpFailure(`map: ${goV(m)} does not contain declared merge key: ${k}`);
}

/** mergepatch.ErrBadArgType (expected is always a map or a slice here). */
export function errBadArgType(expected: 'map' | 'slice', actual: unknown): SmpFailure {
  return new SmpFailure(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`);
}

/** mergepatch.ErrBadPatchType */
export function errBadPatchType(t: unknown, m: JsonObject): SmpFailure {
  return new SmpFailure(`unknown patch type: ${goS(t)} in map: ${goV(m)}`);
}

/** The Name() of a LookupPatchMeta, as "cannot merge lists without merge key for %s" prints it. */
export function schemaName(meta: PatchMeta | undefined): string {
  if (!meta) return 'Struct';
  return meta.kind === 'object' ? 'struct' : meta.kind === 'list' ? 'slice' : meta.kind === 'scalar' ? 'string' : meta.kind;
}

/** sort.Sort by the %v text of each scalar (SortableSliceOfScalars); sorts `s` in place and returns it. */
export function sortScalars(s: Json[]): Json[] {
  const keyed = s.map((v) => ({ v, k: goV(v) }));
  keyed.sort((a, b) => compareStrings(a.k, b.k));
  for (let i = 0; i < s.length; i++) s[i] = keyed[i].v;
  return s;
}

/** patch.go deduplicateScalars: drops repeats by moving the last element into their place. */
export function deduplicateScalars(s: Json[]): Json[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Returns the Go kind of all elements of the slices; lists of lists and mixed lists are errors. */
export function sliceElementType(...slices: Json[][]): string {
  let prev: string | undefined;
  for (const s of slices) {
    for (const v of s) {
      const cur = goKind(v);
      if (prev === undefined) {
        prev = cur;
        if (prev === 'slice') throw new SmpFailure('lists of lists are not supported');
      } else if (prev !== cur) {
        throw new SmpFailure(`list element types are not identical: ${goV(slices)}`);
      }
    }
  }
  if (prev === undefined) throw new SmpFailure('no elements in any of the given slices');
  return prev;
}

/** patch.go validateMergeKeyInLists */
export function validateMergeKeyInLists(mergeKey: string, ...lists: Json[][]): void {
  for (const l of lists) {
    for (const item of l) {
      if (!isObject(item)) throw errBadArgType('map', item);
      if (!(mergeKey in item)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** patch.go extractToDeleteItems: items to keep, and the `$patch: delete` items. */
export function extractToDeleteItems(l: Json[]): [Json[], Json[]] {
  const keep: Json[] = [];
  const toDelete: Json[] = [];
  for (const v of l) {
    if (!isObject(v)) throw errBadArgType('map', v);
    if (v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) toDelete.push(v);
    else keep.push(v);
  }
  return [keep, toDelete];
}

// patch.go index: position of an item in a list, matched by merge key value for maps.
function indexOf(l: Json[], val: Json, mergeKey: string, kind: string): number {
  const get = kind === 'map' ? (item: Json) => (isObject(item) ? item[mergeKey] ?? null : null) : (item: Json) => item;
  const want = get(val);
  for (let i = 0; i < l.length; i++) if (get(l[i]) === want) return i;
  return -1;
}

/** patch.go normalizeSliceOrder: stable-sorts `toSort` by the order of `order`; delete directives last. */
export function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, kind: string): Json[] {
  let toDelete: Json[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [toSort, toDelete] = extractToDeleteItems(toSort);
  }
  const sorted = [...toSort];
  goSliceStable(sorted, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return sorted.concat(toDelete);
}

/** patch.go normalizeElementOrder: patch items in patch order, server-only items in server order, interleaved. */
export function normalizeElementOrder(patch: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[],
  mergeKey: string, kind: string): Json[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

// patch.go mergeSortedSlice: inserts each `left` item before the first `right` item the server
// order places after it.
function mergeSortedSlice(left: Json[], right: Json[], serverOrder: Json[], mergeKey: string, kind: string): Json[] {
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  const size = left.length + right.length;
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) {
      out.push(right[j++]);
    } else if (j >= right.length && i < left.length) {
      out.push(left[i++]);
    } else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** patch.go partitionPrimitivesByPresentInList */
export function partitionPrimitivesByPresentInList(original: Json[], partitionBy: Json[]): [Json[], Json[]] {
  const inPatch = new Set(partitionBy);
  const patch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const v of original) (inPatch.has(v) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

/** patch.go findMapInSliceBasedOnKeyValue: [map, index], or undefined. */
export function findMapInSlice(m: Json[], key: string, value: Json): [JsonObject, number] | undefined {
  for (let k = 0; k < m.length; k++) {
    const v = m[k];
    if (!isObject(v)) throw new SmpFailure(`value for key ${k} is not a map`);
    if (key in v && v[key] === value) return [v, k];
  }
  return undefined;
}

/** patch.go partitionMapsByPresentInList */
export function partitionMapsByPresentInList(original: Json[], partitionBy: Json[], mergeKey: string): [Json[], Json[]] {
  const patch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const v of original) {
    if (!isObject(v)) throw errBadArgType('map', v);
    if (!(mergeKey in v)) throw errNoMergeKey(v, mergeKey);
    (findMapInSlice(partitionBy, mergeKey, v[mergeKey]) ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/** patch.go mergeKeyValueEqual */
export function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isObject(left)) throw errBadArgType('map', left);
  if (!isObject(right)) throw errBadArgType('map', right);
  if (!(mergeKey in left)) throw errNoMergeKey(left, mergeKey);
  if (!(mergeKey in right)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/**
 * Go's sort.SliceStable (insertion sort in blocks of 20, then SymMerge), in place. The order some
 * comparators give depends on the algorithm (normalizeSliceOrder's "less" is not a strict order).
 */
export function goSliceStable<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const n = data.length;
  const lessAt = (i: number, j: number) => less(data[i], data[j]);
  const swap = (i: number, j: number) => {
    const t = data[i];
    data[i] = data[j];
    data[j] = t;
  };
  const insertionSort = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1);
  };
  const swapRange = (a: number, b: number, k: number) => {
    for (let i = 0; i < k; i++) swap(a + i, b + i);
  };
  const rotate = (a: number, m: number, b: number) => {
    let i = m - a;
    let j = b - m;
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j);
        i -= j;
      } else {
        swapRange(m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(m - i, m, i);
  };
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m;
      let j = b;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (lessAt(h, a)) i = h + 1;
        else j = h;
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (b - m === 1) {
      let i = a;
      let j = m;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (!lessAt(m, h)) i = h + 1;
        else j = h;
      }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (a + b) >>> 1;
    const nn = mid + m;
    let start: number;
    let r: number;
    if (m > mid) {
      start = nn - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    const p = nn - 1;
    while (start < r) {
      const c = (start + r) >>> 1;
      if (!lessAt(p - c, c)) start = c + 1;
      else r = c;
    }
    const end = nn - start;
    if (start < m && m < end) rotate(start, m, end);
    if (a < start && start < mid) symMerge(a, start, mid);
    if (mid < end && end < b) symMerge(mid, end, b);
  };
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(a, m, n);
    blockSize *= 2;
  }
}
