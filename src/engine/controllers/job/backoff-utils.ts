// The pod-failure back-off of a Job: 10 s after the first failure, doubling, capped at 10 minutes.
// Models pkg/controller/job/backoff_utils.go (backoffRecord, backoffStore.newBackoffRecord,
// getFinishedTime, getRemainingTimeForFailuresCount).
import type { Pod } from '../../api';
import { parseTime } from '../../clock';
import { podReadyCondition } from '../shared';

/** DefaultJobPodFailureBackOff. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
/**
 * MaxJobPodFailureBackOff. The Job documentation still says "capped at six minutes"; the v1.32
 * code caps at ten.
 */
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 600_000;

/** A Job's failures since its last success and when the last one happened. */
export interface BackoffRecord {
  key: string;
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/**
 * getFinishedTime: the latest container finish time when every container terminated, else the
 * Ready=False transition, else deletionTimestamp minus grace, else creation time.
 */
export function getFinishedTime(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  let finish: number | undefined;
  let all = statuses.length > 0;
  for (const s of statuses) {
    const t = parseTime(s.state?.terminated?.finishedAt);
    if (t === undefined) {
      all = false;
      break;
    }
    if (finish === undefined || t > finish) finish = t;
  }
  if (all && finish !== undefined) return finish;
  const ready = podReadyCondition(p);
  if (ready?.status === 'False') {
    const t = parseTime(ready.lastTransitionTime);
    if (t !== undefined) return t;
  }
  const del = parseTime(p.metadata?.deletionTimestamp);
  if (del !== undefined) return del - (p.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(p.metadata?.creationTimestamp) ?? 0;
}

function sortByFinishedTime(pods: Pod[]): Pod[] {
  return pods.map((p) => ({ p, t: getFinishedTime(p) })).sort((a, b) => a.t - b.t).map((x) => x.p);
}

/** The back-off records of every Job the controller syncs (backoffStore). */
export class BackoffStore {
  private readonly records = new Map<string, BackoffRecord>();

  /** updateBackoffRecord. */
  update(r: BackoffRecord): void {
    this.records.set(r.key, { ...r });
  }

  /** removeBackoffRecord. */
  remove(key: string): void {
    this.records.delete(key);
  }

  /**
   * newBackoffRecord: failures since the last success, counting newly finished pods. A success
   * resets the count to the failures that finished after it.
   */
  newRecord(key: string, newSucceeded: readonly Pod[], newFailed: readonly Pod[]): BackoffRecord {
    const old = this.records.get(key);
    const r: BackoffRecord = old ? { ...old } : { key, failuresAfterLastSuccess: 0 };
    const succeeded = sortByFinishedTime([...newSucceeded]);
    const failed = sortByFinishedTime([...newFailed]);
    if (succeeded.length === 0) {
      if (failed.length === 0) return r;
      r.failuresAfterLastSuccess += failed.length;
      r.lastFailureTime = getFinishedTime(failed[failed.length - 1]);
      return r;
    }
    r.failuresAfterLastSuccess = 0;
    r.lastFailureTime = undefined;
    if (failed.length === 0) return r;
    const lastSuccess = getFinishedTime(succeeded[succeeded.length - 1]);
    for (let i = failed.length - 1; i >= 0; i--) {
      const t = getFinishedTime(failed[i]);
      if (t <= lastSuccess) break;
      if (r.lastFailureTime === undefined) r.lastFailureTime = t;
      r.failuresAfterLastSuccess++;
    }
    return r;
  }
}

/**
 * getRemainingTimeForFailuresCount: base × 2^(failures−1), capped, minus the time since the last
 * failure. Example: 3 failures, last one 15 s ago → 40 s − 15 s = 25 s left.
 */
export function remainingBackoff(r: BackoffRecord, now: number, baseMs = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS,
  maxMs = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (r.failuresAfterLastSuccess === 0 || r.lastFailureTime === undefined) return 0;
  let d = baseMs;
  for (let i = 1; i < r.failuresAfterLastSuccess; i++) {
    d *= 2;
    if (d >= maxMs) {
      d = maxMs;
      break;
    }
  }
  const elapsed = now - r.lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
