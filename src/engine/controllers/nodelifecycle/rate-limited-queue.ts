// The per-zone queue of nodes waiting for a NoExecute taint, drained at a limited rate.
// Models pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go (RateLimitedTimedQueue with a
// flowcontrol token bucket: --node-eviction-rate 0.1/s, burst 1) on the simulated clock: instead of
// a 100 ms polling loop (NodeEvictionPeriod), a timer fires when the next token is due.
import type { Clock } from '../../clock';

/** EvictionRateLimiterBurst. */
export const EVICTION_RATE_LIMITER_BURST = 1;
/** --node-eviction-rate default. */
export const EVICTION_LIMITER_QPS = 0.1;
/** --secondary-node-eviction-rate default. */
export const SECONDARY_EVICTION_LIMITER_QPS = 0.01;
/** --large-cluster-size-threshold default. */
export const LARGE_CLUSTER_THRESHOLD = 50;
/** --unhealthy-zone-threshold default. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

/** A token bucket (flowcontrol.NewTokenBucketRateLimiter); qps 0 accepts nothing. */
class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(private qps: number, private readonly burst: number, now: number) {
    this.tokens = burst;
    this.at = now;
  }

  private refill(now: number): void {
    if (this.qps > 0) this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.qps);
    this.at = now;
  }

  tryAccept(now: number): boolean {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Milliseconds until a token is available (Infinity when qps is 0). */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    if (this.qps <= 0) return Infinity;
    return Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }

  /** SwapLimiter: a new rate; a qps of 0 stops everything (full disruption). */
  swap(qps: number, now: number): void {
    this.refill(now);
    if (qps === this.qps) return;
    this.qps = qps;
    if (qps <= 0) this.tokens = 0;
  }
}

/**
 * A zone's queue of node names (insertion order, each once). `process` returns true when done with
 * a node; false leaves it queued for the next token. Like upstream's UniqueQueue, a processed node
 * stays a member (a second add is refused) until it is explicitly removed.
 */
export class RateLimitedTimedQueue {
  private readonly queue: string[] = [];
  private readonly members = new Set<string>();
  private readonly bucket: TokenBucket;
  private cancel?: () => void;

  constructor(private readonly clock: Clock, qps: number, private readonly process: (node: string) => boolean) {
    this.bucket = new TokenBucket(qps, EVICTION_RATE_LIMITER_BURST, clock.now());
  }

  /** Add: false when the node is already queued. */
  add(node: string): boolean {
    if (this.members.has(node)) return false;
    this.members.add(node);
    this.queue.push(node);
    this.kick();
    return true;
  }

  /** Remove: true when the node was queued. */
  remove(node: string): boolean {
    const had = this.members.delete(node);
    const i = this.queue.indexOf(node);
    if (i >= 0) this.queue.splice(i, 1);
    return had;
  }

  /** SwapLimiter. */
  swapLimiter(qps: number): void {
    this.bucket.swap(qps, this.clock.now());
    this.kick();
  }

  private kick(): void {
    if (this.cancel || !this.queue.length) return;
    const wait = this.bucket.waitMs(this.clock.now());
    if (wait === Infinity) return;
    this.cancel = this.clock.after(wait, () => {
      this.cancel = undefined;
      this.tryNext();
    });
  }

  /** Try: processes queued nodes while tokens last. */
  private tryNext(): void {
    while (this.queue.length) {
      if (!this.bucket.tryAccept(this.clock.now())) break;
      const node = this.queue[0];
      if (this.process(node)) this.queue.shift();
      else {
        // Not done: retry after the next token (upstream retries after the returned wait).
        this.queue.push(this.queue.shift()!);
        break;
      }
    }
    this.kick();
  }
}
