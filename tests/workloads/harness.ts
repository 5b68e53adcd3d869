// A cluster for workload-controller scenarios (StatefulSet, DaemonSet, Job, CronJob, node lifecycle):
// the real API server and controller manager, real kubelets on the fake runtime (containers run a
// small program chosen by image and command), and a stand-in scheduler until the real one is wired
// into the Cluster. The scheduler honours what these controllers rely on: DaemonSet pods' node
// affinity (metadata.name), nodeSelector, untolerated NoSchedule/NoExecute taints, cordoned nodes.
import type { Event, KubeObject, Node, PersistentVolumeClaim, Pod, Toleration, Taint } from '../../src/engine/api';
import { R, Informer, WorkQueue, type Client, type ResourceRef } from '../../src/engine/client';
import { kubeletHarness, type Harness } from '../../src/engine/kubelet/testing/harness';
import type { FakeProgram } from '../../src/engine/kubelet/testing';
import type { ContainerConfig } from '../../src/engine/runtime';

/** Options of a workload test cluster. */
export interface WorkloadClusterOptions {
  seed?: number;
  nodes?: number;
  /** Overrides the program a container runs. */
  program?: (c: ContainerConfig) => FakeProgram | undefined;
  /** Run the stand-in scheduler as well as the real one (default false). */
  scheduler?: boolean;
  /** Bind every new claim to a fresh volume, as minikube's storage-provisioner does (default true). */
  provisioner?: boolean;
}

/** Binds each pending claim to a new PersistentVolume named pvc-<claim uid>. */
class StandInProvisioner {
  private readonly queue: WorkQueue<string>;
  private readonly pvcs: Informer<PersistentVolumeClaim>;

  constructor(private readonly client: Client, h: Harness) {
    this.pvcs = new Informer<PersistentVolumeClaim>(client, R.persistentvolumeclaims);
    this.queue = new WorkQueue<string>({ clock: h.cluster.clock, name: 'stand-in-provisioner', process: (k) => this.bind(k) });
    const consider = (c: PersistentVolumeClaim) => {
      if (c.status?.phase !== 'Bound' && !c.metadata?.deletionTimestamp) this.queue.add(`${c.metadata!.namespace}/${c.metadata!.name}`);
    };
    this.pvcs.onEvent({ add: consider, update: (_o, c) => consider(c) });
    this.pvcs.start();
  }

  private bind(key: string): void {
    const [ns, name] = key.split('/');
    const c = this.pvcs.lister.get(ns, name);
    if (!c || c.status?.phase === 'Bound') return;
    const pv = `pvc-${c.metadata!.uid}`;
    const size = c.spec?.resources?.requests?.storage ?? '1Gi';
    try {
      this.client.create(R.persistentvolumes, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: pv },
        spec: { capacity: { storage: size }, accessModes: c.spec?.accessModes, persistentVolumeReclaimPolicy: 'Delete',
          storageClassName: c.spec?.storageClassName, hostPath: { path: `/tmp/hostpath-provisioner/${ns}/${name}` },
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name, uid: c.metadata!.uid } } } as KubeObject);
      const bound = this.client.update<PersistentVolumeClaim>(R.persistentvolumeclaims, { ...structuredClone(c), spec: { ...structuredClone(c.spec), volumeName: pv } });
      this.client.updateStatus(R.persistentvolumeclaims, { ...structuredClone(bound),
        status: { phase: 'Bound', accessModes: c.spec?.accessModes, capacity: { storage: size } } });
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * The default programs: a shell command ending in `exit N` exits with N after a second;
 * `sleep N` exits 0 after N seconds; other busybox/perl/bash commands exit 0 after a second;
 * everything else runs until stopped.
 */
export function defaultWorkloadProgram(c: ContainerConfig): FakeProgram {
  const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const exit = /exit (\d+)/.exec(cmd);
  if (exit) return { exitAfterMs: 1000, exitCode: Number(exit[1]), logs: [] };
  const sleep = /sleep (\d+)/.exec(cmd);
  if (sleep) return { exitAfterMs: Number(sleep[1]) * 1000, exitCode: 0 };
  if (cmd && /busybox|perl|bash|alpine/.test(c.image.ref)) {
    const logs = cmd.includes('Hello from the Kubernetes cluster') ? ['Hello from the Kubernetes cluster'] : [];
    return { exitAfterMs: 1000, exitCode: 0, logs };
  }
  return { listen: /nginx|httpd/.test(c.image.ref) ? [80] : [] };
}

function tolerates(ts: readonly Toleration[], t: Taint): boolean {
  return ts.some((x) => {
    if (x.effect && x.effect !== t.effect) return false;
    if (!x.key) return x.operator === 'Exists';
    if (x.key !== t.key) return false;
    return x.operator === 'Exists' || (x.value ?? '') === (t.value ?? '');
  });
}

/** Binds pending pods: a DaemonSet pod to its node, others to the least loaded fitting node (ties by name). */
class StandInScheduler {
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly queue: WorkQueue<string>;
  /** Pods bound but not yet seen bound by the informer (the scheduler cache's "assumed" pods). */
  private readonly assumed = new Map<string, string>();

