// A thread-unsafe (single-threaded) indexed cache. Models client-go tools/cache/thread_safe_store.go
// and index.go: objects by key, plus named indexes from index values to keys.
import type { KubeObject } from '../api/types';
import { keyOf, type ObjectKey } from '../api/meta';

/** Computes the index values of an object (e.g. its namespace, its node). */
export type IndexFunc<T> = (obj: T) => readonly string[];

/** Invariant: every index holds exactly the keys of the cached objects whose IndexFunc yields that value. */
export class Indexer<T extends KubeObject> {
  private readonly items = new Map<ObjectKey, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  private readonly indices = new Map<string, Map<string, Set<ObjectKey>>>();

  constructor() {
    this.addIndexer('namespace', (o) => [o.metadata?.namespace ?? '']);
  }

  /** Adds an index; existing items are indexed at once. */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const idx = new Map<string, Set<ObjectKey>>();
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

  values(): IterableIterator<T> {
    return this.items.values();
  }

  /** Objects whose index `name` has `value`, in key order. */
  byIndex(name: string, value: string): T[] {
    const set = this.indices.get(name)?.get(value);
    if (!set) return [];
    return [...set].sort().map((k) => this.items.get(k)!);
  }

  /** Number of objects with an index value (cheaper than byIndex().length). */
  countByIndex(name: string, value: string): number {
    return this.indices.get(name)?.get(value)?.size ?? 0;
  }

  set(obj: T): T | undefined {
    const key = keyOf(obj);
    const old = this.items.get(key);
    this.items.set(key, obj);
    for (const [name, fn] of this.indexers) {
      const idx = this.indices.get(name)!;
      if (old) for (const v of fn(old)) removeFrom(idx, v, key);
      for (const v of fn(obj)) addTo(idx, v, key);
    }
    return old;
  }

  delete(key: ObjectKey): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.items.delete(key);
    for (const [name, fn] of this.indexers) for (const v of fn(old)) removeFrom(this.indices.get(name)!, v, key);
    return old;
  }
}

function addTo(idx: Map<string, Set<ObjectKey>>, v: string, k: ObjectKey): void {
  let s = idx.get(v);
  if (!s) idx.set(v, (s = new Set()));
  s.add(k);
}

function removeFrom(idx: Map<string, Set<ObjectKey>>, v: string, k: ObjectKey): void {
  const s = idx.get(v);
  if (!s) return;
  s.delete(k);
  if (s.size === 0) idx.delete(v);
}
