// Ctrl-C on an exec'd TTY session: SIGINT to the foreground job ends the command the shell runs (an in-line
// child or a loop of them), the shell prompts again and remembers status 130.
import { describe, expect, it } from 'vitest';
import { runContainer, testRuntime } from '../test-support';
import { Fiber } from './fiber';
import { Interrupted, runChild, sleep } from './effects';

describe('Fiber.interrupt', () => {
  it('throws Interrupted at the wait, past in-line children; uncaught, the process ends with 130', () => {
    const t = testRuntime();
    let finallyRan = false;
    let code: number | undefined;
    const child = function* () { try { yield* sleep(10_000); return 0; } finally { finallyRan = true; } };
    const f = new Fiber((function* () { yield* runChild(child()); return 0; })(), t.clock, (c) => { code = c; });
    f.start();
    t.clock.advance(100);
    expect(f.interrupt()).toBe(true);
    expect(finallyRan).toBe(true);
    expect(code).toBe(130);
    expect(f.interrupt()).toBe(false);
  });

  it('a process that catches it goes on', () => {
    const t = testRuntime();
    let code: number | undefined;
    const f = new Fiber((function* () {
      try { yield* sleep(10_000); } catch (e) { if (!(e instanceof Interrupted)) throw e; }
      return 7;
    })(), t.clock, (c) => { code = c; });
    f.start();
    f.interrupt();
    expect(code).toBe(7);
  });
});

describe('Ctrl-C in kubectl exec -it … -- sh', () => {
  it('stops the running command (a loop of sleeps too) and the shell prompts again with $? 130', async () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sleep', '3600'] });
    t.clock.advance(100);
    let output = '';
    let code: number | undefined;
    let intr: (() => void) | undefined;
    let waiting: ((l: string | undefined) => void) | undefined;
    c.container.run(['sh'], {
      stdout: (s) => { output += s; }, stderr: (s) => { output += s; }, tty: true,
      readLine: () => new Promise((resolve) => { waiting = resolve; }),
      onInterrupt: (h) => { intr = h; return () => { intr = undefined; }; },
    }, (x) => { code = x; });
    const type = async (line: string | undefined) => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const w = waiting!;
      waiting = undefined;
      if (line !== undefined) output += `${line}\n`;
      w(line);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      t.clock.advance(1000);
    };
    await type('while true; do sleep 5; done');
    expect(waiting).toBeUndefined();
    output += '^C';
    intr!();
    await type('echo $?');
    await type('exit');
    expect(output).toBe('/ # while true; do sleep 5; done\n^C\n/ # echo $?\n130\n/ # exit\n');
    expect(code).toBe(0);
    expect(intr).toBeUndefined();
  });
});
