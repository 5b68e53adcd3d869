// What `minikube start` leaves behind (minikube v1.35, Kubernetes v1.32.0, docker driver): the
// namespaces, the control-plane node, the kube-system workloads, the `kubernetes` and `kube-dns`
// Services, the default StorageClass. Everything is written through the API, as kubeadm and the
// addons manager do.
import type { KubeObject } from '../api/types';
import { rfc3339 } from '../clock';

/** The versions a fresh minikube cluster reports. */
export const VERSIONS = {
  kubernetes: 'v1.32.0',
  minikube: 'v1.35.0',
  minikubeCommit: 'dd5d320e41b5451cdf3c01891bc4e13d189586ed-dirty',
  containerRuntime: 'docker://27.4.1',
  kernel: '5.15.0-1075-gcp',
  osImage: 'Ubuntu 22.04.5 LTS',
  coredns: 'registry.k8s.io/coredns/coredns:v1.11.3',
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  storageProvisioner: 'gcr.io/k8s-minikube/storage-provisioner:v5',
  /** minikube v1.35.0 pkg/minikube/bootstrapper/images/images.go KindNet. */
  kindnet: 'docker.io/kindest/kindnetd:v20241108-5c6d2daf',
} as const;

/** Capacity of one simulated node (what `kubectl describe node` shows under Capacity). */
export interface NodeCapacity {
  cpu: string;
  memory: string;
  pods: string;
  'ephemeral-storage': string;
}

/** minikube's default node: 2 CPUs, ~3.8 GiB, 110 pods. */
export const DEFAULT_CAPACITY: NodeCapacity = { cpu: '2', memory: '3912804Ki', pods: '110', 'ephemeral-storage': '61202244Ki' };

/** minikube names its nodes minikube, minikube-m02, minikube-m03, … */
export function nodeName(i: number): string {
  return i === 0 ? 'minikube' : `minikube-m${String(i + 1).padStart(2, '0')}`;
}

/** The InternalIP of node i on minikube's docker network (192.168.49.2, .3, …). */
export function nodeIP(i: number): string {
  return `192.168.49.${i + 2}`;
}

/** The labels minikube/kubeadm put on a node. */
export function nodeLabels(i: number, createdAt: number): Record<string, string> {
  const name = nodeName(i);
  const t = rfc3339(createdAt).replace(/[-:]/g, '_').replace('T', 'T').replace('Z', '_0700');
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'minikube.k8s.io/commit': VERSIONS.minikubeCommit,
    'minikube.k8s.io/name': 'minikube',
    'minikube.k8s.io/primary': i === 0 ? 'true' : 'false',
    'minikube.k8s.io/updated_at': t,
    'minikube.k8s.io/version': VERSIONS.minikube,
  };
  if (i === 0) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return labels;
}

/** The Namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** The StorageClass minikube's default-storageclass addon installs. */
export function standardStorageClass(): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
    metadata: {
      name: 'standard',
      labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: 'k8s.io/minikube-hostpath',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  } as KubeObject;
}
