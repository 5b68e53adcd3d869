// One terminal tab's shell in the worker: lines in, output out. Lines are fed to the shell one at a
// time (a heredoc collects its body, PS2 "> "), complete commands run in order, and Ctrl-C aborts the
// running command and drops the lines still waiting, as a tty flushes its input on SIGINT.
import type { Shell } from '../shell';
import { HOME } from './protocol';

/** How long an interrupted command may take to stop before the tab stops waiting for it. */
export const DETACH_AFTER_MS = 2_000;

/** What a terminal session is wired to. */
export interface TerminalSessionDeps {
  shell: Shell;
  /** The tab's working directory (for the prompt). */
  cwd(): string;
  write(data: string): void;
  /**
   * The shell waits for a line; `seq` is the last input or interrupt received. `raw`: a remote TTY reads it
   * (exec/attach -it), so the page sends Ctrl-D at an empty line as end of input.
   */
  ready(prompt: string, continuation: boolean, seq: number, raw?: boolean): void;
  /** A command finished (files may have changed). */
  afterCommand(): void;
  /** A wall-clock timer (the detach safety net). */
  setTimer(fn: () => void, ms: number): () => void;
}

/** bash's PS1 on Ubuntu (color_prompt): green user@host, blue working directory. */
export function ps1(cwd: string): string {
  const dir = cwd === HOME ? '~' : cwd.startsWith(`${HOME}/`) ? `~${cwd.slice(HOME.length)}` : cwd;
  return `\x1b[01;32mlearner@kubesim\x1b[00m:\x1b[01;34m${dir}\x1b[00m$ `;
}

interface Running {
  ac: AbortController;
  /** Set once the tab stopped waiting for it: its late output is dropped. */
  detached: boolean;
  detach(): void;
}

/** A terminal tab's shell. */
export class TerminalSession {
  /** Lines waiting, read from `next` on (an index, not shift(): a pasted 200k-line file stays linear). */
  private queue: { line: string; echo: boolean }[] = [];
  /** A read through a remote TTY is waiting (Ctrl-C and Ctrl-D go to the remote side). */
  private rawReader = false;
  /** Ctrl-D reached a waiting remote TTY read: it gets end of input. */
  private eofPending = false;
  /** While a remote TTY session runs (exec -it): what Ctrl-C does there (SIGINT to its foreground job). */
  private remoteInterrupt: (() => void) | undefined;
  private next = 0;
  private processing = false;
  private running: Running | undefined;
  /** The last input or interrupt received from the page. */
  private seq = 0;
  columns = 80;

  constructor(readonly tab: string, private readonly deps: TerminalSessionDeps) {}

  /** True while a command runs or lines wait. */
  get busy(): boolean {
    return this.processing;
  }

  /** The prompt the shell shows now. */
  prompt(): string {
    return this.deps.shell.prompt() === '> ' ? '> ' : ps1(this.deps.cwd());
  }

  /** Queues input lines; the first `echoed` are already on screen. */
  input(lines: readonly string[], echoed: number, seq = this.seq): void {
    this.seq = Math.max(this.seq, seq);
    for (let i = 0; i < lines.length; i++) this.queue.push({ line: lines[i], echo: i >= echoed });
    this.wakeReader?.();
    if (!this.processing) void this.process();
  }

  /** Set while a running program waits for a typed line (kubectl exec -it). */
  private wakeReader: (() => void) | undefined;

  /** What the running command wrote after its last newline (a container shell's prompt). */
  private lineTail = '';

