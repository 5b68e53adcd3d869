// Creating and deleting a Job's pods so that the right number run.
// Models pkg/controller/job/job_controller.go (manageJob, deleteJobPods, deleteActivePods,
// activePodsForRemoval) and the slow-start batches of controller_utils.go.
import type { Job, KubeObject, Pod, PodTemplateSpec } from '../../api';
import { isNotFound } from '../../api';
import { hasStatusCause, isPodReady, NAMESPACE_TERMINATING_CAUSE, newControllerRef, sortPodsForDeletion, withTypeMeta } from '../shared';
import { remainingBackoff } from './backoff-utils';
import { CONTROLLER_KIND, MAX_POD_CREATE_DELETE_PER_SYNC, SYNC_JOB_BATCH_PERIOD_MS, type JobTools, type SyncJobCtx } from './context';
import { addCompletionIndex, addCompletionIndexEnvVariables, appendDuplicatedIndexPodsForRemoval, firstPendingIndexes,
  podGenerateNameWithIndex } from './indexed-job-utils';
import { isIndexedJob, jobSuspended, JOB_TRACKING_FINALIZER, onlyReplaceFailedPods, removeTrackingFinalizerPatch } from './util';

/** controller.SlowStartInitialBatchSize. */
const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * controller.ActivePods order: pods to remove first come first (unscheduled, pending, not ready,
 * ready for less time, more restarts, newer).
 */
export function sortActivePods(pods: Pod[]): Pod[] {
  return sortPodsForDeletion(pods.map((pod) => ({ pod, rank: 0 })), 0).map((r) => r.pod);
}

/** activePodsForRemoval: for Indexed Jobs duplicates and out-of-range indexes first, then by ActivePods order. */
export function activePodsForRemoval(job: Job, pods: readonly Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left: Pod[] = [...pods];
  if (isIndexedJob(job)) ({ rm, left } = appendDuplicatedIndexPodsForRemoval(pods, job.spec?.completions ?? 0, sortActivePods));
  if (rm.length < rmAtLeast) rm = [...rm, ...sortActivePods(left).slice(0, rmAtLeast - rm.length)];
  return rm;
}

