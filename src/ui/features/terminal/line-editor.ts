// readline's editing commands on one line: a buffer and a cursor, pure. The terminal controller
// draws the result.
import type { Key } from './input-parser';

/** The longest line the editor keeps (a 5 MB single-line paste is cut here, with a bell). */
export const MAX_LINE = 256 * 1024;

/** A line being edited. */
export interface LineState {
  buffer: string;
  cursor: number;
}

const isWordChar = (c: string) => /[A-Za-z0-9]/.test(c);

/** Where the previous word starts (readline backward-word). */
export function wordLeft(s: string, i: number): number {
  while (i > 0 && !isWordChar(s[i - 1])) i--;
  while (i > 0 && isWordChar(s[i - 1])) i--;
  return i;
}

/** Where the next word ends (readline forward-word). */
export function wordRight(s: string, i: number): number {
  while (i < s.length && !isWordChar(s[i])) i++;
  while (i < s.length && isWordChar(s[i])) i++;
  return i;
}

/** Where unix-word-rubout (Ctrl-W) stops: the previous whitespace. */
function spaceLeft(s: string, i: number): number {
  while (i > 0 && s[i - 1] === ' ') i--;
  while (i > 0 && s[i - 1] !== ' ') i--;
  return i;
}

/** A line editor with readline's kill ring of one. */
export class LineEditor {
  state: LineState = { buffer: '', cursor: 0 };
  private killed = '';

  /** Starts a new line. */
  reset(buffer = ''): void {
    this.state = { buffer, cursor: buffer.length };
  }

  /** Inserts text at the cursor; false when it had to be cut to MAX_LINE. */
  insert(text: string): boolean {
    const { buffer, cursor } = this.state;
    const room = MAX_LINE - buffer.length;
    const t = text.length > room ? text.slice(0, Math.max(0, room)) : text;
    this.state = { buffer: buffer.slice(0, cursor) + t + buffer.slice(cursor), cursor: cursor + t.length };
    return t.length === text.length;
  }

  /** Applies an editing key; false when it did nothing (the terminal rings the bell). */
  apply(key: Key): boolean {
    const { buffer: b, cursor: c } = this.state;
    const set = (buffer: string, cursor: number) => {
      this.state = { buffer, cursor };
      return true;
    };
    const kill = (from: number, to: number, cursor: number) => {
      if (from === to) return false;
      this.killed = b.slice(from, to);
      return set(b.slice(0, from) + b.slice(to), cursor);
    };
    switch (key) {
      case 'backspace': return c > 0 && set(b.slice(0, c - 1) + b.slice(c), c - 1);
      case 'delete': return c < b.length && set(b.slice(0, c) + b.slice(c + 1), c);
      case 'left': return c > 0 && set(b, c - 1);
      case 'right': return c < b.length && set(b, c + 1);
      case 'home': return set(b, 0);
      case 'end': return set(b, b.length);
      case 'word-left': return set(b, wordLeft(b, c));
      case 'word-right': return set(b, wordRight(b, c));
      case 'kill-end': return kill(c, b.length, c);
      case 'kill-start': return kill(0, c, 0);
      case 'kill-word-back': { const s = spaceLeft(b, c); return kill(s, c, s); }
      case 'kill-word-forward': return kill(c, wordRight(b, c), c);
      case 'yank': return this.killed !== '' && this.insert(this.killed);
      default: return false;
    }
  }
}

/** Shell history: ↑/↓ walk it; the line being typed is kept while walking. */
export class History {
  private index: number;
  private draft = '';

  constructor(readonly entries: string[] = [], private readonly max = 1000) {
    this.index = entries.length;
  }

  /** Adds a line (not blank, not a repeat of the last, not starting with a space: bash's ignoreboth). */
  add(line: string): void {
    if (line.trim() && !line.startsWith(' ') && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    }
    this.index = this.entries.length;
  }

  /** The previous entry, or undefined at the oldest. */
  prev(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    return this.entries[--this.index];
  }

  /** The next entry (the draft after the newest), or undefined when not walking. */
  next(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }

  /** Stops walking (a new line starts). */
  rewind(): void {
    this.index = this.entries.length;
    this.draft = '';
  }
}
