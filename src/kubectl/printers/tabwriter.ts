// Go's text/tabwriter as kubectl configures it (printers.GetNewTabWriter: minwidth 0, tabwidth 8,
// padding 3, padchar ' ', no flags): cells end at '\t'; a column is as wide as its widest cell in a
// block of consecutive lines that have it, plus 3; the last cell of a line is never padded.

const runeLength = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Lays out lines of tab-separated cells. */
export function tabwrite(lines: readonly string[][], padding = 3): string {
  const out: string[] = lines.map(() => '');
  layout(lines, 0, 0, lines.length, out, padding);
  return out.map((l) => `${l}\n`).join('');
}

// Column `col` over lines [from, to): split into blocks of lines that have a cell at `col` that is
// tab-terminated (i.e. not the line's last cell), as tabwriter.format does recursively.
function layout(lines: readonly string[][], col: number, from: number, to: number, out: string[], padding: number): void {
  let i = from;
  while (i < to) {
    if (lines[i].length - 1 <= col) {
      if (lines[i].length - 1 === col) out[i] += lines[i][col];
      i++;
      continue;
    }
    let j = i;
    let width = 0;
    while (j < to && lines[j].length - 1 > col) {
      width = Math.max(width, runeLength(lines[j][col]));
      j++;
    }
    width += padding;
    for (let k = i; k < j; k++) out[k] += lines[k][col] + ' '.repeat(width - runeLength(lines[k][col]));
    layout(lines, col + 1, i, j, out, padding);
    i = j;
  }
}
