// Creating and deleting a ReplicaSet's pods. Models pkg/controller/replicaset/replica_set.go
// (manageReplicas, slowStartBatch, getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode).
import type { OwnerReference, Pod, ReplicaSet } from '../../api';
import { isNotFound } from '../../api';
import type { SimMillis } from '../../clock';
import {
  type Expectations, type PodControl, type RankedPod, NAMESPACE_TERMINATING_CAUSE, hasStatusCause, isPodActive,
  keyFunc, podKey, sortPodsForDeletion, specReplicas,
} from '../shared';

/** BurstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * slowStartBatch: calls fn `count` times in batches of 1, 2, 4, 8 … Upstream runs a batch
 * concurrently, so every call of a failing batch is made; the batches after it are skipped.
 * Returns the successes and the first error.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => void): { successes: number; err?: Error } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstErr: Error | undefined;
    for (let i = 0; i < batch; i++) {
      try {
        fn();
        successes++;
      } catch (e) {
        firstErr ??= e as Error;
      }
    }
    if (firstErr) return { successes, err: firstErr };
    remaining -= batch;
  }
  return { successes };
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods (of
 * any ReplicaSet of the same Deployment) on its node, so a scale-down spreads what remains.
 */
export function rankPods(podsToRank: readonly Pod[], relatedPods: readonly Pod[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  return podsToRank.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/** getPodsToDelete: the `diff` pods to delete first (all of them when diff covers every pod). */
export function getPodsToDelete(filteredPods: readonly Pod[], relatedPods: readonly Pod[], diff: number, now: SimMillis): Pod[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  return sortPodsForDeletion(rankPods(filteredPods, relatedPods), now).slice(0, diff).map((r) => r.pod);
}

/** What manageReplicas needs. */
export interface ManageReplicasDeps {
  podControl: PodControl;
  expectations: Expectations;
  burstReplicas: number;
  now(): SimMillis;
  /** The ReplicaSet with apiVersion/kind set (it receives the events). */
  typed: ReplicaSet;
  controllerRef: OwnerReference;
  /** Pods of the ReplicaSets with the same controller (for ranking), only read when scaling down. */
  relatedPods(): Pod[];
}

/**
 * manageReplicas: creates or deletes pods to reach spec.replicas, at most burstReplicas per sync,
 * recording expectations first so that the next sync waits for the informer to catch up.
 * Throws the first error (the caller requeues with back-off and sets ReplicaFailure).
 */
export function manageReplicas(deps: ManageReplicasDeps, filteredPods: readonly Pod[], rs: ReplicaSet): void {
  const key = keyFunc(rs);
  const ns = rs.metadata?.namespace ?? '';
  let diff = filteredPods.length - specReplicas(rs);
  if (diff < 0) {
    diff = Math.min(-diff, deps.burstReplicas);
    deps.expectations.expectCreations(key, diff);
    const { successes, err } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => {
      try {
        deps.podControl.createPods(ns, rs.spec!.template!, deps.typed, deps.controllerRef);
      } catch (e) {
        // Creation in a terminating namespace always fails; nothing to do about it.
        if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return;
        throw e;
      }
    });
    // Pods never attempted will never be observed: stop expecting them.
    for (let i = successes; i < diff; i++) deps.expectations.creationObserved(key);
    if (err) throw err;
    return;
  }
  if (diff > 0) {
    diff = Math.min(diff, deps.burstReplicas);
    const podsToDelete = getPodsToDelete(filteredPods, diff < filteredPods.length ? deps.relatedPods() : [], diff, deps.now());
    deps.expectations.expectDeletions(key, podsToDelete.map(podKey));
    let firstErr: Error | undefined;
    for (const pod of podsToDelete) {
      try {
        deps.podControl.deletePod(ns, pod.metadata?.name ?? '', deps.typed);
      } catch (e) {
        // The informer will never see this deletion.
        deps.expectations.deletionObserved(key, podKey(pod));
        if (!isNotFound(e)) firstErr ??= e as Error;
      }
    }
    if (firstErr) throw firstErr;
  }
}
