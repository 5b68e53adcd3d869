// Finding and running a command by name, as bash does: its own builtins first (cd, export, unset,
// exit, break, test, read, jobs, kill, fg, wait), then the small coreutils, then kubectl and the
// host's programs (minikube, curl); otherwise "bash: foo: command not found" (127).
import { runKubectl } from '../kubectl';
import { evalTest, TestError } from '../engine/runtime/shell/test-expr';
import { globRegex } from '../engine/runtime/shell/expand';
import type { ContainerFS } from '../engine/runtime/filesystem/container-fs';
import { BreakLoop, ContinueLoop, ReturnFromFunction } from '../engine/runtime/shell/control';
import { BUILTINS, type ProcIO } from './builtins';
import { JobTable, parseKillSignal, type JobSignal } from './jobs';
import type { ShellHost, ShellIO, Stdin } from './shell';
import { xargs, watch } from './exec-commands';

/** Thrown by `exit`. */
export class ExitShell extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}

/** Ctrl-C ended the command line. */
export class Interrupted extends Error {}

/** What the shell's own commands reach. */
export interface ShellContext {
  readonly vars: Record<string, string>;
  readonly exported: Set<string>;
  readonly host: ShellHost;
  readonly jobs: JobTable;
  lastExit: number;
  /** alias NAME=VALUE. */
  readonly aliases: Map<string, string>;
  /** Runs a command by its words (functions included). */
  exec(argv: string[], stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number>;
  /** Parses and runs a command text. */
  runText(text: string, stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number>;
  /** Runs fn with the variables and working directory restored afterwards. */
  isolated<T>(fn: () => Promise<T>): Promise<T>;
}

const SHELL_BUILTINS = new Set(['cd', 'pwd', 'export', 'unset', 'exit', 'sleep', 'jobs', 'kill', 'fg', 'wait', 'break',
  'continue', 'return', 'test', '[', 'read', 'type', 'source', '.', ':', 'true', 'false', 'echo', 'printf', 'alias', 'unalias',
  'set', 'local', 'complete', 'history', '[[']);

/** Where `<(cmd)` output lands: bash names the pipe /dev/fd/63 (62, 61 … for more on one line). */
export const PROCESS_SUBST_DIR = '/dev/fd';

/** The simulated time in milliseconds. */
export function nowOf(host: ShellHost): number {
  return host.kubectlEnv(undefined).now();
}

/** The variables `export` marked, as programs see them. */
export function environment(ctx: ShellContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of [...ctx.exported].sort()) {
    const v = k === 'PWD' ? ctx.host.fs.cwd : ctx.vars[k];
    if (v !== undefined) env[k] = v;
  }
  return env;
}

/** Runs one command (argv already expanded). */
export async function execCommand(ctx: ShellContext, argv: string[], input: Stdin, io: ShellIO, signal: AbortSignal | undefined, piped: boolean): Promise<number> {
  const [name, ...args] = argv;
  const stdin = input.text;
  const host = ctx.host;
  const fs = host.fs;
  const proc: ProcIO = { args, stdin, out: io.stdout, err: io.stderr, fs, signal, piped, env: () => environment(ctx), now: () => nowOf(host),
    sleep: (ms) => host.sleep(ms, signal) };
  switch (name) {
    case 'kubectl':
      return runKubectl(args, host.kubectlEnv(signal), { stdout: io.stdout, stderr: io.stderr, stdin, readLine: io.readLine,
        onInterrupt: io.onInterrupt });
    case 'cd': {
      const target = args[0] === '-' ? ctx.vars.OLDPWD ?? fs.cwd : args[0] ?? ctx.vars.HOME;
      if (!fs.isDir(target)) {
        io.stderr(`bash: cd: ${target}: ${fs.exists(target) ? 'Not a directory' : 'No such file or directory'}\n`);
        return 1;
      }
      ctx.vars.OLDPWD = fs.cwd;
      fs.cwd = fs.abs(target);
      ctx.vars.PWD = fs.cwd;
      if (args[0] === '-') io.stdout(`${fs.cwd}\n`);
      return 0;
    }
    case 'pwd':
      io.stdout(`${fs.cwd}\n`);
      return 0;
    case 'export':
      if (!args.length || args[0] === '-p') {
        for (const [k, v] of Object.entries(environment(ctx))) io.stdout(`declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
        return 0;
      }
      for (const a of args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
        if (!m) { io.stderr(`bash: export: \`${a}': not a valid identifier\n`); return 1; }
        if (m[2] !== undefined) ctx.vars[m[1]] = m[2];
        ctx.exported.add(m[1]);
      }
      return 0;
    case 'unset':
      for (const a of args.filter((x) => x !== '-v' && x !== '-f')) {
        delete ctx.vars[a];
        ctx.exported.delete(a);
      }
      return 0;
    case 'exit': {
      const code = args[0] === undefined ? ctx.lastExit : Number(args[0]);
      if (!Number.isInteger(code)) {
        io.stderr(`bash: exit: ${args[0]}: numeric argument required\n`);
        throw new ExitShell(2);
      }
      throw new ExitShell(code & 255);
    }
    case 'break': case 'continue': {
      const n = args[0] === undefined ? 1 : Number(args[0]);
      throw name === 'break' ? new BreakLoop(n) : new ContinueLoop(n);
    }
    case 'return':
      throw new ReturnFromFunction(args[0] === undefined ? ctx.lastExit : Number(args[0]) & 255);
    case ':': case 'complete': case 'history':
      return 0;
    case 'set':
      // Options (set -euo pipefail) are accepted and not modelled.
      return 0;
    case 'local':
      for (const a of args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
        if (m) ctx.vars[m[1]] = m[2] ?? ctx.vars[m[1]] ?? '';
      }
      return 0;
    case 'alias': return alias(ctx, args, io);
    case 'unalias': {
      let code = 0;
      for (const a of args) {
        if (a === '-a') ctx.aliases.clear();
        else if (!ctx.aliases.delete(a)) { io.stderr(`bash: unalias: ${a}: not found\n`); code = 1; }
      }
      return code;
    }
    case '[[':
      return doubleBracket(args, io, ctx);
    case '__kubesim_psub': {
      // <(cmd): the command's output as a file the outer command reads (see syntax.ts).
      let out = '';
      const fd = 63 - fs.list(PROCESS_SUBST_DIR).length;
      await ctx.exec(args, '', { stdout: (s) => { out += s; }, stderr: io.stderr }, signal);
      fs.write(`${PROCESS_SUBST_DIR}/${fd}`, out);
      io.stdout(`${PROCESS_SUBST_DIR}/${fd}\n`);
      return 0;
    }
    case 'test': case '[':
      return test(name, args, io, ctx);
    case 'read':
      return read(args, input, io, ctx);
    case 'source': case '.': {
      const text = args[0] === undefined ? undefined : fs.read(args[0]);
      if (text === undefined) {
        io.stderr(args[0] === undefined ? `bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`
          : `bash: ${args[0]}: No such file or directory\n`);
        return args[0] === undefined ? 2 : 1;
      }
      // `source <(kubectl completion bash)`: the page completes kubectl words itself.
      if (/__start_kubectl|#compdef kubectl/.test(text)) return 0;
      return ctx.runText(text, stdin, io, signal);
    }
    case 'bash': case 'sh': {
      if (args[0] !== '-c') break;
      if (args[1] === undefined) { io.stderr(`${name}: -c: option requires an argument\n`); return 2; }
      return ctx.isolated(() => ctx.runText(args[1], stdin, io, signal));
    }
    case 'sleep': {
      const secs = args.reduce((sum, a) => sum + parseDuration(a), 0);
      if (!args.length || !Number.isFinite(secs)) {
        const bad = args.find((a) => !Number.isFinite(parseDuration(a)));
        io.stderr(args.length ? `sleep: invalid time interval ‘${bad}’\nTry 'sleep --help' for more information.\n` : `sleep: missing operand\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      try {
        await host.sleep(secs * 1000, signal);
      } catch {
        return 130;
      }
      return 0;
    }
    case 'timeout':
      return timeout(ctx, args, stdin, io, signal);
    case 'jobs':
      io.stdout(ctx.jobs.list());
      return 0;
    case 'kill':
      return kill(ctx, args, io);
    case 'fg':
      return fg(ctx, args, io, signal);
    case 'wait':
      for (const j of ctx.jobs.all()) await j.done;
      return 0;
    case 'which': {
      let code = 0;
      for (const a of args) {
        const path = commandPath(ctx, a);
        if (path) io.stdout(`${path}\n`); else code = 1;
      }
      return code;
    }
    case 'type': {
      let code = 0;
      for (const a of args) {
        const path = commandPath(ctx, a);
        if (ctx.aliases.has(a)) io.stdout(`${a} is aliased to \`${ctx.aliases.get(a)}'\n`);
        else if (SHELL_BUILTINS.has(a)) io.stdout(`${a} is a shell builtin\n`);
        else if (path) io.stdout(`${a} is ${path}\n`);
        else { io.stderr(`bash: type: ${a}: not found\n`); code = 1; }
      }
      return code;
    }
    case 'env': {
      // env NAME=value… COMMAND: the command sees the extra variables.
      let k = 0;
      const extra: [string, string][] = [];
      for (; k < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[k]); k++) extra.push([args[k].slice(0, args[k].indexOf('=')), args[k].slice(args[k].indexOf('=') + 1)]);
      if (k >= args.length) break;
      return ctx.isolated(async () => {
        for (const [n, v] of extra) { ctx.vars[n] = v; ctx.exported.add(n); }
        return ctx.exec(args.slice(k), stdin, io, signal);
      });
    }
    case 'xargs':
      return xargs(ctx, args, stdin, io, signal);
    case 'watch':
      return watch(ctx, args, io, signal);
  }
  const b = BUILTINS[name];
  if (b) return b(proc);
  const prog = host.programs?.[name];
  if (prog) return prog(proc);
  io.stderr(`bash: ${name}: command not found\n`);
  return 127;
}

