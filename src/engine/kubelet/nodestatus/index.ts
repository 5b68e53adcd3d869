export { initialNode, setNodeStatus, nodeImages, nodeStatusHasChanged, NODE_STATUS_MAX_IMAGES, KUBELET_PORT } from './setters';
export type { MachineInfo, NodeEventFn, Readiness } from './setters';
export { NodeStatusManager, NODE_STATUS_REPORT_FREQUENCY_MS } from './node-status';
export type { NodeStatusDeps } from './node-status';
