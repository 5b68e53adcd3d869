// Kubelet figures: 1,000 nodes, 10,000 pods bound to them (round-robin, no scheduler), from create
// to every pod Running; the heap once they run.
import type { KubeObject, Pod } from '../../src/engine/api/types';
import { Cluster } from '../../src/engine/cluster';
import { R } from '../../src/engine/client';
import { nodeName } from '../../src/engine/bootstrap';
import { round, type Figure } from './util';

/** Wall time to run 10,000 pods on 1,000 kubelets. */
export async function benchKubelets(): Promise<Figure[]> {
  const NODES = 1000;
  const PODS = 10_000;
  const t0 = performance.now();
  const c = new Cluster({ seed: 1, nodes: NODES, freeze: false });
  c.advance(1000);
  const cl = c.client('bench');
  const tSetup = performance.now();
  for (let i = 0; i < PODS; i++) {
    cl.create(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default' },
      spec: { nodeName: nodeName(i % NODES), containers: [{ name: 'web', image: 'nginx:1.27' }] } } as KubeObject);
  }
  const tCreated = performance.now();
  let simMs = 0;
  const running = () => cl.list<Pod>(R.pods, 'default').items.filter((p) => p.status?.phase === 'Running').length;
  while (running() < PODS) {
    c.advance(1000);
    simMs += 1000;
    if (simMs > 120_000) throw new Error(`only ${running()} pods running after 2 simulated minutes`);
  }
  const t1 = performance.now();
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed / (1024 * 1024);
  return [
    { name: 'kubelet.nodes_1000.setup_ms', value: round(tSetup - t0, 0), unit: 'ms' },
    { name: 'kubelet.pods_10000.create_ms', value: round(tCreated - tSetup, 0), unit: 'ms' },
    { name: 'kubelet.pods_10000.to_running_wall_ms', value: round(t1 - tCreated, 0), unit: 'ms' },
    { name: 'kubelet.pods_10000.to_running_sim_s', value: simMs / 1000, unit: 's' },
    { name: 'kubelet.pods_10000.heap_mb', value: round(heap, 0), unit: 'MB' },
    { name: 'kubelet.pods_10000.clock_tasks', value: c.clock.tasksRun, unit: 'tasks' },
  ];
}
