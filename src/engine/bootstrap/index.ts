export { bootstrapControlPlane } from './bootstrap';
export { VERSIONS, DEFAULT_CAPACITY, SYSTEM_NAMESPACES, nodeName, nodeIP, nodeLabels, standardStorageClass } from './minikube';
export type { NodeCapacity } from './minikube';
