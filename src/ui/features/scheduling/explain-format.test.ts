import { describe, expect, it } from 'vitest';
import type { SchedulingAttempt } from '../../../worker';
import { headline, summary, verdictRows } from './explain-format';

const base: SchedulingAttempt = { pod: 'default/web', uid: 'u', attempt: 1, time: 0, result: 'Scheduled', node: 'b', numAllNodes: 3,
  evaluatedNodes: 3, feasibleNodes: 2, skippedFilterPlugins: [], skippedScorePlugins: [] };

describe('explain-format', () => {
  it('orders the chosen node first, then by score, then the rejected ones, with their reasons', () => {
    const rows = verdictRows({ ...base, nodes: [
      { node: 'a', total: 150, scores: [{ plugin: 'NodeResourcesFit', raw: 50, weighted: 50, weight: 1 }] },
      { node: 'b', total: 120, selected: true, scores: [] },
      { node: 'c', filter: { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {x: }'] } },
    ] });
    expect(rows.map((r) => [r.node, r.passed, r.verdict])).toEqual([
      ['b', true, 'Passed every filter · chosen'],
      ['a', true, 'Passed every filter'],
      ['c', false, 'TaintToleration: node(s) had untolerated taint {x: }'],
    ]);
    expect(rows[1].scores).toEqual(['NodeResourcesFit: 50 → 50 (weight 1)']);
  });

  const cases = [
    { name: 'scheduled', a: base, head: 'Scheduled on b', sum: '3 nodes: 2 passed every filter, 1 rejected.' },
    { name: 'unschedulable', a: { ...base, result: 'Unschedulable' as const, node: undefined, feasibleNodes: 0 }, head: 'Not scheduled',
      sum: '3 nodes: 0 passed every filter, 3 rejected.' },
    { name: 'prefilter', a: { ...base, result: 'Unschedulable' as const, preFilter: { plugin: 'VolumeBinding', reasons: ['x'] } },
      head: 'Not scheduled', sum: '3 nodes: VolumeBinding rejected the pod before any node was looked at.' },
    { name: 'partial scan', a: { ...base, numAllNodes: 1, evaluatedNodes: 1, feasibleNodes: 1 }, head: 'Scheduled on b',
      sum: '1 node: 1 passed every filter, 0 rejected.' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(headline(c.a)).toBe(c.head);
      expect(summary(c.a)).toBe(c.sum);
    });
  }
});
