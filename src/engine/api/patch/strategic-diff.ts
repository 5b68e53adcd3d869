// Building strategic merge patches: the two-way diff and the three-way patch that client-side
// `kubectl apply` sends (changes from the live object to the new config, deletions of what the
// last-applied config had and the new one drops, and $setElementOrder directives). Models
// apimachinery util/strategicpatch/patch.go (v0.32) diffMaps, diffLists, CreateTwoWayMergeMapPatch,
// CreateThreeWayMergePatch and MergingMapsHaveConflicts.
import { type PatchMeta, childMeta, itemMeta, splitPatchStrategy } from './patch-meta';
import { type Json, type JsonObject, goJsonMarshal, goV, isObject } from './go-format';
import { patchInternal } from './patch-errors';
import { type PreconditionFunc, preconditionFailed } from './json-merge-patch';
import { DELETE_DIRECTIVE, DELETE_FROM_PRIMITIVE_LIST_PREFIX, DIRECTIVE_MARKER, MERGE_DIRECTIVE, REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE, SET_ELEMENT_ORDER_PREFIX, SmpFailure, deduplicateScalars, errBadArgType, errNoMergeKey, goKind,
  mergeKeyValueEqual, normalizeSliceOrder, sliceElementType, sortScalars } from './strategic-util';
import { mergeMap, runSmp } from './strategic-merge';
import { deepEqual } from '../meta';

/** patch.go DiffOptions */
interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeysDirective?: boolean;
}

function copyObject(v: unknown): JsonObject {
  return isObject(v) ? (structuredClone(v) as JsonObject) : {};
}

/**
 * A strategic merge patch that turns `original` into `modified` (CreateTwoWayMergeMapPatch): changed
 * and added fields, removed fields as null, removed merge-list items as `$patch: delete`, removed
 * primitives in `$deleteFromPrimitiveList/<list>`, and `$setElementOrder/<list>` for changed lists.
 */
export function createTwoWayMergePatch(original: unknown, modified: unknown, meta: PatchMeta | undefined,
  ...preconditions: PreconditionFunc[]): JsonObject {
  return runSmp(() => {
    const patch = diffMaps(copyObject(original), copyObject(modified), meta, { setElementOrder: true });
    for (const fn of preconditions) if (!fn(patch)) throw preconditionFailed(patch);
    return patch;
  });
}

/**
 * What client-side `kubectl apply` sends (CreateThreeWayMergePatch): `original` is the
 * last-applied-configuration, `modified` the new config (with its new annotation), `current` the
 * live object. With `overwrite` false, a change that fights a change made on the server since the
 * last apply is an error. Marshal the result with goJsonMarshal for the bytes kubectl sends.
 * Deviation: the conflict error prints the two patches as JSON where upstream prints YAML.
 */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, meta: PatchMeta | undefined,
  overwrite: boolean, ...preconditions: PreconditionFunc[]): JsonObject {
  return runSmp(() => {
    const originalMap = copyObject(original);
    const modifiedMap = copyObject(modified);
    const currentMap = copyObject(current);
    // The patch is the difference from current to modified without deletions, plus the deletions from
    // original to modified; the second is applied onto the first, which only adds.
    const deltaMap = diffMaps(currentMap, modifiedMap, meta, { ignoreDeletions: true, setElementOrder: true });
    const deletionsMap = diffMaps(originalMap, modifiedMap, meta, { setElementOrder: true, ignoreChangesAndAdditions: true });
    const patchMap = mergeMap(deletionsMap, deltaMap, meta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
    for (const fn of preconditions) if (!fn(patchMap)) throw preconditionFailed(patchMap);
    if (!overwrite) {
      const changedMap = diffMaps(originalMap, currentMap, meta, {});
      if (mergingMapsHaveConflicts(patchMap, changedMap, meta)) {
        throw patchInternal(`patch:\n${goJsonMarshal(patchMap)}\nconflicts with changes made from original to current:\n${goJsonMarshal(changedMap)}\n`);
      }
    }
    return patchMap;
  });
}

// patch.go diffMaps
function diffMaps(original: JsonObject, modified: JsonObject, meta: PatchMeta | undefined, opts: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeysList: Json[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (opts.buildRetainKeysDirective && modifiedValue !== null) retainKeysList.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new SmpFailure(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      }
      if (originalValue !== modifiedValue) patch[DIRECTIVE_MARKER] = modifiedValue;
      continue;
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isObject(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JsonObject, patch, meta, opts);
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as Json[], patch, meta, opts);
    else replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  if (retainKeysList.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeysList);
  }
  return patch;
}

