// A thread-unsafe (single-threaded) indexed cache. Models client-go tools/cache/thread_safe_store.go
// and index.go: objects by key, plus named indexes from index values to keys.
import type { KubeObject } from '../api/types';
import { keyOf, type ObjectKey } from '../api/meta';

/** Computes the index values of an object (e.g. its namespace, its node). */
export type IndexFunc<T> = (obj: T) => readonly string[];

// The keys of one index value, and (once asked for) the same keys sorted; a change of membership
// drops the sorted copy, so a controller listing a namespace of 10,000 pods per sync does not sort
// them every time.
interface Bucket {
  readonly keys: Set<ObjectKey>;
  sorted: ObjectKey[] | undefined;
}

/** Invariant: every index holds exactly the keys of the cached objects whose IndexFunc yields that value. */
export class Indexer<T extends KubeObject> {
  private readonly items = new Map<ObjectKey, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  private readonly indices = new Map<string, Map<string, Bucket>>();
  private sortedKeys: ObjectKey[] | undefined;

  constructor() {
    this.addIndexer('namespace', (o) => [o.metadata?.namespace ?? '']);
  }

  /** Adds an index; existing items are indexed at once. */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const idx = new Map<string, Bucket>();
    this.indices.set(name, idx);
    for (const [k, o] of this.items) for (const v of fn(o)) addTo(idx, v, k);
  }

  get(key: ObjectKey): T | undefined {
    return this.items.get(key);
  }

  size(): number {
    return this.items.size;
  }

  keys(): IterableIterator<ObjectKey> {
    return this.items.keys();
  }

  /** Every key, sorted (a shared array: do not change it). */
  sortedKeyList(): readonly ObjectKey[] {
    return (this.sortedKeys ??= [...this.items.keys()].sort());
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  /** Objects whose index `name` has `value`, in key order. */
  byIndex(name: string, value: string): T[] {
    const b = this.indices.get(name)?.get(value);
    if (!b) return [];
    const sorted = (b.sorted ??= [...b.keys].sort());
    const out = new Array<T>(sorted.length);
    for (let i = 0; i < sorted.length; i++) out[i] = this.items.get(sorted[i])!;
    return out;
  }

  /** Number of objects with an index value (cheaper than byIndex().length). */
  countByIndex(name: string, value: string): number {
    return this.indices.get(name)?.get(value)?.keys.size ?? 0;
  }

  set(obj: T): T | undefined {
    const key = keyOf(obj);
    const old = this.items.get(key);
    this.items.set(key, obj);
    if (!old) this.sortedKeys = undefined;
    for (const [name, fn] of this.indexers) {
      const idx = this.indices.get(name)!;
      const next = fn(obj);
      if (old) {
        const prev = fn(old);
        // The common update keeps its index values: nothing to move.
        if (prev.length === next.length && prev.every((v, i) => v === next[i])) continue;
        for (const v of prev) removeFrom(idx, v, key);
      }
      for (const v of next) addTo(idx, v, key);
    }
    return old;
  }

  delete(key: ObjectKey): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.items.delete(key);
    this.sortedKeys = undefined;
    for (const [name, fn] of this.indexers) for (const v of fn(old)) removeFrom(this.indices.get(name)!, v, key);
    return old;
  }
}

function addTo(idx: Map<string, Bucket>, v: string, k: ObjectKey): void {
  let b = idx.get(v);
  if (!b) idx.set(v, (b = { keys: new Set(), sorted: undefined }));
  if (b.keys.has(k)) return;
  b.keys.add(k);
  b.sorted = undefined;
}

function removeFrom(idx: Map<string, Bucket>, v: string, k: ObjectKey): void {
  const b = idx.get(v);
  if (!b || !b.keys.delete(k)) return;
  b.sorted = undefined;
  if (b.keys.size === 0) idx.delete(v);
}
