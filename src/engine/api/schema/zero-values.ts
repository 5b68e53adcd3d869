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

function fill(v: unknown, t: SchemaType): unknown {
  if (v === null || typeof v !== 'object') return v;
  switch (t.kind) {
    case 'struct': return Array.isArray(v) ? v : fillStruct(v as Record<string, unknown>, t.def!);
    case 'list': return Array.isArray(v) ? v.map((x) => fill(x, t.elem!)) : v;
    case 'map': {
      if (Array.isArray(v)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = fill(x, t.elem!);
      return out;
    }
    default: return v;
  }
}

function fillStruct(v: Record<string, unknown>, def: SchemaDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const f = def.fields.get(key);
    out[key] = f ? fill(v[key], f.type) : v[key];
  }
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
  if (!def || obj === null || typeof obj !== 'object') return structuredClone(obj);
  return fillStruct(structuredClone(obj) as Record<string, unknown>, def) as T;
}
