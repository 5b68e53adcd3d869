// Scaling, the new ReplicaSet, history cleanup and status. Models pkg/controller/deployment/sync.go.
import type { Deployment, ReplicaSet } from '../../api';
import { clone, deepEqual, isAlreadyExists, isNotFound, shallowCopy } from '../../api';
import { R } from '../../client';
import {
  NAMESPACE_TERMINATING_CAUSE, bySizeNewer, bySizeOlder, computeHash, filterActiveReplicaSets, hasStatusCause,
  newControllerRef, specReplicas,
} from '../shared';
import { CONTROLLER_KIND, recordEvent, type DeploymentSyncContext } from './context';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './template';
import {
  DESIRED_REPLICAS_ANNOTATION, FAILED_RS_CREATE_REASON, FOUND_NEW_RS_REASON, MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE, NEW_REPLICA_SET_REASON, PAUSED_DEPLOY_REASON, POD_TEMPLATE_HASH_LABEL, RESUMED_DEPLOY_REASON,
  REVISION_ANNOTATION, TIMED_OUT_REASON, actualReplicaCount, availableReplicaCount, byRevision, findActiveOrLatest,
  getDeploymentCondition, getProportion, hasProgressDeadline, hasRevisionHistoryLimit, intAnnotation, isRollingUpdate,
  isSaturated, maxRevision, maxSurge, maxUnavailable, newDeploymentCondition, newRSNewReplicas, readyReplicaCount,
  replicaCount, replicasAnnotationsNeedUpdate, setDeploymentCondition, setDeploymentRevision, setNewReplicaSetAnnotations,
  setReplicasAnnotations, type DeploymentStatus,
} from './util';

/** maxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** The status in Go's JSON shape (every field omitempty; collisionCount is a pointer, so 0 stays). */
export function wireDeploymentStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

/** Writes the Deployment's status (the object keeps its resourceVersion, as upstream's copy does). */
export function updateDeploymentStatus(dc: DeploymentSyncContext, d: Deployment): void {
  dc.client.updateStatus(R.deployments, { ...d, status: wireDeploymentStatus(d.status ?? {}) });
}

/** syncStatusOnly: for a Deployment being deleted. */
export function syncStatusOnly(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/** sync: scaling events and paused Deployments (no rollout). */
export function sync(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], rollbackPending: boolean): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  scale(dc, d, newRS, oldRSs);
  // A paused Deployment with no rollback pending cleans up its history (nothing else will).
  if (d.spec?.paused && !rollbackPending) cleanupDeployment(dc, oldRSs, d);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/**
 * checkPausedConditions: Progressing=Unknown DeploymentPaused/DeploymentResumed, so that time spent
 * paused never counts against progressDeadlineSeconds. A timed-out condition is left alone.
 */
export function checkPausedConditions(dc: DeploymentSyncContext, d: Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  d.status ??= {};
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', dc.now()));
  } else if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', dc.now()));
  } else return;
  updateDeploymentStatus(dc, d);
}

/** getAllReplicaSetsAndSyncRevision: [new set (maybe created), all old sets]. */
export function getAllReplicaSetsAndSyncRevision(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[],
  createIfNotExisted: boolean): [ReplicaSet | undefined, ReplicaSet[]] {
  const [, allOld] = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(dc, d, rsList, allOld, createIfNotExisted);
  return [newRS, allOld];
}

/**
 * getNewReplicaSet: the set running the current template, its revision raised to max(old) + 1 and
 * its annotations synced; created (named <deployment>-<pod-template-hash>) when missing and asked to.
 */
export function getNewReplicaSet(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[],
  createIfNotExisted: boolean): ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  d.status ??= {};
  if (existing) {
    // A copy of what setNewReplicaSetAnnotations edits (metadata's fields); spec is replaced whole.
    const rsCopy = shallowCopy(existing) as ReplicaSet;
    if (existing.metadata) rsCopy.metadata = shallowCopy(existing.metadata);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, MAX_REV_HISTORY_LENGTH_IN_CHARS);
    const minReadyNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyNeedsUpdate) {
      rsCopy.spec = { ...rsCopy.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 };
      if (!rsCopy.spec.minReadySeconds) delete rsCopy.spec.minReadySeconds;
      return dc.client.update<ReplicaSet>(R.replicasets, rsCopy);
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata?.annotations?.[REVISION_ANNOTATION] ?? '');
    // First time a deadline matters for this set: start the clock from now.
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
      setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'True', FOUND_NEW_RS_REASON,
        `Found new replica set "${rsCopy.metadata?.name}"`, dc.now()));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(dc, d);
    return rsCopy;
  }
  if (!createIfNotExisted) return undefined;

  const template = clone(d.spec!.template!);
  const hash = computeHash(template, d.status.collisionCount);
  const labels = { ...(d.spec?.template?.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  template.metadata = { ...template.metadata, labels };
  const sel = d.spec!.selector!;
  const selector = { ...sel, matchLabels: { ...(sel.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `${d.metadata?.name}-${hash}`, namespace: d.metadata?.namespace, labels: { ...labels },
      ownerReferences: [newControllerRef(d, CONTROLLER_KIND)] },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec?.minReadySeconds) newRS.spec!.minReadySeconds = d.spec.minReadySeconds;
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec!.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, MAX_REV_HISTORY_LENGTH_IN_CHARS);

  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = dc.client.create<ReplicaSet>(R.replicasets, newRS);
  } catch (e) {
    if (isAlreadyExists(e)) {
      alreadyExists = true;
      const rs = dc.rsLister.get(newRS.metadata!.namespace, newRS.metadata!.name!);
      if (!rs) throw e;
      const ref = rs.metadata?.ownerReferences?.find((r) => r.controller);
      if (ref && ref.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
        created = rs;
      } else {
        // A hash collision: bump collisionCount so the next sync computes another name.
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        try {
          updateDeploymentStatus(dc, d);
        } catch {
          // the requeue retries
        }
        throw e;
      }
    } else if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) {
      throw e;
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata!.name}": ${(e as Error).message}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, msg, dc.now()));
        try {
          updateDeploymentStatus(dc, d);
        } catch {
          // best effort, as upstream
        }
      }
      recordEvent(dc, d, 'Warning', FAILED_RS_CREATE_REASON, msg);
      throw e;
    }
  }
  if (!alreadyExists && newReplicasCount > 0) {
    recordEvent(dc, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata?.name} from 0 to ${newReplicasCount}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'True', NEW_REPLICA_SET_REASON,
      `Created new replica set "${created.metadata?.name}"`, dc.now()));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(dc, d);
  return created;
}

