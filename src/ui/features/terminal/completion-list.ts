// Lays out completion candidates as bash shows them: descriptions one per line, aligned and cut to
// the terminal width ("get  (Display one or many resources)", cobra's bash completion v2), plain
// words in columns filled top to bottom.
import type { CompletionCandidate } from '../../../worker';

/** The longest prefix all values share. */
export function commonPrefix(values: readonly string[]): string {
  if (!values.length) return '';
  let p = values[0];
  for (const v of values) {
    let i = 0;
    while (i < p.length && i < v.length && p[i] === v[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** The lines that list candidates in a terminal `cols` wide. */
export function formatCandidates(candidates: readonly CompletionCandidate[], cols: number): string[] {
  const sorted = [...candidates].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const longest = Math.max(...sorted.map((c) => c.value.length));
  if (sorted.some((c) => c.description)) {
    return sorted.map((c) => {
      if (!c.description) return c.value;
      // __kubectl_format_comp_descriptions: pad to the longest, "  (desc)", cut with "…" to COLUMNS.
      let max = cols - longest - 4;
      let comp = c.value;
      if (max > 8) comp = comp.padEnd(longest);
      else max = cols - comp.length - 4;
      if (max <= 0) return comp;
      const desc = c.description.length > max ? `${c.description.slice(0, max - 1)}…` : c.description;
      return `${comp}  (${desc})`;
    });
  }
  const width = longest + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / width));
  const rows = Math.ceil(sorted.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const item = sorted[c * rows + r];
      if (item) cells.push(item.value);
    }
    lines.push(cells.map((v, i) => (i < cells.length - 1 ? v.padEnd(width) : v)).join(''));
  }
  return lines;
}
