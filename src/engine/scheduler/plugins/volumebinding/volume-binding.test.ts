import { describe, expect, it } from 'vitest';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim } from '../../../api';
import { fakeHandle, makeNode, makePod, nodeInfoOf, runFilter } from '../../framework';
import { VolumeBinding } from './volume-binding';

const pvc = (name: string, o: { cls?: string; volumeName?: string; bound?: boolean; phase?: string } = {}): PersistentVolumeClaim => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', annotations: o.bound ? { 'pv.kubernetes.io/bind-completed': 'yes' } : {} },
  spec: { storageClassName: o.cls, volumeName: o.volumeName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: { phase: o.phase ?? (o.bound ? 'Bound' : 'Pending') },
});
const pv = (name: string, host?: string): PersistentVolume => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'local',
    nodeAffinity: host ? { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } } : undefined },
  status: { phase: 'Available' },
});
const classes = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'k8s.io/minikube-hostpath', volumeBindingMode: 'Immediate' },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'wffc' }, provisioner: 'k8s.io/minikube-hostpath', volumeBindingMode: 'WaitForFirstConsumer' },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
];
const podWith = (claim: string) => makePod('p', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] } });

describe('VolumeBinding', () => {
  const n1 = nodeInfoOf(makeNode('n1'));
  const cases: { name: string; claims: PersistentVolumeClaim[]; pvs?: PersistentVolume[]; claim: string; want?: string }[] = [
    { name: 'missing claim', claims: [], claim: 'data', want: 'persistentvolumeclaim "data" not found' },
    { name: 'unbound claim of an Immediate class', claims: [pvc('data', { cls: 'standard' })], claim: 'data', want: 'pod has unbound immediate PersistentVolumeClaims' },
    { name: 'a claim with a volume name but not bind-completed is still unbound', claims: [pvc('data', { cls: 'standard', volumeName: 'pv1' })],
      claim: 'data', want: 'pod has unbound immediate PersistentVolumeClaims' },
    { name: 'a lost claim', claims: [pvc('data', { cls: 'standard', volumeName: 'gone', phase: 'Lost' })], claim: 'data',
      want: 'persistentvolumeclaim "data" bound to non-existent persistentvolume "gone"' },
    { name: 'bound claim, PV anywhere', claims: [pvc('data', { cls: 'local', volumeName: 'pv1', bound: true })], pvs: [pv('pv1')], claim: 'data' },
    { name: 'bound claim, PV pinned to another node', claims: [pvc('data', { cls: 'local', volumeName: 'pv1', bound: true })], pvs: [pv('pv1', 'n2')],
      claim: 'data', want: 'node(s) had volume node affinity conflict' },
    { name: 'bound claim whose PV is gone', claims: [pvc('data', { cls: 'local', volumeName: 'pv1', bound: true })], claim: 'data',
      want: 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)' },
    { name: 'WaitForFirstConsumer with a provisioner', claims: [pvc('data', { cls: 'wffc' })], claim: 'data' },
    { name: 'WaitForFirstConsumer, no provisioner, a local PV here', claims: [pvc('data', { cls: 'local' })], pvs: [pv('pv1', 'n1')], claim: 'data' },
    { name: 'WaitForFirstConsumer, no provisioner, the PV is elsewhere', claims: [pvc('data', { cls: 'local' })], pvs: [pv('pv1', 'n2')], claim: 'data',
      want: "node(s) didn't find available persistent volumes to bind" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = fakeHandle({ nodes: [n1], objects: { persistentvolumeclaims: c.claims as KubeObject[], persistentvolumes: (c.pvs ?? []) as KubeObject[],
        storageclasses: classes as KubeObject[] } });
      expect(runFilter(new VolumeBinding(h), podWith(c.claim), n1)?.message()).toBe(c.want);
    });
  }
  it('a pod without claims skips the plugin', () => {
    expect(runFilter(new VolumeBinding(fakeHandle({ nodes: [n1] })), makePod('p'), n1)).toBeUndefined();
  });
});
