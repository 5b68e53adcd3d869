// The control plane's static pods: the manifests kubeadm v1.32 writes to /etc/kubernetes/manifests
// on minikube (certificates under /var/lib/minikube/certs, API server on 8443), and the kubelet's
// file-source defaults (pkg/kubelet/config/common.go applyDefaults: name-<node>, nodeName, the
// config.hash/seen/source annotations, a NoExecute toleration) and mirror pods (mirror_client.go:
// the config.mirror annotation and a controller owner reference to the Node).
import type { Container, Pod, Volume } from '../../api/types';
import type { Rng } from '../../clock';

/** Versions of the control plane images. */
export interface ControlPlaneVersions {
  kubernetes: string;
  etcd: string;
}

const CERTS = '/var/lib/minikube/certs';

const hostPathVolume = (name: string, path: string, type: string): Volume => ({ name, hostPath: { path, type } });

function probe(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS', extra: Record<string, number>) {
  return { httpGet: { host, path, port, scheme }, ...extra };
}
const liveness = (host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS') =>
  probe(host, path, port, scheme, { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });
const startup = (host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS') =>
  probe(host, path, port, scheme, { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });
const readiness = (host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS') =>
  probe(host, path, port, scheme, { failureThreshold: 3, periodSeconds: 1, timeoutSeconds: 15 });

function manifest(component: string, container: Container, volumes: Volume[], annotations: Record<string, string> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, annotations },
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes,
    },
  };
}

