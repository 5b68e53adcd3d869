// The StatefulSet controller: stable names (<set>-<ordinal>), stable storage (<claim>-<set>-<ordinal>),
// ordered creation and deletion. Models pkg/controller/statefulset/stateful_set.go
// (StatefulSetController: event handlers, sync, adoptOrphanRevisions, getPodsForStatefulSet,
// getStatefulSetsForPod, syncStatefulSet).
import type { ControllerRevision, KubeObject, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api';
import { controllerOf, deepEqual, labelSelectorAsSelector, splitKey, type Selector } from '../../api';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import type { Clock } from '../../clock';
import {
  CONTROLLER_UID_INDEX, ControllerRefManager, controllerUIDIndexFunc, isPodReady, keyFunc, ownedOrOrphaned, recheckDeletionTimestamp,
  withTypeMeta,
} from '../shared';
import { StatefulPodControl } from './stateful-pod-control';
import { StatefulSetControl } from './stateful-set-control';
import { CONTROLLER_KIND, isMemberOf } from './stateful-set-utils';

/** The controller's name (and its events' source component). */
export const NAME = 'statefulset-controller';

/** What the controller is built from. */
export interface StatefulSetControllerDeps {
  sets: Informer<StatefulSet>;
  pods: Informer<Pod>;
  pvcs: Informer<PersistentVolumeClaim>;
  revisions: Informer<ControllerRevision>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
}

/** The StatefulSet controller. */
export class StatefulSetController {
  readonly queue: WorkQueue<string>;
  readonly control: StatefulSetControl;
  private readonly podControl: StatefulPodControl;
  /** Replaced in tests to observe which keys get synced. */
  syncHandler = (key: string): void => this.sync(key);

  constructor(private readonly deps: StatefulSetControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'statefulset', process: (k) => this.syncHandler(k) });
    this.podControl = new StatefulPodControl(deps.client, deps.pvcs, deps.recorder);
    this.control = new StatefulSetControl({ client: deps.client, podControl: this.podControl, clock: deps.clock });
    deps.pods.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.revisions.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.sets.onEvent({
      add: (s) => this.queue.add(keyFunc(s)),
      update: (_o, s) => this.queue.add(keyFunc(s)),
      delete: (s) => this.queue.add(keyFunc(s)),
    });
    deps.pods.onEvent({ add: (p) => this.addPod(p), update: (o, c) => this.updatePod(o, c), delete: (p) => this.deletePod(p) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): StatefulSet | undefined {
    if (ref.kind !== CONTROLLER_KIND.kind) return undefined;
    const s = this.deps.sets.lister.get(namespace, ref.name);
    return s && s.metadata?.uid === ref.uid ? s : undefined;
  }

  /** getStatefulSetsForPod: sets whose selector matches an orphan pod. */
  private setsForPod(pod: Pod): StatefulSet[] {
    if (!pod.metadata?.labels) return [];
    return this.deps.sets.lister.list(pod.metadata.namespace).filter((s) => {
      try {
        const sel = labelSelectorAsSelector(s.spec?.selector);
        return !sel.empty() && sel.matches(pod.metadata?.labels);
      } catch {
        return false;
      }
    });
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const s = this.resolveControllerRef(pod.metadata?.namespace, ref);
      if (s) this.queue.add(keyFunc(s));
      return;
    }
    for (const s of this.setsForPod(pod)) this.queue.add(keyFunc(s));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return;
    const labelChanged = !deepEqual(old.metadata?.labels, cur.metadata?.labels);
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const s = this.resolveControllerRef(old.metadata?.namespace, oldRef);
      if (s) this.queue.add(keyFunc(s));
    }
    if (curRef) {
      const s = this.resolveControllerRef(cur.metadata?.namespace, curRef);
      if (!s) return;
      this.queue.add(keyFunc(s));
      // Availability needs minReadySeconds after readiness: look again then.
      const minReady = s.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyFunc(s), minReady * 1000);
      return;
    }
    if (labelChanged || refChanged) for (const s of this.setsForPod(cur)) this.queue.add(keyFunc(s));
  }

  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const s = this.resolveControllerRef(pod.metadata?.namespace, ref);
    if (s) this.queue.add(keyFunc(s));
  }

  private canAdopt(set: StatefulSet) {
    const m = set.metadata ?? {};
    return recheckDeletionTimestamp(() => this.deps.client.get(R.statefulsets, m.namespace, m.name ?? ''), set, CONTROLLER_KIND.kind);
  }

  /**
   * ListRevisions + adoptOrphanRevisions: the set's revisions (matching its selector), orphans
   * among them adopted.
   */
  private revisionsFor(set: StatefulSet, selector: Selector): ControllerRevision[] {
    const m = set.metadata ?? {};
    const manager = new ControllerRefManager({
      controller: set, selector, controllerKind: CONTROLLER_KIND, dependentKind: 'ControllerRevision', canAdopt: this.canAdopt(set),
      patch: (ns, name, p) => this.deps.client.patch(R.controllerrevisions, ns, name, 'application/strategic-merge-patch+json', p),
    });
    const candidates = ownedOrOrphaned(this.deps.revisions.lister, m.namespace ?? '', m.uid ?? '')
      .filter((r) => selector.matches(r.metadata?.labels));
    return manager.claim(candidates);
  }

  /** getPodsForStatefulSet: claims the pods whose names say they belong to the set. */
  private podsFor(set: StatefulSet, selector: Selector): Pod[] {
    const m = set.metadata ?? {};
    const manager = new ControllerRefManager({
      controller: set, selector, controllerKind: CONTROLLER_KIND, dependentKind: 'Pod', canAdopt: this.canAdopt(set),
      patch: (ns, name, p) => this.deps.client.patch(R.pods, ns, name, 'application/strategic-merge-patch+json', p),
    });
    return manager.claim(ownedOrOrphaned(this.deps.pods.lister, m.namespace ?? '', m.uid ?? ''), [(p) => isMemberOf(set, p)]);
  }

  /** sync. Level-triggered: correct from the caches alone. */
  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const shared = this.deps.sets.lister.get(namespace, name);
    if (!shared) return;
    const set = withTypeMeta(shared, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as StatefulSet;
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(set.spec?.selector);
    } catch {
      return; // an invalid selector never matches (upstream logs it)
    }
    const revisions = this.revisionsFor(set, selector);
    const pods = this.podsFor(set, selector);
    const status = this.control.updateStatefulSet(set as StatefulSet & KubeObject, pods, revisions);
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && status && status.availableReplicas !== (set.spec?.replicas ?? 1)) this.queue.addAfter(key, minReady * 1000);
  }
}
