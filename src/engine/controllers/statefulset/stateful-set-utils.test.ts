import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../api';
import {
  applyRevision, completeRollingUpdate, getPatch, getPersistentVolumeClaims, identityMatches, isClaimOwnerUpToDate, newStatefulSetPod,
  newVersionedStatefulSetPod, parentAndOrdinal, storageMatches, updateClaimOwnerRefForSetAndPod,
} from './stateful-set-utils';

const set = (extra: Partial<StatefulSet['spec']> = {}, status: StatefulSet['status'] = { replicas: 0 }): StatefulSet => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'set-uid' },
  spec: { serviceName: 'nginx', replicas: 3, selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1' }],
      volumes: [{ name: 'config', emptyDir: {} }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'] } }], ...extra } as StatefulSet['spec'],
  status,
});

describe('identity and storage', () => {
  const cases: { name: string; pod: string; want: [string, number] }[] = [
    { name: 'plain', pod: 'web-0', want: ['web', 0] },
    { name: 'dashes in the set name', pod: 'my-web-12', want: ['my-web', 12] },
    { name: 'no ordinal', pod: 'web', want: ['', -1] },
    { name: 'trailing dash', pod: 'web-', want: ['', -1] },
  ];
  for (const c of cases) it(`parentAndOrdinal ${c.name}`, () => expect(parentAndOrdinal({ metadata: { name: c.pod } })).toEqual(c.want));

  it('newStatefulSetPod: name, labels, hostname, subdomain, claim volumes first', () => {
    const p = newStatefulSetPod(set(), 2);
    expect(p.metadata).toMatchObject({ name: 'web-2', generateName: 'web-', namespace: 'default',
      labels: { app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' } });
    expect(p.spec!.hostname).toBe('web-2');
    expect(p.spec!.subdomain).toBe('nginx');
    expect(p.spec!.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }, { name: 'config', emptyDir: {} }]);
    expect(identityMatches(set(), p)).toBe(true);
    expect(storageMatches(set(), p)).toBe(true);
    const renamed: Pod = { ...p, metadata: { ...p.metadata, labels: { app: 'nginx' } } };
    expect(identityMatches(set(), renamed)).toBe(false);
  });

  it('claims carry the template labels plus the selector labels', () => {
    const [c] = getPersistentVolumeClaims(set(), { metadata: { name: 'web-1' } });
    expect(c.metadata).toEqual({ name: 'www-web-1', namespace: 'default', labels: { tier: 'data', app: 'nginx' } });
    expect(c.apiVersion).toBe('v1');
  });
});

describe('revisions', () => {
  it('getPatch replaces the template; applyRevision restores it', () => {
    const old = set();
    const patch = getPatch(old);
    const changed = set({ template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:2' }] } } });
    expect(applyRevision(changed, patch).spec!.template).toEqual(old.spec!.template);
  });
  it('pods below the partition are created at the current revision', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect(newVersionedStatefulSetPod(s, s, 'web-a', 'web-b', 1).metadata!.labels!['controller-revision-hash']).toBe('web-a');
    expect(newVersionedStatefulSetPod(s, s, 'web-a', 'web-b', 2).metadata!.labels!['controller-revision-hash']).toBe('web-b');
  });
  it('completeRollingUpdate promotes the update revision once every replica is updated and ready', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate' } });
    const st = { replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 1, currentRevision: 'a', updateRevision: 'b' };
    completeRollingUpdate(s, st);
    expect([st.currentRevision, st.currentReplicas]).toEqual(['b', 3]);
  });
});

describe('PVC retention policy owner references', () => {
  const pod = (name: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: `uid-${name}` } });
  const claim = (): PersistentVolumeClaim => ({ metadata: { name: 'www-web-0' } });
  const cases: { name: string; policy: { whenDeleted: string; whenScaled: string }; pod: string; want: string[] }[] = [
    { name: 'Retain/Retain: no owners', policy: { whenDeleted: 'Retain', whenScaled: 'Retain' }, pod: 'web-0', want: [] },
    { name: 'whenDeleted Delete: the set', policy: { whenDeleted: 'Delete', whenScaled: 'Retain' }, pod: 'web-0', want: ['StatefulSet/web'] },
    { name: 'whenScaled Delete, in range: nobody', policy: { whenDeleted: 'Retain', whenScaled: 'Delete' }, pod: 'web-0', want: [] },
    { name: 'whenScaled Delete, scaled away: the pod', policy: { whenDeleted: 'Retain', whenScaled: 'Delete' }, pod: 'web-5', want: ['Pod/web-5'] },
    { name: 'Delete/Delete, in range: the set', policy: { whenDeleted: 'Delete', whenScaled: 'Delete' }, pod: 'web-1', want: ['StatefulSet/web'] },
    { name: 'Delete/Delete, scaled away: the pod', policy: { whenDeleted: 'Delete', whenScaled: 'Delete' }, pod: 'web-3', want: ['Pod/web-3'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = set({ persistentVolumeClaimRetentionPolicy: c.policy });
      const cl = claim();
      expect(isClaimOwnerUpToDate(cl, s, pod(c.pod))).toBe(c.want.length === 0);
      updateClaimOwnerRefForSetAndPod(cl, s, pod(c.pod));
      expect((cl.metadata!.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`)).toEqual(c.want);
      expect(isClaimOwnerUpToDate(cl, s, pod(c.pod))).toBe(true);
    });
  }
});
