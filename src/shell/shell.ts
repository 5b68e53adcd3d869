// The learner's terminal shell (the machine kubectl and minikube run on): a small bash. It reads
// lines until a command is complete (quotes, $( ), if/for/while, heredocs), parses them with the
// POSIX grammar the container shells use, and runs lists, pipelines, loops and conditionals on the
// simulated clock. The same shell runs `kubesim script` transcripts and the browser terminal.
import type { KubectlEnv } from '../kubectl';
import type { AndOr, Command, List, Pipeline, Redirect, Word } from '../engine/runtime/shell/ast';
import { IncompleteInput, ShellSyntaxError, parseScript } from '../engine/runtime/shell/parser';
import { globRegex } from '../engine/runtime/shell/expand';
import { BreakLoop, ContinueLoop, ReturnFromFunction } from '../engine/runtime/shell/control';
import { BashExpansionError, expandString, expandWords, type ExpandEnv } from './expand';
import type { ProcIO } from './builtins';
import type { MemFS } from './memfs';
import { JobTable } from './jobs';
import { lineFilter, type LineFilter } from './stream-filter';
import { withRedirects } from './redirect';
import { execCommand, ExitShell, Interrupted, PROCESS_SUBST_DIR, type ShellContext } from './commands';
import { badSubstitution, bashRedirects, commandText, completeness, emptyListToken } from './syntax';

/** A program the host provides besides kubectl (minikube, curl …). */
export type Program = (io: ProcIO) => Promise<number>;

/** What the shell runs on. */
export interface ShellHost {
  fs: MemFS;
  /** The kubectl environment (API client, kubeconfig, clock), given the command's abort signal. */
  kubectlEnv(signal: AbortSignal | undefined): KubectlEnv;
  /** Waits `ms` of simulated time; rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Other programs by name. */
  programs?: Record<string, Program>;
  /** Where background jobs' output goes while no command runs (else it waits for the next command). */
  backgroundOutput?(s: string): void;
}

/** Output of a run. */
export interface ShellIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Lines the user types while a command runs (the terminal's input); undefined at end of input. */
  readLine?(o?: { raw?: boolean }): Promise<string | undefined>;
  /** A remote TTY session's Ctrl-C handler (see KubectlIO.onInterrupt). */
  onInterrupt?(handler: () => void): () => void;
}

/** A command's standard input: what is left of it (read takes a line at a time). */
export interface Stdin { text: string }

/** bash's own PID as $$ shows it (deterministic; background jobs count up from 4242). */
const SHELL_PID = '4200';
/** Loop turns between breathers: a loop that never sleeps still yields to the clock and to Ctrl-C. */
const LOOP_BREATHER = 500;

/** A shell session. */
export class Shell implements ShellContext {
  lastExit = 0;
  readonly vars: Record<string, string> = { HOME: '/home/learner', USER: 'learner', SHELL: '/bin/bash',
    PATH: '/usr/local/bin:/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8', HOSTNAME: 'kubesim' };
  /** Names `export` marked (env and printenv show them; programs see them). */
  readonly exported = new Set(['HOME', 'USER', 'SHELL', 'PATH', 'TERM', 'LANG', 'PWD']);
  private readonly functions = new Map<string, Command>();
  readonly aliases = new Map<string, string>();
  /** $RANDOM's generator (a fixed-seed LCG: the same session gives the same numbers). */
  private randomState = 4200;
  private positional: string[] = [];
  private substStatus: number | undefined;
  private loopTurns = 0;
  private buffer: string[] = [];
  /** While the buffer ends inside a heredoc body: the delimiters that could end it. */
  private pendingHeredoc: { delimiters: Set<string> } | undefined;

  /** Background jobs (`cmd &`). */
  readonly jobs = new JobTable();
  /** The terminals of the commands running now (the innermost last): where background output goes. */
  private foreground: ShellIO[] = [];
  private backgroundBuffer = '';

  constructor(readonly host: ShellHost) {}

