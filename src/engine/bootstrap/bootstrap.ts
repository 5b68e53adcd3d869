// The writes kubeadm and minikube's addon manager make on a fresh cluster, through the API.
import type { Client } from '../client';
import { R, res } from '../client';
import type { KubeObject } from '../api/types';
import { SYSTEM_NAMESPACES, standardStorageClass } from './minikube';
import { kindnetManifest } from './kindnet';
import { corednsDeployment, kubeDnsService, kubeProxyDaemonSet, storageProvisionerPod, systemConfigMaps,
  systemPriorityClasses, systemServiceAccounts } from './addons';

/** Creates the system namespaces, the `kubernetes` Service, the built-in priority classes and the default StorageClass. */
export function bootstrapControlPlane(client: Client): void {
  for (const name of SYSTEM_NAMESPACES) {
    client.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (const pc of systemPriorityClasses()) client.create(res('priorityclasses.scheduling.k8s.io'), pc);
  // The apiserver's own Service (pkg/controlplane/reconcilers: port 443 → the apiserver's 8443 on minikube).
  client.create(R.services, {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }] },
  } as KubeObject);
}

/** kubeadm's and minikube's addons: CoreDNS, kube-proxy, kindnet (several nodes), storage-provisioner, the default StorageClass. */
export function bootstrapAddons(client: Client, o: { kindnet?: boolean } = {}): void {
  for (const sa of systemServiceAccounts()) client.create(R.serviceaccounts, sa);
  for (const cm of systemConfigMaps()) client.create(R.configmaps, cm);
  client.create(R.services, kubeDnsService());
  client.create(R.deployments, corednsDeployment());
  client.create(R.daemonsets, kubeProxyDaemonSet());
  // minikube applies its CNI manifest while it configures the control plane ("Configuring CNI").
  if (o.kindnet) {
    for (const obj of kindnetManifest()) {
      const r = obj.kind === 'ClusterRole' ? res('clusterroles.rbac.authorization.k8s.io')
        : obj.kind === 'ClusterRoleBinding' ? res('clusterrolebindings.rbac.authorization.k8s.io')
          : obj.kind === 'ServiceAccount' ? R.serviceaccounts : R.daemonsets;
      client.create(r, obj);
    }
  }
  client.create(R.pods, storageProvisionerPod());
  client.create(R.storageclasses, standardStorageClass());
}
