// The API server's OpenAPI v3 documents (GET /openapi/v3 and /openapi/v3/<api|apis/group>/<version>), built
// from the engine's schema. kube-apiserver serves one document per group/version, shaped by kube-openapi
// (pkg/builder3): components.schemas keyed "io.k8s.api.core.v1.Pod", a field that refers to a definition is
// `allOf: [{$ref}]` beside its description, kinds carry x-kubernetes-group-version-kind, and every resource
// path's operations carry it too. kubectl reads them for `explain` (pkg/explain/v2), for apply's
// field-validation check (cli-runtime resource/query_param_verifier_v3.go) and for strategic-merge patch
// metadata, so `kubesim serve` and our explain share this one builder.
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../../engine/api';
import { SPECIAL_DOCS, defKeyForKind, getDef, knownKinds } from '../../engine/api/schema';
import type { SchemaDef, SchemaField, SchemaType } from '../../engine/api/schema';

type Json = Record<string, unknown>;

const SPECIAL_NAMES = {
  quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  microTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  raw: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  any: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
} as const;

const INT_OR_STRING_DOC = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

/** "core.v1.Pod" → "io.k8s.api.core.v1.Pod"; "meta.v1.ObjectMeta" → "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta". */
export function openApiName(defKey: string): string {
  return defKey.startsWith('meta.') ? `io.k8s.apimachinery.pkg.apis.${defKey}` : `io.k8s.api.${defKey}`;
}

