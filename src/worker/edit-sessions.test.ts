import { describe, expect, it } from 'vitest';
import { FakeWorker } from './testing';

const EPOCH = Date.UTC(2025, 0, 15, 9, 0, 0);

async function booted(): Promise<FakeWorker> {
  const w = new FakeWorker();
  w.send({ type: 'boot', options: { seed: 7, nodes: 1, epoch: EPOCH, speed: 1 } });
  w.send({ type: 'term-open', tab: 't1', cols: 120, rows: 30 });
  await w.run(0);
  await w.input('t1', ['kubectl create deployment web --image=nginx']);
  return w;
}

/** Starts kubectl edit and waits for the page's editor to be asked; returns the session. */
async function startEdit(w: FakeWorker): Promise<{ id: number; path: string; text: string }> {
  w.send({ type: 'term-input', tab: 't1', lines: ['kubectl edit deployment web'], echoed: 1, seq: ++w.inputSeq });
  for (let t = 0; t < 5000 && !w.of('edit-open').length; t += 16) await w.run(16);
  const [open] = w.of('edit-open');
  const file = w.of('files').flatMap((f) => f.changed).find((f) => f.path === open.path);
  return { id: open.id, path: open.path, text: file!.content };
}

async function untilReady(w: FakeWorker): Promise<string> {
  const before = w.of('term-ready').length;
  for (let t = 0; w.of('term-ready').length === before; t += 16) {
    if (t > 10_000) throw new Error('no prompt');
    await w.run(16);
  }
  return w.takeOutput('t1');
}

describe('kubectl edit in the editor pane', () => {
  it('opens the file in the page and applies what the learner saved', async () => {
    const w = await booted();
    const s = await startEdit(w);
    expect(s.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(s.text).toContain('# Please edit the object below.');
    expect(s.text).toContain('  replicas: 1\n');
    w.send({ type: 'fs', id: 99, op: { op: 'write', path: s.path, content: s.text.replace('  replicas: 1\n', '  replicas: 3\n') } });
    w.send({ type: 'edit-done', id: s.id, save: true });
    expect(await untilReady(w)).toBe('deployment.apps/web edited\n');
    expect(w.of('edit-close').map((m) => m.id)).toEqual([s.id]);
    // The temporary file is gone.
    expect(w.of('files').flatMap((f) => f.removed)).toContain(s.path);
    expect(await w.input('t1', ['kubectl get deployment web -o jsonpath={.spec.replicas}'])).toBe('3');
  });

  it('cancelled: nothing changes', async () => {
    const w = await booted();
    const s = await startEdit(w);
    w.send({ type: 'edit-done', id: s.id, save: false });
    expect(await untilReady(w)).toBe('Edit cancelled, no changes made.\n');
  });

  it('Ctrl-C in the terminal closes the session', async () => {
    const w = await booted();
    const s = await startEdit(w);
    w.send({ type: 'term-interrupt', tab: 't1', seq: ++w.inputSeq });
    await untilReady(w);
    expect(w.of('edit-close').map((m) => m.id)).toEqual([s.id]);
  });

  it('keeps using $EDITOR when it is set', async () => {
    const w = await booted();
    const out = await w.input('t1', ['export EDITOR=true', 'kubectl edit deployment web']);
    expect(out).toContain('Edit cancelled, no changes made.');
    expect(w.of('edit-open')).toHaveLength(0);
  });
});