const typed = (job: Job) => withTypeMeta(job, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as KubeObject;

/**
 * deleteActivePods: DELETE calls that set deletionTimestamps, keeping the finalizers (the tracking
 * pass removes them). Returns [ready pods deleted, pods deleted, first error].
 */
export function deleteActivePods(t: JobTools, job: Job, pods: readonly Pod[]): [number, number, Error | undefined] {
  let ok = pods.length;
  let ready = 0;
  let err: Error | undefined;
  for (const p of pods) {
    try {
      t.podControl.deletePod(job.metadata!.namespace!, p.metadata!.name!, typed(job));
    } catch (e) {
      if (!isNotFound(e)) {
        ok--;
        err ??= e as Error;
      }
    }
    if (isPodReady(p)) ready++;
  }
  return [ready, ok, err];
}

/** deleteJobPods: drop the tracking finalizer, then delete; a failure lowers the deletion expectations. */
export function deleteJobPods(t: JobTools, job: Job, key: string, pods: readonly Pod[]): [number, number, Error | undefined] {
  let ok = pods.length;
  let ready = 0;
  let err: Error | undefined;
  const fail = (e: unknown) => {
    t.expectations.deletionObservedUntracked(key);
    if (!isNotFound(e)) {
      ok--;
      err ??= e as Error;
    }
  };
  for (const p of pods) {
    const patch = removeTrackingFinalizerPatch(p);
    try {
      if (patch) t.podControl.patchPod(p.metadata!.namespace!, p.metadata!.name!, patch);
    } catch (e) {
      fail(new Error(`removing completion finalizer: ${(e as Error).message}`, { cause: e }));
      continue;
    }
    try {
      t.podControl.deletePod(job.metadata!.namespace!, p.metadata!.name!, typed(job));
    } catch (e) {
      fail(e);
    }
    if (isPodReady(p)) ready++;
  }
  return [ready, ok, err];
}

/**
 * manageJob: deletes pods beyond what should run (all of them when suspended), or creates the
 * missing ones in slow-start batches once the pod-failure back-off allows. Returns the new active
 * count and the first error. Worked example: completions 5, parallelism 2, 4 succeeded, 0 active →
 * wantActive = min(5 − 4, 2) = 1 pod created.
 */
export function manageJob(t: JobTools, ctx: SyncJobCtx): { active: number; err?: Error } {
  const job = ctx.job;
  const key = ctx.key;
  let active = ctx.activePods.length;
  const parallelism = job.spec?.parallelism ?? 1;

  if (jobSuspended(job)) {
    const toDelete = activePodsForRemoval(job, ctx.activePods, active);
    t.expectations.set(key, 0, toDelete.length);
    const [removedReady, removed, err] = deleteJobPods(t, job, key, toDelete);
    ctx.terminating += removed;
    ctx.ready -= removedReady;
    return { active: active - removed, err };
  }

  let wantActive: number;
  if (job.spec?.completions === undefined || job.spec.completions === null) {
    // Without completions, once any pod succeeded let whatever runs finish.
    wantActive = ctx.succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(job.spec.completions - ctx.succeeded, parallelism));
  }

  const rmAtLeast = Math.max(0, active - wantActive);
  let toDelete = activePodsForRemoval(job, ctx.activePods, rmAtLeast);
  if (toDelete.length > MAX_POD_CREATE_DELETE_PER_SYNC) toDelete = toDelete.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length > 0) {
    // A sync either deletes or creates, never both; deletion wins.
    t.expectations.set(key, 0, toDelete.length);
    const [removedReady, removed, err] = deleteJobPods(t, job, key, toDelete);
    ctx.terminating += removed;
    ctx.ready -= removedReady;
    return { active: active - removed, err };
  }

  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return { active };

  const remaining = remainingBackoff(ctx.newBackoffRecord, t.clock.now());
  if (remaining > 0) {
    t.enqueueAfter(key, Math.max(remaining, SYNC_JOB_BATCH_PERIOD_MS));
    return { active: 0 };
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);

  let indexes: number[] = [];
  if (isIndexedJob(job)) {
    const busy = onlyReplaceFailedPods(job)
      ? [...ctx.activePods, ...ctx.pods.filter((p) => p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')]
      : ctx.activePods;
    indexes = firstPendingIndexes(ctx.succeededIndexes, busy, diff, job.spec?.completions ?? 0);
    diff = indexes.length;
  }
  if (diff === 0) return { active };

  t.expectations.expectCreations(key, diff);
  active += diff;
  const template: PodTemplateSpec = structuredClone(job.spec!.template);
  if (isIndexedJob(job)) addCompletionIndexEnvVariables(template);
  const m = (template.metadata ??= {});
  if (!m.finalizers?.includes(JOB_TRACKING_FINALIZER)) m.finalizers = [...(m.finalizers ?? []), JOB_TRACKING_FINALIZER];

  let firstErr: Error | undefined;
  let left = diff;
  for (let batch = Math.min(diff, SLOW_START_INITIAL_BATCH_SIZE); left > 0; batch = Math.min(2 * batch, left)) {
    let errors = 0;
    for (let i = 0; i < batch; i++) {
      const index = indexes.length ? indexes.shift()! : -1;
      let tpl = template;
      let generateName = '';
      if (index >= 0) {
        tpl = structuredClone(template);
        addCompletionIndex(tpl, index);
        tpl.spec = { ...tpl.spec!, hostname: `${job.metadata!.name}-${index}` };
        generateName = podGenerateNameWithIndex(job.metadata!.name!, index);
      }
      try {
        t.podControl.createPodsWithGenerateName(job.metadata!.namespace!, tpl, typed(job), newControllerRef(job, CONTROLLER_KIND), generateName);
      } catch (e) {
        // A namespace being torn down refuses every creation; nothing to retry.
        if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) continue;
        t.expectations.creationObserved(key);
        active--;
        errors++;
        firstErr ??= e as Error;
      }
    }
    const skipped = left - batch;
    if (errors > 0 && skipped > 0) {
      // Slow start: after a failing batch the remaining pods are not attempted this time.
      active -= skipped;
      for (let i = 0; i < skipped; i++) t.expectations.creationObserved(key);
      break;
    }
    left -= batch;
  }
  return { active, err: firstErr };
}
