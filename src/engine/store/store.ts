// The etcd of the simulated cluster: objects by resource and key, one global monotonically
// increasing resourceVersion, and a bounded history of changes that watches resume from.
// Models the contract of k8s.io/apiserver/pkg/storage/interfaces.go (Interface) as the etcd3 store
// and the watch cache give it, without MVCC snapshots: lists always read the latest state.
import type { KubeObject, ObjectMeta } from '../api/types';
import { newResourceExpired, type StatusError } from '../api/errors';
import { deepFreeze, shallowCopy } from '../api/meta';

/** An object in the store: immutable (frozen in development), with its resourceVersion set. */
export type Stored = KubeObject & { metadata: ObjectMeta & { name: string; resourceVersion: string } };

/** One change, as the history and watches see it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** "<resource>.<group>" (GroupResource.String() with the group always present, e.g. "pods."). */
  gr: string;
  namespace: string;
  object: Stored;
  /** The object before this change (MODIFIED and DELETED). */
  prev?: Stored;
  rv: number;
}

/** A store watch: events of one resource (optionally one namespace) after a resourceVersion. */
export interface StoreWatch {
  gr: string;
  namespace?: string;
  /** Receives events in resourceVersion order, each at most once. */
  deliver(ev: StoreEvent): void;
}

/** Options for a store. */
export interface StoreOptions {
  /** How many past events the history keeps for resuming watches (the compaction window). */
  historySize?: number;
  /** Deep-freeze stored objects (development safety net). */
  freeze?: boolean;
}

type Table = Map<string, Map<string, Stored>>; // namespace ("" for cluster-scoped) → name → object

/**
 * Invariants: resourceVersions strictly increase across all resources; every write appends exactly one
 * event to the history; objects handed out are never mutated afterwards (writers build new ones).
 */
export class Store {
  private rv = 0;
  private readonly tables = new Map<string, Table>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0; // index in `history` of the oldest retained event (ring emulation)
  private readonly historySize: number;
  private readonly freeze: boolean;
  private readonly watches = new Map<string, Set<StoreWatch>>();
  private readonly counts = new Map<string, number>();
  // Sorted names per namespace table, kept until a create or delete changes the names (lists and paged
  // lists re-read them often; updates keep the names).
  private readonly sortedNames = new WeakMap<Map<string, Stored>, string[]>();
  // Lists as last built (per namespace table, and across namespaces per resource), until a write changes them:
  // kubectl pages a big list in chunks of 500, each of which would otherwise rebuild it.
  private readonly sortedLists = new WeakMap<Map<string, Stored>, Stored[]>();
  private readonly allLists = new Map<string, Stored[]>();

  constructor(opts: StoreOptions = {}) {
    // Enough for any informer to resume after a short disconnect; more would keep thousands of old
    // object versions alive (upstream keeps about 100 events per resource in its watch cache).
    this.historySize = opts.historySize ?? 10_000;
    this.freeze = opts.freeze ?? true;
  }

  /** The resourceVersion of the latest write (what a list returns as metadata.resourceVersion). */
  currentRV(): number {
    return this.rv;
  }

  /** Number of objects of one resource. */
  count(gr: string): number {
    return this.counts.get(gr) ?? 0;
  }

  get(gr: string, namespace: string, name: string): Stored | undefined {
    return this.tables.get(gr)?.get(namespace)?.get(name);
  }

  /**
   * Objects of a resource (in one namespace or all) in etcd key order: by the string "<namespace>/<name>"
   * (so namespace "team-a" sorts before "team", as '-' < '/'), which is the order a real list returns.
   * The array is shared until the next write to the resource: callers never change it.
   */
  list(gr: string, namespace?: string): readonly Stored[] {
    const t = this.tables.get(gr);
    if (!t) return [];
    if (namespace !== undefined) {
      const m = t.get(namespace);
      return m ? this.sortedValues(m) : [];
    }
    let all = this.allLists.get(gr);
    if (!all) {
      all = [];
      for (const ns of [...t.keys()].map((n) => `${n}/`).sort()) {
        for (const o of this.sortedValues(t.get(ns.slice(0, -1))!)) all.push(o);
      }
      this.allLists.set(gr, all);
    }
    return all;
  }

  /** Stores a new object; the caller has checked it does not exist. Returns it with its resourceVersion. */
  create(gr: string, obj: KubeObject): Stored {
    const ns = obj.metadata?.namespace ?? '';
    const stored = this.stamp(obj);
    const m = this.table(gr, ns);
    if (!m.has(stored.metadata.name)) this.sortedNames.delete(m);
    m.set(stored.metadata.name, stored);
    this.changed(gr, m);
    this.counts.set(gr, (this.counts.get(gr) ?? 0) + 1);
    this.record({ type: 'ADDED', gr, namespace: ns, object: stored, rv: this.rv });
    return stored;
  }

