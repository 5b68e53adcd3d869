// A headless cluster for controller scenarios: the real API server and controller manager, plus a
// fake scheduler (binds each pending pod to the least-loaded node) and a fake kubelet (marks bound
// pods Running and Ready after a delay, removes terminating pods after a short stop) until the
// real scheduler and kubelet are wired into the Cluster.
import type { Deployment, Event, KubeObject, Node, Pod } from '../../src/engine/api';
import { Cluster } from '../../src/engine/cluster';
import { Informer, R, WorkQueue, type Client, type ResourceRef } from '../../src/engine/client';
import { rfc3339, rfc3339Micro } from '../../src/engine/clock';
import { nodeName } from '../../src/engine/bootstrap';

/** Options of a test cluster. */
export interface TestClusterOptions {
  seed?: number;
  nodes?: number;
  /** Delay from binding to Running+Ready (ms). */
  startMs?: number;
  /** Delay from a pod's deletionTimestamp to its removal (ms); capped by its grace period. */
  stopMs?: number;
  /** Pods whose first container image contains this never become ready (a failing readiness probe). */
  neverReadyImage?: string;
  /** Run the fake scheduler and kubelet (default true). */
  fakeNodes?: boolean;
  /** Deep-freeze stored objects (default true; benchmarks turn it off). */
  freeze?: boolean;
}

/** A test cluster with helpers. */
export class TestCluster {
  readonly cluster: Cluster;
  readonly client: Client;
  private readonly opts: Required<Omit<TestClusterOptions, 'seed' | 'nodes' | 'freeze'>>;

