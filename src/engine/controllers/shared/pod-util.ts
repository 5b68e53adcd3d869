// Pod readiness and availability as controllers read them.
// Models pkg/api/v1/pod/util.go (IsPodReady, GetPodReadyCondition, IsPodAvailable, IsPodTerminal).
import type { Pod, PodCondition } from '../../api';
import { parseTime, type SimMillis } from '../../clock';

/** GetPodReadyCondition: the pod's Ready condition, if any. */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  const conds = pod.status?.conditions;
  if (!conds) return undefined;
  for (const c of conds) if (c.type === 'Ready') return c;
  return undefined;
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * IsPodAvailable: ready, and ready for at least minReadySeconds. Upstream compares
 * `lastTransitionTime + minReadySeconds` strictly before now, at the second precision metav1.Time has.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: SimMillis): boolean {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const t = parseTime(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 < now;
}

/** IsPodTerminal: Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  const p = pod.status?.phase;
  return p === 'Succeeded' || p === 'Failed';
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** controller.IsPodTerminating: being deleted but not yet finished. */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && !!pod.metadata?.deletionTimestamp;
}

/** controller.FilterActivePods. */
export function filterActivePods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodActive);
}

/** The highest restartCount of the pod's containers (controller_utils.go maxContainerRestarts). */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) if ((c.restartCount ?? 0) > max) max = c.restartCount ?? 0;
  return max;
}
