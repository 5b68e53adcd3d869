import { describe, expect, it } from 'vitest';
import type { Deployment, Node, Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { Cluster } from '../../src/engine/cluster';
import { WorkloadCluster } from './harness';

const web = (replicas: number): Deployment => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
});

const webPods = (c: WorkloadCluster) => c.list<Pod>(R.pods, 'default', 'app=web');
const node = (c: WorkloadCluster, name: string) => c.get<Node>(R.nodes, undefined, name)!;
const ready = (n: Node) => n.status?.conditions?.find((x) => x.type === 'Ready');

describe('node lifecycle', () => {
  it('registers nodes and lifts the not-ready taint once the kubelet reports Ready', () => {
    const c = new WorkloadCluster({ nodes: 2 });
    c.advance(10_000);
    expect(c.events().filter((e) => e.includes('RegisteredNode'))).toEqual([
      'Node/minikube-m02 Normal RegisteredNode node-controller: Node minikube-m02 event: Registered Node minikube-m02 in Controller',
      'Node/minikube Normal RegisteredNode node-controller: Node minikube event: Registered Node minikube in Controller',
    ]);
    for (const n of ['minikube', 'minikube-m02']) expect(node(c, n).spec?.taints ?? []).toEqual([]);
  });

  it('a cordoned node gets unschedulable:NoSchedule, removed on uncordon', () => {
    const c = new WorkloadCluster({ nodes: 1 });
    c.advance(10_000);
    c.client.patch(R.nodes, undefined, 'minikube', 'application/strategic-merge-patch+json', { spec: { unschedulable: true } });
    c.advance(1000);
    expect(node(c, 'minikube').spec?.taints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2025-01-15T09:00:10Z' }]);
    c.client.patch(R.nodes, undefined, 'minikube', 'application/strategic-merge-patch+json', { spec: { unschedulable: null } });
    c.advance(1000);
    expect(node(c, 'minikube').spec?.taints).toBeUndefined();
  });

  it('a node that stops heartbeating turns Unknown, is tainted, and its pods are replaced elsewhere after 300 s', () => {
    const c = new WorkloadCluster({ nodes: 3 });
    c.advance(10_000);
    c.create(R.deployments, web(6));
    c.until(() => webPods(c).filter((p) => p.status?.phase === 'Running').length === 6);
    const victim = 'minikube-m02';
    const onVictim = webPods(c).filter((p) => p.spec?.nodeName === victim).map((p) => p.metadata!.name!).sort();
    expect(onVictim.length).toBe(2);
    const stoppedAt = c.now();
    c.h.nodes.get(victim)!.stop();

    // Ready=Unknown after the 40 s grace period (counted from the last heartbeat, on the 5 s monitor tick).
    const toUnknown = c.until(() => ready(node(c, victim))?.status === 'Unknown', 120_000, 1000);
    expect(toUnknown).toBeGreaterThanOrEqual(30_000);
    expect(toUnknown).toBeLessThanOrEqual(60_000);
    const r = ready(node(c, victim))!;
    expect([r.reason, r.message]).toEqual(['NodeStatusUnknown', 'Kubelet stopped posting node status.']);
    c.advance(10_000);
    expect(node(c, victim).spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    for (const name of onVictim) {
      expect(c.get<Pod>(R.pods, 'default', name)!.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    }
    expect(c.events().filter((e) => e.includes('NodeNotReady') && (e.startsWith('Node/') || e.startsWith('Pod/web-')))).toEqual([
      `Node/${victim} Normal NodeNotReady node-controller: Node ${victim} status is now: NodeNotReady`,
      ...onVictim.map((p) => `Pod/${p} Warning NodeNotReady node-controller: Node is not ready`)]);

    // The default tolerations (300 s) run out: the pods are evicted and replaced on the other nodes.
    c.until(() => onVictim.every((n) => c.get<Pod>(R.pods, 'default', n)?.metadata?.deletionTimestamp), 400_000, 5000);
    expect(c.now() - stoppedAt).toBeGreaterThan(300_000);
    expect(c.events().filter((e) => e.includes('TaintManagerEviction') && e.startsWith('Pod/web-'))).toEqual(
      onVictim.map((p) => `Pod/${p} Normal TaintManagerEviction taint-eviction-controller: Marking for deletion Pod default/${p}`));
    c.until(() => webPods(c).filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running').length === 6, 120_000);
    const live = webPods(c).filter((p) => !p.metadata?.deletionTimestamp);
    expect(live.every((p) => p.spec?.nodeName !== victim)).toBe(true);
    // The evicted pods stay Terminating while their kubelet is gone, marked as disrupted.
    const evicted = c.get<Pod>(R.pods, 'default', onVictim[0])!;
    expect(evicted.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject(
      { status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });

    // The kubelet comes back: Ready again, taints gone, the old pods finish terminating.
    c.h.nodes.get(victim)!.start();
    c.until(() => ready(node(c, victim))?.status === 'True' && !node(c, victim).spec?.taints?.length, 120_000, 1000);
    c.until(() => onVictim.every((n) => !c.get<Pod>(R.pods, 'default', n)), 120_000, 1000);
  });

  it('a single node going silent puts the zone in full disruption: no NoExecute taint, no evictions', () => {
    const c = new WorkloadCluster({ nodes: 1 });
    c.advance(10_000);
    c.create(R.deployments, web(2));
    c.until(() => webPods(c).filter((p) => p.status?.phase === 'Running').length === 2);
    c.h.nodes.get('minikube')!.stop();
    c.advance(400_000);
    expect(ready(node(c, 'minikube'))?.status).toBe('Unknown');
    expect(node(c, 'minikube').spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    expect(webPods(c).filter((p) => p.metadata?.deletionTimestamp)).toEqual([]);
  });

  it('class-demo timings: 10 s grace and 30 s tolerations evict within a minute (the whole minikube cluster)', () => {
    const cluster = new Cluster({ seed: 5, nodes: 3, timings: { nodeMonitorGracePeriodMs: 10_000, podEvictionTolerationSeconds: 30 } });
    const client = cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    cluster.waitForSystemPods(); // the workers join one after another, as `minikube start --nodes 3`
    client.create(R.deployments, web(3));
    cluster.advance(30_000);
    const pods = () => client.list<Pod>(R.pods, 'default', { labelSelector: 'app=web' }).items;
    expect(pods()[0].spec!.tolerations!.filter((t) => t.effect === 'NoExecute').map((t) => t.tolerationSeconds)).toEqual([30, 30]);
    const victim = pods().find((p) => p.spec!.nodeName !== 'minikube')!.spec!.nodeName!;
    const doomed = pods().filter((p) => p.spec!.nodeName === victim).map((p) => p.metadata!.name!);
    cluster.nodes.get(victim)!.stop();
    cluster.advance(60_000);
    for (const n of doomed) expect(client.tryGet<Pod>(R.pods, 'default', n)?.metadata?.deletionTimestamp).toBeDefined();
    cluster.advance(30_000);
    expect(pods().filter((p) => !p.metadata!.deletionTimestamp && p.status?.phase === 'Running' && p.spec!.nodeName !== victim).length).toBe(3);
  });
});
