// Sets of field paths, as a trie keyed by serialized path elements: the shape of fieldsV1 itself.
// Models structured-merge-diff/v4 fieldpath/set.go (Union, Intersection, Difference,
// RecursiveDifference, Iterate) and serialize.go (ToJSON, FromJSON: "." marks a node that is itself a
// member and also has children). Sets are immutable once built, and operations return an input
// unchanged when nothing changes, so unchanged managers keep their entries without re-encoding.
import { type PE, type Path, canonicalPE, comparePE } from './path-element';

/** One node: whether its own path is in the set, and the nodes below it. */
export class FieldSet {
  /** The empty set. */
  static readonly EMPTY = new FieldSet(false, undefined);

  // The node's encoding, once asked for (a set never changes once built): its frozen fieldsV1 object
  // (toFieldsV1Shared) or its JSON text (toFieldsV1Json). Sets that share nodes, as a manager's sets
  // from one write to the next do, then share their encodings.
  private encoded: Record<string, unknown> | string | undefined = undefined;

  constructor(readonly member: boolean, readonly children: ReadonlyMap<PE, FieldSet> | undefined) {}

  /** No member anywhere below (the root's own flag is never set). */
  get empty(): boolean {
    return !this.member && (this.children === undefined || this.children.size === 0);
  }

  /** Is `path` a member? */
  has(path: Path): boolean {
    if (path.length === 0) return false;
    let n = this.children?.get(path[0]);
    for (let i = 1; n && i < path.length; i++) n = n.children?.get(path[i]);
    return !!n && n.member;
  }

  /** The subset below one element (Set.WithPrefix). */
  child(pe: PE): FieldSet {
    return this.children?.get(pe) ?? FieldSet.EMPTY;
  }

  /** Set.Union */
  union(o: FieldSet): FieldSet {
    if (o.empty || o === this) return this;
    if (this.empty) return o;
    const member = this.member || o.member;
    let children = this.children as Map<PE, FieldSet> | undefined;
    if (o.children) {
      for (const [k, oc] of o.children) {
        const mine = this.children?.get(k);
        const u = mine ? mine.union(oc) : oc;
        if (u !== mine) {
          if (children === this.children) children = new Map(this.children);
          (children ??= new Map()).set(k, u);
        }
      }
    }
    return member === this.member && children === this.children ? this : new FieldSet(member, children);
  }

  /** Set.Equals (a structural walk that stops at shared nodes). */
  equals(o: FieldSet): boolean {
    if (this === o) return true;
    if (this.member !== o.member) return false;
    const a = this.children;
    const b = o.children;
    const na = a ? a.size : 0;
    if (na !== (b ? b.size : 0)) return false;
    if (na === 0) return true;
    for (const [k, c] of a!) {
      const d = b!.get(k);
      if (d === undefined || !c.equals(d)) return false;
    }
    return true;
  }

  /** Set.Intersection */
  intersection(o: FieldSet): FieldSet {
    if (this.empty || o.empty) return FieldSet.EMPTY;
    const member = this.member && o.member;
    let children: Map<PE, FieldSet> | undefined;
    if (this.children && o.children) {
      const [small, big] = this.children.size <= o.children.size ? [this.children, o.children] : [o.children, this.children];
      for (const [k, a] of small) {
        const b = big.get(k);
        if (!b) continue;
        const i = a.intersection(b);
        if (!i.empty) (children ??= new Map()).set(k, i);
      }
    }
    return member || children ? new FieldSet(member, children) : FieldSet.EMPTY;
  }

  /** Set.Difference: removes exact paths only; what lies below a removed member stays. */
  difference(o: FieldSet): FieldSet {
    if (this.empty || o.empty) return this;
    const member = this.member && !o.member;
    let children = this.children as Map<PE, FieldSet> | undefined;
    if (this.children && o.children) {
      for (const [k, oc] of o.children) {
        const mine = this.children.get(k);
        if (!mine) continue;
        const d = mine.difference(oc);
        if (d === mine) continue;
        if (children === this.children) children = new Map(this.children);
        if (d.empty) children!.delete(k);
        else children!.set(k, d);
      }
    }
    return member === this.member && children === this.children ? this : FieldSet.make(member, children);
  }

  /** Set.RecursiveDifference: also drops everything below a member of `o`. */
  recursiveDifference(o: FieldSet): FieldSet {
    if (this.empty || o.empty) return this;
    let children = this.children as Map<PE, FieldSet> | undefined;
    if (this.children && o.children) {
      for (const [k, oc] of o.children) {
        const mine = this.children.get(k);
        if (!mine) continue;
        const d = oc.member ? FieldSet.EMPTY : mine.recursiveDifference(oc);
        if (d === mine) continue;
        if (children === this.children) children = new Map(this.children);
        if (d.empty) children!.delete(k);
        else children!.set(k, d);
      }
    }
    return children === this.children ? this : FieldSet.make(this.member, children);
  }

  private static make(member: boolean, children: Map<PE, FieldSet> | undefined): FieldSet {
    return !member && (!children || children.size === 0) ? FieldSet.EMPTY : new FieldSet(member, children);
  }

  /** Children in path-element order (PathElement.Less). */
  sortedChildren(): [PE, FieldSet][] {
    if (!this.children) return [];
    return this.sortedKeys().map((k) => [k, this.children!.get(k)!]);
  }

  // The children's elements in PathElement.Less order.
  private sortedKeys(): PE[] {
    const keys = [...this.children!.keys()];
    if (keys.length > 1) {
      // Field names alone sort as their spellings do (the common case, and the cheap one).
      let fieldsOnly = true;
      for (const k of keys) if (k.charCodeAt(0) !== 102) fieldsOnly = false;
      if (fieldsOnly) keys.sort();
      else keys.sort(comparePE);
    }
    return keys;
  }

