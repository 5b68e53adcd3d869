// A test bench for the scheduler: a Cluster without kubelets whose nodes are plain Node objects
// created through the API (Ready, untainted as the node lifecycle controller would leave them), and
// helpers to create pods and read what the scheduler did.
import type { Event, KubeObject, Node, Pod, Taint } from '../../api';
import { R } from '../../client';
import type { Client } from '../../client';
import { rfc3339, rfc3339Micro } from '../../clock';
import { Cluster } from '../../cluster';

/** A node's shape for tests. */
export interface TestNode {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  ephemeralStorage?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
  ready?: boolean;
}

/** A pod's shape for tests (spec fields are merged onto one nginx container). */
export interface TestPod {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  spec?: Record<string, unknown>;
  ownerReferences?: KubeObject['metadata'] extends infer M ? M extends { ownerReferences?: infer O } ? O : never : never;
}

/** The bench. */
export class SchedulerBench {
  readonly cluster: Cluster;
  readonly client: Client;
  private readonly leaseNodes: string[] = [];

  constructor(opts: { seed?: number; nodes?: TestNode[] } = {}) {
    this.cluster = new Cluster({ seed: opts.seed ?? 1, nodes: 0 });
    this.client = this.cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    // minikube's addons would take room on the test nodes: remove them.
    this.client.delete(R.pods, 'kube-system', 'storage-provisioner', { gracePeriodSeconds: 0 });
    this.client.delete(R.deployments, 'kube-system', 'coredns', { propagationPolicy: 'Background' });
    this.client.delete(R.daemonsets, 'kube-system', 'kube-proxy', { propagationPolicy: 'Background' });
    this.cluster.flush();
    for (const n of opts.nodes ?? []) this.addNode(n);
    this.cluster.flush();
    this.heartbeat();
  }

  /** Renews each node's Lease every 10 s, as a kubelet would, so the node lifecycle controller keeps the nodes Ready. */
  private heartbeat(): void {
    const now = rfc3339Micro(this.cluster.clock.now());
    for (const name of this.leaseNodes) {
      const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' },
        spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: now } } as KubeObject;
      const cur = this.client.tryGet(R.leases, 'kube-node-lease', name);
      if (cur) this.client.update(R.leases, { ...cur, spec: lease.spec });
      else this.client.create(R.leases, lease);
    }
    this.cluster.clock.after(10_000, () => this.heartbeat());
  }

  get scheduler() {
    return this.cluster.scheduler;
  }

  /** Creates a Ready node; its taints are exactly `taints` (the not-ready taint admission adds is removed). */
  addNode(n: TestNode): Node {
    const t = rfc3339(this.cluster.clock.now());
    const alloc: Record<string, string> = { cpu: n.cpu ?? '2', memory: n.memory ?? '4Gi', pods: n.pods ?? '110' };
    if (n.ephemeralStorage) alloc['ephemeral-storage'] = n.ephemeralStorage;
    const node = {
      apiVersion: 'v1', kind: 'Node',
      metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', ...n.labels } },
      spec: n.unschedulable ? { unschedulable: true } : {},
      status: {
        capacity: alloc, allocatable: alloc, images: n.images ?? [],
        conditions: [{ type: 'Ready', status: n.ready === false ? 'False' : 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status',
          lastHeartbeatTime: t, lastTransitionTime: t }],
      },
    } as Node;
    const created = this.client.create<Node>(R.nodes, node);
    this.leaseNodes.push(n.name);
    const next = { ...created, spec: { ...created.spec, taints: n.taints ?? [] } };
    if (!n.taints?.length) delete (next.spec as { taints?: Taint[] }).taints;
    return this.client.update<Node>(R.nodes, next);
  }

  /** Creates a pod in `default` (or its namespace), one container requesting cpu/memory when given. */
  createPod(p: TestPod): Pod {
    const requests: Record<string, string> = {};
    if (p.cpu) requests.cpu = p.cpu;
    if (p.memory) requests.memory = p.memory;
    const pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: p.name, namespace: p.namespace ?? 'default', labels: p.labels, ownerReferences: p.ownerReferences },
      spec: { containers: [{ name: 'app', image: 'nginx', resources: Object.keys(requests).length ? { requests } : {} }], ...p.spec },
    } as Pod;
    return this.client.create<Pod>(R.pods, pod);
  }

  flush(): this {
    this.cluster.flush();
    return this;
  }

  advance(ms: number): this {
    this.cluster.advance(ms);
    return this;
  }

  pod(name: string, namespace = 'default'): Pod {
    return this.client.get<Pod>(R.pods, namespace, name);
  }

  /** Where the pod is bound ("" when pending). */
  nodeOf(name: string, namespace = 'default'): string {
    return this.pod(name, namespace).spec?.nodeName ?? '';
  }

  /** The pod's events (oldest first). */
  events(name: string, namespace = 'default'): Event[] {
    return this.client.list<Event>(R.events, namespace, { fieldSelector: `involvedObject.name=${name}` }).items
      .sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
  }

  /** "Reason: message" of the pod's events. */
  eventTexts(name: string, namespace = 'default'): string[] {
    return this.events(name, namespace).map((e) => `${e.reason}: ${e.message}`);
  }
}
