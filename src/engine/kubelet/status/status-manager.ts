// Writes pod statuses to the API server, only when they change, and does the final delete of a
// pod that finished terminating. Models pkg/kubelet/status/status_manager.go (v1.32):
// updateStatusInternal (transition times, start time), mergePodStatus (conditions the kubelet does
// not own are kept), syncPod (PATCH status, then DELETE with grace 0 and a UID precondition).
import type { Pod, PodCondition, PodStatus } from '../../api/types';
import { deepEqual } from '../../api/meta';
import { isNotFound, isConflict } from '../../api/errors';
import { rfc3339, type Clock } from '../../clock';
import { R, type Client } from '../../client';
import { KUBELET_CONDITIONS, POD_COMPLETED, POD_FAILED } from './generate';

/** Where the status manager reads the API's current pod (the kubelet's informer). */
export interface PodSource {
  get(namespace: string, name: string): Pod | undefined;
}

const TRANSITION_TYPES = ['ContainersReady', 'Ready', 'Initialized', 'PodReadyToStartContainers', 'PodScheduled', 'DisruptionTarget'];
const isTerminal = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';

/** updateLastTransitionTime: a condition whose status did not change keeps its transition time. */
function updateLastTransitionTime(status: PodStatus, old: PodStatus, type: string, now: string): void {
  const c = status.conditions?.find((x) => x.type === type);
  if (!c) return;
  const o = old.conditions?.find((x) => x.type === type);
  c.lastTransitionTime = o && o.status === c.status && o.lastTransitionTime ? o.lastTransitionTime : now;
}

