// Executes the shell's syntax tree (XCU 2.9): lists, and-or lists, pipelines, compound commands,
// functions, redirections, traps and `set -e`/`-u`/`-x`, running external programs as child
// processes of the container. Everything is a generator on the simulated clock.
import type { AndOr, Command, List, Pipeline, Redirect } from './ast';
import { ExpansionError, expandPattern, expandToString, expandWords, globRegex, type ExpandEnv } from './expand';
import { ArithError } from './arith';
import { IncompleteInput, ShellSyntaxError, parseScript } from './parser';
import type { Dialect, ErrorSite } from './dialect';
import { type Effect, ProcessExit, execInPlace, runChild } from '../process/effects';
import { Env, detachedSignals, stringStdin, type ProcCtx, type Stdin } from '../process/context';
import { resolvePath } from '../filesystem/image-tree';
import { parseSignal, SIGNAL_NUMBERS, type Signal } from '../process/signals';
import { BUILTINS, SPECIAL_BUILTINS } from './builtins';
import { BreakLoop, ContinueLoop, ReturnFromFunction } from './control';
import { applyRedirects } from './redirect';

type Gen<T> = Generator<Effect, T, unknown>;


/** Where a command reads and writes. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  stdin: Stdin;
}

interface Job { pid: number; wait: () => Gen<number> }

/** One shell process (or subshell): variables, functions, options, traps, jobs. */
export class Shell {
  vars = new Map<string, { v: string; x: boolean }>();
  funcs = new Map<string, Command>();
  positional: string[] = [];
  arg0: string;
  status = 0;
  lastBg = '';
  opts = { e: false, u: false, x: false };
  traps = new Map<string, string>();
  cwd: string;
  jobs: Job[] = [];
  line = 1;
  interactive = false;
  cmode = false;
  /** Depth of conditions (if/while tests, && || left sides): `set -e` does not fire inside them. */
  private condDepth = 0;
  loopDepth = 0;
  locals: Map<string, { v: string; x: boolean } | undefined>[] = [];
  /** Status of the last command substitution of the current command (an assignment-only command's status). */
  private substStatus: number | undefined;
  /** The last command of a `-c` script: run in place of the shell (exec), as ash, dash and bash do. */
  execTarget: Command | undefined;

  constructor(readonly ctx: ProcCtx, readonly dialect: Dialect) {
    this.arg0 = ctx.argv[0] ?? 'sh';
    this.cwd = ctx.cwd;
    for (const [k, v] of ctx.env.entries()) this.vars.set(k, { v, x: true });
    this.vars.set('PWD', { v: this.cwd, x: true });
    // ash and bash count nesting in SHLVL and export it; every shell exports PWD.
    if (dialect.kind !== 'dash') this.vars.set('SHLVL', { v: String(Number(ctx.env.get('SHLVL') ?? 0) + 1), x: true });
    this.vars.set('IFS', { v: ' \t\n', x: false });
    this.vars.set('PPID', { v: '0', x: false });
  }

  /** Error-message site of the current command. */
  site(): ErrorSite {
    return { arg0: this.arg0, line: this.line, interactive: this.interactive, cmode: this.cmode };
  }

  /** A subshell: a copy of this shell's state. */
  clone(): Shell {
    const s = new Shell(this.ctx, this.dialect);
    s.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    s.funcs = new Map(this.funcs);
    s.positional = [...this.positional];
    s.arg0 = this.arg0;
    s.status = this.status;
    s.opts = { ...this.opts };
    s.traps = new Map();
    s.cwd = this.cwd;
    s.line = this.line;
    s.interactive = false;
    s.cmode = this.cmode;
    return s;
  }

