// Counting finished pods through status.uncountedTerminatedPods and the tracking finalizer, and
// declaring the Job finished. Models pkg/controller/job/job_controller.go
// (trackJobStatusAndRemoveFinalizers, canRemoveFinalizer, flushUncountedAndRemoveFinalizers,
// cleanUncountedPodsWithoutFinalizers, removeTrackingFinalizerFromPods, enactJobFinished,
// recordJobFinished).
import type { Job, KubeObject, Pod } from '../../api';
import { isNotFound } from '../../api';
import { R } from '../../client';
import { withTypeMeta } from '../shared';
import { CONTROLLER_KIND, MAX_UNCOUNTED_PODS, type JobTools, type SyncJobCtx } from './context';
import { getCompletionIndex, intervalsHas, intervalsString, intervalsTotal, sortByCompletionIndex,
  UNKNOWN_COMPLETION_INDEX, withOrderedIndexes } from './indexed-job-utils';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { ensureJobConditionStatus, findConditionByType, hasJobTrackingFinalizer, isIndexedJob, isPodFailed, JOB_COMPLETE,
  JOB_FAILED, JOB_FAILURE_TARGET, JOB_SUCCESS_CRITERIA_MET, newCondition, removeTrackingFinalizerPatch, type JobCondition } from './util';

type Uncounted = { succeeded?: string[]; failed?: string[] };

function uncountedOf(job: Job): Uncounted {
  const st = (job.status ??= {});
  return (st.uncountedTerminatedPods ??= {}) as Uncounted;
}

/** isSuccessCriteriaMetCondition. */
export function isSuccessCriteriaMet(c: JobCondition | undefined): boolean {
  return c?.type === JOB_SUCCESS_CRITERIA_MET;
}

/**
 * cleanUncountedPodsWithoutFinalizers: UIDs in uncountedTerminatedPods whose pod no longer has
 * the finalizer move into the succeeded / failed counters. Returns whether the status changed.
 */
export function cleanUncountedPodsWithoutFinalizers(job: Job, uidsWithFinalizer: ReadonlySet<string>): boolean {
  const u = uncountedOf(job);
  const st = job.status!;
  let changed = false;
  const keepS = (u.succeeded ?? []).filter((x) => uidsWithFinalizer.has(x));
  if (keepS.length !== (u.succeeded ?? []).length) {
    changed = true;
    st.succeeded = (st.succeeded ?? 0) + (u.succeeded!.length - keepS.length);
    u.succeeded = keepS.length ? keepS : undefined;
  }
  const keepF = (u.failed ?? []).filter((x) => uidsWithFinalizer.has(x));
  if (keepF.length !== (u.failed ?? []).length) {
    changed = true;
    st.failed = (st.failed ?? 0) + (u.failed!.length - keepF.length);
    u.failed = keepF.length ? keepF : undefined;
  }
  if (!u.succeeded) delete u.succeeded;
  if (!u.failed) delete u.failed;
  return changed;
}

/** canRemoveFinalizer: the Job is finishing or deleted, or the pod succeeded or failed. */
function canRemoveFinalizer(ctx: SyncJobCtx, pod: Pod, failed: boolean): boolean {
  return !!ctx.job.metadata?.deletionTimestamp || !!ctx.finishedCondition || pod.status?.phase === 'Succeeded' || failed;
}

function updateStatus(t: JobTools, ctx: SyncJobCtx): void {
  // The answer is the stored (frozen) object; later steps edit it.
  ctx.job = structuredClone(t.client.updateStatus<Job>(R.jobs, ctx.job));
}

/**
 * removeTrackingFinalizerFromPods: returns which removals succeeded (a pod already gone counts as
 * done). The removals are expected, so a later sync does not count these pods again.
 */
function removeTrackingFinalizerFromPods(t: JobTools, key: string, pods: readonly Pod[]): { ok: boolean[]; err?: Error } {
  t.finalizerExpectations.expectRemoved(key, pods.map((p) => p.metadata?.uid ?? ''));
  const ok = pods.map(() => false);
  let err: Error | undefined;
  pods.forEach((p, i) => {
    const patch = removeTrackingFinalizerPatch(p);
    if (!patch) return;
    try {
      t.podControl.patchPod(p.metadata!.namespace!, p.metadata!.name!, patch);
    } catch (e) {
      t.finalizerExpectations.observed(key, p.metadata?.uid ?? '');
      if (!isNotFound(e)) {
        err ??= new Error(`removing tracking finalizer: ${(e as Error).message}`, { cause: e });
        return;
      }
    }
    ok[i] = true;
  });
  return { ok, err };
}

/**
 * enactJobFinished: adds the Complete or Failed condition once no finished pod is left uncounted
 * and none is still terminating. Returns whether the Job finished.
 */
function enactJobFinished(t: JobTools, ctx: SyncJobCtx): boolean {
  const fc = ctx.finishedCondition;
  if (!fc) return false;
  const u = ctx.job.status?.uncountedTerminatedPods;
  if ((u?.succeeded?.length ?? 0) + (u?.failed?.length ?? 0) > 0) return false;
  if (ctx.terminating > 0) return false;
  const st = (ctx.job.status ??= {});
  st.conditions = ensureJobConditionStatus(st.conditions ?? [], fc.type, fc.status, fc.reason ?? '', fc.message ?? '', t.clock.now()).list;
  if (fc.type === JOB_COMPLETE) st.completionTime = fc.lastTransitionTime;
  return true;
}

