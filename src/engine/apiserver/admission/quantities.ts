// resource.Quantity arithmetic the admission plugins need: sums, maxima, and the precision rule of
// limitranger requestLimitEnforcedValues. Models k8s.io/apimachinery/pkg/api/resource/quantity.go.
import { parseQuantity, formatQuantity, type Quantity } from '../../api';

/** A ResourceList with parsed values. */
export type Resources = Record<string, Quantity>;

const NANO = 1_000_000_000n;
const MILLI_NANOS = 1_000_000n;
/** resource.MaxMilliValue: the largest value whose milli-value fits an int64. */
const MAX_MILLI_VALUE = ((1n << 63n) - 1n) / 1000n;

/** Parses a ResourceList; values that are not quantities are skipped (validation reports them). */
export function parseList(list: Record<string, unknown> | undefined): Resources {
  const out: Resources = {};
  for (const [k, v] of Object.entries(list ?? {})) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    try {
      out[k] = parseQuantity(v);
    } catch {
      // skipped
    }
  }
  return out;
}

/** Quantity.String(). */
export function formatQ(q: Quantity | undefined): string {
  return q ? formatQuantity(q) : '0';
}

/** The canonical form of a quantity string (what `%s` of a Quantity prints). */
export function qString(s: string): string {
  try {
    return formatQuantity(parseQuantity(s));
  } catch {
    return s;
  }
}

const ceilDiv = (n: bigint, d: bigint) => (n >= 0n ? (n + d - 1n) / d : n / d);
const value = (q: Quantity | undefined) => (q ? ceilDiv(q.nanos, NANO) : 0n);
const milli = (q: Quantity | undefined) => (q ? ceilDiv(q.nanos, MILLI_NANOS) : 0n);

/**
 * requestLimitEnforcedValues: compares in milli-units when none of the three overflows them, in
 * whole units otherwise (so "1.5" vs "2" compares 1500 with 2000, not 2 with 2).
 */
export function milliOrValue(req: Quantity | undefined, lim: Quantity | undefined, enforced: string | Quantity): [bigint, bigint, bigint] {
  let e: Quantity | undefined;
  try {
    e = typeof enforced === 'string' ? parseQuantity(enforced) : enforced;
  } catch {
    e = undefined;
  }
  if (value(req) <= MAX_MILLI_VALUE && value(lim) <= MAX_MILLI_VALUE && value(e) <= MAX_MILLI_VALUE) {
    return [milli(req), milli(lim), milli(e)];
  }
  return [value(req), value(lim), value(e)];
}

/** addResourceList: list += newList, key by key (a new key is copied). */
export function addInto(list: Resources, add: Resources): void {
  for (const [k, q] of Object.entries(add)) {
    list[k] = list[k] ? { nanos: list[k].nanos + q.nanos, format: list[k].format } : { ...q };
  }
}

/** maxResourceList: list[k] = max(list[k], newList[k]) for every key of newList. */
export function maxInto(list: Resources, other: Resources): void {
  for (const [k, q] of Object.entries(other)) if (!list[k] || q.nanos > list[k].nanos) list[k] = { ...q };
}
