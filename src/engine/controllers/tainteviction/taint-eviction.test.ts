import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../api';
import { matchingTolerations, minTolerationTime, toleratesTaint } from './taint-eviction';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const tol = (key: string | undefined, seconds?: number, extra: Partial<Toleration> = {}): Toleration =>
  ({ key, operator: 'Exists', effect: 'NoExecute', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }), ...extra });

describe('taint eviction arithmetic', () => {
  it('toleratesTaint: key, operator, value and effect', () => {
    expect(toleratesTaint(tol(undefined), unreachable)).toBe(true);
    expect(toleratesTaint(tol('other'), unreachable)).toBe(false);
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'v' }, { key: 'k', value: 'v', effect: 'NoExecute' })).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'w' }, { key: 'k', value: 'v', effect: 'NoExecute' })).toBe(false);
    expect(toleratesTaint(tol('node.kubernetes.io/unreachable', undefined, { effect: 'NoSchedule' }), unreachable)).toBe(false);
  });
  const cases: { name: string; taints: Taint[]; tolerations: Toleration[]; all: boolean; min?: number }[] = [
    { name: 'the admission defaults: 300 s', taints: [unreachable],
      tolerations: [tol('node.kubernetes.io/not-ready', 300), tol('node.kubernetes.io/unreachable', 300)], all: true, min: 300_000 },
    { name: 'not tolerated: at once', taints: [unreachable], tolerations: [], all: false },
    { name: 'tolerated forever (a DaemonSet pod)', taints: [unreachable], tolerations: [tol('node.kubernetes.io/unreachable')], all: true, min: -1 },
    { name: 'the smallest of the used tolerations', taints: [unreachable, notReady],
      tolerations: [tol('node.kubernetes.io/not-ready', 60), tol('node.kubernetes.io/unreachable', 300)], all: true, min: 60_000 },
    { name: 'a zero or negative seconds evicts at once', taints: [unreachable], tolerations: [tol('node.kubernetes.io/unreachable', 0)], all: true, min: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = matchingTolerations(c.taints, c.tolerations);
      expect(m.all).toBe(c.all);
      if (c.min !== undefined) expect(minTolerationTime(m.used)).toBe(c.min);
    });
  }
});