  // The terminal's input as the running command reads it: the next queued line (echoed unless the
  // page already shows it), waiting for one when none is queued; undefined once the command is interrupted.
  // While it waits the page edits a line after the program's own prompt: term-ready carries that prompt
  // behind a cursor-to-column-1 sequence, so the page redraws it in place and knows the column it ends at.
  private readLine(r: Running, raw: boolean): Promise<string | undefined> {
    return new Promise((resolve) => {
      let asked = false;
      const take = () => {
        if (r.detached || r.ac.signal.aborted) { this.wakeReader = undefined; resolve(undefined); return; }
        if (this.eofPending) {
          this.eofPending = false;
          this.wakeReader = undefined;
          this.rawReader = false;
          resolve(undefined);
          return;
        }
        if (this.next >= this.queue.length) {
          this.wakeReader = take;
          this.rawReader = raw;
          if (!asked) this.deps.ready(`\x1b[1G${this.lineTail}`, false, this.seq, raw);
          asked = true;
          return;
        }
        this.wakeReader = undefined;
        this.rawReader = false;
        const { line, echo } = this.queue[this.next++];
        if (echo) this.deps.write(`${line}\n`);
        resolve(line);
      };
      r.ac.signal.addEventListener('abort', () => { if (this.wakeReader === take) take(); }, { once: true });
      take();
    });
  }

  /** Ctrl-C. */
  interrupt(seq = this.seq): void {
    this.seq = Math.max(this.seq, seq);
    if (this.remoteInterrupt && !(this.wakeReader && this.rawReader) && this.running) {
      // A command runs in the remote shell: its foreground job gets the Ctrl-C; kubectl keeps running.
      this.remoteInterrupt();
      return;
    }
    if (this.wakeReader && this.rawReader) {
      // At a remote TTY's prompt the remote side takes the Ctrl-C: the half-typed line is dropped and it
      // prompts again (the page shows "^C"); kubectl keeps running.
      this.dropQueue();
      this.lineTail = '';
      this.queue.push({ line: '', echo: false });
      this.wakeReader();
      return;
    }
    this.dropQueue();
    this.deps.shell.cancelInput();
    const r = this.running;
    if (r) {
      r.ac.abort();
      this.deps.setTimer(() => r.detach(), DETACH_AFTER_MS);
    } else if (!this.processing) {
      this.deps.ready(this.prompt(), false, this.seq);
    }
  }

  /** Ctrl-D at an empty line: end of input for a remote TTY's read (the host shell ignores it). */
  eof(seq = this.seq): void {
    this.seq = Math.max(this.seq, seq);
    if (!this.wakeReader || !this.rawReader) return;
    this.eofPending = true;
    this.wakeReader();
  }

  /** Stops what runs (the tab closed). */
  close(): void {
    this.dropQueue();
    this.running?.ac.abort();
    this.running?.detach();
  }

  private dropQueue(): void {
    this.queue = [];
    this.next = 0;
  }

  private async process(): Promise<void> {
    this.processing = true;
    try {
      while (this.next < this.queue.length) {
        const { line, echo } = this.queue[this.next++];
        if (echo) this.deps.write(`${this.prompt()}${line}\n`);
        const text = this.deps.shell.feed(line);
        if (text !== undefined) await this.run(text);
      }
    } finally {
      this.dropQueue();
      this.processing = false;
    }
    this.deps.ready(this.prompt(), this.deps.shell.prompt() === '> ', this.seq);
  }

  private async run(text: string): Promise<void> {
    let detach!: () => void;
    const detached = new Promise<void>((resolve) => { detach = resolve; });
    const r: Running = { ac: new AbortController(), detached: false, detach: () => { r.detached = true; detach(); } };
    this.running = r;
    this.lineTail = '';
    const out = (s: string) => {
      if (r.detached) return;
      const tail = (this.lineTail + s).split('\n').pop() ?? '';
      this.lineTail = tail.slice(tail.lastIndexOf('\r') + 1);
      this.deps.write(s);
    };
    try {
      await Promise.race([this.deps.shell.run(text, { stdout: out, stderr: out, readLine: (o) => this.readLine(r, !!o?.raw),
        onInterrupt: (h) => {
          this.remoteInterrupt = h;
          return () => { if (this.remoteInterrupt === h) this.remoteInterrupt = undefined; };
        } }, r.ac.signal), detached]);
    } catch (e) {
      // Shell.run never throws by contract; a bug in a command must not take the tab down with it.
      out(`kubesim: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    } finally {
      r.detached = true;
      this.running = undefined;
      this.remoteInterrupt = undefined;
    }
    try {
      this.deps.afterCommand();
    } catch (e) {
      this.deps.write(`kubesim: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
