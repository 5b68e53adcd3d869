// URL → what `kubesim serve` answers. Models k8s.io/apiserver pkg/endpoints/request/requestinfo.go
// (RequestInfoFactory.NewRequestInfo): /api/v1/…, /apis/<group>/<version>/…, the deprecated /watch/
// prefix, namespaces/<ns>/<resource>[/<name>[/<subresource>]], the namespace subresources status and
// finalize, and the HTTP method → verb mapping (GET name → get, GET → list or watch, POST create, PUT update,
// PATCH patch, DELETE name → delete, DELETE → deletecollection).
import type { ApiRequest, PatchType, Verb } from '../engine/api';

/** What a request path is. */
export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'api' }
  | { kind: 'apis' }
  | { kind: 'group'; group: string }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'openapiV2' }
  | { kind: 'openapiV3' }
  | { kind: 'openapiV3Doc'; group: string; version: string }
  | { kind: 'resource'; req: ApiRequest; watch: boolean }
  | { kind: 'notFound' }
  | { kind: 'methodNotAllowed' };

// Query parameters that may repeat; the kubelet's exec reads `command` as a JSON array when it does.
const MULTI = new Set(['command']);

/** Query parameters as ApiRequest.query takes them (the first value of each, `command` as a JSON list). */
export function queryOf(params: URLSearchParams): Record<string, string> {
  const q: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    q[key] = MULTI.has(key) && all.length > 1 ? JSON.stringify(all) : all[0];
  }
  return q;
}

const PATCH_TYPES: readonly string[] = ['application/json-patch+json', 'application/merge-patch+json',
  'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

/** The patch type named by a Content-Type header ("application/merge-patch+json; charset=utf-8"). */
export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return PATCH_TYPES.includes(t) ? (t as PatchType) : undefined;
}

/** Does the Accept header ask for a meta.k8s.io Table (kubectl get's human output)? */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && accept.split(',')[0].includes('as=Table');
}

/** Resolves a method and URL to a route. */
export function route(method: string, url: URL): Route {
  const parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  const q = queryOf(url.searchParams);
  if (parts.length === 1 && parts[0] === 'version') return { kind: 'version' };
  if (parts.length === 1 && ['healthz', 'livez', 'readyz'].includes(parts[0])) return { kind: 'health' };
  if (parts[0] === 'openapi') {
    if (parts[1] === 'v2' && parts.length === 2) return { kind: 'openapiV2' };
    if (parts[1] === 'v3' && parts.length === 2) return { kind: 'openapiV3' };
    if (parts[1] === 'v3' && parts[2] === 'api' && parts.length === 4) return { kind: 'openapiV3Doc', group: '', version: parts[3] };
    if (parts[1] === 'v3' && parts[2] === 'apis' && parts.length === 5) return { kind: 'openapiV3Doc', group: parts[3], version: parts[4] };
    return { kind: 'notFound' };
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'api' };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'apis' };
    if (parts.length === 2) return { kind: 'group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { kind: 'notFound' };
  }
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  let watch = q.watch === 'true' || q.watch === '1';
  if (rest[0] === 'watch') {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && rest[2] !== 'status' && rest[2] !== 'finalize') rest = rest.slice(2);
    else namespace = undefined;
  }
  const [resource, name, subresource] = rest;
  if (!resource) return { kind: 'notFound' };
  let verb: Verb;
  switch (method) {
    case 'GET': case 'HEAD': verb = name ? 'get' : watch ? 'watch' : 'list'; break;
    case 'POST': verb = 'create'; break;
    case 'PUT': verb = 'update'; break;
    case 'PATCH': verb = 'patch'; break;
    case 'DELETE': verb = name ? 'delete' : 'deletecollection'; break;
    default: return { kind: 'methodNotAllowed' };
  }
  if (watch && name) {
    // GET …/pods/<name>?watch=true watches one object: a list watch with a name field selector.
    verb = 'watch';
    const sel = `metadata.name=${name}`;
    q.fieldSelector = q.fieldSelector ? `${q.fieldSelector},${sel}` : sel;
  }
  delete q.watch;
  const req: ApiRequest = { verb, group, version, resource, query: q };
  if (namespace !== undefined) req.namespace = namespace;
  if (name && verb !== 'watch') req.name = name;
  if (subresource) req.subresource = subresource;
  return { kind: 'resource', req, watch: verb === 'watch' };
}
