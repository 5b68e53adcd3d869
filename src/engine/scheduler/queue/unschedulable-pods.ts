// Models UnschedulablePods of pkg/scheduler/internal/queue/scheduling_queue.go, with an index by the
// plugins that rejected each pod, so that an event visits only the pods whose rejecting plugins
// registered it (upstream walks them all; the result is the same, the cost is not).
import type { QueuedPodInfo } from '../framework';

/** The unschedulable pods. */
export class UnschedulablePods {
  private readonly pods = new Map<string, QueuedPodInfo>();
  private readonly byPlugin = new Map<string, Set<QueuedPodInfo>>();

  get size(): number {
    return this.pods.size;
  }

  has(key: string): boolean {
    return this.pods.has(key);
  }

  get(key: string): QueuedPodInfo | undefined {
    return this.pods.get(key);
  }

  values(): IterableIterator<QueuedPodInfo> {
    return this.pods.values();
  }

  /** addOrUpdate. */
  set(q: QueuedPodInfo): void {
    this.delete(q.podInfo.key);
    this.pods.set(q.podInfo.key, q);
    for (const p of q.unschedulablePlugins) this.index(p).add(q);
    for (const p of q.pendingPlugins) this.index(p).add(q);
  }

  delete(key: string): void {
    const q = this.pods.get(key);
    if (!q) return;
    this.pods.delete(key);
    for (const set of [q.unschedulablePlugins, q.pendingPlugins]) {
      for (const p of set) {
        const s = this.byPlugin.get(p);
        s?.delete(q);
        if (s?.size === 0) this.byPlugin.delete(p);
      }
    }
  }

  /** The pods rejected by one of these plugins, and those rejected by none (in insertion order). */
  candidates(plugins: ReadonlySet<string>): QueuedPodInfo[] {
    const picked = new Set<QueuedPodInfo>();
    for (const p of plugins) for (const q of this.byPlugin.get(p) ?? []) picked.add(q);
    for (const q of this.pods.values()) if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) picked.add(q);
    if (picked.size === this.pods.size) return [...this.pods.values()];
    return [...this.pods.values()].filter((q) => picked.has(q));
  }

  private index(p: string): Set<QueuedPodInfo> {
    let s = this.byPlugin.get(p);
    if (!s) this.byPlugin.set(p, (s = new Set()));
    return s;
  }
}