  private backgroundOut(s: string): void {
    const io = this.foreground[this.foreground.length - 1];
    if (io) io.stdout(s);
    else if (this.host.backgroundOutput) this.host.backgroundOutput(s);
    else this.backgroundBuffer += s;
  }

  /** "$ " when ready for a command, "> " while a command is incomplete (open quote, loop or heredoc). */
  prompt(): string {
    return this.buffer.length ? '> ' : '$ ';
  }

  /**
   * Feeds one input line. Returns the complete command text once it is complete (heredoc bodies
   * included), or undefined while more lines are needed.
   */
  feed(line: string): string | undefined {
    this.buffer.push(line);
    // Inside a heredoc body only a delimiter line can end it; skipping the re-parse of the whole
    // buffer keeps a pasted manifest of many thousand lines linear instead of quadratic.
    const hd = this.pendingHeredoc;
    if (hd && !hd.delimiters.has(line) && !hd.delimiters.has(line.replace(/^\t+/, ''))) return undefined;
    const text = this.buffer.join('\n');
    const state = completeness(text);
    this.pendingHeredoc = state.heredocs ? { delimiters: state.heredocs } : undefined;
    if (!state.complete) return undefined;
    this.buffer = [];
    return text;
  }

  /** Drops a half-typed command (Ctrl-C at a "> " prompt). */
  cancelInput(): void {
    this.buffer = [];
    this.pendingHeredoc = undefined;
  }

  /** A variable's value ($?, $$, $#, $1 … included); undefined when unset. */
  get(name: string): string | undefined {
    if (name === '?') return String(this.lastExit);
    if (name === '$') return SHELL_PID;
    if (name === '#') return String(this.positional.length);
    if (name === '0') return 'bash';
    if (name === 'PWD') return this.host.fs.cwd;
    if (name === '!') return this.jobs.lastPid();
    if (/^[1-9]$/.test(name)) return this.positional[Number(name) - 1];
    if (name === 'RANDOM' && this.vars.RANDOM === undefined) {
      this.randomState = (this.randomState * 1103515245 + 12345) % 2147483648;
      return String(this.randomState % 32768);
    }
    return this.vars[name];
  }

  set(name: string, value: string): void {
    this.vars[name] = value;
  }

  /** Runs a complete command text (as returned by feed). Resolves to its exit code; never throws. */
  async run(text: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    if (this.backgroundBuffer) {
      io.stdout(this.backgroundBuffer);
      this.backgroundBuffer = '';
    }
    this.foreground.push(io);
    try {
      return (this.lastExit = await this.runText(text, '', io, signal));
    } finally {
      // <(cmd) files live as long as their command line.
      if (this.foreground.length === 1) this.closeProcessSubstitutions();
      if (this.foreground.length === 1 && this.jobs.all().length) await yieldToJobs();
      this.foreground.pop();
      // bash reports jobs that ended before it shows the next prompt.
      if (!this.foreground.length) io.stderr(this.jobs.notices());
    }
  }

