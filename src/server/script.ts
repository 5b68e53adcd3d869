// `kubesim script`: runs a shell-like transcript on a fresh seeded cluster and prints it as a
// terminal shows it — "$ command", continuation lines as "> …", then the output.
import { Session } from './session';
import type { ClusterOptions } from '../engine/cluster';
import type { Fallback } from '../shell';

/** Runs a transcript; returns the terminal text. Same seed and script give the same bytes. */
export async function runScript(script: string, opts: ClusterOptions & { fallback?: Fallback } = {}): Promise<string> {
  const session = new Session(opts);
  let out = '';
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let pending = false;
  for (const line of lines) {
    if (!pending && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    out += `${session.shell.prompt()}${line}\n`;
    const text = session.shell.feed(line);
    pending = text === undefined;
    if (text === undefined) continue;
    const r = await session.run(text);
    out += r.output;
  }
  return out;
}
