// The learner's terminal shell (the machine kubectl and minikube run on): reads lines, collects
// heredocs, runs pipelines of builtins, kubectl and other programs, keeps $?. The same shell runs
// `kubesim script` transcripts and the browser terminal.
import { runKubectl } from '../kubectl';
import type { KubectlEnv } from '../kubectl';
import { tokenize, IncompleteInput, ShellSyntaxError, type Token } from './tokenize';
import { BUILTINS, type ProcIO } from './builtins';
import type { MemFS } from './memfs';
import { JobTable, parseKillSignal, showWord, type JobSignal } from './jobs';

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
  readLine?(): Promise<string | undefined>;
}

interface SimpleCommand {
  words: string[];
  redirects: Extract<Token, { kind: 'redirect' }>[];
  heredoc?: string;
}

type ListItem = { pipeline: SimpleCommand[]; op: ';' | '&&' | '||' | '&' };

/** Thrown by `exit`. */
class ExitShell extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}

/** A shell session. */
export class Shell {
  lastExit = 0;
  readonly vars: Record<string, string> = { HOME: '/home/learner', USER: 'learner', SHELL: '/bin/bash' };
  private buffer: string[] = [];
  /** Set while the buffer ends inside a heredoc body: only its delimiter line can complete it. */
  private pendingHeredoc: { delimiter: string; stripTabs: boolean } | undefined;

  /** Background jobs (`cmd &`). */
  readonly jobs = new JobTable();
  /** The terminals of the commands running now (the innermost last): where background output goes. */
  private foreground: ShellIO[] = [];
  private backgroundBuffer = '';

  constructor(private readonly host: ShellHost) {}

  private backgroundOut(s: string): void {
    const io = this.foreground[this.foreground.length - 1];
    if (io) io.stdout(s);
    else if (this.host.backgroundOutput) this.host.backgroundOutput(s);
    else this.backgroundBuffer += s;
  }

  /** "$ " when ready for a command, "> " while a command is incomplete (open quote or heredoc). */
  prompt(): string {
    return this.buffer.length ? '> ' : '$ ';
  }

  /**
   * Feeds one input line. Returns the complete command text once it is complete (heredoc bodies
   * included), or undefined while more lines are needed.
   */
  feed(line: string): string | undefined {
    this.buffer.push(line);
    // Inside a heredoc body only the delimiter line can end it; skipping the re-parse of the whole
    // buffer keeps a pasted manifest of many thousand lines linear instead of quadratic.
    const hd = this.pendingHeredoc;
    if (hd && (hd.stripTabs ? line.replace(/^\t+/, '') : line) !== hd.delimiter) return undefined;
    const text = this.buffer.join('\n');
    const state = completeness(text, (n) => this.var(n));
    this.pendingHeredoc = state.heredoc;
    if (!state.complete) return undefined;
    this.buffer = [];
    return text;
  }

  /** Drops a half-typed command (Ctrl-C at a "> " prompt). */
  cancelInput(): void {
    this.buffer = [];
    this.pendingHeredoc = undefined;
  }

  private var(name: string): string {
    if (name === '?') return String(this.lastExit);
    return this.vars[name] ?? '';
  }

  /** Runs a complete command text (as returned by feed). Resolves to its exit code; never throws. */
  async run(text: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    if (this.backgroundBuffer) {
      io.stdout(this.backgroundBuffer);
      this.backgroundBuffer = '';
    }
    this.foreground.push(io);
    try {
      return await this.runList(text, io, signal);
    } finally {
      if (this.foreground.length === 1 && this.jobs.all().length) await yieldToJobs();
      this.foreground.pop();
      // bash reports jobs that ended before it shows the next prompt.
      if (!this.foreground.length) io.stderr(this.jobs.notices());
    }
  }

