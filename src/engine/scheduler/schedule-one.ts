// One scheduling attempt, then the binding. Models pkg/scheduler/schedule_one.go (v1.32:
// scheduleOne, schedulingCycle, bindingCycle, handleBindingCycleError, handleSchedulingFailure,
// updatePod, truncateMessage). A failure records a FailedScheduling event and the PodScheduled=False
// condition with upstream's exact text; a bind records "Successfully assigned ns/pod to node".
import { shallowCopy, type Pod, type PodCondition } from '../api';
import { R, type Lister } from '../client';
import { rfc3339, type Clock } from '../clock';
import { Code, CycleState, FitError, Status, addPluginStatus, newDiagnosis, type NominatingInfo, type QueuedPodInfo,
  type SchedulerEventRecorder } from './framework';
import type { Cache } from './cache';
import { EVENTS, setPod, type SchedulingQueue } from './queue';
import { ScheduleError, schedulePod, type GenericScheduler, type ScheduleResult } from './schedule-pod';
import type { ExplainRecorder, RawAttempt } from './explain';
import type { Client } from '../client';

/** Event notes are limited to 1024 characters (truncateMessage keeps 1021 and adds "..."). */
const NOTE_LENGTH_LIMIT = 1024;

/** truncateMessage. */
export function truncateMessage(msg: string): string {
  if (msg.length <= NOTE_LENGTH_LIMIT) return msg;
  return `${msg.slice(0, NOTE_LENGTH_LIMIT - 3)}...`;
}

/** What scheduleOne works with. */
export interface SchedulerCore extends GenericScheduler {
  clock: Clock;
  client: Client;
  cache: Cache;
  queue: SchedulingQueue;
  recorder: SchedulerEventRecorder;
  pods: Lister<Pod>;
  explain: ExplainRecorder;
  /** Counters for tests, benchmarks and the UI. */
  stats: { attempts: number; scheduled: number; unschedulable: number; errors: number };
}

const CLEAR_NOMINATED: NominatingInfo = { mode: 'Override', nominatedNodeName: '' };

/** The pod as an event's regarding object: reference.GetReference fills apiVersion/kind from the scheme. */
function asRef(pod: Pod): Pod {
  return pod.kind && pod.apiVersion ? pod : { ...pod, apiVersion: 'v1', kind: 'Pod' };
}

/** scheduleOne: schedules the popped pod (its binding may finish later, when PreBind waits). */
export function scheduleOne(s: SchedulerCore, q: QueuedPodInfo): void {
  const pod = q.podInfo.pod;
  const fwk = s.fwk;
  if (pod.metadata?.deletionTimestamp) {
    s.recorder.eventf(asRef(pod), undefined, 'Warning', 'FailedScheduling', 'Scheduling', `skip schedule deleting pod: ${pod.metadata.namespace}/${pod.metadata.name}`);
    return;
  }
  if (s.cache.isAssumedPod(pod)) return;
  s.stats.attempts++;
  const state = new CycleState();
  let result: ScheduleResult;
  try {
    result = schedulePod(s, state, pod);
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    return failSchedulingCycle(s, state, q, e);
  }
  // assume: the pod counts on its node now, before the binding is written.
  const host = result.suggestedHost;
  // nodeName is a new key of spec: copied key by key (a spread copy takes new keys slowly; see shallowCopy).
  const spec = shallowCopy(pod.spec!);
  spec.nodeName = host;
  const assumed: Pod = { ...pod, spec };
  s.cache.assumePod(assumed);
  s.queue.nominator.delete(pod);
  recordAttempt(s, state, q, result, undefined, host);
  const rs = fwk.runReservePluginsReserve(state, assumed, host);
  if (rs) {
    fwk.runReservePluginsUnreserve(state, assumed, host);
    s.cache.forgetPod(assumed);
    if (!rs.isRejected()) return handleSchedulingFailure(s, q, rs, undefined, CLEAR_NOMINATED);
    const fit = fitErrorOnHost(host, rs);
    return handleSchedulingFailure(s, q, new Status(rs.code, [fit.fe.error()]), fit, CLEAR_NOMINATED);
  }
  // The binding cycle: PreBind (maybe waiting), then Bind.
  fwk.runPreBindPlugins(state, assumed, host, (pbs) => {
    const bs = pbs ?? bind(s, state, assumed, host);
    if (bs) return handleBindingCycleError(s, state, q, assumed, host, bs);
    s.stats.scheduled++;
  });
}

