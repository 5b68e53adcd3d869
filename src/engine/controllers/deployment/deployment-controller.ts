// The Deployment controller: rolls Deployments out through ReplicaSets.
// Models pkg/controller/deployment/deployment_controller.go (handlers, syncDeployment, handleErr,
// getReplicaSetsForDeployment, getPodMapForDeployment).
import type { Deployment, OwnerReference, Pod, ReplicaSet } from '../../api';
import { clone, controllerOf, deepEqual, labelSelectorAsSelector, shallowCopy, splitKey, type Selector } from '../../api';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import type { Clock } from '../../clock';
import {
  CONTROLLER_UID_INDEX, ControllerRefManager, NAMESPACE_TERMINATING_CAUSE, controllerUIDIndexFunc, hasStatusCause, keyFunc,
  ownedOrOrphaned, recheckDeletionTimestamp,
} from '../shared';
import { CONTROLLER_KIND, recordEvent, type DeploymentSyncContext } from './context';
import { rolloutRecreate } from './recreate';
import { getRollbackTo, rollback } from './rollback';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly, updateDeploymentStatus } from './sync';

/** maxRetries: a Deployment failing this many times in a row is dropped until its next change. */
export const MAX_RETRIES = 15;

/** What the controller is built from. */
export interface DeploymentControllerDeps {
  deployments: Informer<Deployment>;
  rs: Informer<ReplicaSet>;
  pods: Informer<Pod>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
}

/** The Deployment controller. */
export class DeploymentController {
  readonly queue: WorkQueue<string>;
  private readonly dc: DeploymentSyncContext;
  /** Replaced in tests to observe which keys get synced. */
  syncHandler = (key: string): void => this.syncDeployment(key);

