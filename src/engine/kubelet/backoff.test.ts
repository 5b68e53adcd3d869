import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { R } from '../client';
import { kubeletHarness, type Harness } from './testing/harness';

/** Status changes of a pod as [seconds since t0, "reason or state"]. */
function timeline(h: Harness, name: string, t0: number): [number, string][] {
  const out: [number, string][] = [];
  h.client.watch(R.pods, 'default', { fieldSelector: `metadata.name=${name}` }, (ev) => {
    const cs = (ev.object as Pod).status?.containerStatuses?.[0];
    if (!cs) return;
    const s = cs.state?.waiting?.reason ?? (cs.state?.running ? 'Running' : cs.state?.terminated?.reason ?? '?');
    const label = `${s}#${cs.restartCount}`;
    if (out[out.length - 1]?.[1] !== label) out.push([(h.now() - t0) / 1000, label]);
  });
  return out;
}

describe('image pull back-off', () => {
  it('goes ErrImagePull → ImagePullBackOff with 10s, 20s, 40s back-offs and upstream events', () => {
    const h = kubeletHarness({ runtime: { missing: ['nginx:nonexist'] } });
    const t0 = h.now();
    const tl = timeline(h, 'bad', t0);
    h.createPod({ metadata: { name: 'bad' }, spec: { containers: [{ name: 'nginx', image: 'nginx:nonexist' }] } });
    h.advance(80_000);
    expect(tl).toEqual([[0, 'ContainerCreating#0'], [1, 'ErrImagePull#0'], [11, 'ImagePullBackOff#0'], [22, 'ErrImagePull#0'],
      [32, 'ImagePullBackOff#0'], [43, 'ErrImagePull#0'], [53, 'ImagePullBackOff#0']]);
    const msg = "Error response from daemon: pull access denied for nginx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    expect(h.events('bad')).toEqual([
      'Pulling: Pulling image "nginx:nonexist" (x4)',
      `Failed: Failed to pull image "nginx:nonexist": ${msg} (x4)`,
      'Failed: Error: ErrImagePull (x4)',
      'BackOff: Back-off pulling image "nginx:nonexist" (x5)',
      'Failed: Error: ImagePullBackOff (x5)',
    ]);
    const w = h.pod('bad')!.status!.containerStatuses![0].state!.waiting!;
    expect(w).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nonexist"' });
    // Pulls at 0s, 11s, 32s and 73s: each after the back-off (10s, 20s, 40s) since the previous failure.
    expect(h.runtime.pulls.length).toBe(4);
  });

  it('reports ErrImageNeverPull for a missing image with imagePullPolicy Never', () => {
    const h = kubeletHarness();
    h.createPod({ metadata: { name: 'never' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28', imagePullPolicy: 'Never' }] } });
    h.advance(2000);
    expect(h.pod('never')!.status!.containerStatuses![0].state!.waiting).toEqual({
      reason: 'ErrImageNeverPull', message: 'Container image "busybox:1.28" is not present with pull policy of Never' });
    // Twice: at the first sync and at the sync the sandbox's PLEG event triggers a second later.
    expect(h.events('never')).toEqual([
      'ErrImageNeverPull: Container image "busybox:1.28" is not present with pull policy of Never (x2)',
      'Failed: Error: ErrImageNeverPull (x2)',
    ]);
  });

  it('reports InvalidImageName for an image reference that does not parse', () => {
    const h = kubeletHarness();
    h.createPod({ metadata: { name: 'inv' }, spec: { containers: [{ name: 'c', image: 'Nginx' }] } });
    h.advance(2000);
    expect(h.pod('inv')!.status!.containerStatuses![0].state!.waiting).toEqual({ reason: 'InvalidImageName',
      message: 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase' });
  });
});

describe('crash loop back-off', () => {
  it('restarts a crashing container after 10s, 20s, 40s, 80s, 160s, 300s, 300s', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ exitAfterMs: 1000, exitCode: 1 }) } });
    h.createPod({ metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    const t0 = h.now();
    h.advance(20 * 60_000);
    const st = h.kubelet.podState(h.pod('crash')!.metadata!.uid!)!;
    expect(st.latest('c')!.restartCount).toBe(h.runtime.containers.length - 1);
    // Each instance ran 1s; the gap between one's exit and the next start is the back-off.
    const times = startTimes(h, t0);
    const gaps = times.slice(1).map((t, i) => t - (times[i] + 1));
    expect(gaps.slice(0, 8)).toEqual([1, 10, 20, 40, 80, 160, 300, 300]);
    const backoffs = h.rawEvents().filter((e) => e.reason === 'BackOff');
    expect(backoffs[0].message).toBe(`Back-off restarting failed container c in pod crash_default(${h.pod('crash')!.metadata!.uid})`);
    expect(backoffs[0].type).toBe('Warning');
  });

  it('shows CrashLoopBackOff with the upstream message while backing off', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ exitAfterMs: 1500, exitCode: 1 }) } });
    const t0 = h.now();
    const tl = timeline(h, 'crash', t0);
    h.createPod({ metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    const uid = h.pod('crash')!.metadata!.uid;
    h.advance(30_000);
    // PLEG notices each start and exit at its next 1s relist; the status a sync writes is the one it found.
    expect(tl).toEqual([[0, 'ContainerCreating#0'], [1, 'Running#0'], [2, 'Error#0'], [3, 'Running#1'], [4, 'Error#1'],
      [13.5, 'CrashLoopBackOff#1'], [14, 'Running#2'], [16, 'Error#2'], [26, 'CrashLoopBackOff#2']]);
    const cs = h.pod('crash')!.status!.containerStatuses![0];
    expect(cs.state?.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 20s restarting failed container=c pod=crash_default(${uid})` });
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.ready).toBe(false);
    expect(cs.started).toBe(false);
    expect(h.pod('crash')!.status!.phase).toBe('Running');
  });

  it('resets the back-off after a container ran for more than 10 minutes', () => {
    let n = 0;
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ exitAfterMs: ++n === 4 ? 11 * 60_000 : 1000, exitCode: 1 }) } });
    h.createPod({ metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    const t0 = h.now();
    h.advance(20 * 60_000);
    const times = startTimes(h, t0);
    const runs = times.map((_, i) => (i === 3 ? 660 : 1));
    const gaps = times.slice(1).map((t, i) => t - (times[i] + runs[i]));
    expect(gaps.slice(0, 6)).toEqual([1, 10, 20, 1, 10, 20]);
  });
});

/** Start time (s since t0) of every container instance the runtime started. */
function startTimes(h: Harness, t0: number): number[] {
  return h.runtime.containers.map((c) => (c.createdAt - t0) / 1000);
}