  constructor(private readonly client: Client, h: Harness) {
    this.pods = new Informer<Pod>(client, R.pods);
    this.nodes = new Informer<Node>(client, R.nodes);
    this.queue = new WorkQueue<string>({ clock: h.cluster.clock, name: 'stand-in-scheduler', process: (k) => this.schedule(k) });
    const consider = (p: Pod) => {
      if (!p.spec?.nodeName && !p.metadata?.deletionTimestamp) this.queue.add(`${p.metadata!.namespace}/${p.metadata!.name}`);
    };
    this.pods.onEvent({ add: consider, update: (_o, p) => consider(p) });
    // A node change may make pending pods fit (an untainted or uncordoned node).
    this.nodes.onEvent({ update: () => { for (const p of this.pods.lister.list()) consider(p); } });
    this.nodes.start();
    this.pods.start();
  }

  private fits(pod: Pod, node: Node): boolean {
    if (node.spec?.unschedulable) return false;
    for (const t of node.spec?.taints ?? []) {
      if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations ?? [], t)) return false;
    }
    for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (node.metadata?.labels?.[k] !== v) return false;
    const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (terms?.length) {
      const ok = terms.some((term) => (term.matchFields ?? []).every((f) => f.key === 'metadata.name' && f.operator === 'In'
        && (f.values ?? []).includes(node.metadata!.name!))
        && (term.matchExpressions ?? []).every((e) => {
          const v = node.metadata?.labels?.[e.key];
          if (e.operator === 'In') return v !== undefined && (e.values ?? []).includes(v);
          if (e.operator === 'NotIn') return v === undefined || !(e.values ?? []).includes(v);
          if (e.operator === 'Exists') return v !== undefined;
          if (e.operator === 'DoesNotExist') return v === undefined;
          return false;
        }));
      if (!ok) return false;
    }
    return true;
  }

  private schedule(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.pods.lister.get(ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const load = new Map<string, number>();
    for (const p of this.pods.lister.list()) {
      const k = `${p.metadata!.namespace}/${p.metadata!.name}`;
      if (p.spec?.nodeName) this.assumed.delete(k);
      const n = p.spec?.nodeName ?? this.assumed.get(k);
      if (n && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp) {
        load.set(n, (load.get(n) ?? 0) + 1);
      }
    }
    let best: string | undefined;
    for (const n of this.nodes.lister.list()) {
      if (!this.fits(pod, n)) continue;
      const nn = n.metadata!.name!;
      if (best === undefined || (load.get(nn) ?? 0) < (load.get(best) ?? 0)) best = nn;
    }
    if (!best) return; // stays Pending; a node update re-queues it
    try {
      this.client.createSubresource(R.pods, ns, name, 'binding',
        { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: best } });
      this.assumed.set(key, best);
    } catch {
      // gone or already bound
    }
  }
}

/** A workload test cluster. */
export class WorkloadCluster {
  readonly h: Harness;
  readonly client: Client;

  constructor(o: WorkloadClusterOptions = {}) {
    this.h = kubeletHarness({
      seed: o.seed ?? 7, nodes: o.nodes ?? 1,
      runtime: { pullMs: 1000, program: (c) => o.program?.(c) ?? defaultWorkloadProgram(c) },
    });
    this.client = this.h.client;
    if (o.provisioner !== false) new StandInProvisioner(this.h.cluster.client('storage-provisioner'), this.h);
    if (o.scheduler === true) new StandInScheduler(this.h.cluster.client('kube-scheduler/v1.32.0 (linux/amd64) kubernetes/70d3cc9'), this.h);
    this.h.cluster.flush();
  }

  /** Simulated now. */
  now(): number {
    return this.h.cluster.clock.now();
  }

  /** Creates an object as kubectl would, and runs what is due. */
  create<T extends KubeObject>(r: ResourceRef, obj: T): T {
    const out = this.client.create<T>(r, obj);
    this.h.cluster.flush();
    return out;
  }

  advance(ms: number): this {
    this.h.cluster.advance(ms);
    return this;
  }

  get<T extends KubeObject>(r: ResourceRef, ns: string | undefined, name: string): T | undefined {
    return this.client.tryGet<T>(r, ns, name);
  }

  list<T extends KubeObject>(r: ResourceRef, ns?: string, labelSelector?: string): T[] {
    return this.client.list<T>(r, ns, { labelSelector }).items;
  }

  names(r: ResourceRef, ns?: string, labelSelector?: string): string[] {
    return this.list(r, ns, labelSelector).map((o) => o.metadata!.name!).sort();
  }

  /** Events in creation order as "Kind/name Type Reason component: message", optionally for one object. */
  events(name?: string): string[] {
    return this.h.rawEvents().filter((e: Event) => !name || e.involvedObject.name === name)
      .map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.type} ${e.reason} ${e.source?.component}: ${e.message}`);
  }

  /** Advances in steps until `pred` holds; throws after `maxMs`. Returns the time it took. */
  until(pred: () => boolean, maxMs = 600_000, stepMs = 500): number {
    const t0 = this.now();
    while (!pred()) {
      if (this.now() - t0 > maxMs) throw new Error(`condition not met within ${maxMs} ms`);
      this.advance(stepMs);
    }
    return this.now() - t0;
  }

  /** A canonical dump of the store (determinism checks). */
  dump(): string {
    return this.h.cluster.dump();
  }
}