  /** Parses and runs text; syntax and expansion errors are reported as interactive bash words them. */
  async runText(text: string, stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    let list: List;
    try {
      list = parseScript(bashRedirects(text));
      const empty = emptyListToken(list);
      if (empty) throw new ShellSyntaxError(empty, 1);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.stderr(e.token === 'bad substitution' ? `bash: ${badSubstitution(text)}: bad substitution\n`
          : `bash: syntax error near unexpected token \`${e.token === 'end of file' ? 'newline' : e.token}'\n`);
        return (this.lastExit = 2);
      }
      if (e instanceof IncompleteInput) {
        io.stderr('bash: syntax error: unexpected end of file\n');
        return (this.lastExit = 2);
      }
      throw e;
    }
    try {
      return await this.runList(list, { text: stdin }, io, signal);
    } catch (e) {
      if (e instanceof ExitShell) return (this.lastExit = e.code);
      if (e instanceof Interrupted) return (this.lastExit = 130);
      if (e instanceof BashExpansionError) {
        io.stderr(`bash: ${e.message}\n`);
        return (this.lastExit = 1);
      }
      if (e instanceof BreakLoop || e instanceof ContinueLoop || e instanceof ReturnFromFunction) return this.lastExit;
      io.stderr(`bash: ${(e as Error).message}\n`);
      return (this.lastExit = 1);
    }
  }

  private async runList(list: List, stdin: Stdin, io: ShellIO, signal?: AbortSignal): Promise<number> {
    let code = this.lastExit;
    for (const item of list.items) {
      if (item.background) {
        const text = item.cmd.first.cmds.map(commandText).join(' | ');
        const bgIO: ShellIO = { stdout: (s) => this.backgroundOut(s), stderr: (s) => this.backgroundOut(s) };
        this.jobs.start(text, (sig) => this.runAndOr(item.cmd, { text: '' }, bgIO, sig).catch(() => 1), (l) => io.stderr(l));
        // Let the job get going (its first lines, e.g. "Forwarding from …", show before the next prompt).
        await yieldToJobs();
        this.lastExit = code = 0;
        continue;
      }
      code = this.lastExit = await this.runAndOr(item.cmd, stdin, io, signal);
    }
    return code;
  }

  private async runAndOr(ao: AndOr, stdin: Stdin, io: ShellIO, signal?: AbortSignal): Promise<number> {
    let code = this.lastExit = await this.runPipeline(ao.first, stdin, io, signal);
    for (const { op, p } of ao.rest) {
      if ((op === '&&') === (code === 0)) code = this.lastExit = await this.runPipeline(p, stdin, io, signal);
    }
    return code;
  }

  // The commands of a pipeline run one after another, each reading what the previous one wrote.
  private async runPipeline(p: Pipeline, stdin: Stdin, io: ShellIO, signal?: AbortSignal): Promise<number> {
    let input = stdin;
    let code = 0;
    // With a streaming last command, the writers get their own signal: head closes the pipe early.
    const pipe = new AbortController();
    const onAbort = () => pipe.abort(signal?.reason);
    const filter = await this.streamingTail(p, io, signal, () => pipe.abort('SIGPIPE'));
    if (filter) signal?.addEventListener('abort', onAbort, { once: true });
    const n = filter ? p.cmds.length - 1 : p.cmds.length;
    for (let i = 0; i < n; i++) {
      const last = i === p.cmds.length - 1;
      let captured = '';
      const out = last ? io.stdout : filter && i === n - 1 ? (s: string) => filter.write(s) : (s: string) => { captured += s; };
      // Only the first command of a pipeline reads the terminal.
      code = await this.runCommand(p.cmds[i], input, { stdout: out, stderr: io.stderr, readLine: i === 0 ? io.readLine : undefined,
        onInterrupt: i === 0 ? io.onInterrupt : undefined },
        filter ? pipe.signal : signal, !last);
      input = { text: captured };
    }
    if (filter) {
      signal?.removeEventListener('abort', onAbort);
      code = filter.end();
    }
    // Ctrl-C ends the whole command line, loops included (bash sees its child die of SIGINT).
    if (signal?.aborted) throw new Interrupted();
    return p.negate ? Number(code === 0) : code;
  }

  /** The pipeline's last command as a line filter fed while the others run (grep after kubectl get -w). */
  private async streamingTail(p: Pipeline, io: ShellIO, signal: AbortSignal | undefined, closePipe: () => void): Promise<LineFilter | undefined> {
    const c = p.cmds[p.cmds.length - 1];
    if (p.cmds.length < 2 || c.t !== 'simple' || c.redirects.length || c.assigns.length || !c.words.length) return undefined;
    const name = c.words[0].raw;
    if (this.functions.has(name) || this.aliases.has(name) || !['grep', 'cut', 'tr', 'awk', 'sed', 'head'].includes(name)) return undefined;
    const argv = await expandWords(c.words, this.expandEnv(io, signal));
    return lineFilter(argv, io.stdout, io.stderr, this.host.fs, closePipe);
  }

  private async runCommand(c: Command, stdin: Stdin, io: ShellIO, signal: AbortSignal | undefined, piped = false): Promise<number> {
    if (c.t === 'simple') return this.runSimple(c, stdin, io, signal, piped);
    if (c.t === 'func') {
      this.functions.set(c.name, c.body);
      return 0;
    }
    return this.withRedirects(c.redirects, stdin, io, (input, rio) => this.runCompound(c, input, rio, signal));
  }

  private async runCompound(c: Exclude<Command, { t: 'simple' | 'func' }>, stdin: Stdin, io: ShellIO, signal?: AbortSignal): Promise<number> {
    switch (c.t) {
      case 'group': return this.runList(c.body, stdin, io, signal);
      case 'subshell': return this.isolated(() => this.runList(c.body, stdin, io, signal));
      case 'if': {
        for (const cl of c.clauses) {
          if ((await this.runList(cl.cond, stdin, io, signal)) === 0) return this.runList(cl.body, stdin, io, signal);
        }
        return c.else ? this.runList(c.else, stdin, io, signal) : 0;
      }
      case 'while': {
        let status = 0;
        for (;;) {
          await this.breather(signal);
          const cond = await this.runList(c.cond, stdin, io, signal);
          if ((cond === 0) === c.until) break;
          const r = await this.loopBody(c.body, stdin, io, signal);
          if (r === 'break') break;
          if (typeof r === 'number') status = r;
        }
        return status;
      }
      case 'for': {
        const items = c.items ? await expandWords(c.items, this.expandEnv(io, signal)) : [...this.positional];
        let status = 0;
        for (const v of items) {
          await this.breather(signal);
          this.vars[c.name] = v;
          const r = await this.loopBody(c.body, stdin, io, signal);
          if (r === 'break') break;
          if (typeof r === 'number') status = r;
        }
        return status;
      }
      case 'case': {
        const w = await expandString(c.word, this.expandEnv(io, signal));
        for (const item of c.items) {
          for (const p of item.patterns) {
            if (globRegex(await expandString(p, this.expandEnv(io, signal))).test(w)) return this.runList(item.body, stdin, io, signal);
          }
        }
        return 0;
      }
    }
  }

  /** One turn of a loop body: its status, or how break/continue left it. */
  private async loopBody(body: List, stdin: Stdin, io: ShellIO, signal?: AbortSignal): Promise<number | 'break' | 'continue'> {
    try {
      return await this.runList(body, stdin, io, signal);
    } catch (e) {
      if (e instanceof BreakLoop || e instanceof ContinueLoop) {
        if (e.n > 1) { e.n--; throw e; }
        return e instanceof BreakLoop ? 'break' : 'continue';
      }
      throw e;
    }
  }

  // `while true; do echo x; done` never waits on the clock: every few hundred turns it sleeps a
  // simulated millisecond so the page stays responsive and Ctrl-C reaches it.
  private async breather(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new Interrupted();
    if (++this.loopTurns % LOOP_BREATHER) return;
    await this.host.sleep(1, signal).catch(() => undefined);
    if (signal?.aborted) throw new Interrupted();
  }

  /** Runs with a copy of the variables and working directory, as a subshell or $( ) does. */
  async isolated<T>(fn: () => Promise<T>): Promise<T> {
    const vars = { ...this.vars };
    const exported = new Set(this.exported);
    const cwd = this.host.fs.cwd;
    const functions = new Map(this.functions);
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExitShell) return e.code as T;
      throw e;
    } finally {
      for (const k of Object.keys(this.vars)) delete this.vars[k];
      Object.assign(this.vars, vars);
      this.exported.clear();
      for (const k of exported) this.exported.add(k);
      this.host.fs.cwd = cwd;
      this.functions.clear();
      for (const [k, v] of functions) this.functions.set(k, v);
    }
  }

  /** The expansion environment; $( ) output is captured, its stderr goes to the terminal. */
  expandEnv(io: ShellIO, signal?: AbortSignal): ExpandEnv {
    return {
      get: (n) => this.get(n),
      set: (n, v) => this.set(n, v),
      positional: () => this.positional,
      fs: this.host.fs,
      subst: async (src) => {
        let out = '';
        const code = await this.isolated(() => this.runText(src, '', { stdout: (s) => { out += s; }, stderr: io.stderr }, signal));
        this.substStatus = code;
        if (signal?.aborted) throw new Interrupted();
        return out;
      },
    };
  }

  private async runSimple(c: Extract<Command, { t: 'simple' }>, stdin: Stdin, io: ShellIO, signal: AbortSignal | undefined, piped: boolean): Promise<number> {
    const env = this.expandEnv(io, signal);
    this.substStatus = undefined;
    const argv = await this.expandAlias(c.words, env);
    const assigns: [string, string][] = [];
    for (const a of c.assigns) assigns.push([a.name, await expandString(a.value, env)]);
    if (!argv.length) {
      for (const [k, v] of assigns) this.vars[k] = v;
      const code = await this.withRedirects(c.redirects, stdin, io, async () => 0);
      return code || (this.substStatus ?? 0);
    }
    // VAR=value cmd: the assignment holds for this command only.
    const saved = assigns.map(([k]) => [k, this.vars[k]] as const);
    for (const [k, v] of assigns) this.vars[k] = v;
    try {
      return await this.withRedirects(c.redirects, stdin, io, (input, rio) => this.callCommand(argv, input, rio, signal, piped));
    } finally {
      for (const [k, v] of saved) if (v === undefined) delete this.vars[k]; else this.vars[k] = v;
      if (argv[0] !== '__kubesim_psub') this.closeProcessSubstitutions();
    }
  }

  /** Drops the files of <(cmd) once the command that read them ended (bash closes the pipe). */
  private closeProcessSubstitutions(): void {
    for (const f of this.host.fs.list(PROCESS_SUBST_DIR)) this.host.fs.remove(`${PROCESS_SUBST_DIR}/${f}`);
  }

  /** The command's words with a leading alias replaced by its value's words (alias k=kubectl). */
  private async expandAlias(words: Word[], env: ExpandEnv): Promise<string[]> {
    const first = words[0];
    const value = first && first.parts.length === 1 && first.parts[0].t === 'lit' && !first.parts[0].quoted ? this.aliases.get(first.raw) : undefined;
    if (value === undefined) return expandWords(words, env);
    let head: Word[] = [];
    try {
      const item = parseScript(value).items[0];
      const cmd = item?.cmd.first.cmds[0];
      if (cmd?.t === 'simple') head = cmd.words;
    } catch {
      return expandWords(words, env);
    }
    return expandWords([...head, ...words.slice(1)], env);
  }

  private async callCommand(argv: string[], stdin: Stdin, io: ShellIO, signal: AbortSignal | undefined, piped: boolean): Promise<number> {
    const fn = this.functions.get(argv[0]);
    if (!fn) return execCommand(this, argv, stdin, io, signal, piped);
    const saved = this.positional;
    this.positional = argv.slice(1);
    try {
      return await this.runCommand(fn, stdin, io, signal);
    } catch (e) {
      if (e instanceof ReturnFromFunction) return e.code;
      throw e;
    } finally {
      this.positional = saved;
    }
  }

  /** Runs a command text as a command line of its own (xargs, watch, timeout re-enter here). */
  async exec(argv: string[], stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    return this.callCommand(argv, { text: stdin }, io, signal, false);
  }

  /** Applies redirections around fn (see redirect.ts). */
  private withRedirects(rs: Redirect[], stdin: Stdin, io: ShellIO, fn: (stdin: Stdin, io: ShellIO) => Promise<number>): Promise<number> {
    return withRedirects(rs, stdin, io, this.host.fs, this.expandEnv(io), fn);
  }

}

/** Lets background jobs run what they can without time passing (a few hundred microtask turns). */
async function yieldToJobs(): Promise<void> {
  for (let i = 0; i < 300; i++) await Promise.resolve();
}


