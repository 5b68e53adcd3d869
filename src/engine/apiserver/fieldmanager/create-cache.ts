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

// Builds the key as a list of parts; names and values are length-prefixed so no text is ambiguous.
class ShapeWriter {
  readonly parts: string[] = [];
  length = 0;

  // `zero` is the empty object's value at the same position (undefined where it has none); `exact`
  // keeps scalars verbatim (inside lists, whose keys and set members are values).
  write(v: unknown, zero: unknown, exact: boolean): void {
    const parts = this.parts;
    if (v === undefined) {
      parts.push('u');
      return;
    }
    if (v === null) {
      parts.push('z');
      return;
    }
    const t = typeof v;
    if (t !== 'object') {
      const tag = t === 'string' ? 'S' : t === 'number' ? 'N' : t === 'boolean' ? 'B' : undefined;
      if (tag === undefined) throw new TooLong(); // not JSON: no shortcut
      // A scalar differs from a null or object zero whatever it is: only a scalar zero makes the value count.
      if (exact || (zero !== undefined && zero !== null && typeof zero !== 'object')) {
        const text = String(v);
        this.length += text.length;
        parts.push(tag, String(text.length), ':', text);
      } else parts.push(tag);
      return;
    }
    if (Array.isArray(v)) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) this.write(v[i], undefined, true);
      parts.push(']');
      return;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new TooLong(); // a Date from YAML, …: no shortcut
    if ((this.length += 8) > MAX_KEY) throw new TooLong();
    parts.push('{');
    const z = zero !== null && typeof zero === 'object' && !Array.isArray(zero) ? (zero as Record<string, unknown>) : undefined;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      this.length += k.length;
      parts.push(String(k.length), ':', k);
      this.write(o[k], z === undefined ? undefined : z[k], exact);
    }
    parts.push('}');
  }
}

/** The shape key of an object created under `prefix` (manager and kind) with its kind's empty object, or undefined when too large. */
export function createShapeKey(prefix: string, obj: object, empty: object): string | undefined {
  const w = new ShapeWriter();
  w.parts.push(prefix, '\u0000');
  try {
    w.write(obj, empty, false);
  } catch (e) {
    if (e instanceof TooLong) return undefined;
    throw e;
  }
  return w.parts.join('');
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
