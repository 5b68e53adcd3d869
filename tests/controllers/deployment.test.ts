import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { TestCluster, deployment } from './harness';

// Controller events only: the real scheduler (wired into the Cluster) also reports Scheduled on each pod.
const inDefault = (e: { involvedObject: { namespace?: string; kind?: string } }) => e.involvedObject.namespace === 'default' && e.involvedObject.kind !== 'Pod';
const active = (pods: Pod[]) => pods.filter((p) => !p.metadata!.deletionTimestamp);
const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

function setImage(c: TestCluster, name: string, image: string): void {
  c.client.patch(R.deployments, 'default', name, 'application/strategic-merge-patch+json',
    { spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } } });
  c.cluster.flush();
}

function scaleTo(c: TestCluster, name: string, replicas: number): void {
  c.client.patch(R.deployments, 'default', name, 'application/merge-patch+json', { spec: { replicas } }, { subresource: 'scale' });
  c.cluster.flush();
}

describe('Deployment scenarios', () => {
  it('a Deployment of 3 reaches 3 ready, with the events and status of a real cluster', () => {
    const c = new TestCluster({ seed: 11 });
    c.create(R.deployments, deployment('web', 3));
    c.advance(10_000);
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    const rss = c.list<ReplicaSet>(R.replicasets, 'default');
    expect(rss).toHaveLength(1);
    const rs = rss[0];
    const hash = rs.metadata!.labels!['pod-template-hash'];
    expect(rs.metadata!.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs.metadata!.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.spec!.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(d.metadata!.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    const pods = c.list<Pod>(R.pods, 'default');
    expect(c.events(inDefault)).toEqual([
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs.metadata!.name} from 0 to 3`,
      ...pods.map((p) => `ReplicaSet/${rs.metadata!.name} Normal SuccessfulCreate replicaset-controller: Created pod: ${p.metadata!.name}`)
        .sort((a, b) => order(c, a) - order(c, b)),
    ]);
    const { conditions, ...counts } = d.status!;
    expect(counts).toEqual({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata!.name}" has successfully progressed.`],
    ]);
    expect(conditions![1].lastTransitionTime).toBe('2025-01-15T09:00:00Z');
    expect(conditions![1].lastUpdateTime).toBe('2025-01-15T09:00:02Z');
  });

  it('scales up and down, deleting the newest pods that are not ready yet', () => {
    const c = new TestCluster({ seed: 5 });
    c.create(R.deployments, deployment('web', 3));
    c.advance(10_000);
    const first = c.list<Pod>(R.pods, 'default').map((p) => p.metadata!.name!);
    scaleTo(c, 'web', 5);
    c.advance(200); // created and scheduled, not yet running
    const [rs] = c.list<ReplicaSet>(R.replicasets, 'default');
    const added = active(c.list<Pod>(R.pods, 'default')).map((p) => p.metadata!.name!).filter((n) => !first.includes(n));
    expect(added).toHaveLength(2);
    scaleTo(c, 'web', 3);
    c.advance(10_000);
    const left = c.list<Pod>(R.pods, 'default').map((p) => p.metadata!.name!);
    expect(left.sort()).toEqual([...first].sort());
    const rsName = rs.metadata!.name;
    expect(c.events((e) => inDefault(e) && e.reason !== 'SuccessfulCreate')).toEqual([
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rsName} from 0 to 3`,
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rsName} from 3 to 5`,
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${rsName} from 5 to 3`,
      ...added.sort().map((n) => `ReplicaSet/${rsName} Normal SuccessfulDelete replicaset-controller: Deleted pod: ${n}`),
    ]);
  });

  it('rolls 10 replicas from nginx:1.25 to nginx:1.26 within 8..13 pods (25%/25%)', () => {
    const c = new TestCluster({ seed: 21, nodes: 4 });
    c.create(R.deployments, deployment('web', 10));
    c.advance(15_000);
    setImage(c, 'web', 'nginx:1.26');
    let minAvailable = Infinity;
    let maxPods = 0;
    let maxSpec = 0;
    const took = c.until(() => {
      const pods = active(c.list<Pod>(R.pods, 'default'));
      minAvailable = Math.min(minAvailable, pods.filter(isReady).length);
      maxPods = Math.max(maxPods, pods.length);
      maxSpec = Math.max(maxSpec, c.list<ReplicaSet>(R.replicasets, 'default').reduce((n, rs) => n + rs.spec!.replicas!, 0));
      const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
      return d.status!.updatedReplicas === 10 && d.status!.availableReplicas === 10 && d.status!.replicas === 10
        && pods.every((p) => p.spec!.containers[0].image === 'nginx:1.26');
    }, 300_000, 50);
    expect(minAvailable).toBeGreaterThanOrEqual(8);
    expect(maxPods).toBeLessThanOrEqual(13);
    expect(maxSpec).toBeLessThanOrEqual(13);
    expect(took).toBeLessThan(60_000);
    const rss = c.list<ReplicaSet>(R.replicasets, 'default');
    const byRev = Object.fromEntries(rss.map((rs) => [rs.metadata!.annotations!['deployment.kubernetes.io/revision'], rs]));
    expect(byRev['1'].spec!.replicas).toBe(0);
    expect(byRev['2'].spec!.replicas).toBe(10);
    const scaling = c.events((e) => inDefault(e) && e.reason === 'ScalingReplicaSet');
    const newName = byRev['2'].metadata!.name;
    const oldName = byRev['1'].metadata!.name;
    // The first steps of a 25%/25% rollout of 10: new to 3 (surge), old to 8 (unavailable 2) …
    expect(scaling.slice(0, 3)).toEqual([
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${oldName} from 0 to 10`,
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${newName} from 0 to 3`,
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${oldName} from 10 to 8`,
    ]);
    // … and ends with the old set at 0.
    expect(scaling.at(-1)).toMatch(new RegExp(`Scaled down replica set ${oldName} from \\d+ to 0$`));
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('rollout undo through the rollback annotation returns to the old ReplicaSet as revision 3', () => {
    const c = new TestCluster({ seed: 8 });
    c.create(R.deployments, deployment('web', 3));
    c.advance(10_000);
    setImage(c, 'web', 'nginx:1.26');
    c.advance(30_000);
    const [rs1] = c.list<ReplicaSet>(R.replicasets, 'default').filter((rs) => rs.spec!.template!.spec!.containers[0].image === 'nginx:1.25');
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    c.client.update(R.deployments, { ...d, metadata: { ...d.metadata, annotations: { ...d.metadata!.annotations, 'deprecated.deployment.rollback.to': '0' } } });
    c.advance(30_000);
    const after = c.get<Deployment>(R.deployments, 'default', 'web')!;
    expect(after.spec!.template!.spec!.containers[0].image).toBe('nginx:1.25');
    expect(after.metadata!.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3' });
    const back = c.get<ReplicaSet>(R.replicasets, 'default', rs1.metadata!.name!)!;
    expect(back.spec!.replicas).toBe(3);
    expect(back.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata!.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(c.list<ReplicaSet>(R.replicasets, 'default')).toHaveLength(2);
    expect(c.events((e) => inDefault(e) && e.reason === 'DeploymentRollback')).toEqual([
      'Deployment/web Normal DeploymentRollback deployment-controller: Rolled back deployment "web" to revision 1']);
  });

  it('rollout undo as kubectl v1.32 does it (a JSON patch of the template) makes the old set revision 3', () => {
    const c = new TestCluster({ seed: 18 });
    c.create(R.deployments, deployment('web', 3));
    c.advance(10_000);
    setImage(c, 'web', 'nginx:1.26');
    c.advance(30_000);
    const rs1 = c.list<ReplicaSet>(R.replicasets, 'default').find((rs) => rs.metadata!.annotations!['deployment.kubernetes.io/revision'] === '1')!;
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    const { 'pod-template-hash': _h, ...labels } = rs1.spec!.template!.metadata!.labels!;
    const template = { ...rs1.spec!.template!, metadata: { ...rs1.spec!.template!.metadata, labels } };
    const annotations = { 'deployment.kubernetes.io/revision': d.metadata!.annotations!['deployment.kubernetes.io/revision'] };
    c.client.patch(R.deployments, 'default', 'web', 'application/json-patch+json', [
      { op: 'replace', path: '/spec/template', value: template }, { op: 'replace', path: '/metadata/annotations', value: annotations }]);
    c.advance(30_000);
    const back = c.get<ReplicaSet>(R.replicasets, 'default', rs1.metadata!.name!)!;
    expect(back.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.spec!.replicas).toBe(3);
    expect(c.get<Deployment>(R.deployments, 'default', 'web')!.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    const scaling = c.events((e) => inDefault(e) && e.reason === 'ScalingReplicaSet');
    expect(scaling).toContain(`Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs1.metadata!.name} from 0 to 1`);
  });

  it('keeps revisionHistoryLimit old ReplicaSets, deleting the oldest idle ones', () => {
    const c = new TestCluster({ seed: 19 });
    c.create(R.deployments, deployment('web', 2, 'nginx:1.25', { revisionHistoryLimit: 1 }));
    c.advance(10_000);
    for (const tag of ['1.26', '1.27', '1.28']) {
      setImage(c, 'web', `nginx:${tag}`);
      c.advance(30_000);
    }
    const revs = c.list<ReplicaSet>(R.replicasets, 'default').map((rs) => rs.metadata!.annotations!['deployment.kubernetes.io/revision']).sort();
    expect(revs).toEqual(['3', '4']);
  });

  it('Recreate stops every old pod before starting the new ones', () => {
    const c = new TestCluster({ seed: 4 });
    c.create(R.deployments, deployment('web', 3, 'nginx:1.25', { strategy: { type: 'Recreate' } }));
    c.advance(10_000);
    setImage(c, 'web', 'nginx:1.26');
    let overlap = false;
    c.until(() => {
      const pods = c.list<Pod>(R.pods, 'default');
      const images = new Set(pods.map((p) => p.spec!.containers[0].image));
      if (images.size > 1) overlap = true;
      const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
      return d.status!.updatedReplicas === 3 && d.status!.availableReplicas === 3 && pods.length === 3;
    }, 120_000, 50);
    expect(overlap).toBe(false);
    const names = c.list<ReplicaSet>(R.replicasets, 'default').sort((a, b) =>
      a.metadata!.annotations!['deployment.kubernetes.io/revision'].localeCompare(b.metadata!.annotations!['deployment.kubernetes.io/revision']))
      .map((rs) => rs.metadata!.name);
    expect(c.events((e) => inDefault(e) && e.reason === 'ScalingReplicaSet')).toEqual([
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${names[0]} from 0 to 3`,
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${names[0]} from 3 to 0`,
      `Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${names[1]} from 0 to 3`,
    ]);
  });

  it('pause holds a template change; resume rolls it out', () => {
    const c = new TestCluster({ seed: 9 });
    c.create(R.deployments, deployment('web', 2));
    c.advance(10_000);
    c.client.patch(R.deployments, 'default', 'web', 'application/merge-patch+json', { spec: { paused: true } });
    c.cluster.flush();
    setImage(c, 'web', 'nginx:1.26');
    c.advance(20_000);
    expect(c.list<ReplicaSet>(R.replicasets, 'default')).toHaveLength(1);
    let d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    const prog = d.status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect([prog.status, prog.reason, prog.message]).toEqual(['Unknown', 'DeploymentPaused', 'Deployment is paused']);
    c.client.patch(R.deployments, 'default', 'web', 'application/merge-patch+json', { spec: { paused: null } });
    c.cluster.flush();
    c.advance(30_000);
    d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    expect(c.list<ReplicaSet>(R.replicasets, 'default')).toHaveLength(2);
    expect(d.status!.updatedReplicas).toBe(2);
    expect(d.status!.conditions!.find((x) => x.type === 'Progressing')!.reason).toBe('NewReplicaSetAvailable');
  });

  it('reports ProgressDeadlineExceeded when the new pods never become ready', () => {
    const c = new TestCluster({ seed: 2, neverReadyImage: 'broken' });
    c.create(R.deployments, deployment('web', 2, 'nginx:1.25', { progressDeadlineSeconds: 30 }));
    c.advance(10_000);
    setImage(c, 'web', 'nginx:broken');
    c.advance(20_000);
    let cond = c.get<Deployment>(R.deployments, 'default', 'web')!.status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect(cond.reason).toBe('ReplicaSetUpdated');
    c.advance(30_000);
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    cond = d.status!.conditions!.find((x) => x.type === 'Progressing')!;
    const newRS = c.list<ReplicaSet>(R.replicasets, 'default').find((rs) => rs.spec!.template!.spec!.containers[0].image === 'nginx:broken')!;
    expect([cond.status, cond.reason, cond.message]).toEqual(['False', 'ProgressDeadlineExceeded',
      `ReplicaSet "${newRS.metadata!.name}" has timed out progressing.`]);
    // The old pods keep serving: maxUnavailable 25% of 2 is 0, so nothing old was removed.
    expect(d.status!.availableReplicas).toBe(2);
  });

  it('is deterministic: same seed, same names, events and store', () => {
    const run = () => {
      const c = new TestCluster({ seed: 13 });
      c.create(R.deployments, deployment('web', 4));
      c.advance(10_000);
      setImage(c, 'web', 'nginx:1.26');
      c.advance(30_000);
      return { events: c.events(), dump: c.cluster.dump() };
    };
    const a = run();
    const b = run();
    expect(b.events).toEqual(a.events);
    expect(b.dump === a.dump).toBe(true);
  });
});

// Where an event line's pod was created (events of one burst come in creation order).
function order(c: TestCluster, line: string): number {
  const name = line.split(': ').at(-1)!;
  return Number(c.get<Pod>(R.pods, 'default', name)?.metadata?.resourceVersion ?? 0);
}
