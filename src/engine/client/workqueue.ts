// A work queue for level-triggered reconcilers. Models client-go util/workqueue (queue.go,
// delaying_queue.go, rate_limiting_queue.go, default_rate_limiters.go) on the simulated clock.
// Contract (doc.go): a key is never processed concurrently with itself; a key added while it is
// being processed is processed again afterwards; every queued key is in `dirty` and not in
// `processing`; adding a key already waiting does nothing (duplicates collapse).
import type { Clock } from '../clock';

/** Exponential per-item back-off: base × 2^failures, capped (DefaultControllerRateLimiter's item part). */
export class ItemExponentialRateLimiter<K> {
  private readonly failures = new Map<K, number>();
  constructor(private readonly baseMs = 5, private readonly maxMs = 1000_000) {}
  when(key: K): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(this.baseMs * 2 ** n, this.maxMs);
  }
  forget(key: K): void {
    this.failures.delete(key);
  }
  numRequeues(key: K): number {
    return this.failures.get(key) ?? 0;
  }
}

/** Options of a work queue. */
export interface WorkQueueOptions<K> {
  clock: Clock;
  /** The controller's name (for diagnostics). */
  name: string;
  /** Reconciles one key; throwing re-queues it with back-off. */
  process: (key: K) => void;
  rateLimiter?: ItemExponentialRateLimiter<K>;
  /** Called when process throws (the key is requeued rate-limited regardless). */
  onError?: (key: K, err: unknown) => void;
}

/** A rate-limited, delaying, deduplicating work queue with one worker driven by the clock. */
export class WorkQueue<K = string> {
  private readonly queue: K[] = [];
  private head = 0;
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private readonly waiting = new Map<K, { due: number; cancel: () => void }>();
  private scheduled = false;
  private shuttingDown = false;
  private readonly limiter: ItemExponentialRateLimiter<K>;
  /** Keys processed so far (for tests and benchmarks). */
  processed = 0;

  constructor(private readonly opts: WorkQueueOptions<K>) {
    this.limiter = opts.rateLimiter ?? new ItemExponentialRateLimiter<K>();
  }

  add(key: K): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.kick();
  }

  /** Adds the key after a delay; an earlier pending delay for the same key wins (delaying_queue.go). */
  addAfter(key: K, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const due = this.opts.clock.now() + ms;
    const w = this.waiting.get(key);
    if (w && w.due <= due) return;
    w?.cancel();
    const cancel = this.opts.clock.after(ms, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { due, cancel });
  }

  addRateLimited(key: K): void {
    this.addAfter(key, this.limiter.when(key));
  }

  forget(key: K): void {
    this.limiter.forget(key);
  }

  numRequeues(key: K): number {
    return this.limiter.numRequeues(key);
  }

  len(): number {
    return this.queue.length - this.head;
  }

  shutDown(): void {
    this.shuttingDown = true;
    for (const w of this.waiting.values()) w.cancel();
    this.waiting.clear();
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.opts.clock.after(0, () => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    while (this.head < this.queue.length && !this.shuttingDown) {
      const key = this.queue[this.head++];
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      this.dirty.delete(key);
      this.processing.add(key);
      try {
        this.opts.process(key);
        this.limiter.forget(key);
      } catch (e) {
        this.opts.onError?.(key, e);
        this.addRateLimited(key);
      } finally {
        this.processing.delete(key);
        this.processed++;
        if (this.dirty.has(key)) this.queue.push(key);
      }
    }
  }
}
