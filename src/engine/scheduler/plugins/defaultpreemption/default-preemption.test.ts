import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api';
import { CycleState, Framework, Status, fakeHandle, makeNode, makePod, nodeInfoOf, podRequests, type FilterPlugin, type Handle } from '../../framework';
import { DefaultPreemption } from './default-preemption';

/** A cpu-only stand-in for NodeResourcesFit (plugins do not import each other). */
const cpuFit: FilterPlugin = {
  name: 'CpuFit',
  filter: (_s, pod, ni) => (podRequests(pod).milliCPU > ni.allocatable.milliCPU - ni.requested.milliCPU ? Status.unschedulable('Insufficient cpu') : undefined),
};

function plugin(): { pl: DefaultPreemption; h: Handle } {
  const base = fakeHandle();
  const fwk = new Framework('default-scheduler', [cpuFit], new Map(), { nominatedPodsForNode: () => [] });
  const h: Handle = { ...base, runner: fwk, nominator: { nominatedPodsForNode: () => [] } };
  return { pl: new DefaultPreemption(h), h };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata!.name);

describe('DefaultPreemption SelectVictimsOnNode', () => {
  // 4 cpu: a (prio 0, 1 cpu), b (prio 0, 2 cpu), vip (prio 100, 1 cpu)
  const existing = [makePod('a', { cpu: '1', priority: 0, nodeName: 'n' }), makePod('b', { cpu: '2', priority: 0, nodeName: 'n' }),
    makePod('vip', { cpu: '1', priority: 100, nodeName: 'n' })];
  const cases: { name: string; preemptor: Pod; victims?: string[]; reason?: string }[] = [
    { name: 'needs 3 cpu: both lower-priority pods go', preemptor: makePod('p', { cpu: '3', priority: 50 }), victims: ['a', 'b'] },
    { name: 'needs 2 cpu: a is reprieved, b goes', preemptor: makePod('p', { cpu: '2', priority: 50 }), victims: ['b'] },
    { name: 'nothing of lower priority', preemptor: makePod('p', { cpu: '2', priority: 0 }), reason: 'No preemption victims found for incoming pod' },
    { name: 'does not fit even on an emptied node', preemptor: makePod('p', { cpu: '4', priority: 50 }), reason: 'Insufficient cpu' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { pl, h } = plugin();
      const state = new CycleState();
      (h.runner as Framework).runPreFilterPlugins(state, c.preemptor, []);
      const r = pl.selectVictimsOnNode(state, c.preemptor, nodeInfoOf(makeNode('n', { cpu: '4' }), existing), []);
      if (c.victims) expect(names(r.victims)).toEqual(c.victims);
      else expect(r.status?.reasons).toEqual([c.reason]);
    });
  }
});

describe('DefaultPreemption eligibility and candidates', () => {
  it('preemptionPolicy Never is not eligible', () => {
    const { pl } = plugin();
    expect(pl.podEligibleToPreemptOthers(makePod('p', { spec: { preemptionPolicy: 'Never' } }), undefined))
      .toEqual([false, 'not eligible due to preemptionPolicy=Never.']);
    expect(pl.podEligibleToPreemptOthers(makePod('p'), undefined)).toEqual([true, '']);
  });
  it('tries 10% of the potential nodes, at least 100, at most all', () => {
    const { pl } = plugin();
    expect([pl.getOffsetAndNumCandidates(50)[1], pl.getOffsetAndNumCandidates(500)[1], pl.getOffsetAndNumCandidates(5000)[1]]).toEqual([50, 100, 500]);
  });
});
