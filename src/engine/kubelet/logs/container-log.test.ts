import { describe, expect, it } from 'vitest';
import { ContainerLog, MAX_LOG_LINES, type LogReadOptions } from './container-log';

function sample(): ContainerLog {
  const log = new ContainerLog();
  log.append({ t: 1_736_931_600_000, subMs: 5, stream: 'stdout', text: 'one' });
  log.append({ t: 1_736_931_601_000, subMs: 999_999, stream: 'stderr', text: 'two' });
  log.append({ t: 1_736_931_602_500, subMs: 0, stream: 'stdout', text: 'three' });
  return log;
}

describe('ContainerLog', () => {
  const cases: { name: string; opts: LogReadOptions; want: string }[] = [
    { name: 'everything', opts: {}, want: 'one\ntwo\nthree\n' },
    { name: 'tail 2', opts: { tailLines: 2 }, want: 'two\nthree\n' },
    { name: 'tail 0', opts: { tailLines: 0 }, want: '' },
    { name: 'tail past the start', opts: { tailLines: 10 }, want: 'one\ntwo\nthree\n' },
    { name: 'since', opts: { since: 1_736_931_601_000 }, want: 'two\nthree\n' },
    { name: 'since and tail', opts: { since: 1_736_931_600_500, tailLines: 1 }, want: 'three\n' },
    { name: 'since after the last line', opts: { since: 1_736_931_700_000 }, want: '' },
    { name: 'timestamps', opts: { timestamps: true, tailLines: 2 },
      want: '2025-01-15T09:00:01.000999999Z two\n2025-01-15T09:00:02.500000000Z three\n' },
    { name: 'limitBytes', opts: { limitBytes: 6 }, want: 'one\ntw' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(sample().read(c.opts)).toBe(c.want);
    });
  }

  it('gives back each line as appended (stream, subMs)', () => {
    expect(sample().all()).toEqual([
      { t: 1_736_931_600_000, subMs: 5, stream: 'stdout', text: 'one' },
      { t: 1_736_931_601_000, subMs: 999_999, stream: 'stderr', text: 'two' },
      { t: 1_736_931_602_500, subMs: 0, stream: 'stdout', text: 'three' },
    ]);
  });

  it('keeps the last MAX_LOG_LINES lines', () => {
    const log = new ContainerLog();
    for (let i = 0; i < MAX_LOG_LINES + 3; i++) log.append({ t: i, subMs: 0, stream: 'stdout', text: `l${i}` });
    expect(log.size()).toBe(MAX_LOG_LINES);
    expect(log.select({ tailLines: 1 })[0].text).toBe(`l${MAX_LOG_LINES + 2}`);
    expect(log.all()[0].text).toBe('l3');
  });

  it('hands new lines to followers until closed', () => {
    const log = new ContainerLog();
    const got: string[] = [];
    log.follow((l) => got.push(l.text), () => got.push('<end>'));
    log.append({ t: 1, subMs: 0, stream: 'stdout', text: 'a' });
    log.close();
    log.append({ t: 2, subMs: 0, stream: 'stdout', text: 'b' });
    expect(got).toEqual(['a', '<end>']);
  });
});
