// The Progressing condition and progressDeadlineSeconds. Models pkg/controller/deployment/progress.go.
import type { Deployment, ReplicaSet } from '../../api';
import { deepEqual } from '../../api';
import { parseTime } from '../../clock';
import type { DeploymentSyncContext } from './context';
import { calculateStatus, updateDeploymentStatus, wireDeploymentStatus } from './sync';
import {
  NEW_RS_AVAILABLE_REASON, REPLICA_SET_UPDATED_REASON, TIMED_OUT_REASON, deploymentComplete, deploymentProgressing,
  deploymentTimedOut, getDeploymentCondition, hasProgressDeadline, newDeploymentCondition, removeDeploymentCondition,
  replicaSetToDeploymentCondition, setDeploymentCondition, type DeploymentCondition,
} from './util';

/**
 * syncRolloutStatus: the status plus Progressing — NewReplicaSetAvailable once complete,
 * ReplicaSetUpdated while moving (keeping the transition time), ProgressDeadlineExceeded when no
 * progress came within progressDeadlineSeconds — and ReplicaFailure copied from the sets. When
 * nothing changed, a Deployment still in progress is requeued for its deadline check.
 */
export function syncRolloutStatus(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const status = calculateStatus(dc, allRSs, newRS, d);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, 'Progressing');
  const current = getDeploymentCondition(d.status, 'Progressing');
  const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isComplete) {
    const name = d.metadata?.name;
    const rsName = newRS?.metadata?.name;
    if (deploymentComplete(d, status)) {
      const msg = newRS ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${name}" has successfully progressed.`;
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg, dc.now()));
    } else if (deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${name}" is progressing.`;
      const c = newDeploymentCondition('Progressing', 'True', REPLICA_SET_UPDATED_REASON, msg, dc.now());
      // Keep the transition time while it stays True; always refresh lastUpdateTime (the deadline's start).
      if (current) {
        if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
        removeDeploymentCondition(status, 'Progressing');
      }
      setDeploymentCondition(status, c);
    } else if (deploymentTimedOut(d, status, dc.now())) {
      const msg = newRS ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${name}" has timed out progressing.`;
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', TIMED_OUT_REASON, msg, dc.now()));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length) setDeploymentCondition(status, failures[0]);
  else removeDeploymentCondition(status, 'ReplicaFailure');

  const next = wireDeploymentStatus(status);
  if (deepEqual(wireDeploymentStatus(d.status ?? {}), next)) {
    requeueStuckDeployment(dc, d, next);
    return;
  }
  d.status = next;
  updateDeploymentStatus(dc, d);
}

/** getReplicaFailures: the new set's ReplicaFailure conditions, else any set's. */
function replicaFailures(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const pick = (rss: (ReplicaSet | undefined)[]) => rss.flatMap((rs) => (rs?.status?.conditions ?? [])
    .filter((c) => c.type === 'ReplicaFailure').map(replicaSetToDeploymentCondition));
  const fromNew = newRS ? pick([newRS]) : [];
  return fromNew.length ? fromNew : pick(allRSs);
}

/**
 * requeueStuckDeployment: a Deployment in progress with a deadline is looked at again when the
 * deadline passes (plus a second), or right away (rate-limited) when it is due within a second.
 * Returns the delay, or -1 when no check is needed.
 */
export function requeueStuckDeployment(dc: DeploymentSyncContext, d: Deployment, newStatus: ReturnType<typeof wireDeploymentStatus>): number {
  const cur = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cur) return -1;
  if (deploymentComplete(d, newStatus) || cur.reason === TIMED_OUT_REASON) return -1;
  const after = (parseTime(cur.lastUpdateTime) ?? 0) + (d.spec!.progressDeadlineSeconds ?? 0) * 1000 - dc.now();
  if (after < 1000) {
    dc.enqueueRateLimited(d);
    return 0;
  }
  dc.enqueueAfter(d, after + 1000);
  return after;
}