/** sleep's NUMBER[SUFFIX]: s, m, h, d. */
function parseDuration(a: string): number {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
  if (!m) return NaN;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

function test(name: string, args: string[], io: ShellIO, ctx: ShellContext): number {
  if (name === '[') {
    if (args[args.length - 1] !== ']') { io.stderr("bash: [: missing `]'\n"); return 2; }
    args = args.slice(0, -1);
  }
  const fs = ctx.host.fs;
  // test's file primaries need only stat: the learner's files and directories.
  const view = {
    stat: (p: string) => (fs.isDir(p) ? { type: 'dir', size: 0, mode: 0o755 } : fs.read(p) !== undefined ? { type: 'file', size: fs.read(p)!.length, mode: 0o644 } : undefined),
    lstat: (p: string) => (fs.exists(p) ? { type: fs.isDir(p) ? 'dir' : 'file' } : undefined),
  } as unknown as ContainerFS;
  try {
    return evalTest(args, view, fs.cwd) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) { io.stderr(`bash: ${name}: ${e.message}\n`); return 2; }
    throw e;
  }
}

/** read [-r] [-p prompt] NAME…: one line from stdin (or the terminal), split on IFS. */
async function read(args: string[], stdin: Stdin, io: ShellIO, ctx: ShellContext): Promise<number> {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-p') io.stderr(args[++i] ?? '');
    else if (!args[i].startsWith('-')) names.push(args[i]);
  }
  let line: string | undefined;
  const nl = stdin.text.indexOf('\n');
  if (stdin.text) {
    // read takes one line and leaves the rest for the next reader (while read … done).
    line = nl < 0 ? stdin.text : stdin.text.slice(0, nl);
    stdin.text = nl < 0 ? '' : stdin.text.slice(nl + 1);
  } else if (io.readLine) line = await io.readLine();
  if (line === undefined) return 1;
  const targets = names.length ? names : ['REPLY'];
  const fields = line.trim().split(/[ \t]+/);
  targets.forEach((n, i) => {
    ctx.vars[n] = i === targets.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? '';
  });
  return 0;
}

