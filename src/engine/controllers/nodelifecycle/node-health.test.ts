import { describe, expect, it } from 'vitest';
import type { Lease, Node, Taint } from '../../api';
import { SimClock } from '../../clock';
import { computeZoneState, tryUpdateNodeHealth, zoneKey } from './node-health';
import { RateLimitedTimedQueue } from './rate-limited-queue';
import { taintSetDiff } from './taints';

const T0 = Date.UTC(2025, 0, 15, 9);
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');
const node = (ready?: { status: string; hb: number }): Node => ({
  metadata: { name: 'n1', creationTimestamp: at(0) },
  status: { conditions: ready ? [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: at(ready.hb), lastTransitionTime: at(0) },
    { type: 'Ready', status: ready.status, lastHeartbeatTime: at(ready.hb), lastTransitionTime: at(0), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ] : [] },
});
const lease = (renew: number): Lease => ({ metadata: { name: 'n1', namespace: 'kube-node-lease' }, spec: { renewTime: new Date(T0 + renew * 1000).toISOString() } });

describe('tryUpdateNodeHealth', () => {
  const G = 40_000;
  const S = 60_000;
  it('a first look records the probe time and changes nothing', () => {
    const r = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), undefined, lease(0), T0 + 5000, G, S);
    expect(r.update).toBeUndefined();
    expect(r.health.probeTimestamp).toBe(T0 + 5000);
  });
  it('lease renewals keep a node healthy without status updates', () => {
    let h = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), undefined, lease(0), T0, G, S).health;
    h = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), h, lease(35), T0 + 35_000, G, S).health;
    const r = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), h, lease(35), T0 + 70_000, G, S);
    expect(r.update).toBeUndefined();
  });
  it('after the grace period without heartbeats every condition turns Unknown', () => {
    const h = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), undefined, lease(0), T0, G, S).health;
    const r = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), h, lease(0), T0 + 45_000, G, S);
    expect(r.observed.status).toBe('True');
    expect(r.current).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.',
      lastTransitionTime: at(45) });
    expect(r.update!.status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=Unknown', 'Ready=Unknown',
      'DiskPressure=Unknown', 'PIDPressure=Unknown']);
    expect(r.update!.status!.conditions![2]).toMatchObject({ reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
  });
  it('exactly at the grace period nothing happens yet (After, not equal)', () => {
    const h = tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), undefined, undefined, T0, G, S).health;
    expect(tryUpdateNodeHealth(node({ status: 'True', hb: 0 }), h, undefined, T0 + G, G, S).update).toBeUndefined();
  });
  it('a node that never reported gets the startup grace period', () => {
    expect(tryUpdateNodeHealth(node(), undefined, undefined, T0 + 50_000, G, S).update).toBeUndefined();
    expect(tryUpdateNodeHealth(node(), undefined, undefined, T0 + 61_000, G, S).current?.reason).toBe('NodeStatusNeverUpdated');
  });
});

describe('zones', () => {
  const cases: { name: string; ready: number; notReady: number; want: string }[] = [
    { name: 'all ready', ready: 3, notReady: 0, want: 'Normal' },
    { name: 'none ready', ready: 0, notReady: 1, want: 'FullDisruption' },
    { name: 'two of three down is not enough nodes', ready: 1, notReady: 2, want: 'Normal' },
    { name: 'three of five down', ready: 2, notReady: 3, want: 'PartialDisruption' },
  ];
  for (const c of cases) it(c.name, () => expect(computeZoneState(c.ready, c.notReady, 0.55)).toBe(c.want));
  it('keys zones by region and zone labels', () => {
    expect(zoneKey({ metadata: {} })).toBe('');
    expect(zoneKey({ metadata: { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' } } })).toBe('r:\u0000:z');
  });
});

describe('taintSetDiff', () => {
  it('compares by key and effect', () => {
    const t = (key: string, effect = 'NoSchedule'): Taint => ({ key, effect });
    expect(taintSetDiff([t('a'), t('b', 'NoExecute')], [t('b'), { ...t('a'), timeAdded: 'x' }])).toEqual({ add: [t('b', 'NoExecute')], remove: [t('b')] });
  });
});

describe('RateLimitedTimedQueue', () => {
  it('takes one node at once, then one per 10 s; a processed node stays a member until removed', () => {
    const clock = new SimClock({ start: T0 });
    const done: string[] = [];
    const q = new RateLimitedTimedQueue(clock, 0.1, (n) => {
      done.push(`${n}@${(clock.now() - T0) / 1000}`);
      return true;
    });
    q.add('a');
    q.add('b');
    q.add('c');
    clock.advance(25_000);
    expect(done).toEqual(['a@0', 'b@10', 'c@20']);
    expect(q.add('a')).toBe(false);
    q.remove('a');
    expect(q.add('a')).toBe(true);
    clock.advance(10_000);
    expect(done.at(-1)).toBe('a@30');
  });
  it('a rate of 0 stops everything until swapped back', () => {
    const clock = new SimClock({ start: T0 });
    const done: string[] = [];
    const q = new RateLimitedTimedQueue(clock, 0.1, (n) => {
      done.push(n);
      return true;
    });
    q.swapLimiter(0);
    q.add('a');
    clock.advance(60_000);
    expect(done).toEqual([]);
    q.swapLimiter(0.1);
    clock.advance(10_000);
    expect(done).toEqual(['a']);
  });
});
