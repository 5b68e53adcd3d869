// System utilities: date, sleep, hostname, id, whoami, uname, env, printenv, ps, nproc, free,
// uptime, echo, printf, test, true, false, pwd, kill, which, timeout, nohup.
import type { Program, ProcCtx } from '../../process/context';
import { sleep, waitForever, withTimeout } from '../../process/effects';
import { parseSignal } from '../../process/signals';
import { dateCommand } from '../../util/time-format';
import { formatPrintf, unescapeEcho } from '../../shell/printf';
import { TestError, evalTest } from '../../shell/test-expr';
import { flavor, parseArgs, progName } from './common';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime(3) for the conversions `date +FORMAT` scripts use (UTC). */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear(), m = d.getUTCMonth(), D = d.getUTCDate(), H = d.getUTCHours(), M = d.getUTCMinutes(), S = d.getUTCSeconds();
  const start = Date.UTC(Y, 0, 1);
  return fmt.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case 'Y': return String(Y);
      case 'y': return p2(Y % 100);
      case 'm': return p2(m + 1);
      case 'd': return p2(D);
      case 'e': return String(D).padStart(2, ' ');
      case 'H': return p2(H);
      case 'I': return p2(H % 12 || 12);
      case 'M': return p2(M);
      case 'S': return p2(S);
      case 'N': return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
      case 's': return String(Math.floor(ms / 1000));
      case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
      case 'A': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[m].slice(0, 3);
      case 'B': return MONTHS[m];
      case 'p': return H < 12 ? 'AM' : 'PM';
      case 'j': return String(Math.floor((Date.UTC(Y, m, D) - start) / 86_400_000) + 1).padStart(3, '0');
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'T': return `${p2(H)}:${p2(M)}:${p2(S)}`;
      case 'R': return `${p2(H)}:${p2(M)}`;
      case 'D': return `${p2(m + 1)}/${p2(D)}/${p2(Y % 100)}`;
      case 'F': return `${Y}-${p2(m + 1)}-${p2(D)}`;
      case 'c': return dateCommand(ms).replace(' UTC', '');
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

const date: Program = function* (ctx) {
  let t = ctx.sys.clock.now();
  let fmt: string | undefined;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('+')) fmt = a.slice(1);
    else if (a === '-u' || a === '--utc') continue;
    else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S +0000';
    else if (a === '-I' || a === '--iso-8601' || a === '-Idate') fmt = '%Y-%m-%d';
    else if (a === '-Iseconds' || a === '--iso-8601=seconds') fmt = '%Y-%m-%dT%H:%M:%S+00:00';
    else if (a === '--rfc-3339=seconds') fmt = '%Y-%m-%d %H:%M:%S+00:00';
    else if (a === '-d' || a === '--date') {
      const v = args[++i] ?? '';
      if (v.startsWith('@')) t = Number(v.slice(1)) * 1000;
      else {
        ctx.err(flavor(ctx) === 'busybox' ? `date: invalid date '${v}'\n` : `date: invalid date '${v}'\n`);
        return 1;
      }
    } else {
      ctx.err(flavor(ctx) === 'busybox' ? `date: invalid date '${a}'\n` : `date: invalid date '${a}'\n`);
      return 1;
    }
  }
  ctx.out(`${fmt === undefined ? dateCommand(t) : strftime(fmt, t)}\n`);
  return 0;
};

