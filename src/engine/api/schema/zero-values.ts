// What Go's encoding/json writes for fields a Go struct always carries: a decoded object re-encoded by the
// API server shows `creationTimestamp: null` in pod templates, `resources: {}` in containers,
// `status: {loadBalancer: {}}` on a Service and `replicas: 0` in a ReplicaSet status. Decode drops JSON nulls
// and never adds fields; this is the separate step that writes the object as Go would (see go-emit.ts).
import { defForKind } from './model';
import type { SchemaDef, SchemaType } from './model';

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
