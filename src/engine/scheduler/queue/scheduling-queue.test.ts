import { describe, expect, it } from 'vitest';
import { SimClock } from '../../clock';
import { ActionType, Framework, makePod, type ClusterEventWithHint, type Plugin } from '../framework';
import { PrioritySort } from '../plugins/queuesort';
import { SchedulingGates } from '../plugins/schedulinggates';
import { EVENTS } from './events';
import { SchedulingQueue, isPodUpdated } from './scheduling-queue';

/** A plugin that registers Node/Add (hint: the node is labelled ok=true) and assigned Pod/Delete. */
const fake: Plugin & { eventsToRegister(): ClusterEventWithHint[] } = {
  name: 'Fake',
  eventsToRegister: () => [
    { event: { resource: 'Node', actionType: ActionType.Add }, hint: (_p, _o, n) => n?.metadata?.labels?.ok === 'true' },
    { event: { resource: 'Pod', actionType: ActionType.Delete } },
  ],
};

function setup() {
  const clock = new SimClock({ start: 1_000_000 });
  let kicks = 0;
  const fwk = new Framework('default-scheduler', [new SchedulingGates(), new PrioritySort(), fake], new Map(), { nominatedPodsForNode: () => [] });
  const q = new SchedulingQueue({ clock, framework: fwk, onActive: () => kicks++ });
  return { clock, q, kicks: () => kicks };
}

/** Pops the pod, then returns it rejected by the given plugins (as a failed cycle does). */
function fail(q: SchedulingQueue, plugins: string[] = ['Fake']) {
  const p = q.pop()!;
  p.unschedulablePlugins = new Set(plugins);
  return { p, where: q.addUnschedulableIfNotPresent(p) };
}

describe('SchedulingQueue', () => {
  it('pops by priority, then arrival', () => {
    const { q } = setup();
    q.add(makePod('a'));
    q.add(makePod('b', { priority: 1000 }));
    q.add(makePod('c'));
    expect([q.pop(), q.pop(), q.pop()].map((x) => x!.podInfo.name)).toEqual(['b', 'a', 'c']);
    expect(q.pop()).toBeUndefined();
  });

  it('backs off 1s, 2s, 4s, 8s, then 10s (a pod failing with no rejecting plugin)', () => {
    const { q, clock } = setup();
    q.add(makePod('a'));
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const p = q.pop()!;
      p.unschedulablePlugins = new Set();
      expect(q.addUnschedulableIfNotPresent(p)).toBe('backoffQ');
      const t0 = clock.now();
      while (!q.hasActive()) clock.step();
      waits.push(clock.now() - t0);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('keeps a rejected pod in unschedulablePods until a registered event whose hint says yes', () => {
    const { q } = setup();
    q.add(makePod('a'));
    expect(fail(q).where).toBe('unschedulablePods');
    q.moveAllToActiveOrBackoffQueue(EVENTS.NodeAdd, undefined, { metadata: { name: 'n', labels: { ok: 'false' } } });
    expect(q.counts()).toEqual({ activeQ: 0, backoffQ: 0, unschedulablePods: 1 });
    q.moveAllToActiveOrBackoffQueue(EVENTS.NodeLabelChange, undefined, { metadata: { name: 'n', labels: { ok: 'true' } } });
    expect(q.counts().unschedulablePods).toBe(1); // Fake did not register label changes
    q.moveAllToActiveOrBackoffQueue(EVENTS.NodeAdd, undefined, { metadata: { name: 'n', labels: { ok: 'true' } } });
    // Moved, but still within its 1s back-off: backoffQ first.
    expect(q.counts()).toEqual({ activeQ: 0, backoffQ: 1, unschedulablePods: 0 });
  });

  it('moves a pod whose back-off already ended straight to activeQ', () => {
    const { q, clock } = setup();
    q.add(makePod('a'));
    fail(q);
    clock.advance(5000);
    q.moveAllToActiveOrBackoffQueue(EVENTS.AssignedPodDelete, makePod('gone', { nodeName: 'n' }));
    expect(q.counts()).toEqual({ activeQ: 1, backoffQ: 0, unschedulablePods: 0 });
  });

  it('flushes unschedulablePods after 5 minutes, on its 30 s tick', () => {
    const { q, clock } = setup();
    clock.advance(7000); // the pod fails 7 s after the queue started
    q.add(makePod('a'));
    fail(q);
    clock.advance(300_000); // 307 s: not yet (ticks at 300 s, 330 s …)
    expect(q.counts().unschedulablePods).toBe(1);
    clock.advance(22_999);
    expect(q.counts().unschedulablePods).toBe(1);
    clock.advance(1); // 330 s after start: more than 5 min since the failure
    expect(q.counts()).toEqual({ activeQ: 1, backoffQ: 0, unschedulablePods: 0 });
  });

  it('holds gated pods until an update removes the gates', () => {
    const { q } = setup();
    const gated = makePod('g', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    q.add(gated);
    expect(q.where(gated)).toBe('unschedulablePods');
    expect(q.get(gated)!.unschedulablePlugins).toEqual(new Set(['SchedulingGates']));
    const relabelled = { ...gated, metadata: { ...gated.metadata, labels: { x: 'y' } } };
    q.update(gated, relabelled);
    expect(q.where(gated)).toBe('unschedulablePods');
    const ungated = { ...relabelled, spec: { ...relabelled.spec!, schedulingGates: [] } };
    q.update(relabelled, ungated);
    expect(q.where(gated)).toBe('activeQ');
  });

  it('a status-only update leaves an unschedulable pod where it is', () => {
    const { q } = setup();
    const a = makePod('a');
    q.add(a);
    fail(q);
    const b = { ...a, status: { conditions: [{ type: 'PodScheduled', status: 'False' }] }, metadata: { ...a.metadata, resourceVersion: '9' } };
    expect(isPodUpdated(a, b)).toBe(false);
    q.update(a, b);
    expect(q.where(a)).toBe('unschedulablePods');
  });

  it('delete removes the pod from every queue', () => {
    const { q } = setup();
    const a = makePod('a');
    q.add(a);
    q.delete(a);
    expect(q.counts()).toEqual({ activeQ: 0, backoffQ: 0, unschedulablePods: 0 });
  });

  it('signals the scheduler when activeQ gains a pod', () => {
    const { q, kicks } = setup();
    q.add(makePod('a'));
    expect(kicks()).toBe(1);
  });
});

describe('UnschedulablePods index', () => {
  it('an event visits only pods whose rejecting plugins registered it', () => {
    const { q } = setup();
    q.add(makePod('fake'));
    fail(q, ['Fake']);
    q.add(makePod('other'));
    fail(q, ['Other']);
    q.add(makePod('none'));
    const p = q.pop()!;
    p.unschedulablePlugins = new Set();
    q.addUnschedulableIfNotPresent(p); // no rejecting plugin: backoffQ, not unschedulablePods
    q.moveAllToActiveOrBackoffQueue(EVENTS.AssignedPodDelete, makePod('gone', { nodeName: 'n' }));
    expect(q.where(makePod('fake'))).toBe('backoffQ');
    expect(q.where(makePod('other'))).toBe('unschedulablePods');
  });
});
