// Small helpers for writing defaults into plain JSON objects the way Go's defaulters see them.
// A Go field is "unset" when it holds its zero value after decoding: JSON null and an absent key both
// decode to the zero value, so both count as unset here.
import { canonicalQuantity, parseQuantity, formatQuantity } from '../quantity';

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** Is the value a (non-array) JSON object? */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at o[key], created (as {}) when unset. */
export function child(o: Obj, key: string): Obj {
  const v = o[key];
  if (isObj(v)) return v;
  const c: Obj = {};
  o[key] = c;
  return c;
}

/** The object at o[key] if there is one. */
export function objAt(o: Obj | undefined, key: string): Obj | undefined {
  const v = o?.[key];
  return isObj(v) ? v : undefined;
}

/** The objects of the array at o[key]; non-object items are skipped (validation reports them). */
export function objects(o: Obj | undefined, key: string): Obj[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObj) : [];
}

const unset = (v: unknown) => v === undefined || v === null;

/** Defaults a pointer field (`*T`): set when absent or null. */
export function defaultPtr(o: Obj, key: string, value: unknown): void {
  if (unset(o[key])) o[key] = value;
}

/** Defaults a string field: set when absent, null or "" (Go's `if x == ""`). */
export function defaultString(o: Obj, key: string, value: string): void {
  if (unset(o[key]) || o[key] === '') o[key] = value;
}

/** Defaults a plain int field: set when absent, null or 0 (Go's `if x == 0`). */
export function defaultInt(o: Obj, key: string, value: number): void {
  if (unset(o[key]) || o[key] === 0) o[key] = value;
}

/** Deletes o[key] (used where upstream sets a pointer back to nil). */
export function drop(o: Obj, key: string): void {
  delete o[key];
}

/** Canonicalizes one quantity field in place (Quantity's JSON round trip); bad values are left for decode errors. */
export function canonicalizeQuantityAt(o: Obj | undefined, key: string): void {
  if (!o) return;
  const v = o[key];
  if (typeof v !== 'string' && typeof v !== 'number') return;
  try {
    o[key] = canonicalQuantity(v);
  } catch {
    // not a quantity: left as is
  }
}

const MILLI_NANOS = 1_000_000n;

/**
 * Models pkg/apis/core/v1/defaults.go SetDefaults_ResourceList: every value is rounded up to milli
 * precision ("0.0001" → "1m"), and the JSON round trip prints it canonically ("1024Mi" → "1Gi").
 */
export function defaultResourceList(o: Obj | undefined, key: string): void {
  const list = objAt(o, key);
  if (!list) return;
  for (const [name, v] of Object.entries(list)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    try {
      const q = parseQuantity(v);
      const rem = q.nanos % MILLI_NANOS;
      // Quantity.RoundUp(-3) rounds away from zero.
      if (rem !== 0n) q.nanos += q.nanos > 0n ? MILLI_NANOS - rem : -MILLI_NANOS - rem;
      list[name] = formatQuantity(q);
    } catch {
      // not a quantity: decoding reports it
    }
  }
}
