import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api';
import {
  getProportion, lastRevision, maxRevision, maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts, scaledValue,
  setDeploymentCondition, setNewReplicaSetAnnotations, newDeploymentCondition, type DeploymentStatus,
} from './util';
import { equalIgnoreHash, semanticEqual } from './template';

function dep(replicas: number, surge: number | string = '25%', unavailable: number | string = '25%', type = 'RollingUpdate'): Deployment {
  return { metadata: { name: 'web', namespace: 'default', annotations: {} },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: {},
      strategy: type === 'RollingUpdate' ? { type, rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } : { type } } };
}
function rs(name: string, replicas: number, ann: Record<string, string> = {}): ReplicaSet {
  return { metadata: { name, annotations: ann }, spec: { replicas, selector: {}, template: {} } };
}

describe('fenceposts (upstream rounding)', () => {
  const cases = [
    { name: '10 at 25%/25%: surge up, unavailable down', replicas: 10, s: '25%', u: '25%', want: [3, 2] },
    { name: '3 at 25%/25%', replicas: 3, s: '25%', u: '25%', want: [1, 0] },
    { name: 'both zero: unavailable becomes 1', replicas: 5, s: 0, u: 0, want: [0, 1] },
    { name: '0% of 1', replicas: 1, s: '0%', u: '0%', want: [0, 1] },
    { name: 'absolute numbers', replicas: 10, s: 4, u: 1, want: [4, 1] },
    { name: '100% surge', replicas: 7, s: '100%', u: 0, want: [7, 0] },
  ];
  for (const c of cases) it(c.name, () => expect(resolveFenceposts(c.s, c.u, c.replicas)).toEqual(c.want));

  it('maxUnavailable is capped at replicas and is 0 for Recreate', () => {
    expect(maxUnavailable(dep(2, 0, 5))).toBe(2);
    expect(maxUnavailable(dep(3, 1, 1, 'Recreate'))).toBe(0);
    expect(maxSurge(dep(3, 1, 1, 'Recreate'))).toBe(0);
    expect(maxUnavailable(dep(0))).toBe(0);
  });

  it('rejects a string that is not a percentage', () => {
    expect(() => scaledValue('5', 10, true)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
  });
});

describe('newRSNewReplicas', () => {
  const cases = [
    { name: 'fresh rollout of 10: new set up to surge', d: dep(10), old: [rs('old', 10)], newRS: rs('new', 0), want: 3 },
    { name: 'already at max total: unchanged', d: dep(10), old: [rs('old', 10)], newRS: rs('new', 3), want: 3 },
    { name: 'never beyond replicas', d: dep(10), old: [rs('old', 0)], newRS: rs('new', 9), want: 10 },
    { name: 'recreate: all at once', d: dep(4, 0, 0, 'Recreate'), old: [], newRS: rs('new', 0), want: 4 },
  ];
  for (const c of cases) it(c.name, () => expect(newRSNewReplicas(c.d, [...c.old, c.newRS], c.newRS)).toBe(c.want));
});

describe('getProportion', () => {
  it('shares a scale-up by each set\'s size over the max-replicas annotation', () => {
    // 10 replicas (surge 3) scaled to 20 (surge 5): allowed 25, sets 8 + 5 = 13 annotated max 13.
    const d = dep(20);
    const old = rs('old', 8, { 'deployment.kubernetes.io/max-replicas': '13' });
    const nw = rs('new', 5, { 'deployment.kubernetes.io/max-replicas': '13' });
    expect(getProportion(old, d, 12, 0)).toBe(7); // round(8*25/13)=15 → +7
    expect(getProportion(nw, d, 12, 7)).toBe(5); // round(5*25/13)=10 → +5, allowed 5
  });
  it('is 0 for an empty set or nothing to add', () => {
    expect(getProportion(rs('x', 0), dep(5), 3, 0)).toBe(0);
    expect(getProportion(rs('x', 2), dep(5), 0, 0)).toBe(0);
  });
});

describe('revisions', () => {
  const sets = [rs('a', 0, { 'deployment.kubernetes.io/revision': '1' }), rs('b', 0, { 'deployment.kubernetes.io/revision': '4' }),
    rs('c', 0, { 'deployment.kubernetes.io/revision': '2' }), rs('d', 0, { 'deployment.kubernetes.io/revision': 'x' })];
  it('max and last (second highest), skipping unparsable ones', () => {
    expect(maxRevision(sets)).toBe(4);
    expect(lastRevision(sets)).toBe(2);
  });
  it('raising a revision keeps the old ones in revision-history', () => {
    const s = rs('a', 1, { 'deployment.kubernetes.io/revision': '1' });
    const d = dep(3);
    d.metadata!.annotations = { team: 'x', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    expect(setNewReplicaSetAnnotations(d, s, '3', true, 2000)).toBe(true);
    expect(s.metadata!.annotations).toEqual({ team: 'x', 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    setNewReplicaSetAnnotations(d, s, '5', true, 2000);
    expect(s.metadata!.annotations!['deployment.kubernetes.io/revision-history']).toBe('1,3');
    expect(setNewReplicaSetAnnotations(d, s, '5', true, 2000)).toBe(false);
  });
  it('a new set also gets desired and max replicas', () => {
    const s = rs('new', 0);
    setNewReplicaSetAnnotations(dep(10), s, '1', false, 2000);
    expect(s.metadata!.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '10',
      'deployment.kubernetes.io/max-replicas': '13' });
  });
});

describe('SetDeploymentCondition', () => {
  it('keeps the transition time when the status stays, and moves the condition to the end', () => {
    const st: DeploymentStatus = { conditions: [newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'a', 1000),
      newDeploymentCondition('Available', 'False', 'MinimumReplicasUnavailable', 'b', 1000)] };
    setDeploymentCondition(st, newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'c', 9000));
    expect(st.conditions!.map((c) => [c.type, c.reason, c.lastTransitionTime, c.lastUpdateTime])).toEqual([
      ['Available', 'MinimumReplicasUnavailable', '1970-01-01T00:00:01Z', '1970-01-01T00:00:01Z'],
      ['Progressing', 'ReplicaSetUpdated', '1970-01-01T00:00:01Z', '1970-01-01T00:00:09Z'],
    ]);
    const before = st.conditions;
    setDeploymentCondition(st, newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'other message', 12000));
    expect(st.conditions).toBe(before);
  });
});

describe('template equality', () => {
  it('ignores pod-template-hash and nil-versus-empty', () => {
    expect(equalIgnoreHash({ metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [] } },
      { metadata: { labels: { app: 'web' }, annotations: {} }, spec: { containers: [], volumes: [] } })).toBe(true);
    expect(equalIgnoreHash({ metadata: { labels: { app: 'web' } } }, { metadata: { labels: { app: 'db' } } })).toBe(false);
  });
  it('semanticEqual treats null, {}, [] and missing alike', () => {
    expect(semanticEqual({ a: null, b: [], c: {} }, {})).toBe(true);
    expect(semanticEqual({ a: [1] }, { a: [] })).toBe(false);
  });
});
