import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { R } from '../client';
import { kubeletHarness } from './testing/harness';
import type { FakeProgram } from './testing';

const pod = (name: string, extra: Partial<NonNullable<Pod['spec']>> = {}, container: Record<string, unknown> = {}): Pod => ({
  metadata: { name }, spec: { containers: [{ name: 'app', image: 'busybox:1.28', ...container }], ...extra },
});

function setup(program: FakeProgram) {
  const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => program } });
  return h;
}

describe('graceful termination', () => {
  it('stops a container that exits on SIGTERM at once, then deletes the pod with grace 0', () => {
    const h = setup({ onTerm: 'graceful' });
    h.createPod(pod('p'));
    h.advance(3000);
    const seen: string[] = [];
    h.client.watch(R.pods, 'default', {}, (ev) => {
      const p = ev.object as Pod;
      seen.push(`${ev.type} ${p.status?.phase} ${p.metadata?.deletionTimestamp ? 'deleting' : ''}`.trim());
    });
    h.client.delete(R.pods, 'default', 'p');
    h.advance(1);
    expect(h.pod('p')).toBeUndefined();
    expect(h.events('p').slice(-1)).toEqual(['Killing: Stopping container app']);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM']);
    expect(seen).toEqual(['ADDED Running', 'MODIFIED Running deleting', 'MODIFIED Succeeded deleting', 'DELETED Succeeded deleting']);
  });

  it('sends SIGKILL when the grace period (terminationGracePeriodSeconds 30) runs out', () => {
    const h = setup({ onTerm: 'ignore' });
    h.createPod(pod('p'));
    h.advance(3000);
    const t = h.now();
    h.client.delete(R.pods, 'default', 'p');
    h.advance(29_999);
    expect(h.pod('p')?.metadata?.deletionTimestamp).toBeDefined();
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM']);
    h.advance(1);
    expect(h.now() - t).toBe(30_000);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(h.pod('p')).toBeUndefined();
  });

  it('uses the deletion grace period when it is shorter (kubectl delete --grace-period=5)', () => {
    const h = setup({ onTerm: 'ignore' });
    h.createPod(pod('p'));
    h.advance(3000);
    h.client.delete(R.pods, 'default', 'p', { gracePeriodSeconds: 5 });
    h.advance(4_999);
    expect(h.pod('p')).toBeDefined();
    h.advance(1);
    expect(h.pod('p')).toBeUndefined();
  });

  it('gives every container at least 2s after SIGTERM (grace period 1)', () => {
    const h = setup({ onTerm: 'ignore' });
    h.createPod(pod('p', { terminationGracePeriodSeconds: 1 }));
    h.advance(3000);
    h.client.delete(R.pods, 'default', 'p');
    h.advance(1_999);
    expect(h.pod('p')).toBeDefined();
    h.advance(1);
    expect(h.pod('p')).toBeUndefined();
  });

  it('runs the preStop hook first, inside the grace period', () => {
    const h = setup({ onTerm: 'ignore' });
    h.createPod(pod('p', { terminationGracePeriodSeconds: 30 }, { lifecycle: { preStop: { sleep: { seconds: 5 } } } }));
    h.advance(3000);
    h.client.delete(R.pods, 'default', 'p');
    h.advance(4_999);
    expect(h.runtime.containers[0].signals).toEqual([]);
    h.advance(1);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM']);
    h.advance(24_999);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM']);
    h.advance(1);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(h.pod('p')).toBeUndefined();
  });

  it('records FailedPreStopHook when the hook fails and goes on with SIGTERM', () => {
    const h = setup({ onTerm: 'graceful', exec: () => ({ code: 1, out: 'boom' }) });
    h.createPod(pod('p', {}, { lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', 'exit 1'] } } } }));
    h.advance(3000);
    h.client.delete(R.pods, 'default', 'p');
    h.advance(10);
    expect(h.events('p').slice(-2)).toEqual(['Killing: Stopping container app', 'FailedPreStopHook: PreStopHook failed']);
    expect(h.pod('p')).toBeUndefined();
  });

  it('stops the containers of a pod force-deleted from the API', () => {
    const h = setup({ onTerm: 'graceful' });
    h.createPod(pod('p'));
    h.advance(3000);
    h.client.delete(R.pods, 'default', 'p', { gracePeriodSeconds: 0 });
    h.advance(10);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM']);
    expect(h.runtime.containers[0].exited).toBe(true);
  });

  it('restarts a container killed by postStart hook failure', () => {
    const h = setup({ onTerm: 'graceful', exec: () => ({ code: 1 }) });
    h.createPod(pod('p', {}, { lifecycle: { postStart: { exec: { command: ['false'] } } } }));
    h.advance(500);
    expect(h.events('p').slice(0, 5)).toEqual(['Pulled: Container image "busybox:1.28" already present on machine',
      'Created: Created container: app', 'Started: Started container app', 'FailedPostStartHook: PostStartHook failed',
      'Killing: FailedPostStartHook']);
  });
});
