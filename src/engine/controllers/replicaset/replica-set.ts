// The ReplicaSet controller: keeps spec.replicas pods running for every ReplicaSet.
// Models pkg/controller/replicaset/replica_set.go (ReplicaSetController: event handlers,
// syncReplicaSet, claimPods, getIndirectlyRelatedPods).
import type { KubeObject, OwnerReference, Pod, ReplicaSet } from '../../api';
import { controllerOf, deepEqual, labelSelectorAsSelector, splitKey, type Selector } from '../../api';
import { R, WorkQueue, type Client, type Informer, type ResourceRef } from '../../client';
import type { Clock } from '../../clock';
import {
  CONTROLLER_UID_INDEX, ControllerRefManager, Expectations, type PodControl, controllerUIDIndexFunc, filterActivePods,
  isPodReady, keyFunc, newControllerRef, ownedOrOrphaned, podKey, recheckDeletionTimestamp, withTypeMeta,
} from '../shared';
import { BURST_REPLICAS, manageReplicas } from './manage-replicas';
import { calculateStatus, updateReplicaSetStatus } from './status';

/** The controller's name (and its events' source component). */
export const NAME = 'replicaset-controller';
/** The kind it manages. */
export const CONTROLLER_KIND = { apiVersion: 'apps/v1', kind: 'ReplicaSet' } as const;

/**
 * The kind a ReplicaSetController manages. ReplicaSets are read as they are; the replication controller
 * runs the same logic on ReplicationControllers through a view in ReplicaSet shape (upstream's
 * informerAdapter and conversion: the selector map becomes matchLabels), writing status to its own resource.
 */
export interface ManagedKind {
  controllerKind: { apiVersion: string; kind: string };
  resource: ResourceRef;
  /** The work queue's name. */
  queueName: string;
  /** The object in ReplicaSet shape (same metadata and status). */
  view(o: KubeObject): ReplicaSet;
}

/** ReplicaSets themselves. */
export const REPLICA_SET_KIND: ManagedKind = {
  controllerKind: CONTROLLER_KIND, resource: R.replicasets, queueName: 'replicaset', view: (o) => o as ReplicaSet,
};

/** What the controller is built from. */
export interface ReplicaSetControllerDeps {
  /** The informer of the managed kind (ReplicaSets, or ReplicationControllers with `kind`). */
  rs: Informer<ReplicaSet>;
  pods: Informer<Pod>;
  client: Client;
  podControl: PodControl;
  clock: Clock;
  burstReplicas?: number;
  /** The managed kind; ReplicaSets when absent. */
  kind?: ManagedKind;
}

/** The ReplicaSet controller. */
export class ReplicaSetController {
  readonly queue: WorkQueue<string>;
  readonly expectations: Expectations;
  private readonly burstReplicas: number;
  private readonly kind: ManagedKind;
  /** Replaced in tests to observe which keys get synced. */
  syncHandler = (key: string): void => this.sync(key);

