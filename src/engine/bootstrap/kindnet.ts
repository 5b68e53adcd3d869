// kindnet, the CNI minikube v1.35 applies when a cluster has more than one node (minikube
// pkg/minikube/cni/cni.go chooseDefault; manifest in pkg/minikube/cni/kindnet.go, image in
// pkg/minikube/bootstrapper/images/images.go KindNet).
import type { KubeObject } from '../api/types';
import { VERSIONS } from './minikube';

const ks = 'kube-system';
const labels = { tier: 'node', app: 'kindnet', 'k8s-app': 'kindnet' };

/** Models minikube pkg/minikube/cni/kindnet.go kindNetManifest: its ClusterRole, ClusterRoleBinding, ServiceAccount and DaemonSet. */
export function kindnetManifest(): KubeObject[] {
  return [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'kindnet' }, rules: [
      { apiGroups: ['policy'], resources: ['podsecuritypolicies'], verbs: ['use'], resourceNames: ['kindnet'] },
      { apiGroups: [''], resources: ['nodes', 'namespaces', 'pods'], verbs: ['list', 'watch', 'patch'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get', 'list', 'watch'] }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'kindnet' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kindnet' },
      subjects: [{ kind: 'ServiceAccount', name: 'kindnet', namespace: ks }] },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kindnet', namespace: ks } },
    kindnetDaemonSet(),
  ] as unknown as KubeObject[];
}

/** The kindnet DaemonSet: one host-network `kindnet-cni` container per node, tolerating every NoSchedule taint. */
export function kindnetDaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'kindnet', namespace: ks, labels },
    spec: {
      selector: { matchLabels: { app: 'kindnet' } },
      template: {
        metadata: { labels },
        spec: {
          hostNetwork: true,
          tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
          serviceAccountName: 'kindnet',
          containers: [{
            name: 'kindnet-cni', image: VERSIONS.kindnet,
            env: [{ name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'POD_SUBNET', value: '10.244.0.0/16' }],
            volumeMounts: [{ name: 'cni-cfg', mountPath: '/etc/cni/net.d' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock', readOnly: false },
              { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true }],
            resources: { requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } },
            securityContext: { privileged: false, capabilities: { add: ['NET_RAW', 'NET_ADMIN'] } },
          }],
          volumes: [{ name: 'cni-cfg', hostPath: { path: '/etc/cni/net.d', type: 'DirectoryOrCreate' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } }],
        },
      },
    },
  } as KubeObject;
}
