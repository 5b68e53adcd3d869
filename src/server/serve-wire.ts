// JSON on the wire as kube-apiserver writes it: typed objects with the fields Go always writes and in Go's
// field order (encoding/json over the typed struct), lists as <Kind>List with typed items, Status and
// Table in their struct order, and <, > and & escaped as Go's encoder does by default.
import { RESOURCES, apiVersionOf } from '../engine/api';
import { fillZeroValues } from '../engine/api/schema';

type Json = Record<string, unknown>;

function ordered(o: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out) && o[k] !== undefined) out[k] = o[k];
  return out;
}

const STATUS_ORDER = ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code'];
const TABLE_ORDER = ['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows'];
const LIST_ORDER = ['kind', 'apiVersion', 'metadata', 'items'];

const listKinds = new Set(RESOURCES.map((r) => `${apiVersionOf(r)}/${r.kind}List`));

/** The body of a response as the real server encodes it (before JSON text). */
export function wireObject(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const o = body as Json;
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  if (kind === 'Status') return ordered(o, STATUS_ORDER);
  if (kind === 'Table') return ordered(o, TABLE_ORDER);
  if (listKinds.has(`${apiVersion}/${kind}`)) {
    const itemKind = kind.slice(0, -4);
    const items = (o.items as Json[] | undefined ?? []).map((it) => fillZeroValues(it, apiVersion, itemKind, { goOrder: true }));
    return ordered({ ...o, items }, LIST_ORDER);
  }
  if (kind && apiVersion) return fillZeroValues(o, apiVersion, kind, { goOrder: true });
  return o;
}

/** JSON text as Go's encoding/json writes it (HTML-safe escapes). */
export function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Warning header value (RFC 7234 299 warning, as k8s.io/apiserver pkg/warning writes it). */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}
