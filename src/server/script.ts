// `kubesim script`: runs a shell-like transcript on a fresh seeded cluster and prints it as a
// terminal shows it — "$ command", continuation lines as "> …", then the output.
import { Session } from './session';
import type { ClusterOptions } from '../engine/cluster';
import type { Fallback } from '../shell';

/**
 * Runs a transcript; returns the terminal text. Same seed and script give the same bytes.
 *
 * A command that reads the terminal while it runs (`kubectl exec -it pod -- sh`, `kubectl attach -i`)
 * takes the transcript's next lines as what the learner types, one per read, each echoed as the
 * terminal shows it (after the container shell's own prompt); `^D` is end of input (Ctrl-D) and `^C` a Ctrl-C at
 * the program's prompt (the line is dropped and the prompt shown again). The
 * command ends when the program does (`exit`), or at the end of the transcript.
 */
export async function runScript(script: string, opts: ClusterOptions & { fallback?: Fallback } = {}): Promise<string> {
  const session = new Session(opts);
  let out = '';
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let pending = false;
  let i = 0;
  // Lines typed into a running program: echoed as typed, `^D` (or the transcript's end) is end of input.
  const readLine = async (echo: (s: string) => void): Promise<string | undefined> => {
    if (i >= lines.length) return undefined;
    const line = lines[i++];
    if (line === '^D') return undefined;
    // Ctrl-C at a program's prompt (a TTY passes it on): the shell in the container drops the line.
    if (line === '^C') {
      echo('^C\n');
      return '';
    }
    echo(`${line}\n`);
    return line;
  };
  while (i < lines.length) {
    const line = lines[i++];
    if (!pending && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    out += `${session.shell.prompt()}${line}\n`;
    const text = session.shell.feed(line);
    pending = text === undefined;
    if (text === undefined) continue;
    const r = await session.run(text, { readLine });
    out += r.output;
  }
  return out;
}
