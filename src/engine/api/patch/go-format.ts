// How Go prints JSON values, so that error texts and wire bytes match the Go tools byte for byte:
// fmt's %v and %q of decoded JSON (map[string]interface{}, []interface{}, …) and encoding/json's Marshal.
// Decoded JSON here is what apimachinery's util/json gives: whole numbers are int64, others float64.

/** A decoded JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object (Go map[string]interface{}). */
export type JsonObject = { [key: string]: Json };

/** Is `v` a JSON object (not null, not an array)? */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's map key order: byte order of the keys (fmt and encoding/json both sort maps). */
export function sortedKeys(o: object): string[] {
  return Object.keys(o).sort(compareStrings);
}

/** strings.Compare for the strings we meet (UTF-16 order equals byte order below U+D800). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** fmt %v of a float64: strconv 'g' with the shortest digits, exponent form below 1e-4 or from 1e21. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    // JS writes 1.5e-5; Go writes 1.5e-05 (at least two exponent digits).
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

/** fmt %v of a JSON number: int64 when whole (as util/json decodes it), float64 otherwise. */
export function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : goFloat(n);
}

/** fmt %v of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>`, bare strings. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${sortedKeys(o).map((k) => `${k}:${goV(o[k])}`).join(' ')}]`;
}

/** reflect.TypeOf(v).String() of a decoded JSON value, as mergepatch.ErrBadArgType prints it with %s. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

// strconv.Quote (fmt %q) is field.ts's goQuote: one implementation for the whole API layer.
export { goQuote } from '../field';

/** encoding/json's string encoding: HTML-safe (<, >, & escaped) and U+2028/U+2029 escaped. */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

/**
 * encoding/json Marshal of a decoded JSON value: compact, map keys sorted, HTML-safe strings. What
 * kubectl sends as a patch body and writes into the last-applied-configuration annotation.
 */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`;
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of sortedKeys(o)) {
    if (o[k] === undefined) continue;
    parts.push(`${goJsonString(k)}:${goJsonMarshal(o[k])}`);
  }
  return `{${parts.join(',')}}`;
}
