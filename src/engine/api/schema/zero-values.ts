// What Go's encoding/json writes for fields a Go struct always carries: a decoded object re-encoded by the
// API server shows `creationTimestamp: null` in pod templates, `resources: {}` in containers,
// `status: {loadBalancer: {}}` on a Service and `replicas: 0` in a ReplicaSet status. Decode drops JSON nulls
// and never adds fields; this is the separate step that writes the object as Go would (see go-emit.ts).
import { shallowCopy } from '../meta';
import { defForKind } from './model';
import type { SchemaDef, SchemaField, SchemaType } from './model';

/** Options of fillZeroValues. */
export interface FillOptions {
  /** Also write each struct's fields in Go declaration order (as Go's encoder does), unknown keys last. */
  goOrder?: boolean;
}

function zeroValue(t: SchemaType, o: FillOptions): unknown {
  switch (t.kind) {
    case 'string': return '';
    case 'int': return 0;
    case 'bool': return false;
    case 'quantity': return '0';
    case 'intOrString': return 0;
    case 'struct': return fillStruct({}, t.def!, o);
    default: return null; // nil slices, maps and []byte; zero Time; empty RawExtension
  }
}

// Builds a new value: objects and arrays are copied, never shared with the input.
function fill(v: unknown, t: SchemaType | undefined, o: FillOptions): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (t?.kind === 'struct' && !Array.isArray(v)) return fillStruct(v as Record<string, unknown>, t.def!, o);
  if ((t?.kind === 'list' && Array.isArray(v)) || (t?.kind === 'map' && !Array.isArray(v))) {
    if (Array.isArray(v)) return v.map((x) => fill(x, t.elem, o));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = fill((v as Record<string, unknown>)[k], t.elem, o);
    return out;
  }
  return structuredClone(v);
}

function fillStruct(v: Record<string, unknown>, def: SchemaDef, o: FillOptions): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const key of Object.keys(v)) filled[key] = fill(v[key], def.fields.get(key)?.type, o);
  for (const f of def.fields.values()) {
    if (f.emit && filled[f.name] === undefined) filled[f.name] = f.emit === 'null' ? null : zeroValue(f.type, o);
  }
  if (!o.goOrder) return filled;
  const out: Record<string, unknown> = {};
  for (const name of def.goOrder) if (filled[name] !== undefined) out[name] = filled[name];
  for (const key of Object.keys(filled)) if (!def.fields.has(key)) out[key] = filled[key];
  return out;
}

// The fields Go's encoder always writes, per definition (computed once: most fields are omitempty).
const emitted = new WeakMap<SchemaDef, readonly SchemaField[]>();
function emitFields(def: SchemaDef): readonly SchemaField[] {
  let fs = emitted.get(def);
  if (!fs) emitted.set(def, (fs = [...def.fields.values()].filter((f) => f.emit)));
  return fs;
}

// Like fill, but copy-on-write: a value that lacks nothing is returned as is, and a struct, list or map
// is copied (shallowly) only when something below it changes.
function fillShared(v: unknown, t: SchemaType | undefined): unknown {
  if (v === null || typeof v !== 'object' || t === undefined) return v;
  const isArray = Array.isArray(v);
  if (t.kind === 'struct' && !isArray) return fillStructShared(v as Record<string, unknown>, t.def!, undefined);
  if (t.kind === 'list' && isArray) {
    const a = v as unknown[];
    let out: unknown[] | undefined;
    for (let i = 0; i < a.length; i++) {
      const x = fillShared(a[i], t.elem);
      if (x !== a[i]) (out ??= a.slice())[i] = x;
    }
    return out ?? a;
  }
  if (t.kind === 'map' && !isArray) {
    const o = v as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(o)) {
      const x = fillShared(o[k], t.elem);
      if (x !== o[k]) (out ??= shallowCopy(o))[k] = x;
    }
    return out ?? o;
  }
  return v;
}

function fillStructShared(v: Record<string, unknown>, def: SchemaDef, skip: string | undefined): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(v)) {
    if (key === skip) continue;
    const x = fillShared(v[key], def.fields.get(key)?.type);
    if (x !== v[key]) (out ??= shallowCopy(v))[key] = x;
  }
  for (const f of emitFields(def)) {
    if ((out ?? v)[f.name] === undefined) (out ??= shallowCopy(v))[f.name] = f.emit === 'null' ? null : zeroValue(f.type, {});
  }
  return out ?? v;
}

/**
 * fillZeroValues for an object the caller owns whole (a freshly decoded request body): the same
 * content and key order, but subtrees that lack nothing are shared with `obj` instead of copied, and
 * `obj` itself comes back when nothing is missing. `skip` names a top-level field left as it is.
 */
export function fillZeroValuesShared<T>(obj: T, apiVersion: string, kind: string, skip?: string): T {
  const def = defForKind(apiVersion, kind);
  if (!def || obj === null || typeof obj !== 'object' || Array.isArray(obj)) return obj;
  const o = obj as Record<string, unknown>;
  return fillStructShared(o, def, skip !== undefined && o[skip] !== undefined ? skip : undefined) as T;
}

/**
 * A copy of `obj` with every field Go's encoder always writes filled with its zero value, as the real API
 * server's responses (and kubectl's client-side dry-run output) show them; with `goOrder`, keys in Go's
 * field order too (for JSON output of typed objects). Unknown kinds are copied as is.
 */
export function fillZeroValues<T>(obj: T, apiVersion: string, kind: string, opts: FillOptions = {}): T {
  const def = defForKind(apiVersion, kind);
  if (!def || obj === null || typeof obj !== 'object' || Array.isArray(obj)) return structuredClone(obj);
  return fillStruct(obj as Record<string, unknown>, def, opts) as T;
}
