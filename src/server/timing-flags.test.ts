import { describe, expect, it } from 'vitest';
import type { ClusterTimings } from '../engine/cluster';
import { applyTimingFlag, parseGoDuration } from './timing-flags';

describe('timing flags', () => {
  it.each([
    { name: 'seconds', in: '40s', ms: 40_000 },
    { name: 'minutes and seconds', in: '1m30s', ms: 90_000 },
    { name: 'milliseconds', in: '500ms', ms: 500 },
    { name: 'fraction', in: '1.5s', ms: 1500 },
    { name: 'no unit', in: '40', ms: undefined },
    { name: 'garbage', in: 'soon', ms: undefined },
  ])('parseGoDuration: $name', (c) => {
    expect(parseGoDuration(c.in)).toBe(c.ms);
  });

  it.each([
    { name: 'grace period', flag: '--node-monitor-grace-period', value: '10s', res: 'ok', want: { nodeMonitorGracePeriodMs: 10_000 } },
    { name: 'toleration', flag: '--default-unreachable-toleration-seconds', value: '30', res: 'ok', want: { podEvictionTolerationSeconds: 30 } },
    { name: 'bad duration', flag: '--node-monitor-grace-period', value: '10', res: 'invalid', want: {} },
    { name: 'negative seconds', flag: '--default-unreachable-toleration-seconds', value: '-1', res: 'invalid', want: {} },
    { name: 'missing value', flag: '--default-unreachable-toleration-seconds', value: undefined, res: 'invalid', want: {} },
    { name: 'other flag', flag: '--seed', value: '3', res: 'unknown', want: {} },
  ])('applyTimingFlag: $name', (c) => {
    const into: Partial<ClusterTimings> = {};
    expect(applyTimingFlag(c.flag, c.value, into)).toBe(c.res);
    expect(into).toEqual(c.want);
  });
});