/** recordJobFinished: the Completed event, or a Warning with the failure's reason and message. */
function recordJobFinished(t: JobTools, job: Job, fc: JobCondition): void {
  const obj = withTypeMeta(job, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as KubeObject;
  if (fc.type === JOB_COMPLETE) {
    const completions = job.spec?.completions;
    if (completions !== undefined && completions !== null && (job.status?.succeeded ?? 0) > completions) {
      t.recorder.event(obj, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
    }
    t.recorder.event(obj, 'Normal', 'Completed', 'Job completed');
  } else {
    t.recorder.event(obj, 'Warning', fc.reason ?? '', fc.message ?? '');
  }
}

/**
 * trackJobStatusAndRemoveFinalizers: (1) adds newly finished pods to uncountedTerminatedPods,
 * (2) removes their finalizers, (3) moves them into the counters, (4) adds the terminal
 * condition when the counters say so — flushing the status between steps, at most 500 pods a
 * sync, so that a crash never loses or double-counts a pod.
 */
export function trackJobStatusAndRemoveFinalizers(t: JobTools, ctx: SyncJobCtx, needsFlushIn: boolean): void {
  let needsFlush = needsFlushIn;
  const indexed = isIndexedJob(ctx.job);
  const completions = ctx.job.spec?.completions ?? 0;
  const pods = indexed ? sortByCompletionIndex([...ctx.pods]) : ctx.pods;
  const uidsWithFinalizer = new Set<string>();
  for (const p of pods) {
    const uid = p.metadata?.uid ?? '';
    if (hasJobTrackingFinalizer(p) && !ctx.expectedRmFinalizers.has(uid)) uidsWithFinalizer.add(uid);
  }
  if (cleanUncountedPodsWithoutFinalizers(ctx.job, uidsWithFinalizer)) needsFlush = true;
  const uncounted = uncountedOf(ctx.job);
  const toRemove: Pod[] = [];
  const newSucceededIndexes: number[] = [];
  let reachedMax = false;
  for (const pod of pods) {
    const uid = pod.metadata?.uid ?? '';
    if (!hasJobTrackingFinalizer(pod) || ctx.expectedRmFinalizers.has(uid)) continue;
    const failed = isPodFailed(pod, ctx.job);
    if (!canRemoveFinalizer(ctx, pod, failed)) continue;
    toRemove.push(pod);
    if (pod.status?.phase === 'Succeeded' && !ctx.uncounted.failed.has(uid)) {
      if (indexed) {
        // The completion index is enough to avoid counting a success twice.
        const ix = getCompletionIndex(pod);
        if (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions && !intervalsHas(ctx.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!ctx.uncounted.succeeded.has(uid)) {
        needsFlush = true;
        uncounted.succeeded = [...(uncounted.succeeded ?? []), uid];
      }
    } else if (failed || (ctx.finishedCondition && !isSuccessCriteriaMet(ctx.finishedCondition))) {
      // A finishing (failed) Job counts every pod it stops as failed.
      const ix = getCompletionIndex(pod);
      if (!ctx.uncounted.failed.has(uid) && (!indexed || (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions))) {
        if (matchPodFailurePolicy(ctx.job.spec?.podFailurePolicy, pod).countFailed) {
          needsFlush = true;
          uncounted.failed = [...(uncounted.failed ?? []), uid];
        }
      }
    }
    if (newSucceededIndexes.length + (uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
      // Keep the status small and let other Jobs sync; the status update requeues this one.
      reachedMax = true;
      break;
    }
  }
  if (indexed) {
    ctx.succeededIndexes = withOrderedIndexes(ctx.succeededIndexes, newSucceededIndexes.sort((a, b) => a - b));
    const s = intervalsString(ctx.succeededIndexes);
    if (s !== (ctx.job.status?.completedIndexes ?? '')) needsFlush = true;
    ctx.job.status!.succeeded = intervalsTotal(ctx.succeededIndexes);
    ctx.job.status!.completedIndexes = s;
  }
  const now = t.clock.now();
  if (ctx.finishedCondition?.type === JOB_FAILURE_TARGET) {
    // The interim FailureTarget condition goes in before the finalizers come off.
    ctx.job.status!.conditions = [...(ctx.job.status!.conditions ?? []), ctx.finishedCondition];
    needsFlush = true;
    ctx.finishedCondition = newCondition(JOB_FAILED, 'True', ctx.finishedCondition.reason ?? '', ctx.finishedCondition.message ?? '', now);
  }
  if (isSuccessCriteriaMet(ctx.finishedCondition)) {
    if (!findConditionByType(ctx.job.status!.conditions, JOB_SUCCESS_CRITERIA_MET)) {
      ctx.job.status!.conditions = [...(ctx.job.status!.conditions ?? []), ctx.finishedCondition!];
      needsFlush = true;
    }
    const fc = ctx.finishedCondition!;
    ctx.finishedCondition = newCondition(JOB_COMPLETE, 'True', fc.reason ?? '', fc.message ?? '', now);
  }

  // flushUncountedAndRemoveFinalizers
  if (needsFlush) {
    updateStatus(t, ctx);
    t.backoff.update(ctx.newBackoffRecord);
    needsFlush = false;
  }
  let rmErr: Error | undefined;
  if (toRemove.length) {
    const r = removeTrackingFinalizerFromPods(t, ctx.key, toRemove);
    rmErr = r.err;
    toRemove.forEach((p, i) => {
      if (r.ok[i]) uidsWithFinalizer.delete(p.metadata?.uid ?? '');
    });
  }
  if (cleanUncountedPodsWithoutFinalizers(ctx.job, uidsWithFinalizer)) needsFlush = true;
  if (rmErr) {
    // Record the partial progress, then retry.
    if (needsFlush) updateStatus(t, ctx);
    throw rmErr;
  }
  const finished = !reachedMax && enactJobFinished(t, ctx);
  if (finished) needsFlush = true;
  if (needsFlush) {
    updateStatus(t, ctx);
    if (finished) recordJobFinished(t, ctx.job, ctx.finishedCondition!);
  }
}
