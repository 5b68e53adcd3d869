import { describe, expect, it } from 'vitest';
import { History, LineEditor } from './line-editor';
import type { Key } from './input-parser';

describe('LineEditor', () => {
  const cases: { name: string; start: string; cursor: number; keys: Key[]; buffer: string; at: number }[] = [
    { name: 'backspace', start: 'abc', cursor: 3, keys: ['backspace'], buffer: 'ab', at: 2 },
    { name: 'delete under the cursor', start: 'abc', cursor: 1, keys: ['delete'], buffer: 'ac', at: 1 },
    { name: 'home and end', start: 'abc', cursor: 1, keys: ['home'], buffer: 'abc', at: 0 },
    { name: 'Ctrl-W removes the word before the cursor', start: 'kubectl get pods', cursor: 16, keys: ['kill-word-back'], buffer: 'kubectl get ', at: 12 },
    { name: 'Ctrl-U removes to the start', start: 'kubectl get', cursor: 8, keys: ['kill-start'], buffer: 'get', at: 0 },
    { name: 'Ctrl-K then Ctrl-Y puts it back', start: 'abc def', cursor: 3, keys: ['kill-end', 'end', 'yank'], buffer: 'abc def', at: 7 },
    { name: 'word moves', start: 'get pods/web-1', cursor: 14, keys: ['word-left', 'word-left'], buffer: 'get pods/web-1', at: 9 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = new LineEditor();
      e.state = { buffer: c.start, cursor: c.cursor };
      for (const k of c.keys) e.apply(k);
      expect(e.state).toEqual({ buffer: c.buffer, cursor: c.at });
    });
  }

  it('reports keys that do nothing (the terminal rings)', () => {
    const e = new LineEditor();
    expect(e.apply('backspace')).toBe(false);
    expect(e.apply('left')).toBe(false);
  });
});

describe('History', () => {
  it("skips blanks, repeats and lines starting with a space (bash's ignoreboth)", () => {
    const h = new History();
    for (const l of ['a', 'a', '  ', ' secret', 'b']) h.add(l);
    expect(h.entries).toEqual(['a', 'b']);
  });

  it('keeps at most max entries', () => {
    const h = new History([], 2);
    for (const l of ['1', '2', '3']) h.add(l);
    expect(h.entries).toEqual(['2', '3']);
  });
});