  private async runList(text: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    let items: ListItem[];
    try {
      items = parse(text, (n) => this.var(n));
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.stderr(`bash: ${e.message}\n`);
        this.lastExit = 2;
        return 2;
      }
      io.stderr(`bash: ${(e as Error).message}\n`);
      this.lastExit = 1;
      return 1;
    }
    let code = this.lastExit;
    let skip = false;
    for (const item of items) {
      if (!skip && item.op === '&') {
        const words = item.pipeline.map((c) => c.words.map(showWord).join(' ')).join(' | ');
        const bgIO: ShellIO = { stdout: (s) => this.backgroundOut(s), stderr: (s) => this.backgroundOut(s) };
        this.jobs.start(words, (sig) => this.runPipeline(item.pipeline, bgIO, sig).catch(() => 1), (l) => io.stderr(l));
        // Let the job get going (its first lines, e.g. "Forwarding from …", show before the next prompt).
        await yieldToJobs();
        this.lastExit = code = 0;
        continue;
      }
      if (!skip) {
        try {
          code = await this.runPipeline(item.pipeline, io, signal);
        } catch (e) {
          if (e instanceof ExitShell) return (this.lastExit = e.code);
          io.stderr(`bash: ${(e as Error).message}\n`);
          code = 1;
        }
        this.lastExit = code;
      }
      skip = item.op === '&&' ? code !== 0 : item.op === '||' ? code === 0 : false;
    }
    return code;
  }

  private async runPipeline(cmds: SimpleCommand[], io: ShellIO, signal?: AbortSignal): Promise<number> {
    let stdin = '';
    let code = 0;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      let captured = '';
      const out = last ? io.stdout : (s: string) => { captured += s; };
      // Only the first command of a pipeline reads the terminal.
      code = await this.runSimple(cmds[i], stdin, { stdout: out, stderr: io.stderr, readLine: i === 0 ? io.readLine : undefined }, signal);
      stdin = captured;
    }
    return code;
  }

  private async runSimple(c: SimpleCommand, pipedIn: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    const fs = this.host.fs;
    let stdin = c.heredoc ?? pipedIn;
    let readLine = c.heredoc === undefined ? io.readLine : undefined;
    let out = io.stdout;
    let err = io.stderr;
    const sinks: { path: string; text: string; append: boolean }[] = [];
    for (const r of c.redirects) {
      if (r.op === '<') {
        const t = r.target === '/dev/null' ? '' : fs.read(r.target!);
        if (t === undefined) { io.stderr(`bash: ${r.target}: No such file or directory\n`); return 1; }
        stdin = t;
        readLine = undefined;
      } else if (r.op === '>&') {
        if (r.fd === 2 && r.target === '1') err = (s) => out(s);
        else if (r.fd === 1 && r.target === '2') out = (s) => err(s);
      } else {
        const sink = { path: r.target!, text: '', append: r.op === '>>' };
        if (r.target === '/dev/null') {
          if (r.fd === 2) err = () => undefined;
          else out = () => undefined;
          continue;
        }
        if (fs.isDir(r.target!)) { io.stderr(`bash: ${r.target}: Is a directory\n`); return 1; }
        sinks.push(sink);
        if (r.fd === 2) err = (s) => { sink.text += s; };
        else out = (s) => { sink.text += s; };
      }
    }
    const words = [...c.words];
    // NAME=value assignments before a command (or alone).
    while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const w = words.shift()!;
      const eq = w.indexOf('=');
      this.vars[w.slice(0, eq)] = w.slice(eq + 1);
    }
    let code = 0;
    if (words.length) code = await this.exec(words, stdin, { stdout: (s) => out(s), stderr: (s) => err(s), readLine }, signal);
    for (const s of sinks) {
      if (s.append) fs.append(s.path, s.text);
      else fs.write(s.path, s.text);
    }
    return code;
  }

  private async exec(words: string[], stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    const [name, ...args] = words;
    const fs = this.host.fs;
    const proc: ProcIO = { args, stdin, out: io.stdout, err: io.stderr, fs, signal };
    switch (name) {
      case 'kubectl':
        return runKubectl(args, this.host.kubectlEnv(signal), { stdout: io.stdout, stderr: io.stderr, stdin, readLine: io.readLine });
      case 'cd': {
        const target = args[0] ?? this.vars.HOME;
        if (!fs.isDir(target)) { io.stderr(`bash: cd: ${target}: No such file or directory\n`); return 1; }
        fs.cwd = fs.abs(target);
        return 0;
      }
      case 'pwd':
        io.stdout(`${fs.cwd}\n`);
        return 0;
      case 'export':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) this.vars[a.slice(0, eq)] = a.slice(eq + 1);
        }
        return 0;
      case 'exit':
        throw new ExitShell(args[0] ? Number(args[0]) || 0 : this.lastExit);
      case 'sleep': {
        const secs = Number(args[0]);
        if (!args.length || !Number.isFinite(secs) || secs < 0) {
          io.stderr(args.length ? `sleep: invalid time interval '${args[0]}'\nTry 'sleep --help' for more information.\n` : `sleep: missing operand\nTry 'sleep --help' for more information.\n`);
          return 1;
        }
        try {
          await this.host.sleep(secs * 1000, signal);
        } catch {
          return 130;
        }
        return 0;
      }
      case 'timeout':
        return this.timeout(args, stdin, io, signal);
      case 'jobs':
        io.stdout(this.jobs.list());
        return 0;
      case 'kill':
        return this.kill(args, io);
      case 'fg':
        return this.fg(args, io, signal);
      case 'wait':
        for (const j of this.jobs.all()) await j.done;
        return 0;
      case 'which':
        for (const a of args) io.stdout(`/usr/local/bin/${a}\n`);
        return 0;
      default: {
        const b = BUILTINS[name];
        if (b) return b(proc);
        const prog = this.host.programs?.[name];
        if (prog) return prog(proc);
        io.stderr(`${name}: command not found\n`);
        return 127;
      }
    }
  }

  /** kill [-SIG | -s SIG] %job|pid…: signals background jobs (their programs see an abort). */
  private async kill(args: string[], io: ShellIO): Promise<number> {
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
      const job = this.jobs.find(t);
      if (!job) {
        io.stderr(t.startsWith('%') ? `bash: kill: ${t}: no such job\n` : /^\d+$/.test(t) ? `bash: kill: (${t}) - No such process\n`
          : `bash: kill: ${t}: arguments must be process or job IDs\n`);
        code = 1;
        continue;
      }
      job.ac.abort(sig);
      // The job ends within a moment; wait for it so bash's notice comes before the next prompt.
      await Promise.race([job.done, this.host.sleep(100).catch(() => undefined)]);
    }
    return code;
  }

  /** fg [%job]: the job runs in the foreground again (Ctrl-C reaches it). */
  private async fg(args: string[], io: ShellIO, signal?: AbortSignal): Promise<number> {
    const spec = args[0] ?? '%%';
    const job = this.jobs.find(spec);
    if (!job) {
      io.stderr(args.length ? `bash: fg: ${spec}: no such job\n` : 'bash: fg: current: no such job\n');
      return 1;
    }
    io.stdout(`${job.text}\n`);
    this.jobs.remove(job);
    const onAbort = () => job.ac.abort('SIGINT');
    signal?.addEventListener('abort', onAbort, { once: true });
    const code = await job.done;
    signal?.removeEventListener('abort', onAbort);
    return code;
  }

  /** timeout SECONDS COMMAND…: stops the command after a simulated delay (exit 124), as coreutils. */
  private async timeout(args: string[], stdin: string, io: ShellIO, signal?: AbortSignal): Promise<number> {
    const secs = Number((args[0] ?? '').replace(/s$/, ''));
    if (args.length < 2 || !Number.isFinite(secs)) {
      io.stderr("timeout: missing operand\nTry 'timeout --help' for more information.\n");
      return 125;
    }
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = this.host.sleep(secs * 1000, ac.signal).then(() => { timedOut = true; ac.abort(); }, () => undefined);
    const code = await this.exec(args.slice(1), stdin, io, ac.signal);
    ac.abort();
    await timer;
    signal?.removeEventListener('abort', onAbort);
    return timedOut ? 124 : code;
  }
}

