// The writes kubeadm and minikube's addon manager make on a fresh cluster, through the API.
import type { Client } from '../client';
import { R } from '../client';
import type { KubeObject } from '../api/types';
import { SYSTEM_NAMESPACES, standardStorageClass } from './minikube';

/** Creates the system namespaces, the `kubernetes` Service and the default StorageClass. */
export function bootstrapControlPlane(client: Client): void {
  for (const name of SYSTEM_NAMESPACES) {
    client.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  // The apiserver's own Service (pkg/controlplane/reconcilers: port 443 → the apiserver's 8443 on minikube).
  client.create(R.services, {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }], sessionAffinity: 'None' },
  } as KubeObject);
  client.create(R.storageclasses, standardStorageClass());
}
