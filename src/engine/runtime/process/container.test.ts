import { describe, expect, it } from 'vitest';
import { execIn, runContainer, testRuntime } from '../test-support';
import { containerArgv } from './command';

describe('containerArgv (Docker ENTRYPOINT/CMD vs Kubernetes command/args)', () => {
  const image = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], env: [] };
  const cases: { name: string; command?: string[]; args?: string[]; want: string[] }[] = [
    { name: 'neither: ENTRYPOINT + CMD', want: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'] },
    { name: 'command only: replaces both', command: ['sh'], want: ['sh'] },
    { name: 'args only: ENTRYPOINT + args', args: ['nginx-debug'], want: ['/docker-entrypoint.sh', 'nginx-debug'] },
    { name: 'both: command + args', command: ['echo'], args: ['hi'], want: ['echo', 'hi'] },
  ];
  for (const c of cases) it(c.name, () => expect(containerArgv(image, c.command, c.args)).toEqual(c.want));
});

describe('container lifecycle', () => {
  it('the CronJob seed: date; echo Hello from the Kubernetes cluster', () => {
    const t = testRuntime();
    t.clock.advance(60_000);
    const c = runContainer(t, 'busybox:1.28', { command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] });
    t.clock.advance(100);
    expect(c.logs.map((l) => l.line)).toEqual(['Wed Jan 15 09:01:00 UTC 2025', 'Hello from the Kubernetes cluster']);
    expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('exit 1 fails with reason Error', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sh', '-c', 'echo oops >&2; exit 1'] });
    t.clock.advance(10);
    expect(c.logs).toEqual([{ line: 'oops', stream: 'stderr', at: c.logs[0].at }]);
    expect(c.exit).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('a while loop keeps logging on the simulated clock', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] });
    t.clock.advance(30_000);
    expect(c.logs.length).toBe(7);
    expect(c.logs[6].at - c.logs[0].at).toBe(30_000);
    expect(c.exit).toBeUndefined();
  });

  it('sleep as PID 1 ignores SIGTERM; SIGKILL after the grace period gives 137', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sleep', '3600'] });
    t.clock.advance(1000);
    c.container.signal('SIGTERM');
    t.clock.advance(30_000);
    expect(c.exit).toBeUndefined();
    c.container.signal('SIGKILL');
    expect(c.exit).toMatchObject({ exitCode: 137, reason: 'Error', signal: 'SIGKILL' });
  });

  it('a shell trap on TERM runs after the foreground command, then the script exits', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sh', '-c', "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"] });
    t.clock.advance(500);
    c.container.signal('SIGTERM');
    t.clock.advance(400);
    expect(c.exit).toBeUndefined();
    t.clock.advance(200);
    expect(c.text()).toBe('bye');
    expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('`wait` is interrupted by a trapped signal (the graceful-shutdown idiom)', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sh', '-c', "trap 'echo stopping; exit 0' TERM; sleep 3600 & wait"] });
    t.clock.advance(1000);
    c.container.signal('SIGTERM');
    expect(c.text()).toBe('stopping');
    expect(c.exit?.exitCode).toBe(0);
  });

  it('nginx stops gracefully on its STOPSIGNAL (SIGQUIT) with exit 0', () => {
    const t = testRuntime();
    const c = runContainer(t, 'nginx');
    t.clock.advance(1000);
    c.container.signal('SIGTERM');
    t.clock.advance(100);
    expect(c.logs.some((l) => l.line.endsWith('signal 3 (SIGQUIT) received, shutting down'))).toBe(true);
    expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('memory above the limit is OOMKilled (polinux/stress --vm-bytes 250M, limit 100Mi)', () => {
    const t = testRuntime();
    const c = runContainer(t, 'polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], memoryLimitBytes: 100 * 1024 * 1024 });
    t.clock.advance(1000);
    expect(c.text()).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd');
    expect(c.exit).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('memory within the limit keeps running, and usage() reports it', () => {
    const t = testRuntime();
    const c = runContainer(t, 'polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], memoryLimitBytes: 200 * 1024 * 1024 });
    t.clock.advance(1000);
    expect(c.exit).toBeUndefined();
    expect(c.container.usage().memoryBytes).toBe(151 * 1024 * 1024);
  });

  it('CPU usage is capped at the limit (vish/stress -cpus 2, limit 1 CPU)', () => {
    const t = testRuntime();
    const c = runContainer(t, 'vish/stress', { args: ['-cpus', '2'], cpuLimitMilli: 1000 });
    t.clock.advance(1000);
    expect(c.container.usage().cpuMilli).toBe(1000);
  });

  it('a missing command cannot run: ContainerCannotRun with runc\'s error (exit 127)', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['nosuch'] });
    t.clock.advance(1);
    const state = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown';
    expect(c.exit).toMatchObject({ exitCode: 127, reason: 'ContainerCannotRun', message: state,
      startError: `failed to start container "${c.container.id}": Error response from daemon: ${state}` });
  });

  it('a scratch image has no shell: a command path is stat-ed', () => {
    const t = testRuntime();
    const c = runContainer(t, 'kicbase/echo-server:1.0', { command: ['/bin/sh', '-c', 'echo hi'] });
    t.clock.advance(1);
    expect(c.exit?.message).toContain('exec: "/bin/sh": stat /bin/sh: no such file or directory');
  });

  it('exec probes: run() reports on the simulated clock', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    t.clock.advance(1000);
    expect(execIn(t, c.container, ['cat', '/tmp/healthy']).code).toBe(0);
    t.clock.advance(30_000);
    const r = execIn(t, c.container, ['cat', '/tmp/healthy']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: "cat: can't open '/tmp/healthy': No such file or directory\n" });
  });

  it('exec into a stopped container fails', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['true'] });
    t.clock.advance(10);
    expect(execIn(t, c.container, ['ls']).code).toBe(126);
  });

  it('containers of a pod share localhost', () => {
    const t = testRuntime();
    runContainer(t, 'nginx', { podUid: 'pod-a', podIP: '10.244.0.7', containerName: 'web' });
    const side = runContainer(t, 'busybox', { podUid: 'pod-a', podIP: '10.244.0.7', containerName: 'side', command: ['sleep', '3600'] });
    t.clock.advance(1000);
    const r = execIn(t, side.container, ['wget', '-qO-', 'http://localhost']);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('the writable layer does not outlive its container', () => {
    const t = testRuntime();
    const a = runContainer(t, 'busybox', { command: ['sh', '-c', 'echo data > /tmp/f; sleep 3600'] });
    t.clock.advance(100);
    expect(execIn(t, a.container, ['cat', '/tmp/f']).stdout).toBe('data\n');
    a.container.signal('SIGKILL');
    const b = runContainer(t, 'busybox', { command: ['sleep', '3600'] });
    t.clock.advance(100);
    expect(execIn(t, b.container, ['cat', '/tmp/f']).code).toBe(1);
  });
});