const caVolumes = (): Volume[] => [
  hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPathVolume('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
];
const caMounts = () => [
  { mountPath: '/etc/ssl/certs', name: 'ca-certs', readOnly: true },
  { mountPath: '/etc/ca-certificates', name: 'etc-ca-certificates', readOnly: true },
];
const shareVolumes = (): Volume[] => [
  hostPathVolume('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPathVolume('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];
const shareMounts = () => [
  { mountPath: '/usr/local/share/ca-certificates', name: 'usr-local-share-ca-certificates', readOnly: true },
  { mountPath: '/usr/share/ca-certificates', name: 'usr-share-ca-certificates', readOnly: true },
];

/** The four manifests of a minikube control-plane node, in file-name order. */
export function controlPlaneManifests(nodeName: string, nodeIP: string, v: ControlPlaneVersions): Pod[] {
  const etcd = manifest('etcd', {
    name: 'etcd', image: v.etcd, imagePullPolicy: 'IfNotPresent',
    command: ['etcd', `--advertise-client-urls=https://${nodeIP}:2379`, `--cert-file=${CERTS}/etcd/server.crt`, '--client-cert-auth=true',
      '--data-dir=/var/lib/minikube/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s',
      `--initial-advertise-peer-urls=https://${nodeIP}:2380`, `--initial-cluster=${nodeName}=https://${nodeIP}:2380`,
      `--key-file=${CERTS}/etcd/server.key`, `--listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379`,
      '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${nodeIP}:2380`, `--name=${nodeName}`,
      `--peer-cert-file=${CERTS}/etcd/peer.crt`, '--peer-client-cert-auth=true', `--peer-key-file=${CERTS}/etcd/peer.key`,
      `--peer-trusted-ca-file=${CERTS}/etcd/ca.crt`, '--proxy-refresh-interval=70000', '--snapshot-count=10000',
      `--trusted-ca-file=${CERTS}/etcd/ca.crt`],
    livenessProbe: liveness('127.0.0.1', '/livez', 2381, 'HTTP'),
    readinessProbe: readiness('127.0.0.1', '/readyz', 2381, 'HTTP'),
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    startupProbe: startup('127.0.0.1', '/readyz', 2381, 'HTTP'),
    volumeMounts: [{ mountPath: '/var/lib/minikube/etcd', name: 'etcd-data' }, { mountPath: `${CERTS}/etcd`, name: 'etcd-certs' }],
  }, [hostPathVolume('etcd-certs', `${CERTS}/etcd`, 'DirectoryOrCreate'), hostPathVolume('etcd-data', '/var/lib/minikube/etcd', 'DirectoryOrCreate')],
  { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIP}:2379` });

  const apiserver = manifest('kube-apiserver', {
    name: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${v.kubernetes}`, imagePullPolicy: 'IfNotPresent',
    command: ['kube-apiserver', `--advertise-address=${nodeIP}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC',
      `--client-ca-file=${CERTS}/ca.crt`,
      '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota',
      '--enable-bootstrap-token-auth=true', `--etcd-cafile=${CERTS}/etcd/ca.crt`, `--etcd-certfile=${CERTS}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${CERTS}/apiserver-etcd-client.key`, '--etcd-servers=https://127.0.0.1:2379',
      `--kubelet-client-certificate=${CERTS}/apiserver-kubelet-client.crt`, `--kubelet-client-key=${CERTS}/apiserver-kubelet-client.key`,
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', `--proxy-client-cert-file=${CERTS}/front-proxy-client.crt`,
      `--proxy-client-key-file=${CERTS}/front-proxy-client.key`, '--requestheader-allowed-names=front-proxy-client',
      `--requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt`, '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--secure-port=8443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local', `--service-account-key-file=${CERTS}/sa.pub`,
      `--service-account-signing-key-file=${CERTS}/sa.key`, '--service-cluster-ip-range=10.96.0.0/12', `--tls-cert-file=${CERTS}/apiserver.crt`,
      `--tls-private-key-file=${CERTS}/apiserver.key`],
    livenessProbe: liveness(nodeIP, '/livez', 8443, 'HTTPS'),
    readinessProbe: readiness(nodeIP, '/readyz', 8443, 'HTTPS'),
    resources: { requests: { cpu: '250m' } },
    startupProbe: startup(nodeIP, '/livez', 8443, 'HTTPS'),
    volumeMounts: [...caMounts(), { mountPath: CERTS, name: 'k8s-certs', readOnly: true }, ...shareMounts()],
  }, [...caVolumes(), hostPathVolume('k8s-certs', CERTS, 'DirectoryOrCreate'), ...shareVolumes()],
  { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:8443` });

  const kcm = manifest('kube-controller-manager', {
    name: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${v.kubernetes}`, imagePullPolicy: 'IfNotPresent',
    command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', `--client-ca-file=${CERTS}/ca.crt`,
      '--cluster-cidr=10.244.0.0/16', '--cluster-name=mk', `--cluster-signing-cert-file=${CERTS}/ca.crt`,
      `--cluster-signing-key-file=${CERTS}/ca.key`, '--controllers=*,bootstrapsigner,tokencleaner',
      '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=false', `--requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt`,
      `--root-ca-file=${CERTS}/ca.crt`, `--service-account-private-key-file=${CERTS}/sa.key`, '--service-cluster-ip-range=10.96.0.0/12',
      '--use-service-account-credentials=true'],
    livenessProbe: liveness('127.0.0.1', '/healthz', 10257, 'HTTPS'),
    resources: { requests: { cpu: '200m' } },
    startupProbe: startup('127.0.0.1', '/healthz', 10257, 'HTTPS'),
    volumeMounts: [...caMounts(), { mountPath: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', name: 'flexvolume-dir' },
      { mountPath: CERTS, name: 'k8s-certs', readOnly: true }, { mountPath: '/etc/kubernetes/controller-manager.conf', name: 'kubeconfig', readOnly: true },
      ...shareMounts()],
  }, [...caVolumes(), hostPathVolume('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
    hostPathVolume('k8s-certs', CERTS, 'DirectoryOrCreate'), hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
    ...shareVolumes()]);

  const scheduler = manifest('kube-scheduler', {
    name: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${v.kubernetes}`, imagePullPolicy: 'IfNotPresent',
    command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=false'],
    livenessProbe: liveness('127.0.0.1', '/healthz', 10259, 'HTTPS'),
    resources: { requests: { cpu: '100m' } },
    startupProbe: startup('127.0.0.1', '/healthz', 10259, 'HTTPS'),
    volumeMounts: [{ mountPath: '/etc/kubernetes/scheduler.conf', name: 'kubeconfig', readOnly: true }],
  }, [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')]);

  return [etcd, apiserver, kcm, scheduler];
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
  return s;
}

/** RFC3339Nano of a simulated instant with random nanoseconds (trailing zeros trimmed, as Go prints it). */
export function rfc3339NanoRandom(rng: Rng, t: number): string {
  const iso = new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', '');
  const frac = `${String(Math.floor(t) % 1000).padStart(3, '0')}${String(rng.int(1_000_000)).padStart(6, '0')}`.replace(/0+$/, '');
  return frac ? `${iso}.${frac}Z` : `${iso}Z`;
}

/** applyDefaults (file source): the kubelet's own copy of a static pod, with uid = config hash. */
export function staticPodFromManifest(m: Pod, nodeName: string, rng: Rng, seenAt: number): Pod {
  const pod: Pod = structuredClone(m);
  const hash = hex(rng, 32);
  pod.metadata = {
    ...pod.metadata,
    name: `${m.metadata!.name}-${nodeName}`,
    uid: hash,
    annotations: { ...(pod.metadata?.annotations ?? {}), 'kubernetes.io/config.hash': hash,
      'kubernetes.io/config.seen': rfc3339NanoRandom(rng, seenAt), 'kubernetes.io/config.source': 'file' },
  };
  pod.spec = { ...pod.spec!, nodeName, tolerations: [...(pod.spec?.tolerations ?? []), { effect: 'NoExecute', operator: 'Exists' }] };
  return pod;
}

/** CreateMirrorPod: the API copy of a static pod, owned by the Node. */
export function mirrorPodOf(staticPod: Pod, nodeName: string, nodeUid: string): Pod {
  const { uid: _uid, ...meta } = staticPod.metadata!;
  const hash = staticPod.metadata!.annotations!['kubernetes.io/config.hash'];
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { ...meta, annotations: { ...meta.annotations, 'kubernetes.io/config.mirror': hash },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }] },
    spec: structuredClone(staticPod.spec),
  };
}
