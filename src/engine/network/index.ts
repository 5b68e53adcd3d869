// The cluster network: kube-proxy, CoreDNS, the pod network, the host side and ingress-nginx.
export { startNetwork, Network } from './network';
export type { NetworkOptions } from './network';
export { ClusterNetwork, KUBE_PROXY_USER_AGENT, SERVICE_CIDR } from './cluster-network';
export type { ClusterNetworkDeps, PodNetworkImpl, PodEndpoint, TunnelHandle, ServiceUrls } from './cluster-network';
export { Dataplane, podRecord } from './dataplane';
export type { NetResult, ConnectResult, PodHost, PodRecord, Interceptor, Source, Delivery } from './dataplane';
export { CoreDNS, CLUSTER_DOMAIN, DNS_SERVICE_IP, HOST_MINIKUBE_INTERNAL } from './dns/coredns';
export type { DnsAnswer } from './dns/coredns';
export { ServiceTable, serviceInfo, sliceServiceKey, DEFAULT_AFFINITY_SECONDS } from './proxy/service-table';
export type { ServiceInfo, ServicePortInfo, EndpointInfo } from './proxy/service-table';
export { Proxier, usableEndpoints } from './proxy/proxier';
export type { ProxyDecision } from './proxy/proxier';
export { LocalPorts, AddressInUseError } from './host/local-ports';
export type { LocalListener } from './host/local-ports';
export { performRequest, requestHeaders, searchCandidates, HOST_CURL_USER_AGENT, HOST_IP, CONNECT_TIMEOUT_MS, NO_ROUTE_MS } from './request';
export type { NetworkRequest, NetworkResponse, RequestFrom, RequestError, ClientPath } from './request';
export { parseUrl, statusText, httpDate } from './http-util';
export type { ParsedUrl } from './http-util';
export { reconcileKubernetesEndpoints, KUBE_APISERVER_USER_AGENT } from './control-plane-endpoints';
export { IngressNginxController, isControllerPod, INGRESS_NGINX_NAMESPACE, CONTROLLER_CLASS, STATUS_UPDATE_INTERVAL_MS,
  INGRESS_NGINX_USER_AGENT } from './ingress/controller';
export { IngressRouter } from './ingress/router';
export type { Route } from './ingress/router';
export { errorPage, errorResponse, nginxReason } from './ingress/pages';
export { applyIngressAddon, CertgenEmulator, INGRESS_ADDON_IMAGES } from './ingress/addon';
export { INGRESS_ADDON_MANIFEST } from './ingress/addon-manifest';
export { ipToNumber, numberToIP, isIPv4, parseCidr, cidrContains, gatewayOf, dashed, undashed, fromReverseName } from './ip';
export type { Cidr } from './ip';
