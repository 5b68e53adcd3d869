// Scheduler throughput: pods bound per second of wall time at 100, 1,000 and 5,000 nodes. A bare API
// server (no controllers, no kubelets) holds the nodes and pending pods; a fresh kube-scheduler then
// lists them and binds every pod — filters, scores, the binding write, the Scheduled event and the
// informer confirming each binding are all inside the measured time.
import { ApiServer } from '../../src/engine/apiserver';
import { Store } from '../../src/engine/store';
import { Client, R } from '../../src/engine/client';
import { SimClock, SeededRng, DEFAULT_EPOCH, rfc3339 } from '../../src/engine/clock';
import { bootstrapControlPlane } from '../../src/engine/bootstrap';
import type { KubeObject, Node, Pod } from '../../src/engine/api';
import { Scheduler, SCHEDULER_USER_AGENT } from '../../src/engine/scheduler';
import { type Figure, median, medianOf, round } from './util';

/** One measured run: `nodes` Ready nodes (4 cpu, 16Gi, 110 pods), `pods` pending pods of 100m/128Mi. */
export function runSchedulerBench(nodes: number, pods: number, seed = 1): { ms: number; cpuMs: number; bound: number } {
  const clock = new SimClock({ start: DEFAULT_EPOCH });
  const rng = new SeededRng(seed);
  const store = new Store({ freeze: false });
  const api = new ApiServer({ store, clock, rng: rng.fork('apiserver') });
  const admin = new Client(api, 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  bootstrapControlPlane(admin);
  admin.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } } as KubeObject);
  const t = rfc3339(clock.now());
  for (let i = 0; i < nodes; i++) {
    const name = `node-${String(i).padStart(4, '0')}`;
    const alloc = { cpu: '4', memory: '16Gi', pods: '110' };
    const n = admin.create<Node>(R.nodes, { apiVersion: 'v1', kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
      status: { capacity: alloc, allocatable: alloc, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: t, lastTransitionTime: t }] } } as Node);
    admin.update(R.nodes, { ...n, spec: {} });
  }
  // Pods of ten Deployment-like groups (labels), without owners so that spreading defaults do not apply.
  for (let i = 0; i < pods; i++) {
    admin.create<Pod>(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default', labels: { app: `app-${i % 10}` } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] } } as Pod);
  }
  clock.flush();
  const sched = new Scheduler({ clock, rng: rng.fork('kube-scheduler'), client: new Client(api, SCHEDULER_USER_AGENT) });
  sched.start();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  clock.flush();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  sched.stop();
  return { ms, cpuMs: (c.user + c.system) / 1000, bound: sched.stats.scheduled };
}

/**
 * Figures scheduler.pods_per_s.nodes_{100,1000,5000}: medians of several runs (wall time). Also
 * scheduler.pods_per_cpu_s.nodes_* (the same runs per second of this process's CPU time), which a
 * busy machine disturbs far less than wall time.
 */
export async function benchScheduler(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const [nodes, pods, runs] of [[100, 2000, 5], [1000, 5000, 3], [5000, 5000, 3]] as const) {
    const cpu: number[] = [];
    const rate = await medianOf(runs, () => {
      const r = runSchedulerBench(nodes, pods);
      if (r.bound !== pods) throw new Error(`bound ${r.bound} of ${pods} pods`);
      cpu.push(pods / (r.cpuMs / 1000));
      return pods / (r.ms / 1000);
    });
    out.push({ name: `scheduler.pods_per_s.nodes_${nodes}`, value: round(rate, 0), unit: 'pods/s' });
    out.push({ name: `scheduler.pods_per_cpu_s.nodes_${nodes}`, value: round(median(cpu.slice(1)), 0), unit: 'pods/cpu-s' });
  }
  return out;
}
