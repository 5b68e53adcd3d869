// Commands that run other commands: xargs (GNU findutils) and watch (procps-ng 4), the latter
// re-running on the simulated clock until Ctrl-C.
import type { ShellContext } from './commands';
import type { ShellIO } from './shell';
import { ctimeDate } from './date';

/** The host name watch's header shows (the learner's machine, as the prompt names it). */
const HOSTNAME = 'kubesim';
/** The terminal width watch lays its header out in. */
const COLUMNS = 80;

/** Splits xargs input into items: blanks and newlines separate, quotes and backslashes group. */
function xargsItems(input: string): string[] | string {
  const items: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (cur !== undefined) items.push(cur);
      cur = undefined;
    } else if (c === "'" || c === '"') {
      const end = input.indexOf(c, i + 1);
      const nl = input.indexOf('\n', i + 1);
      if (end === -1 || (nl !== -1 && nl < end)) {
        return `xargs: unmatched ${c === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option\n`;
      }
      cur = (cur ?? '') + input.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < input.length) cur = (cur ?? '') + input[++i];
    else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) items.push(cur);
  return items;
}

/** xargs [-n N] [-I R] [-r] [-t] [command…]: runs the command with stdin's words as arguments. */
export async function xargs(ctx: ShellContext, args: string[], stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
  let perCall = Infinity;
  let replace: string | undefined;
  let noRunIfEmpty = false;
  let trace = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i];
    if (a === '-n' || a === '-L') perCall = Number(args[++i]);
    else if (/^-[nL]\d+$/.test(a)) perCall = Number(a.slice(2));
    else if (a === '-I') replace = args[++i];
    else if (a.startsWith('-I')) replace = a.slice(2);
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-t' || a === '--verbose') trace = true;
    else if (a === '-0' || a === '--null') continue;
    else {
      io.stderr(`xargs: invalid option -- '${a.replace(/^-+/, '')[0]}'\nTry 'xargs --help' for more information.\n`);
      return 1;
    }
  }
  const cmd = args.slice(i).length ? args.slice(i) : ['echo'];
  let calls: string[][];
  if (replace !== undefined) {
    // -I: one call per input line, the line (leading blanks dropped) replacing every R.
    const lines = stdin.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
    calls = lines.map((l) => cmd.map((w) => w.split(replace!).join(l)));
  } else {
    const items = xargsItems(stdin);
    if (typeof items === 'string') { io.stderr(items); return 1; }
    if (!items.length) calls = noRunIfEmpty ? [] : [cmd];
    else {
      calls = [];
      const n = Number.isFinite(perCall) && perCall > 0 ? perCall : items.length;
      for (let k = 0; k < items.length; k += n) calls.push([...cmd, ...items.slice(k, k + n)]);
    }
  }
  let status = 0;
  for (const argv of calls) {
    if (trace) io.stderr(`${argv.join(' ')}\n`);
    const code = await ctx.exec(argv, '', io, signal);
    if (code === 127) { return 127; }
    if (code !== 0) status = 123;
    if (signal?.aborted) return 130;
  }
  return status;
}

/** watch [-n SECS] [-t] COMMAND…: clears the screen, draws the header and the command's output, again every SECS. */
export async function watch(ctx: ShellContext, args: string[], io: ShellIO, signal?: AbortSignal): Promise<number> {
  let interval = 2;
  let title = true;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-n' || a === '--interval') interval = Number(args[++i]);
    else if (/^-n\d/.test(a)) interval = Number(a.slice(2));
    else if (a.startsWith('--interval=')) interval = Number(a.slice(11));
    else if (a === '-t' || a === '--no-title') title = false;
    else if (a === '--') { i++; break; }
    else {
      io.stderr(`watch: invalid option -- '${a.replace(/^-+/, '')[0]}'\n`);
      return 1;
    }
  }
  if (!Number.isFinite(interval)) {
    io.stderr(`watch: failed to parse argument: '${args[i - 1]}'\n`);
    return 1;
  }
  // procps watch waits at least 0.1 s between runs.
  interval = Math.max(interval, 0.1);
  const words = args.slice(i);
  if (!words.length) {
    io.stderr('\nUsage:\n watch [options] command\n');
    return 1;
  }
  const text = words.join(' ');
  for (;;) {
    let out = '';
    const sink = (s: string) => { out += s; };
    // watch runs its command with `sh -c`, output and errors both on the screen.
    await ctx.isolated(() => ctx.runText(text, '', { stdout: sink, stderr: sink }, signal));
    if (signal?.aborted) return 0;
    let screen = '\x1b[H\x1b[2J';
    if (title) {
      const left = `Every ${interval.toFixed(1)}s: ${text}`;
      const right = `${HOSTNAME}: ${ctimeDate(ctx.host.kubectlEnv(undefined).now())}`;
      screen += `${left}${' '.repeat(Math.max(1, COLUMNS - left.length - right.length))}${right}\n\n`;
    }
    io.stdout(screen + out);
    try {
      await ctx.host.sleep(interval * 1000, signal);
    } catch {
      return 0;
    }
    if (signal?.aborted) return 0;
  }
}