/** kill [-SIG | -s SIG] %job|pid…: signals background jobs (their programs see an abort). */
async function kill(ctx: ShellContext, args: string[], io: ShellIO): Promise<number> {
  let sig: JobSignal = 'SIGTERM';
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const named = a === '-s' || a === '-n' ? args[++i] : /^-\w+$/.test(a) ? a.slice(1) : undefined;
    if (named !== undefined) {
      const s = parseKillSignal(named ?? '');
      if (!s) { io.stderr(`bash: kill: ${named}: invalid signal specification\n`); return 1; }
      sig = s;
    } else targets.push(a);
  }
  if (!targets.length) {
    io.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  let code = 0;
  for (const t of targets) {
    const job = ctx.jobs.find(t);
    if (!job) {
      io.stderr(t.startsWith('%') ? `bash: kill: ${t}: no such job\n` : /^\d+$/.test(t) ? `bash: kill: (${t}) - No such process\n`
        : `bash: kill: ${t}: arguments must be process or job IDs\n`);
      code = 1;
      continue;
    }
    job.ac.abort(sig);
    // The job ends within a moment; wait for it so bash's notice comes before the next prompt.
    await Promise.race([job.done, ctx.host.sleep(100).catch(() => undefined)]);
  }
  return code;
}

/** fg [%job]: the job runs in the foreground again (Ctrl-C reaches it). */
async function fg(ctx: ShellContext, args: string[], io: ShellIO, signal?: AbortSignal): Promise<number> {
  const spec = args[0] ?? '%%';
  const job = ctx.jobs.find(spec);
  if (!job) {
    io.stderr(args.length ? `bash: fg: ${spec}: no such job\n` : 'bash: fg: current: no such job\n');
    return 1;
  }
  io.stdout(`${job.text}\n`);
  ctx.jobs.remove(job);
  const onAbort = () => job.ac.abort('SIGINT');
  signal?.addEventListener('abort', onAbort, { once: true });
  const code = await job.done;
  signal?.removeEventListener('abort', onAbort);
  return code;
}

