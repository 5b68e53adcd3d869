import { beforeEach, describe, expect, it } from 'vitest';
import { FakeWorker } from './testing';
import { OUTPUT_PENDING_MAX } from './host';

const EPOCH = Date.UTC(2025, 0, 15, 9, 0, 0);
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

async function booted(speed: 0 | 1 | 10 | 60 = 1): Promise<FakeWorker> {
  const w = new FakeWorker();
  w.send({ type: 'boot', options: { seed: 7, nodes: 1, epoch: EPOCH, speed } });
  w.send({ type: 'term-open', tab: 't1', cols: 120, rows: 30 });
  await w.run(0);
  return w;
}

describe('WorkerHost boot', () => {
  it('boots a minikube cluster, sends a snapshot of it and a ready prompt', async () => {
    const w = await booted();
    const [b] = w.of('booted');
    const [snap] = w.of('mirror-snapshot');
    expect(b).toMatchObject({ seed: 7, nodes: 1, kubernetesVersion: 'v1.32.0' });
    // minikube start returned: the system pods run, and the clock reads about the page's time.
    expect(Math.abs(b.clock.now - EPOCH)).toBeLessThanOrEqual(30_000);
    expect(snap.objects.pods.filter((p) => p.metadata?.namespace === 'kube-system').every((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running')).toBe(true);
    expect(snap.objects.nodes.map((n) => n.metadata?.name)).toEqual(['minikube']);
    expect(Object.keys(snap.objects)).toContain('events');
    const [ready] = w.of('term-ready');
    expect(stripAnsi(ready.prompt)).toBe('learner@kubesim:~$ ');
    expect(ready.continuation).toBe(false);
  });

  it('strips managedFields and secret data from mirrored objects', async () => {
    const w = await booted();
    await w.input('t1', ['kubectl create secret generic s --from-literal=a=b']);
    w.send({ type: 'api', id: 1, request: { verb: 'create', group: '', version: 'v1', resource: 'secrets', namespace: 'default',
      body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { password: 'hunter2' } } } });
    w.send({ type: 'mirror-ack' });
    await w.run(50);
    const secrets = w.of('mirror-batch').flatMap((b) => b.changes).filter((c) => c.resource === 'secrets');
    expect(secrets.map((c) => c.object.metadata?.name)).toContain('token');
    for (const c of secrets) {
      expect(c.object).not.toHaveProperty('data');
      expect(c.object.metadata).not.toHaveProperty('managedFields');
    }
  });
});

describe('WorkerHost terminal', () => {
  let w: FakeWorker;
  beforeEach(async () => { w = await booted(); });

  it('runs kubectl get nodes', async () => {
    const out = await w.input('t1', ['kubectl get nodes']);
    expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nminikube\s+Ready\s+control-plane/);
  });

  it('takes a pasted heredoc, echoes the pasted lines, applies the file and mirrors the pod', async () => {
    const yaml = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: nginx', '    image: nginx'];
    w.send({ type: 'mirror-ack' });
    const out = await w.input('t1', ['cat <<EOF > pod.yaml', ...yaml, 'EOF', 'kubectl apply -f pod.yaml', 'kubectl get pods'], 1);
    const plain = stripAnsi(out);
    expect(plain).toContain('> apiVersion: v1\n');
    expect(plain).toContain('> EOF\n');
    expect(plain).toContain('learner@kubesim:~$ kubectl apply -f pod.yaml\npod/web created\n');
    expect(plain).toMatch(/learner@kubesim:~\$ kubectl get pods\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+/);
    expect(w.of('files').flatMap((f) => f.changed).map((f) => f.path)).toContain('/home/learner/pod.yaml');
    await w.run(50);
    const pods = w.of('mirror-batch').flatMap((b) => b.changes).filter((c) => c.resource === 'pods');
    expect(pods.some((c) => c.object.metadata?.name === 'web')).toBe(true);
  });

  it('shows PS2 while a heredoc is open and PS1 after it', async () => {
    await w.input('t1', ['cat <<EOF']);
    expect(w.of('term-ready').at(-1)).toMatchObject({ prompt: '> ', continuation: true });
    const out = await w.input('t1', ['hello', 'EOF']);
    expect(out).toBe('hello\n');
    expect(w.of('term-ready').at(-1)?.continuation).toBe(false);
  });

  it('Ctrl-C stops a sleep and drops the lines queued after it', async () => {
    w.send({ type: 'term-input', tab: 't1', lines: ['sleep 600', 'echo after'], echoed: 1, seq: ++w.inputSeq });
    await w.run(500);
    const readyBefore = w.of('term-ready').length;
    expect(readyBefore).toBe(1);
    w.send({ type: 'term-interrupt', tab: 't1', seq: ++w.inputSeq });
    await w.run(50);
    expect(w.of('term-ready').length).toBe(2);
    expect(w.takeOutput('t1')).not.toContain('after');
  });

  it('Ctrl-C at a "> " prompt drops the half-typed command', async () => {
    await w.input('t1', ["echo 'open"]);
    w.send({ type: 'term-interrupt', tab: 't1', seq: ++w.inputSeq });
    await w.run(0);
    expect(w.of('term-ready').at(-1)).toMatchObject({ continuation: false, seq: w.inputSeq });
    expect(await w.input('t1', ['echo fine'])).toBe('fine\n');
  });

  it('gives each tab its own working directory over shared files', async () => {
    w.send({ type: 'term-open', tab: 't2', cols: 80, rows: 24 });
    await w.input('t1', ['mkdir demo', 'cd demo', 'echo hi > a.txt']);
    expect(stripAnsi(w.of('term-ready').filter((m) => m.tab === 't1').at(-1)!.prompt)).toBe('learner@kubesim:~/demo$ ');
    expect(await w.input('t2', ['pwd', 'cat demo/a.txt'])).toBe('/home/learner\nhi\n');
  });

  it('cuts output a command prints faster than the page writes it', async () => {
    const big = 'x'.repeat(1023) + '\n';
    w.send({ type: 'fs', id: 1, op: { op: 'write', path: 'big.txt', content: big.repeat(5 * 1024) } });
    w.send({ type: 'term-input', tab: 't1', lines: ['cat big.txt'], echoed: 1, seq: ++w.inputSeq });
    await w.run(100);
    const sent = w.of('term-output').reduce((n, m) => n + m.data.length, 0);
    expect(sent).toBeLessThanOrEqual(OUTPUT_PENDING_MAX + 1024);
    expect(w.of('term-output').map((m) => m.data).join('')).toContain('of output skipped');
  });
});

describe('WorkerHost time', () => {
  const lastNow = (w: FakeWorker) => [...w.messages].reverse().find((m) => 'clock' in m) as { clock: { now: number } };

  it('advances simulated time at wall time × speed', async () => {
    for (const speed of [1, 10, 60] as const) {
      const w = await booted(speed);
      const start = w.of('booted')[0].clock.now;
      await w.run(2_000);
      w.send({ type: 'set-speed', speed });
      const elapsed = lastNow(w).clock.now - start;
      expect(elapsed).toBeGreaterThan(speed * 2_000 * 0.9);
      expect(elapsed).toBeLessThanOrEqual(speed * 2_000);
    }
  });

  it('stands still when paused and steps to the next event', async () => {
    const w = await booted(0);
    const start = w.of('booted')[0].clock.now;
    await w.run(1_000);
    w.send({ type: 'set-speed', speed: 0 });
    expect(lastNow(w).clock.now).toBe(start);
    w.send({ type: 'step' });
    const stepped = lastNow(w).clock.now;
    expect(stepped).toBeGreaterThan(start);
    expect(w.of('clock').at(-1)?.clock.speed).toBe(0);
  });

  it('lets `sleep` end after its simulated duration', async () => {
    const w = await booted(60);
    const before = w.messages.length;
    w.send({ type: 'term-input', tab: 't1', lines: ['sleep 30', 'echo done'], echoed: 1, seq: ++w.inputSeq });
    await w.run(400);
    expect(w.messages.slice(before).some((m) => m.type === 'term-ready')).toBe(false);
    await w.run(400);
    expect(w.takeOutput('t1')).toContain('done');
  });
});

describe('WorkerHost completion, API and files', () => {
  let w: FakeWorker;
  beforeEach(async () => { w = await booted(); });
  const complete = async (line: string) => {
    w.send({ type: 'term-complete', id: 9, tab: 't1', line, cursor: line.length });
    await w.run(0);
    return w.of('term-completion').at(-1)!.completion;
  };

  it('completes kubectl verbs, types, names and files', async () => {
    await w.input('t1', ['echo x > pod.yaml', 'mkdir manifests']);
    const cases = [
      { line: 'kub', want: ['kubectl'] },
      { line: 'kubectl ge', want: ['get'] },
      { line: 'kubectl get no', want: ['nodes'] },
      { line: 'kubectl get nodes mini', want: ['minikube'] },
      { line: 'kubectl get node/mi', want: ['node/minikube'] },
      { line: 'kubectl cordon ', want: ['minikube'] },
      { line: 'kubectl -n kube-sys', want: ['kube-system'] },
      { line: 'kubectl apply -f ', want: ['manifests/', 'pod.yaml'] },
      { line: 'cat po', want: ['pod.yaml'] },
    ];
    for (const c of cases) expect((await complete(c.line)).candidates.map((x) => x.value), c.line).toEqual(c.want);
  });

  it('answers API requests', async () => {
    w.send({ type: 'api', id: 3, request: { verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'minikube' } });
    w.send({ type: 'api', id: 4, request: { verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'nope' } });
    const [ok, missing] = w.of('api-result');
    expect(ok).toMatchObject({ id: 3, response: { code: 200 } });
    expect(missing).toMatchObject({ id: 4, response: { code: 404, body: { message: 'nodes "nope" not found' } } });
  });

  it('writes, renames and deletes files, reporting each change', async () => {
    w.send({ type: 'fs', id: 1, op: { op: 'write', path: 'a.yaml', content: 'kind: Pod\n' } });
    w.send({ type: 'fs', id: 2, op: { op: 'rename', from: 'a.yaml', to: 'b.yaml' } });
    w.send({ type: 'fs', id: 3, op: { op: 'read', path: 'a.yaml' } });
    w.send({ type: 'fs', id: 4, op: { op: 'delete', path: 'b.yaml' } });
    expect(w.of('fs-result').map((r) => r.result.ok)).toEqual([true, true, false, true]);
    expect(w.of('files').map((f) => [f.changed.map((c) => c.path), f.removed])).toEqual([
      [['/home/learner/a.yaml'], []],
      [['/home/learner/b.yaml'], ['/home/learner/a.yaml']],
      [[], ['/home/learner/b.yaml']],
    ]);
  });

  it('restores files given at boot', async () => {
    const w2 = new FakeWorker();
    w2.send({ type: 'boot', options: { seed: 1, nodes: 1, epoch: EPOCH, speed: 1, files: [{ path: '/home/learner/keep.yaml', content: 'x: 1\n' }] } });
    w2.send({ type: 'term-open', tab: 'a', cols: 80, rows: 24 });
    expect(await w2.input('a', ['cat keep.yaml'])).toBe('x: 1\n');
  });

  it('reports a message before boot as fatal instead of throwing', () => {
    const w2 = new FakeWorker();
    w2.send({ type: 'term-open', tab: 'a', cols: 80, rows: 24 });
    expect(w2.of('fatal')[0].message).toContain('term-open before boot');
  });
});
