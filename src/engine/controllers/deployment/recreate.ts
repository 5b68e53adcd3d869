// The Recreate strategy. Models pkg/controller/deployment/recreate.go.
import type { Deployment, Pod, ReplicaSet } from '../../api';
import { filterActiveReplicaSets, specReplicas } from '../shared';
import type { DeploymentSyncContext } from './context';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import { actualReplicaCount, deploymentComplete } from './util';

/**
 * rolloutRecreate: scale every old set to 0, wait until none of their pods runs, then create (or
 * scale up) the new set to spec.replicas at once.
 */
export function rolloutRecreate(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], podMap: Map<string, Pod[]>): void {
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  const activeOld = filterActiveReplicaSets(oldRSs);
  if (scaleDownOldReplicaSetsForRecreate(dc, activeOld, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (!newRS) {
    [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(dc, newRS!, specReplicas(d), d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** scaleDownOldReplicaSetsForRecreate: true when any set was scaled. */
export function scaleDownOldReplicaSetsForRecreate(dc: DeploymentSyncContext, oldRSs: ReplicaSet[], d: Deployment): boolean {
  let scaled = false;
  for (let i = 0; i < oldRSs.length; i++) {
    if (specReplicas(oldRSs[i]) === 0) continue;
    const [did, updated] = scaleReplicaSetAndRecordEvent(dc, oldRSs[i], 0, d);
    if (did) {
      oldRSs[i] = updated;
      scaled = true;
    }
  }
  return scaled;
}

/** oldPodsRunning: old sets still report pods, or a pod of theirs has not finished (any phase but Succeeded/Failed). */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
