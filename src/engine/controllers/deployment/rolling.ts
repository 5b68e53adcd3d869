// The RollingUpdate strategy. Models pkg/controller/deployment/rolling.go.
import type { Deployment, ReplicaSet } from '../../api';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../shared';
import type { DeploymentSyncContext } from './context';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import { availableReplicaCount, deploymentComplete, maxUnavailable, newRSNewReplicas, replicaCount } from './util';

/**
 * rolloutRolling: grow the new set within maxSurge, shrink old sets within maxUnavailable, one
 * step per sync; when neither moves and the rollout is complete, clean up history.
 */
export function rolloutRolling(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(dc, allRSs, newRS!, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(oldRSs), newRS!, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** reconcileNewReplicaSet: scale the new set toward spec.replicas as far as maxSurge allows. */
export function reconcileNewReplicaSet(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet, d: Deployment): boolean {
  if (specReplicas(newRS) === specReplicas(d)) return false;
  if (specReplicas(newRS) > specReplicas(d)) return scaleReplicaSetAndRecordEvent(dc, newRS, specReplicas(d), d)[0];
  const count = newRSNewReplicas(d, allRSs, newRS);
  return scaleReplicaSetAndRecordEvent(dc, newRS, count, d)[0];
}

/**
 * reconcileOldReplicaSets: scale old sets down without going under minAvailable.
 * maxScaledDown = allPods - minAvailable - newRSUnavailable. Example: 10 replicas, maxUnavailable 2,
 * maxSurge 3; old 10 available, new scaled to 3 with none available: 13 - 8 - 3 = 2 old pods go.
 * Unhealthy old replicas go first (they count as unavailable anyway). Errors here do not fail the
 * sync (upstream returns false, nil).
 */
export function reconcileOldReplicaSets(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], oldRSs: ReplicaSet[],
  newRS: ReplicaSet, d: Deployment): boolean {
  if (replicaCount(oldRSs) === 0) return false;
  const allPods = replicaCount(allRSs);
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  let cleaned: [ReplicaSet[], number];
  try {
    cleaned = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  } catch {
    return false;
  }
  const [olds, cleanupCount] = cleaned;
  let scaledDown: number;
  try {
    scaledDown = scaleDownOldReplicaSetsForRollingUpdate(dc, [...olds, newRS], olds, d);
  } catch {
    return false;
  }
  return cleanupCount + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: scale down the unavailable replicas of old sets, oldest set first. */
export function cleanupUnhealthyReplicas(dc: DeploymentSyncContext, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): [ReplicaSet[], number] {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    const rs = oldRSs[i];
    if (total >= maxCleanup) break;
    if (specReplicas(rs) === 0) continue;
    const available = rs.status?.availableReplicas ?? 0;
    if (specReplicas(rs) === available) continue;
    const n = Math.min(maxCleanup - total, specReplicas(rs) - available);
    const next = specReplicas(rs) - n;
    if (next > specReplicas(rs)) {
      throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata?.namespace}/${rs.metadata?.name} ${specReplicas(rs)} -> ${next}`);
    }
    const [, updated] = scaleReplicaSetAndRecordEvent(dc, rs, next, d);
    total += n;
    oldRSs[i] = updated;
  }
  return [oldRSs, total];
}

/** scaleDownOldReplicaSetsForRollingUpdate: scale old sets down by what availability allows, oldest first. */
export function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], oldRSs: ReplicaSet[],
  d: Deployment): number {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  const want = available - minAvailable;
  for (const rs of oldRSs) {
    if (total >= want) break;
    if (specReplicas(rs) === 0) continue;
    const n = Math.min(specReplicas(rs), want - total);
    const next = specReplicas(rs) - n;
    if (next > specReplicas(rs)) {
      throw new Error(`when scaling down old RS, got invalid request to scale down ${rs.metadata?.namespace}/${rs.metadata?.name} ${specReplicas(rs)} -> ${next}`);
    }
    scaleReplicaSetAndRecordEvent(dc, rs, next, d);
    total += n;
  }
  return total;
}
