// JSON text as Go's encoding/json writes a decoded map (what kubectl sends): keys sorted, no spaces,
// and <, >, & and U+2028/U+2029 escaped (json.Marshal's HTML-safe default). Used where an error quotes the
// request body.

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.Marshal of a plain JSON value, with map keys sorted. */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${goString(k)}:${goJsonMarshal(o[k])}`).join(',')}}`;
}