  constructor(private readonly deps: DeploymentControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'deployment', process: (k) => this.process(k) });
    this.dc = {
      client: deps.client, recorder: deps.recorder, rsLister: deps.rs.lister, now: () => deps.clock.now(),
      enqueueAfter: (d, ms) => this.queue.addAfter(keyFunc(d), ms),
      enqueueRateLimited: (d) => this.queue.addRateLimited(keyFunc(d)),
    };
    deps.rs.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.pods.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    const enqueue = (d: Deployment) => this.queue.add(keyFunc(d));
    deps.deployments.onEvent({ add: enqueue, update: (_o, d) => enqueue(d), delete: enqueue });
    deps.rs.onEvent({ add: (rs) => this.addReplicaSet(rs), update: (o, c) => this.updateReplicaSet(o, c), delete: (rs) => this.deleteReplicaSet(rs) });
    deps.pods.onEvent({ delete: (p) => this.deletePod(p) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  // handleErr: requeue with back-off up to MAX_RETRIES; a terminating namespace is not an error.
  private process(key: string): void {
    try {
      this.syncHandler(key);
    } catch (e) {
      if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return;
      if (this.queue.numRequeues(key) < MAX_RETRIES) throw e;
      // Dropped out of the queue; the next change brings it back.
    }
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Deployment | undefined {
    if (ref.kind !== CONTROLLER_KIND.kind) return undefined;
    const d = this.deps.deployments.lister.get(namespace, ref.name);
    return d && d.metadata?.uid === ref.uid ? d : undefined;
  }

  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan set's labels. */
  private deploymentsForReplicaSet(rs: ReplicaSet): Deployment[] {
    const labels = rs.metadata?.labels;
    if (!labels || Object.keys(labels).length === 0) return [];
    return this.deps.deployments.lister.list(rs.metadata?.namespace).filter((d) => {
      try {
        const sel = labelSelectorAsSelector(d.spec?.selector);
        return !sel.empty() && sel.matches(labels);
      } catch {
        return false;
      }
    });
  }

  private addReplicaSet(rs: ReplicaSet): void {
    if (rs.metadata?.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = controllerOf(rs);
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata?.namespace, ref);
      if (d) this.queue.add(keyFunc(d));
      return;
    }
    for (const d of this.deploymentsForReplicaSet(rs)) this.queue.add(keyFunc(d));
  }

  private updateReplicaSet(old: ReplicaSet, cur: ReplicaSet): void {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata?.namespace, oldRef);
      if (d) this.queue.add(keyFunc(d));
    }
    if (curRef) {
      const d = this.resolveControllerRef(cur.metadata?.namespace, curRef);
      if (d) this.queue.add(keyFunc(d));
      return;
    }
    const labelChanged = !deepEqual(cur.metadata?.labels, old.metadata?.labels);
    if (labelChanged || refChanged) for (const d of this.deploymentsForReplicaSet(cur)) this.queue.add(keyFunc(d));
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    const ref = controllerOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata?.namespace, ref);
    if (d) this.queue.add(keyFunc(d));
  }

  /** deletePod: a Recreate rollout waits for the last old pod to go. */
  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.deps.rs.lister.get(pod.metadata?.namespace, ref.name);
    if (!rs || rs.metadata?.uid !== ref.uid) return;
    const dref = controllerOf(rs);
    const d = dref && this.resolveControllerRef(rs.metadata?.namespace, dref);
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    const rsList = this.ownedReplicaSets(d);
    let n = 0;
    for (const pods of this.podMap(d, rsList).values()) n += pods.length;
    if (n === 0) this.queue.add(keyFunc(d));
  }

  /** The sets a Deployment controls (ListReplicaSets with a ControllerRef filter). */
  private ownedReplicaSets(d: Deployment): ReplicaSet[] {
    return this.deps.rs.lister.byIndex(CONTROLLER_UID_INDEX, d.metadata?.uid ?? '');
  }

  /** getReplicaSetsForDeployment: claim sets (adopt matching orphans, release non-matching). */
  private replicaSetsForDeployment(d: Deployment, selector: Selector): ReplicaSet[] {
    const m = d.metadata ?? {};
    const { client } = this.deps;
    const manager = new ControllerRefManager({
      controller: d, selector, controllerKind: CONTROLLER_KIND, dependentKind: 'ReplicaSet',
      canAdopt: recheckDeletionTimestamp(() => client.get(R.deployments, m.namespace, m.name ?? ''), d, 'Deployment'),
      patch: (ns, name, p) => client.patch(R.replicasets, ns, name, 'application/strategic-merge-patch+json', p),
    });
    return manager.claim(ownedOrOrphaned(this.deps.rs.lister, m.namespace ?? '', m.uid ?? ''));
  }

  /** getPodMapForDeployment: pods (any phase) by the UID of the set that controls them. */
  private podMap(d: Deployment, rsList: readonly ReplicaSet[]): Map<string, Pod[]> {
    let sel: Selector;
    try {
      sel = labelSelectorAsSelector(d.spec?.selector);
    } catch {
      return new Map();
    }
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) {
      const uid = rs.metadata?.uid ?? '';
      map.set(uid, this.deps.pods.lister.byIndex(CONTROLLER_UID_INDEX, uid).filter((p) => sel.matches(p.metadata?.labels)));
    }
    return map;
  }

  /**
   * syncDeployment: in priority order — status only while being deleted; paused (scale only);
   * rollback requested; a scaling event; else the strategy's rollout.
   */
  syncDeployment(key: string): void {
    const { namespace, name } = splitKey(key);
    const cached = this.deps.deployments.lister.get(namespace, name);
    if (!cached) return;
    // DeepCopy, of what the sync edits in place: metadata's fields and status. The rest (spec, the
    // annotations' and labels' maps) is only ever replaced whole, so it stays shared with the cache.
    const d = shallowCopy(cached) as Deployment;
    if (cached.metadata) d.metadata = shallowCopy(cached.metadata);
    if (cached.status) d.status = clone(cached.status);
    const sel = d.spec?.selector;
    // reflect.DeepEqual(selector, &metav1.LabelSelector{}): a selector with neither field at all.
    if (sel && sel.matchLabels === undefined && sel.matchExpressions === undefined) {
      recordEvent(this.dc, d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata?.generation };
        try {
          updateDeploymentStatus(this.dc, d);
        } catch {
          // upstream ignores this error
        }
      }
      return;
    }
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(sel);
    } catch (e) {
      throw new Error(`deployment ${namespace}/${name} has invalid label selector: ${(e as Error).message}`, { cause: e });
    }
    const rsList = this.replicaSetsForDeployment(d, selector);
    const podMap = this.podMap(d, rsList);
    if (d.metadata?.deletionTimestamp) return syncStatusOnly(this.dc, d, rsList);
    checkPausedConditions(this.dc, d);
    if (d.spec?.paused) return sync(this.dc, d, rsList, getRollbackTo(d) !== undefined);
    // A rollback in flight must finish (and clear its annotation) before anything else moves.
    if (getRollbackTo(d) !== undefined) return rollback(this.dc, d, rsList);
    if (isScalingEvent(this.dc, d, rsList)) return sync(this.dc, d, rsList, false);
    switch (d.spec?.strategy?.type) {
      case 'Recreate': return rolloutRecreate(this.dc, d, rsList, podMap);
      case 'RollingUpdate': return rolloutRolling(this.dc, d, rsList);
    }
    throw new Error(`unexpected deployment strategy type: ${d.spec?.strategy?.type}`);
  }
}
