// The real kubectl v1.32's port-forward through `kubesim serve` (see harness.ts): SPDY/3.1 tunnelled in a
// WebSocket (its first choice) and over a plain SPDY upgrade (its fallback), with a real HTTP client on the
// forwarded local port reaching nginx in the pod; a refused port is reported exactly as our kubectl reports it
// in the simulated terminal (klog's time and pid, socat's time and pid aside).
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient, minikubeKubeConfig, runKubectl } from '../../src/kubectl';
import { portForwardHook } from '../../src/minikube';
import { MemFS } from '../../src/shell';
import { REAL_KUBECTL, startOracle, type Oracle } from './harness';

const TEST_APP = readFileSync(join(__dirname, '..', 'golden', 'files', 'test-app.yaml'), 'utf8');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Forward {
  child: ChildProcess;
  out(): string;
  err(): string;
  exited: Promise<number>;
}

/** Starts the real `kubectl port-forward`; resolves once it listens (its second "Forwarding from" line). */
async function forward(o: Oracle, args: string[], env: Record<string, string> = {}): Promise<Forward> {
  const child = spawn(REAL_KUBECTL, ['port-forward', ...args], {
    cwd: o.dir, env: { HOME: join(o.dir, 'home'), PATH: join(o.dir, 'bin'), KUBECONFIG: join(o.dir, 'kubeconfig'), TZ: 'UTC', ...env },
  });
  let out = '';
  let err = '';
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('Forwarding from [::1]')) resolve(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    void exited.then((code) => reject(new Error(`kubectl port-forward exited ${code}: ${err}`)));
  });
  return { child, out: () => out, err: () => err, exited };
}

/** One HTTP GET on a fresh connection (undefined: the connection closed without an answer). */
function get(port: number): Promise<{ status: number; headers: Record<string, unknown>; body: string } | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

// klog's header (wall time, pid) and socat's line (node time, pid) differ between any two runs.
const normalize = (s: string) => s
  .replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E0000 00:00:00.000000 PID ')
  .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d socat\[\d+\]/g, 'DATE socat[PID]');

describe.sequential('oracle: kubectl port-forward', () => {
  let o: Oracle;
  beforeAll(async () => {
    o = await startOracle({ files: { 'test-app.yaml': TEST_APP }, setup: ['apply -f test-app.yaml'] });
  });
  afterAll(async () => {
    await o?.close();
  });

  const serves = (label: string, env: Record<string, string>) => it(`forwards HTTP to nginx in the pod (${label})`, async () => {
    const port = await freePort();
    const f = await forward(o, ['test-app-pod', `${port}:80`], env);
    const first = await get(port);
    const second = await get(port);
    f.child.kill('SIGINT');
    expect(await f.exited).toBe(0);
    expect(first?.status).toBe(200);
    expect(first?.headers.server).toMatch(/^nginx\/\d/);
    expect(first?.body).toContain('<title>Welcome to nginx!</title>');
    expect(second?.body).toBe(first?.body);
    expect(f.out()).toBe(`Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\n`
      + `Handling connection for ${port}\nHandling connection for ${port}\n`);
    expect(f.err()).toBe('');
  });
  serves('WebSocket tunnel', {});
  serves('SPDY upgrade', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' });

  it('reports a refused port as our kubectl does', async () => {
    const port = await freePort();
    const f = await forward(o, ['test-app-pod', `${port}:81`]);
    expect(await get(port)).toBeUndefined();
    const realCode = await f.exited;

    const cluster = o.serve.session.cluster;
    let stdout = '';
    let stderr = '';
    const env = { api: inProcessClient(cluster.api), fs: new MemFS('/home/learner'), config: minikubeKubeConfig(), now: () => cluster.clock.now(),
      portForward: portForwardHook(cluster) };
    const run = runKubectl(['port-forward', 'test-app-pod', `${port}:81`], env, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
    await new Promise((r) => setTimeout(r, 50));
    cluster.network.request({ from: 'host', url: `http://localhost:${port}` });
    const ourCode = await run;

    expect(realCode).toBe(1);
    expect(ourCode).toBe(realCode);
    expect(stdout).toBe(f.out());
    expect(normalize(stderr)).toBe(normalize(f.err()));
    expect(f.err()).toContain('E connect(5, AF=2 127.0.0.1:81, 16): Connection refused\n >\nerror: lost connection to pod\n');
  });
});
