// JSON patch (RFC 6902) as the API server applies it. Models gopkg.in/evanphx/json-patch.v4 patch.go
// (v4.12.0, what apimachinery v0.32 pins) including its quirks, and handlers/patch.go applyJSPatch:
// a patch that is not a list of operations is a 400, more than 10000 operations a 413, and any
// failing operation a 422 whose message is the generic "the server rejected our request due to an
// error in our request" (the library's text stays in PatchError.detail).
import { newRequestEntityTooLarge } from '../errors';
import { deepEqual } from '../meta';
import { type Json, type JsonObject, isObject } from './go-format';
import { patchBadRequest, patchInvalid } from './patch-errors';

/** handlers/patch.go maxJSONPatchOperations */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/** One RFC 6902 operation as sent. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test' | string;
  path?: string;
  from?: string;
  value?: unknown;
}

class OpError extends Error {}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

function goJsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number
}

/**
 * Applies RFC 6902 operations to a copy of `target` and returns it.
 * @example jsonPatch(pod, [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' }])
 */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (ops === null || ops === undefined) return target;
  if (!Array.isArray(ops)) {
    throw patchBadRequest(`json: cannot unmarshal ${goJsonTypeName(ops)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of ops) {
    if (op !== null && !isObject(op)) {
      throw patchBadRequest(`json: cannot unmarshal ${goJsonTypeName(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw newRequestEntityTooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  const doc = { root: structuredClone(target) as Json };
  for (const op of ops as (JsonObject | null)[]) {
    try {
      applyOp(doc, op ?? {});
    } catch (e) {
      if (e instanceof OpError) throw patchInvalid(e.message);
      throw e;
    }
  }
  return doc.root;
}

function kindOf(op: JsonObject): string {
  return typeof op.op === 'string' ? op.op : 'unknown';
}

// Operation.Path / Operation.From: absent or null is ErrMissing, a non-string a json error.
function readPath(op: JsonObject, field: 'path' | 'from'): string {
  const v = op[field];
  if (v === undefined || v === null) {
    throw new OpError(field === 'path' ? `operation missing path field: ${MISSING}` : `operation, missing from field: ${MISSING}`);
  }
  if (typeof v !== 'string') throw new OpError(`json: cannot unmarshal ${goJsonTypeName(v)} into Go value of type string`);
  return v;
}

function wrap<T>(fn: () => T, prefix: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OpError) throw new OpError(`${prefix}: ${e.message}`);
    throw e;
  }
}

function applyOp(doc: { root: Json }, op: JsonObject): void {
  const kind = kindOf(op);
  switch (kind) {
    case 'add': {
      const path = readPathOr(op, 'path', `add operation failed to decode path: ${MISSING}`);
      const c = findObject(doc.root, path);
      if (!c) throw new OpError(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      wrap(() => add(c, op.value === undefined ? null : op.value), `error in add for path: '${path}'`);
      return;
    }
    case 'remove': {
      const path = readPathOr(op, 'path', `remove operation failed to decode path: ${MISSING}`);
      const c = findObject(doc.root, path);
      if (!c) throw new OpError(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      wrap(() => remove(c), `error in remove for path: '${path}'`);
      return;
    }
    case 'replace': {
      const path = wrap(() => readPath(op, 'path'), 'replace operation failed to decode path');
      if (path === '') {
        // A non-container value makes upstream wrap a nil error, which is no error: nothing happens.
        if (isObject(op.value) || Array.isArray(op.value)) doc.root = op.value;
        return;
      }
      const c = findObject(doc.root, path);
      if (!c) throw new OpError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      try {
        get(c);
      } catch {
        throw new OpError(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
      }
      // v4 quirk kept: on an object, replacing a missing key adds it (its get never reports a missing key).
      wrap(() => set(c, op.value === undefined ? null : op.value), `error in remove for path: '${path}'`);
      return;
    }
    case 'move': {
      const from = wrap(() => readPath(op, 'from'), 'move operation failed to decode from');
      const c = findObject(doc.root, from);
      if (!c) throw new OpError(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      const val = wrap(() => get(c) ?? null, `error in move for path: '${c.key}'`);
      wrap(() => remove(c), `error in move for path: '${c.key}'`);
      const path = wrap(() => readPath(op, 'path'), 'move operation failed to decode path');
      const d = findObject(doc.root, path);
      if (!d) throw new OpError(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      wrap(() => add(d, val), `error in move for path: '${path}'`);
      return;
    }
    case 'test': {
      const path = wrap(() => readPath(op, 'path'), 'test operation failed to decode path');
      if (path === '') {
        if (deepEqual(doc.root, op.value ?? null)) return;
        throw new OpError(`testing value ${path} failed: test failed`);
      }
      const c = findObject(doc.root, path);
      if (!c) throw new OpError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      const current = wrap(() => get(c) ?? null, `error in test for path: '${path}'`);
      if (current === null) {
        if (op.value === undefined || op.value === null) return;
        throw new OpError(`testing value ${path} failed: test failed`);
      }
      if (op.value !== undefined && deepEqual(current, op.value)) return;
      throw new OpError(`testing value ${path} failed: test failed`);
    }
    case 'copy': {
      const from = wrap(() => readPath(op, 'from'), 'copy operation failed to decode from');
      const c = findObject(doc.root, from);
      if (!c) throw new OpError(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      // A missing key copies as null: upstream deep-copies a nil node.
      const val = structuredClone(wrap(() => get(c) ?? null, `error in copy for from: '${from}'`));
      const path = readPathOr(op, 'path', `copy operation failed to decode path: ${MISSING}`);
      const d = findObject(doc.root, path);
      if (!d) throw new OpError(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      wrap(() => add(d, val), 'error while adding value during copy');
      return;
    }
    default:
      throw new OpError(`Unexpected kind: ${kind}`);
  }
}

function readPathOr(op: JsonObject, field: 'path', message: string): string {
  try {
    return readPath(op, field);
  } catch {
    throw new OpError(message);
  }
}

/** A container (object or array) and the key inside it that an operation targets. */
interface Target {
  readonly container: JsonObject | Json[];
  readonly key: string;
}

// RFC 6901: ~1 is "/", then ~0 is "~".
function decodePatchKey(k: string): string {
  return k.replace(/~1/g, '/').replace(/~0/g, '~');
}

// patch.go findObject: every segment but the first (before the leading "/") and the last is walked.
function findObject(root: Json, path: string): Target | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let doc: JsonObject | Json[];
  if (Array.isArray(root)) doc = root;
  else if (isObject(root)) doc = root;
  else return undefined;
  for (const part of split.slice(1, -1)) {
    let next: Json | undefined;
    try {
      next = get({ container: doc, key: decodePatchKey(part) });
    } catch {
      return undefined;
    }
    if (next === undefined || next === null) return undefined;
    if (Array.isArray(next)) doc = next;
    else if (isObject(next)) doc = next;
    else return undefined;
  }
  return { container: doc, key: decodePatchKey(split[split.length - 1]) };
}

// strconv.Atoi
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function invalidIndex(idx: number): OpError {
  return new OpError(`Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);
}

function get(t: Target): Json | undefined {
  const c = t.container;
  if (!Array.isArray(c)) return Object.prototype.hasOwnProperty.call(c, t.key) ? c[t.key] : undefined;
  let idx = atoi(t.key);
  if (idx < 0) {
    if (idx < -c.length) throw invalidIndex(idx);
    idx += c.length;
  }
  if (idx >= c.length) throw invalidIndex(idx);
  return c[idx];
}

function set(t: Target, v: unknown): void {
  const c = t.container;
  if (!Array.isArray(c)) {
    c[t.key] = v as Json;
    return;
  }
  let idx = atoi(t.key);
  if (idx < 0) {
    if (idx < -c.length) throw invalidIndex(idx);
    idx += c.length;
  }
  c[idx] = v as Json;
}

function add(t: Target, v: unknown): void {
  const c = t.container;
  if (!Array.isArray(c)) {
    c[t.key] = v as Json;
    return;
  }
  if (t.key === '-') {
    c.push(v as Json);
    return;
  }
  let idx: number;
  try {
    idx = atoi(t.key);
  } catch (e) {
    throw new OpError(`value was not a proper array index: '${t.key}': ${(e as Error).message}`);
  }
  const size = c.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    idx += size;
  }
  c.splice(idx, 0, v as Json);
}

function remove(t: Target): void {
  const c = t.container;
  if (!Array.isArray(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, t.key)) {
      throw new OpError(`Unable to remove nonexistent key: ${t.key}: ${MISSING}`);
    }
    delete c[t.key];
    return;
  }
  let idx = atoi(t.key);
  if (idx >= c.length) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -c.length) throw invalidIndex(idx);
    idx += c.length;
  }
  c.splice(idx, 1);
}
