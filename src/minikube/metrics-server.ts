// minikube's metrics-server addon: the metrics-server Deployment and Service in kube-system, and the
// Metrics API (metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics) the API server proxies to it once it
// is Ready (kube-aggregator's APIService v1beta1.metrics.k8s.io). Usage comes from the kubelets'
// runtimes (kubelet.podUsage), as metrics-server scrapes the kubelets' resource metrics.
// Models kubernetes-sigs/metrics-server pkg/api (node.go, pod.go) and minikube v1.35
// deploy/addons/metrics-server/*.tmpl (image, args).
import type { Cluster } from '../engine/cluster';
import type { ApiRequest, ApiResponse } from '../engine/api/request';
import type { ApiStatus, Deployment, KubeObject, Node, Pod, Service } from '../engine/api/types';
import { parseSelector } from '../engine/api/labels';
import { rfc3339 } from '../engine/clock';
import { R } from '../engine/client/resources';

/** The image minikube's addon runs. */
export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';
const GV = 'metrics.k8s.io/v1beta1';
const LABELS = { 'k8s-app': 'metrics-server' };
// What the node itself uses besides its pods (kernel, dockerd, kubelet): metrics-server reports the
// node's cgroup root, which includes them. Deviation: the control plane's static pods are counted here too
// (their usage is not reported per pod).
const NODE_OVERHEAD = { cpuMilli: 170, memoryBytes: 600 * 1024 * 1024 };

function status(code: number, reason: ApiStatus['reason'], message: string): ApiResponse {
  return { code, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } as ApiStatus };
}

const cpu = (milli: number) => `${Math.round(milli * 1e6)}n`;
const mem = (bytes: number) => `${Math.round(bytes / 1024)}Ki`;

