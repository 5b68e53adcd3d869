// A ReplicaSet's status from its pods. Models pkg/controller/replicaset/replica_set_utils.go
// (calculateStatus, updateReplicaSetStatus, NewReplicaSetCondition, SetCondition, RemoveCondition).
import type { Pod, ReplicaSet } from '../../api';
import { deepEqual, selectorFromSet } from '../../api';
import { R, type Client, type ResourceRef } from '../../client';
import { rfc3339, type SimMillis } from '../../clock';
import { isPodAvailable, isPodReady, specReplicas } from '../shared';

type RSStatus = NonNullable<ReplicaSet['status']>;
type RSCondition = NonNullable<RSStatus['conditions']>[number];

/** statusUpdateRetries: one GET and retry after a failed status update. */
export const STATUS_UPDATE_RETRIES = 1;

/** The ReplicaFailure condition type. */
export const REPLICA_FAILURE = 'ReplicaFailure';

/** NewReplicaSetCondition. */
export function newReplicaSetCondition(type: string, status: string, reason: string, message: string, now: SimMillis): RSCondition {
  return { type, status, lastTransitionTime: rfc3339(now), reason, message };
}

/** GetCondition. */
export function getCondition(status: RSStatus | undefined, type: string): RSCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetCondition: replaces the condition unless it has the same status and reason. */
export function setCondition(status: RSStatus, c: RSCondition): void {
  const cur = getCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c];
}

/** RemoveCondition. */
export function removeCondition(status: RSStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((x) => x.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

/**
 * The status in Go's JSON shape: `replicas` is always written; the other counts, observedGeneration
 * and conditions are omitempty.
 */
export function wireStatus(s: RSStatus): RSStatus {
  const out: RSStatus = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions?.length) out.conditions = s.conditions;
  return out;
}

/**
 * calculateStatus: counts of the claimed active pods; a ReplicaFailure condition while creating or
 * deleting pods fails (FailedCreate when short of pods, FailedDelete when over), removed once it works.
 */
export function calculateStatus(rs: ReplicaSet, filteredPods: readonly Pod[], manageReplicasErr: Error | undefined, now: SimMillis): RSStatus {
  const status: RSStatus = { ...(rs.status ?? { replicas: 0 }) };
  if (rs.status?.conditions) status.conditions = [...rs.status.conditions];
  const templateLabels = selectorFromSet(rs.spec?.template?.metadata?.labels ?? {});
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of filteredPods) {
    if (templateLabels.matches(pod.metadata?.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const failure = getCondition(rs.status, REPLICA_FAILURE);
  if (manageReplicasErr && !failure) {
    const diff = filteredPods.length - specReplicas(rs);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    setCondition(status, newReplicaSetCondition(REPLICA_FAILURE, 'True', reason, manageReplicasErr.message, now));
  } else if (!manageReplicasErr && failure) {
    removeCondition(status, REPLICA_FAILURE);
  }
  status.replicas = filteredPods.length;
  status.fullyLabeledReplicas = fullyLabeled;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  return wireStatus(status);
}

/**
 * updateReplicaSetStatus: writes the status (with observedGeneration) unless nothing changed;
 * on failure re-reads the ReplicaSet once and retries. Returns the ReplicaSet as stored.
 */
export function updateReplicaSetStatus(client: Client, rs: ReplicaSet, newStatus: RSStatus, resource: ResourceRef = R.replicasets): ReplicaSet {
  const s = rs.status ?? { replicas: 0 };
  const gen = rs.metadata?.generation ?? 0;
  if ((s.replicas ?? 0) === (newStatus.replicas ?? 0)
    && (s.fullyLabeledReplicas ?? 0) === (newStatus.fullyLabeledReplicas ?? 0)
    && (s.readyReplicas ?? 0) === (newStatus.readyReplicas ?? 0)
    && (s.availableReplicas ?? 0) === (newStatus.availableReplicas ?? 0)
    && gen === (s.observedGeneration ?? 0)
    && deepEqual(s.conditions ?? [], newStatus.conditions ?? [])) {
    return rs;
  }
  const status = wireStatus({ ...newStatus, observedGeneration: gen });
  let cur = rs;
  for (let i = 0; ; i++) {
    try {
      return client.updateStatus<ReplicaSet>(resource, { ...cur, status });
    } catch (e) {
      if (i >= STATUS_UPDATE_RETRIES) throw e;
      cur = client.get<ReplicaSet>(resource, rs.metadata?.namespace, rs.metadata?.name ?? '');
    }
  }
}
