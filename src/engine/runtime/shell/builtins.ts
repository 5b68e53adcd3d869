// The shell's built-in commands (XCU 2.14 special built-ins, and the regular built-ins ash, dash
// and bash all provide: cd, echo, printf, test, read, wait, kill, type, local …).
import type { Effect } from '../process/effects';
import { ProcessExit } from '../process/effects';
import { resolvePath } from '../filesystem/image-tree';
import { parseSignal, SIGNAL_NUMBERS, type Signal } from '../process/signals';
import { evalArith } from './arith';
import { TestError, evalTest } from './test-expr';
import { formatPrintf, unescapeEcho } from './printf';
import type { Io, Shell } from './interpreter';
import { BreakLoop, ContinueLoop, ReturnFromFunction } from './control';

type Gen<T> = Generator<Effect, T, unknown>;
/** A built-in: runs in the shell process itself. */
export type Builtin = (sh: Shell, argv: string[], io: Io) => Gen<number>;

const quote = (v: string) => `'${v.replace(/'/g, `'"'"'`)}'`;

function* exitBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  // bash's exit_builtin says "exit" on stderr when it leaves an interactive shell (ash and dash do not).
  if (sh.interactive && sh.dialect.kind === 'bash') io.err('exit\n');
  const code = argv[1] === undefined ? sh.status : Number(argv[1]) & 255;
  throw new ProcessExit(Number.isNaN(code) ? 2 : code);
}

function* setBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  if (argv.length === 1) {
    for (const [k, { v }] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.out(`${k}=${quote(v)}\n`);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { sh.positional = argv.slice(i + 1); return 0; }
    if (a === '-o' || a === '+o') { i++; const on = a === '-o'; if (argv[i] === 'errexit') sh.opts.e = on; else if (argv[i] === 'nounset') sh.opts.u = on; else if (argv[i] === 'xtrace') sh.opts.x = on; continue; }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      for (const f of a.slice(1)) {
        if (f === 'e') sh.opts.e = on;
        else if (f === 'u') sh.opts.u = on;
        else if (f === 'x') sh.opts.x = on;
      }
      continue;
    }
    sh.positional = argv.slice(i);
    return 0;
  }
  return 0;
}

function* exportBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  const args = argv.slice(1).filter((a) => a !== '-n');
  if (args.length === 0 || args[0] === '-p') {
    for (const [k, { v, x }] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (x) io.out(sh.dialect.kind === 'bash' ? `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n` : `export ${k}=${quote(v)}\n`);
    }
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.set(a.slice(0, eq), a.slice(eq + 1), true);
    else {
      const cur = sh.vars.get(a);
      sh.vars.set(a, { v: cur?.v ?? '', x: true });
      if (!cur) sh.vars.set(a, { v: '', x: true });
    }
  }
  return 0;
}

function* trapBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  if (argv.length === 1) {
    for (const [sig, action] of sh.traps) io.out(`trap -- ${quote(action)} ${sig === 'EXIT' ? 'EXIT' : sig.slice(3)}\n`);
    return 0;
  }
  let action: string | undefined = argv[1];
  let sigs = argv.slice(2);
  if (/^\d+$/.test(action) || (argv.length === 2)) { sigs = argv.slice(1); action = '-'; }
  for (const s of sigs) {
    const name = s === '0' || s.toUpperCase() === 'EXIT' ? 'EXIT' : parseSignal(s);
    if (!name) {
      io.err(`${sh.dialect.prefix(sh.site())}trap: ${s}: bad trap\n`);
      return 1;
    }
    if (action === '-') sh.traps.delete(name);
    else sh.traps.set(name, action);
    if (name !== 'EXIT') {
      sh.ctx.signals.resetSignals();
      sh.ctx.signals.catchSignals([...sh.traps.keys()].filter((k) => k !== 'EXIT') as Signal[]);
    }
  }
  return 0;
}

function* waitBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  const wanted = argv.slice(1).map(Number);
  let status = 0;
  for (const job of [...sh.jobs]) {
    if (wanted.length && !wanted.includes(job.pid)) continue;
    // A trapped signal interrupts `wait` (its status is 128+n and the trap runs at once).
    let result: number | undefined;
    const gen = job.wait();
    const first = gen.next();
    if (first.done) result = first.value;
    else {
      const eff = first.value;
      const r = yield* sh.ctx.signals.raceSignal<number>((resume) => (eff.kind === 'wait' ? eff.start((v) => resume(v as number)) : undefined));
      if ('signal' in r) {
        yield* sh.runTrap(r.signal, io);
        return 128 + SIGNAL_NUMBERS[r.signal];
      }
      result = r.value;
    }
    status = result;
    sh.jobs = sh.jobs.filter((j) => j !== job);
  }
  return status;
}

function* cdBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  let dir = argv[1] ?? sh.get('HOME') ?? '/';
  if (dir === '-') { dir = sh.get('OLDPWD') ?? sh.cwd; io.out(`${dir}\n`); }
  const path = resolvePath(sh.cwd, dir);
  const st = sh.ctx.sys.fs.stat(path);
  if (!st || st.type !== 'dir') {
    io.err(sh.dialect.cdFailed(sh.site(), dir, st ? 'Not a directory' : 'No such file or directory'));
    return sh.dialect.kind === 'dash' ? 2 : 1;
  }
  sh.set('OLDPWD', sh.cwd);
  sh.cwd = path;
  sh.set('PWD', path);
  return 0;
}

function* readBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '-r') raw = true;
    else if (argv[i] === '-p') io.err(argv[++i] ?? '');
    else names.push(argv[i]);
  }
  if (names.length === 0) names.push('REPLY');
  const line = yield* io.stdin.readLine();
  if (line === undefined) return 1;
  const text = raw ? line : line.replace(/\\(.)/g, '$1');
  const fields = text.trim().split(/[ \t]+/);
  names.forEach((n, i) => sh.set(n, i === names.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? ''));
  return 0;
}

function* killBuiltin(sh: Shell, argv: string[], io: Io): Gen<number> {
  let sig: Signal = 'SIGTERM';
  let i = 1;
  if (argv[1] === '-l') {
    io.out(`${Object.keys(SIGNAL_NUMBERS).map((s) => s.slice(3)).join(' ')}\n`);
    return 0;
  }
  if (argv[1] === '-s') { sig = parseSignal(argv[2] ?? '') ?? sig; i = 3; } else if (argv[1]?.startsWith('-')) { sig = parseSignal(argv[1].slice(1)) ?? sig; i = 2; }
  let status = 0;
  for (; i < argv.length; i++) {
    const pid = Number(argv[i]);
    if (!sh.kill(pid, sig)) {
      io.err(`${sh.dialect.prefix(sh.site())}kill: ${sh.dialect.kind === 'bash' ? `(${argv[i]}) - No such process` : `can't kill pid ${argv[i]}: No such process`}\n`);
      status = 1;
    }
  }
  return status;
}

function* typeBuiltin(sh: Shell, argv: string[], io: Io, verbose: boolean): Gen<number> {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (sh.funcs.has(name)) io.out(verbose ? `${name} is a function\n` : `${name}\n`);
    else if (SPECIAL_BUILTINS[name] || BUILTINS[name]) io.out(verbose ? `${name} is a ${SPECIAL_BUILTINS[name] ? 'special ' : ''}shell builtin\n` : `${name}\n`);
    else {
      const t = sh.ctx.sys.findExecutable(name, sh.get('PATH'), sh.cwd);
      if (t) io.out(verbose ? `${name} is ${t.path}\n` : `${t.path}\n`);
      else {
        if (verbose) io.err(`${sh.dialect.kind === 'bash' ? `${sh.dialect.prefix(sh.site())}type: ${name}: not found` : `${name}: not found`}\n`);
        status = 1;
      }
    }
  }
  return status;
}

