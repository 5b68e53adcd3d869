import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../api/request';
import type { ApiStatus } from '../../api/types';
import { kubeletHarness, type Harness } from '../testing/harness';
import { portForwardFailure, type ExecSession, type LogStream, type PortForwardSession } from './connectors';

function logs(h: Harness, name: string, query: Record<string, string> = {}): ApiResponse {
  return h.client.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name, subresource: 'log', query });
}
const message = (r: ApiResponse) => (r.body as ApiStatus).message;

describe('pods/log', () => {
  it('serves logs with tail, timestamps, since and previous', () => {
    let run = 0;
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => {
      const me = ++run;
      return { logEvery: { ms: 1000, line: (n) => `run ${me} line ${n}` }, exitAfterMs: me === 1 ? 5500 : undefined, exitCode: 1 };
    } } });
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(5000);
    expect(logs(h, 'p').body).toBe('run 1 line 1\nrun 1 line 2\nrun 1 line 3\nrun 1 line 4\nrun 1 line 5\n');
    expect(logs(h, 'p', { tailLines: '2' }).body).toBe('run 1 line 4\nrun 1 line 5\n');
    expect(logs(h, 'p', { sinceSeconds: '2' }).body).toBe('run 1 line 3\nrun 1 line 4\nrun 1 line 5\n');
    expect(logs(h, 'p', { limitBytes: '5' }).body).toBe('run 1');
    const ts = logs(h, 'p', { tailLines: '1', timestamps: 'true' }).body as string;
    expect(ts).toMatch(/^2025-01-15T09:00:05\.000\d{6}Z run 1 line 5\n$/);
    const prev = logs(h, 'p', { previous: 'true' });
    expect(prev.code).toBe(400);
    expect(message(prev)).toBe('previous terminated container "c" in pod "p" not found');
    h.advance(10_000);
    expect(logs(h, 'p', { previous: 'true' }).body).toBe('run 1 line 1\nrun 1 line 2\nrun 1 line 3\nrun 1 line 4\nrun 1 line 5\n');
    expect((logs(h, 'p').body as string).startsWith('run 2 line 1\n')).toBe(true);
  });

  it('follows a log until the container stops', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ logEvery: { ms: 1000, line: (n) => `l${n}` }, exitAfterMs: 3500 }) } });
    h.createPod({ metadata: { name: 'p' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(1500);
    const r = logs(h, 'p', { follow: 'true' });
    const s = r.body as LogStream;
    expect(s.kind).toBe('LogStream');
    expect(s.initial).toBe('l1\n');
    const got: string[] = [];
    let ended = false;
    s.subscribe((c) => got.push(c), () => { ended = true; });
    h.advance(5000);
    expect(got).toEqual(['l2\n', 'l3\n']);
    expect(ended).toBe(true);
  });

  it('answers the API server and kubelet errors kubectl shows', () => {
    const h = kubeletHarness({ runtime: { missing: ['nginx:nope'] } });
    h.createPod({ metadata: { name: 'two' }, spec: { containers: [{ name: 'a', image: 'nginx:nope' }, { name: 'b', image: 'nginx:nope' }],
      initContainers: [{ name: 'init', image: 'nginx:nope' }] } });
    h.createPod({ metadata: { name: 'one' }, spec: { containers: [{ name: 'a', image: 'nginx:nope' }] } });
    h.advance(500);
    expect(message(logs(h, 'two'))).toBe('a container name must be specified for pod two, choose one of: [init a b]');
    expect(message(logs(h, 'two', { container: 'x' }))).toBe('container x is not valid for pod two');
    expect(message(logs(h, 'one'))).toBe('container "a" in pod "one" is waiting to start: ContainerCreating');
    h.advance(2000);
    expect(message(logs(h, 'one'))).toBe('container "a" in pod "one" is waiting to start: image can\'t be pulled');
    h.advance(12_000);
    expect(message(logs(h, 'one'))).toBe('container "a" in pod "one" is waiting to start: trying and failing to pull image');
    h.kubelet.stop();
    const down = logs(h, 'one');
    expect(down.code).toBe(500);
    expect(message(down)).toBe('Get "https://192.168.49.2:10250/containerLogs/default/one/a": dial tcp 192.168.49.2:10250: connect: connection refused');
  });
});

describe('pods/exec and pods/portforward', () => {
  it('runs a command in a running container', async () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ exec: (argv) => ({ code: 0, out: `${argv.join(' ')}\n` }) }) } });
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(2000);
    const r = h.client.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'p',
      subresource: 'exec', query: { command: '["echo","hi"]', container: 'c' } });
    const s = r.body as ExecSession;
    expect(s.kind).toBe('ExecSession');
    let out = '';
    const code = await s.start({ stdout: (x) => { out += x; }, stderr: () => {} });
    expect(code).toBe(0);
    expect(out).toBe('echo hi\n');
  });

  it('refuses exec into a completed pod and a container that is not running', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'], program: () => ({ exitAfterMs: 100 }) } });
    h.createPod({ metadata: { name: 'done' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(3000);
    const r = h.client.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'done', subresource: 'exec', query: {} });
    expect(r.code).toBe(400);
    expect(message(r)).toBe('cannot exec into a container in a completed pod; current phase is Succeeded');
  });

  it('forwards to a port of the pod', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['nginx:1.27'] } });
    h.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    h.advance(2000);
    const r = h.client.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', subresource: 'portforward' });
    const s = r.body as PortForwardSession;
    expect(s.podIP).toBe('10.244.0.2');
    expect(s.listening(80)).toBe(true);
    expect(s.http(80, { method: 'GET', path: '/', headers: {}, remoteAddr: '127.0.0.1' })?.status).toBe(200);
    expect(s.http(81, { method: 'GET', path: '/', headers: {}, remoteAddr: '127.0.0.1' })).toBeUndefined();
  });
});

describe('portForwardFailure (cri-dockerd words on the error stream)', () => {
  const id = 'fe11a94397d1b69a123e2764ca3b40e441a6f2d43c4189d61cf90bb7783b77e1';
  it('reports socat refusing the connection, with the node time and the process', () => {
    expect(portForwardFailure(id, 9090, 'refused', Date.UTC(2024, 10, 24, 23, 49, 48), 18452)).toBe(
      `error forwarding port 9090 to pod ${id}, uid : exit status 1: 2024/11/24 23:49:48 socat[18452] E connect(5, AF=2 127.0.0.1:9090, 16): Connection refused\n`);
  });
  it('reports a stopped sandbox', () => {
    expect(portForwardFailure(id, 80, 'gone', 0, 1)).toBe(`error forwarding port 80 to pod ${id}, uid : container not running (${id})`);
  });
});
