// A cluster for workload-controller scenarios (StatefulSet, DaemonSet, Job, CronJob, node lifecycle):
// the real API server, controller manager and scheduler, real kubelets on the fake runtime (containers
// run a small program chosen by image and command), and a stand-in provisioner binding every claim.
import type { Event, KubeObject, PersistentVolumeClaim } from '../../src/engine/api';
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
      // The annotations the PV controller writes when it binds (pv_controller.go bindClaimToVolume): the
      // scheduler's VolumeBinding counts a claim as bound only with bind-completed (isPVCFullyBound).
      const meta = structuredClone(c.metadata!);
      meta.annotations = { ...meta.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
      const bound = this.client.update<PersistentVolumeClaim>(R.persistentvolumeclaims, { ...structuredClone(c), metadata: meta,
        spec: { ...structuredClone(c.spec), volumeName: pv } });
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
