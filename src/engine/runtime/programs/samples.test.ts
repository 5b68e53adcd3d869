import { describe, expect, it } from 'vitest';
import { execIn, runContainer, testRuntime } from '../test-support';
import type { HttpRequest } from '../cri';
import type { PodNetwork } from '../network';
import { piDigits } from './languages';

const get = (path: string): HttpRequest => ({ method: 'GET', path, headers: { Host: '192.168.49.2:30080', 'User-Agent': 'curl/8.5.0', Accept: '*/*' }, remoteAddr: '10.244.0.1' });

describe('sample servers', () => {
  it('agnhost liveness: /healthz 200 for ten seconds, then 500', () => {
    const t = testRuntime();
    const c = runContainer(t, 'registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] });
    t.clock.advance(100);
    expect(c.container.http(8080, get('/healthz'))!.status).toBe(200);
    t.clock.advance(10_000);
    const r = c.container.http(8080, get('/healthz'))!;
    expect(r.status).toBe(500);
    expect(r.body).toMatch(/^error: 10\.\d{6}$/);
  });

  it('agnhost netexec answers /hostname and /echo', () => {
    const t = testRuntime();
    const c = runContainer(t, 'registry.k8s.io/e2e-test-images/agnhost:2.39', { args: ['netexec', '--http-port=8080'], podName: 'netexec-1', hostname: 'netexec-1' });
    t.clock.advance(10);
    expect(c.container.http(8080, get('/hostname'))!.body).toBe('netexec-1');
    expect(c.container.http(8080, get('/echo?msg=hi'))!.body).toBe('hi');
    expect(c.logs[0].line).toMatch(/^I0115 09:00:00\.\d{6} {7}1 log\.go:245\] Started HTTP server on port 8080$/);
  });

  it('a Go server without signal handling exits 2 on SIGTERM as PID 1', () => {
    const t = testRuntime();
    const c = runContainer(t, 'kicbase/echo-server:1.0');
    t.clock.advance(10);
    c.container.signal('SIGTERM');
    expect(c.exit).toMatchObject({ exitCode: 2, reason: 'Error' });
  });

  it('kicbase/echo-server echoes the request with the pod name', () => {
    const t = testRuntime();
    const c = runContainer(t, 'kicbase/echo-server:1.0', { podName: 'hello-minikube-59d4768566-j2qs5', hostname: 'hello-minikube-59d4768566-j2qs5' });
    t.clock.advance(10);
    expect(c.text()).toBe('2025/01/15 09:00:00 Echo server listening on port 8080.');
    expect(c.container.http(8080, get('/'))!.body).toBe('Request served by hello-minikube-59d4768566-j2qs5\n\nHTTP/1.1 GET /\n\nHost: 192.168.49.2:30080\nAccept: */*\nUser-Agent: curl/8.5.0\n');
  });

  it('echoserver 1.10 reports the hostname and the request', () => {
    const t = testRuntime();
    const c = runContainer(t, 'registry.k8s.io/echoserver:1.10', { podName: 'hello-node-7b87cd5f68-zwd4g', hostname: 'hello-node-7b87cd5f68-zwd4g' });
    t.clock.advance(10);
    const body = c.container.http(8080, get('/'))!.body;
    expect(body.startsWith('\n\nHostname: hello-node-7b87cd5f68-zwd4g\n\nPod Information:\n\t-no pod information available-\n')).toBe(true);
    expect(body).toContain('\tclient_address=10.244.0.1\n\tmethod=GET\n\treal path=/\n');
  });

  it('hello-app says hello with its version and hostname', () => {
    const t = testRuntime();
    const c = runContainer(t, 'gcr.io/google-samples/hello-app:2.0', { hostname: 'web-1' });
    t.clock.advance(10);
    expect(c.container.http(8080, get('/'))!.body).toBe('Hello, world!\nVersion: 2.0.0\nHostname: web-1\n');
    expect(c.text()).toBe('2025/01/15 09:00:00 Server listening on port 8080\n2025/01/15 09:00:00 Serving request: /');
  });

  it('httpd: AH00558 twice, "It works!", common log format, SIGWINCH stop', () => {
    const t = testRuntime();
    const c = runContainer(t, 'httpd', { podIP: '10.244.0.12' });
    t.clock.advance(1000);
    expect(c.logs[0].line).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.12. Set the 'ServerName' directive globally to suppress this message");
    expect(c.logs[3].line).toMatch(/^\[Wed Jan 15 09:00:00\.\d{6} 2025\] \[core:notice\] \[pid 1:tid 1\] AH00094: Command line: 'httpd -D FOREGROUND'$/);
    expect(c.container.http(80, get('/'))!.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(c.logs[c.logs.length - 1].line).toBe('10.244.0.1 - - [15/Jan/2025:09:00:01 +0000] "GET / HTTP/1.1" 200 45');
    c.container.signal('SIGTERM');
    expect(c.logs[c.logs.length - 1].line).toContain('AH00492: caught SIGWINCH, shutting down gracefully');
    expect(c.exit?.exitCode).toBe(0);
  });

  it('the pi Job: perl -Mbignum=bpi -wle \'print bpi(2000)\'', () => {
    const t = testRuntime();
    const c = runContainer(t, 'perl:5.34.0', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] });
    t.clock.advance(1000);
    expect(c.exit).toBeUndefined();
    t.clock.advance(10_000);
    expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(c.text()).toBe(piDigits(2000));
    expect(c.text()).toMatch(/^3\.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651/);
    expect(c.text().length).toBe(2001);
  });

  it('language images with no script exit at once (CrashLoopBackOff material)', () => {
    for (const image of ['python', 'node', 'ubuntu', 'busybox']) {
      const t = testRuntime();
      const c = runContainer(t, image);
      t.clock.advance(100);
      expect(c.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    }
  });
});

