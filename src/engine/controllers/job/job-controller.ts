// The Job controller: runs a Job's pods to completion, counts them, and marks the Job Complete or
// Failed. Models pkg/controller/job/job_controller.go (event handlers, getPodsForJob, syncJob,
// syncOrphanPod, pastBackoffLimitOnFailure, pastActiveDeadline, getNewFinishedPods).
import type { Job, KubeObject, OwnerReference, Pod } from '../../api';
import { controllerOf, deepEqual, isNotFound, labelSelectorAsSelector, splitKey, type Selector } from '../../api';
import { ItemExponentialRateLimiter, R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import { parseTime, rfc3339, type Clock } from '../../clock';
import {
  CONTROLLER_UID_INDEX, ControllerRefManager, controllerUIDIndexFunc, Expectations, filterActivePods, isPodReady, isPodTerminating,
  keyFunc, ownedOrOrphaned, recheckDeletionTimestamp, withTypeMeta, type PodControl,
} from '../shared';
import { BackoffStore } from './backoff-utils';
import { CONTROLLER_KIND, JOB_API_BACKOFF_MS, MAX_JOB_API_BACKOFF_MS, SYNC_JOB_BATCH_PERIOD_MS, UIDTrackingExpectations,
  type JobTools, type SyncJobCtx } from './context';
import { calculateSucceededIndexes, getCompletionIndex, matchSuccessPolicy } from './indexed-job-utils';
import { deleteActivePods, manageJob } from './manage-job';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { trackJobStatusAndRemoveFinalizers } from './tracking';
import {
  ensureJobConditionStatus, findConditionByType, hasJobTrackingFinalizer, isIndexedJob, isJobFinished, isPodFailed, jobSuspended,
  JOB_FAILED, JOB_FAILURE_TARGET, JOB_REASON_BACKOFF_LIMIT_EXCEEDED, JOB_REASON_COMPLETIONS_REACHED, JOB_REASON_DEADLINE_EXCEEDED,
  JOB_REASON_POD_FAILURE_POLICY, JOB_REASON_SUCCESS_POLICY, JOB_SUCCESS_CRITERIA_MET, JOB_SUSPENDED, JOB_TRACKING_FINALIZER,
  managedByExternalController, MSG_BACKOFF_LIMIT_EXCEEDED, MSG_COMPLETIONS_REACHED, MSG_DEADLINE_EXCEEDED, newCondition,
  removeTrackingFinalizerPatch, type JobCondition,
} from './util';

/** What the controller is built from. */
export interface JobControllerDeps {
  jobs: Informer<Job>;
  pods: Informer<Pod>;
  client: Client;
  podControl: PodControl;
  recorder: EventRecorder;
  clock: Clock;
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts of running pods count as failures. */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of p.status?.initContainerStatuses ?? []) restarts += s.restartCount ?? 0;
    for (const s of p.status?.containerStatuses ?? []) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** The Job controller. */
export class JobController {
  readonly queue: WorkQueue<string>;
  readonly orphanQueue: WorkQueue<string>;
  readonly expectations: Expectations;
  readonly tools: JobTools;
  /** Replaced in tests to observe which keys get synced. */
  syncHandler = (key: string): void => this.sync(key);

  constructor(private readonly deps: JobControllerDeps) {
    this.expectations = new Expectations(deps.clock);
    const limiter = () => new ItemExponentialRateLimiter<string>(JOB_API_BACKOFF_MS, MAX_JOB_API_BACKOFF_MS);
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'job', process: (k) => this.syncHandler(k), rateLimiter: limiter() });
    this.orphanQueue = new WorkQueue<string>({ clock: deps.clock, name: 'job_orphan_pod', process: (k) => this.syncOrphanPod(k),
      rateLimiter: limiter() });
    this.tools = {
      client: deps.client, podControl: deps.podControl, recorder: deps.recorder, clock: deps.clock, expectations: this.expectations,
      finalizerExpectations: new UIDTrackingExpectations(), backoff: new BackoffStore(),
      enqueueAfter: (key, ms) => this.queue.addAfter(key, ms),
    };
    deps.pods.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.jobs.onEvent({
      add: (j) => this.queue.add(keyFunc(j)),
      update: (o, c) => this.updateJob(o, c),
      delete: (j) => {
        this.queue.add(keyFunc(j));
        this.cleanupPodFinalizers(j);
      },
    });
    deps.pods.onEvent({ add: (p) => this.addPod(p), update: (o, c) => this.updatePod(o, c), delete: (p) => this.deletePod(p, true) });
  }

  /** Stops the workers. */
  stop(): void {
    this.queue.shutDown();
    this.orphanQueue.shutDown();
  }

  private enqueueBatched(job: Job): void {
    this.queue.addAfter(keyFunc(job), SYNC_JOB_BATCH_PERIOD_MS);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Job | undefined {
    if (ref.kind !== CONTROLLER_KIND.kind) return undefined;
    const j = this.deps.jobs.lister.get(namespace, ref.name);
    return j && j.metadata?.uid === ref.uid ? j : undefined;
  }

  /** getPodJobs: Jobs whose selector matches an orphan pod. */
  private podJobs(pod: Pod): Job[] {
    if (!pod.metadata?.labels) return [];
    return this.deps.jobs.lister.list(pod.metadata.namespace).filter((j) => {
      try {
        const sel = labelSelectorAsSelector(j.spec?.selector);
        return !sel.empty() && sel.matches(pod.metadata?.labels);
      } catch {
        return false;
      }
    });
  }

  private updateJob(old: Job, cur: Job): void {
    const key = keyFunc(cur);
    // A spec change syncs at once; status changes (mostly our own) are batched.
    if (cur.metadata?.generation === old.metadata?.generation) this.enqueueBatched(cur);
    else this.queue.add(key);
    if (isJobFinished(cur)) this.cleanupPodFinalizers(cur);
    const start = parseTime(cur.status?.startTime);
    const ads = cur.spec?.activeDeadlineSeconds;
    if (start !== undefined && ads !== undefined && ads !== null && ads !== old.spec?.activeDeadlineSeconds) {
      this.queue.addAfter(key, ads * 1000 - (this.deps.clock.now() - start));
    }
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      // Seen already being deleted (a restart): not a creation.
      this.deletePod(pod, false);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const job = this.resolveControllerRef(pod.metadata?.namespace, ref);
      if (!job) return;
      this.expectations.creationObserved(keyFunc(job));
      this.enqueueBatched(job);
      return;
    }
    if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(keyFunc(pod));
    for (const j of this.podJobs(pod)) this.enqueueBatched(j);
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return;
    if (cur.metadata?.deletionTimestamp) {
      // Graceful deletion starts: replace the pod now rather than when the kubelet removes it.
      this.deletePod(cur, false);
      return;
    }
    const finalizerRemoved = !hasJobTrackingFinalizer(cur);
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const job = this.resolveControllerRef(old.metadata?.namespace, oldRef);
      if (job) {
        if (finalizerRemoved) this.tools.finalizerExpectations.observed(keyFunc(job), cur.metadata?.uid ?? '');
        this.enqueueBatched(job);
      }
    }
    if (curRef) {
      const job = this.resolveControllerRef(cur.metadata?.namespace, curRef);
      if (!job) return;
      if (finalizerRemoved) this.tools.finalizerExpectations.observed(keyFunc(job), cur.metadata?.uid ?? '');
      this.enqueueBatched(job);
      return;
    }
    if (hasJobTrackingFinalizer(cur)) this.orphanQueue.add(keyFunc(cur));
    if (refChanged || !deepEqual(cur.metadata?.labels, old.metadata?.labels)) for (const j of this.podJobs(cur)) this.enqueueBatched(j);
  }

  private deletePod(pod: Pod, final: boolean): void {
    const ref = controllerOf(pod);
    const hasFinalizer = hasJobTrackingFinalizer(pod);
    if (!ref) {
      if (hasFinalizer) this.orphanQueue.add(keyFunc(pod));
      return;
    }
    const job = this.resolveControllerRef(pod.metadata?.namespace, ref);
    if (!job || isJobFinished(job)) {
      if (hasFinalizer) this.orphanQueue.add(keyFunc(pod));
      return;
    }
    const key = keyFunc(job);
    this.expectations.deletionObservedUntracked(key);
    if (final || !hasFinalizer) this.tools.finalizerExpectations.observed(key, pod.metadata?.uid ?? '');
    this.enqueueBatched(job);
  }

  /** cleanupPodFinalizers: a finished or deleted Job's pods lose their finalizers through the orphan queue. */
  private cleanupPodFinalizers(job: Job): void {
    for (const p of this.deps.pods.lister.byIndex(CONTROLLER_UID_INDEX, job.metadata?.uid ?? '')) {
      if (hasJobTrackingFinalizer(p)) this.orphanQueue.add(keyFunc(p));
    }
  }

  /** syncOrphanPod: removes the tracking finalizer from a pod no running Job of ours counts. */
  syncOrphanPod(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.deps.pods.lister.get(namespace, name);
    if (!pod) return;
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind !== CONTROLLER_KIND.kind || ref.apiVersion !== CONTROLLER_KIND.apiVersion) return;
      const job = this.resolveControllerRef(namespace, ref);
      if (job && managedByExternalController(job)) return;
      if (job && !isJobFinished(job)) return; // adopted: the Job's sync counts it
    }
    const patch = removeTrackingFinalizerPatch(pod);
    if (!patch) return;
    try {
      this.deps.podControl.patchPod(namespace, name, patch);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** getPodsForJob: claims the namespace's pods (adopting with the tracking finalizer). */
  private podsForJob(job: Job, selector: Selector): Pod[] {
    const m = job.metadata ?? {};
    const client = this.deps.client;
    const manager = new ControllerRefManager({
      controller: job, selector, controllerKind: CONTROLLER_KIND, dependentKind: 'Pod', finalizers: [JOB_TRACKING_FINALIZER],
      canAdopt: recheckDeletionTimestamp(() => client.get(R.jobs, m.namespace, m.name ?? ''), job, CONTROLLER_KIND.kind),
      patch: (ns, name, p) => this.deps.podControl.patchPod(ns, name, p),
    });
    const pods = manager.claim(ownedOrOrphaned(this.deps.pods.lister, m.namespace ?? '', m.uid ?? ''));
    // Adopted pods get the finalizer for the rest of this sync's arithmetic.
    return pods.map((p) => {
      const ours = p.metadata?.ownerReferences?.some((r) => r.uid === m.uid);
      if (ours || hasJobTrackingFinalizer(p)) return p;
      return { ...p, metadata: { ...p.metadata, finalizers: [...(p.metadata?.finalizers ?? []), JOB_TRACKING_FINALIZER] } };
    });
  }

  private newFailureCondition(reason: string, message: string): JobCondition {
    // v1.32 (JobManagedBy and JobPodReplacementPolicy on): FailureTarget first, Failed when the pods are gone.
    return newCondition(JOB_FAILURE_TARGET, 'True', reason, message, this.deps.clock.now());
  }

  private pastActiveDeadline(job: Job): boolean {
    const ads = job.spec?.activeDeadlineSeconds;
    const start = parseTime(job.status?.startTime);
    if (ads === undefined || ads === null || start === undefined || jobSuspended(job)) return false;
    return this.deps.clock.now() - start >= ads * 1000;
  }

  /** syncJob. Level-triggered: correct from the caches and the Job's status alone. */
  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const shared = this.deps.jobs.lister.get(namespace, name);
    const t = this.tools;
    if (!shared) {
      this.expectations.delete(key);
      t.finalizerExpectations.delete(key);
      t.backoff.remove(key);
      return;
    }
    if (managedByExternalController(shared)) return;
    if (isJobFinished(shared)) {
      t.backoff.remove(key);
      return;
    }
    const job: Job = withTypeMeta(structuredClone(shared) as Job, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind);
    const mode = job.spec?.completionMode;
    if (mode && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.deps.recorder.event(job as KubeObject, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return;
    }
    const st = (job.status ??= {});
    st.uncountedTerminatedPods ??= {};
    // Expectations first: a pod created after this check shows up in the next sync.
    const satisfied = this.expectations.satisfied(key);
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(job.spec?.selector);
    } catch (e) {
      throw new Error(`couldn't convert Job selector: ${(e as Error).message}`, { cause: e });
    }
    const pods = this.podsForJob(job, selector);
    const activePods = filterActivePods(pods);
    const u = st.uncountedTerminatedPods!;
    const ctx: SyncJobCtx = {
      key, job, pods, activePods, ready: activePods.filter(isPodReady).length,
      uncounted: { succeeded: new Set(u.succeeded ?? []), failed: new Set(u.failed ?? []) },
      expectedRmFinalizers: t.finalizerExpectations.expected(key),
      terminating: pods.filter(isPodTerminating).length,
      succeeded: 0, failed: 0, prevSucceededIndexes: [], succeededIndexes: [],
      newBackoffRecord: { key, failuresAfterLastSuccess: 0 },
    };
    let active = activePods.length;
    const { succeeded: newSucceeded, failed: newFailed } = this.newFinishedPods(ctx);
    ctx.succeeded = (st.succeeded ?? 0) + newSucceeded.length + ctx.uncounted.succeeded.size;
    const countedFailed = newFailed.filter((p) => matchPodFailurePolicy(job.spec?.podFailurePolicy, p).countFailed).length;
    ctx.failed = (st.failed ?? 0) + countedFailed + ctx.uncounted.failed.size;
    const now = this.deps.clock.now();
    if (!st.startTime && !jobSuspended(job)) st.startTime = rfc3339(now);
    ctx.newBackoffRecord = t.backoff.newRecord(key, newSucceeded, newFailed);

    let manageErr: Error | undefined;
    const exceedsBackoffLimit = ctx.failed > (job.spec?.backoffLimit ?? 6);
    ctx.finishedCondition = findConditionByType(st.conditions, JOB_SUCCESS_CRITERIA_MET);
    if (ctx.finishedCondition?.status !== 'True') ctx.finishedCondition = undefined;
    if (!ctx.finishedCondition) {
      const ft = findConditionByType(st.conditions, JOB_FAILURE_TARGET);
      if (ft?.status === 'True') ctx.finishedCondition = newCondition(JOB_FAILED, 'True', ft.reason ?? '', ft.message ?? '', now);
      else {
        const msg = this.failJobMessage(job, pods);
        if (msg) ctx.finishedCondition = newCondition(JOB_FAILURE_TARGET, 'True', JOB_REASON_POD_FAILURE_POLICY, msg, now);
      }
    }
    if (!ctx.finishedCondition) {
      if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
        ctx.finishedCondition = this.newFailureCondition(JOB_REASON_BACKOFF_LIMIT_EXCEEDED, MSG_BACKOFF_LIMIT_EXCEEDED);
      } else if (this.pastActiveDeadline(job)) {
        ctx.finishedCondition = this.newFailureCondition(JOB_REASON_DEADLINE_EXCEEDED, MSG_DEADLINE_EXCEEDED);
      } else if (job.spec?.activeDeadlineSeconds !== undefined && job.spec.activeDeadlineSeconds !== null && !jobSuspended(job)) {
        // Wake up exactly when the deadline passes.
        this.queue.addAfter(key, job.spec.activeDeadlineSeconds * 1000 - (now - (parseTime(st.startTime) ?? now)));
      }
    }
    if (isIndexedJob(job)) {
      const si = calculateSucceededIndexes(job, pods);
      ctx.prevSucceededIndexes = si.prev;
      ctx.succeededIndexes = si.all;
      ctx.succeeded = si.all.reduce((n, v) => n + v.last - v.first + 1, 0);
      if (!ctx.finishedCondition) {
        const msg = matchSuccessPolicy(job, ctx.succeededIndexes);
        if (msg) ctx.finishedCondition = newCondition(JOB_SUCCESS_CRITERIA_MET, 'True', JOB_REASON_SUCCESS_POLICY, msg, now);
      }
    }

    let suspendChanged = false;
    if (ctx.finishedCondition) {
      const [deletedReady, deleted, err] = deleteActivePods(t, job, activePods);
      // Not finished while pods may still be on their way out or not yet seen.
      if (deleted !== active || !satisfied) ctx.finishedCondition = undefined;
      active -= deleted;
      ctx.terminating += deleted;
      ctx.ready -= deletedReady;
      manageErr = err;
    } else {
      let manageCalled = false;
      if (satisfied && !job.metadata?.deletionTimestamp) {
        const r = manageJob(t, ctx);
        active = r.active;
        manageErr = r.err;
        manageCalled = true;
      }
      const completions = job.spec?.completions;
      const complete = completions === undefined || completions === null
        ? ctx.succeeded > 0 && active === 0
        : ctx.succeeded >= completions && active === 0;
      if (complete) {
        ctx.finishedCondition = newCondition(JOB_SUCCESS_CRITERIA_MET, 'True', JOB_REASON_COMPLETIONS_REACHED, MSG_COMPLETIONS_REACHED, now);
      } else if (manageCalled) {
        suspendChanged = this.syncSuspendCondition(job, now);
      }
    }

    const needsStatusUpdate = suspendChanged || active !== (st.active ?? 0) || ctx.ready !== st.ready || ctx.terminating !== st.terminating;
    if (active) st.active = active;
    else delete st.active;
    st.ready = ctx.ready;
    st.terminating = ctx.terminating;
    try {
      trackJobStatusAndRemoveFinalizers(t, ctx, needsStatusUpdate);
    } catch (e) {
      throw new Error(`tracking status: ${(e as Error).message}`, { cause: e });
    }
    if (manageErr) throw manageErr;
  }

  /** The Suspended condition and its events; resuming restarts the activeDeadlineSeconds clock. */
  private syncSuspendCondition(job: Job, now: number): boolean {
    const st = job.status!;
    const suspended = jobSuspended(job);
    const r = suspended
      ? ensureJobConditionStatus(st.conditions ?? [], JOB_SUSPENDED, 'True', 'JobSuspended', 'Job suspended', now)
      : ensureJobConditionStatus(st.conditions ?? [], JOB_SUSPENDED, 'False', 'JobResumed', 'Job resumed', now);
    if (!r.changed) return false;
    st.conditions = r.list;
    if (suspended) this.deps.recorder.event(job as KubeObject, 'Normal', 'Suspended', 'Job suspended');
    else {
      this.deps.recorder.event(job as KubeObject, 'Normal', 'Resumed', 'Job resumed');
      st.startTime = rfc3339(now);
    }
    return true;
  }

  /** getFailJobMessage: the FailJob message of the first failed pod a rule matches. */
  private failJobMessage(job: Job, pods: readonly Pod[]): string | undefined {
    if (!job.spec?.podFailurePolicy) return undefined;
    for (const p of pods) {
      if (!isPodFailed(p, job)) continue;
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p);
      if (m.jobFailureMessage) return m.jobFailureMessage;
    }
    return undefined;
  }

  /**
   * getNewFinishedPods: pods that finished and are not counted yet (they still carry the
   * finalizer, are not in uncountedTerminatedPods, and, for Indexed Jobs, have a valid index).
   */
  private newFinishedPods(ctx: SyncJobCtx): { succeeded: Pod[]; failed: Pod[] } {
    const valid = (uncounted: Set<string>, pred: (p: Pod) => boolean) => ctx.pods.filter((p) => {
      const uid = p.metadata?.uid ?? '';
      if (!hasJobTrackingFinalizer(p) || uncounted.has(uid) || ctx.expectedRmFinalizers.has(uid)) return false;
      if (isIndexedJob(ctx.job)) {
        const ix = getCompletionIndex(p);
        if (ix < 0 || ix >= (ctx.job.spec?.completions ?? 0)) return false;
      }
      return pred(p);
    });
    return {
      succeeded: valid(ctx.uncounted.succeeded, (p) => p.status?.phase === 'Succeeded'),
      failed: valid(ctx.uncounted.failed, (p) => isPodFailed(p, ctx.job)),
    };
  }
}
