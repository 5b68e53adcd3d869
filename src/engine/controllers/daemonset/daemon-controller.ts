// The DaemonSet controller: one pod on every node that should run it, bound there through node
// affinity (the scheduler does the binding), replaced when it fails, rolled on template changes.
// Models pkg/controller/daemon/daemon_controller.go (DaemonSetsController: handlers, syncDaemonSet,
// manage, podsShouldBeOnNode, syncNodes, updateDaemonSetStatus, getNodesToDaemonPods).
import type { ControllerRevision, DaemonSet, KubeObject, Node, OwnerReference, Pod } from '../../api';
import { controllerOf, deepEqual, isNotFound, labelSelectorAsSelector, splitKey, type Selector } from '../../api';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import { parseTime, type Clock } from '../../clock';
import {
  CONTROLLER_UID_INDEX, ControllerRefManager, controllerUIDIndexFunc, Expectations, hasStatusCause, isPodAvailable, isPodReady,
  isPodTerminal, keyFunc, NAMESPACE_TERMINATING_CAUSE, newControllerRef, ownedOrOrphaned, recheckDeletionTimestamp, withTypeMeta,
  type PodControl,
} from '../shared';
import { cleanupHistory, constructHistory, CONTROLLER_KIND, planRollingUpdate } from './update';
import { createPodTemplate, getTargetNodeName, getTemplateGeneration, isPodUpdated, nodeShouldRunDaemonPod,
  replaceNodeNameNodeAffinity } from './util';

/** The controller's name (and its events' source component). */
export const NAME = 'daemonset-controller';
/** BurstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 250;
/** The failed-pod back-off: 1 s doubling to 15 min per node (flowcontrol.NewBackOff(1s, 15m)). */
const FAILED_POD_BACKOFF_MS = 1000;
const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;

/** What the controller is built from. */
export interface DaemonSetsControllerDeps {
  daemonSets: Informer<DaemonSet>;
  nodes: Informer<Node>;
  pods: Informer<Pod>;
  revisions: Informer<ControllerRevision>;
  client: Client;
  podControl: PodControl;
  recorder: EventRecorder;
  clock: Clock;
}

