import { describe, expect, it } from 'vitest';
import { makeNode, makePod, nodeInfoOf, runFilter } from '../../framework';
import { NodeUnschedulable } from './node-unschedulable';

describe('NodeUnschedulable Filter', () => {
  const pl = new NodeUnschedulable();
  const cases: { name: string; unschedulable: boolean; tolerate: boolean; want?: string }[] = [
    { name: 'schedulable node', unschedulable: false, tolerate: false },
    { name: 'cordoned node', unschedulable: true, tolerate: false, want: 'node(s) were unschedulable' },
    { name: 'cordoned, pod tolerates node.kubernetes.io/unschedulable', unschedulable: true, tolerate: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = makePod('p', { spec: { tolerations: c.tolerate ? [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] : [] } });
      expect(runFilter(pl, pod, nodeInfoOf(makeNode('n', { unschedulable: c.unschedulable })))?.message()).toBe(c.want);
    });
  }
});
