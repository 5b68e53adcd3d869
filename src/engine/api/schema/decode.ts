// The API server's request-body decoder for one resource. Models, for JSON bodies:
// - apiserver pkg/endpoints/handlers/create.go + rest.go transformDecodeError (the "cannot be handled" wrapper),
// - apimachinery pkg/runtime/serializer/json/json.go Decode/unmarshal and meta.go Interpret,
// - sigs.k8s.io/json internal/golang/encoding/json decode.go (v0.0.0-20241010143419): which error wins, the
//   UnmarshalTypeError text, the strict-error paths of kubernetes_patch.go.
// Go decodes into typed structs; here the schema (model.ts) plays the struct.
import { newBadRequest } from '../errors';
import type { ResourceInfo } from '../kinds';
import { apiVersionOf, parseApiVersion } from '../kinds';
import type { KubeObject } from '../types';
import { base64Decode, base64Encode, CorruptInputError } from './go-base64';
import { goJsonMarshal } from './go-json';
import { decodeQuantity } from './go-quantity';
import { canonicalTime, GoTimeParseError } from './go-time';
import { defKeyForKind, structType } from './model';
import { isShareable } from '../meta';
import type { SchemaType } from './model';

/** Options of decode. */
export interface DecodeOptions {
  /** fieldValidation=Strict: unknown and duplicate fields fail the request (else they are only returned). */
  strict: boolean;
  /**
   * Paths of duplicate fields the caller found in the request text (a parsed object cannot hold them), e.g.
   * "spec.replicas". They are reported before unknown fields, as YAML duplicate errors are.
   */
  duplicateFields?: readonly string[];
}

/** What decode returns. */
export interface DecodeResult {
  obj: KubeObject;
  /** Paths of unknown fields, in decoder order ("spec.containers[0].imagee"). */
  unknownFields: string[];
  /** Paths of duplicate fields (from DecodeOptions.duplicateFields). */
  duplicateFields: string[];
}

// sigs.k8s.io/json saveStrictError keeps at most 100 strict errors.
const MAX_STRICT_ERRORS = 100;
const OMIT = Symbol('omit');
type Out = unknown | typeof OMIT;

// The strict-error path of the current position (kubernetes_patch.go appendStrictFieldStackKey/Index):
// a stack of keys and indices, formatted only when an error needs it: "spec.containers[0].imagee".
function formatPath(segs: readonly (string | number)[]): string {
  let out = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i];
    const sep = out && out[0] !== '[' ? '.' : '';
    out = typeof seg === 'number' ? `[${seg}]${sep}${out}` : `${seg}${sep}${out}`;
  }
  return out;
}

/** A decode error that stops the decoder at once (errors returned by UnmarshalJSON methods). */
class Fatal {
  constructor(readonly message: string) {}
}

class DecodeState {
  /** The first saved error (type mismatches, bad base64): reported once decoding ends. */
  saved: string | undefined;
  readonly unknown: string[] = [];
  readonly seen = new Set<string>();
  strictCount = 0;
  // errorContext of decode.go: the struct being filled and the JSON names of the struct fields above.
  struct = '';
  readonly fieldStack: string[] = [];
  /** Keys and indices from the root to the value being decoded. */
  readonly path: (string | number)[] = [];

  constructor(initialStrict: number) {
    this.strictCount = initialStrict;
  }

  /** json.UnmarshalTypeError.Error() with the current context. */
  typeError(value: string, go: string): string {
    return this.struct || this.fieldStack.length
      ? `json: cannot unmarshal ${value} into Go struct field ${this.struct}.${this.fieldStack.join('.')} of type ${go}`
      : `json: cannot unmarshal ${value} into Go value of type ${go}`;
  }

  saveTypeError(value: string, go: string): typeof OMIT {
    if (this.saved === undefined) this.saved = this.typeError(value, go);
    return OMIT;
  }

