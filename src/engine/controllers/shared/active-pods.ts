// Which pods a controller deletes first when it scales down.
// Models pkg/controller/controller_utils.go ActivePodsWithRanks.Less (with the PodDeletionCost and
// LogarithmicScaleDown features on, as they are by default in v1.32).
import type { Pod } from '../../api';
import { parseTime, type SimMillis } from '../../clock';
import { isPodReady, maxContainerRestarts, podReadyCondition } from './pod-util';

/** The annotation that lets users say which pods are cheaper to delete (core.PodDeletionCost). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** A pod and its rank (how many related active pods share its node). */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** helper.GetDeletionCostFromPodAnnotations; an unparsable value counts as 0 (the comparison ignores the error). */
export function podDeletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined) return 0;
  if (!/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number.parseInt(v, 10);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function readyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined;
  return parseTime(podReadyCondition(pod)?.lastTransitionTime);
}

/** afterOrZero: is t1 after t2, a missing time counting as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

/**
 * logarithmicRankDiff: the base-2 logarithm of each age (in nanoseconds, as Go's time.Duration),
 * truncated, so that pods of about the same age compare equal and are chosen by UID instead.
 * Example: pods 10 s and 12 s old both have log2 rank 33; pods 10 s and 20 s old have 33 and 34.
 */
export function logarithmicRankDiff(t1: number, t2: number, now: SimMillis): number {
  const rank = (t: number) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

const uidOf = (p: Pod) => p.metadata?.uid ?? '';
const nodeOf = (p: Pod) => p.spec?.nodeName ?? '';

/**
 * ActivePodsWithRanks.Less: true when `a` should be deleted before `b`.
 * 1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready; 4. lower
 * pod-deletion-cost < higher; 5. higher rank (more related pods on the node) < lower; 6. ready for
 * less time < more (logarithmic buckets, then UID); 7. more restarts < fewer; 8. newer < older
 * (logarithmic buckets, then UID).
 */
export function podDeletionLess(a: RankedPod, b: RankedPod, now: SimMillis): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = nodeOf(pa);
  const nb = nodeOf(pb);
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa < ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  const ca = podDeletionCost(pa);
  const cb = podDeletionCost(pb);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const t1 = readyTime(pa);
    const t2 = readyTime(pb);
    if (t1 !== t2) {
      if (!now || !t1 || !t2) return afterOrZero(t1, t2);
      const d = logarithmicRankDiff(t1, t2, now);
      if (d === 0) return uidOf(pa) < uidOf(pb);
      return d < 0;
    }
  }
  const ma = maxContainerRestarts(pa);
  const mb = maxContainerRestarts(pb);
  if (ma !== mb) return ma > mb;
  const c1 = parseTime(pa.metadata?.creationTimestamp);
  const c2 = parseTime(pb.metadata?.creationTimestamp);
  if (c1 !== c2) {
    if (!now || !c1 || !c2) return afterOrZero(c1, c2);
    const d = logarithmicRankDiff(c1, c2, now);
    if (d === 0) return uidOf(pa) < uidOf(pb);
    return d < 0;
  }
  return false;
}

/** Sorts ranked pods so the ones to delete first come first (stable: ties keep their input order). */
export function sortPodsForDeletion(pods: RankedPod[], now: SimMillis): RankedPod[] {
  return pods.sort((a, b) => (podDeletionLess(a, b, now) ? -1 : podDeletionLess(b, a, now) ? 1 : 0));
}
