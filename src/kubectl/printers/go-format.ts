// How Go prints unstructured JSON values (map[string]interface{}, []interface{}, string, int64, float64,
// bool, nil) in the places kubectl's output shows them: encoding/json (Marshal, MarshalIndent: sorted keys,
// HTML-safe escapes), fmt's %v (fmt.Sprint) and strconv.FormatFloat(f, 'g', -1, 64).
import { goQuote } from '../../engine/api';

/** strconv.FormatFloat(f, 'g', -1, 64); integers (int64 in unstructured JSON) print as integers. */
export function goFormatFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (Number.isNaN(n)) return 'NaN';
  const [mant, e] = n.toExponential().split('e');
  const exp = Number(e);
  // Shortest formatting decides between %e and %f with precision 6 (strconv ftoa.go).
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** fmt.Sprint of an unstructured JSON value (%v). */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFormatFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o).sort().map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/** json.Marshal of an unstructured value: compact, map keys sorted, HTML-safe. */
export function goJsonMarshal(v: unknown): string {
  return (JSON.stringify(sortKeys(v)) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.MarshalIndent(v, "", "    ") of an unstructured value. */
export function goJsonIndent(v: unknown, prefix = '', indent = '    ', sorted = true): string {
  const s = (JSON.stringify(sorted ? sortKeys(v) : v, null, indent) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return prefix ? s.replace(/\n/g, `\n${prefix}`) : s;
}

// strconv.Quote (%q, %#v of a string) is the API layer's (printable runes kept, the rest escaped).
export { goQuote };

/** %#v of an unstructured JSON value (the jsonpath error dump). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFormatFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const o = v as Record<string, unknown>;
  return `map[string]interface {}{${Object.keys(o).sort().map((k) => `${goQuote(k)}:${goSharpV(o[k])}`).join(', ')}}`;
}
