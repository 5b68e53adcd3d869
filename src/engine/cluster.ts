// The engine's front door: wires the clock, RNG, store, API server and the cluster's components.
// Each component section below is owned by its folder's engineers; components meet only through
// the API server (each gets its own Client, named by its user agent).
import { SimClock, SeededRng, DEFAULT_EPOCH, type Rng } from './clock';
import { Store } from './store';
import { ApiServer } from './apiserver';
import { Client, R } from './client';
import type { Node, Pod } from './api/types';
import { bootstrapAddons, bootstrapControlPlane, DEFAULT_CAPACITY, type NodeCapacity } from './bootstrap';
import { startControllerManager, CONTROLLER_MANAGER_USER_AGENT } from './controllers/manager';
import { nodeName, nodeIP, nodeLabels, VERSIONS } from './bootstrap';
import { startNodes, MemVolumeDataRegistry, type NodeSet } from './kubelet';
import { startScheduler, SCHEDULER_USER_AGENT, type Scheduler } from './scheduler';
import { startNetwork, KUBE_PROXY_USER_AGENT, type Network } from './network';
import { FakeRuntime } from './kubelet/testing';
import { createRuntime } from './runtime';
import { startStorage, STORAGE_PROVISIONER_USER_AGENT, type Storage } from './storage';

/** Timings a class demo may shorten (defaults are Kubernetes v1.32's). */
export interface ClusterTimings {
  /** kube-controller-manager --node-monitor-grace-period: a silent node turns NotReady after this. */
  nodeMonitorGracePeriodMs: number;
  /** kube-apiserver --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds. */
  podEvictionTolerationSeconds: number;
  /** kubelet --node-status-update-frequency (and the lease renew interval). */
  nodeStatusUpdateFrequencyMs: number;
}

/** v1.32's defaults. */
export const DEFAULT_TIMINGS: ClusterTimings = {
  nodeMonitorGracePeriodMs: 40_000,
  podEvictionTolerationSeconds: 300,
  nodeStatusUpdateFrequencyMs: 10_000,
};

/** Default gap between minikube's node joins (each worker's docker container, kubeadm join, node Ready). */
export const DEFAULT_WORKER_JOIN_INTERVAL_MS = 20_000;

/**
 * Past this many nodes (no longer a laptop minikube: load tests, 1,000-node demos) every node registers
 * at once by default, so a big cluster does not simulate minutes of joins before it can be used.
 */
export const STAGGERED_JOIN_MAX_NODES = 10;

/** The default join interval for a cluster of `nodes` nodes. */
export function defaultWorkerJoinIntervalMs(nodes: number): number {
  return nodes <= STAGGERED_JOIN_MAX_NODES ? DEFAULT_WORKER_JOIN_INTERVAL_MS : 0;
}

/** Options of a simulated cluster. */
export interface ClusterOptions {
  /** Seed of every random choice (names, IPs, jitter). Same seed + same inputs = same cluster. */
  seed?: number;
  /** Number of nodes (minikube, minikube-m02, …). */
  nodes?: number;
  /**
   * Simulated ms between one node joining and the next (`minikube start --nodes N` creates the control
   * plane, then minikube-m02, minikube-m03, … one after another); 0 registers every node at once. Default:
   * DEFAULT_WORKER_JOIN_INTERVAL_MS up to STAGGERED_JOIN_MAX_NODES nodes, else 0.
   */
  workerJoinIntervalMs?: number;
  /** Capacity of each node. */
  nodeCapacity?: Partial<NodeCapacity>;
  /** Where simulated time starts (ms since the Unix epoch). */
  epoch?: number;
  /** Deep-freeze stored objects (on in development and tests; off for production speed). */
  freeze?: boolean;
  /** Watch history kept for resuming watches. */
  historySize?: number;
  /** Timings (node failure detection, eviction) — shorten them for demos. */
  timings?: Partial<ClusterTimings>;
  /**
   * The nodes' container runtime: 'sim' (src/engine/runtime: real images, programs, files and mounts;
   * the default) or 'fake' (the kubelet's stand-in: every container just runs; for tests that need it).
   */
  runtime?: 'fake' | 'sim';
}

