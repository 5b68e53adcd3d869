import { describe, expect, it } from 'vitest';
import { InputParser, sanitizePaste } from './input-parser';

describe('InputParser', () => {
  const cases = [
    { name: 'plain text', data: 'kubectl', want: [{ kind: 'text', text: 'kubectl' }] },
    { name: 'enter ends a run of text', data: 'ls\r', want: [{ kind: 'text', text: 'ls' }, { kind: 'key', key: 'enter' }] },
    { name: 'arrows (CSI and SS3)', data: '\x1b[A\x1bOB', want: [{ kind: 'key', key: 'up' }, { kind: 'key', key: 'down' }] },
    { name: 'ctrl and alt word keys', data: '\x1b[1;5D\x1bf\x17', want: [{ kind: 'key', key: 'word-left' }, { kind: 'key', key: 'word-right' }, { kind: 'key', key: 'kill-word-back' }] },
    { name: 'delete, home, end', data: '\x1b[3~\x1b[H\x1b[F', want: [{ kind: 'key', key: 'delete' }, { kind: 'key', key: 'home' }, { kind: 'key', key: 'end' }] },
    { name: 'unknown escapes are dropped', data: '\x1b[15~x', want: [{ kind: 'text', text: 'x' }] },
    { name: 'control characters without a binding are dropped', data: 'a\x00\x1fb', want: [{ kind: 'text', text: 'ab' }] },
    { name: 'a bracketed paste', data: '\x1b[200~a\rb\x1b[201~', want: [{ kind: 'paste', text: 'a\nb' }] },
  ];
  for (const c of cases) it(c.name, () => expect(new InputParser().parse(c.data)).toEqual(c.want));

  it('joins a paste split over chunks', () => {
    const p = new InputParser();
    expect(p.parse('\x1b[200~first ')).toEqual([]);
    expect(p.parse('second\x1b[201~!')).toEqual([{ kind: 'paste', text: 'first second' }, { kind: 'text', text: '!' }]);
  });
});

describe('sanitizePaste', () => {
  it('keeps tabs and newlines, normalises CRLF, drops other controls', () => {
    expect(sanitizePaste('a\tb\r\nc\rd\x1b[0m\x07\x9b')).toBe('a\tb\nc\nd[0m');
  });
});
