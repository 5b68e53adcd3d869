// The terminal's behaviour, without React: typed keys edit a line (readline's keys, history, Tab
// completion asked of the worker), Enter sends it to the tab's shell, pasted lines go to the shell
// one by one (it echoes them after "> " or the prompt, as a terminal shows them), Ctrl-C interrupts,
// and keys typed while a command runs wait and are replayed at the next prompt (typeahead).
import type { Completion } from '../../../worker';
import { InputParser, type InputToken } from './input-parser';
import { History, LineEditor } from './line-editor';
import { moveCursor, redrawFrom, settleWrap, visibleWidth, type LineLayout } from './render';
import { commonPrefix, formatCandidates } from './completion-list';

/** The parts of xterm the controller uses. */
export interface TermLike {
  readonly cols: number;
  write(data: string, callback?: () => void): void;
}

/** The tab's shell in the worker. */
export interface ShellLink {
  open(): void;
  input(lines: string[], echoed: number, seq: number): void;
  interrupt(seq: number): void;
  /** Ctrl-D at an empty line while a remote TTY reads: end of its input. */
  eof(seq: number): void;
  complete(line: string, cursor: number): Promise<Completion>;
  /** The terminal wrote `bytes` characters of output. */
  ack(bytes: number): void;
}

type Mode = 'closed' | 'waiting' | 'editing' | 'completing';

const BELL = '\x07';

/** One terminal tab's line discipline. */
export class TerminalController {
  private mode: Mode = 'closed';
  private prompt = '';
  private promptWidth = 0;
  private continuation = false;
  private readonly editor = new LineEditor();
  /** The buffer index the terminal's cursor is at. */
  private shown = 0;
  private queue: InputToken[] = [];
  private readonly parser = new InputParser();
  private interrupted = false;
  /** The line being edited goes to a remote TTY (exec/attach -it): Ctrl-D at an empty line ends its input. */
  private raw = false;
  /** Numbers inputs and interrupts; a ready older than the last one sent is stale. */
  private seq = 0;

  constructor(private readonly term: TermLike, private readonly link: ShellLink, private readonly history: History) {}

  /** True while a command runs (or the shell has not answered yet). */
  get busy(): boolean {
    return this.mode === 'waiting' || this.mode === 'closed';
  }

  /** The line being edited (tests). */
  get line(): string {
    return this.editor.state.buffer;
  }

  /** A (new) cluster booted: open the shell, after a notice (its own colours) when it replaced another one. */
  booted(notice?: string): void {
    if (notice) {
      if (this.mode === 'editing') this.term.write(moveCursor(this.shown, this.editor.state.buffer.length, this.layout()));
      this.term.write(`\r\n${notice}\x1b[0m\r\n`);
    }
    this.mode = 'closed';
    this.queue = [];
    this.interrupted = false;
    this.seq = 0;
    this.link.open();
  }

  /** Typed input from xterm (onData). */
  onData(data: string): void {
    for (const t of this.parser.parse(data)) {
      if (t.kind === 'key' && t.key === 'ctrl-c' && this.mode !== 'editing') {
        this.interruptNow();
        continue;
      }
      this.queue.push(t);
    }
    this.pump();
  }

  /** Output of the running command. */
  output(data: string): void {
    this.term.write(data, () => this.link.ack(data.length));
  }

  /** The shell waits for a line (`seq`: the last input or interrupt the shell had seen). */
  ready(prompt: string, continuation: boolean, seq = this.seq, raw = false): void {
    // A ready that crossed a later Ctrl-C or line on the way: the shell answers that one next.
    if (seq < this.seq) return;
    this.raw = raw;
    // After a Ctrl-C the host shell's prompt starts a new line; a remote TTY's shell has written its own.
    if (this.interrupted && !raw) this.term.write('\r\n');
    this.interrupted = false;
    this.prompt = prompt;
    this.promptWidth = visibleWidth(prompt);
    this.continuation = continuation;
    this.editor.reset();
    this.history.rewind();
    this.shown = 0;
    this.term.write(prompt);
    this.mode = 'editing';
    this.pump();
  }

  private layout(): LineLayout {
    return { promptWidth: this.promptWidth, cols: Math.max(1, this.term.cols) };
  }

  private interruptNow(): void {
    this.queue = [];
    if (this.mode === 'closed') return;
    this.term.write('^C');
    this.interrupted = true;
    this.mode = 'waiting';
    this.link.interrupt(++this.seq);
  }

  private pump(): void {
    while (this.mode === 'editing' && this.queue.length) this.handle(this.queue.shift()!);
  }