/**
 * Lets background jobs run what they can without time passing: their continuations (in-process API
 * answers are promises) get a few hundred microtask turns. A macrotask would not do: the harness
 * advances the simulated clock whenever a command yields to the event loop.
 */
async function yieldToJobs(): Promise<void> {
  for (let i = 0; i < 300; i++) await Promise.resolve();
}

/** Is this text a whole command (quotes closed, every heredoc terminated)? */
export function isComplete(text: string, vars: (n: string) => string): boolean {
  return completeness(text, vars).complete;
}

/** Thrown when the text ends inside a heredoc body. */
class HeredocPending extends IncompleteInput {
  constructor(readonly delimiter: string, readonly stripTabs: boolean) {
    super('here-document');
  }
}

/** Whether the text is complete and, when it ends inside a heredoc body, which delimiter ends it. */
function completeness(text: string, vars: (n: string) => string): { complete: boolean; heredoc?: { delimiter: string; stripTabs: boolean } } {
  try {
    splitHeredocs(text, vars);
    return { complete: true };
  } catch (e) {
    if (e instanceof HeredocPending) return { complete: false, heredoc: { delimiter: e.delimiter, stripTabs: e.stripTabs } };
    if (e instanceof IncompleteInput) return { complete: false };
    return { complete: true }; // syntax errors are complete: run() reports them
  }
}

