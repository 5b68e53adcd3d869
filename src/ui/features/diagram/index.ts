// The live cluster diagram (d3, with a canvas pod layer past COMPACT_PODS): nodes and their pods by
// owner, the owners (workloads) and Services/Ingresses/PVCs/ConfigMaps/Secrets linked to them, node
// actions and the failover demo.
export { ClusterDiagram as DiagramPane } from './ClusterDiagram';
export { startFailoverDemo } from './FailoverDemo';
export { FAILOVER_MANIFEST, FAILOVER_TIMINGS, FAILOVER_NODES, failoverBanner } from './failover-demo';
export { buildModel } from './model';
export { layoutDiagram, COMPACT_PODS, PER_POD_LINKS } from './layout';
export { buildWorkloads } from './workloads';
export type { ClusterModel, PodItem, NodeItem, RouteSource } from './model';
export type { DiagramLayout, LinkPath } from './layout';
export type { WorkloadItem } from './workloads';