/** timeout DURATION COMMAND…: stops the command after a simulated delay (exit 124), as coreutils. */
async function timeout(ctx: ShellContext, args: string[], stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
  const secs = parseDuration(args[0] ?? '');
  if (args.length < 2 || !Number.isFinite(secs)) {
    io.stderr(args.length >= 2 ? `timeout: invalid time interval ‘${args[0]}’\nTry 'timeout --help' for more information.\n`
      : "Try 'timeout --help' for more information.\n");
    return 125;
  }
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = ctx.host.sleep(secs * 1000, ac.signal).then(() => { timedOut = true; ac.abort(); }, () => undefined);
  const code = await ctx.exec(args.slice(1), stdin, io, ac.signal).catch((e) => { if (e instanceof Interrupted) return 130; throw e; });
  ac.abort();
  await timer;
  signal?.removeEventListener('abort', onAbort);
  return timedOut ? 124 : code;
}

/** alias [NAME[=VALUE]…]: defines or shows aliases as `alias k='kubectl'`. */
function alias(ctx: ShellContext, args: string[], io: ShellIO): number {
  const show = (n: string) => io.stdout(`alias ${n}='${ctx.aliases.get(n)!.replace(/'/g, `'\\''`)}'\n`);
  if (!args.length || args[0] === '-p') {
    for (const n of [...ctx.aliases.keys()].sort()) show(n);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) ctx.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (ctx.aliases.has(a)) show(a);
    else { io.stderr(`bash: alias: ${a}: not found\n`); code = 1; }
  }
  return code;
}

/** [[ … ]]: == and != match a glob pattern, =~ a regex; the rest as test (no && or || inside). */
function doubleBracket(args: string[], io: ShellIO, ctx: ShellContext): number {
  if (args[args.length - 1] !== ']]') { io.stderr("bash: syntax error in conditional expression\n"); return 2; }
  const a = args.slice(0, -1);
  const negate = a[0] === '!';
  const e = negate ? a.slice(1) : a;
  let code: number;
  if (e.length === 3 && (e[1] === '==' || e[1] === '=' || e[1] === '!=')) code = Number(globRegex(e[2]).test(e[0]) === (e[1] === '!='));
  else if (e.length === 3 && e[1] === '=~') {
    try {
      code = Number(!new RegExp(e[2]).test(e[0]));
    } catch {
      return 2;
    }
  } else if (e.length === 1) code = Number(e[0] === '');
  else code = test('test', e, io, ctx);
  return code === 2 ? 2 : negate ? Number(!code) : code;
}

/** Where a command lives on the learner's machine: kubectl and minikube in /usr/local/bin, coreutils in /usr/bin. */
function commandPath(ctx: ShellContext, name: string): string | undefined {
  if (name === 'kubectl' || name === 'minikube') return `/usr/local/bin/${name}`;
  const external = BUILTINS[name] || ctx.host.programs?.[name] || ['sleep', 'timeout', 'xargs', 'watch', 'env', 'kill', 'test', '[', 'bash', 'sh'].includes(name);
  if (!external) return undefined;
  return `/usr/bin/${name}`;
}