  unknownField(path: string): void {
    if (this.strictCount >= MAX_STRICT_ERRORS || this.seen.has(path)) return;
    this.seen.add(path);
    this.strictCount++;
    this.unknown.push(path);
  }
}

/** The word Go's decoder uses for a JSON value that does not fit ("string", "number", "bool", …). */
function jsonWord(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'bool';
    default: return 'object';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// kubectl marshals request bodies from maps, so Go sees keys sorted; decoding in that order reproduces which
// error comes first and the order of unknown fields.
// Bodies built from stored objects (which the decoder wrote in this order) mostly come sorted already:
// checking is cheaper than sorting.
const sortedKeys = (o: Record<string, unknown>) => {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return keys.sort();
  return keys;
};

/** The value Go's decoder leaves for a JSON null inside a list or map: the element type's zero value. */
function zeroOf(t: SchemaType): unknown {
  switch (t.kind) {
    case 'string': return '';
    case 'int': return 0;
    case 'bool': return false;
    case 'quantity': return '0';
    case 'intOrString': return 0;
    case 'struct': return {};
    default: return null;
  }
}

function decodeStruct(v: Record<string, unknown>, t: SchemaType, st: DecodeState): Record<string, unknown> {
  const def = t.def!;
  const out: Record<string, unknown> = {};
  const prevStruct = st.struct;
  for (const key of sortedKeys(v)) {
    const f = def.fields.get(key);
    if (!f) {
      st.path.push(key);
      st.unknownField(formatPath(st.path));
      st.path.pop();
      continue;
    }
    const val = v[key];
    if (val === null || val === undefined) continue; // Go leaves the zero value; omitempty drops it
    st.struct = def.goName;
    st.fieldStack.push(key);
    st.path.push(key);
    const r = decodeValue(val, f.type, st);
    st.path.pop();
    st.fieldStack.pop();
    st.struct = prevStruct;
    if (r !== OMIT) out[key] = r;
  }
  return out;
}

function decodeElem(v: unknown, t: SchemaType, st: DecodeState, seg: string | number): unknown {
  if (v === null || v === undefined) return zeroOf(t);
  st.path.push(seg);
  const r = decodeValue(v, t, st);
  st.path.pop();
  return r === OMIT ? zeroOf(t) : r;
}

/**
 * A copy of free-form JSON (RawExtension, FieldsV1, `any`), as structuredClone makes it. Values the
 * API layer has marked immutable (shareImmutable) are shared instead: nobody can change them.
 */
function copyJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isShareable(v)) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyJson(v[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(v); // a Date from YAML, …
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyJson((v as Record<string, unknown>)[k]);
  return out;
}

function decodeInt(v: number, t: SchemaType, st: DecodeState): Out {
  const max = t.bits === 64 ? 9223372036854775807 : 2147483647;
  const min = t.bits === 64 ? -9223372036854775808 : -2147483648;
  if (!Number.isInteger(v) || v > max || v < min) return st.saveTypeError(`number ${String(v)}`, t.go);
  return v;
}

const times = new Map<string, string>();
const microTimes = new Map<string, string>();

function decodeTime(v: unknown, t: SchemaType, st: DecodeState): Out {
  // metav1.Time.UnmarshalJSON: json.Unmarshal into a string (its type errors get this field's context),
  // then time.Parse, whose error is returned as is.
  if (typeof v !== 'string') throw new Fatal(st.typeError(jsonWord(v), 'string'));
  const micro = t.kind === 'microTime';
  const memo = micro ? microTimes : times;
  const hit = memo.get(v);
  if (hit !== undefined) return hit === '' ? OMIT : hit;
  try {
    const s = canonicalTime(v, micro);
    // Timestamps recur (every object written in the same second carries the same one): keep a few.
    if (memo.size >= 256) memo.clear();
    memo.set(v, s);
    return s === '' ? OMIT : s;
  } catch (e) {
    if (e instanceof GoTimeParseError) throw new Fatal(e.message);
    throw e;
  }
}

function decodeValue(v: unknown, t: SchemaType, st: DecodeState): Out {
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' ? v : st.saveTypeError(jsonWord(v), t.go);
    case 'int':
      return typeof v === 'number' ? decodeInt(v, t, st) : st.saveTypeError(jsonWord(v), t.go);
    case 'bool':
      return typeof v === 'boolean' ? v : st.saveTypeError(jsonWord(v), t.go);
    case 'bytes': {
      if (Array.isArray(v)) return decodeByteArray(v, st);
      if (typeof v !== 'string') return st.saveTypeError(jsonWord(v), t.go);
      try {
        return base64Encode(base64Decode(v));
      } catch (e) {
        if (!(e instanceof CorruptInputError)) throw e;
        // decode.go literalStore saves base64's own error, without any field context.
        if (st.saved === undefined) st.saved = e.message;
        return OMIT;
      }
    }
    case 'quantity': {
      // Quantity.UnmarshalJSON strips the quotes of a string and parses the raw text of anything else.
      const raw = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      const q = decodeQuantity(raw);
      if ('error' in q) throw new Fatal(q.error);
      return q.value;
    }
    case 'intOrString':
      // IntOrString.UnmarshalJSON: a JSON string is the string form; anything else must unmarshal as int32.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v <= 2147483647 && v >= -2147483648) return v;
      throw new Fatal(st.typeError(typeof v === 'number' ? `number ${String(v)}` : jsonWord(v), 'int32'));
    case 'time':
    case 'microTime':
      return decodeTime(v, t, st);
    case 'raw':
    case 'any':
      return copyJson(v);
    case 'struct':
      return isObject(v) ? decodeStruct(v, t, st) : st.saveTypeError(jsonWord(v), t.go);
    case 'list': {
      if (!Array.isArray(v)) return st.saveTypeError(jsonWord(v), t.go);
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = decodeElem(v[i], t.elem!, st, i);
      return out;
    }
    case 'map': {
      if (!isObject(v)) return st.saveTypeError(jsonWord(v), t.go);
      const out: Record<string, unknown> = {};
      for (const key of sortedKeys(v)) out[key] = decodeElem(v[key], t.elem!, st, key);
      return out;
    }
  }
}

