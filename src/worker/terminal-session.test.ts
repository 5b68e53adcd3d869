import { describe, expect, it } from 'vitest';
import type { Shell, ShellIO } from '../shell';
import { TerminalSession, ps1 } from './terminal-session';

// A shell whose one command reads typed lines (as `kubectl exec -it … -- sh` does) until "exit".
function readingShell(): Shell {
  return {
    prompt: () => '$ ',
    feed: (line: string) => line,
    cancelInput: () => undefined,
    async run(text: string, io: ShellIO): Promise<number> {
      if (text !== 'interactive') { io.stdout(`ran ${text}\n`); return 0; }
      for (;;) {
        io.stdout('/ # ');
        const l = await io.readLine?.();
        if (l === undefined || l === 'exit') return 0;
        io.stdout(`you typed ${l}\n`);
      }
    },
  } as unknown as Shell;
}

function session() {
  let out = '';
  const readies: string[] = [];
  const s = new TerminalSession('t1', {
    shell: readingShell(), cwd: () => '/home/learner', write: (d) => { out += d; }, ready: (prompt) => { readies.push(prompt); },
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
});
