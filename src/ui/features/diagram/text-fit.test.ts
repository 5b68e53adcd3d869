import { describe, expect, it } from 'vitest';
import { fitText } from './text-fit';

const mono = (t: string) => t.length * 7;

describe('fitText', () => {
  const cases = [
    { name: 'fits as is', text: 'web', width: 21, want: 'web' },
    { name: 'cut with an ellipsis', text: 'web-7d4b9c8f6d-x2x9k', width: 70, want: 'web-7d4b9…' },
    { name: 'only the ellipsis fits', text: 'web', width: 8, want: '…' },
    { name: 'nothing fits', text: 'web', width: 5, want: '' },
    { name: 'no trailing blank before the ellipsis', text: 'Not scheduled yet', width: 35, want: 'Not…' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = fitText(c.text, c.width, mono);
      expect(got).toBe(c.want);
      expect(mono(got)).toBeLessThanOrEqual(c.width);
    });
  }
});