/** Special built-ins: assignments before them persist; errors in them end a non-interactive shell. */
export const SPECIAL_BUILTINS: Record<string, Builtin> = {
  ':': function* () { return 0; },
  exit: exitBuiltin,
  set: setBuiltin,
  export: exportBuiltin,
  readonly: exportBuiltin,
  trap: trapBuiltin,
  unset: function* (sh, argv) {
    const fn = argv[1] === '-f';
    for (const n of argv.slice(1).filter((a) => !a.startsWith('-'))) { if (fn) sh.funcs.delete(n); else sh.vars.delete(n); }
    return 0;
  },
  shift: function* (sh, argv) {
    const n = Number(argv[1] ?? 1);
    if (n > sh.positional.length) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  eval: function* (sh, argv, io) { return yield* sh.runScript(argv.slice(1).join(' '), io); },
  '.': function* (sh, argv, io) {
    const file = argv[1];
    const content = file ? sh.ctx.sys.fs.read(resolvePath(sh.cwd, file)) : undefined;
    if (typeof content !== 'string') {
      io.err(`${sh.dialect.prefix(sh.site())}.: ${sh.dialect.kind === 'bash' ? `${file}: No such file or directory` : `can't open '${file}': No such file or directory`}\n`);
      if (!sh.interactive) throw new ProcessExit(sh.dialect.kind === 'bash' ? 1 : 2);
      return 1;
    }
    return yield* sh.runScript(content, io);
  },
  exec: function* (sh, argv, io) {
    if (argv.length === 1) return 0;
    throw new ProcessExit(yield* sh.runExternal(argv.slice(1), [], io, true));
  },
  return: function* (sh, argv) { throw new ReturnFromFunction(argv[1] === undefined ? sh.status : Number(argv[1]) & 255); },
  break: function* (_sh, argv) { throw new BreakLoop(Number(argv[1] ?? 1)); },
  continue: function* (_sh, argv) { throw new ContinueLoop(Number(argv[1] ?? 1)); },
};

/** Regular built-ins. */
export const BUILTINS: Record<string, Builtin> = {
  true: function* () { return 0; },
  false: function* () { return 1; },
  cd: cdBuiltin,
  pwd: function* (sh, _argv, io) { io.out(`${sh.cwd}\n`); return 0; },
  echo: function* (sh, argv, io) {
    let args = argv.slice(1);
    let newline = true;
    let escapes = sh.dialect.kind === 'dash';
    while (args.length && /^-[neE]+$/.test(args[0]) && !(sh.dialect.kind === 'dash' && args[0] !== '-n')) {
      for (const f of args[0].slice(1)) { if (f === 'n') newline = false; else if (f === 'e') escapes = true; else if (f === 'E') escapes = false; }
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (escapes) {
      const r = unescapeEcho(text);
      text = r.text;
      if (r.stop) newline = false;
    }
    io.out(newline ? `${text}\n` : text);
    return 0;
  },
  printf: function* (_sh, argv, io) {
    if (argv.length < 2) { io.err('printf: usage: printf format [arguments]\n'); return 2; }
    io.out(formatPrintf(argv[1], argv.slice(2)));
    return 0;
  },
  test: function* (sh, argv, io) { return testCommand(sh, argv.slice(1), io, 'test'); },
  '[': function* (sh, argv, io) {
    if (argv[argv.length - 1] !== ']') { io.err(`${sh.dialect.kind === 'bash' ? `${sh.dialect.prefix(sh.site())}[` : '[' }: missing ]\n`); return 2; }
    return testCommand(sh, argv.slice(1, -1), io, '[');
  },
  read: readBuiltin,
  wait: waitBuiltin,
  kill: killBuiltin,
  type: function* (sh, argv, io) { return yield* typeBuiltin(sh, argv, io, true); },
  command: function* (sh, argv, io) {
    if (argv[1] === '-v' || argv[1] === '-V') return yield* typeBuiltin(sh, argv.slice(1), io, argv[1] === '-V');
    return yield* sh.runExternal(argv.slice(1), [], io, false);
  },
  local: function* (sh, argv) {
    const frame = sh.locals[sh.locals.length - 1];
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (frame && !frame.has(name)) frame.set(name, sh.vars.get(name) ? { ...sh.vars.get(name)! } : undefined);
      sh.set(name, eq > 0 ? a.slice(eq + 1) : sh.get(name) ?? '');
    }
    return 0;
  },
  let: function* (sh, argv, io) {
    let v = 0;
    try {
      for (const e of argv.slice(1)) v = evalArith(e, { get: (n) => sh.get(n), set: (n, x) => sh.set(n, x) });
    } catch (e) {
      io.err(`${sh.dialect.prefix(sh.site())}let: ${(e as Error).message}\n`);
      return 1;
    }
    return v === 0 ? 1 : 0;
  },
  alias: function* () { return 0; },
  unalias: function* () { return 0; },
  hash: function* () { return 0; },
  umask: function* (_sh, argv, io) { if (argv.length === 1) io.out('0022\n'); return 0; },
  ulimit: function* (_sh, _argv, io) { io.out('unlimited\n'); return 0; },
  jobs: function* (sh, _argv, io) { sh.jobs.forEach((j, i) => io.out(`[${i + 1}]+  Running\n`)); return 0; },
};
BUILTINS.source = SPECIAL_BUILTINS['.'];

function testCommand(sh: Shell, args: string[], io: Io, name: string): number {
  try {
    return evalTest(args, sh.ctx.sys.fs, sh.cwd) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    io.err(`${sh.dialect.kind === 'ash' ? `${sh.arg0}: ` : sh.dialect.prefix(sh.site())}${name}: ${e.message}\n`);
    return 2;
  }
}