/** bind + finishBinding: the Scheduled event on success. */
function bind(s: SchedulerCore, state: CycleState, assumed: Pod, host: string): Status | undefined {
  const st = s.fwk.runBindPlugins(state, assumed, host);
  if (st) return st;
  s.recorder.eventf(asRef(assumed), undefined, 'Normal', 'Scheduled', 'Binding',
    `Successfully assigned ${assumed.metadata?.namespace}/${assumed.metadata?.name} to ${host}`);
  return undefined;
}

/** A Reserve/Permit rejection as a FitError on the one chosen node ("0/1 nodes are available: …"). */
function fitErrorOnHost(host: string, st: Status): { fe: FitError } {
  const d = newDiagnosis();
  d.nodeToStatus.set(host, st);
  addPluginStatus(d, st);
  return { fe: new FitError(1, d) };
}

/** The rest of schedulingCycle after a failed schedulePod: PostFilter (preemption) on a FitError. */
function failSchedulingCycle(s: SchedulerCore, state: CycleState, q: QueuedPodInfo, e: ScheduleError): void {
  const pod = q.podInfo.pod;
  if (!e.fitError) {
    recordAttempt(s, state, q, undefined, e);
    return handleSchedulingFailure(s, q, e.status, undefined, CLEAR_NOMINATED);
  }
  let nominating: NominatingInfo | undefined;
  if (s.fwk.postFilterPlugins.length) {
    const { result, status } = s.fwk.runPostFilterPlugins(state, pod, e.diagnosis!.nodeToStatus);
    e.fitError.diagnosis.postFilterMsg = status?.message() ?? '';
    nominating = result?.nominatingInfo;
  }
  recordAttempt(s, state, q, undefined, e, undefined, nominating?.nominatedNodeName);
  handleSchedulingFailure(s, q, new Status(Code.Unschedulable, [e.fitError.error()]), { fe: e.fitError }, nominating);
}

/** handleBindingCycleError: unreserve, forget the assumed pod (its room frees pods waiting on it), then fail. */
function handleBindingCycleError(s: SchedulerCore, state: CycleState, q: QueuedPodInfo, assumed: Pod, host: string, st: Status): void {
  s.fwk.runReservePluginsUnreserve(state, assumed, host);
  s.cache.forgetPod(assumed);
  s.queue.moveAllToActiveOrBackoffQueue(EVENTS.AssignedPodDelete, assumed, undefined,
    st.isRejected() ? (p) => p.metadata?.uid !== assumed.metadata?.uid : undefined);
  s.stats.errors++;
  handleSchedulingFailure(s, q, st, undefined, CLEAR_NOMINATED);
}

/**
 * handleSchedulingFailure: requeue (unless the pod is gone or already bound), remember the
 * nomination, record FailedScheduling and set PodScheduled=False (reason Unschedulable when rejected,
 * SchedulerError otherwise).
 */
