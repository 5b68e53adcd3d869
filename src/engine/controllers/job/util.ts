// Job conditions, finished-ness and the tracking finalizer.
// Models pkg/controller/job/util/utils.go (IsJobFinished, FinishedCondition, IsJobSucceeded) and the
// condition helpers of pkg/controller/job/job_controller.go (newCondition, ensureJobConditionStatus,
// findConditionByType) and k8s.io/api/batch/v1 constants.
import type { Job, Pod } from '../../api';
import { rfc3339 } from '../../clock';

/** batch.JobTrackingFinalizer: the job controller counts a pod before letting it go. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** The value of spec.managedBy that means this controller (batch.JobControllerName). */
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

/** Condition types (batch/v1 JobConditionType). */
export const JOB_COMPLETE = 'Complete';
export const JOB_FAILED = 'Failed';
export const JOB_SUSPENDED = 'Suspended';
export const JOB_FAILURE_TARGET = 'FailureTarget';
export const JOB_SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet';

/** Condition reasons (batch/v1 JobReason*). */
export const JOB_REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const JOB_REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const JOB_REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const JOB_REASON_SUCCESS_POLICY = 'SuccessPolicy';
export const JOB_REASON_COMPLETIONS_REACHED = 'CompletionsReached';

/** The condition messages users read in `kubectl describe job`. */
export const MSG_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
export const MSG_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';
export const MSG_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';

/** A Job condition as the controller writes it. */
export type JobCondition = NonNullable<NonNullable<Job['status']>['conditions']>[number];

/** newCondition: lastProbeTime and lastTransitionTime both now. */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now);
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** findConditionByType. */
export function findConditionByType(list: readonly JobCondition[] | undefined, type: string): JobCondition | undefined {
  return list?.find((c) => c.type === type);
}

/**
 * ensureJobConditionStatus: appends or updates the condition of a type; never appends a False one
 * (going from nothing to False means nothing). Returns the new list and whether it changed.
 */
export function ensureJobConditionStatus(list: JobCondition[], type: string, status: string, reason: string, message: string,
  now: number): { list: JobCondition[]; changed: boolean } {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status !== status || (c.reason ?? '') !== reason || (c.message ?? '') !== message) {
      const next = [...list];
      next[i] = newCondition(type, status, reason, message, now);
      return { list: next, changed: true };
    }
    return { list, changed: false };
  }
  if (status !== 'False') return { list: [...list, newCondition(type, status, reason, message, now)], changed: true };
  return { list, changed: false };
}

/** FinishedCondition: the Complete or Failed condition that is True, if any. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === JOB_COMPLETE || c.type === JOB_FAILED) && c.status === 'True');
}

/** IsJobFinished. */
export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

/** IsJobSucceeded. */
export function isJobSucceeded(job: Job): boolean {
  return job.status?.conditions?.some((c) => c.type === JOB_COMPLETE && c.status === 'True') ?? false;
}

/** hasJobTrackingFinalizer. */
export function hasJobTrackingFinalizer(pod: Pod): boolean {
  return pod.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
}

/** removeTrackingFinalizerPatch: a strategic merge patch that drops the finalizer, or undefined. */
export function removeTrackingFinalizerPatch(pod: Pod): unknown {
  if (!hasJobTrackingFinalizer(pod)) return undefined;
  return { metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] } };
}

/** jobSuspended. */
export function jobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

/** isIndexedJob. */
export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/**
 * onlyReplaceFailedPods: podReplacementPolicy Failed (the default when a podFailurePolicy is set):
 * a terminating pod is not replaced until it has failed.
 */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;
}

/**
 * isPodFailed: Failed, or (unless only failed pods are replaced) being deleted without having
 * succeeded — an orphan pod may never reach the Failed phase.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** managedByExternalController: the spec.managedBy value when another controller owns the Job. */
export function managedByExternalController(job: Job): string | undefined {
  const m = job.spec?.managedBy;
  return m && m !== JOB_CONTROLLER_NAME ? m : undefined;
}