  private handle(t: InputToken): void {
    if (t.kind === 'text') return this.insert(t.text);
    if (t.kind === 'paste') return this.paste(t.text);
    const { buffer } = this.editor.state;
    switch (t.key) {
      case 'enter': return this.submit([buffer], 1);
      case 'ctrl-c':
        this.term.write(moveCursor(this.shown, buffer.length, this.layout()));
        this.shown = buffer.length;
        if (this.raw) {
          // A remote TTY takes it: "^C", a new line, and the remote side drops the line and prompts again.
          this.term.write('^C\r\n');
          this.mode = 'waiting';
          return this.link.interrupt(++this.seq);
        }
        return this.interruptNow();
      case 'ctrl-d':
        if (buffer === '' && this.raw) {
          // The remote TTY gets end of input (a remote shell says "exit" and ends); the page waits for what follows.
          this.mode = 'waiting';
          return this.link.eof(++this.seq);
        }
        if (buffer === '') return this.term.write(BELL);
        return this.edit(() => this.editor.apply('delete'));
      case 'ctrl-l':
        this.term.write('\x1b[H\x1b[2J');
        return this.redrawAll();
      case 'tab': return void this.complete();
      case 'up': {
        const prev = this.history.prev(buffer);
        return prev === undefined ? this.term.write(BELL) : this.setLine(prev);
      }
      case 'down': {
        const next = this.history.next();
        return next === undefined ? this.term.write(BELL) : this.setLine(next);
      }
      default:
        return this.edit(() => this.editor.apply(t.key));
    }
  }

  /** Runs an edit and redraws what changed. */
  private edit(change: () => boolean): void {
    const before = this.editor.state;
    if (!change()) return this.term.write(BELL);
    const after = this.editor.state;
    let from = 0;
    while (from < before.buffer.length && from < after.buffer.length && before.buffer[from] === after.buffer[from]) from++;
    if (before.buffer === after.buffer) {
      this.term.write(moveCursor(this.shown, after.cursor, this.layout()));
    } else {
      this.term.write(redrawFrom(Math.min(from, before.cursor, after.cursor), this.shown, after.buffer, after.cursor, this.layout()));
    }
    this.shown = after.cursor;
  }

  private insert(text: string): void {
    // The editor shows one cell per character: a tab would jump to a tab stop the arithmetic ignores.
    const t = text.replace(/\t/g, ' ');
    const { buffer, cursor } = this.editor.state;
    const complete = this.editor.insert(t);
    if (cursor === buffer.length) {
      // Typing at the end: write just the new characters.
      const inserted = this.editor.state.buffer.slice(buffer.length);
      this.term.write(inserted + settleWrap(this.editor.state.buffer.length, this.layout()));
      this.shown = this.editor.state.cursor;
    } else {
      this.term.write(redrawFrom(cursor, this.shown, this.editor.state.buffer, this.editor.state.cursor, this.layout()));
      this.shown = this.editor.state.cursor;
    }
    if (!complete) this.term.write(BELL);
  }

  /** Pasted text: its complete lines go to the shell; the last, unfinished one stays in the editor. */
  private paste(text: string): void {
    const parts = text.split('\n');
    if (parts.length === 1) return this.insert(parts[0]);
    const { buffer, cursor } = this.editor.state;
    this.insert(parts[0]);
    const first = buffer.slice(0, cursor) + parts[0].replace(/\t/g, ' ') + buffer.slice(cursor);
    const tail = parts[parts.length - 1];
    this.submit([first, ...parts.slice(1, -1)], 1);
    if (tail) this.queue.unshift({ kind: 'text', text: tail });
  }

  private submit(lines: string[], echoed: number): void {
    this.term.write(`${moveCursor(this.shown, this.editor.state.buffer.length, this.layout())}\r\n`);
    if (!this.continuation) this.history.add(lines[0]);
    this.mode = 'waiting';
    this.link.input(lines, echoed, ++this.seq);
  }

  private setLine(text: string): void {
    const layout = this.layout();
    this.term.write(redrawFrom(0, this.shown, text, text.length, layout));
    this.editor.reset(text);
    this.shown = text.length;
  }

  private redrawAll(): void {
    const { buffer, cursor } = this.editor.state;
    const l = this.layout();
    this.term.write(this.prompt + buffer + settleWrap(buffer.length, l) + moveCursor(buffer.length, cursor, l));
    this.shown = cursor;
  }

  private async complete(): Promise<void> {
    const { buffer, cursor } = this.editor.state;
    this.mode = 'completing';
    let c: Completion;
    try {
      c = await this.link.complete(buffer, cursor);
    } catch {
      c = { from: cursor, to: cursor, candidates: [], noSpace: false };
    }
    if (this.mode !== 'completing') return;
    this.mode = 'editing';
    this.applyCompletion(c);
    this.pump();
  }

  private applyCompletion(c: Completion): void {
    const values = c.candidates.map((x) => x.value);
    if (!values.length) return this.term.write(BELL);
    const word = this.editor.state.buffer.slice(c.from, c.to);
    const replace = (v: string) => this.edit(() => {
      const { buffer } = this.editor.state;
      this.editor.state = { buffer: buffer.slice(0, c.from) + v + buffer.slice(c.to), cursor: c.from + v.length };
      return true;
    });
    if (values.length === 1) return replace(values[0] + (c.noSpace ? '' : ' '));
    const lcp = commonPrefix(values);
    if (lcp.length > word.length) return replace(lcp);
    // Ambiguous: list them under the line, then show the prompt and the line again (bash's show-all-if-ambiguous).
    const { buffer } = this.editor.state;
    this.term.write(`${moveCursor(this.shown, buffer.length, this.layout())}\r\n${formatCandidates(c.candidates, this.term.cols).join('\r\n')}\r\n`);
    this.redrawAll();
  }
}
