import { describe, expect, it } from 'vitest';
import { klogLine, klogValue } from './klog';

describe('klogValue (klog writeStringValue)', () => {
  const cases: { name: string; v: string; want: string }[] = [
    { name: 'one line is Go-quoted', v: 'a "b" c', want: '"a \\"b\\" c"' },
    { name: 'a trailing line break closes on the next line', v: 'x: refused\n', want: '<\n\tx: refused\n >' },
    { name: 'lines are tab-indented, the last one too', v: 'one\ntwo', want: '<\n\tone\n\ttwo\n >' },
  ];
  it.each(cases)('$name', ({ v, want }) => expect(klogValue(v)).toBe(want));
});

describe('klogLine', () => {
  it('prints the severity, date, time with microseconds, padded pid and source position', () => {
    expect(klogLine('E', Date.UTC(2024, 10, 24, 23, 49, 48, 350), 'portforward.go:424', '"Unhandled Error" err="x"'))
      .toBe('E1124 23:49:48.350000   12345 portforward.go:424] "Unhandled Error" err="x"\n');
  });
});
