import { describe, expect, it } from 'vitest';
import { TokenManager } from './token';

describe('TokenManager', () => {
  it('reuses a token until 80 % of its lifetime, then mints a new one; tokens are per key', () => {
    const m = new TokenManager();
    let n = 0;
    const mint = () => `t${++n}`;
    expect(m.get('p/a/3607', 0, 3607, mint)).toBe('t1');
    expect(m.get('p/a/3607', 60_000, 3607, mint)).toBe('t1');
    expect(m.get('p/a/3607', 2_885_000, 3607, mint)).toBe('t1');
    expect(m.get('p/a/3607', 2_886_000, 3607, mint)).toBe('t2');
    expect(m.get('q/a/3607', 2_886_000, 3607, mint)).toBe('t3');
  });
});
