import { describe, expect, it } from 'vitest';
import { testRuntime, runContainer } from './test-support';
import type { ImageInfo, PullError } from './cri';

type PullResult = { image: ImageInfo; pullMs: number; waitedMs: number } | { error: PullError };

function pull(t: ReturnType<typeof testRuntime>, ref: string): { result?: PullResult; at?: number } {
  const out: { result?: PullResult; at?: number } = {};
  t.runtime.pull(ref, (r) => { out.result = r; out.at = t.clock.now(); });
  return out;
}

describe('SimRuntime images and pulls', () => {
  it('reports Docker as cri-dockerd does', () => {
    expect(testRuntime().runtime.version).toBe('docker://27.4.1');
  });

  it('boots with minikube\'s preloaded images', () => {
    const t = testRuntime();
    const names = t.runtime.images().flatMap((i) => i.repoTags ?? []);
    expect(names).toContain('registry.k8s.io/pause:3.10');
    expect(names).toContain('registry.k8s.io/etcd:3.5.16-0');
    expect(names).toContain('gcr.io/k8s-minikube/storage-provisioner:v5');
    expect(t.runtime.imagePresent('nginx')).toBeUndefined();
  });

  it('keeps each node\'s images its own although every node starts from the same preloaded records', () => {
    const a = testRuntime(1);
    const b = testRuntime(2);
    const tagsOf = (t: ReturnType<typeof testRuntime>) => t.runtime.imagePresent('registry.k8s.io/pause:3.10')?.repoTags;
    expect(tagsOf(a)).toEqual(['registry.k8s.io/pause:3.10']);
    const p = pull(a, 'registry.k8s.io/pause:latest');
    a.clock.advance(10_000);
    expect(p.result && 'image' in p.result).toBe(true);
    expect(tagsOf(a)).toEqual(['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:latest']);
    expect(tagsOf(b)).toEqual(['registry.k8s.io/pause:3.10']);
    expect(b.runtime.imagePresent('registry.k8s.io/pause:latest')).toBeUndefined();
    expect(testRuntime(3).runtime.images()).toEqual(b.runtime.images());
  });

  it('pulls nginx in 2-5 simulated seconds and reports cri-dockerd\'s imageID', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const t = testRuntime(seed);
      const p = pull(t, 'nginx');
      t.clock.advance(1000);
      expect(p.result).toBeUndefined();
      t.clock.advance(10_000);
      const r = p.result!;
      if ('error' in r) throw new Error(r.error.message);
      expect(r.pullMs).toBeGreaterThanOrEqual(2000);
      expect(r.pullMs).toBeLessThanOrEqual(5000);
      expect(r.waitedMs).toBe(0);
      expect(r.image.ref).toBe('docker.io/library/nginx:latest');
      expect(r.image.imageID).toMatch(/^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/);
      expect(r.image.repoTags).toEqual(['nginx:latest']);
      expect(r.image.repoDigests![0]).toBe(r.image.imageID.slice('docker-pullable://'.length));
      expect(r.image.sizeBytes).toBeGreaterThan(180e6);
      expect(t.runtime.imagePresent('nginx:latest')?.imageID).toBe(r.image.imageID);
      expect(t.runtime.imagePresent('docker.io/library/nginx')?.imageID).toBe(r.image.imageID);
    }
  });

  it('serializes pulls like the kubelet\'s serial puller: the second waits', () => {
    const t = testRuntime();
    const a = pull(t, 'nginx');
    const b = pull(t, 'redis');
    t.clock.advance(60_000);
    const ra = a.result as { pullMs: number; waitedMs: number };
    const rb = b.result as { pullMs: number; waitedMs: number };
    expect(ra.waitedMs).toBe(0);
    expect(rb.waitedMs).toBe(ra.pullMs);
    expect(b.at! - a.at!).toBe(rb.pullMs);
  });

  it('re-pulls an image already present quickly ("Image is up to date")', () => {
    const t = testRuntime();
    pull(t, 'nginx');
    t.clock.advance(10_000);
    const again = pull(t, 'nginx:1.27');
    t.clock.advance(10_000);
    const r = again.result as { pullMs: number; image: ImageInfo };
    expect(r.pullMs).toBeLessThan(1000);
    expect(r.image.repoTags).toEqual(['nginx:latest', 'nginx:1.27']);
  });

  it('fails a pull with dockerd\'s message, after a registry round trip', () => {
    const t = testRuntime();
    const p = pull(t, 'nginx:1.99');
    t.clock.advance(100);
    expect(p.result).toBeUndefined();
    t.clock.advance(5000);
    expect(p.result).toEqual({ error: { message: 'Error response from daemon: manifest for nginx:1.99 not found: manifest unknown: manifest unknown' } });
  });

  it('starts a container from a pulled image; the image ID is the one pulled', () => {
    const t = testRuntime();
    const p = pull(t, 'busybox:1.28');
    t.clock.advance(10_000);
    const info = (p.result as { image: ImageInfo }).image;
    const c = runContainer(t, 'busybox:1.28', { command: ['echo', 'hi'] });
    t.clock.advance(10);
    expect(c.text()).toBe('hi');
    expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(c.container.id).toMatch(/^[0-9a-f]{64}$/);
    expect(info.id).toMatch(/^sha256:/);
  });

  it('is deterministic: same seed, same pulls, same IDs, same logs', () => {
    const run = (seed: number) => {
      const t = testRuntime(seed);
      const p = pull(t, 'nginx');
      t.clock.advance(10_000);
      const c = runContainer(t, 'nginx');
      const d = runContainer(t, 'busybox', { podUid: 'p2', podIP: '10.244.0.6', command: ['sh', '-c', 'for i in 1 2 3; do date; sleep 1; done'] });
      t.clock.advance(5000);
      return JSON.stringify({ p: p.result, at: p.at, id: c.container.id, logs: c.logs, d: d.logs, did: d.container.id });
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });
});
