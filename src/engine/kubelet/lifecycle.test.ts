import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { R } from '../client';
import { kubeletHarness, type Harness } from './testing/harness';

const nginx = (name = 'nginx', extra: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  metadata: { name },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...extra },
});

/** Records every status the pod goes through (watch), as "phase/reason[,reason…]". */
function watchStatuses(h: Harness, name: string): string[] {
  const seen: string[] = [];
  h.client.watch(R.pods, 'default', { fieldSelector: `metadata.name=${name}` }, (ev) => {
    const p = ev.object as Pod;
    const cs = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])];
    const s = cs.map((c) => c.state?.waiting?.reason ?? (c.state?.running ? 'Running' : c.state?.terminated?.reason ?? '?')).join(',');
    const line = `${ev.type} ${p.status?.phase}/${s}`;
    if (seen[seen.length - 1] !== line) seen.push(line);
  });
  return seen;
}

describe('pod lifecycle', () => {
  it('takes a pod from Pending to Running with the upstream events and status', () => {
    const h = kubeletHarness();
    const statuses = watchStatuses(h, 'nginx');
    h.createPod(nginx());
    const t0 = h.now();
    h.advance(1);
    let p = h.pod('nginx')!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(p.status?.containerStatuses?.[0].imageID).toBe('');
    expect(p.status?.containerStatuses?.[0].started).toBe(false);
    expect(p.status?.hostIP).toBe('192.168.49.2');
    expect(p.status?.podIP).toBeUndefined();
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`)).toEqual([
      'PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False(ContainersNotReady)', 'ContainersReady=False(ContainersNotReady)',
      'PodScheduled=True']);
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.message).toBe('containers with unready status: [nginx]');
    h.advance(5000);
    p = h.pod('nginx')!;
    expect(p.status?.phase).toBe('Running');
    const cs = p.status!.containerStatuses![0];
    expect(cs.ready).toBe(true);
    expect(cs.started).toBe(true);
    expect(cs.restartCount).toBe(0);
    expect(cs.image).toBe('nginx:latest');
    expect(cs.imageID).toMatch(/^docker-pullable:\/\/docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
    expect(cs.state?.running?.startedAt).toBe(new Date(Math.floor((t0 + 2100) / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
    expect(p.status?.podIP).toBe('10.244.0.2');
    expect(p.status?.podIPs).toEqual([{ ip: '10.244.0.2' }]);
    expect(p.status?.qosClass).toBe('BestEffort');
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(h.events('nginx')).toEqual([
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 2.1s (2.1s including waiting). Image size: 72188133 bytes.',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ]);
    const ev = h.rawEvents().find((e) => e.reason === 'Started')!;
    expect(ev.involvedObject).toMatchObject({ kind: 'Pod', name: 'nginx', namespace: 'default', fieldPath: 'spec.containers{nginx}' });
    expect(ev.source).toEqual({ component: 'kubelet', host: 'minikube' });
    expect(statuses).toEqual(['ADDED Pending/', 'MODIFIED Pending/ContainerCreating', 'MODIFIED Running/Running']);
  });

  it('says the image is already present for the second pod and serialises pulls', () => {
    const h = kubeletHarness();
    h.createPod(nginx('a'));
    h.createPod({ metadata: { name: 'b' }, spec: { containers: [{ name: 'box', image: 'busybox:1.28', command: ['sleep', '3600'] }] } });
    h.advance(10_000);
    expect(h.events('b')[1]).toBe('Pulled: Successfully pulled image "busybox:1.28" in 2.1s (4.2s including waiting). Image size: 72188133 bytes.');
    // "nginx" defaults to imagePullPolicy Always (the :latest tag): it is pulled again; a tagged image is not.
    h.createPod({ metadata: { name: 'c' }, spec: { containers: [{ name: 'box', image: 'busybox:1.28', command: ['sleep', '3600'] }] } });
    h.advance(3000);
    expect(h.events('c')).toEqual(['Pulled: Container image "busybox:1.28" already present on machine', 'Created: Created container: box',
      'Started: Started container box']);
    expect(h.pod('c')!.status!.phase).toBe('Running');
  });

  it('completes a pod with restartPolicy Never', () => {
    const h = kubeletHarness({ runtime: { program: () => ({ logs: ['hello'], exitAfterMs: 500, exitCode: 0 }) } });
    h.createPod({ metadata: { name: 'job' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } });
    h.advance(10_000);
    const p = h.pod('job')!;
    expect(p.status?.phase).toBe('Succeeded');
    const t = p.status!.containerStatuses![0].state!.terminated!;
    expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(t.containerID).toMatch(/^docker:\/\//);
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`)).toEqual([
      'PodReadyToStartContainers=False', 'Initialized=True(PodCompleted)', 'Ready=False(PodCompleted)',
      'ContainersReady=False(PodCompleted)', 'PodScheduled=True']);
    expect(p.status?.podIP).toBe('10.244.0.2');
  });

  it('fails a pod whose container exits non-zero with restartPolicy Never', () => {
    const h = kubeletHarness({ runtime: { program: () => ({ exitAfterMs: 100, exitCode: 3 }) } });
    h.createPod({ metadata: { name: 'bad' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } });
    h.advance(10_000);
    const p = h.pod('bad')!;
    expect(p.status?.phase).toBe('Failed');
    expect(p.status!.containerStatuses![0].state!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.reason).toBe('PodFailed');
  });

  it('restarts only failures with restartPolicy OnFailure', () => {
    let n = 0;
    const h = kubeletHarness({ runtime: { program: () => ({ exitAfterMs: 100, exitCode: n++ === 0 ? 1 : 0 }) } });
    h.createPod({ metadata: { name: 'of' }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } });
    h.advance(30_000);
    const p = h.pod('of')!;
    expect(p.status?.phase).toBe('Succeeded');
    expect(p.status!.containerStatuses![0].restartCount).toBe(1);
    expect(p.status!.containerStatuses![0].lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('rejects a pod that does not fit (OutOfcpu)', () => {
    const h = kubeletHarness();
    h.createPod({ metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] } });
    h.advance(1000);
    const p = h.pod('big')!;
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.reason).toBe('OutOfcpu');
    expect(p.status?.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000");
    expect(h.events('big')).toEqual(["OutOfcpu: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000"]);
  });

  it('rejects a pod whose node affinity does not match', () => {
    const h = kubeletHarness();
    h.createPod({ metadata: { name: 'aff' }, spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } });
    h.advance(1000);
    const p = h.pod('aff')!;
    expect(p.status?.reason).toBe('NodeAffinity');
    expect(p.status?.message).toBe("Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector");
  });
});

