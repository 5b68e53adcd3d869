// Scenarios: the scheduler in a cluster, through the API.
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, ReplicaSet } from '../api';
import { R, res } from '../client';
import { SchedulerBench } from './testing';

const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

function failed(b: SchedulerBench, name: string): string[] {
  return b.events(name).filter((e) => e.reason === 'FailedScheduling').map((e) => e.message!);
}

describe('binding', () => {
  it('binds a pod, records Scheduled as events.k8s.io does, and sets PodScheduled=True', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'minikube' }] });
    b.createPod({ name: 'web', cpu: '100m' });
    b.flush();
    expect(b.nodeOf('web')).toBe('minikube');
    const [ev] = b.events('web');
    expect(ev).toMatchObject({ type: 'Normal', reason: 'Scheduled', action: 'Binding', message: 'Successfully assigned default/web to minikube',
      reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-minikube', source: {}, firstTimestamp: null, lastTimestamp: null,
      involvedObject: { kind: 'Pod', apiVersion: 'v1', name: 'web', namespace: 'default' } });
    expect(ev.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(ev.count).toBeUndefined();
    expect(b.pod('web').status!.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-15T09:00:00Z' }]);
  });

  it('ignores pods for another scheduler and counts pods bound by others', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1', cpu: '1' }] });
    b.createPod({ name: 'mine-elsewhere', spec: { schedulerName: 'my-scheduler' } });
    b.createPod({ name: 'placed', cpu: '800m', spec: { nodeName: 'n1' } });
    b.flush();
    b.createPod({ name: 'big', cpu: '500m' });
    b.flush();
    expect(b.nodeOf('mine-elsewhere')).toBe('');
    expect(b.events('mine-elsewhere')).toEqual([]);
    expect(failed(b, 'big')[0]).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./);
  });

  it('assumes pods it bound, so a burst does not overfill nodes', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1', cpu: '4' }, { name: 'n2', cpu: '4' }] });
    for (let i = 0; i < 10; i++) b.createPod({ name: `p${i}`, cpu: '1' });
    b.flush();
    const nodes = Array.from({ length: 10 }, (_, i) => b.nodeOf(`p${i}`));
    expect(nodes.filter((n) => n === 'n1')).toHaveLength(4);
    expect(nodes.filter((n) => n === 'n2')).toHaveLength(4);
    expect(nodes.filter((n) => n === '')).toHaveLength(2);
    expect(failed(b, 'p9')).toEqual(['0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.']);
  });

  it('says there are no nodes', () => {
    const b = new SchedulerBench();
    b.createPod({ name: 'lonely' });
    b.flush();
    expect(failed(b, 'lonely')).toEqual(['no nodes available to schedule pods']);
    expect(b.pod('lonely').status!.conditions![0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no nodes available to schedule pods' });
    b.addNode({ name: 'late' });
    b.advance(1000);
    expect(b.nodeOf('lonely')).toBe('late');
  });
});