function handleSchedulingFailure(s: SchedulerCore, q: QueuedPodInfo, st: Status, fit: { fe: FitError | undefined } | undefined,
  nominating: NominatingInfo | undefined): void {
  const pod = q.podInfo.pod;
  const rejected = st.isRejected();
  const reason = rejected ? 'Unschedulable' : 'SchedulerError';
  if (rejected) s.stats.unschedulable++;
  if (fit?.fe) {
    q.unschedulablePlugins = new Set(fit.fe.diagnosis.unschedulablePlugins);
    q.pendingPlugins = new Set(fit.fe.diagnosis.pendingPlugins);
  } else {
    q.unschedulablePlugins = new Set();
    q.pendingPlugins = new Set();
  }
  const cached = s.pods.get(pod.metadata?.namespace, pod.metadata?.name ?? '');
  if (cached && !cached.spec?.nodeName) {
    setPod(q, cached);
    s.queue.addUnschedulableIfNotPresent(q);
  }
  s.queue.addNominatedPod(q.podInfo, nominating);
  const msg = st.message();
  s.recorder.eventf(asRef(pod), undefined, 'Warning', 'FailedScheduling', 'Scheduling', truncateMessage(msg));
  updatePod(s, pod, { type: 'PodScheduled', status: 'False', reason, message: msg }, nominating);
}

/**
 * updatePod: patches pods/status when the condition (podutil.UpdatePodCondition: lastTransitionTime
 * moves only when the status changes) or the nominated node changes.
 */
function updatePod(s: SchedulerCore, pod: Pod, cond: PodCondition, nominating: NominatingInfo | undefined): void {
  const old = (pod.status?.conditions ?? []).find((c) => c.type === cond.type);
  const now = rfc3339(s.clock.now());
  const next: PodCondition = { ...cond, lastProbeTime: null as unknown as string,
    lastTransitionTime: old && old.status === cond.status && old.lastTransitionTime ? old.lastTransitionTime : now };
  const changed = !old || old.status !== next.status || (old.reason ?? '') !== (next.reason ?? '') || (old.message ?? '') !== (next.message ?? '')
    || (old.lastTransitionTime ?? null) !== next.lastTransitionTime || (old.lastProbeTime ?? null) !== null;
  const nnnChange = nominating?.mode === 'Override' && (pod.status?.nominatedNodeName ?? '') !== nominating.nominatedNodeName;
  if (!changed && !nnnChange) return;
  const status: Record<string, unknown> = {};
  if (changed) status.conditions = [next];
  if (nnnChange) status.nominatedNodeName = nominating!.nominatedNodeName || null;
  try {
    s.client.patch(R.pods, pod.metadata?.namespace, pod.metadata!.name!, 'application/strategic-merge-patch+json', { status }, { subresource: 'status' });
  } catch {
    // "Error updating pod" is logged upstream; the next attempt retries.
  }
}

/** Stores the attempt for explain(). */
function recordAttempt(s: SchedulerCore, state: CycleState, q: QueuedPodInfo, r: ScheduleResult | undefined, e: ScheduleError | undefined,
  host?: string, nominated?: string): void {
  const total = s.nodes.list().length;
  const d = e?.diagnosis ?? r?.diagnosis;
  const summary: RawAttempt['summary'] = {
    pod: q.podInfo.key, uid: q.podInfo.uid, attempt: q.attempts, time: s.clock.now(),
    result: r ? 'Scheduled' : e?.status.isRejected() || e?.fitError ? 'Unschedulable' : 'SchedulerError',
    node: host, numAllNodes: total,
    evaluatedNodes: r ? r.evaluatedNodes : (d?.nodeToStatus.len() ?? 0),
    feasibleNodes: r ? r.feasibleNodes : 0,
    skippedFilterPlugins: [...state.skipFilterPlugins].sort(), skippedScorePlugins: [...state.skipScorePlugins].sort(),
  };
  if (e) summary.message = e.fitError ? e.fitError.error() : e.status.message();
  if (nominated) summary.nominatedNode = nominated;
  if (d?.preFilterMsg) {
    const a = d.nodeToStatus.absentNodesStatus();
    summary.preFilter = { plugin: a.plugin, reasons: [...a.reasons] };
  }
  const raw: RawAttempt = { summary, feasible: r ? r.feasible : [], statuses: d?.nodeToStatus };
  if (r?.scores) raw.scores = { totals: r.scores.totals, plugins: r.scores.plugins };
  s.explain.record(q.podInfo.key, raw);
}
