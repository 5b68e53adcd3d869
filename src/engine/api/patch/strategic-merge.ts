// Applying a strategic merge patch: what the API server does with
// application/strategic-merge-patch+json, and what CreateThreeWayMergePatch uses to combine its two
// halves. Models apimachinery util/strategicpatch/patch.go (v0.32) mergeMap and its helpers; like
// upstream it mutates the maps it is given, so entry points hand it copies.
import { type PatchMeta, childMeta, itemMeta, splitPatchStrategy } from './patch-meta';
import { type Json, type JsonObject, goV, isObject } from './go-format';
import { ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST, ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST, patchBadRequest, smpError } from './patch-errors';
import { DELETE_DIRECTIVE, DELETE_FROM_PRIMITIVE_LIST_PREFIX, DIRECTIVE_MARKER, MERGE_DIRECTIVE, REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE, SET_ELEMENT_ORDER_PREFIX, SmpFailure, deduplicateScalars, errBadArgType, errBadPatchType,
  errNoMergeKey, extractToDeleteItems, findMapInSlice, goKind, mergeKeyValueEqual, normalizeElementOrder,
  partitionMapsByPresentInList, partitionPrimitivesByPresentInList, schemaName, sliceElementType } from './strategic-util';
import { deepEqual } from '../meta';

/** patch.go MergeOptions */
export interface MergeOptions {
  /** Apply $deleteFromPrimitiveList and merge $setElementOrder lists (server side); else keep them. */
  mergeParallelList: boolean;
  /** Drop nulls that match nothing in the original (server side); else keep them in the result. */
  ignoreUnmatchedNulls: boolean;
}

/**
 * Applies a strategic merge patch to a copy of `original`: lists merged by patchMergeKey, `$patch:
 * replace|delete|merge`, `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`,
 * null deletes a field, maps merge recursively, lists without merge strategy are replaced.
 * Models StrategicMergeMapPatchUsingLookupPatchMeta; errors are PatchErrors worded and coded as the
 * API server answers them (handlers/patch.go interpretStrategicMergePatchError).
 */
export function strategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta | undefined): unknown {
  if (patch !== null && patch !== undefined && !isObject(patch)) {
    const t = Array.isArray(patch) ? 'array' : typeof patch === 'boolean' ? 'bool' : typeof patch;
    throw patchBadRequest(`json: cannot unmarshal ${t} into Go value of type map[string]interface {}`);
  }
  const orig = isObject(original) ? (structuredClone(original) as JsonObject) : {};
  const p = patch ? (structuredClone(patch) as JsonObject) : {};
  return runSmp(() => mergeMap(orig, p, meta, { mergeParallelList: true, ignoreUnmatchedNulls: true }));
}

/** Runs strategic merge patch code, turning its failures into PatchErrors. */
export function runSmp<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SmpFailure) throw smpError(e.message);
    throw e;
  }
}