  constructor(o: TestClusterOptions = {}) {
    // nodes: 0 — no real kubelets: the fake ones below own the nodes until the real scheduler and
    // kubelet are complete (then scenarios can also run with fakeNodes: false).
    this.cluster = new Cluster({ seed: o.seed ?? 7, nodes: o.fakeNodes === false ? (o.nodes ?? 3) : 0, freeze: o.freeze });
    this.client = this.cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    this.opts = { startMs: o.startMs ?? 2000, stopMs: o.stopMs ?? 1000, neverReadyImage: o.neverReadyImage ?? '\u0000', fakeNodes: o.fakeNodes ?? true };
    const nodes = o.nodes ?? 3;
    if (this.opts.fakeNodes) {
      const nc = this.cluster.client('kubelet/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
      for (let i = 0; i < nodes; i++) {
        const node = nc.create<Node>(R.nodes, fakeNode(nodeName(i), this.cluster.clock.now()));
        heartbeat(this.cluster, nc, node);
      }
      new FakeKubelet(this.cluster, this.opts);
    }
    // Until the real scheduler is wired into the Cluster, the fake one binds pods (to the real kubelets' nodes too).
    if (!(this.cluster as unknown as { scheduler?: unknown }).scheduler) new FakeScheduler(this.cluster, nodes);
    this.cluster.flush();
  }

  /** Creates an object as kubectl would. */
  create<T extends KubeObject>(r: ResourceRef, obj: T): T {
    const out = this.client.create<T>(r, obj);
    this.cluster.flush();
    return out;
  }

  /** Advances simulated time. */
  advance(ms: number): this {
    this.cluster.advance(ms);
    return this;
  }

  /** Advances in steps until `pred` holds (or throws after `maxMs`). Returns the time it took. */
  until(pred: () => boolean, maxMs = 600_000, stepMs = 100): number {
    const t0 = this.cluster.clock.now();
    while (!pred()) {
      if (this.cluster.clock.now() - t0 > maxMs) throw new Error(`condition not met within ${maxMs} ms`);
      this.cluster.advance(stepMs);
    }
    return this.cluster.clock.now() - t0;
  }

  get<T extends KubeObject>(r: ResourceRef, ns: string | undefined, name: string): T | undefined {
    return this.client.tryGet<T>(r, ns, name);
  }

  list<T extends KubeObject>(r: ResourceRef, ns?: string, labelSelector?: string): T[] {
    return this.client.list<T>(r, ns, { labelSelector }).items;
  }

  /** Events in the order they were first recorded: "reason|component|message" per line. */
  events(filter: (e: Event) => boolean = () => true): string[] {
    return this.list<Event>(R.events)
      .sort((a, b) => Number(a.metadata!.resourceVersion) - Number(b.metadata!.resourceVersion))
      .filter(filter)
      .map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.type} ${e.reason} ${e.source?.component}: ${e.message}`);
  }
}

function fakeNode(name: string, now: number): Node {
  const t = rfc3339(now);
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: {},
    status: {
      capacity: { cpu: '2', memory: '3912804Ki', pods: '110' },
      allocatable: { cpu: '2', memory: '3912804Ki', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status',
        lastHeartbeatTime: t, lastTransitionTime: t }],
    },
  } as Node;
}

/** Renews the node's Lease every 10 s (kubelet nodelease), so the node lifecycle controller sees it alive. */
function heartbeat(cluster: Cluster, client: Client, node: Node): void {
  const name = node.metadata!.name!;
  const lease = () => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: { name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata!.uid! }] },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(cluster.clock.now()) } } as KubeObject);
  client.create(R.leases, lease());
  const renew = () => {
    const cur = client.tryGet(R.leases, 'kube-node-lease', name);
    if (cur) client.update(R.leases, { ...cur, spec: { ...cur.spec, renewTime: rfc3339Micro(cluster.clock.now()) } });
    cluster.clock.after(10_000, renew);
  };
  cluster.clock.after(10_000, renew);
}

/** Binds each unscheduled pod to the node with the fewest pods (ties: the next in round-robin order). */
class FakeScheduler {
  private readonly client: Client;
  private readonly informer: Informer<Pod>;
  private readonly load = new Map<string, number>();
  private readonly names: string[] = [];
  private next = 0;
  private readonly queue: WorkQueue<string>;

  constructor(cluster: Cluster, nodes: number) {
    this.client = cluster.client('kube-scheduler/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    for (let i = 0; i < nodes; i++) {
      this.load.set(nodeName(i), 0);
      this.names.push(nodeName(i));
    }
    this.informer = new Informer<Pod>(this.client, R.pods);
    this.queue = new WorkQueue<string>({ clock: cluster.clock, name: 'fake-scheduler', process: (k) => this.schedule(k) });
    const consider = (p: Pod) => {
      if (!p.spec?.nodeName && !p.metadata?.deletionTimestamp) this.queue.add(`${p.metadata!.namespace}/${p.metadata!.name}`);
    };
    this.informer.onEvent({
      add: consider, update: (_o, p) => consider(p),
      delete: (p) => {
        const n = p.spec?.nodeName;
        if (n) this.load.set(n, (this.load.get(n) ?? 1) - 1);
      },
    });
    this.informer.start();
  }

  private schedule(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.informer.lister.get(ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    // Round robin from the last pick, taking the first node with the lowest load in a window of 8
    // (cheap at 1,000 nodes, and spreads like least-allocated).
    let best = '';
    for (let i = 0; i < Math.min(8, this.names.length); i++) {
      const n = this.names[(this.next + i) % this.names.length];
      if (!best || this.load.get(n)! < this.load.get(best)!) best = n;
    }
    this.next = (this.names.indexOf(best) + 1) % this.names.length;
    try {
      this.client.createSubresource(R.pods, ns, name, 'binding',
        { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: best } });
      this.load.set(best, this.load.get(best)! + 1);
    } catch {
      // gone or already bound
    }
  }
}

/** Starts bound pods (Running, Ready) and removes terminating ones. */
class FakeKubelet {
  private readonly client: Client;
  private readonly informer: Informer<Pod>;
  private readonly starting = new Set<string>();
  private readonly stopping = new Set<string>();

  constructor(private readonly cluster: Cluster, private readonly opts: { startMs: number; stopMs: number; neverReadyImage: string }) {
    this.client = cluster.client('kubelet/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    this.informer = new Informer<Pod>(this.client, R.pods);
    this.informer.onEvent({ add: (p) => this.consider(p), update: (_o, p) => this.consider(p) });
    this.informer.start();
  }

  private consider(p: Pod): void {
    const uid = p.metadata!.uid!;
    if (p.metadata?.deletionTimestamp) {
      if (this.stopping.has(uid)) return;
      this.stopping.add(uid);
      const grace = (p.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
      this.cluster.clock.after(Math.min(grace, this.opts.stopMs), () => {
        try {
          this.client.delete(R.pods, p.metadata!.namespace, p.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid } });
        } catch {
          // already gone
        }
      });
      return;
    }
    if (!p.spec?.nodeName || p.status?.phase !== 'Pending' || this.starting.has(uid)) return;
    this.starting.add(uid);
    this.cluster.clock.after(this.opts.startMs, () => {
      const cur = this.informer.lister.get(p.metadata!.namespace, p.metadata!.name!);
      if (!cur || cur.metadata?.uid !== uid || cur.metadata?.deletionTimestamp) return;
      const t = rfc3339(this.cluster.clock.now());
      const ready = !(cur.spec!.containers[0]?.image ?? '').includes(this.opts.neverReadyImage);
      const status = ready ? 'True' : 'False';
      const next: Pod = { ...cur, status: {
        ...cur.status, phase: 'Running', hostIP: '192.168.49.2', podIP: `10.244.0.${(this.starting.size % 250) + 2}`, startTime: t,
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: t },
          { type: 'Initialized', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: t },
          { type: 'Ready', status, lastProbeTime: null as unknown as string, lastTransitionTime: t },
          { type: 'ContainersReady', status, lastProbeTime: null as unknown as string, lastTransitionTime: t },
          ...(cur.status?.conditions ?? []).filter((c) => c.type === 'PodScheduled'),
        ],
        containerStatuses: cur.spec!.containers.map((c) => ({ name: c.name, image: c.image ?? '', imageID: '', ready,
          restartCount: 0, started: true, state: { running: { startedAt: t } } })),
      } };
      try {
        this.client.updateStatus(R.pods, next);
      } catch {
        // raced with a delete
      }
    });
  }
}

/** A Deployment as `kubectl create deployment` writes it (labels app=<name>). */
export function deployment(name: string, replicas: number, image = 'nginx:1.25', extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } }, ...extra },
  };
}
