import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api';
import { Graph, type GraphNode, type Identity, deletionStartsWithFinalizer, referencesDiffs } from './graph';

const ref = (uid: string, block = true): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller: true, blockOwnerDeletion: block });
const id = (uid: string, kind = 'Pod', apiVersion = 'v1'): Identity => ({ apiVersion, kind, name: `${kind.toLowerCase()}-${uid}`, uid, namespace: 'default' });
const obj = (uid: string, owners: OwnerReference[] = [], meta: Record<string, unknown> = {}): KubeObject =>
  ({ metadata: { name: `x-${uid}`, namespace: 'default', uid, ownerReferences: owners, ...meta } });

function setup() {
  const deletes: string[] = [];
  const orphans: string[] = [];
  const absent: string[] = [];
  const g = new Graph({ attemptToDelete: (n: GraphNode) => deletes.push(n.identity.uid), attemptToOrphan: (n) => orphans.push(n.identity.uid),
    absent: (i) => absent.push(i.uid) });
  return { g, deletes, orphans, absent };
}

describe('Graph', () => {
  it('links dependents to owners, making unknown owners virtual and checking them', () => {
    const { g, deletes } = setup();
    g.process({ type: 'add', identity: id('p1'), obj: obj('p1', [ref('rs1')]) });
    const owner = g.uidToNode.get('rs1')!;
    expect(owner.virtual).toBe(true);
    expect([...owner.dependents].map((d) => d.identity.uid)).toEqual(['p1']);
    expect(deletes).toEqual(['rs1']);
    g.process({ type: 'add', identity: id('rs1', 'ReplicaSet', 'apps/v1'), obj: obj('rs1') });
    expect(owner.virtual).toBe(false);
  });

  it('on an owner\'s deletion, queues its dependents and remembers it absent', () => {
    const { g, deletes, absent } = setup();
    g.process({ type: 'add', identity: id('rs1', 'ReplicaSet', 'apps/v1'), obj: obj('rs1') });
    g.process({ type: 'add', identity: id('p1'), obj: obj('p1', [ref('rs1')]) });
    deletes.length = 0;
    g.process({ type: 'delete', identity: id('rs1', 'ReplicaSet', 'apps/v1'), obj: obj('rs1') });
    expect(deletes).toEqual(['p1']);
    expect(absent).toEqual(['rs1']);
    expect(g.uidToNode.has('rs1')).toBe(false);
  });

  it('foreground: deletion starting with foregroundDeletion marks the owner and queues it and its dependents', () => {
    const { g, deletes } = setup();
    const live = obj('rs1');
    g.process({ type: 'add', identity: id('rs1', 'ReplicaSet', 'apps/v1'), obj: live });
    g.process({ type: 'add', identity: id('p1'), obj: obj('p1', [ref('rs1')]) });
    g.process({ type: 'add', identity: id('p2'), obj: obj('p2', [ref('rs1', false)]) });
    deletes.length = 0;
    const deleting = obj('rs1', [], { deletionTimestamp: '2025-01-15T09:00:00Z', finalizers: ['foregroundDeletion'] });
    g.process({ type: 'update', identity: id('rs1', 'ReplicaSet', 'apps/v1'), obj: deleting, old: live });
    const n = g.uidToNode.get('rs1')!;
    expect(n.deletingDependents).toBe(true);
    expect(deletes).toEqual(['p1', 'p2', 'rs1']);
    expect(n.blockingDependents().map((d) => d.identity.uid)).toEqual(['p1']);
    // The last blocking dependent goes: the owner is checked again.
    deletes.length = 0;
    g.process({ type: 'delete', identity: id('p1'), obj: obj('p1', [ref('rs1')]) });
    expect(deletes).toEqual(['rs1']);
  });

  it('orphan: deletion starting with the orphan finalizer queues the owner for orphaning', () => {
    const { g, orphans } = setup();
    const live = obj('d1');
    g.process({ type: 'add', identity: id('d1', 'Deployment', 'apps/v1'), obj: live });
    g.process({ type: 'update', identity: id('d1', 'Deployment', 'apps/v1'), old: live,
      obj: obj('d1', [], { deletionTimestamp: '2025-01-15T09:00:00Z', finalizers: ['orphan'] }) });
    expect(orphans).toEqual(['d1']);
  });

  it('unblocks a waiting owner when a blocking reference is removed', () => {
    const { g, deletes } = setup();
    g.process({ type: 'add', identity: id('rs1', 'ReplicaSet', 'apps/v1'), obj: obj('rs1') });
    const p = obj('p1', [ref('rs1')]);
    g.process({ type: 'add', identity: id('p1'), obj: p });
    deletes.length = 0;
    g.process({ type: 'update', identity: id('p1'), obj: obj('p1', []), old: p });
    expect(deletes).toEqual(['rs1']);
    expect(g.uidToNode.get('rs1')!.dependents.size).toBe(0);
  });
});

describe('helpers', () => {
  it('referencesDiffs', () => {
    const [added, removed, changed] = referencesDiffs([ref('a'), ref('b')], [ref('b', false), ref('c')]);
    expect(added.map((r) => r.uid)).toEqual(['c']);
    expect(removed.map((r) => r.uid)).toEqual(['a']);
    expect(changed.map(([o, n]) => [o.blockOwnerDeletion, n.blockOwnerDeletion])).toEqual([[true, false]]);
  });
  it('deletionStartsWithFinalizer', () => {
    const del = obj('x', [], { deletionTimestamp: 't', finalizers: ['orphan'] });
    expect(deletionStartsWithFinalizer(undefined, del, 'orphan')).toBe(true);
    expect(deletionStartsWithFinalizer(obj('x'), del, 'orphan')).toBe(true);
    expect(deletionStartsWithFinalizer(del, del, 'orphan')).toBe(false);
    expect(deletionStartsWithFinalizer(undefined, del, 'foregroundDeletion')).toBe(false);
  });
});