function specialSchema(kind: keyof typeof SPECIAL_NAMES): Json {
  switch (kind) {
    case 'quantity': return { description: specialDoc('q'), oneOf: [{ type: 'string' }, { type: 'number' }] };
    case 'intOrString': return { description: INT_OR_STRING_DOC, anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
    case 'time': return { description: specialDoc('t'), format: 'date-time', type: 'string' };
    case 'microTime': return { description: specialDoc('mt'), format: 'date-time', type: 'string' };
    case 'raw': return { description: specialDoc('raw'), type: 'object' };
    case 'any': return { description: specialDoc('any'), type: 'object' };
  }
}

const specialDoc = (k: string): string => SPECIAL_DOCS[k] ?? '';

class Builder {
  readonly schemas = new Map<string, Json>();

  ref(name: string): Json {
    return { $ref: `#/components/schemas/${name}` };
  }

  // The schema of a type in a position that is not a field (list items, map values).
  typeSchema(t: SchemaType): Json {
    switch (t.kind) {
      case 'string': return t.enumValues ? { default: '', enum: [...t.enumValues], type: 'string' } : { default: '', type: 'string' };
      case 'int': return { default: 0, format: t.bits === 64 ? 'int64' : 'int32', type: 'integer' };
      case 'bool': return { default: false, type: 'boolean' };
      case 'bytes': return { format: 'byte', type: 'string' };
      case 'list': return { items: this.typeSchema(t.elem!), type: 'array' };
      case 'map': return { additionalProperties: this.typeSchema(t.elem!), type: 'object' };
      case 'struct':
        this.add(t.def!);
        return { allOf: [this.ref(openApiName(t.def!.key))], default: {} };
      default:
        this.addSpecial(t.kind);
        return this.ref(SPECIAL_NAMES[t.kind]);
    }
  }

  addSpecial(kind: keyof typeof SPECIAL_NAMES): void {
    const name = SPECIAL_NAMES[kind];
    if (!this.schemas.has(name)) this.schemas.set(name, specialSchema(kind));
  }

  fieldSchema(f: SchemaField): Json {
    const t = f.type;
    let s: Json;
    switch (t.kind) {
      case 'string': s = { description: f.description, type: 'string' }; if (t.enumValues) s.enum = [...t.enumValues]; break;
      case 'int': s = { description: f.description, format: t.bits === 64 ? 'int64' : 'int32', type: 'integer' }; break;
      case 'bool': s = { description: f.description, type: 'boolean' }; break;
      case 'bytes': s = { description: f.description, format: 'byte', type: 'string' }; break;
      case 'list': s = { description: f.description, items: this.typeSchema(t.elem!), type: 'array' }; break;
      case 'map': s = { additionalProperties: this.typeSchema(t.elem!), description: f.description, type: 'object' }; break;
      case 'struct':
        this.add(t.def!);
        s = { allOf: [this.ref(openApiName(t.def!.key))], description: f.description };
        break;
      default:
        this.addSpecial(t.kind);
        s = { allOf: [this.ref(SPECIAL_NAMES[t.kind])], description: f.description };
    }
    const p = f.patch;
    if (p?.listMapKeys) s['x-kubernetes-list-map-keys'] = [...p.listMapKeys];
    if (p?.listType) s['x-kubernetes-list-type'] = p.listType;
    if (p?.mapType) s['x-kubernetes-map-type'] = p.mapType;
    if (p?.patchMergeKey) s['x-kubernetes-patch-merge-key'] = p.patchMergeKey;
    if (p?.patchStrategy) s['x-kubernetes-patch-strategy'] = p.patchStrategy;
    return s;
  }

  add(def: SchemaDef): void {
    const name = openApiName(def.key);
    if (this.schemas.has(name)) return;
    const s: Json = { description: def.description };
    this.schemas.set(name, s); // before the fields: the graph has cycles
    const properties: Json = {};
    const required: string[] = [];
    for (const f of [...def.fields.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      properties[f.name] = this.fieldSchema(f);
      if (f.required) required.push(f.name);
    }
    s.properties = properties;
    if (required.length) s.required = required;
    s.type = 'object';
    const gvks = kindsByDef().get(def.key);
    if (gvks) s['x-kubernetes-group-version-kind'] = gvks;
    if (def.atomic) s['x-kubernetes-map-type'] = 'atomic';
  }
}

// Built on first use, not at import: in the built worker the schema's data arrives after the modules
// are evaluated (src/worker/lazy-data.ts).
let kindByDef: Map<string, { group: string; kind: string; version: string }[]> | undefined;

/** The kinds (group, version, kind) each definition key serves. */
function kindsByDef(): Map<string, { group: string; kind: string; version: string }[]> {
  if (kindByDef) return kindByDef;
  kindByDef = new Map();
  for (const k of knownKinds()) {
    const i = k.lastIndexOf('/');
    const apiVersion = k.slice(0, i);
    const kind = k.slice(i + 1);
    const key = defKeyForKind(apiVersion, kind);
    if (!key) continue;
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const list = kindByDef.get(key) ?? [];
    list.push({ group, kind, version });
    kindByDef.set(key, list);
  }
  return kindByDef;
}

const QUERY_PARAMS: Record<string, Json> = {
  dryRun: { description: 'When present, indicates that modifications should not be persisted.', in: 'query', name: 'dryRun', schema: { type: 'string', uniqueItems: true } },
  fieldManager: { description: 'fieldManager is a name associated with the actor or entity that is making these changes.', in: 'query', name: 'fieldManager', schema: { type: 'string', uniqueItems: true } },
  fieldValidation: { description: 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields.', in: 'query', name: 'fieldValidation', schema: { type: 'string', uniqueItems: true } },
  force: { description: 'Force is going to "force" Apply requests.', in: 'query', name: 'force', schema: { type: 'boolean', uniqueItems: true } },
};

function operation(action: string, r: ResourceInfo, params: string[]): Json {
  return {
    description: `${action} ${r.kind}`,
    operationId: `${action}${r.kind}`,
    parameters: params.map((p) => QUERY_PARAMS[p]),
    responses: { 200: { description: 'OK' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: r.group, kind: r.kind, version: r.version },
  };
}

function resourcePaths(r: ResourceInfo): Record<string, Json> {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const coll = r.namespaced ? `${base}/namespaces/{namespace}/${r.resource}` : `${base}/${r.resource}`;
  const has = (v: string) => r.verbs.includes(v);
  const paths: Record<string, Json> = {};
  const c: Json = {};
  if (has('list')) c.get = operation('list', r, []);
  if (has('create')) c.post = operation('post', r, ['dryRun', 'fieldManager', 'fieldValidation']);
  if (has('deletecollection')) c.delete = operation('deletecollection', r, ['dryRun']);
  if (Object.keys(c).length) paths[coll] = c;
  const one: Json = {};
  if (has('get')) one.get = operation('get', r, []);
  if (has('update')) one.put = operation('put', r, ['dryRun', 'fieldManager', 'fieldValidation']);
  if (has('patch')) one.patch = operation('patch', r, ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  if (has('delete')) one.delete = operation('delete', r, ['dryRun']);
  if (Object.keys(one).length) paths[`${coll}/{name}`] = one;
  if (r.namespaced && has('list')) paths[`${base}/${r.resource}`] = { get: operation('list', r, []) };
  return paths;
}

/** The OpenAPI v3 path of a group/version: "api/v1", "apis/apps/v1". */
export function openApiV3Path(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const docCache = new Map<string, Json | undefined>();

/** The OpenAPI v3 document of one served group/version, or undefined when it is not served. */
export function openApiV3Document(group: string, version: string): Json | undefined {
  const key = `${group}/${version}`;
  if (docCache.has(key)) return docCache.get(key);
  const rs = RESOURCES.filter((r) => r.group === group && r.version === version);
  let doc: Json | undefined;
  if (rs.length) {
    const b = new Builder();
    const paths: Record<string, Json> = {};
    for (const r of rs) {
      for (const kind of [r.kind, `${r.kind}List`]) {
        const defKey = defKeyForKind(apiVersionOf(r), kind);
        const def = defKey ? getDef(defKey) : undefined;
        if (def) b.add(def);
      }
      Object.assign(paths, resourcePaths(r));
    }
    const schemas: Json = {};
    for (const name of [...b.schemas.keys()].sort()) schemas[name] = b.schemas.get(name);
    doc = {
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: 'v1.32.0' },
      paths,
      components: { schemas },
    };
  }
  docCache.set(key, doc);
  return doc;
}

/** GET /openapi/v3: every group/version document's path and URL (with a content hash, as the real server). */
export function openApiV3Root(): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const seen = new Set<string>();
  for (const r of RESOURCES) {
    const p = openApiV3Path(r.group, r.version);
    if (seen.has(p)) continue;
    seen.add(p);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(p)}` };
  }
  return { paths };
}

// A stable stand-in for the document's content hash: the documents never change while serving.
function hashOf(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString(16).toUpperCase().padStart(8, '0')}${'0'.repeat(120)}`.slice(0, 128);
}
