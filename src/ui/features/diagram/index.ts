// The live cluster diagram (d3): nodes and their pods by owner, Services/Ingresses/PVCs with their
// routes, node actions and the failover demo.
export { ClusterDiagram as DiagramPane } from './ClusterDiagram';
export { startFailoverDemo } from './FailoverDemo';
export { FAILOVER_MANIFEST, FAILOVER_TIMINGS, FAILOVER_NODES } from './failover-demo';
export { buildModel } from './model';
export { layoutDiagram, COMPACT_PODS } from './layout';
export type { ClusterModel, PodItem, NodeItem, RouteSource } from './model';
export type { DiagramLayout } from './layout';