  /** Replaces an existing object; the caller has done the optimistic-concurrency check. */
  update(gr: string, obj: KubeObject): Stored {
    const ns = obj.metadata?.namespace ?? '';
    const name = obj.metadata?.name ?? '';
    const prev = this.get(gr, ns, name);
    if (!prev) throw new Error(`store: update of missing ${gr} ${ns}/${name}`);
    const stored = this.stamp(obj);
    const m = this.table(gr, ns);
    m.set(name, stored);
    this.changed(gr, m);
    this.record({ type: 'MODIFIED', gr, namespace: ns, object: stored, prev, rv: this.rv });
    return stored;
  }

  /** Removes an object. The DELETED event carries the object with a new resourceVersion, as etcd3 does. */
  delete(gr: string, namespace: string, name: string): Stored | undefined {
    const prev = this.get(gr, namespace, name);
    if (!prev) return undefined;
    const m = this.tables.get(gr)!.get(namespace)!;
    m.delete(name);
    this.sortedNames.delete(m);
    this.changed(gr, m);
    this.counts.set(gr, (this.counts.get(gr) ?? 1) - 1);
    const gone = this.stamp(prev);
    this.record({ type: 'DELETED', gr, namespace, object: gone, prev, rv: this.rv });
    return gone;
  }

  /**
   * Registers a watch and replays history after `fromRV`. Throws 410 Expired ("too old resource
   * version") when history no longer reaches back that far — the client must re-list.
   */
  watch(w: StoreWatch, fromRV: number): () => void {
    for (const ev of this.eventsSince(w.gr, fromRV, w.namespace)) w.deliver(ev);
    let set = this.watches.get(w.gr);
    if (!set) this.watches.set(w.gr, (set = new Set()));
    set.add(w);
    return () => set!.delete(w);
  }

  /** Past events of one resource after `fromRV`, oldest first; throws 410 Expired when compacted. */
  eventsSince(gr: string, fromRV: number, namespace?: string): StoreEvent[] {
    const oldest = this.oldestRV();
    if (fromRV < oldest - 1) throw this.tooOld(fromRV, oldest);
    const out: StoreEvent[] = [];
    if (fromRV >= this.rv) return out;
    // History is in rv order: binary-search the first event after fromRV.
    let lo = this.historyStart;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].rv <= fromRV) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.history.length; i++) {
      const ev = this.history[i];
      if (ev.gr === gr && (namespace === undefined || ev.namespace === namespace)) out.push(ev);
    }
    return out;
  }

  /** The error a too-old resume gets (cacher.go: "too old resource version: %d (%d)"). */
  tooOld(fromRV: number, oldest = this.oldestRV()): StatusError {
    return newResourceExpired(`too old resource version: ${fromRV} (${oldest - 1})`);
  }

  /** resourceVersion of the oldest event still in history (or the next one to come). */
  oldestRV(): number {
    return this.historyStart < this.history.length ? this.history[this.historyStart].rv : this.rv + 1;
  }

  /** A canonical dump of every object (for determinism checks): resources and keys in sorted order. */
  dump(): string {
    const out: string[] = [];
    for (const gr of [...this.tables.keys()].sort()) {
      for (const o of this.list(gr)) out.push(`${gr} ${JSON.stringify(o)}`);
    }
    return out.join('\n');
  }

  private sortedValues(m: Map<string, Stored>): Stored[] {
    let list = this.sortedLists.get(m);
    if (list) return list;
    let names = this.sortedNames.get(m);
    if (!names) this.sortedNames.set(m, (names = [...m.keys()].sort()));
    list = names.map((k) => m.get(k)!);
    this.sortedLists.set(m, list);
    return list;
  }

  /** A write to one namespace table: its list and the resource's all-namespaces list are stale. */
  private changed(gr: string, m: Map<string, Stored>): void {
    this.sortedLists.delete(m);
    this.allLists.delete(gr);
  }

  private table(gr: string, ns: string): Map<string, Stored> {
    let t = this.tables.get(gr);
    if (!t) this.tables.set(gr, (t = new Map()));
    let m = t.get(ns);
    if (!m) t.set(ns, (m = new Map()));
    return m;
  }

  private stamp(obj: KubeObject): Stored {
    this.rv++;
    // shallowCopy, not a spread: a create's metadata gets resourceVersion as a new key (slow on a spread copy).
    const metadata = shallowCopy(obj.metadata ?? {});
    metadata.resourceVersion = String(this.rv);
    const stored = { ...obj, metadata } as Stored;
    return this.freeze ? deepFreeze(stored) : Object.freeze(stored);
  }

  private record(ev: StoreEvent): void {
    this.history.push(ev);
    if (this.history.length - this.historyStart > this.historySize) {
      // Release the evicted event now: until the next compaction its slot would keep the object
      // version (and the one before it) alive.
      (this.history as (StoreEvent | undefined)[])[this.historyStart] = undefined;
      this.historyStart++;
      // Compact the backing array now and then, so the ring does not grow without bound.
      if (this.historyStart > 4096 && this.historyStart * 2 > this.history.length) {
        this.history.splice(0, this.historyStart);
        this.historyStart = 0;
      }
    }
    const set = this.watches.get(ev.gr);
    if (set) for (const w of set) if (w.namespace === undefined || w.namespace === ev.namespace) w.deliver(ev);
  }
}
