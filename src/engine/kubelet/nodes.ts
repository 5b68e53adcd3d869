// The cluster's nodes: one kubelet (and container runtime) per node, and the API server's connect
// subresources routed to the kubelet of the pod's node.
import type { ApiRequest, ApiResponse } from '../api/request';
import type { KubeObject, Pod } from '../api/types';
import type { Clock, Rng } from '../clock';
import type { Client } from '../client';
import type { ContainerRuntime } from '../runtime/cri';
import { Kubelet, KUBELET_USER_AGENT } from './kubelet';
import type { MachineInfo } from './nodestatus';
import type { VolumeDataRegistry } from './volumemanager';

/** One node's identity, as minikube sets it up. */
export interface NodeIdentity {
  name: string;
  ip: string;
  /** The node's labels, or a function of the time it joins (minikube stamps minikube.k8s.io/updated_at). */
  labels: Record<string, string> | ((joinedAt: number) => Record<string, string>);
  capacity: Record<string, string>;
  /**
   * Simulated ms after startNodes before this node's kubelet starts and registers (minikube joins its
   * workers one after another once the control plane is up); 0 or absent: at once.
   */
  joinAfterMs?: number;
}

/** Versions a node reports. */
export interface NodeVersions {
  kubernetes: string;
  containerRuntime: string;
  kernel: string;
  osImage: string;
  etcd: string;
}

/** What startNodes needs from the cluster. */
export interface NodesOptions {
  nodes: NodeIdentity[];
  versions: NodeVersions;
  /** A component's dependencies by name and user agent (Cluster.deps). */
  deps(name: string, userAgent: string): { clock: Clock; rng: Rng; client: Client; timings: { nodeStatusUpdateFrequencyMs: number } };
  /** The container runtime of a node. */
  runtimeFor(nodeName: string, clock: Clock, rng: Rng): ContainerRuntime;
  volumeData: VolumeDataRegistry;
  /** ApiServer.registerConnector. */
  registerConnector(resourceSlashSub: string, c: (req: ApiRequest, obj: KubeObject) => ApiResponse): void;
}

/**
 * The pod CIDR of node i: 10.244.i.0/24, as the node IPAM controller hands out /24s of 10.244.0.0/16.
 * Deviation: past the 256 /24s of that range the simulator goes on in 10.245.0.0/16, 10.246.0.0/16, …
 * (upstream would stop allocating: "no remaining CIDRs left").
 */
export function podCIDRFor(i: number): string {
  return `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`;
}

/** The kubelets of a cluster by node name (`nodes.get('minikube-m02').stop()`), and their shared volume data. */
export class NodeSet extends Map<string, Kubelet> {
  /** Set by startNodes: creates node i's kubelet and adds it to the set. */
  joiner?: (n: NodeIdentity, i: number) => Kubelet;

  constructor(readonly volumeData: VolumeDataRegistry) {
    super();
  }

  /** A new node (the i-th) joins now: its kubelet starts and registers it (`minikube node add`). */
  join(n: NodeIdentity, i: number): Kubelet {
    if (!this.joiner) throw new Error('NodeSet.join before startNodes');
    const k = this.joiner(n, i);
    k.start();
    return k;
  }
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
  return s;
}

const uuid = (rng: Rng) => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[rng.int(4)]}${hex(rng, 3)}-${hex(rng, 12)}`;

/** Machine facts of a node (ids from the node's own random stream). */
export function machineInfo(n: NodeIdentity, v: NodeVersions, podCIDR: string, rng: Rng, now = 0): MachineInfo {
  const machineID = hex(rng, 32);
  return {
    nodeName: n.name, nodeIP: n.ip, podCIDR, labels: typeof n.labels === 'function' ? n.labels(now) : n.labels, capacity: { ...n.capacity, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' },
    annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    kernelVersion: v.kernel, osImage: v.osImage, containerRuntimeVersion: v.containerRuntime, kubeletVersion: v.kubernetes,
    machineID, systemUUID: uuid(rng), bootID: uuid(rng),
  };
}

const NOT_FOUND = (pod: Pod): ApiResponse => ({ code: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
  message: `nodes "${pod.spec?.nodeName}" not found`, reason: 'NotFound', details: { name: pod.spec?.nodeName, kind: 'nodes' }, code: 404 } });

/**
 * Starts a kubelet per node (the first runs the control plane's static pods) and routes connect requests.
 * A node with `joinAfterMs` joins later: its kubelet is created and started when that time comes, so
 * until then the node is neither in the set nor in the API (as a minikube worker that is still being created).
 */
export function startNodes(o: NodesOptions): NodeSet {
  const set = new NodeSet(o.volumeData);
  const join = (n: NodeIdentity, i: number): Kubelet => {
    const d = o.deps(`kubelet/${n.name}`, KUBELET_USER_AGENT);
    const machine = machineInfo(n, o.versions, podCIDRFor(i), d.rng.fork('machine'), d.clock.now());
    const k = new Kubelet({
      clock: d.clock, rng: d.rng, client: d.client, timings: d.timings, runtime: o.runtimeFor(n.name, d.clock, d.rng.fork('runtime')),
      volumeData: o.volumeData, machine,
      controlPlane: i === 0 ? { kubernetesVersion: o.versions.kubernetes, etcdImage: o.versions.etcd } : undefined,
    });
    set.set(n.name, k);
    return k;
  };
  set.joiner = join;
  const now: Kubelet[] = [];
  o.nodes.forEach((n, i) => {
    if (!n.joinAfterMs) now.push(join(n, i));
    else o.deps(`kubelet/${n.name}`, KUBELET_USER_AGENT).clock.after(n.joinAfterMs, () => set.join(n, i));
  });
  for (const k of now) k.start();
  for (const sub of ['log', 'exec', 'attach', 'portforward'] as const) {
    o.registerConnector(`pods/${sub}`, (req, obj) => {
      const pod = obj as Pod;
      if (!pod.spec?.nodeName) return sub === 'log' ? { code: 200, body: '' } : NOT_FOUND(pod);
      const k = set.get(pod.spec.nodeName);
      if (!k) return NOT_FOUND(pod);
      return k.serve(sub, req, obj);
    });
  }
  return set;
}