/** What every component is started with. */
export interface ComponentDeps {
  clock: SimClock;
  /** A random stream of the component's own (forked by name, so components do not shift each other). */
  rng: Rng;
  /** A client with the component's user agent. */
  client: Client;
  timings: ClusterTimings;
}

/** A running simulated cluster. */
export class Cluster {
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly store: Store;
  readonly api: ApiServer;
  readonly timings: ClusterTimings;
  readonly options: { seed: number; nodes: number; nodeCapacity: NodeCapacity };
  /** Simulated ms between one node joining and the next (0: all at once). */
  readonly workerJoinIntervalMs: number;
  private readonly deletedNodes = new Set<string>();
  /** The nodes' kubelets by name (section nodes): `cluster.nodes.get('minikube-m02')!.stop()`. */
  readonly nodes: NodeSet;
  /** kube-scheduler (section scheduler): `cluster.scheduler.explain('default/web-1')` says why a pod is where it is. */
  readonly scheduler: Scheduler;
  /**
   * The network (section network): kube-proxy, CoreDNS and the pod network; `network.request({ from, url })`,
   * `network.localPorts` (kubectl port-forward), `network.startTunnel()`, `network.enableIngressAddon()`.
   */
  readonly network: Network;
  /**
   * Storage (section storage): minikube's storage-provisioner, and `storage.files` — the files of a
   * running container (`files.container({ pod: 'web-0' })`), of a node, or of a PersistentVolume.
   */
  readonly storage: Storage;