/**
 * scale: brings the sets to spec.replicas. One active set takes it all; a saturated new set leaves
 * the old ones at 0; otherwise (a rolling update in progress) the difference is shared out in
 * proportion to each set's size, the leftover going to the largest (newest on a scale-up, oldest on
 * a scale-down). Example: 10 replicas, surge 3, sets 8 (old) + 5 (new) = 13; scaling to 20 (surge 5)
 * allows 25, so +12 split by size: old gets round(8*25/13)-8 = 7, new 5 (+ leftover 0).
 */
export function scale(dc: DeploymentSyncContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === specReplicas(d)) return;
    scaleReplicaSetAndRecordEvent(dc, activeOrLatest, specReplicas(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(dc, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - replicaCount(allRSs);
  let op = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    op = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata!.name!, specReplicas(rs) + p);
      added += p;
    } else sizes.set(rs.metadata!.name!, specReplicas(rs));
  }
  allRSs.forEach((rs, i) => {
    const name = rs.metadata!.name!;
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, sizes.get(name)! + toAdd - added));
    scaleReplicaSet(dc, rs, sizes.get(name)!, d, op);
  });
}

/** scaleReplicaSetAndRecordEvent: "up" or "down" from the current size. Returns [scaled, the set as written]. */
export function scaleReplicaSetAndRecordEvent(dc: DeploymentSyncContext, rs: ReplicaSet, newScale: number, d: Deployment): [boolean, ReplicaSet] {
  if (specReplicas(rs) === newScale) return [false, rs];
  return scaleReplicaSet(dc, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
}

/** scaleReplicaSet: writes replicas and the replicas annotations; records ScalingReplicaSet when the size changed. */
export function scaleReplicaSet(dc: DeploymentSyncContext, rs: ReplicaSet, newScale: number, d: Deployment, op: string): [boolean, ReplicaSet] {
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  const max = specReplicas(d) + maxSurge(d);
  const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, specReplicas(d), max);
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return [false, rs];
  const oldScale = specReplicas(rs);
  const copy = clone(rs) as ReplicaSet;
  copy.spec = { ...copy.spec!, replicas: newScale };
  setReplicasAnnotations(copy, specReplicas(d), max);
  const updated = dc.client.update<ReplicaSet>(R.replicasets, copy);
  if (sizeNeedsUpdate) {
    recordEvent(dc, d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${updated.metadata?.name} from ${oldScale} to ${newScale}`);
  }
  return [sizeNeedsUpdate, updated];
}

/** cleanupDeployment: deletes the oldest idle sets beyond revisionHistoryLimit. */
export function cleanupDeployment(dc: DeploymentSyncContext, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => rs && !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    // Only sets that are scaled down, empty, and whose last scale-down the ReplicaSet controller saw.
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0
      || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata?.deletionTimestamp) continue;
    try {
      dc.client.delete(R.replicasets, rs.metadata?.namespace, rs.metadata?.name ?? '');
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

/** syncDeploymentStatus: writes calculateStatus when it differs. */
export function syncDeploymentStatus(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const status = calculateStatus(dc, allRSs, newRS, d);
  if (deepEqual(wireDeploymentStatus(d.status ?? {}), status)) return;
  d.status = status;
  updateDeploymentStatus(dc, d);
}

/**
 * calculateStatus: the counts from the sets, and the Available condition: True
 * (MinimumReplicasAvailable) once available >= replicas - maxUnavailable.
 */
export function calculateStatus(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined,
  d: Deployment): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const total = replicaCount(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  };
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', MINIMUM_REPLICAS_AVAILABLE,
      'Deployment has minimum availability.', dc.now()));
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE,
      'Deployment does not have minimum availability.', dc.now()));
  }
  return wireDeploymentStatus(status);
}

/** isScalingEvent: an active set's desired-replicas annotation disagrees with spec.replicas. */
export function isScalingEvent(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    if (desired === undefined) continue;
    if (desired !== specReplicas(d)) return true;
  }
  return false;
}
