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
});
