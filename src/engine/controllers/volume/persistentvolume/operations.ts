// Models pkg/util/goroutinemap (with exponentialBackOffOnError) and
// pkg/util/goroutinemap/exponentialbackoff: one running operation per name; an operation that
// failed may not run again before its back-off (500 ms doubling to 2m2s) has passed.
import type { Clock } from '../../../clock';

/** exponentialbackoff initialDurationBeforeRetry / maxDurationBeforeRetry. */
export const OPERATION_INITIAL_BACKOFF_MS = 500;
export const OPERATION_MAX_BACKOFF_MS = 122_000;

interface Failure { at: number; backoff: number }

/** Named operations with back-off on error. */
export class OperationMap {
  private readonly failures = new Map<string, Failure>();
  private readonly running = new Set<string>();

  constructor(private readonly clock: Clock) {}

  /**
   * Runs `op` unless one of that name is running or still backing off (then returns false). The
   * simulated operation runs to completion at once; an error (thrown) starts or doubles the back-off.
   */
  run(name: string, op: () => void): boolean {
    if (this.running.has(name)) return false;
    const f = this.failures.get(name);
    const now = this.clock.now();
    if (f && now - f.at <= f.backoff) return false;
    this.running.add(name);
    try {
      op();
      this.failures.delete(name);
    } catch {
      const backoff = f ? Math.min(f.backoff * 2, OPERATION_MAX_BACKOFF_MS) : OPERATION_INITIAL_BACKOFF_MS;
      this.failures.set(name, { at: now, backoff });
    } finally {
      this.running.delete(name);
    }
    return true;
  }
}
