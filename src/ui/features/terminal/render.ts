// Escape sequences that redraw the edited line in place, with the line wrapping over several rows.
// Positions are counted from the start of the prompt: index i of the buffer is at
// promptWidth + i, row (promptWidth + i) / cols, column (promptWidth + i) % cols.

/** Where the line sits on screen. */
export interface LineLayout {
  promptWidth: number;
  cols: number;
}

/** Printable width of a string with ANSI colour sequences. */
export function visibleWidth(s: string): number {
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').length;
}

function pos(i: number, l: LineLayout): { row: number; col: number } {
  const abs = l.promptWidth + i;
  return { row: Math.floor(abs / l.cols), col: abs % l.cols };
}

/** Moves the cursor from buffer index a to b. */
export function moveCursor(a: number, b: number, l: LineLayout): string {
  const pa = pos(a, l);
  const pb = pos(b, l);
  let s = '';
  const dr = pb.row - pa.row;
  if (dr > 0) s += `\x1b[${dr}B`;
  else if (dr < 0) s += `\x1b[${-dr}A`;
  if (pb.col !== pa.col) s += `\r${pb.col ? `\x1b[${pb.col}C` : ''}`;
  return s;
}

/**
 * After writing up to index `end`: when that is exactly a row boundary the terminal holds the cursor
 * in the last column (pending wrap); a space and a carriage return put it where the arithmetic says,
 * at the start of the next row (readline does the same).
 */
export function settleWrap(end: number, l: LineLayout): string {
  const abs = l.promptWidth + end;
  return abs > 0 && abs % l.cols === 0 ? ' \r' : '';
}

/** Redraws the line from index `from` to its end, clears what followed, and puts the cursor back. */
export function redrawFrom(from: number, shown: number, buffer: string, cursor: number, l: LineLayout): string {
  return moveCursor(shown, from, l) + buffer.slice(from) + settleWrap(buffer.length, l) + '\x1b[J' + moveCursor(buffer.length, cursor, l);
}
