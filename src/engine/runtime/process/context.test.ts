import { describe, expect, it } from 'vitest';
import { Env } from './context';

describe('Env', () => {
  const pairs = Object.freeze([['PATH', '/bin'], ['A', '1'], ['B', '2'], ['A', '3']].map((p) => Object.freeze(p as [string, string])));

  it('over shared pairs reads as the map built from them (a later pair wins, in the first one\'s place)', () => {
    const e = Env.fromPairs(pairs);
    expect([e.get('A'), e.get('B'), e.get('C'), e.has('PATH'), e.has('C')]).toEqual(['3', '2', undefined, true, false]);
    expect(e.entries()).toEqual([['PATH', '/bin'], ['A', '3'], ['B', '2']]);
  });

  it('copies on the first change: the pairs and clones are untouched', () => {
    const e = Env.fromPairs(pairs);
    const c = e.clone();
    e.set('B', 'x');
    e.set('D', '4');
    e.delete('PATH');
    expect(e.entries()).toEqual([['A', '3'], ['B', 'x'], ['D', '4']]);
    expect(c.entries()).toEqual([['PATH', '/bin'], ['A', '3'], ['B', '2']]);
    expect(pairs.map((p) => p.join('='))).toEqual(['PATH=/bin', 'A=1', 'B=2', 'A=3']);
    const d = e.clone();
    d.set('A', 'z');
    expect([e.get('A'), d.get('A')]).toEqual(['3', 'z']);
  });
});