/** patch.go mergeMap: merges `patch` into `original` (both mutated) and returns the result. */
export function mergeMap(original: JsonObject | null, patch: JsonObject, meta: PatchMeta | undefined, opts: MergeOptions): JsonObject {
  if (DIRECTIVE_MARKER in patch) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  const orig: JsonObject = original ?? {};
  applyRetainKeysDirective(orig, patch, opts);
  mergePatchIntoOriginal(orig, patch, meta, opts);
  for (const key of Object.keys(patch)) {
    const patchV = patch[key];
    let k = key;
    let isDeleteList = false;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!opts.mergeParallelList) {
        orig[key] = patchV;
        continue;
      }
      k = extractKey(key, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete orig[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    if (!(k in orig) || goKind(orig[k]) !== goKind(patchV)) {
      if (!isDeleteList) {
        if (opts.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
        const [v, keep] = removeDirectives(patchV);
        if (keep) orig[k] = v;
        else delete orig[k];
      }
      continue;
    }
    const fieldMeta = childMeta(meta, k);
    const { strategy } = splitPatchStrategy(fieldMeta?.patchStrategy);
    const ov = orig[k];
    if (isObject(ov)) {
      orig[k] = mergeMapHandler(ov, patchV, fieldMeta, strategy, opts);
    } else if (Array.isArray(ov)) {
      orig[k] = mergeSliceHandler(ov, patchV, itemMeta(fieldMeta), strategy, fieldMeta?.patchMergeKey ?? '', isDeleteList, opts).merged;
    } else {
      const [v, keep] = removeDirectives(patchV);
      if (keep) orig[k] = v;
      else delete orig[k];
    }
  }
  return orig;
}

// patch.go handleDirectiveInMergeMap: `$patch: replace` keeps the patch as is, `$patch: delete` empties the map.
function handleDirectiveInMergeMap(directive: Json, patch: JsonObject): JsonObject {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

function extractKey(s: string, prefix: string): string {
  const i = s.indexOf('/');
  if (i < 0 || s.slice(0, i) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw new SmpFailure(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST);
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw new SmpFailure(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
    throw new SmpFailure(`fail to find unknown prefix "${prefix}" in ${s}\n`);
  }
  return s.slice(i + 1);
}

// patch.go applyRetainKeysDirective: clears keys of original that the $retainKeys list does not name.
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, opts: MergeOptions): void {
  if (!(RETAIN_KEYS_DIRECTIVE in patch)) return;
  const retainKeys = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!opts.mergeParallelList) {
    if (RETAIN_KEYS_DIRECTIVE in original) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retainKeys)) {
        throw new SmpFailure(`${goV(original[RETAIN_KEYS_DIRECTIVE])} and ${goV(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`);
      }
    } else {
      original[RETAIN_KEYS_DIRECTIVE] = retainKeys;
    }
    return;
  }
  if (!Array.isArray(retainKeys)) throw new SmpFailure(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  const keep = new Set<Json>(retainKeys);
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!keep.has(k)) throw new SmpFailure(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * patch.go mergePatchIntoOriginal: processes each `$setElementOrder/<list>` with its list, ordering the
 * result by $setElementOrder, then the patch, then the live list.
 */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, meta: PatchMeta | undefined, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const setElementOrderInPatch = patch[key];
    if (!opts.mergeParallelList) {
      if (key in original) {
        if (!deepEqual(original[key], setElementOrderInPatch)) throw new SmpFailure(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
      } else {
        original[key] = setElementOrderInPatch;
      }
    }
    delete patch[key];
    if (!Array.isArray(setElementOrderInPatch)) throw errBadArgType('slice', setElementOrderInPatch);
    const originalKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = originalKey in original;
    const foundPatch = originalKey in patch;
    const originalList = original[originalKey];
    const patchList = patch[originalKey];
    let originalFieldValue: Json[] = [];
    let patchFieldValue: Json[] = [];
    if (foundOriginal) {
      if (!Array.isArray(originalList)) throw errBadArgType('slice', originalList);
      originalFieldValue = originalList;
    }
    if (foundPatch) {
      if (!Array.isArray(patchList)) throw errBadArgType('slice', patchList);
      patchFieldValue = patchList;
    }
    const fieldMeta = childMeta(meta, originalKey);
    const { strategy } = splitPatchStrategy(fieldMeta?.patchStrategy);
    const mergeKey = fieldMeta?.patchMergeKey ?? '';
    validatePatchWithSetOrderList(patchFieldValue, setElementOrderInPatch, mergeKey);
    let merged: Json[];
    if (foundOriginal && !foundPatch) {
      merged = originalFieldValue;
    } else if (!foundOriginal && foundPatch) {
      merged = removeDirectives(patchFieldValue)[0] as Json[];
    } else if (foundOriginal && foundPatch) {
      const r = mergeSliceHandler(originalList, patchList, itemMeta(fieldMeta), strategy, mergeKey, false, opts);
      merged = r.merged;
      originalFieldValue = r.view;
    } else {
      continue;
    }
    const [patchItems, serverOnlyItems] = mergeKey === ''
      ? partitionPrimitivesByPresentInList(merged, setElementOrderInPatch)
      : partitionMapsByPresentInList(merged, setElementOrderInPatch, mergeKey);
    const kind = sliceElementType(originalFieldValue, patchFieldValue);
    original[originalKey] = normalizeElementOrder(patchItems, serverOnlyItems, setElementOrderInPatch, originalFieldValue, mergeKey, kind);
    delete patch[originalKey];
  }
}

