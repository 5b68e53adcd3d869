// Registers the node and keeps its status up to date. Models pkg/kubelet/kubelet_node_status.go
// (registerWithAPIServer, tryUpdateNodeStatus, fastNodeStatusUpdate): the status is computed every
// nodeStatusUpdateFrequency (10s) and written when something other than heartbeat times changed, or
// when nodeStatusReportFrequency (5 minutes) has passed since the last report.
import type { Node } from '../../api/types';
import { isAlreadyExists, isNotFound } from '../../api/errors';
import { clone } from '../../api/meta';
import { type Clock } from '../../clock';
import { R, type Client } from '../../client';
import type { ImageInfo } from '../../runtime/cri';
import { initialNode, nodeStatusHasChanged, setNodeStatus, type MachineInfo, type NodeEventFn, type Readiness } from './setters';

/** kubelet --node-status-report-frequency default. */
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;

/** What the node status manager needs. */
export interface NodeStatusDeps {
  client: Client;
  clock: Clock;
  machine: MachineInfo;
  images: () => ImageInfo[];
  record: NodeEventFn;
  updateFrequencyMs: number;
}

/** Keeps one Node's status. */
export class NodeStatusManager {
  private cancel?: () => void;
  private lastReport = -Infinity;
  private readiness: Readiness = { ready: false, message: 'container runtime status check may not have completed yet' };
  /** kl.lastNodeUnschedulable: what the last status computation saw in spec.unschedulable. */
  private lastUnschedulable = false;
  /** The node's uid once registered (the lease's owner reference). */
  uid?: string;
  /** The Node as last read or written (admission reads allocatable and labels from it). */
  node?: Node;
  /** Status writes made (tests, benchmarks). */
  writes = 0;

  constructor(private readonly d: NodeStatusDeps) {}

  /** registerWithAPIServer: creates the Node with its initial status, or adopts the existing one. */
  register(): void {
    const node = initialNode(this.d.machine);
    setNodeStatus(node, this.d.machine, this.d.images(), this.readiness, this.d.clock.now(), this.d.record);
    try {
      const created = this.d.client.create<Node>(R.nodes, node);
      this.uid = created.metadata?.uid;
      this.node = created;
      this.lastReport = this.d.clock.now();
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      const existing = this.d.client.get<Node>(R.nodes, undefined, this.d.machine.nodeName);
      this.uid = existing.metadata?.uid;
      this.update(true);
    }
  }

  /** Starts the status loop; the runtime is ready at once, so the first update marks the node Ready. */
  start(): void {
    this.readiness = { ready: true };
    this.cancel?.();
    const loop = () => {
      this.update(false);
      this.cancel = this.d.clock.after(this.d.updateFrequencyMs, loop);
    };
    // fastNodeStatusUpdate: the first update follows registration without waiting a full period.
    this.cancel = this.d.clock.after(0, loop);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  /** recordNodeSchedulableEvent: NodeNotSchedulable / NodeSchedulable when spec.unschedulable (cordon) changed. */
  private recordNodeSchedulableEvent(node: Node): void {
    const u = !!node.spec?.unschedulable;
    if (u === this.lastUnschedulable) return;
    this.d.record('Normal', u ? 'NodeNotSchedulable' : 'NodeSchedulable');
    this.lastUnschedulable = u;
  }

  /** Forgets what the last kubelet run saw (a restarted kubelet starts from "schedulable"). */
  resetMemory(): void {
    this.lastUnschedulable = false;
  }

  /** tryUpdateNodeStatus. */
  update(force: boolean): void {
    let live: Node | undefined;
    try {
      live = this.d.client.get<Node>(R.nodes, undefined, this.d.machine.nodeName);
    } catch (e) {
      if (isNotFound(e)) return this.register();
      throw e;
    }
    this.uid = live.metadata?.uid;
    this.node = live;
    const next: Node = clone(live);
    setNodeStatus(next, this.d.machine, this.d.images(), this.readiness, this.d.clock.now(), this.d.record);
    this.recordNodeSchedulableEvent(live);
    const now = this.d.clock.now();
    if (!force && now < this.lastReport + NODE_STATUS_REPORT_FREQUENCY_MS && !nodeStatusHasChanged(live.status, next.status)) return;
    const { resourceVersion: _rv, ...meta } = next.metadata!;
    this.node = this.d.client.updateStatus<Node>(R.nodes, { ...next, apiVersion: 'v1', kind: 'Node', metadata: meta });
    this.lastReport = now;
    this.writes++;
  }
}
