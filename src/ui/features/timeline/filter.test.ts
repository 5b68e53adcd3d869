import { describe, expect, it } from 'vitest';
import type { EventLike } from './explain-event';
import { facets, filterEvents, NO_FILTER } from './filter';

const ev = (name: string, t: number, o: { ns?: string; kind?: string; obj?: string; warn?: boolean } = {}): EventLike => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: o.ns ?? 'default' }, type: o.warn ? 'Warning' : 'Normal',
  lastTimestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, t)).toISOString(), involvedObject: { kind: o.kind ?? 'Pod', name: o.obj ?? 'web-1', namespace: o.ns ?? 'default' } });

const events = [ev('a', 1), ev('b', 3, { kind: 'Node', obj: 'minikube-m02', ns: '' }), ev('c', 2, { ns: 'kube-system', obj: 'coredns-x', warn: true }),
  ev('d', 4, { kind: 'ReplicaSet', obj: 'web-5d8f' })];

describe('timeline filter', () => {
  const cases = [
    { name: 'everything, newest first', f: NO_FILTER, want: ['d', 'b', 'c', 'a'] },
    { name: 'by namespace', f: { ...NO_FILTER, namespace: 'kube-system' }, want: ['c'] },
    { name: 'by kind', f: { ...NO_FILTER, kind: 'Pod' }, want: ['c', 'a'] },
    { name: 'by object text, also matching kind/name', f: { ...NO_FILTER, object: 'replicaset/web' }, want: ['d'] },
    { name: 'by object name part', f: { ...NO_FILTER, object: 'WEB' }, want: ['d', 'a'] },
    { name: 'warnings only', f: { ...NO_FILTER, warningsOnly: true }, want: ['c'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(filterEvents(events, c.f, 10).map((e) => e.metadata?.name)).toEqual(c.want);
    });
  }

  it('limits and lists the choices', () => {
    expect(filterEvents(events, NO_FILTER, 2).map((e) => e.metadata?.name)).toEqual(['d', 'b']);
    expect(facets(events)).toEqual({ namespaces: ['default', 'kube-system'], kinds: ['Node', 'Pod', 'ReplicaSet'] });
  });
});
