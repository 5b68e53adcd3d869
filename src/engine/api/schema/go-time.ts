// metav1.Time and metav1.MicroTime on the wire: RFC 3339 strings parsed with Go's time.Parse and written
// back in UTC. Models apimachinery pkg/apis/meta/v1/time.go and micro_time.go (UnmarshalJSON/MarshalJSON)
// and, for the error text, Go's src/time/format.go parse() restricted to the two layouts used here.

/** Go's time.RFC3339 layout. */
export const RFC3339 = '2006-01-02T15:04:05Z07:00';
/** metav1.RFC3339Micro layout. */
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

const CANONICAL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/;
const CANONICAL_MICRO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{6}Z$/;

/** A time.ParseError, worded as Go words it. */
export class GoTimeParseError extends Error {}

// Go's time.quote: ASCII printable runes as is (with " and \ escaped), other bytes as \xNN.
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}

function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message = ''): GoTimeParseError {
  return new GoTimeParseError(message
    ? `parsing time ${goQuote(value)}${message}`
    : `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`);
}

const isDigit = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';

// getnum: one or two digits (fixed: exactly two).
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s[0]) * 10 + Number(s[1]), s.slice(2)];
}

// Go's time.atoi: optional sign then digits only.
function atoi(s: string): number | undefined {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) return undefined;
  return m[1] === '-' ? -Number(m[2]) : Number(m[2]);
}

const daysIn = (month: number, year: number) =>
  month === 2 ? ((year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

interface Parsed { seconds: number; nanos: number }

// Models time.parse for the layouts above: each chunk is a literal prefix and one std element.
function parse(layout: string, value: string, micro: boolean): Parsed {
  const av = value;
  let year = 0; let month = 1; let day = 1; let hour = 0; let min = 0; let sec = 0; let nsec = 0; let offset = 0;
  const chunks: [prefix: string, std: string][] = micro
    ? [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', '.000000'], ['', 'Z07:00']]
    : [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', 'Z07:00']];
  for (const [prefix, std] of chunks) {
    for (const ch of prefix) {
      if (value[0] !== ch) throw parseError(layout, av, prefix, value);
      value = value.slice(1);
    }
    const hold = value;
    let bad = false;
    let range = '';
    switch (std) {
      case '2006': {
        const y = value.length >= 4 && isDigit(value, 0) ? atoi(value.slice(0, 4)) : undefined;
        if (y === undefined) bad = true;
        else { year = y; value = value.slice(4); }
        break;
      }
      case '01': case '02': case '15': case '04': case '05': {
        const r = getnum(value, std !== '15');
        if (!r) { bad = true; break; }
        [, value] = r;
        const n = r[0];
        if (std === '01') { month = n; if (n <= 0 || n > 12) range = 'month'; }
        if (std === '02') day = n;
        if (std === '15') { hour = n; if (n >= 24) range = 'hour'; }
        if (std === '04') { min = n; if (n >= 60) range = 'minute'; }
        if (std === '05') {
          sec = n;
          if (n >= 60) { range = 'second'; break; }
          // A fraction the layout does not name is still accepted (and truncated to nanoseconds).
          if (!micro && value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
            let k = 2;
            while (isDigit(value, k)) k++;
            nsec = Number(value.slice(1, Math.min(k, 10)).padEnd(9, '0'));
            value = value.slice(k);
          }
        }
        break;
      }
      case '.000000': {
        if (value.length < 7 || (value[0] !== '.' && value[0] !== ',')) { bad = true; break; }
        const n = atoi(value.slice(1, 7));
        if (n === undefined) { bad = true; break; }
        if (n < 0) range = 'fractional second';
        nsec = n * 1000;
        value = value.slice(7);
        break;
      }
      case 'Z07:00': {
        if (value[0] === 'Z') { value = value.slice(1); break; }
        if (value.length < 6 || value[3] !== ':') { bad = true; break; }
        const hh = getnum(value.slice(1, 3), true);
        const mm = getnum(value.slice(4, 6), true);
        if (!hh || !mm) { bad = true; break; }
        if (hh[0] > 24) range = 'time zone offset hour';
        if (mm[0] > 60) range = 'time zone offset minute';
        offset = (hh[0] * 60 + mm[0]) * 60;
        if (value[0] === '-') offset = -offset;
        else if (value[0] !== '+') bad = true;
        value = value.slice(6);
        break;
      }
    }
    if (range) throw parseError(layout, av, std, value, `: ${range} out of range`);
    if (bad) throw parseError(layout, av, std, hold);
  }
  if (value.length) throw parseError(layout, av, '', value, `: extra text: ${goQuote(value)}`);
  if (day < 1 || day > daysIn(month, year)) throw parseError(layout, av, '', value, ': day out of range');
  return { seconds: daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - offset, nanos: nsec };
}

function format(p: Parsed, micro: boolean): string {
  const days = Math.floor(p.seconds / 86400);
  const rem = p.seconds - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const two = (n: number) => String(n).padStart(2, '0');
  const base = `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}T${two(Math.floor(rem / 3600))}:${two(Math.floor(rem / 60) % 60)}:${two(rem % 60)}`;
  return micro ? `${base}.${String(Math.floor(p.nanos / 1000)).padStart(6, '0')}Z` : `${base}Z`;
}

/**
 * Parses a metav1.Time (micro: false) or metav1.MicroTime (micro: true) string and returns it as the API
 * server writes it back: UTC, seconds (or microseconds) precision. Throws GoTimeParseError.
 * Models metav1.Time.UnmarshalJSON → MarshalJSON.
 */
export function canonicalTime(value: string, micro: boolean): string {
  // Fast path: a valid UTC time already in the written form (what the server itself writes) is its own
  // canonical form.
  const m = (micro ? CANONICAL_MICRO : CANONICAL).exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s] = m.map(Number);
    if (y > 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, y) && h < 24 && mi < 60 && s < 60) return value;
  }
  const p = parse(micro ? RFC3339_MICRO : RFC3339, value, micro);
  // The zero time.Time (0001-01-01T00:00:00Z) marshals as null; callers treat '' as "unset".
  if (p.seconds === daysFromCivil(1, 1, 1) * 86400 && p.nanos === 0) return '';
  return format(p, micro);
}
