// JSON merge patch (RFC 7386) as the API server applies it and kubectl builds it. Models
// gopkg.in/evanphx/json-patch.v4 merge.go (MergePatch, CreateMergePatch; apimachinery v0.32 pins v4.12.0)
// and apimachinery util/jsonmergepatch/patch.go (CreateThreeWayJSONMergePatch).
// Inputs are never mutated: results share untouched subtrees with them.
import { type Json, type JsonObject, goV, isObject } from './go-format';
import { type PatchError, patchBadRequest, patchInternal } from './patch-errors';
import { deepEqual as deepEqualJson } from '../meta';

/** jsonpatch.ErrBadJSONPatch: the patch is not a JSON object or array (400). */
export const ERR_BAD_JSON_PATCH = 'Invalid JSON Patch';
/** jsonpatch.ErrBadJSONDoc */
export const ERR_BAD_JSON_DOCUMENT = 'Invalid JSON Document';

/**
 * Applies a merge patch: null deletes a key, objects merge recursively, anything else replaces.
 * Models merge.go MergePatch: a null or scalar patch is ErrBadJSONPatch; an array patch replaces the
 * whole document (nulls inside its objects pruned).
 */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || patch === undefined || (typeof patch !== 'object')) throw patchBadRequest(ERR_BAD_JSON_PATCH);
  if (Array.isArray(patch)) return pruneArrayNulls(patch as Json[]);
  if (target === null) throw patchInternal(ERR_BAD_JSON_DOCUMENT);
  if (!isObject(target)) return pruneDocNulls(patch as JsonObject);
  return mergeDocs(target, patch as JsonObject);
}

// merge.go mergeDocs: null deletes; a key that is absent or null takes the (null-pruned) patch value.
function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...doc };
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    out[k] = cur === undefined || cur === null ? pruneNulls(v) : merge(cur, v);
  }
  return out;
}

// merge.go merge: only object-into-object recurses; a non-object patch value replaces as is.
function merge(cur: Json, patch: Json): Json {
  if (!isObject(cur)) return pruneNulls(patch);
  if (!isObject(patch)) return patch;
  return mergeDocs(cur, patch);
}

function pruneNulls(v: Json): Json {
  if (isObject(v)) return pruneDocNulls(v);
  if (Array.isArray(v)) return pruneArrayNulls(v);
  return v;
}

function pruneDocNulls(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(doc)) {
    const v = doc[k];
    if (v !== null) out[k] = pruneNulls(v);
  }
  return out;
}

// Nulls directly in an array stay; only objects inside it lose their null members.
function pruneArrayNulls(a: Json[]): Json[] {
  return a.map((v) => (v === null ? v : pruneNulls(v)));
}

/**
 * A merge patch turning `original` into `modified` (merge.go CreateMergePatch for two objects):
 * changed and added keys with their new values, removed keys as null, objects diffed recursively.
 */
export function createMergePatch(original: unknown, modified: unknown): JsonObject {
  if (!isObject(original) || !isObject(modified)) throw patchInternal(ERR_BAD_JSON_DOCUMENT);
  return getDiff(original, modified);
}

function jsonKind(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

// merge.go getDiff
function getDiff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!(key in a)) {
      into[key] = bv;
      continue;
    }
    const av = a[key];
    if (jsonKind(av) !== jsonKind(bv)) {
      into[key] = bv;
      continue;
    }
    if (isObject(av)) {
      const d = getDiff(av, bv as JsonObject);
      if (Object.keys(d).length > 0) into[key] = d;
    } else if (!deepEqualJson(av, bv)) {
      into[key] = bv;
    }
  }
  for (const key of Object.keys(a)) if (!(key in b)) into[key] = null;
  return into;
}

/** mergepatch.PreconditionFunc: true when the patch may be sent. */
export type PreconditionFunc = (patch: JsonObject) => boolean;

/** mergepatch.RequireKeyUnchanged */
export const requireKeyUnchanged = (key: string): PreconditionFunc => (p) => !(key in p);

/** mergepatch.RequireMetadataKeyUnchanged */
export const requireMetadataKeyUnchanged = (key: string): PreconditionFunc => (p) => !isObject(p.metadata) || !(key in p.metadata);

/** mergepatch.NewErrPreconditionFailed */
export function preconditionFailed(patch: JsonObject): PatchError {
  return patchInternal(`precondition failed for: ${goV(patch)}`);
}

/**
 * What kubectl apply sends for kinds without a Go type (CRDs): additions and changes from `current`
 * to `modified`, plus deletions from `original` to `modified`. Models
 * jsonmergepatch/patch.go CreateThreeWayJSONMergePatch.
 * Deviation: a conflict reports both patches as Go-sorted JSON instead of YAML.
 */
export function createThreeWayJsonMergePatch(original: unknown, modified: unknown, current: unknown,
  ...preconditions: PreconditionFunc[]): JsonObject {
  const orig = original ?? {};
  const mod = modified ?? {};
  const cur = current ?? {};
  const addAndChange = keepOrDeleteNull(createMergePatch(cur, mod), false);
  const deletions = keepOrDeleteNull(createMergePatch(orig, mod), true);
  if (hasConflicts(addAndChange, deletions)) {
    throw patchInternal(`patch:\n${JSON.stringify(addAndChange)}\nconflicts with changes made from original to current:\n${JSON.stringify(deletions)}\n`);
  }
  // jsonpatch.MergePatch(deletePatch, addAndChangePatch): the deletions' nulls stay unless a change sets the key.
  const patch = jsonMergePatch(deletions, addAndChange) as JsonObject;
  for (const fn of preconditions) {
    if (!fn(patch)) throw patchInternal(`precondition failed for: ${goV(patch)}`);
  }
  return patch;
}

// jsonmergepatch keepOrDeleteNullInObj: keep only the nulls (deletions) or only the non-nulls.
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(m)) {
    const val = m[key];
    if (keepNull && val === null) {
      out[key] = null;
    } else if (val !== null) {
      if (isObject(val)) {
        if (Object.keys(val).length === 0) {
          if (!keepNull) out[key] = val;
          continue;
        }
        const sub = keepOrDeleteNull(val, keepNull);
        if (Object.keys(sub).length !== 0) out[key] = sub;
      } else if (!keepNull) {
        out[key] = val;
      }
    }
  }
  return out;
}

/** mergepatch.HasConflicts: do two patches touch the same key differently? */
export function hasConflicts(left: Json, right: Json): boolean {
  if (isObject(left)) {
    if (!isObject(right)) return true;
    for (const key of Object.keys(left)) {
      if (!(key in right)) continue;
      if (hasConflicts(left[key], right[key])) return true;
    }
    return false;
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    for (let i = 0; i < left.length; i++) if (hasConflicts(left[i], right[i])) return true;
    return false;
  }
  return !deepEqualJson(left, right);
}
