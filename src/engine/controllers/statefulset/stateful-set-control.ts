// The StatefulSet update loop: revisions, then pods in ordinal order (OrderedReady) or all at once
// (Parallel), scale-down from the highest ordinal, rolling update from the highest ordinal down to
// the partition, then the status. Models pkg/controller/statefulset/stateful_set_control.go
// (UpdateStatefulSet, performUpdate, getStatefulSetRevisions, processReplica, processCondemned,
// runForAll, updateStatefulSet, updateStatus, truncateHistory) and stateful_set_status_updater.go.
import type { ControllerRevision, Pod, StatefulSet } from '../../api';
import { isConflict, isNotFound } from '../../api';
import { R, type Client } from '../../client';
import type { Clock } from '../../clock';
import { createControllerRevision, equalRevision, findEqualRevisions, nextRevision, sortControllerRevisions,
  updateControllerRevision } from '../shared';
import type { StatefulPodControl } from './stateful-pod-control';
import {
  applyRevision, completeRollingUpdate, endOrdinal, getOrdinal, getPodRevision, identityMatches, inconsistentStatus, isCreated,
  isHealthy, isRunningAndAvailable, isRunningAndReady, isTerminating, newRevision, newVersionedStatefulSetPod, podInOrdinalRange,
  startOrdinal, storageMatches,
} from './stateful-set-utils';

type Status = NonNullable<StatefulSet['status']>;

/** What the update loop works with. */
export interface StatefulSetControlDeps {
  client: Client;
  podControl: StatefulPodControl;
  clock: Clock;
}

/** MaxBatchSize: at most this many pods in one slow-start batch (Parallel). */
export const MAX_BATCH_SIZE = 500;

/** updateStatus: counts replicas, ready, available, current and updated pods over the lists. */
function countReplicas(status: Status, minReadySeconds: number, now: number, current: string, update: string, ...lists: (Pod | undefined)[][]): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const list of lists) {
    for (const pod of list) {
      if (!pod) continue;
      if (isCreated(pod)) status.replicas++;
      if (isRunningAndReady(pod)) {
        status.readyReplicas++;
        if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        if (getPodRevision(pod) === current) status.currentReplicas++;
        if (getPodRevision(pod) === update) status.updatedReplicas++;
      }
    }
  }
}

/**
 * runForAll: OrderedReady stops at the first pod that blocks; Parallel tries every pod, in
 * slow-start batches of 1, 2, 4 … up to 500, stopping after a batch with errors.
 */
function runForAll(n: number, fn: (i: number) => boolean, monotonic: boolean): boolean {
  if (monotonic) {
    for (let i = 0; i < n; i++) if (fn(i)) return true;
    return false;
  }
  let j = 0;
  let remaining = n;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(Math.min(2 * batch, remaining), MAX_BATCH_SIZE)) {
    let firstErr: unknown;
    for (let k = 0; k < batch; k++, j++) {
      try {
        fn(j);
      } catch (e) {
        firstErr ??= e;
      }
    }
    if (firstErr) throw firstErr;
    remaining -= batch;
  }
  return false;
}

/** The default StatefulSet control. */
export class StatefulSetControl {
  constructor(private readonly deps: StatefulSetControlDeps) {}

  /** UpdateStatefulSet: returns the status written (or computed), throws the first error. */
  updateStatefulSet(setIn: StatefulSet, pods: readonly Pod[], revisionsIn: readonly ControllerRevision[]): Status | undefined {
    const set: StatefulSet = structuredClone(setIn);
    const revisions = sortControllerRevisions([...revisionsIn]);
    const { current, update, collisionCount } = this.getStatefulSetRevisions(set, revisions);
    let status: Status | undefined;
    let err: unknown;
    try {
      status = this.update(set, current, update, collisionCount, pods);
    } catch (e) {
      err = e;
      status = (e as { status?: Status }).status;
    }
    if (status) {
      try {
        this.updateStatefulSetStatus(set, status);
      } catch (e) {
        err ??= e;
      }
    }
    this.truncateHistory(set, pods, revisions, current, update);
    if (err) throw err;
    return status;
  }

