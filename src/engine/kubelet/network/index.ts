export { resolvConfFor, etcHostsFor, podHostname, CLUSTER_DNS, CLUSTER_DOMAIN, MINIKUBE_HOST_RESOLV } from './dns';
export type { HostResolvConf } from './dns';
