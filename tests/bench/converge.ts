// Whole-cluster figures: 1,000 nodes, 100 Deployments × 100 replicas applied as kubectl apply sends
// them, through the real controllers, scheduler and kubelets, until all 10,000 pods are Running and
// Ready; then the heap with the cluster at rest. CONVERGE_RUNS=n takes the median of n runs (default 1).
import type { Deployment, KubeObject, Pod } from '../../src/engine/api/types';
import { Cluster } from '../../src/engine/cluster';
import { R } from '../../src/engine/client';
import { median, round, type Figure } from './util';

const NODES = 1000;
const DEPLOYMENTS = 100;
const REPLICAS = 100;

/** What `kubectl apply -f` creates for a new object: the manifest plus its last-applied annotation. */
function applied(i: number, replicas = REPLICAS): Deployment {
  const name = `web-${String(i).padStart(3, '0')}`;
  const manifest: Deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27',
        ports: [{ containerPort: 80 }] }] } } },
  };
  const last = JSON.stringify(manifest);
  return { ...manifest, metadata: { ...manifest.metadata,
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${last}\n` } } };
}

/** Pods of the bench's Deployments that are Running with Ready=True (read from the store: no request cost). */
function readyPods(c: Cluster): number {
  let n = 0;
  for (const o of c.store.list('pods.', 'default')) {
    const p = o as Pod;
    if (p.status?.phase === 'Running' && p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')) n++;
  }
  return n;
}

/** One converge run: wall and simulated time from the first apply to all pods Running and Ready. */
export function convergeOnce(nodes = NODES, deployments = DEPLOYMENTS, replicas = REPLICAS):
  { cluster: Cluster; setupMs: number; wallMs: number; cpuMs: number; simS: number } {
  const t0 = performance.now();
  const c = new Cluster({ seed: 1, nodes, freeze: false });
  c.advance(1000);
  const tSetup = performance.now();
  const cpu0 = process.cpuUsage();
  const kubectl = c.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  const simStart = c.clock.now();
  for (let i = 0; i < deployments; i++) {
    kubectl.create(R.deployments, applied(i, replicas) as KubeObject, { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' });
  }
  const total = deployments * replicas;
  c.flush();
  while (readyPods(c) < total) {
    c.advance(1000);
    if (c.clock.now() - simStart > 600_000) throw new Error(`only ${readyPods(c)} pods ready after 10 simulated minutes`);
  }
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return { cluster: c, setupMs: tSetup - t0, wallMs: t1 - tSetup, cpuMs: (cpu.user + cpu.system) / 1000, simS: (c.clock.now() - simStart) / 1000 };
}

/** converge.s.nodes_1000_pods_10000 and memory.mb.pods_10000. */
export async function benchConverge(): Promise<Figure[]> {
  const runs = Math.max(1, Number(process.env.CONVERGE_RUNS ?? 1));
  const gc = (globalThis as { gc?: () => void }).gc;
  const walls: number[] = [];
  const setups: number[] = [];
  const cpus: number[] = [];
  let last: ReturnType<typeof convergeOnce> | undefined;
  for (let i = 0; i < runs; i++) {
    last = undefined; // let the previous cluster go before building the next
    gc?.();
    last = convergeOnce();
    walls.push(last.wallMs);
    setups.push(last.setupMs);
    cpus.push(last.cpuMs);
  }
  const { cluster, simS } = last!;
  // At rest: a minute of heartbeats and lease renewals, then a full GC.
  cluster.advance(60_000);
  gc?.();
  gc?.();
  const heap = process.memoryUsage().heapUsed / (1024 * 1024);
  return [
    { name: 'converge.setup_ms.nodes_1000', value: round(median(setups), 0), unit: 'ms' },
    { name: 'converge.s.nodes_1000_pods_10000', value: round(median(walls) / 1000, 2), unit: 's' },
    // CPU time of the process over the same span: what wall time would be on an unloaded core.
    { name: 'converge.cpu_s.nodes_1000_pods_10000', value: round(median(cpus) / 1000, 2), unit: 's' },
    { name: 'converge.sim_s.nodes_1000_pods_10000', value: simS, unit: 's' },
    { name: 'converge.clock_tasks', value: cluster.clock.tasksRun, unit: 'tasks' },
    { name: 'memory.mb.pods_10000', value: round(heap, 0), unit: 'MB' },
  ];
}
