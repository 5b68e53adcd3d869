// The taint-eviction controller: deletes pods from nodes with NoExecute taints they do not
// tolerate — at once, or when their tolerationSeconds run out. Models
// pkg/controller/tainteviction/taint_eviction.go (Controller, PodUpdated, NodeUpdated,
// processPodOnNode, handlePodUpdate, handleNodeUpdate, getMinTolerationTime, addConditionAndDeletePod)
// and timed_workers.go, with each scheduled eviction a timer on the simulated clock.
import type { KubeObject, Node, Pod, Taint, Toleration } from '../../api';
import { deepEqual, isNotFound } from '../../api';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import { rfc3339, type Cancel, type Clock } from '../../clock';

/** The controller's name (and its events' source component). */
export const NAME = 'taint-eviction-controller';
/** The pod index by node name. */
const POD_NODE_NAME_INDEX = 'spec.nodeName';

/** What the controller is built from. */
export interface TaintEvictionControllerDeps {
  nodes: Informer<Node>;
  pods: Informer<Pod>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
}

/** getNoExecuteTaints. */
export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** Toleration.ToleratesTaint. */
export function toleratesTaint(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  const op = tol.operator || 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (tol.value ?? '') === (taint.value ?? '');
  return false;
}

/**
 * GetMatchingTolerations: whether every taint is tolerated, and the tolerations that did it
 * (the first matching toleration per taint).
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  if (!taints.length) return { all: true, used: [] };
  if (!tolerations.length) return { all: false, used: [] };
  const used: Toleration[] = [];
  for (const t of taints) {
    const tol = tolerations.find((x) => toleratesTaint(x, t));
    if (!tol) return { all: false, used: [] };
    used.push(tol);
  }
  return { all: true, used };
}

/** getMinTolerationTime: the smallest tolerationSeconds in ms, 0 for none given, −1 for "forever". */
export function minTolerationTime(tolerations: readonly Toleration[]): number {
  if (!tolerations.length) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    if (t.tolerationSeconds < min) min = t.tolerationSeconds;
  }
  return min === Infinity ? -1 : min * 1000;
}

interface Scheduled {
  createdAt: number;
  fireAt: number;
  cancel: Cancel;
}

/** The taint-eviction controller. */
export class TaintEvictionController {
  readonly nodeQueue: WorkQueue<string>;
  readonly podQueue: WorkQueue<string>;
  private readonly tainted = new Map<string, Taint[]>();
  private readonly scheduled = new Map<string, Scheduled>();

  constructor(private readonly deps: TaintEvictionControllerDeps) {
    this.nodeQueue = new WorkQueue<string>({ clock: deps.clock, name: 'noexec_taint_node', process: (n) => this.handleNodeUpdate(n) });
    this.podQueue = new WorkQueue<string>({ clock: deps.clock, name: 'noexec_taint_pod', process: (k) => this.handlePodUpdate(k) });
    deps.pods.addIndexer(POD_NODE_NAME_INDEX, (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []));
    deps.pods.onEvent({
      add: (p) => this.podUpdated(undefined, p),
      update: (o, p) => this.podUpdated(o, p),
      delete: (p) => this.podUpdated(p, undefined),
    });
    deps.nodes.onEvent({
      add: (n) => this.nodeQueue.add(n.metadata!.name!),
      update: (o, n) => {
        if (!deepEqual(noExecuteTaints(o.spec?.taints), noExecuteTaints(n.spec?.taints))) this.nodeQueue.add(n.metadata!.name!);
      },
      delete: (n) => this.nodeQueue.add(n.metadata!.name!),
    });
  }

  /** Stops the workers and every scheduled eviction. */
  stop(): void {
    this.nodeQueue.shutDown();
    this.podQueue.shutDown();
    for (const s of this.scheduled.values()) s.cancel();
    this.scheduled.clear();
  }

  /** PodUpdated: only a new node or new tolerations matter. */
  private podUpdated(old: Pod | undefined, cur: Pod | undefined): void {
    if (old && cur && old.spec?.nodeName === cur.spec?.nodeName && deepEqual(old.spec?.tolerations ?? [], cur.spec?.tolerations ?? [])) return;
    const p = (cur ?? old)!;
    this.podQueue.add(`${p.metadata!.namespace}/${p.metadata!.name}`);
  }

