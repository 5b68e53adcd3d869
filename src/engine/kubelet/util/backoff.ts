// Per-key exponential back-off. Models k8s.io/client-go/util/flowcontrol/backoff.go (Backoff) as
// the kubelet uses it: one for crashing containers and one for failing image pulls, both starting
// at 10s and doubling to 300s (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff). An entry
// untouched for twice the maximum (10 minutes) is stale: the next failure starts again at 10s.
import type { Clock } from '../../clock';

/** kubelet.go backOffPeriod: the first back-off. */
export const BACKOFF_INITIAL_MS = 10_000;
/** kubelet.go MaxContainerBackOff (and MaxImageBackOff): the longest back-off. */
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

/** A set of per-key back-offs on the simulated clock (no jitter: the kubelet uses none). */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock, readonly initialMs = BACKOFF_INITIAL_MS, readonly maxMs = BACKOFF_MAX_MS) {}

  /** The current back-off of a key (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Records a failure: starts at the initial delay, or doubles (capped); lastUpdate becomes now. */
  next(key: string, eventTime: number): void {
    const e = this.entries.get(key);
    const now = this.clock.now();
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) {
      this.entries.set(key, { backoff: this.initialMs, lastUpdate: now });
      return;
    }
    e.backoff = Math.min(e.backoff * 2, this.maxMs);
    e.lastUpdate = now;
  }

  /** IsInBackOffSince: is now within the back-off measured from eventTime (e.g. the container's finish)? */
  isInBackOffSince(key: string, eventTime: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) return false;
    return this.clock.now() - eventTime < e.backoff;
  }

  /** IsInBackOffSinceUpdate: is eventTime within the back-off measured from the last failure? */
  isInBackOffSinceUpdate(key: string, eventTime: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) return false;
    return eventTime - e.lastUpdate < e.backoff;
  }

  /** When the back-off measured from `since` ends (for requeueing at exactly that instant). */
  expiry(key: string, since: number): number | undefined {
    const e = this.entries.get(key);
    return e ? since + e.backoff : undefined;
  }

  /** Time of the last failure of a key. */
  lastUpdate(key: string): number | undefined {
    return this.entries.get(key)?.lastUpdate;
  }

  /** Forgets a key (its pod is gone). */
  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Removes every key starting with a prefix (all the keys of one pod). */
  resetPrefix(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  /** GC: drops entries idle for more than twice the maximum. */
  gc(): void {
    const now = this.clock.now();
    for (const [k, e] of [...this.entries]) if (now - e.lastUpdate > 2 * this.maxMs) this.entries.delete(k);
  }

  private hasExpired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.maxMs;
  }
}
