// Reads the Kubernetes protobuf encoding (Content-Type: application/vnd.kubernetes.protobuf) that the real
// kubectl's typed clients send (`create deployment`, `create token`, `auth can-i`, drain's evictions…) and
// turns it into the JSON object the API server would see. The envelope is k8s.io/apimachinery
// pkg/runtime/serializer/protobuf: the 4 bytes "k8s\0", then a runtime.Unknown {typeMeta, raw}; raw is the
// gogo-protobuf encoding of the object, described by proto-schema.generated.ts.
//
// Zero values: gogo writes every non-pointer field, so a decoded zero scalar is dropped when the Go field is
// `omitempty` (encoding/json would drop it too) and kept otherwise; pointer fields are present only when set.
import { PROTO_MESSAGES } from './proto-schema.generated';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

interface Field { num: number; name: string; type: string; repeated: boolean; pointer: boolean; omitempty: boolean; inline: boolean }

const parsed = new Map<string, Map<number, Field>>();

function messageFields(key: string): Map<number, Field> | undefined {
  let m = parsed.get(key);
  if (m) return m;
  const spec = PROTO_MESSAGES[key];
  if (spec === undefined) return undefined;
  m = new Map();
  for (const f of spec ? spec.split('|') : []) {
    const [num, name, type, flags = ''] = f.split(' ');
    m.set(Number(num), { num: Number(num), name, type, repeated: flags.includes('r'), pointer: flags.includes('p'),
      omitempty: flags.includes('o'), inline: flags.includes('i') });
  }
  parsed.set(key, m);
  return m;
}

/** Is this body in the Kubernetes protobuf envelope? */
export function isKubernetesProtobuf(buf: Uint8Array): boolean {
  return buf.length >= 4 && MAGIC.every((b, i) => buf[i] === b);
}

export class ProtobufDecodeError extends Error {}

/** The message key of an apiVersion/kind: "apps/v1" Deployment → "apps.v1.Deployment"; "v1" Pod → "core.v1.Pod". */
export function messageKeyFor(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (group === 'meta.k8s.io') return `meta.v1.${kind}`;
  return `${group === '' ? 'core' : group.split('.')[0]}.${version}.${kind}`;
}

/**
 * Decodes a protobuf request body into a JSON object with apiVersion and kind. `fallback` names the type
 * when the envelope's typeMeta is empty.
 */
export function decodeKubernetesProtobuf(buf: Uint8Array, fallback?: { apiVersion: string; kind: string }): Record<string, unknown> {
  if (!isKubernetesProtobuf(buf)) throw new ProtobufDecodeError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const unknown = readFields(buf, 4, buf.length);
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array | undefined;
  for (const f of unknown) {
    if (f.num === 1 && f.bytes) {
      for (const t of readFields(f.bytes, 0, f.bytes.length)) {
        if (t.num === 1 && t.bytes) apiVersion = utf8(t.bytes);
        if (t.num === 2 && t.bytes) kind = utf8(t.bytes);
      }
    } else if (f.num === 2 && f.bytes) raw = f.bytes;
  }
  if (!apiVersion && fallback) apiVersion = fallback.apiVersion;
  if (!kind && fallback) kind = fallback.kind;
  const key = messageKeyFor(apiVersion, kind);
  if (!messageFields(key)) throw new ProtobufDecodeError(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30"`);
  const obj = decodeMessage(raw ?? new Uint8Array(0), key) as Record<string, unknown>;
  return { apiVersion, kind, ...obj };
}

interface WireField { num: number; wire: number; value?: bigint; bytes?: Uint8Array }

function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new ProtobufDecodeError('unexpected EOF');
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
    if (shift > 70n) throw new ProtobufDecodeError('proto: integer overflow');
  }
}

function readFields(buf: Uint8Array, start: number, end: number): WireField[] {
  const out: WireField[] = [];
  let pos = start;
  while (pos < end) {
    const [tag, p] = readVarint(buf, pos);
    pos = p;
    const num = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    switch (wire) {
      case 0: { const [v, q] = readVarint(buf, pos); pos = q; out.push({ num, wire, value: v }); break; }
      case 1: {
        let v = 0n;
        for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(buf[pos + i]);
        pos += 8;
        out.push({ num, wire, value: v });
        break;
      }
      case 2: {
        const [len, q] = readVarint(buf, pos);
        const n = Number(len);
        if (q + n > end) throw new ProtobufDecodeError('unexpected EOF');
        out.push({ num, wire, bytes: buf.subarray(q, q + n) });
        pos = q + n;
        break;
      }
      case 5: {
        const v = BigInt((buf[pos] | (buf[pos + 1] << 8) | (buf[pos + 2] << 16) | (buf[pos + 3] << 24)) >>> 0);
        pos += 4;
        out.push({ num, wire, value: v });
        break;
      }
      default: throw new ProtobufDecodeError(`proto: illegal wireType ${wire}`);
    }
  }
  return out;
}

const decoder = new TextDecoder();
function utf8(b: Uint8Array): string {
  return decoder.decode(b);
}

function base64(b: Uint8Array): string {
  return Buffer.from(b).toString('base64');
}

function scalar(type: string, f: WireField): unknown {
  switch (type) {
    case 'string': return utf8(f.bytes ?? new Uint8Array(0));
    case 'bytes': return base64(f.bytes ?? new Uint8Array(0));
    case 'bool': return f.value !== 0n;
    case 'int32': return Number(BigInt.asIntN(32, f.value ?? 0n));
    case 'int64': return Number(BigInt.asIntN(64, f.value ?? 0n));
    case 'uint32': case 'uint64': return Number(f.value ?? 0n);
    case 'double': {
      const dv = new DataView(new ArrayBuffer(8));
      dv.setBigUint64(0, f.value ?? 0n, true);
      return dv.getFloat64(0, true);
    }
    default: return undefined;
  }
}

