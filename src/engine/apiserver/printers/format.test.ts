// The shared formatting helpers (labels.FormatLabels, layoutContainerCells, net.JoinHostPort,
// listWithMoreString, printBoolPtr, Quantity.String).
import { describe, expect, it } from 'vitest';
import { formatLabels, joinHostPort, layoutContainerCells, listWithMoreString, printBoolPtr, quantityOrZero,
  quantityPtr } from './format';

describe('format helpers', () => {
  it.each<{ name: string; m: Record<string, string> | undefined; want: string }>([
    { name: 'none', m: undefined, want: '<none>' },
    { name: 'empty', m: {}, want: '<none>' },
    { name: 'sorted by key', m: { tier: 'web', app: 'shop', 'app.kubernetes.io/name': 'x' }, want: 'app=shop,app.kubernetes.io/name=x,tier=web' },
    { name: 'empty value', m: { a: '' }, want: 'a=' },
  ])('formatLabels: $name', ({ m, want }) => {
    expect(formatLabels(m)).toBe(want);
  });

  it('layoutContainerCells joins names and images', () => {
    expect(layoutContainerCells([{ name: 'a', image: 'x' }, { name: 'b', image: 'y:1' }])).toEqual(['a,b', 'x,y:1']);
    expect(layoutContainerCells(undefined)).toEqual(['', '']);
  });

  it('joinHostPort brackets IPv6', () => {
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
    expect(joinHostPort('fd00::1', 8080)).toBe('[fd00::1]:8080');
  });

  it('listWithMoreString', () => {
    expect(listWithMoreString([], false, 0, 3)).toBe('<unset>');
    expect(listWithMoreString(['a', 'b', 'c'], true, 5, 3)).toBe('a,b,c + 2 more...');
  });

  it('printBoolPtr', () => {
    expect([printBoolPtr(true), printBoolPtr(false), printBoolPtr(undefined)]).toEqual(['True', 'False', '<unset>']);
  });

  it.each([
    ['4Gi', '4Gi'], ['1024Mi', '1Gi'], ['0.5', '500m'], ['1000m', '1'], [2, '2'], ['1e3', '1e3'], ['bogus', 'bogus'],
  ])('Quantity.String(%j) = %j', (q, want) => {
    expect(quantityPtr(q)).toBe(want);
  });

  it('a nil *Quantity prints <nil>, a missing ResourceList entry 0', () => {
    expect(quantityPtr(undefined)).toBe('<nil>');
    expect(quantityOrZero(undefined)).toBe('0');
  });
});
