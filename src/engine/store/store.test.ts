import { describe, expect, it } from 'vitest';
import { Store, type StoreEvent } from './store';

const pod = (ns: string, name: string, extra: Record<string, unknown> = {}) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ns, name }, ...extra });

describe('Store', () => {
  it('assigns strictly increasing resourceVersions across resources', () => {
    const s = new Store();
    const a = s.create('pods.', pod('default', 'a'));
    const b = s.create('configmaps.', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name: 'b' } });
    const a2 = s.update('pods.', { ...a, spec: { x: 1 } });
    const rvs = [a, b, a2].map((o) => Number(o.metadata.resourceVersion));
    expect(rvs).toEqual([1, 2, 3]);
    expect(s.currentRV()).toBe(3);
    const gone = s.delete('pods.', 'default', 'a')!;
    expect(gone.metadata.resourceVersion).toBe('4');
    expect(s.get('pods.', 'default', 'a')).toBeUndefined();
  });

  it('hands out frozen objects and lists them in key order', () => {
    const s = new Store();
    s.create('pods.', pod('ns2', 'b'));
    s.create('pods.', pod('ns1', 'z'));
    s.create('pods.', pod('ns1', 'a'));
    const all = s.list('pods.');
    expect(all.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['ns1/a', 'ns1/z', 'ns2/b']);
    expect(s.list('pods.', 'ns1')).toHaveLength(2);
    expect(Object.isFrozen(all[0].metadata)).toBe(true);
    expect(() => { (all[0].metadata as { name: string }).name = 'x'; }).toThrow();
  });

  it('lists all namespaces in etcd key order ("team-a/…" before "team/…") and after creates and deletes', () => {
    const s = new Store();
    for (const [ns, n] of [['team', 'x'], ['team-a', 'y'], ['team', 'a'], ['default', 'q']]) s.create('pods.', pod(ns, n));
    const keys = () => s.list('pods.').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(keys()).toEqual(['default/q', 'team-a/y', 'team/a', 'team/x']);
    expect(keys()).toEqual([...keys()].sort());
    s.create('pods.', pod('team', 'm'));
    s.delete('pods.', 'team', 'a');
    s.update('pods.', { ...s.get('pods.', 'team', 'x')!, spec: { v: 2 } });
    expect(keys()).toEqual(['default/q', 'team-a/y', 'team/m', 'team/x']);
    expect(s.get('pods.', 'team', 'x')!.spec).toEqual({ v: 2 });
    expect(s.list('pods.').find((o) => o.metadata.name === 'x')!.spec).toEqual({ v: 2 });
  });

  it('replays history after a resourceVersion and 410s past the window', () => {
    const s = new Store({ historySize: 3 });
    for (let i = 0; i < 5; i++) s.create('pods.', pod('default', `p${i}`));
    // history holds rv 3,4,5: resuming from 2 is fine, from 1 is too old
    expect(s.eventsSince('pods.', 2).map((e) => e.rv)).toEqual([3, 4, 5]);
    expect(() => s.eventsSince('pods.', 1)).toThrow('too old resource version: 1 (2)');
    try {
      s.eventsSince('pods.', 1);
    } catch (e) {
      expect((e as { status: { code: number; reason: string } }).status).toMatchObject({ code: 410, reason: 'Expired' });
    }
  });

  it('delivers live events to watchers of the resource and namespace only', () => {
    const s = new Store();
    const seen: StoreEvent[] = [];
    const stop = s.watch({ gr: 'pods.', namespace: 'a', deliver: (e) => seen.push(e) }, s.currentRV());
    s.create('pods.', pod('a', 'x'));
    s.create('pods.', pod('b', 'y'));
    s.create('configmaps.', { metadata: { namespace: 'a', name: 'c' } });
    const x = s.get('pods.', 'a', 'x')!;
    s.update('pods.', { ...x, spec: { n: 1 } });
    stop();
    s.delete('pods.', 'a', 'x');
    expect(seen.map((e) => `${e.type} ${e.object.metadata.name} ${e.prev?.metadata.resourceVersion ?? '-'}`))
      .toEqual(['ADDED x -', 'MODIFIED x 1']);
  });

  it('dumps deterministically', () => {
    const mk = () => {
      const s = new Store();
      s.create('pods.', pod('default', 'b'));
      s.create('pods.', pod('default', 'a'));
      return s.dump();
    };
    expect(mk()).toBe(mk());
  });
});
