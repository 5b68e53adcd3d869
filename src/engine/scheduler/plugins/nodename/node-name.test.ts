import { describe, expect, it } from 'vitest';
import { makeNode, makePod, nodeInfoOf, runFilter } from '../../framework';
import { NodeName } from './node-name';

describe('NodeName Filter', () => {
  const pl = new NodeName();
  const cases: { name: string; nodeName?: string; want?: string }[] = [
    { name: 'no nodeName', nodeName: undefined },
    { name: 'matching nodeName', nodeName: 'n1' },
    { name: 'other nodeName', nodeName: 'n2', want: "node(s) didn't match the requested node name" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = makePod('p', { spec: { nodeName: c.nodeName } });
      expect(runFilter(pl, pod, nodeInfoOf(makeNode('n1')))?.message()).toBe(c.want);
    });
  }
});
