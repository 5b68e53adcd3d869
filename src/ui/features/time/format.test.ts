import { describe, expect, it } from 'vitest';
import { elapsedText, speedLabel } from './format';

describe('elapsedText', () => {
  const cases = [
    { name: 'seconds', ms: 42_500, want: '+42s' },
    { name: 'minutes', ms: 4 * 60_000 + 7_000, want: '+4m07s' },
    { name: 'hours', ms: 2 * 3_600_000 + 5 * 60_000, want: '+2h05m' },
    { name: 'days', ms: 3 * 86_400_000 + 4 * 3_600_000, want: '+3d4h' },
    { name: 'never negative', ms: -5, want: '+0s' },
  ];
  for (const c of cases) it(c.name, () => expect(elapsedText(c.ms)).toBe(c.want));
});

describe('speedLabel', () => {
  it('names pause and multipliers', () => expect([0, 1, 60].map(speedLabel)).toEqual(['Paused', '1×', '60×']));
});