describe('activeDeadlineSeconds', () => {
  it('fails a pod that ran longer than its active deadline and stops its containers', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'dl' }, spec: { activeDeadlineSeconds: 30, containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(29_000);
    expect(h.pod('dl')!.status!.phase).toBe('Running');
    h.advance(2_000);
    const p = h.pod('dl')!;
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    expect(h.events('dl').find((e) => e.startsWith('DeadlineExceeded'))).toMatch(/^DeadlineExceeded: Pod was active on the node longer than the specified deadline( \(x\d+\))?$/);
    expect(h.runtime.find('dl', 'c')!.signals).toEqual(['SIGTERM']);
    expect(p.status!.containerStatuses![0].state?.terminated).toBeDefined();
  });
});

describe('runtime failures', () => {
  it('reports CreateContainerError when the runtime cannot create the container', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => { throw new Error('Error response from daemon: Conflict. The container name is already in use'); } } });
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(2000);
    expect(h.pod('p')!.status!.containerStatuses![0].state?.waiting).toEqual({ reason: 'CreateContainerError',
      message: 'Error response from daemon: Conflict. The container name is already in use' });
    expect(h.events('p')[1]).toMatch(/^Failed: Error: Error response from daemon: Conflict\. The container name is already in use/);
  });

  it('reports a container that cannot run (RunContainerError, Terminated ContainerCannotRun)', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ cannotRun: 'exec: "foo": executable file not found in $PATH' }) } });
    h.createPod({ metadata: { name: 'p' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.28', command: ['foo'] }] } });
    h.advance(3000);
    const cs = h.pod('p')!.status!.containerStatuses![0];
    expect(cs.state?.terminated).toMatchObject({ exitCode: 127, reason: 'ContainerCannotRun', message: 'exec: "foo": executable file not found in $PATH' });
    expect(h.pod('p')!.status!.phase).toBe('Failed');
    expect(h.events('p')).toContain('Failed: Error: exec: "foo": executable file not found in $PATH');
  });
});