// A JSON array decodes into []byte element by element (each a uint8).
function decodeByteArray(v: unknown[], st: DecodeState): Out {
  const bytes = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const b = v[i];
    if (b === null) continue;
    if (typeof b !== 'number') return st.saveTypeError(jsonWord(b), 'uint8');
    if (!Number.isInteger(b) || b < 0 || b > 255) return st.saveTypeError(`number ${String(b)}`, 'uint8');
    bytes[i] = b;
  }
  return base64Encode(bytes);
}

// Models handlers/rest.go summarizeData: the first 30 bytes of the body, hex unless it is a JSON object.
function summarizeData(data: string): string {
  const bytes = new TextEncoder().encode(data);
  if (bytes.length === 0) return '<empty>';
  const cut = bytes.length > 30;
  const head = bytes.subarray(0, 30);
  if (data[0] === '{') return new TextDecoder().decode(head) + (cut ? ' ...' : '');
  return [...head].map((b) => b.toString(16).padStart(2, '0')).join('') + (cut ? ' ...' : '');
}

const FIND_KIND_TYPE = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
// The internal (hub) package of each group, as conversion errors name the target type.
const INTERNAL_PACKAGE: Record<string, string> = { '': 'core' };

// Models serializer/json/meta.go Interpret: the apiVersion and kind of a body, before decoding it.
function interpret(body: unknown, info: Target): { group: string; version: string; kind: string } {
  const fail = (why: string) => newBadRequest(`the object provided is unrecognized (must be of type ${info.kind}): ${why} (${summarizeData(goJsonMarshal(body))})`);
  if (!isObject(body)) throw fail(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonWord(body)} into Go value of type ${FIND_KIND_TYPE}`);
  for (const k of ['apiVersion', 'kind'] as const) {
    const v = body[k];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw fail(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonWord(v)} into Go struct field .${k} of type string`);
    }
  }
  const av = (body.apiVersion as string | undefined) ?? '';
  const kind = (body.kind as string | undefined) ?? '';
  if (av.split('/').length > 2) throw fail(`unexpected GroupVersion string: ${av}`);
  const gv = av === '' || av === '/' ? { group: '', version: '' } : parseApiVersion(av);
  // serializer/json/json.go gvkWithDefaults, against the endpoint's kind.
  const out = { group: gv.group, version: gv.version, kind: kind || info.kind };
  if (!out.version && !out.group) {
    out.group = info.group;
    out.version = info.version;
  }
  if (!out.version && out.group === info.group) out.version = info.version;
  return out;
}