/** sleep's operand in seconds ("5", "1.5", "2m", "infinity"), or undefined if invalid. */
export function parseDuration(s: string): number | undefined {
  if (s === 'inf' || s === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

const sleepProgram: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.err(flavor(ctx) === 'busybox' ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n'
      : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const s = parseDuration(a);
    if (s === undefined) {
      ctx.err(flavor(ctx) === 'busybox' ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += s;
  }
  ctx.sys.setMemory(ctx.pid, 80 * 1024);
  if (total === Infinity) return yield* waitForever();
  yield* sleep(Math.round(total * 1000));
  return 0;
};

const envProgram: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const env = ctx.env.clone();
  let i = 0;
  if (args[0] === '-i' || args[0] === '-') { for (const [k] of env.entries()) env.delete(k); i++; }
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    env.set(args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  if (i >= args.length) {
    ctx.out(env.entries().map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const target = ctx.sys.findExecutable(args[i], env.get('PATH'), ctx.cwd);
  if (!target) {
    ctx.err(flavor(ctx) === 'busybox' ? `env: can't execute '${args[i]}': No such file or directory\n` : `env: '${args[i]}': No such file or directory\n`);
    return 127;
  }
  return yield* ctx.sys.runProgram(target, { ...ctx, argv: args.slice(i), env });
};

const printenv: Program = function* (ctx) {
  const names = ctx.argv.slice(1);
  if (names.length === 0) { ctx.out(ctx.env.entries().map(([k, v]) => `${k}=${v}\n`).join('')); return 0; }
  let status = 0;
  for (const n of names) {
    const v = ctx.env.get(n);
    if (v === undefined) status = 1;
    else ctx.out(`${v}\n`);
  }
  return status;
};

const ps: Program = function* (ctx) {
  if (flavor(ctx) !== 'busybox') {
    // procps: only images that install it have a ps at all.
    ctx.out('    PID TTY          TIME CMD\n');
    for (const p of ctx.sys.processes()) ctx.out(`${String(p.pid).padStart(7)} ?        00:00:00 ${p.argv[0]?.split('/').pop()}\n`);
    ctx.out(`${String(ctx.pid).padStart(7)} ?        00:00:00 ps\n`);
    return 0;
  }
  ctx.out('PID   USER     TIME  COMMAND\n');
  const now = ctx.sys.clock.now();
  const ns = ctx.sys.namespaceProcesses?.();
  const rows = [...(ns?.pids ?? ctx.sys.processes()), { pid: ns ? ns.ownPid(ctx.pid) : ctx.pid, argv: ctx.argv, startedAt: now }];
  const seen = new Set<number>();
  for (const p of rows.sort((a, b) => a.pid - b.pid)) {
    if (seen.has(p.pid)) continue;
    seen.add(p.pid);
    ctx.out(`${String(p.pid).padStart(5)} ${((p as { user?: string }).user ?? 'root').padEnd(8)}  0:00 ${p.argv.join(' ')}\n`);
  }
  return 0;
};

const uname: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const node = ctx.sys.node;
  const version = '#1 SMP PREEMPT_DYNAMIC Thu Dec 12 12:00:00 UTC 2024';
  const fields: string[] = [];
  const all = o.flags.has('a');
  if (all || o.flags.has('s') || o.flags.size === 0) fields.push('Linux');
  if (all || o.flags.has('n')) fields.push(ctx.sys.hostname);
  if (all || o.flags.has('r')) fields.push(node.kernel);
  if (all || o.flags.has('v')) fields.push(version);
  if (all || o.flags.has('m')) fields.push('x86_64');
  if (all || o.flags.has('o')) fields.push('GNU/Linux');
  ctx.out(`${fields.join(' ')}\n`);
  return 0;
};

const free: Program = function* (ctx) {
  const total = Math.floor(ctx.sys.node.memoryBytes / 1024);
  const used = Math.floor(total * 0.31), shared = 3_412, cache = Math.floor(total * 0.42);
  const freeK = total - used - cache;
  const f = (n: number) => String(n).padStart(11);
  ctx.out(`              total        used        free      shared  buff/cache   available\nMem:  ${f(total)} ${f(used)} ${f(freeK)} ${f(shared)} ${f(cache)} ${f(total - used)}\nSwap: ${f(0)} ${f(0)} ${f(0)}\n`);
  return 0;
};

const timeout: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['s', 'k']);
  const secs = parseDuration(o.operands[0] ?? '');
  const cmd = o.operands.slice(1);
  if (secs === undefined || cmd.length === 0) { ctx.err(`timeout: invalid time interval '${o.operands[0] ?? ''}'\n`); return 125; }
  const target = ctx.sys.findExecutable(cmd[0], ctx.env.get('PATH'), ctx.cwd);
  if (!target) { ctx.err(`timeout: failed to run command '${cmd[0]}': No such file or directory\n`); return 127; }
  const job = ctx.sys.spawn((pid) => ctx.sys.runProgram(target, { ...ctx, argv: cmd, pid }), cmd);
  const r = yield* withTimeout(job.wait(), secs * 1000, (ms, fn) => ctx.sys.clock.after(ms, fn));
  if ('value' in r) return r.value;
  ctx.sys.kill(job.pid, parseSignal(o.values.get('s') ?? 'TERM') ?? 'SIGTERM');
  return 124;
};

const which: Program = function* (ctx) {
  let status = 0;
  for (const n of ctx.argv.slice(1)) {
    const t = ctx.sys.findExecutable(n, ctx.env.get('PATH'), ctx.cwd);
    if (t) ctx.out(`${t.path}\n`);
    else status = 1;
  }
  return status;
};

const echo: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  let nl = true;
  let esc = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) { if (f === 'n') nl = false; if (f === 'e') esc = true; if (f === 'E') esc = false; }
    args = args.slice(1);
  }
  let t = args.join(' ');
  if (esc) { const r = unescapeEcho(t); t = r.text; if (r.stop) nl = false; }
  ctx.out(nl ? `${t}\n` : t);
  return 0;
};

