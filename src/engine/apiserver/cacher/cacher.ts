// Watch fan-out for one resource. Models k8s.io/apiserver/pkg/storage/cacher/cacher.go: one store
// watch per resource feeds many client watchers; watchers are indexed by namespace and, for pods, by
// spec.nodeName (upstream's "indexed triggers"), so a pod write reaches its node's kubelet without
// being tested against the other 999 kubelets' watches.
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Store, StoreEvent, Stored } from '../../store';
import type { Clock } from '../../clock';

/** Decides whether an object is visible to a watcher (label and field selectors). */
export type WatchFilter = (obj: Stored) => boolean;

/** Turns a stored object into what goes on the wire (the object itself, or a Table). */
export type WatchTransform = (type: WatchEvent['type'], obj: Stored) => unknown;

/** One client watch. */
export interface WatcherSpec {
  namespace?: string;
  /** Exact spec.nodeName this watcher selects (pods only): puts it in the node index. */
  nodeName?: string;
  filter: WatchFilter;
  transform: WatchTransform;
  onEvent: (ev: WatchEvent<unknown>) => void;
  onClose?: () => void;
}

interface Watcher extends WatcherSpec {
  buffer: WatchEvent<unknown>[];
  scheduled: boolean;
  stopped: boolean;
  cancelTimers: (() => void)[];
}

const podNode = (o: Stored | undefined) => ((o?.spec as { nodeName?: string } | undefined)?.nodeName ?? '');

/** The fan-out for one resource ("pods.", "deployments.apps"). */
export class Cacher {
  private readonly all = new Set<Watcher>();
  private readonly byNamespace = new Map<string, Set<Watcher>>();
  private readonly byNode = new Map<string, Set<Watcher>>();
  private readonly unsubscribe: () => void;
  private readonly isPods: boolean;

  constructor(private readonly gr: string, private readonly store: Store, private readonly clock: Clock) {
    this.isPods = gr === 'pods.';
    this.unsubscribe = store.watch({ gr, deliver: (ev) => this.dispatch(ev) }, store.currentRV());
  }

  /** Number of live watchers (for tests and the UI's "who is watching"). */
  size(): number {
    let n = this.all.size;
    for (const s of this.byNamespace.values()) n += s.size;
    for (const s of this.byNode.values()) n += s.size;
    return n;
  }

  /**
   * Adds a watcher. `initial` are synthetic events delivered first (ADDED for the current state when a
   * watch starts without a resourceVersion); `fromRV` replays history after it (throws 410 when compacted).
   */
  add(spec: WatcherSpec, initial: WatchEvent<unknown>[], fromRV: number | undefined): WatcherHandle {
    const w: Watcher = { ...spec, buffer: [...initial], scheduled: false, stopped: false, cancelTimers: [] };
    if (fromRV !== undefined) {
      for (const ev of this.store.eventsSince(this.gr, fromRV, spec.namespace)) this.offer(w, ev);
    }
    this.index(w).add(w);
    if (w.buffer.length) this.schedule(w);
    return {
      stop: () => this.stop(w),
      push: (ev) => {
        if (w.stopped) return;
        w.buffer.push(ev);
        this.schedule(w);
      },
      own: (cancel) => {
        if (w.stopped) cancel();
        else w.cancelTimers.push(cancel);
      },
    };
  }

  /** Stops every watcher and the store subscription. */
  close(): void {
    this.unsubscribe();
    for (const set of [this.all, ...this.byNamespace.values(), ...this.byNode.values()]) for (const w of set) this.stop(w);
  }

  private index(w: Watcher): Set<Watcher> {
    if (this.isPods && w.nodeName !== undefined) return getSet(this.byNode, w.nodeName);
    if (w.namespace !== undefined) return getSet(this.byNamespace, w.namespace);
    return this.all;
  }

  private stop(w: Watcher): void {
    if (w.stopped) return;
    w.stopped = true;
    w.buffer = [];
    for (const c of w.cancelTimers) c();
    this.index(w).delete(w);
    w.onClose?.();
  }

  private dispatch(ev: StoreEvent): void {
    for (const w of this.all) this.offer(w, ev);
    const nsSet = this.byNamespace.get(ev.namespace);
    if (nsSet) for (const w of nsSet) this.offer(w, ev);
    if (this.isPods && this.byNode.size) {
      const a = podNode(ev.object);
      const b = podNode(ev.prev);
      const s1 = this.byNode.get(a);
      if (s1) for (const w of s1) this.offer(w, ev);
      if (b !== a) {
        const s2 = this.byNode.get(b);
        if (s2) for (const w of s2) this.offer(w, ev);
      }
    }
  }

  /** Selector semantics of the watch cache: an object entering the selection is ADDED, leaving it DELETED. */
  private offer(w: Watcher, ev: StoreEvent): void {
    if (w.stopped) return;
    if (w.namespace !== undefined && ev.namespace !== w.namespace) return;
    let type: WatchEvent['type'] | undefined;
    if (ev.type === 'ADDED') type = w.filter(ev.object) ? 'ADDED' : undefined;
    else if (ev.type === 'DELETED') type = w.filter(ev.prev ?? ev.object) ? 'DELETED' : undefined;
    else {
      const now = w.filter(ev.object);
      const before = ev.prev ? w.filter(ev.prev) : false;
      type = now && before ? 'MODIFIED' : now ? 'ADDED' : before ? 'DELETED' : undefined;
    }
    if (!type) return;
    w.buffer.push({ type, object: w.transform(type, ev.object) as KubeObject });
    this.schedule(w);
  }

  private schedule(w: Watcher): void {
    if (w.scheduled) return;
    w.scheduled = true;
    this.clock.after(0, () => {
      w.scheduled = false;
      const batch = w.buffer;
      w.buffer = [];
      for (const e of batch) {
        if (w.stopped) return;
        w.onEvent(e);
      }
    });
  }
}

/** Control of one watcher: stop it, queue a raw event (BOOKMARK, ERROR), tie a timer to its life. */
export interface WatcherHandle {
  stop(): void;
  push(ev: WatchEvent<unknown>): void;
  own(cancel: () => void): void;
}

function getSet<K, V>(m: Map<K, Set<V>>, k: K): Set<V> {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
}
