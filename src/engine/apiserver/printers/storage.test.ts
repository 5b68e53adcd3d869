// Storage printers: cases from printers_test.go (TestPrintPersistentVolume, TestPrintPersistentVolumeClaim,
// TestPrintStorageClass) and realistic CSI objects.
import { describe, expect, it } from 'vitest';
import { csiDriverHandler, csiNodeHandler, getAccessModesAsString, persistentVolumeClaimHandler, persistentVolumeHandler,
  storageClassHandler, volumeAttachmentHandler } from './storage';
import { ago, SOON, M, U, rowsOf } from './testing';

describe('PersistentVolume (NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VAC REASON AGE VOLUMEMODE)', () => {
  const claimRef = { name: 'test', namespace: 'default' };
  const pv = (name: string, spec: object, phase: string, meta: object = {}) => ({ metadata: { name, ...meta },
    spec: { claimRef, ...spec }, status: { phase } });
  it.each(rowsOf(persistentVolumeHandler, [
    { name: 'bound', obj: pv('test1', { accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }, 'Bound'),
      cells: ['test1', '4Gi', 'ROX', '', 'Bound', 'default/test', '', '<unset>', '', U, '<unset>'] },
    { name: 'failed', obj: pv('test2', { accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }, 'Failed'),
      cells: ['test2', '4Gi', 'ROX', '', 'Failed', 'default/test', '', '<unset>', '', U, '<unset>'] },
    { name: 'pending', obj: pv('test3', { accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' } }, 'Pending'),
      cells: ['test3', '10Gi', 'RWX', '', 'Pending', 'default/test', '', '<unset>', '', U, '<unset>'] },
    { name: 'storage class', obj: pv('test4', { storageClassName: 'my-scn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
      'Pending'), cells: ['test4', '10Gi', 'RWO', '', 'Pending', 'default/test', 'my-scn', '<unset>', '', U, '<unset>'] },
    { name: 'volume attributes class', obj: pv('test4', { storageClassName: 'my-scn', volumeAttributesClassName: 'my-vacn',
      accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }, 'Pending'),
    cells: ['test4', '10Gi', 'RWO', '', 'Pending', 'default/test', 'my-scn', 'my-vacn', '', U, '<unset>'] },
    { name: 'released', obj: pv('test6', { storageClassName: 'my-scn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
      'Released'), cells: ['test6', '10Gi', 'RWO', '', 'Released', 'default/test', 'my-scn', '<unset>', '', U, '<unset>'] },
    { name: 'hostPath PV as minikube provisions it', obj: { metadata: { name: 'pvc-3f1c', creationTimestamp: ago(7 * M),
      annotations: { 'pv.kubernetes.io/provisioned-by': 'k8s.io/minikube-hostpath' } }, spec: { capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard',
      volumeMode: 'Filesystem', claimRef: { namespace: 'default', name: 'data' } }, status: { phase: 'Bound' } },
    cells: ['pvc-3f1c', '1Gi', 'RWO', 'Delete', 'Bound', 'default/data', 'standard', '<unset>', '', '7m', 'Filesystem'] },
    { name: 'terminating, beta class annotation, no capacity', obj: { metadata: { name: 'old', deletionTimestamp: SOON,
      annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' } }, spec: { storageClassName: 'ignored' },
    status: { phase: 'Released', reason: 'Gone' } },
    cells: ['old', '0', '', '', 'Terminating', '', 'legacy', '<unset>', 'Gone', U, '<unset>'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('PersistentVolumeClaim (NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VAC AGE VOLUMEMODE)', () => {
  const pvc = (name: string, spec: object, status: object) => ({ metadata: { name }, spec, status });
  it.each(rowsOf(persistentVolumeClaimHandler, [
    { name: 'bound', obj: pvc('test1', { volumeName: 'my-volume', volumeMode: 'Filesystem' }, { phase: 'Bound',
      accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }),
    cells: ['test1', 'Bound', 'my-volume', '4Gi', 'ROX', '', '<unset>', U, 'Filesystem'] },
    { name: 'lost (no volume: capacity and modes blank)', obj: pvc('test2', { volumeMode: 'Filesystem' }, { phase: 'Lost',
      accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }),
    cells: ['test2', 'Lost', '', '', '', '', '<unset>', U, 'Filesystem'] },
    { name: 'pending', obj: pvc('test3', { volumeName: 'my-volume', volumeMode: 'Filesystem' }, { phase: 'Pending',
      accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' } }),
    cells: ['test3', 'Pending', 'my-volume', '10Gi', 'RWX', '', '<unset>', U, 'Filesystem'] },
    { name: 'storage class', obj: pvc('test4', { volumeName: 'my-volume', storageClassName: 'my-scn', volumeMode: 'Filesystem' },
      { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }),
    cells: ['test4', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', '<unset>', U, 'Filesystem'] },
    { name: 'no volume mode', obj: pvc('test5', { volumeName: 'my-volume', storageClassName: 'my-scn' },
      { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }),
    cells: ['test5', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', '<unset>', U, '<unset>'] },
    { name: 'volume attributes class', obj: pvc('test5', { volumeName: 'my-volume', storageClassName: 'my-scn',
      volumeAttributesClassName: 'my-vacn' }, { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }),
    cells: ['test5', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', 'my-vacn', U, '<unset>'] },
    { name: 'terminating', obj: { metadata: { name: 'data', deletionTimestamp: SOON, creationTimestamp: ago(3 * M) },
      spec: { storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Pending' } },
    cells: ['data', 'Terminating', '', '', '', 'standard', '<unset>', '3m', 'Filesystem'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each([
    [['ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteMany'], 'RWO,ROX,RWX,RWOP'],
    [[], ''], [undefined, ''],
  ])('access modes %j → %j', (modes, want) => {
    expect(getAccessModesAsString(modes)).toBe(want);
  });
});

describe('StorageClass', () => {
  const sc = (name: string, o: object, created = ago(5 * M)) => ({ metadata: { name, creationTimestamp: created }, ...o });
  it.each(rowsOf(storageClassHandler, [
    { name: 'defaults', obj: sc('sc1', { provisioner: 'kubernetes.io/glusterfs' }, SOON),
      cells: ['sc1', 'kubernetes.io/glusterfs', 'Delete', 'Immediate', false, '0s'] },
    { name: 'nfs', obj: sc('sc2', { provisioner: 'kubernetes.io/nfs' }), cells: ['sc2', 'kubernetes.io/nfs', 'Delete', 'Immediate', false, '5m'] },
    { name: 'explicit Delete', obj: sc('sc3', { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Delete' }),
      cells: ['sc3', 'kubernetes.io/nfs', 'Delete', 'Immediate', false, '5m'] },
    { name: 'Retain, Immediate', obj: sc('sc4', { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' }),
      cells: ['sc4', 'kubernetes.io/nfs', 'Retain', 'Immediate', false, '5m'] },
    { name: 'WaitForFirstConsumer', obj: sc('sc5', { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer' }), cells: ['sc5', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', false, '5m'] },
    { name: 'expansion allowed', obj: sc('sc6', { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Retain', allowVolumeExpansion: true,
      volumeBindingMode: 'WaitForFirstConsumer' }), cells: ['sc6', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', true, '5m'] },
    { name: 'default class', obj: { metadata: { name: 'standard', creationTimestamp: ago(5 * M),
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'k8s.io/minikube-hostpath',
    reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: false },
    cells: ['standard (default)', 'k8s.io/minikube-hostpath', 'Delete', 'Immediate', false, '5m'] },
    { name: 'beta default annotation', obj: sc('old', { provisioner: 'p', metadata: { name: 'old',
      annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } } }),
    cells: ['old (default)', 'p', 'Delete', 'Immediate', false, U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('CSIDriver, CSINode, VolumeAttachment', () => {
  it.each(rowsOf(csiDriverHandler, [
    { name: 'defaults', obj: { metadata: { name: 'hostpath.csi.k8s.io' }, spec: {} },
      cells: ['hostpath.csi.k8s.io', true, false, false, '<unset>', false, '<none>', U] },
    { name: 'everything set', obj: { metadata: { name: 'd', creationTimestamp: ago(M) }, spec: { attachRequired: false,
      podInfoOnMount: true, storageCapacity: true, tokenRequests: [{ audience: 'a' }, { audience: 'b' }], requiresRepublish: true,
      volumeLifecycleModes: ['Persistent', 'Ephemeral'] } },
    cells: ['d', false, true, true, 'a,b', true, 'Persistent,Ephemeral', '60s'] },
    { name: 'empty token requests', obj: { metadata: { name: 'd' }, spec: { tokenRequests: [] } },
      cells: ['d', true, false, false, '', false, '<none>', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(csiNodeHandler, [
    { name: 'two drivers', obj: { metadata: { name: 'node-1', creationTimestamp: ago(5 * M) }, spec: { drivers: [{ name: 'a' }, { name: 'b' }] } },
      cells: ['node-1', 2, '5m'] },
    { name: 'none', obj: { metadata: { name: 'node-2' }, spec: {} }, cells: ['node-2', 0, U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(volumeAttachmentHandler, [
    { name: 'attached', obj: { metadata: { name: 'csi-123', creationTimestamp: ago(5 * M) }, spec: { attacher: 'hostpath.csi.k8s.io',
      source: { persistentVolumeName: 'pv-1' }, nodeName: 'node-1' }, status: { attached: true } },
    cells: ['csi-123', 'hostpath.csi.k8s.io', 'pv-1', 'node-1', true, '5m'] },
    { name: 'inline, not yet attached', obj: { metadata: { name: 'csi-456' }, spec: { attacher: 'x', source: { inlineVolumeSpec: {} },
      nodeName: 'node-2' } }, cells: ['csi-456', 'x', '', 'node-2', false, U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});