describe('FailedScheduling texts (v1.32)', () => {
  const cases: { name: string; nodes: ConstructorParameters<typeof SchedulerBench>[0]; pod: Parameters<SchedulerBench['createPod']>[0]; objects?: [string, KubeObject][];
    want: string }[] = [
    {
      name: 'a tainted control plane and two full nodes',
      nodes: { nodes: [{ name: 'minikube', taints: [cp] }, { name: 'minikube-m02', cpu: '1' }, { name: 'minikube-m03', cpu: '1' }] },
      pod: { name: 'p', cpu: '1500m' },
      want: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. '
        + 'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    },
    {
      name: 'insufficient memory',
      nodes: { nodes: [{ name: 'n1', memory: '1Gi' }] },
      pod: { name: 'p', memory: '2Gi' },
      want: '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    },
    {
      name: 'a nodeSelector no node matches',
      nodes: { nodes: [{ name: 'n1' }, { name: 'n2' }] },
      pod: { name: 'p', spec: { nodeSelector: { disktype: 'ssd' } } },
      want: "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    },
    {
      name: 'a missing PersistentVolumeClaim',
      nodes: { nodes: [{ name: 'n1' }] },
      pod: { name: 'p', spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } },
      want: '0/1 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    },
    {
      name: 'an unbound PersistentVolumeClaim of an Immediate class',
      nodes: { nodes: [{ name: 'n1' }] },
      objects: [['persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } as KubeObject]],
      pod: { name: 'p', spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } },
      want: '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    },
    {
      name: 'too many pods',
      nodes: { nodes: [{ name: 'n1', pods: '1' }] },
      objects: [['pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'first', namespace: 'default' },
        spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject]],
      pod: { name: 'p' },
      want: '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    },
    {
      name: 'a cordoned node',
      nodes: { nodes: [{ name: 'n1', unschedulable: true }] },
      pod: { name: 'p' },
      want: '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const b = new SchedulerBench(c.nodes);
      for (const [r, o] of c.objects ?? []) b.client.create(res(r), o);
      b.flush();
      b.createPod(c.pod);
      b.flush();
      expect(failed(b, 'p')).toEqual([c.want]);
      const cond = b.pod('p').status!.conditions!.find((x) => x.type === 'PodScheduled');
      expect(cond).toEqual({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: c.want, lastProbeTime: null,
        lastTransitionTime: '2025-01-15T09:00:00Z' });
      const ev = b.events('p').find((e) => e.reason === 'FailedScheduling')!;
      expect(ev).toMatchObject({ type: 'Warning', action: 'Scheduling', reportingComponent: 'default-scheduler' });
    });
  }
});

describe('queueing', () => {
  it('retries an unschedulable pod when a node that fits appears', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'small', cpu: '1' }] });
    b.createPod({ name: 'p', cpu: '2' });
    b.flush();
    expect(b.nodeOf('p')).toBe('');
    b.addNode({ name: 'big', cpu: '4' });
    b.advance(1000);
    expect(b.nodeOf('p')).toBe('big');
  });

  it('retries when a pod is deleted and frees room', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1', cpu: '2' }] });
    b.createPod({ name: 'hog', cpu: '1500m' });
    b.flush();
    b.createPod({ name: 'p', cpu: '1' });
    b.flush();
    expect(b.nodeOf('p')).toBe('');
    b.client.delete(R.pods, 'default', 'hog', { gracePeriodSeconds: 0 });
    b.advance(1000);
    expect(b.nodeOf('p')).toBe('n1');
  });

  it('repeats FailedScheduling every 5 minutes; an unchanged pod gets a series instead of a new event', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1', cpu: '1' }] });
    b.createPod({ name: 'p', cpu: '2' });
    b.flush();
    b.advance(11 * 60_000);
    const evs = b.events('p');
    // 1st attempt: event 1 (then the condition update changes the pod); 2nd: event 2 about the new
    // resourceVersion; 3rd: the same pod again → event 2 becomes a series of 2.
    expect(evs.map((e) => [e.reason, e.series?.count])).toEqual([['FailedScheduling', undefined], ['FailedScheduling', 2]]);
    expect(b.scheduler.stats.attempts).toBeGreaterThanOrEqual(3);
  });

  it('keeps a gated pod pending with SchedulingGated, and schedules it when the gates go', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1' }] });
    b.createPod({ name: 'g', spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    b.flush();
    expect(b.pod('g').status!.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null, lastTransitionTime: null }]);
    expect(b.events('g')).toEqual([]);
    b.client.patch(R.pods, 'default', 'g', 'application/merge-patch+json', { spec: { schedulingGates: null } });
    b.flush();
    expect(b.nodeOf('g')).toBe('n1');
  });
});

