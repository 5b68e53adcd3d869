// The managed fields of a create, remembered by the created object's shape. A create's entry is
// compare(empty object, new object) for one manager: it depends on which fields are set (and how:
// null, empty, scalar, list, map), on the values inside lists (their keys and set members) and on
// values where the kind's empty object has one, never on the other scalar values. The Events a
// kubelet records, or the pods of one ReplicaSet, share one shape: their field set (and its encoded,
// interned fieldsV1) is computed once. A kubesim shortcut with the same result as the full path.
import type { VersionedSet } from './managed-fields';

/** A create's outcome for a shape: the manager's set, or null when it owns nothing. */
export type CreateOutcome = VersionedSet | null;

// Longer shapes (large objects: Nodes with their images, ConfigMaps) are not worth keeping.
const MAX_KEY = 8192;
const MAX_ENTRIES = 2048;
const outcomes = new Map<string, CreateOutcome>();

class TooLong extends Error {}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Builds the key in one string; names and values are length-prefixed so no text is ambiguous.
class ShapeWriter {
  s = '';

  // `zero` is the empty object's value at the same position (undefined where it has none); `exact`
  // keeps scalars verbatim (inside lists, whose keys and set members are values).
  write(v: unknown, zero: unknown, exact: boolean): void {
    if (this.s.length > MAX_KEY) throw new TooLong();
    if (v === undefined) {
      this.s += 'u';
      return;
    }
    if (v === null) {
      this.s += 'z';
      return;
    }
    switch (typeof v) {
      case 'string':
        // A scalar differs from a null or object zero whatever it is: only a scalar zero makes the value count.
        if (exact || (zero !== undefined && zero !== null && typeof zero !== 'object')) this.s += `S${v.length}:${v}`;
        else this.s += 'S';
        return;
      case 'number':
      case 'boolean':
        if (exact || (zero !== undefined && zero !== null && typeof zero !== 'object')) this.s += `${typeof v === 'number' ? 'N' : 'B'}${String(v)};`;
        else this.s += typeof v === 'number' ? 'N' : 'B';
        return;
      case 'object':
        break;
      default:
        throw new TooLong(); // not JSON: no shortcut
    }
    if (Array.isArray(v)) {
      this.s += '[';
      for (const item of v) this.write(item, undefined, true);
      this.s += ']';
      return;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new TooLong(); // a Date from YAML, …: no shortcut
    this.s += '{';
    const z = isPlain(zero) ? zero : undefined;
    for (const k in v) {
      this.s += `${k.length}:${k}`;
      this.write((v as Record<string, unknown>)[k], z?.[k], exact);
    }
    this.s += '}';
  }
}

/** The shape key of an object created under `prefix` (manager and kind) with its kind's empty object, or undefined when too large. */
export function createShapeKey(prefix: string, obj: object, empty: object): string | undefined {
  const w = new ShapeWriter();
  w.s = `${prefix}\u0000`;
  try {
    w.write(obj, empty, false);
  } catch (e) {
    if (e instanceof TooLong) return undefined;
    throw e;
  }
  return w.s;
}

/** The remembered outcome of a shape (undefined: not known yet). */
export function createOutcome(key: string): CreateOutcome | undefined {
  return outcomes.get(key);
}

/** Remembers a shape's outcome (the table starts over when full, which only costs recomputing). */
export function rememberCreateOutcome(key: string, outcome: CreateOutcome): void {
  if (outcomes.size >= MAX_ENTRIES) outcomes.clear();
  outcomes.set(key, outcome);
}

/** Forgets every remembered outcome (tests compare a remembered outcome with a fresh one). */
export function forgetCreateOutcomes(): void {
  outcomes.clear();
}
