// The node lifecycle controller: watches kubelet heartbeats (the Ready condition and the node Lease),
// turns a silent node's conditions Unknown, marks its pods not ready, taints it (NoSchedule from
// its conditions and cordon; NoExecute not-ready/unreachable, rate limited per zone), and untaints
// it when it comes back. The taint-eviction controller then evicts pods whose toleration expires.
// Models pkg/controller/nodelifecycle/node_lifecycle_controller.go. Deviation (by design): instead of
// a 5 s polling loop over every node, each node is checked on the same 5 s tick grid only when
// something about it changed or its grace period is about to run out.
import type { Lease, Node, Pod, Taint } from '../../api';
import { isNotFound } from '../../api';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { computeZoneState, nodeCondition, tryUpdateNodeHealth, zoneKey, type NodeHealth, type ZoneState } from './node-health';
import { EVICTION_LIMITER_QPS, LARGE_CLUSTER_THRESHOLD, RateLimitedTimedQueue, SECONDARY_EVICTION_LIMITER_QPS,
  UNHEALTHY_ZONE_THRESHOLD } from './rate-limited-queue';
import {
  NOT_READY_TAINT, swapNodeControllerTaint, taintExists, taintSetDiff, TAINT_NODE_DISK_PRESSURE, TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE, TAINT_NODE_NOT_READY, TAINT_NODE_PID_PRESSURE, TAINT_NODE_UNREACHABLE, TAINT_NODE_UNSCHEDULABLE,
  UNREACHABLE_TAINT, removeTaintOffNode,
} from './taints';
import { markPodsNotReady, recordNodeEvent, recordNodeStatusChange } from './util';

/** The controller's name (and its events' source component). */
export const NAME = 'node-lifecycle-controller';
/** The events' source component. */
export const COMPONENT = 'node-controller';
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5000;
/** --node-startup-grace-period. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** v1.NamespaceNodeLease. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** A node with this label is left out of the disruption (zone) arithmetic. */
const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/** nodeConditionToTaintKeyStatusMap: which condition status means which NoSchedule taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};
const CONDITION_TAINT_KEYS = new Set([TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, TAINT_NODE_MEMORY_PRESSURE, TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE, TAINT_NODE_PID_PRESSURE]);

/** labelReconcileInfo: the beta OS and arch labels follow the stable ones. */
const LABEL_RECONCILE: [string, string][] = [['kubernetes.io/os', 'beta.kubernetes.io/os'], ['kubernetes.io/arch', 'beta.kubernetes.io/arch']];

/** What the controller is built from. */
export interface NodeLifecycleControllerDeps {
  nodes: Informer<Node>;
  leases: Informer<Lease>;
  pods: Informer<Pod>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
  /** --node-monitor-grace-period. */
  nodeMonitorGracePeriodMs: number;
  nodeStartupGracePeriodMs?: number;
  nodeMonitorPeriodMs?: number;
}

/** The pod index by node name (controller.PodNodeNameKeyIndex). */
export const POD_NODE_NAME_INDEX = 'spec.nodeName';

/** The node lifecycle controller. */
export class NodeLifecycleController {
  readonly healthQueue: WorkQueue<string>;
  readonly nodeUpdateQueue: WorkQueue<string>;
  readonly podQueue: WorkQueue<string>;
  private readonly health = new Map<string, NodeHealth>();
  // knownNodeSet: upstream keeps the *v1.Node; only its uid is read again (for RemovingNode), and a
  // whole first version of every node would stay alive for nothing.
  private readonly known = new Map<string, string | undefined>();
  private readonly lastPass = new Map<string, number>();
  private readonly needsRetry = new Set<string>();
  /** Per node: its zone and whether it counted as Ready in the last pass. */
  private readonly zoneOf = new Map<string, { zone: string; ready: boolean }>();
  private readonly zoneCounts = new Map<string, { ready: number; notReady: number }>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly tainters = new Map<string, RateLimitedTimedQueue>();
  private readonly t0: number;
  private readonly period: number;