describe('placement', () => {
  it('spreads a 6-replica ReplicaSet over 3 nodes, 2 each', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1' }, { name: 'n2' }, { name: 'n3' }] });
    b.client.create(R.replicasets, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] } } } } as ReplicaSet);
    b.advance(2000);
    const pods = b.client.list<Pod>(R.pods, 'default', { labelSelector: 'app=web' }).items;
    expect(pods).toHaveLength(6);
    const per = new Map<string, number>();
    for (const p of pods) per.set(p.spec!.nodeName!, (per.get(p.spec!.nodeName!) ?? 0) + 1);
    expect(Object.fromEntries(per)).toEqual({ n1: 2, n2: 2, n3: 2 });
  });

  it('is deterministic: same seed, same placements', () => {
    const run = (seed: number) => {
      const b = new SchedulerBench({ seed, nodes: Array.from({ length: 5 }, (_, i) => ({ name: `n${i}` })) });
      for (let i = 0; i < 20; i++) b.createPod({ name: `p${i}`, cpu: '100m' });
      b.flush();
      return { nodes: Array.from({ length: 20 }, (_, i) => b.nodeOf(`p${i}`)), dump: b.cluster.dump() };
    };
    const [a, b] = [run(3), run(3)];
    expect(a.nodes).toEqual(b.nodes);
    expect(new Set(a.nodes).size).toBeGreaterThan(1);
    expect(a.dump === b.dump).toBe(true);
  });

  it('explains a placement: every node, its filter verdict or scores', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'a', cpu: '4' }, { name: 'b', cpu: '1' }, { name: 'c', taints: [cp] }] });
    b.createPod({ name: 'p', cpu: '500m' });
    b.flush();
    const x = b.scheduler.explain('default/p')!;
    expect(x).toMatchObject({ result: 'Scheduled', node: 'a', numAllNodes: 3, evaluatedNodes: 3, feasibleNodes: 2 });
    const byNode = Object.fromEntries(x.nodes!.map((n) => [n.node, n]));
    expect(byNode.c.filter).toEqual({ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] });
    expect(byNode.a.selected).toBe(true);
    expect(byNode.a.scores!.map((s) => s.plugin)).toEqual(['TaintToleration', 'NodeResourcesFit', 'NodeResourcesBalancedAllocation', 'ImageLocality']);
    expect(byNode.a.total).toBeGreaterThan(byNode.b.total!);
  });
});

describe('preemption', () => {
  it('evicts a lower-priority pod, nominates the node, then binds there', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1', cpu: '2' }] });
    b.client.create(res('priorityclasses.scheduling.k8s.io'), { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass',
      metadata: { name: 'high' }, value: 1000 } as KubeObject);
    b.createPod({ name: 'low', cpu: '1500m' });
    b.flush();
    const low = b.pod('low');
    b.createPod({ name: 'high', cpu: '1', spec: { priorityClassName: 'high' } });
    b.flush();
    const high = b.pod('high');
    expect(high.status!.nominatedNodeName).toBe('n1');
    expect(failed(b, 'high')).toEqual(['0/1 nodes are available: 1 Insufficient cpu.']);
    const victim = b.pod('low');
    expect(victim.metadata!.deletionTimestamp).toBeDefined();
    expect(victim.status!.conditions!.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    expect(b.events('low').find((e) => e.reason === 'Preempted')).toMatchObject({ action: 'Preempting',
      message: `Preempted by pod ${high.metadata!.uid} on node n1`, related: { kind: 'Pod', name: 'high' } });
    expect(low.spec!.nodeName).toBe('n1');
    // The kubelet would finish the eviction; do it by hand.
    b.client.delete(R.pods, 'default', 'low', { gracePeriodSeconds: 0 });
    b.advance(2000);
    expect(b.nodeOf('high')).toBe('n1');
  });

  it('says why preemption cannot help', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'n1', cpu: '1' }] });
    b.client.create(res('priorityclasses.scheduling.k8s.io'), { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass',
      metadata: { name: 'polite' }, value: 1000, preemptionPolicy: 'Never' } as KubeObject);
    b.createPod({ name: 'p', cpu: '2', spec: { priorityClassName: 'polite' } });
    b.flush();
    expect(failed(b, 'p')).toEqual(['0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.']);
  });
});
