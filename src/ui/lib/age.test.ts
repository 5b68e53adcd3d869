import { describe, expect, it } from 'vitest';
import { humanDuration } from './age';

describe('humanDuration', () => {
  const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;
  const cases = [
    { name: 'seconds under two minutes', ms: 119 * S, want: '119s' },
    { name: 'minutes and seconds under ten minutes', ms: 3 * M + 12 * S, want: '3m12s' },
    { name: 'whole minutes', ms: 5 * M, want: '5m' },
    { name: 'minutes under three hours', ms: 150 * M, want: '150m' },
    { name: 'hours and minutes under eight hours', ms: 5 * H + 30 * M, want: '5h30m' },
    { name: 'hours under two days', ms: 20 * H, want: '20h' },
    { name: 'days and hours under eight days', ms: 3 * D + 4 * H, want: '3d4h' },
    { name: 'days', ms: 45 * D, want: '45d' },
    { name: 'years and days', ms: 800 * D, want: '2y70d' },
    { name: 'slightly negative is 0s', ms: -500, want: '0s' },
    { name: 'clearly negative is invalid', ms: -5 * S, want: '<invalid>' },
  ];
  for (const c of cases) it(c.name, () => expect(humanDuration(c.ms)).toBe(c.want));
});