// Root struct types by definition key (a SchemaType resolves its definition lazily, once).
const rootTypes = new Map<string, SchemaType>();
function rootType(key: string): SchemaType {
  let t = rootTypes.get(key);
  if (!t) rootTypes.set(key, (t = structType(key)));
  return t;
}

/**
 * What the endpoint decodes into: a ResourceInfo, or for a subresource its own kind
 * (`{ group: 'autoscaling', version: 'v1', kind: 'Scale' }`, policy/v1 Eviction, v1 Binding, …).
 */
export type Target = Pick<ResourceInfo, 'group' | 'version' | 'kind'>;

/** Decodes a request body as the API server's JSON decoder would for this resource. */
export function decode(body: unknown, info: Target, opts: DecodeOptions): DecodeResult {
  const gvk = interpret(body ?? {}, info);
  const apiVersion = apiVersionOf(gvk);
  const cannot = (why: string) => newBadRequest(`${gvk.kind} in version "${gvk.version}" cannot be handled as a ${info.kind}: ${why}`);
  const key = defKeyForKind(apiVersion, gvk.kind);
  if (!key) throw cannot(`no kind "${gvk.kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  const duplicateFields = [...new Set(opts.duplicateFields ?? [])].slice(0, MAX_STRICT_ERRORS);
  const st = new DecodeState(duplicateFields.length);
  let obj: Record<string, unknown>;
  try {
    obj = decodeStruct(isObject(body) ? body : {}, rootType(key), st);
  } catch (e) {
    if (e instanceof Fatal) throw cannot(e.message);
    throw e;
  }
  if (st.saved !== undefined) throw cannot(st.saved);
  if (gvk.kind !== info.kind || gvk.group !== info.group) {
    // The body names another registered kind: Go decodes it, then fails converting it to the endpoint's type.
    const hub = INTERNAL_PACKAGE[info.group] ?? info.group.split('.')[0];
    throw cannot(`converting (${gvk.version}.${gvk.kind}) to (${hub}.${info.kind}): unknown conversion`);
  }
  if (opts.strict && (duplicateFields.length || st.unknown.length)) {
    throw cannot(strictDecodingMessage(st.unknown, duplicateFields));
  }
  obj.apiVersion = apiVersion;
  obj.kind = gvk.kind;
  return { obj: obj as KubeObject, unknownFields: st.unknown, duplicateFields };
}

/** runtime.NewStrictDecodingError(...).Error(): "strict decoding error: unknown field "spec.foo", …". */
export function strictDecodingMessage(unknownFields: readonly string[], duplicateFields: readonly string[] = []): string {
  return `strict decoding error: ${strictDecodingWarnings(unknownFields, duplicateFields).join(', ')}`;
}

/** The warnings fieldValidation=Warn sends, one per strict error (handlers/rest.go addStrictDecodingWarnings). */
export function strictDecodingWarnings(unknownFields: readonly string[], duplicateFields: readonly string[] = []): string[] {
  return [...duplicateFields.map((p) => `duplicate field "${p}"`), ...unknownFields.map((p) => `unknown field "${p}"`)];
}
