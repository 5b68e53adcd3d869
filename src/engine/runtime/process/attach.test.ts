import { describe, expect, it } from 'vitest';
import { AttachPoint, AttachedStdin } from './attach';
import type { Effect } from './effects';

// Drives a stdin read generator by hand: returns the line if it completes without waiting, else 'waiting'.
function readNow(stdin: AttachedStdin): string | undefined | 'waiting' {
  const g = stdin.readLine();
  const r = g.next();
  if (r.done) return r.value;
  const effect = r.value as Effect & { start?: (resume: (v: unknown) => void) => void };
  let got: string | undefined | 'waiting' = 'waiting';
  effect.start?.((v) => { got = v as string | undefined; });
  return got;
}

describe('AttachPoint', () => {
  it('sends output from now on to attached clients, stderr folded into stdout with a TTY', () => {
    const plain = new AttachPoint(undefined, false, false);
    const tty = new AttachPoint(undefined, false, true);
    const seen: string[] = [];
    void plain.attach({ stdout: (s) => seen.push(`out:${s}`), stderr: (s) => seen.push(`err:${s}`) });
    void tty.attach({ stdout: (s) => seen.push(`tty:${s}`), stderr: () => seen.push('never') });
    plain.write('a\n', 'stdout');
    plain.write('b\n', 'stderr');
    tty.write('c\n', 'stderr');
    expect(seen).toEqual(['out:a\n', 'err:b\n', 'tty:c\n']);
  });

  it('feeds a typed line only when the process asks, and closes stdin once the client detaches (stdinOnce)', async () => {
    const stdin = new AttachedStdin(true);
    const ap = new AttachPoint(stdin, true, true);
    const typed = ['echo hi', 'never read'];
    let asked = 0;
    const ac = new AbortController();
    const attached = ap.attach({ stdout: () => undefined, stderr: () => undefined, signal: ac.signal,
      readLine: async () => { asked++; return typed.shift(); } });
    expect(asked).toBe(0);
    let line: string | undefined | 'waiting' = 'waiting';
    const g = stdin.readLine();
    const first = g.next();
    expect(first.done).toBe(false);
    (first.value as { start: (resume: (v: unknown) => void) => void }).start((v) => { line = v as string; });
    await Promise.resolve();
    await Promise.resolve();
    expect(line).toBe('echo hi');
    expect(asked).toBe(1);
    ac.abort();
    await attached;
    expect(readNow(stdin)).toBeUndefined();
    expect(asked).toBe(1);
  });

  it('ends every client when the container exits', async () => {
    const ap = new AttachPoint(new AttachedStdin(false), false, false);
    const a = ap.attach({ stdout: () => undefined, stderr: () => undefined });
    ap.exited();
    await expect(a).resolves.toBeUndefined();
  });
});
