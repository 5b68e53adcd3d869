// JSON Schema (draft-07) of one kind, for the editor's monaco-yaml validation, completion and hover. Shaped
// like the API server's OpenAPI v3 components (kube-openapi): a field that refers to a definition is
// `allOf: [{$ref}]` beside its own description, Quantity and IntOrString accept a number or a string, and
// the x-kubernetes-* patch extensions are carried along.
import { SPECIAL_DOCS } from './k8s-schema.generated';
import { defForKind } from './model';
import type { SchemaDef, SchemaField, SchemaType } from './model';

type Json = Record<string, unknown>;

const INT_OR_STRING_DOC = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

function typeSchema(t: SchemaType, defs: Map<string, Json>): Json {
  switch (t.kind) {
    case 'string': return t.enumValues ? { type: 'string', enum: [...t.enumValues] } : { type: 'string' };
    case 'int': return { type: 'integer', format: t.bits === 64 ? 'int64' : 'int32' };
    case 'bool': return { type: 'boolean' };
    case 'bytes': return { type: 'string', format: 'byte', contentEncoding: 'base64' };
    case 'quantity': return { oneOf: [{ type: 'string' }, { type: 'number' }], 'x-kubernetes-type': 'Quantity' };
    case 'intOrString': return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
    case 'time': return { type: 'string', format: 'date-time' };
    case 'microTime': return { type: 'string', format: 'date-time' };
    case 'raw': case 'any': return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    case 'list': return { type: 'array', items: typeSchema(t.elem!, defs) };
    case 'map': return { type: 'object', additionalProperties: typeSchema(t.elem!, defs) };
    case 'struct':
      addDef(t.def!, defs);
      return { $ref: `#/definitions/${t.def!.key}` };
  }
}

function specialDoc(t: SchemaType): string | undefined {
  switch (t.kind) {
    case 'quantity': return SPECIAL_DOCS.q;
    case 'intOrString': return INT_OR_STRING_DOC;
    default: return undefined;
  }
}

function fieldSchema(f: SchemaField, defs: Map<string, Json>): Json {
  const inner = typeSchema(f.type, defs);
  const s: Json = inner.$ref ? { allOf: [inner] } : { ...inner };
  s.description = f.description || specialDoc(f.type) || '';
  const p = f.patch;
  if (p?.patchStrategy) s['x-kubernetes-patch-strategy'] = p.patchStrategy;
  if (p?.patchMergeKey) s['x-kubernetes-patch-merge-key'] = p.patchMergeKey;
  if (p?.listType) s['x-kubernetes-list-type'] = p.listType;
  if (p?.listMapKeys) s['x-kubernetes-list-map-keys'] = [...p.listMapKeys];
  if (p?.mapType) s['x-kubernetes-map-type'] = p.mapType;
  return s;
}

function addDef(def: SchemaDef, defs: Map<string, Json>): void {
  if (defs.has(def.key)) return;
  const s: Json = { type: 'object', description: def.description };
  defs.set(def.key, s); // before the fields: the graph has cycles
  const properties: Json = {};
  const required: string[] = [];
  for (const f of def.fields.values()) {
    properties[f.name] = fieldSchema(f, defs);
    if (f.required) required.push(f.name);
  }
  s.properties = properties;
  if (required.length) s.required = required;
  s.additionalProperties = false;
  if (def.atomic) s['x-kubernetes-map-type'] = 'atomic';
}

const cache = new Map<string, object | undefined>();

/**
 * JSON Schema (draft-07 style, with descriptions, required, enums where known, additionalProperties false
 * for structs) for one kind, for the editor's monaco-yaml validation/completion/hover.
 */
export function jsonSchemaFor(apiVersion: string, kind: string): object | undefined {
  const k = `${apiVersion}/${kind}`;
  if (!cache.has(k)) {
    const def = defForKind(apiVersion, kind);
    let schema: object | undefined;
    if (def) {
      const defs = new Map<string, Json>();
      addDef(def, defs);
      const root = defs.get(def.key)!;
      // The document itself is the kind (so tools that ignore $ref at the root still see its fields);
      // apiVersion and kind are pinned to this kind and required, as kubectl needs them.
      const props = { ...(root.properties as Json) };
      props.apiVersion = { ...(props.apiVersion as Json), enum: [apiVersion] };
      props.kind = { ...(props.kind as Json), enum: [kind] };
      schema = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: `kubesim://schemas/${apiVersion}/${kind}.json`,
        title: kind,
        ...root,
        properties: props,
        required: [...new Set(['apiVersion', 'kind', ...((root.required as string[] | undefined) ?? [])])],
        definitions: Object.fromEntries(defs),
        'x-kubernetes-group-version-kind': [{ group: apiVersion.includes('/') ? apiVersion.split('/')[0] : '', version: apiVersion.split('/').pop(), kind }],
      };
    }
    cache.set(k, schema);
  }
  return cache.get(k);
}
