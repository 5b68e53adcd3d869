import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, TabWriter, tabwrite } from './tabwriter';

describe('tabwrite', () => {
  it('pads every column but the last to its widest cell plus 3', () => {
    expect(tabwrite([['NAME', 'READY', 'STATUS'], ['test-app-pod', '1/1', 'Running']])).toBe(
      'NAME           READY   STATUS\n' +
      'test-app-pod   1/1     Running\n');
  });
  it('counts runes, not bytes, and keeps kubectl\'s minimum width of 6', () => {
    expect(tabwrite([['é', 'x'], ['ab', 'y']])).toBe('é     x\nab    y\n');
  });
  it('lays out column blocks separately (text/tabwriter elastic tabstops)', () => {
    expect(tabwrite([['a', 'b', 'c'], ['aaaaaaaa', 'b'], ['x']], DESCRIBE_TABWRITER)).toBe('a         b  c\naaaaaaaa  b\nx\n');
  });
  it('remembers widths across flushes (get -w)', () => {
    const w = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true });
    w.write('LONGNAME\tX\n');
    w.flush();
    w.write('a\tY\n');
    w.flush();
    expect(w.take()).toBe('LONGNAME   X\na          Y\n');
  });

  // writeRow is the printers' fast path; it must lay out exactly as writing the joined line would.
  const rowCases: { name: string; rows: string[][] }[] = [
    { name: 'plain rows', rows: [['NAME', 'READY'], ['web-1', '1/1'], ['web-22', '0/1']] },
    { name: 'a single cell flushes', rows: [['alone'], ['a', 'b']] },
    { name: 'runes and surrogate pairs', rows: [['é😀', 'x'], ['ab', 'y']] },
    { name: 'empty cells', rows: [['', 'x', ''], ['a', '', 'b']] },
    { name: 'a cell holding a tab or line break takes the scanning path', rows: [['a\tb', 'c'], ['d\ne', 'f'], ['g\fh', 'i']] },
  ];
  it.each(rowCases)('writeRow lays out as write does: $name', ({ rows }) => {
    const byWrite = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true });
    const byRow = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true });
    for (const r of rows) {
      byWrite.write(`${r.join('\t')}\n`);
      byRow.writeRow(r);
    }
    byWrite.flush();
    byRow.flush();
    expect(byRow.take()).toBe(byWrite.take());
  });
});
