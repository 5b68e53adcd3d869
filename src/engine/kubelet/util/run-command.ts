// Runs a command in a container for a probe or a hook and reports once, on the simulated clock.
import type { Clock } from '../../clock';
import type { Container } from '../../runtime/cri';

/** The outcome of a command: exit code and combined output, or a timeout. */
export interface CommandResult {
  exitCode: number;
  output: string;
  timedOut: boolean;
}

/**
 * Runs argv in the container; `done` is called exactly once: with the result, or with timedOut after
 * timeoutMs (0: no timeout). Uses Container.run when the runtime has it, else exec's Promise.
 */
export function runCommand(clock: Clock, c: Container, argv: string[], timeoutMs: number, done: (r: CommandResult) => void): void {
  let output = '';
  let finished = false;
  let cancelTimer: (() => void) | undefined;
  const finish = (r: CommandResult) => {
    if (finished) return;
    finished = true;
    cancelTimer?.();
    done(r);
  };
  if (timeoutMs > 0) cancelTimer = clock.after(timeoutMs, () => finish({ exitCode: -1, output, timedOut: true }));
  const io = { stdout: (s: string) => { output += s; }, stderr: (s: string) => { output += s; } };
  try {
    if (c.run) {
      c.run(argv, io, (code) => finish({ exitCode: code, output, timedOut: false }));
    } else {
      c.exec(argv, io).then((code) => finish({ exitCode: code, output, timedOut: false }),
        (e: unknown) => finish({ exitCode: 126, output: output + String((e as Error)?.message ?? e), timedOut: false }));
    }
  } catch (e) {
    finish({ exitCode: 126, output: output + String((e as Error)?.message ?? e), timedOut: false });
  }
}
