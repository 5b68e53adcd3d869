// The editor's one JSON schema for every built-in kind: monaco-yaml applies it to each document of a
// multi-document file, and `if apiVersion/kind then <that kind>` picks the kind's schema, so
// validation, completion and hover follow what the document says it is. Documents of other kinds
// (custom resources) are left alone, as the API server is the judge of those.
import { jsonSchemaFor, knownKinds } from '../engine/api/schema';

type Json = Record<string, unknown>;

/** "apps/v1/Deployment" → ["apps/v1", "Deployment"]. */
function splitKind(k: string): [string, string] {
  const i = k.lastIndexOf('/');
  return [k.slice(0, i), k.slice(i + 1)];
}

let cached: object | undefined;

/** The combined schema (built once; about 0.6 MB of JSON). */
export function editorSchema(): object {
  if (cached) return cached;
  const definitions: Json = {};
  const branches: Json[] = [];
  const apiVersions = new Set<string>();
  const kinds = new Set<string>();
  for (const k of knownKinds().sort()) {
    const [apiVersion, kind] = splitKind(k);
    // Lists are what the server returns; nobody writes one into a manifest.
    if (kind.endsWith('List')) continue;
    const s = jsonSchemaFor(apiVersion, kind) as (Json & { definitions: Json }) | undefined;
    if (!s) continue;
    Object.assign(definitions, s.definitions);
    const { $schema: _s, $id: _i, definitions: _d, title: _t, ...root } = s;
    // A definition name without "/" (a JSON pointer would need it escaped).
    const key = `kind.${apiVersion.replace("/", ".")}.${kind}`;
    definitions[key] = root;
    apiVersions.add(apiVersion);
    kinds.add(kind);
    branches.push({
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${key}` },
    });
  }
  // Completion offers the known values; anything else still validates (the server decides).
  const offer = (values: Set<string>, description: string): Json => ({ description, anyOf: [{ enum: [...values].sort() }, { type: 'string' }] });
  cached = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'kubesim://schemas/all-kinds.json',
    title: 'Kubernetes object',
    type: 'object',
    properties: {
      apiVersion: offer(apiVersions, 'APIVersion defines the versioned schema of this representation of an object.'),
      kind: offer(kinds, 'Kind is a string value representing the REST resource this object represents.'),
    },
    allOf: branches,
    definitions,
  };
  return cached;
}