/** Splits the command lines from heredoc bodies; tokenizes the command lines. */
function splitHeredocs(text: string, vars: (n: string) => string): { tokens: Token[]; bodies: string[] } {
  const lines = text.split('\n');
  let i = 0;
  let cmd = '';
  const tokens: Token[] = [];
  const bodies: string[] = [];
  while (i < lines.length) {
    cmd = cmd ? `${cmd}\n${lines[i]}` : lines[i];
    i++;
    let toks: Token[];
    try {
      toks = tokenize(cmd, vars);
    } catch (e) {
      if (e instanceof IncompleteInput && i < lines.length) continue;
      throw e;
    }
    if (cmd.endsWith('\\') || /(\||&&|\|\|)\s*$/.test(cmd)) {
      if (i >= lines.length) throw new IncompleteInput();
      cmd = cmd.endsWith('\\') ? cmd.slice(0, -1) : `${cmd} `;
      continue;
    }
    for (const t of toks) {
      if (t.kind !== 'heredoc') continue;
      const body: string[] = [];
      for (;;) {
        if (i >= lines.length) throw new HeredocPending(t.delimiter, t.stripTabs);
        let l = lines[i++];
        if (t.stripTabs) l = l.replace(/^\t+/, '');
        if (l === t.delimiter) break;
        body.push(t.quoted ? l : l.replace(/\$(\?|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g,
          (_, n: string) => vars(n.replace(/[{}]/g, ''))));
      }
      bodies.push(body.length ? `${body.join('\n')}\n` : '');
    }
    tokens.push(...toks, { kind: 'op', value: ';' });
    cmd = '';
  }
  return { tokens, bodies };
}

/** Parses a complete command text into a list of pipelines. */
function parse(text: string, vars: (n: string) => string): ListItem[] {
  const { tokens, bodies } = splitHeredocs(text, vars);
  const items: ListItem[] = [];
  let pipeline: SimpleCommand[] = [];
  let cur: SimpleCommand = { words: [], redirects: [] };
  let hd = 0;
  const endCommand = () => {
    if (cur.words.length || cur.redirects.length || cur.heredoc !== undefined) pipeline.push(cur);
    cur = { words: [], redirects: [] };
  };
  for (const t of tokens) {
    if (t.kind === 'word') cur.words.push(t.value);
    else if (t.kind === 'redirect') cur.redirects.push(t);
    else if (t.kind === 'heredoc') cur.heredoc = bodies[hd++];
    else if (t.value === '|') {
      if (!cur.words.length) throw new ShellSyntaxError("syntax error near unexpected token `|'");
      endCommand();
    } else {
      if (!cur.words.length && !pipeline.length && (t.value === '&&' || t.value === '||')) {
        throw new ShellSyntaxError(`syntax error near unexpected token \`${t.value}'`);
      }
      endCommand();
      if (pipeline.length) items.push({ pipeline, op: t.value });
      pipeline = [];
    }
  }
  endCommand();
  if (pipeline.length) items.push({ pipeline, op: ';' });
  return items;
}
