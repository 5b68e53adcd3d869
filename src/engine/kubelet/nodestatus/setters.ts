// The kubelet's picture of its Node. Models pkg/kubelet/kubelet_node_status.go (initialNode) and
// pkg/kubelet/nodestatus/setters.go (v1.32): addresses, capacity/allocatable, nodeInfo, daemon
// endpoints, images (largest 50 first), and the MemoryPressure / DiskPressure / PIDPressure /
// Ready conditions with their reasons, messages, heartbeat and transition times and the
// "Node <name> status is now: <event>" events.
import type { Node, NodeCondition } from '../../api/types';
import { deepEqual } from '../../api/meta';
import { rfc3339 } from '../../clock';
import type { ImageInfo } from '../../runtime/cri';
import { events } from '../container';

/** kubelet_node_status.go nodeStatusMaxImages. */
export const NODE_STATUS_MAX_IMAGES = 50;
/** The kubelet's port (daemonEndpoints.kubeletEndpoint.Port). */
export const KUBELET_PORT = 10250;

/** What the kubelet knows about its machine. */
export interface MachineInfo {
  nodeName: string;
  nodeIP: string;
  podCIDR: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  capacity: Record<string, string>;
  /** nodeInfo fields. */
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
  machineID: string;
  systemUUID: string;
  bootID: string;
}

/** Records a node event (type, reason). */
export type NodeEventFn = (type: 'Normal' | 'Warning', reason: string) => void;

/** initialNode: the Node the kubelet registers (status filled by setNodeStatus). */
export function initialNode(m: MachineInfo): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: m.nodeName, labels: { ...m.labels }, annotations: { ...m.annotations } },
    // Deviation: spec.podCIDR is set at registration; upstream the node IPAM controller (--allocate-node-cidrs) sets it.
    spec: { podCIDR: m.podCIDR, podCIDRs: [m.podCIDR] },
    status: {},
  };
}

/** The images a node reports: largest first, at most 50, each named by digest and by tag. */
export function nodeImages(images: readonly ImageInfo[]): NonNullable<Node['status']>['images'] {
  return [...images].sort((a, b) => b.sizeBytes - a.sizeBytes || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .slice(0, NODE_STATUS_MAX_IMAGES)
    // names: the repo digests, then the tags (kubelet_node_status.go: append(RepoDigests, RepoTags...)).
    .map((i) => ({ names: i.repoTags || i.repoDigests ? [...(i.repoDigests ?? []), ...(i.repoTags ?? [])]
      : [i.imageID.replace(/^[a-z-]+:\/\//, ''), i.ref], sizeBytes: i.sizeBytes }));
}

function pressureCondition(node: Node, type: string, now: string, pressure: boolean, texts: {
  trueReason: string; trueMessage: string; trueEvent: string; falseReason: string; falseMessage: string; falseEvent: string;
}, record: NodeEventFn): void {
  const conds = node.status!.conditions!;
  let c = conds.find((x) => x.type === type);
  const isNew = !c;
  if (!c) c = { type, status: 'Unknown' };
  c.lastHeartbeatTime = now;
  if (pressure) {
    if (c.status !== 'True') {
      Object.assign(c, { status: 'True', reason: texts.trueReason, message: texts.trueMessage, lastTransitionTime: now });
      record('Normal', texts.trueEvent);
    }
  } else if (c.status !== 'False') {
    Object.assign(c, { status: 'False', reason: texts.falseReason, message: texts.falseMessage, lastTransitionTime: now });
    record('Normal', texts.falseEvent);
  }
  if (isNew) conds.push(c);
}

/** The Ready condition's verdict: ready, or the error message of KubeletNotReady. */
export type Readiness = { ready: true } | { ready: false; message: string };

/** setNodeStatus: runs every setter on a (copied) node, recording status events. */
export function setNodeStatus(node: Node, m: MachineInfo, images: readonly ImageInfo[], readiness: Readiness, nowMs: number,
  record: NodeEventFn): void {
  const now = rfc3339(nowMs);
  if (!node.status) (node as { status: NonNullable<Node['status']> }).status = {};
  const st = node.status!;
  st.addresses = [{ address: m.nodeIP, type: 'InternalIP' }, { address: m.nodeName, type: 'Hostname' }];
  st.capacity = { ...m.capacity };
  st.allocatable = { ...m.capacity };
  st.nodeInfo = {
    machineID: m.machineID, systemUUID: m.systemUUID, bootID: m.bootID, kernelVersion: m.kernelVersion, osImage: m.osImage,
    containerRuntimeVersion: m.containerRuntimeVersion, kubeletVersion: m.kubeletVersion,
    // DisableNodeKubeProxyVersion is on in v1.32: the kubelet no longer reports kube-proxy's version.
    kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64',
  };
  st.daemonEndpoints = { kubeletEndpoint: { Port: KUBELET_PORT } };
  st.images = nodeImages(images);
  st.conditions = (st.conditions ?? []).map((c: NodeCondition) => ({ ...c }));
  pressureCondition(node, 'MemoryPressure', now, false, {
    trueReason: 'KubeletHasInsufficientMemory', trueMessage: 'kubelet has insufficient memory available', trueEvent: 'NodeHasInsufficientMemory',
    falseReason: 'KubeletHasSufficientMemory', falseMessage: 'kubelet has sufficient memory available', falseEvent: 'NodeHasSufficientMemory',
  }, record);
  pressureCondition(node, 'DiskPressure', now, false, {
    trueReason: 'KubeletHasDiskPressure', trueMessage: 'kubelet has disk pressure', trueEvent: 'NodeHasDiskPressure',
    falseReason: 'KubeletHasNoDiskPressure', falseMessage: 'kubelet has no disk pressure', falseEvent: 'NodeHasNoDiskPressure',
  }, record);
  pressureCondition(node, 'PIDPressure', now, false, {
    trueReason: 'KubeletHasInsufficientPID', trueMessage: 'kubelet has insufficient PID available', trueEvent: 'NodeHasInsufficientPID',
    falseReason: 'KubeletHasSufficientPID', falseMessage: 'kubelet has sufficient PID available', falseEvent: 'NodeHasSufficientPID',
  }, record);
  const ready: NodeCondition = readiness.ready
    ? { type: 'Ready', status: 'True', lastHeartbeatTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' }
    : { type: 'Ready', status: 'False', lastHeartbeatTime: now, reason: 'KubeletNotReady', message: readiness.message };
  const conds = st.conditions;
  const i = conds.findIndex((c: NodeCondition) => c.type === 'Ready');
  if (i < 0) {
    ready.lastTransitionTime = now;
    conds.push(ready);
  } else {
    const changed = conds[i].status !== ready.status;
    ready.lastTransitionTime = changed ? now : conds[i].lastTransitionTime;
    conds[i] = ready;
    if (changed) record('Normal', ready.status === 'True' ? events.NODE_READY : events.NODE_NOT_READY);
  }
  // The API orders a condition's fields as the Go struct does.
  st.conditions = conds.map((c: NodeCondition) => ({ type: c.type, status: c.status, lastHeartbeatTime: c.lastHeartbeatTime,
    lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
}

/** nodeStatusHasChanged: anything but heartbeat times differs. */
export function nodeStatusHasChanged(a: Node['status'], b: Node['status']): boolean {
  const strip = (s: Node['status']) => ({ ...s, conditions: (s?.conditions ?? []).map((c: NodeCondition) => {
    const { lastHeartbeatTime: _hb, ...rest } = c;
    return rest;
  }) });
  return !deepEqual(strip(a), strip(b));
}