/** podByCreationTimestampAndPhase: running before not, then oldest first, then name. */
function byCreationAndPhase(a: Pod, b: Pod): number {
  const ra = a.status?.phase === 'Running' ? 0 : 1;
  const rb = b.status?.phase === 'Running' ? 0 : 1;
  if (ra !== rb) return ra - rb;
  const ta = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

/** The DaemonSet controller. */
export class DaemonSetsController {
  readonly queue: WorkQueue<string>;
  readonly expectations: Expectations;
  private readonly backoff = new Map<string, { delay: number; last: number }>();
  /** NodeShouldRunDaemonPod answers of the current sync (nodes from the cache are immutable). */
  private shouldRunMemo = new WeakMap<Node, [boolean, boolean]>();

  constructor(private readonly deps: DaemonSetsControllerDeps) {
    this.expectations = new Expectations(deps.clock);
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'daemonset', process: (k) => this.sync(k) });
    deps.pods.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.revisions.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.daemonSets.onEvent({
      add: (ds) => this.queue.add(keyFunc(ds)),
      update: (_o, ds) => this.queue.add(keyFunc(ds)),
      delete: (ds) => {
        this.expectations.delete(keyFunc(ds));
        this.queue.add(keyFunc(ds));
      },
    });
    deps.nodes.onEvent({ add: (n) => this.addNode(n), update: (o, n) => this.updateNode(o, n) });
    deps.pods.onEvent({ add: (p) => this.addPod(p), update: (o, p) => this.updatePod(o, p), delete: (p) => this.deletePod(p) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): DaemonSet | undefined {
    if (ref.kind !== CONTROLLER_KIND.kind) return undefined;
    const ds = this.deps.daemonSets.lister.get(namespace, ref.name);
    return ds && ds.metadata?.uid === ref.uid ? ds : undefined;
  }

  private dsForOrphan(pod: Pod): DaemonSet[] {
    if (!pod.metadata?.labels) return [];
    return this.deps.daemonSets.lister.list(pod.metadata.namespace).filter((ds) => {
      try {
        const sel = labelSelectorAsSelector(ds.spec?.selector);
        return !sel.empty() && sel.matches(pod.metadata?.labels);
      } catch {
        return false;
      }
    });
  }

  private addNode(node: Node): void {
    for (const ds of this.deps.daemonSets.lister.list()) if (nodeShouldRunDaemonPod(node, ds)[0]) this.queue.add(keyFunc(ds));
  }

  /** updateNode: heartbeats alone change nothing; otherwise sets whose verdict for the node changed sync. */
  private updateNode(old: Node, cur: Node): void {
    const sameConditions = deepEqual((old.status?.conditions ?? []).map((c) => [c.type, c.status]),
      (cur.status?.conditions ?? []).map((c) => [c.type, c.status]));
    if (sameConditions && deepEqual(old.metadata?.labels, cur.metadata?.labels) && deepEqual(old.spec, cur.spec)) return;
    for (const ds of this.deps.daemonSets.lister.list()) {
      if (!deepEqual(nodeShouldRunDaemonPod(old, ds), nodeShouldRunDaemonPod(cur, ds))) this.queue.add(keyFunc(ds));
    }
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const ds = this.resolveControllerRef(pod.metadata?.namespace, ref);
      if (!ds) return;
      this.expectations.creationObserved(keyFunc(ds));
      this.queue.add(keyFunc(ds));
      return;
    }
    for (const ds of this.dsForOrphan(pod)) this.queue.add(keyFunc(ds));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const ds = this.resolveControllerRef(old.metadata?.namespace, oldRef);
      if (ds) this.queue.add(keyFunc(ds));
    }
    if (curRef) {
      const ds = this.resolveControllerRef(cur.metadata?.namespace, curRef);
      if (!ds) return;
      this.queue.add(keyFunc(ds));
      const minReady = ds.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyFunc(ds), minReady * 1000 + 1000);
      return;
    }
    if (refChanged || !deepEqual(old.metadata?.labels, cur.metadata?.labels)) for (const ds of this.dsForOrphan(cur)) this.queue.add(keyFunc(ds));
  }

  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const ds = this.resolveControllerRef(pod.metadata?.namespace, ref);
    if (!ds) return;
    this.expectations.deletionObservedUntracked(keyFunc(ds));
    this.queue.add(keyFunc(ds));
  }

  private canAdopt(ds: DaemonSet) {
    const m = ds.metadata ?? {};
    return recheckDeletionTimestamp(() => this.deps.client.get(R.daemonsets, m.namespace, m.name ?? ''), ds, CONTROLLER_KIND.kind);
  }

  /** controlledHistories: the set's revisions, orphans adopted. */
  private histories(ds: DaemonSet, selector: Selector): ControllerRevision[] {
    const m = ds.metadata ?? {};
    const manager = new ControllerRefManager({ controller: ds, selector, controllerKind: CONTROLLER_KIND, dependentKind: 'ControllerRevision',
      canAdopt: this.canAdopt(ds),
      patch: (ns, name, p) => this.deps.client.patch(R.controllerrevisions, ns, name, 'application/strategic-merge-patch+json', p) });
    return manager.claim(ownedOrOrphaned(this.deps.revisions.lister, m.namespace ?? '', m.uid ?? ''));
  }

  /** getNodesToDaemonPods: claimed pods by target node; deleted terminal pods left out. */
  private nodesToDaemonPods(ds: DaemonSet, selector: Selector): Map<string, Pod[]> {
    const m = ds.metadata ?? {};
    const manager = new ControllerRefManager({ controller: ds, selector, controllerKind: CONTROLLER_KIND, dependentKind: 'Pod',
      canAdopt: this.canAdopt(ds), patch: (ns, name, p) => this.deps.podControl.patchPod(ns, name, p) });
    const out = new Map<string, Pod[]>();
    for (const p of manager.claim(ownedOrOrphaned(this.deps.pods.lister, m.namespace ?? '', m.uid ?? ''))) {
      if (isPodTerminal(p) && p.metadata?.deletionTimestamp) continue;
      const node = getTargetNodeName(p);
      if (node === undefined) continue;
      const list = out.get(node);
      if (list) list.push(p);
      else out.set(node, [p]);
    }
    return out;
  }

  /** podsShouldBeOnNode: a missing pod to create, or pods to delete (misplaced, failed, surplus). */
  private shouldRun(node: Node, ds: DaemonSet): [boolean, boolean] {
    let r = this.shouldRunMemo.get(node);
    if (!r) this.shouldRunMemo.set(node, (r = nodeShouldRunDaemonPod(node, ds)));
    return r;
  }

  private podsShouldBeOnNode(ds: DaemonSet, node: Node, podsByNode: Map<string, Pod[]>, hash: string): { create: boolean; remove: string[] } {
    const [shouldRun, shouldContinue] = this.shouldRun(node, ds);
    const name = node.metadata!.name!;
    const pods = podsByNode.get(name);
    const remove: string[] = [];
    if (shouldRun && !pods) return { create: true, remove };
    if (shouldContinue && pods) {
      const running: Pod[] = [];
      for (const p of pods) {
        if (p.metadata?.deletionTimestamp) continue;
        if (p.status?.phase === 'Failed') {
          // A node that keeps rejecting the pod must not make us hot-loop: back off per node.
          const key = `${ds.metadata?.uid}/${name}`;
          const now = this.deps.clock.now();
          const b = this.backoff.get(key);
          if (b && now - b.last < b.delay) {
            this.queue.addAfter(keyFunc(ds), b.delay - (now - b.last));
            continue;
          }
          this.backoff.set(key, { delay: b ? Math.min(b.delay * 2, FAILED_POD_BACKOFF_MAX_MS) : FAILED_POD_BACKOFF_MS, last: now });
          this.deps.recorder.event(withTypeMeta(ds, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as KubeObject, 'Warning', 'FailedDaemonPod',
            `Found failed daemon pod ${p.metadata?.namespace}/${p.metadata?.name} on node ${name}, will try to kill it`);
          remove.push(p.metadata!.name!);
        } else if (p.status?.phase === 'Succeeded') {
          remove.push(p.metadata!.name!);
        } else running.push(p);
      }
      if (running.length <= 1) return { create: false, remove };
      running.sort(byCreationAndPhase);
      const surge = ds.spec?.updateStrategy?.type === 'RollingUpdate' && !!ds.spec.updateStrategy.rollingUpdate?.maxSurge
        && ds.spec.updateStrategy.rollingUpdate.maxSurge !== 0 && ds.spec.updateStrategy.rollingUpdate.maxSurge !== '0%';
      if (!surge) {
        // Keep the oldest.
        for (const p of running.slice(1)) remove.push(p.metadata!.name!);
        return { create: false, remove };
      }
      // Surging: keep the oldest updated and the oldest old pod; the old one goes once the new one is available.
      const gen = getTemplateGeneration(ds);
      let oldestNew: Pod | undefined;
      let oldestOld: Pod | undefined;
      for (const p of running) {
        if (isPodUpdated(p, hash, gen)) {
          if (!oldestNew) {
            oldestNew = p;
            continue;
          }
        } else if (!oldestOld) {
          oldestOld = p;
          continue;
        }
        remove.push(p.metadata!.name!);
      }
      if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, this.deps.clock.now()))) {
        remove.push(oldestOld.metadata!.name!);
      }
      return { create: false, remove };
    }
    if (!shouldContinue && pods) for (const p of pods) if (!p.metadata?.deletionTimestamp) remove.push(p.metadata!.name!);
    return { create: false, remove };
  }

  /** syncNodes: creations in slow-start batches (pods bound by node affinity), then deletions. */
  private syncNodes(ds: DaemonSet, remove: readonly string[], create: readonly string[], hash: string): void {
    const key = keyFunc(ds);
    const createDiff = Math.min(create.length, BURST_REPLICAS);
    const deleteDiff = Math.min(remove.length, BURST_REPLICAS);
    this.expectations.set(key, createDiff, deleteDiff);
    const template = createPodTemplate(ds.spec!.template, getTemplateGeneration(ds), hash);
    const typed = withTypeMeta(ds, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as KubeObject;
    let firstErr: unknown;
    let pos = 0;
    for (let batch = Math.min(createDiff, 1); pos < createDiff; ) {
      let errors = 0;
      for (let i = pos; i < pos + batch; i++) {
        const t = structuredClone(template);
        t.spec!.affinity = replaceNodeNameNodeAffinity(t.spec!.affinity, create[i]);
        try {
          this.deps.podControl.createPods(ds.metadata!.namespace!, t, typed, newControllerRef(typed, CONTROLLER_KIND));
        } catch (e) {
          if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) continue;
          this.expectations.creationObserved(key);
          errors++;
          firstErr ??= e;
        }
      }
      pos += batch;
      const skipped = createDiff - pos;
      if (errors > 0 && skipped > 0) {
        this.expectations.lower(key, skipped, 0);
        break;
      }
      batch = Math.min(2 * batch, createDiff - pos);
    }
    for (let i = 0; i < deleteDiff; i++) {
      try {
        this.deps.podControl.deletePod(ds.metadata!.namespace!, remove[i], typed);
      } catch (e) {
        this.expectations.deletionObservedUntracked(key);
        if (!isNotFound(e)) firstErr ??= e;
      }
    }
    if (firstErr) throw firstErr;
  }

  /** updateDaemonSetStatus: counts over every node, written when anything changed. */
  private updateStatus(ds: DaemonSet, nodes: readonly Node[], podsByNode: Map<string, Pod[]>, hash: string, observe: boolean): void {
    const now = this.deps.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const gen = getTemplateGeneration(ds);
    let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
    for (const node of nodes) {
      const [shouldRun] = this.shouldRun(node, ds);
      const pods = podsByNode.get(node.metadata!.name!);
      if (shouldRun) {
        desired++;
        if (!pods?.length) continue;
        current++;
        const pod = [...pods].sort(byCreationAndPhase)[0];
        if (isPodReady(pod)) {
          ready++;
          if (isPodAvailable(pod, minReady, now)) available++;
        }
        if (isPodUpdated(pod, hash, gen)) updated++;
      } else if (pods?.length) misscheduled++;
    }
    const st = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    const unavailable = desired - available;
    const generation = ds.metadata?.generation ?? 0;
    if (st.desiredNumberScheduled === desired && st.currentNumberScheduled === current && st.numberMisscheduled === misscheduled
      && st.numberReady === ready && (st.updatedNumberScheduled ?? 0) === updated && (st.numberAvailable ?? 0) === available
      && (st.numberUnavailable ?? 0) === unavailable && (st.observedGeneration ?? 0) >= generation) {
      return;
    }
    let target: DaemonSet = structuredClone(ds);
    for (let attempt = 0; ; attempt++) {
      const s = { ...(target.status ?? {}), currentNumberScheduled: current, desiredNumberScheduled: desired, numberMisscheduled: misscheduled,
        numberReady: ready } as NonNullable<DaemonSet['status']>;
      if (observe) s.observedGeneration = generation;
      const set = (k: 'updatedNumberScheduled' | 'numberAvailable' | 'numberUnavailable', v: number) => {
        if (v) s[k] = v;
        else delete s[k];
      };
      set('updatedNumberScheduled', updated);
      set('numberAvailable', available);
      set('numberUnavailable', unavailable);
      (target as { status?: unknown }).status = s;
      try {
        this.deps.client.updateStatus(R.daemonsets, target);
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
        target = structuredClone(this.deps.client.get<DaemonSet>(R.daemonsets, ds.metadata?.namespace, ds.metadata!.name!));
      }
    }
    if (minReady > 0 && ready !== available) this.queue.addAfter(keyFunc(ds), minReady * 1000);
  }

  /** syncDaemonSet. Level-triggered: correct from the caches alone. */
  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const shared = this.deps.daemonSets.lister.get(namespace, name);
    if (!shared) {
      this.expectations.delete(key);
      return;
    }
    const ds = withTypeMeta(shared, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as DaemonSet;
    const nodes = this.deps.nodes.lister.list();
    this.shouldRunMemo = new WeakMap();
    const sel = ds.spec?.selector;
    if (sel && !sel.matchLabels && !sel.matchExpressions) {
      this.deps.recorder.event(ds as KubeObject, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    if (ds.metadata?.deletionTimestamp) return;
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(sel);
    } catch {
      return;
    }
    const { cur, old } = constructHistory(this.deps.client, ds, this.histories(ds, selector));
    const hash = cur.metadata?.labels?.['controller-revision-hash'] ?? '';
    if (!this.expectations.satisfied(key)) {
      // Only the status: observedGeneration is not raised for a generation not acted on.
      return this.updateStatus(ds, nodes, this.nodesToDaemonPods(ds, selector), hash, false);
    }
    let err: unknown;
    try {
      this.manage(ds, selector, nodes, hash);
      if (this.expectations.satisfied(key) && ds.spec?.updateStrategy?.type !== 'OnDelete') {
        const podsByNode = this.nodesToDaemonPods(ds, selector);
        const plan = planRollingUpdate(ds, nodes, podsByNode, hash, this.deps.clock.now(), (n) => this.deps.pods.lister.get(namespace, n));
        if (plan.oldPodsToDelete.length || plan.newNodesToCreate.length) this.syncNodes(ds, plan.oldPodsToDelete, plan.newNodesToCreate, hash);
      }
      cleanupHistory(this.deps.client, ds, old, [...this.nodesToDaemonPods(ds, selector).values()].flat());
    } catch (e) {
      err = e;
    }
    this.updateStatus(ds, nodes, this.nodesToDaemonPods(ds, selector), hash, true);
    if (err) throw err;
  }

  /** manage: create where missing, delete where misplaced, failed or surplus, and pods aimed at vanished nodes. */
  private manage(ds: DaemonSet, selector: Selector, nodes: readonly Node[], hash: string): void {
    const podsByNode = this.nodesToDaemonPods(ds, selector);
    const create: string[] = [];
    const remove: string[] = [];
    for (const node of nodes) {
      const r = this.podsShouldBeOnNode(ds, node, podsByNode, hash);
      if (r.create) create.push(node.metadata!.name!);
      remove.push(...r.remove);
    }
    // getUnscheduledPodsWithoutNode: pods aimed at a node that no longer exists are never scheduled.
    const names = new Set(nodes.map((n) => n.metadata!.name!));
    for (const [node, pods] of podsByNode) {
      if (names.has(node)) continue;
      for (const p of pods) if (!p.spec?.nodeName) remove.push(p.metadata!.name!);
    }
    this.syncNodes(ds, remove, create, hash);
  }
}
