// What Go's encoding/json writes for fields a Go struct always carries: a decoded object re-encoded by the
// API server shows `creationTimestamp: null` in pod templates, `resources: {}` in containers,
// `status: {loadBalancer: {}}` on a Service and `replicas: 0` in a ReplicaSet status. Decode drops JSON nulls
// and never adds fields; this is the separate step that writes the object as Go would (see go-emit.ts).
import { defForKind } from './model';
import type { SchemaDef, SchemaType } from './model';

function zeroValue(t: SchemaType): unknown {
  switch (t.kind) {
    case 'string': return '';
    case 'int': return 0;
    case 'bool': return false;
    case 'quantity': return '0';
    case 'intOrString': return 0;
    case 'struct': return fillStruct({}, t.def!);
    default: return null; // nil slices, maps and []byte; zero Time; empty RawExtension
  }
}

// Builds a new value: objects and arrays are copied, never shared with the input.
function fill(v: unknown, t: SchemaType | undefined): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (t?.kind === 'struct' && !Array.isArray(v)) return fillStruct(v as Record<string, unknown>, t.def!);
  if ((t?.kind === 'list' && Array.isArray(v)) || (t?.kind === 'map' && !Array.isArray(v))) {
    if (Array.isArray(v)) return v.map((x) => fill(x, t.elem));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = fill((v as Record<string, unknown>)[k], t.elem);
    return out;
  }
  return structuredClone(v);
}

function fillStruct(v: Record<string, unknown>, def: SchemaDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = fill(v[key], def.fields.get(key)?.type);
  for (const f of def.fields.values()) {
    if (f.emit && out[f.name] === undefined) out[f.name] = f.emit === 'null' ? null : zeroValue(f.type);
  }
  return out;
}

/**
 * A copy of `obj` with every field Go's encoder always writes filled with its zero value, as the real API
 * server's responses (and kubectl's client-side dry-run output) show them. Unknown kinds are copied as is.
 */
export function fillZeroValues<T>(obj: T, apiVersion: string, kind: string): T {
  const def = defForKind(apiVersion, kind);
  if (!def || obj === null || typeof obj !== 'object' || Array.isArray(obj)) return structuredClone(obj);
  return fillStruct(obj as Record<string, unknown>, def) as T;
}
