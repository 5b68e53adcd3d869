// Small helpers over object metadata, shared by every layer.
import type { KubeObject, OwnerReference } from './types';

/** "ns/name" for namespaced objects, "name" for cluster-scoped ones (cache.MetaNamespaceKeyFunc). */
export type ObjectKey = string;

/** cache.MetaNamespaceKeyFunc. */
export function keyOf(obj: KubeObject): ObjectKey {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '');
}

/** Builds a key from its parts. */
export function makeKey(namespace: string | undefined, name: string): ObjectKey {
  return namespace ? `${namespace}/${name}` : name;
}

/** cache.SplitMetaNamespaceKey. */
export function splitKey(key: ObjectKey): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** metav1.GetControllerOf: the owner reference with controller: true, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  // A plain loop: controllers ask this of every pod of a set on every sync.
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}

/** Deep-freezes an object graph in place (development safety net; see DESIGN "Performance"). */
export function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

// Values deep-frozen by shareImmutable: anything may hold them, nobody can change them.
const shareable = new WeakSet<object>();

/**
 * Deep-freezes plain JSON data and marks it shareable: copies of it (the decoder's, for a FieldsV1 or a
 * RawExtension) may then be the value itself. Used for values many objects hold alike (managed fields).
 */
export function shareImmutable<T extends object>(o: T): T {
  if (shareable.has(o)) return o;
  deepFreeze(o);
  // Only the root is marked: copies stop there, and a mark per nested object would cost a WeakSet
  // entry each (megabytes over the managed fields of 10,000 pods).
  shareable.add(o);
  return o;
}

/** Was the value made immutable by shareImmutable? */
export function isShareable(o: object): boolean {
  return shareable.has(o);
}

/**
 * A deep copy of plain JSON data (objects from the API are plain JSON), as structuredClone makes it
 * but several times faster: strings, and values made immutable by shareImmutable, are shared.
 */
export function clone<T>(o: T): T {
  return copyValue(o) as T;
}

function copyValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (shareable.has(v)) return v; // frozen for good (managed fields): nobody can change it
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyValue(v[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(v); // a Date from YAML, …
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyValue((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * A shallow copy of a plain object, key by key, to add fields to: V8 (Node 20) adds a property to an
 * object made by `{ ...o }` (or `{ ...o, k: v }` with a new key) through a slow path, ~0.5 µs each;
 * on this copy it is a plain property store.
 */
export function shallowCopy<T extends object>(o: T): { -readonly [K in keyof T]: T[K] } {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = (o as Record<string, unknown>)[k];
  return out as { -readonly [K in keyof T]: T[K] };
}

/** Structural equality of plain JSON values (apiequality.Semantic.DeepEqual for our data). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Is the object being deleted (deletionTimestamp set)? */
export function isTerminating(obj: KubeObject): boolean {
  return !!obj.metadata?.deletionTimestamp;
}