function ready(cluster: Cluster): boolean {
  const r = cluster.api.handle({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', query: { labelSelector: 'k8s-app=metrics-server' } });
  return ((r.body as { items?: Pod[] }).items ?? []).some((p) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
}

function listAll<T extends KubeObject>(cluster: Cluster, resource: string, namespace?: string): T[] {
  const r = cluster.api.handle({ verb: 'list', group: '', version: 'v1', resource, namespace });
  return (r.body as { items?: T[] }).items ?? [];
}

function podMetrics(cluster: Cluster, pod: Pod, now: number): KubeObject | undefined {
  const k = pod.spec?.nodeName ? cluster.nodes.get(pod.spec.nodeName) : undefined;
  const usage = k ? k.podUsage(pod.metadata?.uid ?? '') : [];
  if (!usage.length) return undefined;
  return { kind: 'PodMetrics', apiVersion: GV,
    metadata: { name: pod.metadata?.name, namespace: pod.metadata?.namespace, creationTimestamp: rfc3339(now), labels: pod.metadata?.labels },
    timestamp: rfc3339(now - 5000), window: '15.0s',
    containers: usage.map((u) => ({ name: u.name, usage: { cpu: cpu(u.cpuMilli), memory: mem(u.memoryBytes) } })) } as KubeObject;
}

function nodeMetrics(cluster: Cluster, node: Node, pods: Pod[], now: number): KubeObject {
  const name = node.metadata?.name ?? '';
  const k = cluster.nodes.get(name);
  let c = NODE_OVERHEAD.cpuMilli;
  let m = NODE_OVERHEAD.memoryBytes;
  for (const p of pods) {
    if (p.spec?.nodeName !== name || !k) continue;
    for (const u of k.podUsage(p.metadata?.uid ?? '')) {
      c += u.cpuMilli;
      m += u.memoryBytes;
    }
  }
  return { kind: 'NodeMetrics', apiVersion: GV, metadata: { name, creationTimestamp: rfc3339(now), labels: node.metadata?.labels },
    timestamp: rfc3339(now - 5000), window: '15.0s', usage: { cpu: cpu(c), memory: mem(m) } } as KubeObject;
}

/** The Metrics API as metrics-server answers it (get and list of nodes and pods, label selectors). */
function serveMetrics(cluster: Cluster, req: ApiRequest): ApiResponse {
  // client-go names the HTTP method (GET is "get" for lists too) and the resource.
  const what = `get ${req.resource}.metrics.k8s.io${req.name ? ` ${req.name}` : ''}`;
  if (!ready(cluster)) return status(503, 'ServiceUnavailable', `the server is currently unable to handle the request (${what})`);
  if (req.verb !== 'get' && req.verb !== 'list') return status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${what})`);
  const now = cluster.clock.now();
  const sel = parseSelector(req.query?.labelSelector ?? '');
  const list = (kind: string, items: KubeObject[]) => ({ code: 200, body: { kind, apiVersion: GV, metadata: {}, items } });
  if (req.resource === 'nodes') {
    const pods = listAll<Pod>(cluster, 'pods');
    const nodes = listAll<Node>(cluster, 'nodes').filter((n) => sel.matches(n.metadata?.labels));
    const items = nodes.map((n) => nodeMetrics(cluster, n, pods, now));
    if (req.name) {
      const one = items.find((i) => i.metadata?.name === req.name);
      return one ? { code: 200, body: one } : status(404, 'NotFound', `nodemetrics.metrics.k8s.io "${req.name}" not found`);
    }
    return list('NodeMetricsList', items);
  }
  if (req.resource === 'pods') {
    const pods = listAll<Pod>(cluster, 'pods', req.namespace).filter((p) => sel.matches(p.metadata?.labels));
    const items = pods.map((p) => podMetrics(cluster, p, now)).filter((x): x is KubeObject => !!x);
    if (req.name) {
      const one = items.find((i) => i.metadata?.name === req.name);
      return one ? { code: 200, body: one } : status(404, 'NotFound', `podmetrics.metrics.k8s.io "${req.name}" not found`);
    }
    return list('PodMetricsList', items);
  }
  return status(404, 'NotFound', 'the server could not find the requested resource');
}

/** `minikube addons enable metrics-server`. */
export function enableMetricsServer(cluster: Cluster): void {
  const client = cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  const deployment: Deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'metrics-server', namespace: 'kube-system', labels: { ...LABELS, 'addonmanager.kubernetes.io/mode': 'Reconcile', 'kubernetes.io/minikube-addons': 'metrics-server' } },
    spec: {
      selector: { matchLabels: LABELS },
      strategy: { rollingUpdate: { maxUnavailable: 0 } },
      template: {
        metadata: { name: 'metrics-server', labels: LABELS },
        spec: {
          serviceAccountName: 'default',
          priorityClassName: 'system-cluster-critical',
          containers: [{
            name: 'metrics-server', image: METRICS_SERVER_IMAGE, imagePullPolicy: 'IfNotPresent',
            args: ['--cert-dir=/tmp', '--secure-port=4443', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
              '--kubelet-use-node-status-port', '--metric-resolution=60s', '--kubelet-insecure-tls'],
            ports: [{ name: 'https', containerPort: 4443, protocol: 'TCP' }],
            resources: { requests: { cpu: '100m', memory: '200Mi' } },
          }],
        },
      },
    },
  };
  const service: Service = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'metrics-server', namespace: 'kube-system', labels: { ...LABELS, 'kubernetes.io/minikube-addons': 'metrics-server', 'kubernetes.io/name': 'Metrics-server', 'addonmanager.kubernetes.io/mode': 'Reconcile' } },
    spec: { selector: LABELS, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }] },
  };
  for (const [r, obj] of [[R.services, service], [R.deployments, deployment]] as const) {
    try {
      client.create(r, obj);
    } catch {
      // Already there (enabled before): minikube's apply leaves it as is.
    }
  }
  cluster.api.registerAPIService(GV, (req) => serveMetrics(cluster, req));
  cluster.flush();
}

/** `minikube addons disable metrics-server`. */
export function disableMetricsServer(cluster: Cluster): void {
  const client = cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  cluster.api.registerAPIService(GV, undefined);
  for (const r of [R.deployments, R.services]) {
    try {
      client.delete(r, 'kube-system', 'metrics-server');
    } catch {
      // Gone already.
    }
  }
  cluster.flush();
}
