// resource.Quantity on the wire. Models apimachinery pkg/api/resource/quantity.go (UnmarshalJSON,
// ParseQuantity, parseQuantityString) and suffix.go (interpret) for which error a bad value gets; the
// value itself is canonicalized by ../quantity.ts.
import { canonicalQuantity } from '../quantity';

/** ErrFormatWrong, ErrSuffix and ErrNumeric of quantity.go, word for word. */
export const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';

const DEC_SUFFIXES = new Set(['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E']);
const BIN_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Parses a quantity as the API server's JSON decoder does and returns its canonical string, or
 * `{ error }` with the decoder's message. `raw` is the JSON value: a string (quotes already removed) or a
 * number (its literal text).
 */
export function decodeQuantity(raw: string): { value: string } | { error: string } {
  let r = memo.get(raw);
  if (!r) {
    r = parse(raw);
    // A small memo: the same few quantities ("100m", "128Mi") recur in every pod.
    if (memo.size >= 512) memo.clear();
    memo.set(raw, r);
  }
  return r;
}

const memo = new Map<string, { value: string } | { error: string }>();

function parse(raw: string): { value: string } | { error: string } {
  const str = raw.trim();
  if (str === '') return { error: ERR_FORMAT_WRONG };
  if (str === '0') return { value: '0' };
  // parseQuantityString: sign, leading zeros, numerator, optional .denominator, suffix.
  let pos = 0;
  let sign = '';
  if (str[0] === '-' || str[0] === '+') { sign = str[0] === '-' ? '-' : ''; pos++; }
  while (str[pos] === '0') pos++;
  let i = pos;
  while (isDigit(str[i])) i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < str.length && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) return { error: ERR_FORMAT_WRONG };
  const suffix = str.slice(suffixStart);
  // suffixHandler.interpret: the two tables, then e<int>/E<int>.
  const exp = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (!DEC_SUFFIXES.has(suffix) && !BIN_SUFFIXES.has(suffix) && !(exp && suffix.length > 1)) return { error: ERR_SUFFIX };
  // Rebuilt in a form ../quantity.ts reads ("Ki" alone is 0Ki upstream).
  const normalized = `${sign}${num}${denom ? `.${denom}` : ''}${suffix}`;
  try {
    return { value: canonicalQuantity(normalized) };
  } catch {
    return { error: ERR_NUMERIC };
  }
}