  /** getStatefulSetRevisions: the current revision and the (possibly new or rolled-back-to) update revision. */
  private getStatefulSetRevisions(set: StatefulSet, revisions: ControllerRevision[]):
    { current: ControllerRevision; update: ControllerRevision; collisionCount: number } {
    let collisionCount = set.status?.collisionCount ?? 0;
    let update = newRevision(set, nextRevision(revisions), collisionCount);
    const equal = findEqualRevisions(revisions, update);
    if (equal.length && equalRevision(revisions[revisions.length - 1], equal[equal.length - 1])) {
      update = revisions[revisions.length - 1];
    } else if (equal.length) {
      // Rolling back to an older template: that revision gets the next number.
      update = updateControllerRevision(this.deps.client, equal[equal.length - 1], update.revision);
    } else {
      const r = createControllerRevision(this.deps.client, set, update, collisionCount);
      update = r.revision;
      collisionCount = r.collisionCount;
    }
    const current = revisions.find((r) => r.metadata?.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount };
  }

  /** processReplica: returns true when the loop must stop (OrderedReady waits on this pod). */
  private processReplica(set: StatefulSet, updateSet: StatefulSet, monotonic: boolean, replicas: Pod[], i: number): boolean {
    const pc = this.deps.podControl;
    const pod = replicas[i];
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
      // Whatever the exit code, a finished member is replaced; the next sync creates it anew.
      if (!pod.metadata?.deletionTimestamp) pc.deleteStatefulPod(set, pod);
      return true;
    }
    if (!isCreated(pod)) {
      if (pc.podClaimIsStale(set, pod)) return true; // wait for the old claim to be deleted
      pc.createStatefulPod(set, pod);
      if (monotonic) return true;
    }
    if (phase === 'Pending') pc.createMissingPersistentVolumeClaims(set, pod);
    if (isTerminating(pod) && monotonic) return true;
    if (!isRunningAndReady(pod) && monotonic) return true;
    if (!isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, this.deps.clock.now()) && monotonic) return true;
    let retentionMatch = true;
    try {
      retentionMatch = pc.claimsMatchRetentionPolicy(updateSet, pod);
    } catch {
      retentionMatch = true;
    }
    if (identityMatches(set, pod) && storageMatches(set, pod) && retentionMatch) return false;
    pc.updateStatefulPod(updateSet, pod);
    return false;
  }

  /** processCondemned: scale down from the highest ordinal, one healthy pod at a time (OrderedReady). */
  private processCondemned(set: StatefulSet, firstUnhealthy: Pod | undefined, monotonic: boolean, condemned: Pod[], i: number): boolean {
    const pod = condemned[i];
    if (isTerminating(pod)) return monotonic;
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthy) return true;
    if (!isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, this.deps.clock.now()) && monotonic && pod !== firstUnhealthy) return true;
    this.deps.podControl.deleteStatefulPod(set, pod);
    return true;
  }

  /** updateStatefulSet: the core loop. Throws an error carrying the status computed so far. */
  private update(set: StatefulSet, currentRev: ControllerRevision, updateRev: ControllerRevision, collisionCount: number,
    pods: readonly Pod[]): Status {
    const now = this.deps.clock.now();
    const currentSet = applyRevision(set, currentRev.data);
    const updateSet = applyRevision(set, updateRev.data);
    const cur = currentRev.metadata!.name!;
    const upd = updateRev.metadata!.name!;
    const minReady = set.spec?.minReadySeconds ?? 0;
    const status: Status = { replicas: 0, observedGeneration: set.metadata?.generation, currentRevision: cur, updateRevision: upd, collisionCount };
    countReplicas(status, minReady, now, cur, upd, [...pods]);

    const start = startOrdinal(set);
    const replicaCount = set.spec?.replicas ?? 1;
    const replicas: Pod[] = new Array(replicaCount);
    const condemned: Pod[] = [];
    for (const pod of pods) {
      if (podInOrdinalRange(pod, set)) replicas[getOrdinal(pod) - start] = pod;
      else if (getOrdinal(pod) >= 0) condemned.push(pod);
    }
    for (let ord = start; ord <= endOrdinal(set); ord++) {
      if (!replicas[ord - start]) replicas[ord - start] = newVersionedStatefulSetPod(currentSet, updateSet, cur, upd, ord);
    }
    condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
    let firstUnhealthy: Pod | undefined = replicas.find((p) => !isHealthy(p));
    for (let i = condemned.length - 1; i >= 0 && !firstUnhealthy; i--) if (!isHealthy(condemned[i])) firstUnhealthy = condemned[i];
    if (set.metadata?.deletionTimestamp) return status;

    const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
    const recount = () => countReplicas(status, minReady, now, cur, upd, replicas, condemned);
    const guard = (fn: () => boolean): boolean => {
      try {
        return fn();
      } catch (e) {
        recount();
        throw Object.assign(e as Error, { status });
      }
    };
    if (guard(() => runForAll(replicas.length, (i) => this.processReplica(set, updateSet, monotonic, replicas, i), monotonic))) {
      recount();
      return status;
    }
    // Condemned pods' claims get their owner references for the scale-down policy.
    if (guard(() => runForAll(condemned.length, (i) => {
      if (!this.deps.podControl.claimsMatchRetentionPolicy(updateSet, condemned[i])) {
        this.deps.podControl.updatePodClaimForRetentionPolicy(updateSet, condemned[i]);
      }
      return false;
    }, monotonic))) {
      recount();
      return status;
    }
    if (guard(() => runForAll(condemned.length, (i) => this.processCondemned(set, firstUnhealthy, monotonic, condemned, i), monotonic))) {
      recount();
      return status;
    }
    recount();
    if (set.spec?.updateStrategy?.type === 'OnDelete') return status;

    // Rolling update: the highest ordinal not at the update revision goes first, down to the partition.
    const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= updateMin; target--) {
      const pod = replicas[target];
      if (getPodRevision(pod) !== upd && !isTerminating(pod)) {
        try {
          this.deps.podControl.deleteStatefulPod(set, pod);
        } catch (e) {
          if (!isNotFound(e)) throw Object.assign(e as Error, { status });
        }
        status.currentReplicas = (status.currentReplicas ?? 0) - 1;
        return status;
      }
      if (!isHealthy(pod)) return status;
    }
    return status;
  }

  /** updateStatefulSetStatus (with the status updater's retry on conflict). */
  private updateStatefulSetStatus(set: StatefulSet, status: Status): void {
    completeRollingUpdate(set, status);
    if (!inconsistentStatus(set, status)) return;
    let target: StatefulSet = structuredClone(set);
    for (let attempt = 0; ; attempt++) {
      target.status = { ...target.status, ...status, replicas: status.replicas };
      for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'observedGeneration'] as const) {
        if (!target.status[k]) delete target.status[k];
      }
      try {
        this.deps.client.updateStatus(R.statefulsets, target);
        return;
      } catch (e) {
        if (!isConflict(e) || attempt >= 4) throw e;
        target = structuredClone(this.deps.client.get<StatefulSet>(R.statefulsets, set.metadata?.namespace, set.metadata!.name!));
      }
    }
  }

  /**
   * truncateHistory: revisions not in use (current, update, or any pod's) beyond
   * revisionHistoryLimit are deleted, oldest first.
   */
  private truncateHistory(set: StatefulSet, pods: readonly Pod[], revisions: readonly ControllerRevision[], current: ControllerRevision,
    update: ControllerRevision): void {
    const live = new Set([current.metadata?.name, update.metadata?.name, ...pods.map(getPodRevision)]);
    const history = revisions.filter((r) => !live.has(r.metadata?.name));
    const limit = set.spec?.revisionHistoryLimit ?? 10;
    for (const r of history.slice(0, Math.max(0, history.length - limit))) {
      try {
        this.deps.client.delete(R.controllerrevisions, r.metadata?.namespace, r.metadata!.name!);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }
}
