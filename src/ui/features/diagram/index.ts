// Mount point of the cluster diagram. ClusterOverview is a placeholder the d3 diagram replaces.
export { ClusterOverview as DiagramPane } from './ClusterOverview';
