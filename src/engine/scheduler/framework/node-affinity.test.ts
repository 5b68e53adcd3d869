import { describe, expect, it } from 'vitest';
import { getRequiredNodeAffinity, nodeSelectorMatches, preferredTermsScore } from './node-affinity';
import { makeNode, makePod } from './testing';

const node = makeNode('n1', { labels: { zone: 'a', disk: 'ssd', gen: '5' } });

describe('node selector terms (component-helpers nodeaffinity)', () => {
  const cases: { name: string; terms: unknown[]; want: boolean }[] = [
    { name: 'In', terms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }], want: true },
    { name: 'NotIn', terms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }], want: false },
    { name: 'Exists', terms: [{ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }], want: true },
    { name: 'DoesNotExist', terms: [{ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }], want: true },
    { name: 'Gt', terms: [{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }], want: true },
    { name: 'Lt', terms: [{ matchExpressions: [{ key: 'gen', operator: 'Lt', values: ['4'] }] }], want: false },
    { name: 'terms are ORed', terms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['x'] }] },
      { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }], want: true },
    { name: 'expressions are ANDed', terms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] },
      { key: 'disk', operator: 'In', values: ['hdd'] }] }], want: false },
    { name: 'matchFields metadata.name', terms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }], want: true },
    { name: 'an empty term matches nothing', terms: [{}], want: false },
    { name: 'no terms match nothing', terms: [], want: false },
  ];
  for (const c of cases) it(c.name, () => expect(nodeSelectorMatches(c.terms as never, node)).toBe(c.want));

  it('nodeSelector and required affinity both apply', () => {
    const p = makePod('p', { spec: { nodeSelector: { disk: 'ssd' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] } } } } });
    expect(getRequiredNodeAffinity(p).match(node)).toBe(false);
    expect(getRequiredNodeAffinity(makePod('q', { spec: { nodeSelector: { disk: 'ssd' } } })).match(node)).toBe(true);
    expect(getRequiredNodeAffinity(makePod('r', { spec: { nodeSelector: { disk: '' } } })).match(node)).toBe(false);
  });

  it('preferred terms add their weights', () => {
    expect(preferredTermsScore([{ weight: 5, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
      { weight: 7, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } },
      { weight: 3, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } }] as never, node)).toBe(8);
  });
});