const test: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  if (progName(ctx) === '[') {
    if (args[args.length - 1] !== ']') { ctx.err('[: missing ]\n'); return 2; }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(args, ctx.sys.fs, ctx.cwd) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.err(`${progName(ctx)}: ${e.message}\n`);
    return 2;
  }
};

const idProgram = (ctx: ProcCtx): string => {
  const f = ctx.sys.image.os.flavor;
  if (f === 'alpine') return 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)';
  if (f === 'busybox') return 'uid=0(root) gid=0(root) groups=0(root),10(wheel)';
  return 'uid=0(root) gid=0(root) groups=0(root)';
};

const uptime: Program = function* (ctx) {
  const now = ctx.sys.clock.now();
  const up = Math.max(60_000, now - (ctx.sys.processes()[0]?.startedAt ?? now) + 180_000);
  const mins = Math.floor(up / 60_000);
  const upText = mins < 60 ? `${mins} min` : `${Math.floor(mins / 60)}:${p2(mins % 60)}`;
  ctx.out(` ${strftime('%H:%M:%S', now)} up ${upText},  0 users,  load average: 0.18, 0.21, 0.19\n`);
  return 0;
};

const constant = (text: (ctx: ProcCtx) => string, code = 0): Program => function* (ctx) { ctx.out(text(ctx)); return code; };

/** The system utilities by program id. */
export const SYSTEM_UTILS: Record<string, Program> = {
  date, sleep: sleepProgram, env: envProgram, printenv, ps, uname, free, timeout, which, echo, test, '[': test, '[[': test, uptime,
  printf: function* (ctx) { ctx.out(formatPrintf(ctx.argv[1] ?? '', ctx.argv.slice(2))); return 0; },
  hostname: function* (ctx) { ctx.out(`${ctx.argv[1] === '-i' || ctx.argv[1] === '-I' ? ctx.sys.podIP : ctx.sys.hostname}\n`); return 0; },
  id: constant((ctx) => `${idProgram(ctx)}\n`),
  whoami: constant(() => 'root\n'),
  logname: constant(() => 'logname: no login name\n', 1),
  nproc: constant((ctx) => `${ctx.sys.node.cpus}\n`),
  pwd: constant((ctx) => `${ctx.cwd}\n`),
  true: constant(() => ''),
  false: constant(() => '', 1),
  sync: constant(() => ''),
  clear: constant(() => '\x1b[H\x1b[J'),
  tty: constant(() => 'not a tty\n', 1),
  arch: constant(() => 'x86_64\n'),
  nologin: constant(() => 'This account is currently not available.\n', 1),
  nohup: function* (ctx) {
    const t = ctx.sys.findExecutable(ctx.argv[1] ?? '', ctx.env.get('PATH'), ctx.cwd);
    if (!t) { ctx.err(`nohup: failed to run command '${ctx.argv[1] ?? ''}': No such file or directory\n`); return 127; }
    return yield* ctx.sys.runProgram(t, { ...ctx, argv: ctx.argv.slice(1) });
  },
  kill: function* (ctx) {
    let sig = parseSignal('TERM')!;
    const args = ctx.argv.slice(1);
    if (args[0] === '-l') { ctx.out('HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM\n'); return 0; }
    if (args[0]?.startsWith('-')) sig = parseSignal(args.shift()!.slice(1).replace(/^s$/, args.shift() ?? '')) ?? sig;
    let status = 0;
    for (const a of args) if (!ctx.sys.kill(Number(a), sig)) { ctx.err(`kill: can't kill pid ${a}: No such process\n`); status = 1; }
    return status;
  },
};