/** Repeated numeric fields may arrive packed (one length-delimited run). */
function scalars(type: string, f: WireField): unknown[] {
  if (f.wire !== 2 || type === 'string' || type === 'bytes') return [scalar(type, f)];
  const out: unknown[] = [];
  const b = f.bytes ?? new Uint8Array(0);
  let pos = 0;
  while (pos < b.length) {
    const [v, q] = readVarint(b, pos);
    pos = q;
    out.push(scalar(type, { num: f.num, wire: 0, value: v }));
  }
  return out;
}

const SCALARS = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double']);

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function rfc3339(seconds: number, micros?: number): string {
  const d = new Date(seconds * 1000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return micros === undefined ? `${base}Z` : `${base}.${pad(micros, 6)}Z`;
}

/** Go's time.Duration.String(). */
export function goDurationString(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1000000000n) {
    const [unit, div] = u < 1000n ? ['ns', 1n] : u < 1000000n ? ['µs', 1000n] : ['ms', 1000000n];
    out = `${fraction(u, div)}${unit}`;
  } else {
    const h = u / 3600000000000n;
    u -= h * 3600000000000n;
    const m = u / 60000000000n;
    u -= m * 60000000000n;
    out = `${fraction(u, 1000000000n)}s`;
    if (h > 0n) out = `${h}h${m}m${out}`;
    else if (m > 0n) out = `${m}m${out}`;
  }
  return neg ? `-${out}` : out;
}

function fraction(v: bigint, div: bigint): string {
  const whole = v / div;
  const rest = v % div;
  if (rest === 0n) return String(whole);
  const digits = String(div).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** Well-known apimachinery messages with their own JSON forms. */
function special(key: string, b: Uint8Array): { value: unknown } | undefined {
  const fields = () => readFields(b, 0, b.length);
  const get = (n: number) => fields().find((f) => f.num === n);
  switch (key) {
    case 'resource.Quantity': return { value: utf8(get(1)?.bytes ?? new Uint8Array(0)) };
    case 'meta.v1.Time': case 'meta.v1.MicroTime': {
      const s = Number(BigInt.asIntN(64, get(1)?.value ?? 0n));
      const nanos = Number(get(2)?.value ?? 0n);
      if (s === 0 && nanos === 0) return { value: null };
      return { value: key === 'meta.v1.Time' ? rfc3339(s) : rfc3339(s, Math.floor(nanos / 1000)) };
    }
    case 'meta.v1.Duration': return { value: goDurationString(BigInt.asIntN(64, get(1)?.value ?? 0n)) };
    case 'intstr.IntOrString': {
      const t = Number(get(1)?.value ?? 0n);
      return { value: t === 1 ? utf8(get(3)?.bytes ?? new Uint8Array(0)) : Number(BigInt.asIntN(32, get(2)?.value ?? 0n)) };
    }
    case 'runtime.RawExtension': case 'meta.v1.FieldsV1': {
      const raw = get(1)?.bytes;
      if (!raw || raw.length === 0) return { value: null };
      if (isKubernetesProtobuf(raw)) return { value: decodeKubernetesProtobuf(raw) };
      return { value: JSON.parse(utf8(raw)) as unknown };
    }
    default:
      if (key.endsWith('.ExtraValue') || key === 'meta.v1.Verbs') {
        return { value: fields().filter((f) => f.num === 1).map((f) => utf8(f.bytes ?? new Uint8Array(0))) };
      }
      return undefined;
  }
}

function decodeValue(type: string, f: WireField): unknown {
  if (SCALARS.has(type)) return scalar(type, f);
  const b = f.bytes ?? new Uint8Array(0);
  const sp = special(type, b);
  if (sp) return sp.value;
  return decodeMessage(b, type);
}

function decodeMessage(b: Uint8Array, key: string): unknown {
  const sp = special(key, b);
  if (sp) return sp.value;
  const defs = messageFields(key);
  if (!defs) throw new ProtobufDecodeError(`unknown message ${key}`);
  const out: Record<string, unknown> = {};
  for (const f of readFields(b, 0, b.length)) {
    const def = defs.get(f.num);
    if (!def) continue;
    const map = /^map<([^,]+),(.+)>$/.exec(def.type);
    if (map) {
      const entry = readFields(f.bytes ?? new Uint8Array(0), 0, f.bytes?.length ?? 0);
      const k = entry.find((e) => e.num === 1);
      const v = entry.find((e) => e.num === 2);
      const m = (out[def.name] ??= {}) as Record<string, unknown>;
      const keyText = k ? String(decodeValue(map[1], k)) : '';
      m[keyText] = v ? decodeValue(map[2], v) : (SCALARS.has(map[2]) ? scalar(map[2], { num: 2, wire: 2, bytes: new Uint8Array(0), value: 0n }) : {});
      continue;
    }
    if (def.repeated) {
      const list = (out[def.name] ??= []) as unknown[];
      if (SCALARS.has(def.type)) list.push(...scalars(def.type, f));
      else list.push(decodeValue(def.type, f));
      continue;
    }
    const v = decodeValue(def.type, f);
    if (def.inline && v && typeof v === 'object') {
      Object.assign(out, v);
      continue;
    }
    if (SCALARS.has(def.type) && isZero(v) && def.omitempty && !def.pointer) {
      delete out[def.name];
      continue;
    }
    out[def.name] = v;
  }
  return out;
}
