// Controller figures: 100 Deployments × 100 replicas on 1,000 nodes, from create to all available
// (the controller manager with a fake scheduler and kubelet; see tests/controllers/harness.ts).
import type { Deployment } from '../../src/engine/api/types';
import { R } from '../../src/engine/client';
import { TestCluster, deployment } from '../controllers/harness';
import { round, type Figure } from './util';

/** Wall time and work to converge 10,000 pods of 100 Deployments on 1,000 nodes. */
export async function benchDeployments(): Promise<Figure[]> {
  const DEPLOYMENTS = 100;
  const REPLICAS = 100;
  const t0 = performance.now();
  const c = new TestCluster({ seed: 1, nodes: 1000, freeze: false, startMs: 2000 });
  const tSetup = performance.now();
  for (let i = 0; i < DEPLOYMENTS; i++) c.client.create(R.deployments, deployment(`web-${i}`, REPLICAS));
  let simMs = 0;
  const done = () => c.client.list<Deployment>(R.deployments, 'default').items
    .every((d) => (d.status?.availableReplicas ?? 0) === REPLICAS && (d.status?.updatedReplicas ?? 0) === REPLICAS);
  while (!done()) {
    c.advance(1000);
    simMs += 1000;
    if (simMs > 600_000) throw new Error('did not converge in 10 simulated minutes');
  }
  const t1 = performance.now();
  return [
    { name: 'controllers.deploy_100x100.setup_ms', value: round(tSetup - t0, 0), unit: 'ms' },
    { name: 'controllers.deploy_100x100.converge_wall_ms', value: round(t1 - tSetup, 0), unit: 'ms' },
    { name: 'controllers.deploy_100x100.converge_sim_s', value: simMs / 1000, unit: 's' },
    { name: 'controllers.deploy_100x100.clock_tasks', value: c.cluster.clock.tasksRun, unit: 'tasks' },
  ];
}