  constructor(opts: ClusterOptions = {}) {
    const seed = opts.seed ?? 1;
    this.options = { seed, nodes: opts.nodes ?? 1, nodeCapacity: { ...DEFAULT_CAPACITY, ...opts.nodeCapacity } };
    this.workerJoinIntervalMs = opts.workerJoinIntervalMs ?? defaultWorkerJoinIntervalMs(this.options.nodes);
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.clock = new SimClock({ start: opts.epoch ?? DEFAULT_EPOCH });
    this.rng = new SeededRng(seed);
    this.store = new Store({ freeze: opts.freeze ?? true, historySize: opts.historySize });
    this.api = new ApiServer({ store: this.store, clock: this.clock, rng: this.rng.fork('apiserver'),
      defaultTolerationSeconds: this.timings.podEvictionTolerationSeconds });
    bootstrapControlPlane(this.client('kubeadm/v1.32.0 (linux/amd64) kubernetes/70d3cc9'));

    // ---- section: controllers (src/engine/controllers) ----
    // kube-controller-manager: one shared informer factory; each controller its own client.
    startControllerManager({ ...this.deps('kube-controller-manager', CONTROLLER_MANAGER_USER_AGENT),
      clientForUserAgent: (ua) => this.client(ua) });
    // ---- end section: controllers ----

    // ---- section: scheduler (src/engine/scheduler) ----
    // kube-scheduler, a static pod on the control-plane node: its events say "default-scheduler-minikube".
    this.scheduler = startScheduler(this.deps('kube-scheduler', SCHEDULER_USER_AGENT), { hostname: nodeName(0) });
    // ---- end section: scheduler ----

    // ---- section: network (src/engine/network) ----
    // kube-proxy's rules, CoreDNS and the pod network, reaching pods' containers through their node's
    // kubelet; the API server's own endpoints; ingress-nginx (idle until its addon is enabled).
    // A node's container runtime reaches the cluster through `this.network.pods` (runtime/network.ts
    // PodNetwork: lookup, reverse, request, connect; plus resolve() with NXDOMAIN/no-answer/timeout).
    this.network = startNetwork({ ...this.deps('network', KUBE_PROXY_USER_AGENT), clientFor: (ua) => this.client(ua),
      apiserverIP: nodeIP(0), host: { podContainers: (node, uid) => {
        const st = this.nodes?.get(node)?.podState(uid);
        return st?.sandbox?.ready ? st.running().map((i) => i.handle) : undefined;
      } } });
    // ---- end section: network ----

    // ---- section: nodes (src/engine/kubelet, src/engine/runtime) ----
    // One kubelet per minikube node (the first runs the control plane's static pods); pods/log,
    // pods/exec and pods/portforward are answered by the kubelet of the pod's node.
    const preloaded = [VERSIONS.etcd, ...(this.options.nodes > 1 ? [VERSIONS.kindnet] : []), VERSIONS.coredns, VERSIONS.storageProvisioner, 'registry.k8s.io/pause:3.10',
      ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((c) => `registry.k8s.io/${c}:${VERSIONS.kubernetes}`)];
    this.nodes = startNodes({
      // The control plane first (its system pods land there: the workers do not exist yet), then each worker.
      nodes: Array.from({ length: this.options.nodes }, (_, i) => ({ name: nodeName(i), ip: nodeIP(i),
        labels: (joinedAt: number) => nodeLabels(i, joinedAt), capacity: { ...this.options.nodeCapacity },
        joinAfterMs: i * this.workerJoinIntervalMs })),
      versions: { kubernetes: VERSIONS.kubernetes, containerRuntime: VERSIONS.containerRuntime, kernel: VERSIONS.kernel,
        osImage: VERSIONS.osImage, etcd: VERSIONS.etcd },
      deps: (name, ua) => this.deps(name, ua),
      runtimeFor: (node, clock, rng) => ((opts.runtime ?? 'sim') === 'sim'
        ? createRuntime({ clock, rng, node, network: this.network.pods, preloaded })
        : new FakeRuntime({ clock, rng, preloaded })),
      volumeData: new MemVolumeDataRegistry(),
      registerConnector: (sub, c) => this.api.registerConnector(sub, c),
    });
    // ---- end section: nodes ----

    // ---- section: storage (src/engine/storage) ----
    // minikube's storage-provisioner process (runs while its pod's container runs; the PV controllers
    // are in kube-controller-manager), and the files API over containers, nodes and volumes.
    this.storage = startStorage({ ...this.deps('storage-provisioner', STORAGE_PROVISIONER_USER_AGENT),
      filesClient: this.client('kubesim-files'), volumeData: this.nodes.volumeData, kubelet: (node) => this.nodes.get(node) });
    // ---- end section: storage ----

    // What `minikube start` applies once the control plane answers: CoreDNS, kube-proxy, the
    // storage provisioner and the default StorageClass.
    // With several nodes minikube picks kindnet as the CNI (pkg/minikube/cni/cni.go chooseDefault).
    bootstrapAddons(this.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9'), { kindnet: this.options.nodes > 1 });

    this.clock.flush();
  }

  /** Dependencies for a component named by its user agent ("kube-scheduler/v1.32.0 …"). */
  deps(name: string, userAgent: string): ComponentDeps {
    return { clock: this.clock, rng: this.rng.fork(name), client: this.client(userAgent), timings: this.timings };
  }

  /** A client for a component, named by its user agent. */
  client(userAgent: string): Client {
    return new Client(this.api, userAgent);
  }

  /** Runs everything due now. */
  flush(): void {
    this.clock.flush();
  }

  /** Advances simulated time, running what falls due. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /**
   * Lets simulated time pass until every node has joined and is Ready and every kube-system pod is
   * Running and Ready, as `minikube start` returns only after its last worker joined and the system
   * pods run (at most `maxMs`, in one-second steps). Returns the simulated milliseconds it took.
   */
  waitForSystemPods(maxMs = 120_000 + this.options.nodes * this.workerJoinIntervalMs): number {
    const start = this.clock.now();
    const c = this.client('minikube/v1.35.0');
    const isReady = (conds: { type: string; status: string }[] | undefined) => (conds ?? []).some((x) => x.type === 'Ready' && x.status === 'True');
    const ready = () => {
      const nodes = c.list(R.nodes).items as Node[];
      if (nodes.length < this.options.nodes || !nodes.every((n) => isReady(n.status?.conditions))) return false;
      const pods = c.list(R.pods, 'kube-system').items as Pod[];
      return pods.length > 0 && pods.every((p) => p.status?.phase === 'Running' && isReady(p.status.conditions));
    };
    this.clock.flush();
    while (!ready() && this.clock.now() - start < maxMs) this.clock.advance(1000);
    return this.clock.now() - start;
  }

  // ---- section: nodes (members) ----
  /**
   * Stops a node's kubelet, as `minikube node stop <name>` takes the machine away: no more heartbeats
   * or lease renewals, so the node controller marks it NotReady after the grace period, taints it
   * unreachable and evicts its pods when their toleration runs out. Throws for an unknown node.
   */
  stopNode(name: string): void {
    this.kubelet(name).stop();
    this.clock.flush();
  }

  /** Starts a stopped node's kubelet again (`minikube node start <name>`): it registers, heartbeats and syncs its pods. */
  startNode(name: string): void {
    this.kubelet(name).start();
    this.clock.flush();
  }

  /** The profile's nodes in order (minikube, minikube-m02, …), including workers still joining, without deleted ones. */
  nodeNames(): string[] {
    return Array.from({ length: this.options.nodes }, (_, i) => nodeName(i)).filter((n) => !this.deletedNodes.has(n));
  }

  /**
   * A new worker joins now (`minikube node add`): the id after the last node's (minikube-m0N,
   * 192.168.49.N+1, 10.244.N-1.0/24); DaemonSets (kube-proxy, kindnet) follow it. Returns its name.
   */
  addNode(): string {
    const names = this.nodeNames();
    const i = names.length ? Number(/-m(\d+)$/.exec(names[names.length - 1])?.[1] ?? 1) : 0;
    this.deletedNodes.delete(nodeName(i));
    this.options.nodes = Math.max(this.options.nodes, i + 1);
    this.nodes.join({ name: nodeName(i), ip: nodeIP(i), labels: (joinedAt: number) => nodeLabels(i, joinedAt),
      capacity: { ...this.options.nodeCapacity } }, i);
    this.clock.flush();
    return nodeName(i);
  }

  /**
   * The first half of `minikube node delete` (pkg/minikube/node/node.go teardown): `kubectl drain NODE --force
   * --grace-period=1 --disable-eviction --ignore-daemonsets --delete-emptydir-data`, i.e. every pod on the
   * node but DaemonSet and mirror pods is deleted with a 1 s grace period. Throws for an unknown node.
   */
  drainForDelete(name: string): void {
    this.kubelet(name);
    const c = this.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    for (const p of c.list<Pod>(R.pods, undefined, { fieldSelector: `spec.nodeName=${name}` }).items) {
      if (p.metadata?.ownerReferences?.some((o) => o.kind === 'DaemonSet' && o.controller)) continue;
      if (p.metadata?.annotations?.['kubernetes.io/config.mirror']) continue;
      if (p.metadata?.deletionTimestamp) continue;
      c.delete(R.pods, p.metadata!.namespace, p.metadata!.name!, { gracePeriodSeconds: 1 });
    }
    this.clock.flush();
  }

  /**
   * The second half: the node's machine goes away (its kubelet stops for good) and its Node object is
   * deleted; pods left bound to it are the pod GC's (orphaned pods). Throws for an unknown node.
   */
  deleteNode(name: string): void {
    this.kubelet(name).stop();
    this.nodes.delete(name);
    this.deletedNodes.add(name);
    this.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9').delete(R.nodes, undefined, name);
    this.clock.flush();
  }

  /** Names of the nodes whose kubelet is stopped. */
  stoppedNodes(): string[] {
    return [...this.nodes].filter(([, k]) => !k.running).map(([n]) => n).sort();
  }

  private kubelet(name: string) {
    const k = this.nodes.get(name);
    if (!k) throw new Error(`node "${name}" not found`);
    return k;
  }
  // ---- end section: nodes (members) ----

  // ---- section: network (members) ----
  /** `minikube addons enable ingress`: the ingress-nginx addon's objects (see Network.enableIngressAddon). */
  enableIngressAddon(): { images: string[]; created: string[] } {
    const r = this.network.enableIngressAddon();
    this.clock.flush();
    return r;
  }
  // ---- end section: network (members) ----

  /** A canonical dump of the whole store (determinism checks). */
  dump(): string {
    return this.store.dump();
  }
}

/** Creates a cluster. */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}
