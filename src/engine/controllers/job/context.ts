// What one Job sync works with: the controller's tools and the per-sync state.
// Models the Controller fields and syncJobCtx of pkg/controller/job/job_controller.go, and
// uidTrackingExpectations of pkg/controller/job/tracking_utils.go.
import type { Job, Pod } from '../../api';
import type { Client, EventRecorder } from '../../client';
import type { Clock } from '../../clock';
import type { Expectations, PodControl } from '../shared';
import type { BackoffRecord, BackoffStore } from './backoff-utils';
import type { OrderedIntervals } from './indexed-job-utils';
import type { JobCondition } from './util';

/** The controller's name (and its events' source component). */
export const NAME = 'job-controller';
/** The kind it manages. */
export const CONTROLLER_KIND = { apiVersion: 'batch/v1', kind: 'Job' } as const;

/** MaxUncountedPods: at most this many UIDs in status.uncountedTerminatedPods. */
export const MAX_UNCOUNTED_PODS = 500;
/** MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** syncJobBatchPeriod: pod events are batched for a second before the Job is synced. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
/** DefaultJobApiBackOff and MaxJobApiBackOff: the queue's retry back-off after a failed sync. */
export const JOB_API_BACKOFF_MS = 1000;
export const MAX_JOB_API_BACKOFF_MS = 60_000;

/**
 * uidTrackingExpectations: per Job, the pods whose tracking finalizer the controller removed and
 * has not yet seen gone, so a second sync does not count them twice.
 */
export class UIDTrackingExpectations {
  private readonly uids = new Map<string, Set<string>>();

  /** getExpectedUIDs (a copy). */
  expected(key: string): Set<string> {
    return new Set(this.uids.get(key) ?? []);
  }

  /** expectFinalizersRemoved. */
  expectRemoved(key: string, uids: readonly string[]): void {
    let s = this.uids.get(key);
    if (!s) this.uids.set(key, (s = new Set()));
    for (const u of uids) s.add(u);
  }

  /** finalizerRemovalObserved. */
  observed(key: string, uid: string): void {
    const s = this.uids.get(key);
    if (!s) return;
    s.delete(uid);
    if (s.size === 0) this.uids.delete(key);
  }

  /** deleteExpectations. */
  delete(key: string): void {
    this.uids.delete(key);
  }
}

/** The controller's tools a sync uses. */
export interface JobTools {
  client: Client;
  podControl: PodControl;
  recorder: EventRecorder;
  clock: Clock;
  expectations: Expectations;
  finalizerExpectations: UIDTrackingExpectations;
  backoff: BackoffStore;
  /** queue.AddAfter of a Job key. */
  enqueueAfter(key: string, ms: number): void;
}

/** syncJobCtx: what one sync of one Job computed. `job` is the sync's own copy. */
export interface SyncJobCtx {
  key: string;
  job: Job;
  pods: Pod[];
  finishedCondition?: JobCondition;
  activePods: Pod[];
  succeeded: number;
  failed: number;
  prevSucceededIndexes: OrderedIntervals;
  succeededIndexes: OrderedIntervals;
  newBackoffRecord: BackoffRecord;
  expectedRmFinalizers: Set<string>;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  terminating: number;
  ready: number;
}