function handleMapDiff(key: string, original: JsonObject, modified: JsonObject, patch: JsonObject, meta: PatchMeta | undefined,
  opts: DiffOptions): void {
  const fieldMeta = childMeta(meta, key);
  const { retainKeys, strategy } = splitPatchStrategy(fieldMeta?.patchStrategy);
  if (strategy === REPLACE_DIRECTIVE) {
    if (!opts.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const patchValue = diffMaps(original, modified, fieldMeta, { ...opts, buildRetainKeysDirective: retainKeys });
  if (Object.keys(patchValue).length > 0) patch[key] = patchValue;
}

function handleSliceDiff(key: string, original: Json[], modified: Json[], patch: JsonObject, meta: PatchMeta | undefined,
  opts: DiffOptions): void {
  const fieldMeta = childMeta(meta, key);
  const { retainKeys, strategy } = splitPatchStrategy(fieldMeta?.patchStrategy);
  if (strategy !== MERGE_DIRECTIVE) {
    replacePatchFieldIfNotEqual(key, original, modified, patch, opts);
    return;
  }
  const [addList, deletionList, setOrderList] = diffLists(original, modified, itemMeta(fieldMeta), fieldMeta?.patchMergeKey ?? '',
    { ...opts, buildRetainKeysDirective: retainKeys });
  if (addList.length > 0) patch[key] = addList;
  if (deletionList.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = deletionList;
  if (setOrderList.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = setOrderList;
}

function replacePatchFieldIfNotEqual(key: string, original: Json, modified: Json, patch: JsonObject, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions) return;
  if (!deepEqual(original, modified)) patch[key] = modified;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  for (const k of Object.keys(original)) if (original[k] !== null && !(k in modified)) return true;
  return false;
}

// patch.go diffLists: [additions and changes, primitive deletions, $setElementOrder list].
function diffLists(original: Json[], modified: Json[], items: PatchMeta | undefined, mergeKey: string,
  opts: DiffOptions): [Json[], Json[], Json[]] {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'map') {
    let [patchList, deleteList] = diffListsOfMaps(original, modified, items, mergeKey, opts);
    patchList = normalizeSliceOrder(patchList, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    patchList = patchList.concat(deleteList);
    deleteList = [];
    let setOrderList: Json[] = [];
    if (opts.setElementOrder && ((!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame))
      || (!opts.ignoreDeletions && patchList.length > 0))) {
      setOrderList = modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] }));
    }
    return [patchList, deleteList, setOrderList];
  }
  if (kind === 'slice') throw new SmpFailure('lists of lists are not supported');
  const [addList, deleteList] = diffListsOfScalars(original, modified, opts);
  const patchList = normalizeSliceOrder(addList, modified, mergeKey, kind);
  // `original` was sorted in place by diffListsOfScalars, as upstream's is: an unsorted list compares
  // unequal to itself here and gets a $setElementOrder.
  const setOrderList = opts.setElementOrder && ((!opts.ignoreDeletions && deleteList.length > 0)
    || (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified))) ? modified : [];
  return [patchList, deleteList, setOrderList];
}