describe('network clients through a PodNetwork', () => {
  const net: PodNetwork = {
    lookup: (fqdn) => ({ 'web.default.svc.cluster.local': ['10.96.12.34'], 'kubernetes.default.svc.cluster.local': ['10.96.0.1'] } as Record<string, string[]>)[fqdn],
    reverse: (ip) => ({ '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local', '10.96.0.1': 'kubernetes.default.svc.cluster.local' } as Record<string, string>)[ip],
    request: (_from, ip, port, req) => (ip === '10.96.12.34' && port === 80
      ? { kind: 'response', response: { status: 200, headers: { 'Content-Length': '5' }, body: `hello${req.path === '/' ? '' : req.path}` } }
      : { kind: 'refused' }),
    connect: (_from, ip) => (ip === '10.96.12.34' ? 'open' : 'refused'),
  };

  function client(image: string) {
    const t = testRuntime(1, net);
    const c = runContainer(t, image, { command: ['sleep', '3600'] });
    t.clock.advance(1);
    return (argv: string[]) => execIn(t, c.container, argv, { maxMs: 1000 });
  }

  it('wget -qO- through the search list', () => {
    const run = client('busybox');
    expect(run(['wget', '-qO-', 'http://web'])).toEqual({ code: 0, stdout: 'hello', stderr: '' });
    expect(run(['wget', '-O-', 'http://web']).stderr).toBe("Connecting to web (10.96.12.34:80)\nwriting to stdout\n-                    100% |********************************|     5  0:00:00 ETA\nwritten to stdout\n");
    expect(run(['wget', '-qO-', 'http://web:8080']).stderr).toBe("wget: can't connect to remote host (10.96.12.34): Connection refused\n");
  });

  it('curl errors: could not resolve, connection refused', () => {
    const run = client('nginx');
    expect(run(['curl', '-s', 'http://web/x']).stdout).toBe('hello/x');
    expect(run(['curl', '-sS', 'http://nosuch']).stderr).toBe('curl: (6) Could not resolve host: nosuch\n');
    expect(run(['curl', '-sS', 'http://web:81']).stderr).toBe("curl: (7) Failed to connect to web port 81 after 0 ms: Couldn't connect to server\n");
  });

  it('nslookup in busybox 1.28 and in newer busybox', () => {
    expect(client('busybox:1.28')(['nslookup', 'kubernetes.default']).stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
    expect(client('busybox')(['nslookup', 'kubernetes.default']).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
    expect(client('busybox:1.28')(['nslookup', 'nosuch']).stderr).toBe("nslookup: can't resolve 'nosuch'\n");
  });
});