  constructor(private readonly deps: NodeLifecycleControllerDeps) {
    this.period = deps.nodeMonitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
    this.t0 = deps.clock.now();
    this.healthQueue = new WorkQueue<string>({ clock: deps.clock, name: 'node_lifecycle_health', process: (n) => this.monitorNode(n) });
    this.nodeUpdateQueue = new WorkQueue<string>({ clock: deps.clock, name: 'node_lifecycle_controller', process: (n) => this.processNodeUpdate(n) });
    this.podQueue = new WorkQueue<string>({ clock: deps.clock, name: 'node_lifecycle_controller_pods', process: (k) => this.processPod(k) });
    deps.pods.addIndexer(POD_NODE_NAME_INDEX, (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []));
    deps.nodes.onEvent({
      add: (n) => this.nodeChanged(n.metadata!.name!),
      update: (_o, n) => this.nodeChanged(n.metadata!.name!),
      delete: (n) => this.schedulePass(n.metadata!.name!),
    });
    deps.leases.onEvent({
      add: (l) => this.leaseChanged(l),
      update: (_o, l) => this.leaseChanged(l),
    });
    deps.pods.onEvent({
      add: (p) => this.podUpdated(undefined, p),
      update: (o, p) => this.podUpdated(o, p),
    });
  }

  /** Stops the workers. */
  stop(): void {
    this.healthQueue.shutDown();
    this.nodeUpdateQueue.shutDown();
    this.podQueue.shutDown();
  }

  private nodeChanged(name: string): void {
    this.nodeUpdateQueue.add(name);
    this.schedulePass(name);
  }

  private leaseChanged(l: Lease): void {
    if (l.metadata?.namespace === NODE_LEASE_NAMESPACE) this.schedulePass(l.metadata.name!);
  }

  private podUpdated(old: Pod | undefined, p: Pod): void {
    const n = p.spec?.nodeName;
    if (n && (!old || old.spec?.nodeName !== n)) this.podQueue.add(`${p.metadata!.namespace}/${p.metadata!.name}`);
  }

  /** The first monitor tick at or after `t` (strictly after when `strict`). */
  private tick(t: number, strict: boolean): number {
    const k = (t - this.t0) / this.period;
    const n = strict ? Math.floor(k) + 1 : Math.ceil(k);
    return this.t0 + n * this.period;
  }

  /** A node is looked at on the next tick (the one after, if it was looked at on this one). */
  private schedulePass(name: string): void {
    const now = this.deps.clock.now();
    const at = this.tick(now, this.lastPass.get(name) === now);
    this.healthQueue.addAfter(name, at - now);
  }

  private tainter(zone: string): RateLimitedTimedQueue {
    let q = this.tainters.get(zone);
    if (!q) {
      q = new RateLimitedTimedQueue(this.deps.clock, EVICTION_LIMITER_QPS, (n) => this.taintNoExecute(n));
      this.tainters.set(zone, q);
      this.zoneStates.set(zone, 'Initial');
    }
    return q;
  }

  /** The doNoExecuteTaintingPass action: not-ready and unreachable NoExecute taints mirror the Ready condition. */
  private taintNoExecute(name: string): boolean {
    const node = this.deps.nodes.lister.get(undefined, name);
    if (!node) return true;
    const ready = nodeCondition(node, 'Ready');
    if (!ready) return false;
    let add: Taint;
    let opposite: Taint;
    if (ready.status === 'False') {
      add = NOT_READY_TAINT;
      opposite = UNREACHABLE_TAINT;
    } else if (ready.status === 'Unknown') {
      add = UNREACHABLE_TAINT;
      opposite = NOT_READY_TAINT;
    } else return true; // ready again
    return swapNodeControllerTaint(this.deps.client, node, [add], [opposite], this.deps.clock.now());
  }

  private markNodeForTainting(node: Node, status: string): void {
    const name = node.metadata!.name!;
    const q = this.tainter(zoneKey(node));
    if (status === 'False' && !taintExists(node.spec?.taints, NOT_READY_TAINT)) q.remove(name);
    if (status === 'Unknown' && !taintExists(node.spec?.taints, UNREACHABLE_TAINT)) q.remove(name);
    q.add(name);
  }

  /** markNodeAsReachable: the NoExecute taints come off and the node leaves the taint queue. */
  private markNodeAsReachable(node: Node): void {
    try {
      removeTaintOffNode(this.deps.client, node, [UNREACHABLE_TAINT, NOT_READY_TAINT]);
    } catch {
      return; // retried on the next pass
    }
    this.tainter(zoneKey(node)).remove(node.metadata!.name!);
  }