// patch.go validatePatchWithSetOrderList: the patch list must follow the $setElementOrder order.
function validatePatchWithSetOrderList(patchList: Json[], setOrderList: Json[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    if (isObject(nonDelete[p]) && DIRECTIVE_MARKER in (nonDelete[p] as JsonObject)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[p], setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw new SmpFailure(`The order in patch list:\n${goV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goV(setOrderList)}\n`);
  }
}

/** patch.go removeDirectives: strips `$patch` maps; false means "drop this value". */
export function removeDirectives(obj: Json): [Json, boolean] {
  if (obj === null) return [obj, true];
  if (isObject(obj)) {
    if (DIRECTIVE_MARKER in obj) return [null, false];
    for (const k of Object.keys(obj)) {
      const [v, keep] = removeDirectives(obj[k]);
      if (keep) obj[k] = v;
      else delete obj[k];
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) {
    const res: Json[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) res.push(nv);
    }
    return [res, true];
  }
  return [obj, true];
}

function discardNullValuesFromPatch(v: Json): void {
  if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNullValuesFromPatch(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNullValuesFromPatch(x);
  }
}

function mergeMapHandler(original: Json, patch: Json, meta: PatchMeta | undefined, strategy: string, opts: MergeOptions): JsonObject {
  if (!isObject(original)) throw errBadArgType('map', original);
  if (!isObject(patch)) throw errBadArgType('map', patch);
  return strategy !== REPLACE_DIRECTIVE ? mergeMap(original, patch, meta, opts) : patch;
}

/**
 * A merged list, and how the caller's original list looks afterwards. Upstream deletes and appends in
 * place (Go's append and copy on the same backing array), so after a merge the caller's slice shows
 * the surviving items, then appended ones, then stale leftovers; mergePatchIntoOriginal orders by that
 * view, and so must we to give the same order.
 */
interface SliceMerge {
  merged: Json[];
  view: Json[];
}

function mergeSliceHandler(original: Json, patch: Json, items: PatchMeta | undefined, strategy: string, mergeKey: string,
  isDeleteList: boolean, opts: MergeOptions): SliceMerge {
  if (!Array.isArray(original)) throw errBadArgType('slice', original);
  if (!Array.isArray(patch)) throw errBadArgType('slice', patch);
  if (strategy === MERGE_DIRECTIVE || isDeleteList) return mergeSlice(original, patch, items, mergeKey, opts, isDeleteList);
  return { merged: patch, view: original };
}

// patch.go mergeSlice
function mergeSlice(original: Json[], patch: Json[], items: PatchMeta | undefined, mergeKey: string, opts: MergeOptions,
  isDeleteList: boolean): SliceMerge {
  if (original.length === 0 && patch.length === 0) return { merged: original, view: original };
  const kind = sliceElementType(original, patch);
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) return { merged: deleteFromSlice(original, patch), view: original };
    // Deviation: upstream's append may share the backing array here; we assume it reallocates.
    const merged = deduplicateScalars([...original, ...patch]);
    const [patchItems, serverOnlyItems] = partitionPrimitivesByPresentInList(merged, patch);
    return { merged: normalizeElementOrder(patchItems, serverOnlyItems, patch, original, mergeKey, kind), view: original };
  }
  if (mergeKey === '') throw new SmpFailure(`cannot merge lists without merge key for ${schemaName(items)}`);
  // `back` plays the Go backing array of `original`; `len` is the length of the working slice.
  const back = [...original];
  let len = back.length;
  const rest: Json[] = [];
  let replace = false;
  // patch.go mergeSliceWithSpecialElements: `$patch: delete` items delete in place; `$patch: replace` replaces.
  for (const v of patch) {
    const m = v as JsonObject;
    if (!(DIRECTIVE_MARKER in m)) {
      rest.push(v);
      continue;
    }
    const t = m[DIRECTIVE_MARKER];
    if (t === DELETE_DIRECTIVE) {
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
      for (let found = findMapInSlice(back.slice(0, len), mergeKey, m[mergeKey]); found;
        found = findMapInSlice(back.slice(0, len), mergeKey, m[mergeKey])) {
        for (let j = found[1]; j < len - 1; j++) back[j] = back[j + 1];
        len--;
      }
    } else if (t === REPLACE_DIRECTIVE) {
      replace = true;
    } else if (t === MERGE_DIRECTIVE) {
      throw new SmpFailure('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(t, m);
    }
  }
  let merged: Json[];
  let serverOrder: Json[];
  let patchList: Json[];
  if (replace) {
    merged = rest;
    serverOrder = rest;
    patchList = [];
  } else {
    const afterDelete = len;
    // patch.go mergeSliceWithoutSpecialElements: merge items with the same key, append new ones as sent.
    for (const v of rest) {
      const m = v as JsonObject;
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
      const found = findMapInSlice(back.slice(0, len), mergeKey, m[mergeKey]);
      if (found) {
        back[found[1]] = mergeMap(found[0], m, items, opts);
      } else {
        if (len < back.length) back[len] = v;
        else back.push(v);
        len++;
      }
    }
    merged = back.slice(0, len);
    serverOrder = back.slice(0, afterDelete);
    patchList = rest;
  }
  const [patchItems, serverOnlyItems] = partitionMapsByPresentInList(merged, patchList, mergeKey);
  return {
    merged: normalizeElementOrder(patchItems, serverOnlyItems, patchList, serverOrder, mergeKey, kind),
    view: back.slice(0, original.length),
  };
}

function deleteFromSlice(current: Json[], toDelete: Json[]): Json[] {
  const del = new Set(toDelete);
  return current.filter((v) => !del.has(v));
}
