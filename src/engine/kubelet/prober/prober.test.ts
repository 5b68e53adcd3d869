import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { kubeletHarness } from '../testing/harness';

const secs = (h: { now(): number }, t0: number) => (h.now() - t0) / 1000;

describe('probes', () => {
  it('keeps a container unready while its readiness probe answers 503, with Unhealthy events', () => {
    let code = 503;
    const h = kubeletHarness({ runtime: { preloaded: ['nginx:1.27'],
      program: () => ({ listen: [80], http: () => ({ status: code, headers: {}, body: '' }) }) } });
    h.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27',
      readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, failureThreshold: 3 } }] } });
    h.advance(20_000);
    let p = h.pod('web')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status!.containerStatuses![0].ready).toBe(false);
    expect(p.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady',
      message: 'containers with unready status: [nginx]' });
    expect(h.events('web').filter((e) => e.startsWith('Unhealthy'))[0]).toMatch(/^Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 \(x\d+\)$/);
    code = 200;
    h.advance(6_000);
    p = h.pod('web')!;
    expect(p.status!.containerStatuses![0].ready).toBe(true);
    expect(p.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
  });

  it('restarts a container that fails its liveness probe (connection refused)', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ listen: [] }) } });
    h.createPod({ metadata: { name: 'live' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28',
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 3 } }] } });
    const t0 = h.now();
    h.advance(14_000);
    expect(h.runtime.containers.length).toBe(1);
    h.advance(1_000);
    expect(secs(h, t0)).toBe(15);
    expect(h.runtime.containers.length).toBe(2);
    expect(h.runtime.containers[0].signals).toEqual(['SIGTERM']);
    const ev = h.events('live');
    expect(ev).toContain('Unhealthy: Liveness probe failed: Get "http://10.244.0.2:8080/healthz": dial tcp 10.244.0.2:8080: connect: connection refused (x3)');
    expect(ev).toContain('Killing: Container c failed liveness probe, will be restarted');
    h.advance(2_000);
    const cs = h.pod('live')!.status!.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs.state?.running).toBeDefined();
  });

  it('runs exec probes and reports their output', () => {
    let healthy = true;
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({
      exec: (argv) => (argv.join(' ') === 'cat /tmp/healthy' && healthy ? { code: 0 }
        : { code: 1, out: "cat: can't open '/tmp/healthy': No such file or directory\n" }) }) } });
    h.createPod({ metadata: { name: 'exec' }, spec: { containers: [{ name: 'liveness', image: 'busybox:1.28',
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 } }] } });
    h.advance(30_000);
    expect(h.runtime.containers.length).toBe(1);
    healthy = false;
    h.advance(15_000);
    expect(h.events('exec')).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n (x3)");
    expect(h.events('exec')).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    expect(h.runtime.containers.length).toBe(2);
  });

  it('holds liveness and readiness until the startup probe passes', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ listen: [8080], listenAfterMs: 25_000 }) } });
    const pod: Pod = { metadata: { name: 'slow' }, spec: { containers: [{ name: 'app', image: 'busybox:1.28',
      startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10, failureThreshold: 30 },
      livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10, failureThreshold: 1 } }] } };
    h.createPod(pod);
    h.advance(15_000);
    let cs = h.pod('slow')!.status!.containerStatuses![0];
    expect(cs.started).toBe(false);
    expect(cs.ready).toBe(false);
    expect(h.events('slow').some((e) => e.startsWith('Unhealthy: Liveness'))).toBe(false);
    expect(h.events('slow')).toContain('Unhealthy: Startup probe failed: dial tcp 10.244.0.2:8080: connect: connection refused (x2)');
    h.advance(20_000);
    cs = h.pod('slow')!.status!.containerStatuses![0];
    expect(cs.started).toBe(true);
    expect(cs.ready).toBe(true);
    expect(h.runtime.containers.length).toBe(1);
  });

  it('kills a container whose startup probe keeps failing', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ listen: [] }) } });
    h.createPod({ metadata: { name: 'nostart' }, spec: { containers: [{ name: 'app', image: 'busybox:1.28',
      startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 2, failureThreshold: 3 } }] } });
    h.advance(5_000);
    // Probes at 0s, 2s and 4s fail: the third reaches failureThreshold and the container is replaced at once.
    expect(h.events('nostart')).toContain('Killing: Container app failed startup probe, will be restarted');
    expect(h.runtime.containers.map((c) => c.createdAt - h.runtime.containers[0].createdAt)).toEqual([0, 4000]);
  });
});