  get(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return String(this.ctx.pid);
      case '#': return String(this.positional.length);
      case '!': return this.lastBg;
      case '-': return `${this.opts.e ? 'e' : ''}${this.opts.u ? 'u' : ''}${this.opts.x ? 'x' : ''}${this.interactive ? 'i' : ''}`;
      case '0': return this.arg0;
      case '@': case '*': return this.positional.join(' ');
    }
    if (/^[1-9]$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name)?.v;
  }

  set(name: string, v: string, exported?: boolean): void {
    const cur = this.vars.get(name);
    this.vars.set(name, { v, x: exported ?? cur?.x ?? false });
    if (name === 'PWD') this.cwd = v;
  }

  /** The environment a child process gets: exported variables plus the command's assignments. */
  exportedEnv(assigns: [string, string][] = []): Env {
    const env = new Env();
    for (const [k, { v, x }] of this.vars) if (x) env.set(k, v);
    for (const [k, v] of assigns) env.set(k, v);
    return env;
  }

  /** The expander's view of this shell. */
  expandEnv(io: Io): ExpandEnv {
    return {
      get: (n) => this.get(n),
      set: (n, v) => this.set(n, v),
      positional: () => this.positional,
      subst: (src) => this.substitute(src, io),
      fs: this.ctx.sys.fs,
      cwd: this.cwd,
      home: () => this.get('HOME') ?? '/',
      nounset: this.opts.u,
    };
  }

  private *substitute(src: string, io: Io): Gen<string> {
    let out = '';
    const sub = this.clone();
    try {
      this.substStatus = yield* sub.runScript(src, { out: (s) => { out += s; }, err: io.err, stdin: io.stdin });
    } catch (e) {
      if (!(e instanceof ProcessExit)) throw e;
      this.substStatus = e.code;
    }
    return out;
  }

  /** Parses and runs a script text in this shell (eval, ., traps, -c). */
  *runScript(src: string, io: Io): Gen<number> {
    let list: List;
    try {
      list = parseScript(src);
    } catch (e) {
      return this.syntaxError(e, src, io);
    }
    return yield* this.runList(list, io);
  }

  /** Prints a parse error the way the dialect does; returns 2 (the shells' syntax error status). */
  syntaxError(e: unknown, src: string, io: Io): number {
    if (e instanceof IncompleteInput) {
      this.line = src.split('\n').length - (src.endsWith('\n') ? 1 : 0);
      const expecting = { if: 'fi', while: 'done', do: 'done', for: 'done', case: 'esac', '{': '}', '(': ')' }[e.message];
      io.err(this.dialect.syntax(this.site(), { eof: true, expecting }, ''));
      this.status = 2;
      if (!this.interactive) throw new ProcessExit(2);
      return 2;
    }
    if (e instanceof ShellSyntaxError) {
      this.line = e.line;
      io.err(this.dialect.syntax(this.site(), e, src.split('\n')[e.line - 1] ?? ''));
      this.status = 2;
      if (!this.interactive) throw new ProcessExit(2);
      return 2;
    }
    throw e;
  }

  *runList(list: List, io: Io): Gen<number> {
    for (const item of list.items) {
      if (item.background) {
        const snapshot = this.clone();
        const job = this.ctx.sys.spawn(() => (function* (): Gen<number> {
          try {
            return yield* snapshot.runAndOr(item.cmd, { ...io, stdin: stringStdin('') });
          } catch (e) {
            if (e instanceof ProcessExit) return e.code;
            throw e;
          }
        })());
        this.jobs.push(job);
        this.lastBg = String(job.pid);
        this.status = 0;
        continue;
      }
      this.status = yield* this.runAndOr(item.cmd, io);
    }
    return this.status;
  }

  /** `set -e` applies only to the last pipeline of an and-or list, and not to negated ones. */
  *runAndOr(a: AndOr, io: Io): Gen<number> {
    const n = a.rest.length;
    let status: number;
    let last = a.first;
    let lastIndex = 0;
    if (n) this.condDepth++;
    try { status = yield* this.runPipeline(a.first, io); } finally { if (n) this.condDepth--; }
    for (let i = 0; i < n; i++) {
      const { op, p } = a.rest[i];
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      const isLast = i === n - 1;
      if (!isLast) this.condDepth++;
      try { status = yield* this.runPipeline(p, io); } finally { if (!isLast) this.condDepth--; }
      last = p;
      lastIndex = i + 1;
    }
    this.status = status;
    if (this.opts.e && status !== 0 && this.condDepth === 0 && lastIndex === n && !last.negate) throw new ProcessExit(status);
    return status;
  }

  *runPipeline(p: Pipeline, io: Io): Gen<number> {
    let status: number;
    if (p.cmds.length === 1) {
      if (p.negate) this.condDepth++;
      try { status = yield* this.runCommand(p.cmds[0], io); } finally { if (p.negate) this.condDepth--; }
    } else {
      // Stages run one after another, each reading the previous one's whole output (no
      // concurrency: a stage that never ends, like `yes`, blocks the pipeline).
      let input = io.stdin;
      status = 0;
      for (let i = 0; i < p.cmds.length; i++) {
        const last = i === p.cmds.length - 1;
        let buf = '';
        const stageIo: Io = { out: last ? io.out : (s) => { buf += s; }, err: io.err, stdin: input };
        const sub = this.clone();
        try {
          status = yield* sub.runCommand(p.cmds[i], stageIo);
        } catch (e) {
          if (!(e instanceof ProcessExit)) throw e;
          status = e.code;
        }
        input = stringStdin(buf);
      }
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  *runCommand(c: Command, io: Io): Gen<number> {
    if (c.t === 'simple') return yield* this.runSimple(c, io);
    if (c.t === 'func') {
      this.funcs.set(c.name, c.body);
      return 0;
    }
    const rio = yield* this.redirect(c.redirects, io);
    if (!rio) return 1;
    switch (c.t) {
      case 'group': return yield* this.runList(c.body, rio);
      case 'subshell': {
        const sub = this.clone();
        try { return yield* sub.runList(c.body, rio); } catch (e) {
          if (e instanceof ProcessExit) return e.code;
          throw e;
        }
      }
      case 'if': {
        for (const cl of c.clauses) {
          this.condDepth++;
          let ok: number;
          try { ok = yield* this.runList(cl.cond, rio); } finally { this.condDepth--; }
          if (ok === 0) return yield* this.runList(cl.body, rio);
        }
        return c.else ? yield* this.runList(c.else, rio) : 0;
      }
      case 'while': {
        let status = 0;
        this.loopDepth++;
        try {
          for (;;) {
            yield* this.checkTraps(rio);
            this.condDepth++;
            let cond: number;
            try { cond = yield* this.runList(c.cond, rio); } finally { this.condDepth--; }
            if ((cond === 0) === c.until) break;
            try { status = yield* this.runList(c.body, rio); } catch (e) {
              if (e instanceof BreakLoop) { if (e.n > 1) { e.n--; throw e; } break; }
              if (e instanceof ContinueLoop) { if (e.n > 1) { e.n--; throw e; } continue; }
              throw e;
            }
          }
        } finally { this.loopDepth--; }
        return status;
      }
      case 'for': {
        const items = c.items ? yield* expandWords(c.items, this.expandEnv(rio)) : [...this.positional];
        let status = 0;
        this.loopDepth++;
        try {
          for (const v of items) {
            this.set(c.name, v);
            try { status = yield* this.runList(c.body, rio); } catch (e) {
              if (e instanceof BreakLoop) { if (e.n > 1) { e.n--; throw e; } break; }
              if (e instanceof ContinueLoop) { if (e.n > 1) { e.n--; throw e; } continue; }
              throw e;
            }
          }
        } finally { this.loopDepth--; }
        return status;
      }
      case 'case': {
        const w = yield* expandToString(c.word, this.expandEnv(rio));
        for (const item of c.items) {
          for (const p of item.patterns) {
            if (globRegex(yield* expandPattern(p, this.expandEnv(rio))).test(w)) return yield* this.runList(item.body, rio);
          }
        }
        return 0;
      }
    }
  }

  /** Runs pending traps for signals delivered since the last command (they wait for the foreground command). */
  *checkTraps(io: Io): Gen<void> {
    for (let sig = this.ctx.signals.pendingSignal(); sig; sig = this.ctx.signals.pendingSignal()) {
      yield* this.runTrap(sig, io);
    }
  }

  *runTrap(sig: Signal, io: Io): Gen<void> {
    const action = this.traps.get(sig);
    if (!action) return;
    const saved = this.status;
    yield* this.runScript(action, io);
    this.status = saved;
  }

  /** Applies redirections; undefined when one fails (the message is printed). */
  redirect(rs: Redirect[], io: Io): Gen<Io | undefined> {
    return applyRedirects(this, rs, io);
  }

  *runSimple(c: Extract<Command, { t: 'simple' }>, io: Io): Gen<number> {
    yield* this.checkTraps(io);
    this.line = c.line;
    const xenv = this.expandEnv(io);
    let argv: string[];
    const assigns: [string, string][] = [];
    this.substStatus = undefined;
    try {
      argv = yield* expandWords(c.words, xenv);
      for (const a of c.assigns) assigns.push([a.name, yield* expandToString(a.value, xenv)]);
    } catch (e) {
      if (e instanceof ExpansionError || e instanceof ArithError) {
        io.err(`${this.dialect.prefix(this.site())}${e.message}\n`);
        if (!this.interactive) throw new ProcessExit(e instanceof ArithError ? 2 : 1);
        return 1;
      }
      throw e;
    }
    const substStatus = this.substStatus ?? 0;
    const rio = yield* this.redirect(c.redirects, io);
    if (!rio) return this.dialect.kind === 'dash' ? 2 : 1;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.set(k, v);
      return substStatus;
    }
    if (this.opts.x) io.err(`+ ${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`);
    const name = argv[0];
    const special = SPECIAL_BUILTINS[name];
    if (special) {
      for (const [k, v] of assigns) this.set(k, v);
      return yield* special(this, argv, rio);
    }
    const fn = this.funcs.get(name);
    if (fn) return yield* this.callFunction(fn, argv, rio);
    const builtin = BUILTINS[name];
    if (builtin && !(this.dialect.kind === 'dash' && name === 'local' && this.locals.length === 0)) return yield* builtin(this, argv, rio);
    return yield* this.runExternal(argv, assigns, rio, c === this.execTarget && this.traps.size === 0 && this.jobs.length === 0);
  }

  *callFunction(body: Command, argv: string[], io: Io): Gen<number> {
    const saved = this.positional;
    this.positional = argv.slice(1);
    this.locals.push(new Map());
    try {
      return yield* this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnFromFunction) return e.code;
      throw e;
    } finally {
      const frame = this.locals.pop()!;
      for (const [k, v] of frame) if (v) this.vars.set(k, v); else this.vars.delete(k);
      this.positional = saved;
    }
  }

  /** Runs a program from the filesystem as a child (or in place of the shell, for `exec`). */
  *runExternal(argv: string[], assigns: [string, string][], io: Io, replace: boolean): Gen<number> {
    const sys = this.ctx.sys;
    const target = sys.findExecutable(argv[0], this.get('PATH'), this.cwd);
    if (!target) {
      const st = argv[0].includes('/') ? sys.fs.stat(resolvePath(this.cwd, argv[0])) : undefined;
      if (st) {
        io.err(this.dialect.kind === 'bash' && st.type === 'dir' ? `${this.dialect.prefix(this.site())}${argv[0]}: Is a directory\n`
          : this.dialect.permissionDenied(this.site(), argv[0]));
        return 126;
      }
      io.err(argv[0].includes('/') && this.dialect.kind === 'bash'
        ? `${this.dialect.prefix(this.site())}${argv[0]}: No such file or directory\n` : this.dialect.notFound(this.site(), argv[0]));
      return 127;
    }
    const child: ProcCtx = {
      argv, env: this.exportedEnv(assigns), cwd: this.cwd, stdin: io.stdin, out: io.out, err: io.err, tty: this.ctx.tty,
      pid: replace ? this.ctx.pid : sys.newPid(), sys, signals: replace ? this.ctx.signals : detachedSignals(),
    };
    // `exec cmd`, or the last command of `sh -c`: the program replaces the shell when the shell leads its process.
    if (replace && this.ctx.leader && this.traps.size === 0) return yield* execInPlace(sys.runProgram(target, { ...child, leader: true }));
    const code = yield* runChild(sys.runProgram(target, child));
    if (!replace) sys.release(child.pid);
    return code;
  }

  /** Delivers `kill` from the shell: to a job, or to any process of the container. */
  kill(pid: number, sig: Signal): boolean {
    return this.ctx.sys.kill(pid, sig);
  }

  /** The number of a signal name, for `kill -l` and exit statuses. */
  static signalNumber(name: string): number | undefined {
    const s = parseSignal(name);
    return s ? SIGNAL_NUMBERS[s] : undefined;
  }
}

