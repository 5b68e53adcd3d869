// The endpoints of the `kubernetes` Service, which kube-apiserver keeps itself (it has no selector).
// Models pkg/controlplane/reconcilers/endpointsadapter.go (updateEndpoints, updateEndpointSlice):
// the Endpoints carry the skip-mirror label, the EndpointSlice is named after the Service and
// carries only the service-name label; one ready endpoint per API server.
import type { EndpointSlice, Endpoints } from '../api';
import { isAlreadyExists } from '../api';
import { R, type Client } from '../client';

/** The API server's user agent when it writes its own objects. */
export const KUBE_APISERVER_USER_AGENT = 'kube-apiserver/v1.32.0 (linux/amd64) kubernetes/70d3cc9';

/** Writes the `kubernetes` Endpoints and EndpointSlice for an API server at ip:port (minikube: 192.168.49.2:8443). */
export function reconcileKubernetesEndpoints(client: Client, ip: string, port = 8443): void {
  const ep: Endpoints = {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  };
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port, protocol: 'TCP' }],
  };
  for (const [r, obj] of [[R.endpoints, ep], [R.endpointslices, slice]] as const) {
    try {
      client.create(r, obj);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
  }
}
