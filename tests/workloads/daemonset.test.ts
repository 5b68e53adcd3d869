import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, KubeObject, Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { Cluster } from '../../src/engine/cluster';
import { WorkloadCluster } from './harness';

const fluentd = (extra: Partial<DaemonSet['spec']> = {}): DaemonSet => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd', namespace: 'default' },
  spec: { selector: { matchLabels: { name: 'fluentd' } },
    template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1' }] } },
    ...extra } as DaemonSet['spec'],
});

const dsPods = (c: WorkloadCluster, sel = 'name=fluentd') => c.list<Pod>(R.pods, 'default', sel);
const status = (c: WorkloadCluster) => c.get<DaemonSet>(R.daemonsets, 'default', 'fluentd')!.status!;

describe('DaemonSet', () => {
  it('kube-proxy (minikube addon) runs one pod per node with the daemon tolerations', () => {
    // The whole minikube cluster, addons included.
    const cluster = new Cluster({ seed: 3, nodes: 2 });
    // As `minikube start --nodes 2` returns: the worker has joined, the system pods run.
    cluster.waitForSystemPods();
    const client = cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
    const c = { list: <T extends KubeObject>(r: typeof R.pods, ns: string, sel: string) => client.list<T>(r, ns, { labelSelector: sel }).items,
      get: <T extends KubeObject>(r: typeof R.pods, ns: string, name: string) => client.tryGet<T>(r, ns, name) };
    const pods = c.list<Pod>(R.pods, 'kube-system', 'k8s-app=kube-proxy');
    expect(pods.map((p) => p.spec!.nodeName).sort()).toEqual(['minikube', 'minikube-m02']);
    const p = pods[0];
    expect(p.metadata!.generateName).toBe('kube-proxy-');
    expect(p.metadata!.labels).toMatchObject({ 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' });
    expect(p.metadata!.labels!['controller-revision-hash']).toBeTruthy();
    expect(p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution).toEqual(
      { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec!.nodeName] }] }] });
    expect(p.spec!.tolerations!.map((t) => `${t.key ?? ''}:${t.operator}:${t.effect ?? ''}`)).toEqual([
      ':Exists:', 'node.kubernetes.io/not-ready:Exists:NoExecute', 'node.kubernetes.io/unreachable:Exists:NoExecute',
      'node.kubernetes.io/disk-pressure:Exists:NoSchedule', 'node.kubernetes.io/memory-pressure:Exists:NoSchedule',
      'node.kubernetes.io/pid-pressure:Exists:NoSchedule', 'node.kubernetes.io/unschedulable:Exists:NoSchedule',
      'node.kubernetes.io/network-unavailable:Exists:NoSchedule']);
    const ds = c.get<DaemonSet>(R.daemonsets, 'kube-system', 'kube-proxy')!;
    expect(ds.metadata!.annotations!['deprecated.daemonset.template.generation']).toBe('1');
    expect(ds.status).toMatchObject({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2,
      numberAvailable: 2, updatedNumberScheduled: 2, observedGeneration: 1 });
  });

  it('follows nodeSelector as node labels change', () => {
    const c = new WorkloadCluster({ nodes: 2 });
    c.create(R.daemonsets, fluentd({ template: { metadata: { labels: { name: 'fluentd' } },
      spec: { nodeSelector: { logging: 'yes' }, containers: [{ name: 'fluentd', image: 'fluentd:v1' }] } } }));
    c.advance(5000);
    expect(dsPods(c)).toEqual([]);
    expect(status(c)).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });
    c.client.patch(R.nodes, undefined, 'minikube-m02', 'application/strategic-merge-patch+json', { metadata: { labels: { logging: 'yes' } } });
    c.advance(5000);
    expect(dsPods(c).map((p) => p.spec!.nodeName)).toEqual(['minikube-m02']);
    c.client.patch(R.nodes, undefined, 'minikube-m02', 'application/strategic-merge-patch+json', { metadata: { labels: { logging: null } } });
    c.advance(5000);
    expect(dsPods(c).filter((p) => !p.metadata!.deletionTimestamp)).toEqual([]);
    const events = c.events('fluentd').map((e) => e.replace(/fluentd-\w{5}/, 'fluentd-x'));
    expect(events).toEqual([
      'DaemonSet/fluentd Normal SuccessfulCreate daemonset-controller: Created pod: fluentd-x',
      'DaemonSet/fluentd Normal SuccessfulDelete daemonset-controller: Deleted pod: fluentd-x']);
  });

  it('RollingUpdate replaces one node at a time (maxUnavailable 1) and keeps revisions', () => {
    const c = new WorkloadCluster({ nodes: 3 });
    c.create(R.daemonsets, fluentd());
    c.until(() => status(c).numberAvailable === 3);
    c.client.patch(R.daemonsets, 'default', 'fluentd', 'application/strategic-merge-patch+json',
      { spec: { template: { spec: { containers: [{ name: 'fluentd', image: 'fluentd:v2' }] } } } });
    c.advance(100);
    // At most one node is without an available pod at any time.
    let maxDown = 0;
    c.until(() => {
      const live = dsPods(c).filter((p) => !p.metadata!.deletionTimestamp && p.status?.phase === 'Running');
      maxDown = Math.max(maxDown, 3 - live.length);
      const s = status(c);
      return s.updatedNumberScheduled === 3 && s.numberAvailable === 3;
    }, 300_000, 200);
    expect(maxDown).toBe(1);
    expect(dsPods(c).filter((p) => !p.metadata!.deletionTimestamp).map((p) => p.spec!.containers[0].image)).toEqual(['fluentd:v2', 'fluentd:v2', 'fluentd:v2']);
    const ds = c.get<DaemonSet>(R.daemonsets, 'default', 'fluentd')!;
    expect(ds.metadata!.annotations!['deprecated.daemonset.template.generation']).toBe('2');
    expect(dsPods(c).every((p) => p.metadata!.labels!['pod-template-generation'] === '2')).toBe(true);
    expect(c.list<ControllerRevision>(R.controllerrevisions, 'default').map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('a failed daemon pod is deleted and replaced, with a FailedDaemonPod warning', () => {
    const c = new WorkloadCluster({ nodes: 1 });
    c.create(R.daemonsets, fluentd({ template: { metadata: { labels: { name: 'fluentd' } },
      spec: { restartPolicy: 'Always', containers: [{ name: 'fluentd', image: 'fluentd:v1' }] } } }));
    c.until(() => status(c).numberReady === 1);
    const first = dsPods(c)[0].metadata!.name!;
    // Fail the pod as a kubelet would when it rejects it (phase Failed).
    const p = structuredClone(dsPods(c)[0]);
    (p as { status: unknown }).status = { ...p.status, phase: 'Failed', reason: 'NodeAffinity' };
    c.client.updateStatus(R.pods, p);
    c.until(() => dsPods(c).some((x) => x.metadata!.name !== first && !x.metadata!.deletionTimestamp));
    expect(c.events('fluentd').some((e) => e.includes(`FailedDaemonPod daemonset-controller: Found failed daemon pod default/${first} on node minikube, will try to kill it`))).toBe(true);
  });
});