function isOrderSame(original: Json[], modified: Json[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  for (let i = 0; i < modified.length; i++) if (!mergeKeyValueEqual(original[i], modified[i], mergeKey)) return false;
  return true;
}

// patch.go diffListsOfScalars: walks both lists sorted by their %v text. Sorts `original` in place.
function diffListsOfScalars(original: Json[], modified: Json[], opts: DiffOptions): [Json[], Json[]] {
  const originalScalars = sortScalars(original);
  const modifiedScalars = sortScalars([...modified]);
  const addList: Json[] = [];
  const deletionList: Json[] = [];
  let o = 0;
  let m = 0;
  while (o < originalScalars.length || m < modifiedScalars.length) {
    const oIn = o < originalScalars.length;
    const mIn = m < modifiedScalars.length;
    const os = oIn ? goV(originalScalars[o]) : '';
    const ms = mIn ? goV(modifiedScalars[m]) : '';
    if (oIn && mIn && os === ms) {
      o++;
      m++;
    } else if (!oIn || (mIn && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) addList.push(modifiedScalars[m]);
      m++;
    } else {
      if (!opts.ignoreDeletions) deletionList.push(originalScalars[o]);
      o++;
    }
  }
  return [addList, deduplicateScalars(deletionList)];
}

function mapAndKey(list: Json[], i: number, mergeKey: string): [JsonObject, Json] {
  const m = list[i];
  if (!isObject(m)) throw errBadArgType('map', m);
  if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
  return [m, m[mergeKey]];
}

// Sorts a list of maps by the %v text of the merge key (sortMapsBasedOnField).
function sortByMergeKey(list: Json[], mergeKey: string): Json[] {
  if (list.length === 0) return list;
  if (sliceElementType(list) !== 'map') return sortScalars(deduplicateScalars([...list]));
  return [...list].sort((a, b) => {
    const x = goV((a as JsonObject)[mergeKey]);
    const y = goV((b as JsonObject)[mergeKey]);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

// patch.go diffListsOfMaps: [additions and changes, `$patch: delete` items].
function diffListsOfMaps(original: Json[], modified: Json[], items: PatchMeta | undefined, mergeKey: string,
  opts: DiffOptions): [Json[], Json[]] {
  const patch: Json[] = [];
  const deletionList: Json[] = [];
  const originalSorted = sortByMergeKey(original, mergeKey);
  const modifiedSorted = sortByMergeKey(modified, mergeKey);
  let o = 0;
  let m = 0;
  while (o < originalSorted.length || m < modifiedSorted.length) {
    const oIn = o < originalSorted.length;
    const mIn = m < modifiedSorted.length;
    let oMap: JsonObject = {};
    let oKey: Json = null;
    let mMap: JsonObject = {};
    let mKey: Json = null;
    if (oIn) [oMap, oKey] = mapAndKey(originalSorted, o, mergeKey);
    if (mIn) [mMap, mKey] = mapAndKey(modifiedSorted, m, mergeKey);
    const os = oIn ? goV(oKey) : '';
    const ms = mIn ? goV(mKey) : '';
    if (oIn && mIn && os === ms) {
      const patchValue = diffMaps(oMap, mMap, items, opts);
      if (Object.keys(patchValue).length > 0) {
        patchValue[mergeKey] = mKey;
        patch.push(patchValue);
      }
      o++;
      m++;
    } else if (!oIn || (mIn && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(mMap);
      m++;
    } else {
      if (!opts.ignoreDeletions) deletionList.push({ [mergeKey]: oKey, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      o++;
    }
  }
  return [patch, deletionList];
}

/**
 * Do two patches change a field differently (MergingMapsHaveConflicts)? Used by
 * CreateThreeWayMergePatch when overwrite is false.
 */
export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, meta: PatchMeta | undefined): boolean {
  return runSmp(() => fieldsHaveConflicts(left, right, meta, '', ''));
}

function fieldsHaveConflicts(left: Json, right: Json, meta: PatchMeta | undefined, strategy: string, mergeKey: string): boolean {
  if (isObject(left)) {
    if (!isObject(right)) return true;
    const okLeft = DIRECTIVE_MARKER in left;
    const okRight = DIRECTIVE_MARKER in right;
    if (okLeft || okRight) {
      if (okLeft !== okRight) return true;
      if (left[DIRECTIVE_MARKER] !== right[DIRECTIVE_MARKER]) return true;
    }
    if (strategy === REPLACE_DIRECTIVE) return false;
    for (const key of Object.keys(left)) {
      if (key === DIRECTIVE_MARKER || key === RETAIN_KEYS_DIRECTIVE || !(key in right)) continue;
      const lv = left[key];
      let sub: PatchMeta | undefined;
      let subStrategy = '';
      let subKey = '';
      if (Array.isArray(lv) || isObject(lv)) {
        const fieldMeta = childMeta(meta, key);
        subStrategy = splitPatchStrategy(fieldMeta?.patchStrategy).strategy;
        subKey = fieldMeta?.patchMergeKey ?? '';
        sub = Array.isArray(lv) ? itemMeta(fieldMeta) : fieldMeta;
      }
      if (fieldsHaveConflicts(lv, right[key], sub, subStrategy, subKey)) return true;
    }
    return false;
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return slicesHaveConflicts(left, right, meta, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function slicesHaveConflicts(left: Json[], right: Json[], meta: PatchMeta | undefined, strategy: string, mergeKey: string): boolean {
  const kind = sliceElementType(left, right);
  if (strategy === MERGE_DIRECTIVE) {
    if (kind !== 'map') return false;
    const l = byMergeKey(left, mergeKey);
    const r = byMergeKey(right, mergeKey);
    for (const [k, lv] of l) {
      const rv = r.get(k);
      if (rv !== undefined && fieldsHaveConflicts(lv, rv, meta, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  let l = left;
  let r = right;
  if (kind !== 'map') {
    l = sortScalars(deduplicateScalars([...left]));
    r = sortScalars(deduplicateScalars([...right]));
  }
  for (let i = 0; i < l.length; i++) if (fieldsHaveConflicts(l[i], r[i], meta, '', '')) return true;
  return false;
}

function byMergeKey(list: Json[], mergeKey: string): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const v of list) {
    if (!isObject(v)) throw new SmpFailure(`invalid element type in merging list:${goV(list)}`);
    if (!(mergeKey in v)) throw new SmpFailure(`cannot find merge key \`${mergeKey}\` in merging list element:${goV(v)}`);
    out.set(goV(v[mergeKey]), v);
  }
  return out;
}