/** Conditions in the API shape (lastProbeTime: null, as the Go struct marshals a nil time). */
function normalizeConditions(conds: PodCondition[] | undefined): PodCondition[] | undefined {
  return conds?.map((c) => {
    const out: PodCondition = { type: c.type, status: c.status };
    (out as { lastProbeTime: string | null }).lastProbeTime = c.lastProbeTime ?? null;
    if (c.lastTransitionTime) out.lastTransitionTime = c.lastTransitionTime;
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
}

/** mergePodStatus: keep conditions others own; keep the old phase while containers may still run; terminal ⇒ not ready. */
export function mergePodStatus(oldStatus: PodStatus, newStatus: PodStatus, couldHaveRunningContainers: boolean): PodStatus {
  const merged: PodStatus = { ...newStatus };
  const conds: PodCondition[] = [];
  for (const c of oldStatus.conditions ?? []) if (!KUBELET_CONDITIONS.includes(c.type)) conds.push(c);
  for (const c of newStatus.conditions ?? []) if (KUBELET_CONDITIONS.includes(c.type)) conds.push(c);
  merged.conditions = conds;
  const toTerminal = !isTerminal(oldStatus.phase) && isTerminal(newStatus.phase);
  if (toTerminal && couldHaveRunningContainers) {
    merged.phase = oldStatus.phase;
    if (oldStatus.reason) merged.reason = oldStatus.reason; else delete merged.reason;
    if (oldStatus.message) merged.message = oldStatus.message; else delete merged.message;
  }
  if (isTerminal(merged.phase)) {
    const reason = merged.phase === 'Failed' ? POD_FAILED : POD_COMPLETED;
    const ready = conds.find((c) => c.type === 'Ready');
    const cready = conds.find((c) => c.type === 'ContainersReady');
    if (ready?.status === 'True' || cready?.status === 'True') {
      merged.conditions = conds.map((c) => (c.type === 'Ready' || c.type === 'ContainersReady'
        ? { type: c.type, status: 'False', lastProbeTime: null as unknown as string, lastTransitionTime: c.status === 'False' ? c.lastTransitionTime : undefined, reason }
        : c));
    }
  }
  if (oldStatus.nominatedNodeName && merged.nominatedNodeName === undefined) merged.nominatedNodeName = oldStatus.nominatedNodeName;
  if (oldStatus.resourceClaimStatuses) merged.resourceClaimStatuses = oldStatus.resourceClaimStatuses;
  return merged;
}

/** A pod status in the Go struct's field order, without empty fields. */
function ordered(s: PodStatus): PodStatus {
  const out: PodStatus = {};
  const keys: (keyof PodStatus)[] = ['phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP',
    'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize',
    'resourceClaimStatuses'];
  for (const k of keys) if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  return out;
}

/** The kubelet's status manager for one node. */
export class StatusManager {
  private readonly cache = new Map<string, PodStatus>();
  /** What we last wrote per pod and the resourceVersion it got: the informer may not have seen it yet. */
  private readonly written = new Map<string, { rv: number; status: PodStatus }>();
  /** API status writes made (for tests and benchmarks). */
  writes = 0;
  /** The last write the API refused (a kubelet bug if it ever happens; kept for tests). */
  lastError?: string;

  constructor(private readonly client: Client, private readonly clock: Clock, private readonly pods: PodSource) {}

  /** The status the kubelet last set for a pod (GetPodStatus). */
  getPodStatus(uid: string): PodStatus | undefined {
    return this.cache.get(uid);
  }

  /**
   * SetPodStatus: fixes transition and start times against the previous status, caches it and
   * writes it to the API when it differs from what the API holds. `apiName` targets the mirror pod
   * of a static pod.
   */
  setPodStatus(pod: Pod, status: PodStatus, couldHaveRunningContainers: boolean, apiRef?: { namespace: string; name: string; uid?: string }): void {
    const uid = pod.metadata!.uid!;
    const old = this.cache.get(uid) ?? pod.status ?? {};
    const now = rfc3339(this.clock.now());
    const next: PodStatus = { ...status, conditions: status.conditions?.map((c) => ({ ...c })) };
    for (const t of TRANSITION_TYPES) updateLastTransitionTime(next, old, t, now);
    next.startTime = old.startTime ?? next.startTime ?? now;
    next.conditions = normalizeConditions(next.conditions);
    const final = ordered(next);
    this.cache.set(uid, final);
    const stored = this.sync(apiRef ?? { namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, uid }, final, couldHaveRunningContainers);
    // The API's copy equals ours nearly always: keep that one (it lives in the store anyway), not a
    // second tree per pod.
    if (stored) this.cache.set(uid, stored);
  }

  /** Re-sends the cached status (after a kubelet restart, or when the API lost it). */
  resync(pod: Pod, couldHaveRunningContainers: boolean, apiRef?: { namespace: string; name: string; uid?: string }): void {
    const s = this.cache.get(pod.metadata!.uid!);
    if (s) this.sync(apiRef ?? { namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, uid: pod.metadata!.uid }, s, couldHaveRunningContainers);
  }

  /** Forgets everything (the kubelet stops: its in-memory cache dies with it). */
  reset(): void {
    this.cache.clear();
    this.written.clear();
  }

  /** Forgets a pod (it is gone from the API). */
  remove(uid: string): void {
    this.cache.delete(uid);
    this.written.delete(uid);
  }

  /** The pod finished terminating: DELETE it with grace 0 and a UID precondition (canBeDeleted). */
  deletePod(pod: Pod): void {
    const m = pod.metadata!;
    try {
      this.client.delete(R.pods, m.namespace, m.name!, { gracePeriodSeconds: 0, preconditions: { uid: m.uid } });
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
  }

  /** Writes the status when the API's differs; returns the API's status object when it equals `status`. */
  private sync(ref: { namespace: string; name: string; uid?: string }, status: PodStatus, couldHaveRunningContainers: boolean): PodStatus | undefined {
    const live = this.pods.get(ref.namespace, ref.name);
    if (!live || (ref.uid && live.metadata?.uid !== ref.uid)) return undefined;
    const uid = live.metadata!.uid!;
    const w = this.written.get(uid);
    // The informer lags our own writes by a tick: compare with what we wrote when it has not caught up.
    const liveStatus = w && Number(live.metadata?.resourceVersion ?? 0) < w.rv ? w.status : (live.status ?? {});
    const merged = ordered(mergePodStatus(liveStatus, status, couldHaveRunningContainers));
    if (deepEqual(merged, liveStatus)) return sameOrUndefined(liveStatus, status);
    const { resourceVersion: _rv, ...meta } = live.metadata!;
    try {
      const res = this.client.updateStatus<Pod>(R.pods, { ...live, apiVersion: 'v1', kind: 'Pod', metadata: meta, status: merged } as Pod);
      this.written.set(uid, { rv: Number(res.metadata?.resourceVersion ?? 0), status: res.status ?? merged });
      this.writes++;
      return res.status && sameOrUndefined(res.status, status);
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) this.lastError = (e as Error).message;
      return undefined;
    }
  }
}

/** `api` (the API server's object: nobody changes it) when it is deep-equal to `ours`. */
function sameOrUndefined(api: PodStatus, ours: PodStatus): PodStatus | undefined {
  return deepEqual(api, ours) ? api : undefined;
}