  /** Set.Iterate: at each level the members first, then the children, each in element order. */
  iterate(fn: (path: Path) => void, prefix: PE[] = []): void {
    const sorted = this.sortedChildren();
    for (const [k, c] of sorted) if (c.member) fn([...prefix, k]);
    for (const [k, c] of sorted) {
      if (c.children && c.children.size > 0) {
        prefix.push(k);
        c.iterate(fn, prefix);
        prefix.pop();
      }
    }
  }

  /** All member paths, in Iterate order. */
  paths(): Path[] {
    const out: Path[] = [];
    this.iterate((p) => out.push(p));
    return out;
  }

  /** A set holding the given paths. */
  static of(...paths: Path[]): FieldSet {
    const b = new FieldSetBuilder();
    for (const p of paths) b.insert(p);
    return b.build();
  }

  /** Set.ToJSON as a fieldsV1 object: keys in element order, "." first where a member has children. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.member && this.children && this.children.size > 0) out['.'] = {};
    for (const [k, c] of this.sortedChildren()) {
      out[k] = c.children && c.children.size > 0 ? c.toFieldsV1() : {};
    }
    return out;
  }

  /**
   * toFieldsV1 as deep-frozen data that shares the encodings of nodes encoded before (and one frozen
   * `{}` for every leaf): for a value that is stored, never changed.
   */
  toFieldsV1Shared(): Record<string, unknown> {
    if (typeof this.encoded === 'object') return this.encoded;
    const out: Record<string, unknown> = {};
    if (this.member && this.children && this.children.size > 0) out['.'] = LEAF;
    for (const [k, c] of this.sortedChildren()) {
      out[k] = c.children && c.children.size > 0 ? c.toFieldsV1Shared() : LEAF;
    }
    Object.freeze(out);
    this.encoded = out;
    return out;
  }

  /** JSON.stringify(toFieldsV1()), built directly (no element key is integer-like, so key order is the same). */
  toFieldsV1Json(): string {
    if (typeof this.encoded === 'string') return this.encoded;
    let s = '{';
    let first = true;
    if (this.member && this.children && this.children.size > 0) {
      s += '".":{}';
      first = false;
    }
    if (this.children) {
      for (const k of this.sortedKeys()) {
        const c = this.children.get(k)!;
        if (!first) s += ',';
        first = false;
        s += quoted(k);
        s += c.children && c.children.size > 0 ? `:${c.toFieldsV1Json()}` : ':{}';
      }
    }
    s += '}';
    if (this.encoded === undefined) this.encoded = s;
    return s;
  }

  /** Set.FromJSON of a fieldsV1 object: an empty object or a "." key marks a member. */
  static fromFieldsV1(fields: unknown): FieldSet {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return FieldSet.EMPTY;
    const cached = decoded.get(fields);
    if (cached) return cached;
    const s = readFields(fields as Record<string, unknown>, false);
    decoded.set(fields, s);
    return s;
  }
}

const decoded = new WeakMap<object, FieldSet>();

// Path elements recur across every object of a kind: their JSON spelling is kept (bounded; starts over when full).
const quotedPEs = new Map<string, string>();
function quoted(pe: PE): string {
  let q = quotedPEs.get(pe);
  if (q === undefined) {
    q = JSON.stringify(pe);
    if (quotedPEs.size >= 65_536) quotedPEs.clear();
    quotedPEs.set(pe, q);
  }
  return q;
}

// Every member leaf of a shared encoding: nobody can change it, so one object serves them all.
const LEAF: Record<string, unknown> = Object.freeze({});

/** Records that `fields` (an immutable fieldsV1 object) decodes to `set`, so fromFieldsV1 need not read it. */
export function rememberDecoded(fields: object, set: FieldSet): void {
  if (!decoded.has(fields)) decoded.set(fields, set);
}

function readFields(o: Record<string, unknown>, member: boolean): FieldSet {
  let children: Map<PE, FieldSet> | undefined;
  for (const key of Object.keys(o)) {
    if (key === '.') continue;
    const pe = canonicalPE(key);
    if (pe === undefined) continue;
    const v = o[key];
    const obj = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    const keys = Object.keys(obj);
    const child = readFields(obj, keys.length === 0 || '.' in obj);
    if (child.empty) continue;
    (children ??= new Map()).set(pe, children?.has(pe) ? children.get(pe)!.union(child) : child);
  }
  return member || children ? new FieldSet(member, children) : FieldSet.EMPTY;
}

/** Builds a set by inserting paths; its nodes become the set. */
export class FieldSetBuilder {
  private readonly root = new FieldSet(false, undefined);
  private count = 0;

  /** Set.Insert */
  insert(path: Path): void {
    if (path.length === 0) return;
    let node = this.root as unknown as { member: boolean; children: Map<PE, FieldSet> | undefined };
    for (let i = 0; i < path.length; i++) {
      const pe = path[i];
      let m = node.children;
      if (m === undefined) node.children = m = new Map();
      let c = m.get(pe);
      if (c === undefined) {
        c = new FieldSet(false, undefined);
        m.set(pe, c);
      }
      node = c as unknown as typeof node;
    }
    if (!node.member) {
      node.member = true;
      this.count++;
    }
  }

  /** Inserts `prefix` followed by `pe` without copying the prefix. */
  insertChild(prefix: readonly PE[], pe: PE): void {
    (prefix as PE[]).push(pe);
    this.insert(prefix);
    (prefix as PE[]).pop();
  }

  /** Any member inserted? */
  get empty(): boolean {
    return this.count === 0;
  }

  /** The set; the builder must not be used afterwards (its nodes become the set). */
  build(): FieldSet {
    return this.count === 0 ? FieldSet.EMPTY : this.root;
  }
}
