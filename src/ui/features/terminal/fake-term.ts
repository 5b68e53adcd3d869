// A tiny terminal emulator for tests: a grid with xterm's cursor rules for what the controller
// writes (text, CR, LF, BS, CUU/CUD/CUF/CUB, ED, SGR ignored, pending wrap at the last column).
import type { TermLike } from './terminal-controller';

/** A fake terminal `cols` wide that keeps every row written. */
export class FakeTerm implements TermLike {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private wrapPending = false;
  bells = 0;

  constructor(public cols: number) {}

  write(data: string, callback?: () => void): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === '\x1b') {
        const m = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(data.slice(i));
        if (!m) continue;
        i += m[0].length - 1;
        const n = Number(m[1] || '1');
        this.wrapPending = false;
        if (m[2] === 'A') this.row = Math.max(0, this.row - n);
        else if (m[2] === 'B') this.row += n;
        else if (m[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        else if (m[2] === 'D') this.col = Math.max(0, this.col - n);
        else if (m[2] === 'J') {
          this.line().length = Math.min(this.line().length, this.col);
          this.rows.length = this.row + 1;
        } else if (m[2] === 'H') { this.row = 0; this.col = 0; }
        continue;
      }
      if (c === '\r') { this.col = 0; this.wrapPending = false; continue; }
      if (c === '\n') { this.row++; this.wrapPending = false; this.line(); continue; }
      if (c === '\x07') { this.bells++; continue; }
      if (c === '\b') { this.col = Math.max(0, this.col - 1); continue; }
      if (this.wrapPending) { this.row++; this.col = 0; this.wrapPending = false; }
      const line = this.line();
      while (line.length < this.col) line.push(' ');
      line[this.col] = c;
      if (this.col === this.cols - 1) this.wrapPending = true;
      else this.col++;
    }
    callback?.();
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row];
  }

  /** The screen as text, one line per row, trailing spaces trimmed. */
  text(): string {
    return this.rows.map((r) => r.join('').trimEnd()).join('\n');
  }

  /** The logical line (wrapped rows joined) the cursor is on, from `fromRow`. */
  joined(fromRow: number): string {
    return this.rows.slice(fromRow).map((r) => r.join('').padEnd(this.cols).slice(0, this.cols)).join('').trimEnd();
  }
}