  /** Pod events name the pod as "namespace/name", with no UID. */
  private podRef(key: string): KubeObject {
    const [namespace, name] = key.split('/');
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
  }

  private cancelWorkWithEvent(key: string): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    s.cancel();
    this.scheduled.delete(key);
    this.deps.recorder.event(this.podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  private addWork(key: string, createdAt: number, fireAt: number): void {
    const now = this.deps.clock.now();
    const cancel = this.deps.clock.after(Math.max(0, fireAt - now), () => {
      this.scheduled.delete(key);
      this.deletePod(key);
    });
    this.scheduled.set(key, { createdAt, fireAt, cancel });
  }

  /** deletePodHandler: the event, then a DisruptionTarget condition, then the delete. */
  private deletePod(key: string): void {
    const [ns, name] = key.split('/');
    this.deps.recorder.event(this.podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    try {
      const pod = this.deps.client.get<Pod>(R.pods, ns, name);
      const conds = [...(pod.status?.conditions ?? [])];
      const i = conds.findIndex((c) => c.type === 'DisruptionTarget');
      const cond = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: rfc3339(this.deps.clock.now()) };
      const old = i >= 0 ? conds[i] : undefined;
      if (!old || old.status !== 'True' || old.reason !== cond.reason || old.message !== cond.message) {
        if (old?.status === 'True') cond.lastTransitionTime = old.lastTransitionTime ?? cond.lastTransitionTime;
        if (i >= 0) conds[i] = cond;
        else conds.push(cond);
        this.deps.client.patch(R.pods, ns, name, 'application/strategic-merge-patch+json', { status: { conditions: conds } },
          { subresource: 'status' });
      }
      this.deps.client.delete(R.pods, ns, name);
    } catch (e) {
      if (!isNotFound(e)) {
        // Retried like the upstream worker's few attempts: once more shortly.
        this.addWork(key, this.deps.clock.now(), this.deps.clock.now() + 10);
      }
    }
  }

  /**
   * processPodOnNode: untolerated taints evict now; tolerated ones after the smallest
   * tolerationSeconds, counted from when the eviction was first scheduled.
   */
  private processPodOnNode(key: string, tolerations: readonly Toleration[], taints: readonly Taint[], now: number): void {
    if (!taints.length) this.cancelWorkWithEvent(key);
    const { all, used } = matchingTolerations(taints, tolerations);
    if (!all) {
      this.cancelWorkWithEvent(key);
      this.addWork(key, now, now);
      return;
    }
    const min = minTolerationTime(used);
    if (min < 0) {
      this.cancelWorkWithEvent(key);
      return;
    }
    let start = now;
    const existing = this.scheduled.get(key);
    if (existing) {
      start = existing.createdAt;
      if (start < now) return; // the earlier schedule stands
      this.cancelWorkWithEvent(key);
    }
    this.addWork(key, start, start + min);
  }

  /** handlePodUpdate. */
  handlePodUpdate(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.deps.pods.lister.get(ns, name);
    if (!pod) {
      this.cancelWorkWithEvent(key);
      return;
    }
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    const taints = this.tainted.get(nodeName);
    if (!taints) return;
    this.processPodOnNode(key, pod.spec?.tolerations ?? [], taints, this.deps.clock.now());
  }

  /** handleNodeUpdate. */
  handleNodeUpdate(name: string): void {
    const node = this.deps.nodes.lister.get(undefined, name);
    if (!node) {
      this.tainted.delete(name);
      return;
    }
    const taints = noExecuteTaints(node.spec?.taints);
    if (taints.length) this.tainted.set(name, taints);
    else this.tainted.delete(name);
    const pods = this.deps.pods.lister.byIndex(POD_NODE_NAME_INDEX, name);
    if (!pods.length) return;
    if (!taints.length) {
      for (const p of pods) this.cancelWorkWithEvent(`${p.metadata!.namespace}/${p.metadata!.name}`);
      return;
    }
    const now = this.deps.clock.now();
    for (const p of pods) this.processPodOnNode(`${p.metadata!.namespace}/${p.metadata!.name}`, p.spec?.tolerations ?? [], taints, now);
  }
}
