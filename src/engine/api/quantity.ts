// resource.Quantity: parsing and canonical printing of "100m", "1Gi", "1.5", "2e3".
// Models k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes).
// Values are held exactly, as a BigInt count of nano-units, so 1Ei and 1n both survive.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: exact value in nano-units and the format its suffix implies. */
export interface Quantity {
  nanos: bigint;
  format: QuantityFormat;
}

/** Thrown for a string that is not a quantity; message as upstream (ErrFormatWrong). */
export class QuantityParseError extends Error {
  constructor() {
    super('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  }
}

const NANO = 1_000_000_000n;
const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function pow10(e: number): bigint {
  return 10n ** BigInt(e);
}

/** Parses a quantity string; throws QuantityParseError. */
export function parseQuantity(input: string | number): Quantity {
  const s = typeof input === 'number' ? String(input) : input.trim();
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(.*)$/.exec(s);
  if (!m) throw new QuantityParseError();
  const [, sign, num, suffix] = m;
  const [ip, fp = ''] = num.split('.');
  // digits as an integer with `fp.length` decimal places
  const digits = BigInt((ip || '0') + fp);
  const scale = fp.length;
  let nanos: bigint;
  let format: QuantityFormat;
  if (suffix in BIN_SUFFIX) {
    format = 'BinarySI';
    nanos = (digits * (1n << BigInt(BIN_SUFFIX[suffix])) * NANO) / pow10(scale);
  } else if (suffix in DEC_SUFFIX) {
    format = 'DecimalSI';
    nanos = shift(digits, DEC_SUFFIX[suffix] + 9 - scale);
  } else {
    const em = /^[eE]([-+]?\d+)$/.exec(suffix);
    if (!em) throw new QuantityParseError();
    format = 'DecimalExponent';
    nanos = shift(digits, Number(em[1]) + 9 - scale);
  }
  if (sign === '-') nanos = -nanos;
  // Zero is always DecimalSI-printed as "0" upstream.
  return { nanos, format };
}

/** Multiplies by 10^e; for negative e, rounds away from zero (upstream rounds up to nano precision). */
function shift(x: bigint, e: number): bigint {
  if (e >= 0) return x * pow10(e);
  const d = pow10(-e);
  const q = x / d;
  return x % d === 0n ? q : q + 1n;
}

/** The canonical string (Quantity.String): "1Gi", "500m", "1536Mi", "1e3", "0". */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values print as DecimalSI (quantity.go CanonicalizeBytes).
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  let out: string;
  if (format === 'BinarySI') {
    let units = abs / NANO;
    let exp = 0;
    while (exp < 60 && units % 1024n === 0n && units >= 1024n) {
      units /= 1024n;
      exp += 10;
    }
    out = `${units}${exp === 0 ? '' : Object.keys(BIN_SUFFIX).find((k) => BIN_SUFFIX[k] === exp)}`;
  } else {
    // mantissa × 10^(exp-9), exponent a multiple of 3, as large as keeps the mantissa whole.
    let mant = abs;
    let exp = -9;
    while (mant % 1000n === 0n && exp < 18) {
      mant /= 1000n;
      exp += 3;
    }
    if (format === 'DecimalExponent') out = exp === 0 ? `${mant}` : `${mant}e${exp}`;
    else out = `${mant}${Object.keys(DEC_SUFFIX).find((k) => DEC_SUFFIX[k] === exp) ?? `e${exp}`}`;
  }
  return neg ? `-${out}` : out;
}

/** Canonicalizes a quantity string as the API server does on write ("0.5" → "500m", "1024Mi" → "1Gi"). */
export function canonicalQuantity(s: string | number): string {
  return formatQuantity(parseQuantity(s));
}

/** Value in whole units, rounded up (Quantity.Value): bytes for memory, cores for cpu. */
export function quantityValue(s: string | number | undefined): number {
  if (s === undefined) return 0;
  const q = parseQuantity(s);
  const v = q.nanos / NANO + (q.nanos % NANO > 0n ? 1n : 0n);
  return Number(v);
}

/** Value in milli-units, rounded up (Quantity.MilliValue): millicores for cpu. */
export function quantityMilli(s: string | number | undefined): number {
  if (s === undefined) return 0;
  const q = parseQuantity(s);
  const d = 1_000_000n;
  return Number(q.nanos / d + (q.nanos % d > 0n ? 1n : 0n));
}

/** Is the string a valid quantity? */
export function isQuantity(s: unknown): boolean {
  if (typeof s !== 'string' && typeof s !== 'number') return false;
  try {
    parseQuantity(s);
    return true;
  } catch {
    return false;
  }
}
