import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../engine/api/types';
import { allContainerNames, byActiveReversed, byLogging, findContainer } from './pods-for-object';

function pod(name: string, o: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string } = {}): Pod {
  return {
    metadata: { name, creationTimestamp: o.created ?? '2025-01-15T09:00:00Z' },
    spec: { nodeName: o.node, containers: [{ name: 'c' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 } as never],
    },
  } as Pod;
}

describe('ByLogging and ActivePods orders', () => {
  const cases = [
    { name: 'scheduled before unscheduled', a: pod('a'), b: pod('b', { node: 'n' }), logging: 'b', active: 'b' },
    { name: 'running before pending', a: pod('a', { node: 'n', phase: 'Pending' }), b: pod('b', { node: 'n' }), logging: 'b', active: 'b' },
    { name: 'ready before not ready', a: pod('a', { node: 'n' }), b: pod('b', { node: 'n', ready: '2025-01-15T09:01:00Z' }), logging: 'b', active: 'b' },
    { name: 'ready longer first', a: pod('a', { node: 'n', ready: '2025-01-15T09:02:00Z' }), b: pod('b', { node: 'n', ready: '2025-01-15T09:01:00Z' }), logging: 'b', active: 'b' },
    { name: 'more restarts first for logs', a: pod('a', { node: 'n' }), b: pod('b', { node: 'n', restarts: 2 }), logging: 'b', active: 'a' },
    { name: 'older first', a: pod('a', { node: 'n', created: '2025-01-15T09:05:00Z' }), b: pod('b', { node: 'n' }), logging: 'b', active: 'b' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect([c.a, c.b].sort(byLogging)[0].metadata?.name).toBe(c.logging);
      expect([c.a, c.b].sort(byActiveReversed)[0].metadata?.name).toBe(c.active);
    });
  }
});

describe('container names', () => {
  const p = { metadata: { name: 'p' }, spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'a' }, { name: 'b' }],
    ephemeralContainers: [{ name: 'dbg' }] } } as Pod;
  it('lists them as podcmd.AllContainerNames does', () => expect(allContainerNames(p)).toBe('a, b, dbg (ephem), init (init)'));
  const cases = [
    { name: 'container', c: 'b', want: 'spec.containers{b}' }, { name: 'init', c: 'init', want: 'spec.initContainers{init}' },
    { name: 'ephemeral', c: 'dbg', want: 'spec.ephemeralContainers{dbg}' }, { name: 'missing', c: 'x', want: undefined },
  ];
  for (const c of cases) it(`finds a ${c.name}`, () => expect(findContainer(p, c.c)).toBe(c.want));
});
