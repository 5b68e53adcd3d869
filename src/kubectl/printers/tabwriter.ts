// Go's text/tabwriter (elastic tabstops), and the github.com/liggitt/tabwriter fork kubectl's printers use
// (cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, padchar ' ', RememberWidths).
// Cells end at '\t' (or '\v'); a column is as wide as its widest cell plus padding, at least minwidth, over
// a block of consecutive lines that have that cell; the last cell of a line is never padded; a line with a
// single cell flushes. With RememberWidths, column widths only grow across flushes (kubectl get -w).

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

/** Options of a tab writer (text/tabwriter Init). */
export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  /** Remember maximum widths per column across Flush (liggitt/tabwriter RememberWidths). */
  rememberWidths?: boolean;
}

/** kubectl's printers: printers.GetNewTabWriter. */
export const KUBECTL_TABWRITER: TabWriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true };

/** kubectl describe: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2 };

// Only strings with a high surrogate need counting; most cells are ASCII, so test that natively first.
const HIGH_SURROGATE = /[\ud800-\udbff]/;

const runeCount = (s: string): number => {
  if (!HIGH_SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

const TAB = 9;
const VTAB = 11;
const NEWLINE = 10;
const FORMFEED = 12;
const CELL_BREAK = /[\t\v\n\f]/;

// Padding strings by width: writeLines pads every cell of every row.
const PADS: string[] = [];
const pad = (n: number): string => (n <= 0 ? '' : (PADS[n] ??= ' '.repeat(n)));

/** A streaming tab writer: write() text with tabs and newlines, flush() to lay out what is buffered. */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out: string[] = [];

  constructor(private readonly opts: TabWriterOptions, private readonly sink?: (text: string) => void) {}

  /** Buffers text; lines with a single cell (no tab) flush immediately, as Go's Write does. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === TAB || ch === VTAB || ch === NEWLINE || ch === FORMFEED) {
        this.cell += text.slice(start, i);
        start = i + 1;
        const ncells = this.terminateCell(ch === TAB);
        if (ch === NEWLINE || ch === FORMFEED) {
          this.lines.push([]);
          if (ch === FORMFEED || ncells === 1) this.flush();
        }
      }
    }
    this.cell += text.slice(start);
  }

  /**
   * Same as write(`${cells.join('\t')}\n`) without joining and rescanning: a printer's row goes straight
   * into cells. Cells holding a tab or line break take the scanning path, so the layout never differs.
   */
  writeRow(cells: readonly string[]): void {
    if (this.cell !== '' || cells.length === 0 || cells.some((c) => CELL_BREAK.test(c))) {
      this.write(`${cells.join('\t')}\n`);
      return;
    }
    const line = this.lines[this.lines.length - 1];
    const last = cells.length - 1;
    for (let i = 0; i <= last; i++) line.push({ text: cells[i], width: runeCount(cells[i]), htab: i < last });
    this.lines.push([]);
    if (line.length === 1) this.flush();
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  /** Lays out and emits everything buffered. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
    const text = this.out.join('');
    this.out = [];
    if (this.sink) {
      if (text) this.sink(text);
    } else this.pending += text;
  }

  private pending = '';

  /** Without a sink: everything flushed so far (and clears it). */
  take(): string {
    const t = this.pending;
    this.pending = '';
    return t;
  }

  /** liggitt/tabwriter SetRememberedWidths. */
  setRememberedWidths(widths: number[]): void {
    this.maxwidths = [...widths];
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        this.out.push(c.text);
        if (j < this.widths.length) this.out.push(pad(this.widths[j] - c.width));
      }
      if (i + 1 === this.lines.length) {
        // the last buffered line has no newline: only outstanding text (none after a terminated cell)
      } else this.out.push('\n');
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let th = line0; th < line1; th++) {
      if (column >= this.lines[th].length - 1) continue;
      this.writeLines(line0, th);
      line0 = th;
      let width = this.opts.minwidth;
      for (; th < line1; th++) {
        const line = this.lines[th];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width);
        else if (this.maxwidths[this.widths.length] > width) width = this.maxwidths[this.widths.length];
        else if (this.maxwidths[this.widths.length] < width) this.maxwidths[this.widths.length] = width;
      }
      this.widths.push(width);
      this.format(line0, th);
      this.widths.pop();
      line0 = th;
    }
    this.writeLines(line0, line1);
  }
}

/** Lays out whole lines of cells at once (kubectl's printer settings unless given). */
export function tabwrite(lines: readonly string[][], opts: TabWriterOptions = KUBECTL_TABWRITER): string {
  const w = new TabWriter(opts);
  for (const l of lines) w.write(`${l.join('\t')}\n`);
  w.flush();
  return w.take();
}
