// The kubelet of every simulated node (models k8s.io/kubernetes/pkg/kubelet).
export { Kubelet, KUBELET_USER_AGENT, PLEG_RELIST_PERIOD_MS } from './kubelet';
export type { KubeletOptions } from './kubelet';
export { PodWorker, WORKER_BACKOFF_MS, RESYNC_INTERVAL_MS } from './pod-worker';
export { HostLocalIPAM } from './pod-ip';
export type { PodIPAllocator } from './pod-ip';
export { MemFS, MemVolumeDataRegistry } from './volumemanager';
export type { VolumeDataRegistry } from './volumemanager';
export type { MachineInfo } from './nodestatus';
export type { LogStream, ExecSession, PortForwardSession } from './server';
export { startNodes, NodeSet, podCIDRFor, machineInfo } from './nodes';
export type { NodesOptions } from './nodes';
