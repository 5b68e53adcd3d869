import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { R } from '../client';
import { kubeletHarness } from './testing/harness';
import type { FakeProgram } from './testing';

/** Programs by container name. */
function byName(programs: Record<string, FakeProgram>) {
  return { preloaded: ['busybox:1.28', 'nginx:1.27'], program: (c: { containerName: string }) => programs[c.containerName] ?? {} };
}

const podWithInits = (name: string, restartPolicy: 'Always' | 'Never' = 'Always'): Pod => ({
  metadata: { name },
  spec: {
    restartPolicy,
    initContainers: [{ name: 'init-a', image: 'busybox:1.28' }, { name: 'init-b', image: 'busybox:1.28' }],
    containers: [{ name: 'app', image: 'nginx:1.27' }],
  },
});

describe('init containers', () => {
  it('runs init containers one after the other, then the app', () => {
    const h = kubeletHarness({ runtime: byName({ 'init-a': { exitAfterMs: 2000 }, 'init-b': { exitAfterMs: 2000 }, app: { listen: [80] } }) });
    h.createPod(podWithInits('p'));
    h.advance(1000);
    let p = h.pod('p')!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.initContainerStatuses?.map((s) => s.name)).toEqual(['init-a', 'init-b']);
    expect(p.status?.initContainerStatuses?.[0].state?.running).toBeDefined();
    expect(p.status?.initContainerStatuses?.[1].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(p.status?.containerStatuses?.[0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(p.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False',
      reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-a init-b]' });
    h.advance(10_000);
    p = h.pod('p')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.initContainerStatuses?.map((s) => [s.state?.terminated?.reason, s.ready, s.started])).toEqual([
      ['Completed', true, false], ['Completed', true, false]]);
    expect(p.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
    const starts = h.events('p').filter((e) => e.startsWith('Started'));
    expect(starts).toEqual(['Started: Started container init-a', 'Started: Started container init-b', 'Started: Started container app']);
    const t = h.runtime.containers.map((c) => (c.createdAt - h.runtime.containers[0].createdAt) / 1000);
    // init-b starts when PLEG sees init-a exit (relist after 2s), the app likewise after init-b.
    expect(t).toEqual([0, 3, 6]);
  });

  it('fails the pod when an init container fails and restartPolicy is Never', () => {
    const h = kubeletHarness({ runtime: byName({ 'init-a': { exitAfterMs: 500, exitCode: 1 } }) });
    h.createPod(podWithInits('p', 'Never'));
    h.advance(5000);
    const p = h.pod('p')!;
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.initContainerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(h.runtime.containers.length).toBe(1);
  });

  it('backs off a failing init container (Init:CrashLoopBackOff) with restartPolicy Always', () => {
    const h = kubeletHarness({ runtime: byName({ 'init-a': { exitAfterMs: 500, exitCode: 1 } }) });
    h.createPod(podWithInits('p'));
    // Crashes at 0.5s, 1.5s (restart after PLEG), 12s (after 10s back-off); the 20s back-off shows from 23s.
    h.advance(25_000);
    const p = h.pod('p')!;
    expect(p.status?.phase).toBe('Pending');
    const s = p.status!.initContainerStatuses![0];
    expect(s.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(s.lastState?.terminated?.exitCode).toBe(1);
    expect(s.restartCount).toBe(2);
    expect(s.state?.waiting?.message).toBe(`back-off 20s restarting failed container=init-a pod=p_default(${p.metadata!.uid})`);
  });

  it('keeps a sidecar (restartPolicy Always init container) running next to the app', () => {
    const h = kubeletHarness({ runtime: byName({ proxy: { listen: [15001] }, app: { listen: [80] } }) });
    h.createPod({ metadata: { name: 'side' }, spec: {
      initContainers: [{ name: 'proxy', image: 'busybox:1.28', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx:1.27' }],
    } });
    h.advance(5000);
    const p = h.pod('side')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.initContainerStatuses?.[0]).toMatchObject({ name: 'proxy', ready: true, started: true });
    expect(p.status?.initContainerStatuses?.[0].state?.running).toBeDefined();
    expect(p.status?.containerStatuses?.[0].state?.running).toBeDefined();
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('stops the app before its sidecar when the pod is deleted', () => {
    const h = kubeletHarness({ runtime: byName({ proxy: { onTerm: 'graceful' }, app: { onTerm: 'ignore' } }) });
    h.createPod({ metadata: { name: 'side' }, spec: { terminationGracePeriodSeconds: 10,
      initContainers: [{ name: 'proxy', image: 'busybox:1.28', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    h.advance(5000);
    h.client.delete(R.pods, 'default', 'side');
    h.advance(1);
    const proxy = h.runtime.find('side', 'proxy')!;
    const app = h.runtime.find('side', 'app')!;
    expect(app.signals).toEqual(['SIGTERM']);
    expect(proxy.signals).toEqual([]);
    h.advance(10_000);
    expect(app.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(proxy.signals).toEqual(['SIGTERM']);
    expect(h.pod('side')).toBeUndefined();
  });
});