  /** processTaintBaseEviction. */
  private processTaintBaseEviction(node: Node, observedStatus: string): void {
    const now = this.deps.clock.now();
    if (observedStatus === 'False') {
      if (taintExists(node.spec?.taints, UNREACHABLE_TAINT)) swapNodeControllerTaint(this.deps.client, node, [NOT_READY_TAINT], [UNREACHABLE_TAINT], now);
      else this.markNodeForTainting(node, 'False');
    } else if (observedStatus === 'Unknown') {
      if (taintExists(node.spec?.taints, NOT_READY_TAINT)) swapNodeControllerTaint(this.deps.client, node, [UNREACHABLE_TAINT], [NOT_READY_TAINT], now);
      else this.markNodeForTainting(node, 'Unknown');
    } else if (observedStatus === 'True') {
      this.markNodeAsReachable(node);
    }
  }

  private podsOn(name: string): Pod[] {
    return this.deps.pods.lister.byIndex(POD_NODE_NAME_INDEX, name);
  }

  private forget(name: string): void {
    if (this.known.has(name)) {
      recordNodeEvent(this.deps.recorder, name, this.known.get(name), 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
    }
    this.health.delete(name);
    this.needsRetry.delete(name);
    this.lastPass.delete(name);
    this.setZoneMembership(name, undefined);
    this.handleDisruption();
  }

  /** One node's share of monitorNodeHealth. */
  monitorNode(name: string): void {
    const { clock, client, recorder } = this.deps;
    const now = clock.now();
    this.lastPass.set(name, now);
    const node = this.deps.nodes.lister.get(undefined, name);
    if (!node) return this.forget(name);
    if (!this.known.has(name)) {
      recordNodeEvent(recorder, name, node.metadata?.uid, 'Normal', 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.known.set(name, node.metadata?.uid);
      this.tainter(zoneKey(node));
      this.markNodeAsReachable(node);
    }
    const lease = this.deps.leases.lister.get(NODE_LEASE_NAMESPACE, name);
    const r = tryUpdateNodeHealth(node, this.health.get(name), lease, now, this.deps.nodeMonitorGracePeriodMs,
      this.deps.nodeStartupGracePeriodMs ?? NODE_STARTUP_GRACE_PERIOD_MS);
    if (r.update) {
      try {
        client.updateStatus(R.nodes, r.update);
      } catch (e) {
        if (isNotFound(e)) return;
        // Skipped for now: no pods are evicted; the next tick retries with a fresh node.
        this.healthQueue.addAfter(name, this.period);
        return;
      }
    }
    this.health.set(name, r.health);
    if (!node.metadata?.labels?.[EXCLUDE_DISRUPTION_LABEL]) this.setZoneMembership(name, { zone: zoneKey(node), ready: r.current?.status === 'True' });
    if (r.current) {
      this.processTaintBaseEviction(node, r.observed.status);
      const becameNotReady = r.current.status !== 'True' && r.observed.status === 'True';
      if (becameNotReady) recordNodeStatusChange(recorder, node, 'NodeNotReady');
      if (becameNotReady || (this.needsRetry.has(name) && r.observed.status !== 'True')) {
        const err = markPodsNotReady(client, recorder, this.podsOn(name), name, now);
        if (err) this.needsRetry.add(name);
        else this.needsRetry.delete(name);
      } else this.needsRetry.delete(name);
    }
    this.handleDisruption();
    // Look again when the grace period would run out without a heartbeat.
    const h = this.health.get(name)!;
    const grace = nodeCondition(node, 'Ready') ? this.deps.nodeMonitorGracePeriodMs : (this.deps.nodeStartupGracePeriodMs ?? NODE_STARTUP_GRACE_PERIOD_MS);
    const deadline = h.probeTimestamp + grace;
    if (deadline >= now) this.healthQueue.addAfter(name, this.tick(deadline, true) - now);
  }

  private setZoneMembership(name: string, m: { zone: string; ready: boolean } | undefined): void {
    const old = this.zoneOf.get(name);
    if (old) {
      const c = this.zoneCounts.get(old.zone)!;
      if (old.ready) c.ready--;
      else c.notReady--;
      if (c.ready + c.notReady === 0) this.zoneCounts.delete(old.zone);
    }
    if (!m) {
      this.zoneOf.delete(name);
      return;
    }
    this.zoneOf.set(name, m);
    let c = this.zoneCounts.get(m.zone);
    if (!c) this.zoneCounts.set(m.zone, (c = { ready: 0, notReady: 0 }));
    if (m.ready) c.ready++;
    else c.notReady++;
  }

  private setLimiterInZone(zone: string, size: number, state: ZoneState): void {
    const q = this.tainter(zone);
    if (state === 'Normal' || state === 'FullDisruption') q.swapLimiter(EVICTION_LIMITER_QPS);
    else if (state === 'PartialDisruption') q.swapLimiter(size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_LIMITER_QPS : 0);
  }

  /**
   * handleDisruption: when every zone has no Ready node, the problem is more likely the control
   * plane's network than the nodes ("master disruption mode"): stop tainting and untaint everyone.
   */
  private handleDisruption(): void {
    const zones = [...this.zoneCounts.keys()].sort();
    const newStates = new Map<string, ZoneState>();
    let allAreFull = true;
    for (const z of zones) {
      const c = this.zoneCounts.get(z)!;
      const s = computeZoneState(c.ready, c.notReady, UNHEALTHY_ZONE_THRESHOLD);
      if (s !== 'FullDisruption') allAreFull = false;
      newStates.set(z, s);
      if (!this.zoneStates.has(z)) this.zoneStates.set(z, 'Initial');
    }
    let allWasFull = true;
    for (const z of [...this.zoneStates.keys()].sort()) {
      if (!newStates.has(z)) {
        this.zoneStates.delete(z);
        continue;
      }
      if (this.zoneStates.get(z) !== 'FullDisruption') {
        allWasFull = false;
        break;
      }
    }
    if (allAreFull && allWasFull) return;
    const size = (z: string) => {
      const c = this.zoneCounts.get(z);
      return c ? c.ready + c.notReady : 0;
    };
    if (allAreFull) {
      for (const n of this.deps.nodes.lister.list()) this.markNodeAsReachable(n);
      for (const z of this.zoneStates.keys()) {
        this.tainter(z).swapLimiter(0);
        this.zoneStates.set(z, 'FullDisruption');
      }
      return;
    }
    if (allWasFull) {
      // Leaving disruption mode: every node gets a fresh grace period.
      const now = this.deps.clock.now();
      for (const [n, h] of this.health) this.health.set(n, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      for (const z of [...this.zoneStates.keys()]) {
        this.setLimiterInZone(z, size(z), newStates.get(z)!);
        this.zoneStates.set(z, newStates.get(z)!);
      }
      return;
    }
    for (const z of [...this.zoneStates.keys()]) {
      const s = newStates.get(z)!;
      if (this.zoneStates.get(z) === s) continue;
      this.setLimiterInZone(z, size(z), s);
      this.zoneStates.set(z, s);
    }
  }

  /** doNoScheduleTaintingPass and reconcileNodeLabels for one node. */
  processNodeUpdate(name: string): void {
    const node = this.deps.nodes.lister.get(undefined, name);
    if (!node) return;
    const want: Taint[] = [];
    for (const c of node.status?.conditions ?? []) {
      const key = CONDITION_TAINTS[c.type]?.[c.status];
      if (key) want.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec?.unschedulable) want.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
    const have = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule'
      && (t.key === TAINT_NODE_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
    const { add, remove } = taintSetDiff(want, have);
    if (add.length || remove.length) {
      if (!swapNodeControllerTaint(this.deps.client, node, add, remove, this.deps.clock.now())) {
        throw new Error(`failed to swap taints of node ${name}`);
      }
      return; // the taint change comes back as an update; labels are reconciled then
    }
    const labels = node.metadata?.labels ?? {};
    const update: Record<string, string> = {};
    for (const [primary, secondary] of LABEL_RECONCILE) {
      const v = labels[primary];
      if (v !== undefined && labels[secondary] !== v) update[secondary] = v;
    }
    if (Object.keys(update).length) {
      this.deps.client.patch(R.nodes, undefined, name, 'application/strategic-merge-patch+json', { metadata: { labels: update } });
    }
  }

  /** processPod: a pod bound to a node that is not Ready is marked not ready at once. */
  processPod(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.deps.pods.lister.get(ns, name);
    if (!pod?.spec?.nodeName) return;
    const h = this.health.get(pod.spec.nodeName);
    if (!h?.ready || !this.deps.nodes.lister.get(undefined, pod.spec.nodeName)) return;
    if (h.ready.status === 'True') return;
    const err = markPodsNotReady(this.deps.client, this.deps.recorder, [pod], pod.spec.nodeName, this.deps.clock.now());
    if (err) throw err;
  }
}
