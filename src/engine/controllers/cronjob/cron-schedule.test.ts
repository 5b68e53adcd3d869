import { describe, expect, it } from 'vitest';
import { parseStandard } from './cron-schedule';

const T = (s: string) => Date.parse(s);
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

describe('parseStandard().next', () => {
  const cases: { name: string; spec: string; from: string; want: string[] }[] = [
    { name: 'every minute', spec: '* * * * *', from: '2025-01-15T09:00:00Z', want: ['2025-01-15T09:01:00Z', '2025-01-15T09:02:00Z'] },
    { name: 'every minute from mid-minute', spec: '* * * * *', from: '2025-01-15T09:00:30.5Z', want: ['2025-01-15T09:01:00Z'] },
    { name: 'step minutes', spec: '*/15 * * * *', from: '2025-01-15T09:07:00Z', want: ['2025-01-15T09:15:00Z', '2025-01-15T09:30:00Z', '2025-01-15T09:45:00Z', '2025-01-15T10:00:00Z'] },
    { name: 'list and range', spec: '5,10-11 8 * * *', from: '2025-01-15T08:06:00Z', want: ['2025-01-15T08:10:00Z', '2025-01-15T08:11:00Z', '2025-01-16T08:05:00Z'] },
    { name: 'N/step means N-max/step', spec: '50/5 * * * *', from: '2025-01-15T09:00:00Z', want: ['2025-01-15T09:50:00Z', '2025-01-15T09:55:00Z', '2025-01-15T10:50:00Z'] },
    { name: 'weekdays by name', spec: '0 9 * * mon-fri', from: '2025-01-17T10:00:00Z', want: ['2025-01-20T09:00:00Z', '2025-01-21T09:00:00Z'] },
    { name: 'dom and dow both restricted: either matches', spec: '0 0 13 * 5', from: '2025-01-01T00:00:00Z', want: ['2025-01-03T00:00:00Z', '2025-01-10T00:00:00Z', '2025-01-13T00:00:00Z'] },
    { name: 'dom restricted, dow *: dom only', spec: '0 0 13 * *', from: '2025-01-01T00:00:00Z', want: ['2025-01-13T00:00:00Z', '2025-02-13T00:00:00Z'] },
    { name: 'dow */2 is not a star', spec: '0 0 1 * */2', from: '2025-01-01T00:00:00Z', want: ['2025-01-02T00:00:00Z', '2025-01-04T00:00:00Z'] },
    { name: 'month names', spec: '0 0 1 jan,jul *', from: '2025-01-15T00:00:00Z', want: ['2025-07-01T00:00:00Z', '2026-01-01T00:00:00Z'] },
    { name: '@hourly', spec: '@hourly', from: '2025-01-15T09:00:00Z', want: ['2025-01-15T10:00:00Z'] },
    { name: '@daily', spec: '@daily', from: '2025-01-15T09:00:00Z', want: ['2025-01-16T00:00:00Z'] },
    { name: '@weekly (Sunday)', spec: '@weekly', from: '2025-01-15T09:00:00Z', want: ['2025-01-19T00:00:00Z'] },
    { name: '@monthly', spec: '@monthly', from: '2025-01-15T09:00:00Z', want: ['2025-02-01T00:00:00Z'] },
    { name: '@yearly', spec: '@yearly', from: '2025-01-15T09:00:00Z', want: ['2026-01-01T00:00:00Z'] },
    { name: '@every 90s', spec: '@every 1m30s', from: '2025-01-15T09:00:00.250Z', want: ['2025-01-15T09:01:30Z', '2025-01-15T09:03:00Z'] },
    { name: 'leap day', spec: '0 0 29 2 *', from: '2025-01-01T00:00:00Z', want: ['2028-02-29T00:00:00Z'] },
    { name: 'time zone prefix', spec: 'TZ=Europe/Paris 0 9 * * *', from: '2025-01-15T00:00:00Z', want: ['2025-01-15T08:00:00Z', '2025-01-16T08:00:00Z'] },
    { name: 'time zone in summer', spec: 'CRON_TZ=America/New_York 30 6 * * *', from: '2025-07-01T00:00:00Z', want: ['2025-07-01T10:30:00Z'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = parseStandard(c.spec);
      const got: string[] = [];
      let t = T(c.from);
      for (let i = 0; i < c.want.length; i++) {
        t = s.next(t);
        got.push(iso(t));
      }
      expect(got).toEqual(c.want);
    });
  }

  it('an impossible date has no next time within five years', () => {
    expect(parseStandard('0 0 31 2 *').next(T('2025-01-01T00:00:00Z'))).toBe(0);
  });

  const bad: { name: string; spec: string; err: string }[] = [
    { name: 'too few fields', spec: '* * * *', err: 'expected exactly 5 fields, found 4: [* * * *]' },
    { name: 'out of range', spec: '60 * * * *', err: 'end of range (60) above maximum (59): 60' },
    { name: 'unknown descriptor', spec: '@fortnightly', err: 'unrecognized descriptor: @fortnightly' },
  ];
  for (const b of bad) {
    it(`rejects ${b.name}`, () => {
      expect(() => parseStandard(b.spec)).toThrow(b.err);
    });
  }
});
