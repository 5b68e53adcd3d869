// The client side of a remote command stream (exec, attach): stdin from the terminal or a pipe, the
// TTY decision, and the exit code. Models k8s.io/kubectl/pkg/cmd/exec/exec.go (StreamOptions.SetupTTY)
// and client-go tools/remotecommand (an exit code other than 0 is a CodeExitError, which kubectl's
// CheckErr prints as "command terminated with exit code N" and exits with N).
import type { CmdContext } from '../../command';
import { CmdError } from '../../errors';

/** What a stream gets from the terminal. */
export interface StreamSetup {
  /** Attach stdin (-i). */
  stdin: boolean;
  /** A TTY is used (-t with -i, stdin a terminal). */
  tty: boolean;
  /** The next input line, or undefined at end of input; absent without -i. */
  readLine?: () => Promise<string | undefined>;
}

/** Lines of a piped stdin, one per call. */
function pipedLines(text: string): () => Promise<string | undefined> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  return async () => (i < lines.length ? lines[i++] : undefined);
}

/** SetupTTY: -t needs -i, and -i with -t needs a terminal ("Unable to use a TTY …" otherwise). */
export function setupTTY(ctx: CmdContext, stdin: boolean, tty: boolean, quiet: boolean): StreamSetup {
  if (!stdin) return { stdin: false, tty: false };
  const terminal = ctx.io.readLine;
  const readLine = terminal ? () => terminal() : pipedLines(ctx.io.stdin ?? '');
  if (!tty) return { stdin: true, tty: false, readLine };
  if (!terminal) {
    if (!quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return { stdin: true, tty: false, readLine };
  }
  return { stdin: true, tty: true, readLine: () => terminal({ raw: true }) };
}

/** The end of a remote command: its exit code as kubectl reports it. */
export function finishRemote(code: number): number {
  if (code === 0) return 0;
  throw new CmdError(`command terminated with exit code ${code}`, code);
}
