// The pod garbage collector: force-deletes pods nothing else will ever finish — pods bound to a
// node that no longer exists (after a 40 s quarantine), terminating pods that were never scheduled,
// terminating pods on an out-of-service node that is not ready — and the oldest terminated pods
// beyond --terminated-pod-gc-threshold. Models pkg/controller/podgc/gc_controller.go (gcTerminated,
// gcTerminating, gcOrphaned, gcUnscheduledTerminating, markFailedAndDeletePodWithCondition).
// Deviation (by design): instead of a pass over every pod each 20 s (gcCheckPeriod), each check is
// triggered by the pod or node change that makes it due.
import type { Node, Pod, PodCondition } from '../../api';
import { isNotFound } from '../../api';
import { R, WorkQueue, type Client, type Informer } from '../../client';
import { parseTime, rfc3339, type Clock } from '../../clock';
import { isPodTerminal } from '../shared';

/** The controller's name. */
export const NAME = 'pod-garbage-collector-controller';
/** quarantineTime: how long a missing node must stay missing before its pods go. */
export const QUARANTINE_MS = 40_000;
/** --terminated-pod-gc-threshold default. */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
/** v1.TaintNodeOutOfService. */
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';
const POD_NODE_NAME_INDEX = 'spec.nodeName';

/** What the controller is built from. */
export interface PodGCControllerDeps {
  pods: Informer<Pod>;
  nodes: Informer<Node>;
  client: Client;
  clock: Clock;
  terminatedPodThreshold?: number;
}

/** The pod garbage collector. */
export class PodGCController {
  readonly nodeQueue: WorkQueue<string>;
  readonly podQueue: WorkQueue<string>;
  readonly terminatedQueue: WorkQueue<string>;
  private readonly terminated = new Set<string>();
  private readonly threshold: number;

  constructor(private readonly deps: PodGCControllerDeps) {
    this.threshold = deps.terminatedPodThreshold ?? TERMINATED_POD_GC_THRESHOLD;
    this.nodeQueue = new WorkQueue<string>({ clock: deps.clock, name: 'orphaned_pods_nodes', process: (n) => this.gcOrphaned(n) });
    this.podQueue = new WorkQueue<string>({ clock: deps.clock, name: 'podgc_pods', process: (k) => this.gcPod(k) });
    this.terminatedQueue = new WorkQueue<string>({ clock: deps.clock, name: 'podgc_terminated', process: () => this.gcTerminated() });
    deps.pods.addIndexer(POD_NODE_NAME_INDEX, (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []));
    deps.pods.onEvent({ add: (p) => this.podChanged(p), update: (_o, p) => this.podChanged(p), delete: (p) => this.podDeleted(p) });
    deps.nodes.onEvent({
      update: (_o, n) => this.nodeChanged(n),
      delete: (n) => this.nodeQueue.addAfter(n.metadata!.name!, QUARANTINE_MS),
    });
  }

  /** Stops the workers. */
  stop(): void {
    this.nodeQueue.shutDown();
    this.podQueue.shutDown();
    this.terminatedQueue.shutDown();
  }

  private key(p: Pod): string {
    return `${p.metadata!.namespace}/${p.metadata!.name}`;
  }

  private podChanged(p: Pod): void {
    const node = p.spec?.nodeName;
    if (node && !this.deps.nodes.lister.get(undefined, node)) this.nodeQueue.addAfter(node, QUARANTINE_MS);
    if (p.metadata?.deletionTimestamp) this.podQueue.add(this.key(p));
    if (isPodTerminal(p) && !this.terminated.has(this.key(p))) {
      this.terminated.add(this.key(p));
      if (this.terminated.size > this.threshold) this.terminatedQueue.add('terminated');
    }
  }

  private podDeleted(p: Pod): void {
    this.terminated.delete(this.key(p));
  }

  private nodeChanged(n: Node): void {
    if (!(n.spec?.taints ?? []).some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE)) return;
    for (const p of this.deps.pods.lister.byIndex(POD_NODE_NAME_INDEX, n.metadata!.name!)) {
      if (p.metadata?.deletionTimestamp) this.podQueue.add(this.key(p));
    }
  }

  /**
   * markFailedAndDeletePodWithCondition: a pod that is not terminal is first marked Failed (with the
   * condition, if any) through a status patch, then deleted with grace period 0.
   */
  private markFailedAndDelete(pod: Pod, condition?: PodCondition): void {
    const ns = pod.metadata!.namespace!;
    const name = pod.metadata!.name!;
    try {
      if (!isPodTerminal(pod)) {
        const status: Record<string, unknown> = { phase: 'Failed' };
        if (condition) {
          const conds = (pod.status?.conditions ?? []).filter((c) => c.type !== condition.type);
          status.conditions = [...conds, { ...condition, lastTransitionTime: rfc3339(this.deps.clock.now()) }];
        }
        this.deps.client.patch(R.pods, ns, name, 'application/strategic-merge-patch+json', { status }, { subresource: 'status' });
      }
      this.deps.client.delete(R.pods, ns, name, { gracePeriodSeconds: 0 });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** gcUnscheduledTerminating and gcTerminating (out-of-service, not-ready nodes). */
  private gcPod(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.deps.pods.lister.get(ns, name);
    if (!pod?.metadata?.deletionTimestamp) return;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return this.markFailedAndDelete(pod);
    const node = this.deps.nodes.lister.get(undefined, nodeName);
    if (!node) return;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    if (!ready && (node.spec?.taints ?? []).some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE)) this.markFailedAndDelete(pod);
  }

  /** gcOrphaned: after the quarantine, a node still missing (also for a fresh GET) takes its pods with it. */
  private gcOrphaned(nodeName: string): void {
    if (this.deps.nodes.lister.get(undefined, nodeName)) return;
    if (this.deps.client.tryGet(R.nodes, undefined, nodeName)) return;
    for (const pod of this.deps.pods.lister.byIndex(POD_NODE_NAME_INDEX, nodeName)) {
      this.markFailedAndDelete(pod, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    }
  }

  /** gcTerminated: the oldest terminated pods beyond the threshold are deleted. */
  private gcTerminated(): void {
    const pods = [...this.terminated].sort().map((k) => {
      const [ns, name] = k.split('/');
      return this.deps.pods.lister.get(ns, name);
    }).filter((p): p is Pod => !!p && isPodTerminal(p) && !p.metadata?.deletionTimestamp);
    const excess = pods.length - this.threshold;
    if (excess <= 0) return;
    pods.sort((a, b) => (parseTime(a.metadata?.creationTimestamp) ?? 0) - (parseTime(b.metadata?.creationTimestamp) ?? 0));
    for (const p of pods.slice(0, excess)) this.markFailedAndDelete(p);
  }
}
