import { describe, expect, it } from 'vitest';
import { FakeWorker } from './testing';
import { INTERRUPTED } from './side-channels';

const EPOCH = Date.UTC(2025, 0, 15, 9, 0, 0);

async function booted(): Promise<FakeWorker> {
  const w = new FakeWorker();
  w.send({ type: 'boot', options: { seed: 7, nodes: 1, epoch: EPOCH, speed: 1 } });
  await w.run(0);
  return w;
}

/** Waits (fake wall time) for a stream's end; returns its output and exit code. */
async function finish(w: FakeWorker, id: number, ms = 60_000): Promise<{ out: string; code: number | undefined }> {
  for (let t = 0; t < ms && !w.of('stream-end').some((m) => m.id === id); t += 100) await w.run(100);
  return { out: w.of('stream-data').filter((m) => m.id === id).map((m) => m.data).join(''), code: w.of('stream-end').find((m) => m.id === id)?.code };
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';

describe('SideChannels', () => {
  it('runs kubectl apply -f on a file the editor wrote, and the terminal-less shell sees the same files', async () => {
    const w = await booted();
    w.send({ type: 'fs', id: 1, op: { op: 'write', path: 'web.yaml', content: POD } });
    w.send({ type: 'stream-start', id: 2, source: { kind: 'command', line: 'kubectl apply -f web.yaml' } });
    expect(await finish(w, 2)).toEqual({ out: 'pod/web created\n', code: 0 });
    w.send({ type: 'stream-start', id: 3, source: { kind: 'command', line: 'ls' } });
    expect((await finish(w, 3)).out).toContain('web.yaml');
  });

  it('reports a failing command with its exit code and stderr', async () => {
    const w = await booted();
    w.send({ type: 'stream-start', id: 1, source: { kind: 'command', line: 'kubectl apply -f nope.yaml' } });
    const r = await finish(w, 1);
    expect(r.code).toBe(1);
    expect(r.out).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('cancels a command that runs forever (kubectl get -w) with 130', async () => {
    const w = await booted();
    w.send({ type: 'stream-start', id: 1, source: { kind: 'command', line: 'kubectl get pods -A -w' } });
    await w.run(500);
    expect(w.of('stream-end')).toHaveLength(0);
    w.send({ type: 'stream-cancel', id: 1 });
    const r = await finish(w, 1);
    expect(r.code).toBe(INTERRUPTED);
    expect(r.out).toMatch(/^NAMESPACE\s+NAME/);
  });

  it('follows a pod log through pods/log until cancelled', async () => {
    const w = await booted();
    w.send({ type: 'fs', id: 1, op: { op: 'write', path: 'web.yaml', content: POD } });
    w.send({ type: 'stream-start', id: 2, source: { kind: 'command', line: 'kubectl apply -f web.yaml' } });
    await finish(w, 2);
    await w.run(30_000);
    w.send({ type: 'stream-start', id: 3, source: { kind: 'pod-log', namespace: 'default', pod: 'web', follow: true } });
    await w.run(200);
    const out = w.of('stream-data').filter((m) => m.id === 3).map((m) => m.data).join('');
    expect(out).toContain('start worker processes');
    expect(w.of('stream-end').some((m) => m.id === 3)).toBe(false);
    w.send({ type: 'stream-cancel', id: 3 });
    expect((await finish(w, 3)).code).toBe(INTERRUPTED);
  });

  it('answers a missing pod log as kubectl prints the server error', async () => {
    const w = await booted();
    w.send({ type: 'stream-start', id: 1, source: { kind: 'pod-log', namespace: 'default', pod: 'ghost', follow: false } });
    expect(await finish(w, 1)).toEqual({ out: 'Error from server (NotFound): pods "ghost" not found\n', code: 1 });
  });

  it('gives the editor one schema that picks each kind by apiVersion and kind', async () => {
    const w = await booted();
    w.send({ type: 'editor-schema', id: 1 });
    const [r] = w.of('editor-schema-result');
    const s = r.schema as { allOf: { if: { properties: { kind: { const: string }; apiVersion: { const: string } } }; then: { $ref: string } }[]; definitions: Record<string, unknown> };
    const deploy = s.allOf.find((b) => b.if.properties.kind.const === 'Deployment')!;
    expect(deploy.if.properties.apiVersion.const).toBe('apps/v1');
    const root = s.definitions[deploy.then.$ref.replace('#/definitions/', '')] as { properties: Record<string, unknown> };
    expect(Object.keys(root.properties)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec', 'status']));
    expect(s.allOf.some((b) => b.if.properties.kind.const.endsWith('List'))).toBe(false);
  });

  it('fetches a page from the learner machine, and says why when nothing answers', async () => {
    const w = await booted();
    w.send({ type: 'http', id: 1, url: 'localhost:8080' });
    const [r] = w.of('http-result');
    expect(r.result).toMatchObject({ ok: false, error: 'refused', port: 8080 });
  });
});
