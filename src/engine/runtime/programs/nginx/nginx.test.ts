import { describe, expect, it } from 'vitest';
import { execIn, runContainer, testRuntime } from '../../test-support';
import { MemoryVolume } from '../../filesystem/memory-volume';
import type { HttpRequest } from '../../cri';

const get = (path: string, headers: Record<string, string> = {}): HttpRequest =>
  ({ method: 'GET', path, headers: { Host: '10.244.0.5', 'User-Agent': 'curl/8.5.0', Accept: '*/*', ...headers }, remoteAddr: '10.244.0.1' });

function nginx(image = 'nginx', o: Parameters<typeof runContainer>[2] = {}) {
  const t = testRuntime();
  const c = runContainer(t, image, o);
  t.clock.advance(1000);
  return { t, c };
}

describe('nginx', () => {
  it('logs the official image\'s start-up lines', () => {
    const { c } = nginx();
    const out = c.logs.filter((l) => l.stream === 'stdout').map((l) => l.line);
    const err = c.logs.filter((l) => l.stream === 'stderr').map((l) => l.line);
    expect(out).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ]);
    expect(err.map((l) => l.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''))).toEqual([
      '[notice] 1#1: using the "epoll" event method',
      '[notice] 1#1: nginx/1.27.3',
      '[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '[notice] 1#1: OS: Linux 5.15.0-1075-gcp',
      '[notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '[notice] 1#1: start worker processes',
      '[notice] 1#1: start worker process 29',
      '[notice] 1#1: start worker process 30',
    ]);
    expect(err[0]).toMatch(/^2025\/01\/15 09:00:00 /);
  });

  it('serves the welcome page with nginx\'s headers, and logs the request', () => {
    const { t, c } = nginx();
    t.clock.advance(9000);
    const r = c.container.http(80, get('/'))!;
    expect(r.status).toBe(200);
    expect(r.body).toContain('<h1>Welcome to nginx!</h1>');
    expect(r.body.length).toBe(615);
    expect(r.headers).toEqual({
      Server: 'nginx/1.27.3', Date: 'Wed, 15 Jan 2025 09:00:10 GMT', 'Content-Type': 'text/html', 'Content-Length': '615',
      'Last-Modified': 'Tue, 26 Nov 2024 16:00:00 GMT', Connection: 'keep-alive', ETag: '"6745f080-267"', 'Accept-Ranges': 'bytes',
    });
    expect(c.logs[c.logs.length - 1]).toMatchObject({ stream: 'stdout',
      line: '10.244.0.1 - - [15/Jan/2025:09:00:10 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"' });
  });

  it('answers 404 with its error page and an error-log line', () => {
    const { c } = nginx();
    const r = c.container.http(80, get('/missing', { Connection: 'close' }))!;
    expect(r.status).toBe(404);
    expect(r.headers.Connection).toBe('close');
    expect(r.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n');
    const lines = c.logs.slice(-2).map((l) => l.line);
    expect(lines[0]).toContain('[error] 29#29: *1 open() "/usr/share/nginx/html/missing" failed (2: No such file or directory), client: 10.244.0.1, server: localhost, request: "GET /missing HTTP/1.1", host: "10.244.0.5"');
    expect(lines[1]).toContain('"GET /missing HTTP/1.1" 404 153');
  });

  it('serves what a volume mounts over the html directory; HEAD has no body; POST is 405', () => {
    const html = new MemoryVolume({ 'index.html': '<h1>Hello from a ConfigMap</h1>\n' });
    const { c } = nginx('nginx', { mounts: [{ containerPath: '/usr/share/nginx/html', readOnly: true, volume: html }] });
    expect(c.container.http(80, get('/'))!.body).toBe('<h1>Hello from a ConfigMap</h1>\n');
    expect(c.container.http(80, { ...get('/'), method: 'HEAD' })!).toMatchObject({ status: 200, body: '' });
    expect(c.container.http(80, { ...get('/'), method: 'POST' })!.status).toBe(405);
  });

  it('a proxy_pass to an unknown host fails at start: host not found in upstream (exit 1)', () => {
    const conf = new MemoryVolume({ 'default.conf': 'server {\n  listen 80;\n  location / {\n    proxy_pass http://backend:8080;\n  }\n}\n' });
    const { c } = nginx('nginx', { mounts: [{ containerPath: '/etc/nginx/conf.d', readOnly: true, volume: conf }] });
    expect(c.exit).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(c.logs.map((l) => l.line)).toContain('nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:4');
    expect(c.logs.map((l) => l.line)).toContain('10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)');
  });

  it('a configuration syntax error is an [emerg]', () => {
    const conf = new MemoryVolume({ 'bad.conf': 'server {\n  listen 80;\n  lisen 81;\n}\n' });
    const { c } = nginx('nginx', { mounts: [{ containerPath: '/etc/nginx/conf.d', readOnly: true, volume: conf }] });
    expect(c.exit?.exitCode).toBe(1);
    expect(c.logs.map((l) => l.line)).toContain('nginx: [emerg] unknown directive "lisen" in /etc/nginx/conf.d/bad.conf:3');
  });

  it('nginx:1.14.2 (the docs\' Deployment) has no entrypoint and logs nothing at start', () => {
    const { c } = nginx('nginx:1.14.2');
    expect(c.logs).toEqual([]);
    expect(c.container.http(80, get('/'))!.headers.Server).toBe('nginx/1.14.2');
  });

  it('nginx:alpine is busybox underneath (sh prompt, wget) and reports its gcc', () => {
    const { t, c } = nginx('nginx:alpine');
    expect(c.logs.some((l) => l.line.endsWith('built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) '))).toBe(true);
    expect(execIn(t, c.container, ['wget', '-qO-', 'http://127.0.0.1/']).stdout).toContain('Welcome to nginx!');
  });

  it('curl inside the container reaches nginx on localhost', () => {
    const { t, c } = nginx();
    const r = execIn(t, c.container, ['curl', '-sI', 'localhost']);
    expect(r.stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(c.logs[c.logs.length - 1].line).toContain('127.0.0.1 - - [');
  });

  it('containers with the same files share a configuration; one whose files differ gets its own', () => {
    const conf = (port: number) => new MemoryVolume({ 'default.conf': `server {\n  listen ${port};\n  location / {\n    return 200 'port ${port}';\n  }\n}\n` });
    const a = nginx('nginx', { mounts: [{ containerPath: '/etc/nginx/conf.d', readOnly: true, volume: conf(8080) }] });
    const b = nginx('nginx', { mounts: [{ containerPath: '/etc/nginx/conf.d', readOnly: true, volume: conf(8081) }] });
    const a2 = nginx('nginx', { mounts: [{ containerPath: '/etc/nginx/conf.d', readOnly: true, volume: conf(8080) }] });
    expect([a, b, a2].map(({ c }) => c.container.listeningPorts())).toEqual([[8080], [8081], [8080]]);
    expect(b.c.container.http(8081, get('/'))!.body).toBe('port 8081');
    expect(a2.c.container.http(8080, get('/'))!.body).toBe('port 8080');
  });

  it('nginx -s reload re-reads the configuration', () => {
    const { t, c } = nginx();
    const r = execIn(t, c.container, ['nginx', '-s', 'reload']);
    expect(r.code).toBe(0);
    expect(c.logs.some((l) => l.line.includes('signal 1 (SIGHUP) received from 0, reconfiguring'))).toBe(true);
    expect(c.exit).toBeUndefined();
  });

  it('nginx without "daemon off" forks away: the container completes', () => {
    const { c } = nginx('nginx', { command: ['nginx'] });
    expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});