  constructor(private readonly deps: ReplicaSetControllerDeps) {
    this.burstReplicas = deps.burstReplicas ?? BURST_REPLICAS;
    this.kind = deps.kind ?? REPLICA_SET_KIND;
    this.expectations = new Expectations(deps.clock);
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: this.kind.queueName, process: (k) => this.syncHandler(k) });
    deps.rs.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.pods.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.rs.onEvent({
      add: (rs) => this.queue.add(keyFunc(rs)),
      update: (old, cur) => {
        if (old.metadata?.uid !== cur.metadata?.uid) this.deleteRS(old);
        this.queue.add(keyFunc(cur));
      },
      delete: (rs) => this.deleteRS(rs),
    });
    deps.pods.onEvent({ add: (p) => this.addPod(p), update: (o, c) => this.updatePod(o, c), delete: (p) => this.deletePod(p) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  private deleteRS(rs: ReplicaSet): void {
    const key = keyFunc(rs);
    // A new ReplicaSet of the same name must start without the old one's expectations.
    this.expectations.delete(key);
    this.queue.add(key);
  }

  /** resolveControllerRef: the ReplicaSet a ControllerRef points at, if it is still that object. */
  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): ReplicaSet | undefined {
    if (ref.kind !== this.kind.controllerKind.kind) return undefined;
    const rs = this.deps.rs.lister.get(namespace, ref.name);
    return rs && rs.metadata?.uid === ref.uid ? this.kind.view(rs) : undefined;
  }

  /** getPodReplicaSets: ReplicaSets whose selector matches an orphan pod's labels. */
  private podReplicaSets(pod: Pod): ReplicaSet[] {
    if (!pod.metadata?.labels) return [];
    return this.deps.rs.lister.list(pod.metadata.namespace).map((o) => this.kind.view(o)).filter((rs) => {
      let sel: Selector;
      try {
        sel = labelSelectorAsSelector(rs.spec?.selector);
      } catch {
        return false;
      }
      return !sel.empty() && sel.matches(pod.metadata?.labels);
    });
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      // Seen already being deleted (a controller-manager restart): not a creation.
      this.deletePod(pod);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata?.namespace, ref);
      if (!rs) return;
      const key = keyFunc(rs);
      this.expectations.creationObserved(key);
      this.queue.add(key);
      return;
    }
    // An orphan: wake every matching ReplicaSet so one may adopt it. No creation is observed.
    for (const rs of this.podReplicaSets(pod)) this.queue.add(keyFunc(rs));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return;
    const labelChanged = !deepEqual(old.metadata?.labels, cur.metadata?.labels);
    if (cur.metadata?.deletionTimestamp) {
      // A graceful deletion starts: replace the pod now rather than when the kubelet removes it.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata?.namespace, oldRef);
      if (rs) this.queue.add(keyFunc(rs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cur.metadata?.namespace, curRef);
      if (!rs) return;
      this.queue.add(keyFunc(rs));
      // Availability needs minReadySeconds to pass after readiness: look again then (plus a second of skew).
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyFunc(rs), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.podReplicaSets(cur)) this.queue.add(keyFunc(rs));
  }

  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata?.namespace, ref);
    if (!rs) return;
    const key = keyFunc(rs);
    this.expectations.deletionObserved(key, podKey(pod));
    this.queue.add(key);
  }

  /** getIndirectlyRelatedPods: pods of every ReplicaSet with the same controller as this one. */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const ref = controllerOf(rs);
    if (!ref) return [];
    const seen = new Set<string>();
    const out: Pod[] = [];
    for (const related of this.deps.rs.lister.byIndex(CONTROLLER_UID_INDEX, ref.uid)) {
      for (const p of this.deps.pods.lister.byIndex(CONTROLLER_UID_INDEX, related.metadata?.uid ?? '')) {
        const uid = p.metadata?.uid ?? '';
        if (seen.has(uid)) continue;
        seen.add(uid);
        out.push(p);
      }
    }
    return out;
  }

  /** claimPods: adopt matching orphans, release owned pods that stopped matching. */
  private claimPods(rs: ReplicaSet, selector: Selector, pods: readonly Pod[]): Pod[] {
    const { client } = this.deps;
    const m = rs.metadata ?? {};
    const manager = new ControllerRefManager({
      controller: rs, selector, controllerKind: this.kind.controllerKind, dependentKind: 'Pod',
      canAdopt: recheckDeletionTimestamp(() => client.get(this.kind.resource, m.namespace, m.name ?? ''), rs, this.kind.controllerKind.kind),
      patch: (ns, name, p) => this.deps.podControl.patchPod(ns, name, p),
    });
    return manager.claim(pods);
  }

  /**
   * syncReplicaSet: claim pods, create or delete pods when the expectations are met, then write the
   * status. Level-triggered: correct from the current caches alone.
   */
  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const stored = this.deps.rs.lister.get(namespace, name);
    if (!stored) {
      this.expectations.delete(key);
      return;
    }
    const rs = this.kind.view(stored);
    const needsSync = this.expectations.satisfied(key);
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(rs.spec?.selector);
    } catch {
      return; // an invalid selector never matches: nothing to do (upstream logs it)
    }
    const candidates = ownedOrOrphaned(this.deps.pods.lister, namespace, rs.metadata?.uid ?? '');
    const filteredPods = this.claimPods(rs, selector, filterActivePods(candidates));

    let manageErr: Error | undefined;
    if (needsSync && !rs.metadata?.deletionTimestamp) {
      const { apiVersion, kind } = this.kind.controllerKind;
      const typed = withTypeMeta(rs, apiVersion, kind);
      try {
        manageReplicas({
          podControl: this.deps.podControl, expectations: this.expectations, burstReplicas: this.burstReplicas,
          now: () => this.deps.clock.now(), typed, controllerRef: newControllerRef(rs as KubeObject, this.kind.controllerKind),
          relatedPods: () => this.relatedPods(rs),
        }, filteredPods, rs);
      } catch (e) {
        manageErr = e as Error;
      }
    }
    const status = calculateStatus(rs, filteredPods, manageErr, this.deps.clock.now());
    // The status goes to the stored object (its own selector form), through its own resource.
    const updated = this.kind.view(updateReplicaSetStatus(this.deps.client, stored, status, this.kind.resource));
    // Resync after minReadySeconds as a last line of defence against missed readiness updates.
    const minReady = updated.spec?.minReadySeconds ?? 0;
    const want = updated.spec?.replicas ?? 0;
    if (!manageErr && minReady > 0 && (updated.status?.readyReplicas ?? 0) === want && (updated.status?.availableReplicas ?? 0) !== want) {
      this.queue.addAfter(key, minReady * 1000);
    }
    if (manageErr) throw manageErr;
  }
}
