export { bootstrapControlPlane, bootstrapAddons } from './bootstrap';
export { COREFILE } from './addons';
export { VERSIONS, DEFAULT_CAPACITY, SYSTEM_NAMESPACES, nodeName, nodeIP, nodeLabels, standardStorageClass } from './minikube';
export type { NodeCapacity } from './minikube';
export { kindnetManifest, kindnetDaemonSet } from './kindnet';
