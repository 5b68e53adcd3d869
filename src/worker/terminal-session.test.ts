import { describe, expect, it } from 'vitest';
import type { Shell, ShellIO } from '../shell';
import { TerminalSession, ps1 } from './terminal-session';

// A shell whose one command reads typed lines (as `kubectl exec -it … -- sh` does) until "exit"; `remote`
// reads them through a remote TTY (exec -it), `interactive` as a local program (exec -i).
function readingShell(): Shell {
  return {
    prompt: () => '$ ',
    feed: (line: string) => line,
    cancelInput: () => undefined,
    async run(text: string, io: ShellIO): Promise<number> {
      if (text !== 'interactive' && text !== 'remote') { io.stdout(`ran ${text}\n`); return 0; }
      for (;;) {
        io.stdout('/ # ');
        const l = await io.readLine?.({ raw: text === 'remote' });
        if (l === undefined) { if (text === 'remote') io.stdout('exit\n'); return 0; }
        if (l === 'exit') return 0;
        io.stdout(`you typed ${l}\n`);
      }
    },
  } as unknown as Shell;
}

function session() {
  let out = '';
  const readies: string[] = [];
  const s = new TerminalSession('t1', {
    shell: readingShell(), cwd: () => '/home/learner', write: (d) => { out += d; },
    ready: (prompt, _c, _s, raw) => { readies.push(raw ? `raw:${prompt}` : prompt); },
    afterCommand: () => undefined, setTimer: () => () => undefined,
  });
  return { s, out: () => out, readies };
}

const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('TerminalSession: lines typed while a command runs', () => {
  it('go to the running command, echoed unless the page shows them already', async () => {
    const { s, out } = session();
    s.input(['interactive'], 1);
    await settle();
    s.input(['ls'], 0);
    await settle();
    s.input(['pwd'], 1);
    await settle();
    // "exit" was shown by the page; the line after it waits for the shell, which echoes it after its prompt.
    s.input(['exit', 'echo after'], 1);
    await settle();
    expect(out()).toBe(`/ # ls\nyou typed ls\n/ # you typed pwd\n/ # ${ps1('/home/learner')}echo after\nran echo after\n`);
  });

  it('let the page edit a line after the program\'s prompt while it waits', async () => {
    const { s, readies } = session();
    s.input(['interactive'], 1);
    await settle();
    expect(readies).toEqual(['\x1b[1G/ # ']);
    s.input(['pwd'], 1);
    await settle();
    expect(readies).toEqual(['\x1b[1G/ # ', '\x1b[1G/ # ']);
  });

  it('end (undefined) when the command is interrupted', async () => {
    const { s, out } = session();
    s.input(['interactive'], 1);
    await settle();
    s.interrupt();
    await settle();
    expect(out()).toBe('/ # ');
    expect(s.busy).toBe(false);
  });

  it('through a remote TTY: Ctrl-C drops the typed line and the program prompts again; Ctrl-D ends its input', async () => {
    const { s, out, readies } = session();
    s.input(['remote'], 1);
    await settle();
    expect(readies).toEqual(['raw:\x1b[1G/ # ']);
    s.interrupt(1);
    await settle();
    expect(s.busy).toBe(true);
    s.input(['pwd'], 1, 2);
    await settle();
    s.eof(3);
    await settle();
    expect(out()).toBe('/ # you typed \n/ # you typed pwd\n/ # exit\n');
    expect(s.busy).toBe(false);
  });

  it('Ctrl-D is nothing to a local program or the host shell', async () => {
    const { s, out } = session();
    s.input(['interactive'], 1);
    await settle();
    s.eof();
    await settle();
    expect(s.busy).toBe(true);
    s.input(['exit'], 1);
    await settle();
    expect(out()).toBe('/ # ');
  });

  it('a Ctrl-C while a remote TTY session runs a command goes to that command, not to kubectl', async () => {
    let aborted = false;
    let out = '';
    const shell = {
      prompt: () => '$ ', feed: (line: string) => line, cancelInput: () => undefined,
      async run(_text: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
        signal?.addEventListener('abort', () => { aborted = true; });
        // The remote command runs until its foreground job is interrupted; then the session goes on.
        await new Promise<void>((resolve) => { const off = io.onInterrupt?.(() => { off?.(); io.stdout('\n'); resolve(); }); });
        io.stdout('after\n');
        return 0;
      },
    } as unknown as Shell;
    const s = new TerminalSession('t2', { shell, cwd: () => '/home/learner', write: (d) => { out += d; }, ready: () => undefined,
      afterCommand: () => undefined, setTimer: () => () => undefined });
    s.input(['exec'], 1);
    await settle();
    s.interrupt(1);
    await settle();
    expect(aborted).toBe(false);
    expect(out).toBe('\nafter\n');
    expect(s.busy).toBe(false);
  });
});
