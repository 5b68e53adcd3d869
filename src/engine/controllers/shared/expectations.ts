// What a controller expects its informer to show it before it acts again.
// Models pkg/controller/controller_utils.go ControllerExpectations and UIDTrackingControllerExpectations.
//
// A controller that creates 3 pods must not create 3 more because its pod informer has not yet
// delivered the first 3 (watch events arrive a tick after the write). It records "expect 3 adds";
// each observed add lowers the count; it syncs again only when the count reaches 0, or after a
// 5-minute TTL in case a watch event was lost.
import type { Clock } from '../../clock';

/** ExpectationsTimeout: expectations older than this count as satisfied. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Controllee {
  add: number;
  del: number;
  timestamp: number;
}

/**
 * Expectations of creations and deletions per controller key, with deletions tracked by pod key
 * so that a pod first seen with a deletionTimestamp and later seen gone counts once.
 * Invariant: once set, counts only go down until the next expectCreations/expectDeletions.
 */
export class Expectations {
  private readonly store = new Map<string, Controllee>();
  private readonly uids = new Map<string, Set<string>>();

  constructor(private readonly clock: Clock) {}

  /** The pending (add, del) counts for a key, if it has expectations. */
  get(key: string): { add: number; del: number } | undefined {
    const e = this.store.get(key);
    return e && { add: e.add, del: e.del };
  }

  /** SatisfiedExpectations: no expectations, all observed, or expired. */
  satisfied(key: string): boolean {
    const e = this.store.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  /** SetExpectations: forgets the old ones. */
  set(key: string, add: number, del: number): void {
    this.store.set(key, { add, del, timestamp: this.clock.now() });
  }

  /** ExpectCreations. */
  expectCreations(key: string, adds: number): void {
    this.set(key, adds, 0);
  }

  /** ExpectDeletions (UID-tracked): remembers which pods are expected to go. */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    const set = new Set(podKeys);
    this.uids.set(key, set);
    this.set(key, 0, set.size);
  }

  /** LowerExpectations. */
  lower(key: string, add: number, del: number): void {
    const e = this.store.get(key);
    if (!e) return;
    e.add -= add;
    e.del -= del;
  }

  /** RaiseExpectations. */
  raise(key: string, add: number, del: number): void {
    this.lower(key, -add, -del);
  }

  /** CreationObserved. */
  creationObserved(key: string): void {
    this.lower(key, 1, 0);
  }

  /** DeletionObserved (UID-tracked): counts a pod only if its deletion was expected, and only once. */
  deletionObserved(key: string, podKey: string): void {
    const set = this.uids.get(key);
    if (set?.has(podKey)) {
      set.delete(podKey);
      this.lower(key, 0, 1);
    }
  }

  /** DeletionObserved without UID tracking (controllers that do not use expectDeletions' keys). */
  deletionObservedUntracked(key: string): void {
    this.lower(key, 0, 1);
  }

  /** DeleteExpectations. */
  delete(key: string): void {
    this.store.delete(key);
    this.uids.delete(key);
  }
}
