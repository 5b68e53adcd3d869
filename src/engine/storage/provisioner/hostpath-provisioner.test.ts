import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, StorageClass } from '../../api';
import { HostPathProvisioner } from './hostpath-provisioner';
import { IgnoredError } from './provision-controller';

function dirs() {
  const made: string[] = [];
  const removed: string[] = [];
  return { made, removed, fs: { mkdirAll: (p: string) => { made.push(p); }, removeAll: (p: string) => { removed.push(p); } } };
}

const pvc: PersistentVolumeClaim = { metadata: { name: 'database-pvc', namespace: 'default', uid: 'u1' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
const standard: StorageClass = { metadata: { name: 'standard' }, provisioner: 'k8s.io/minikube-hostpath', reclaimPolicy: 'Delete' };

describe('HostPathProvisioner', () => {
  it('provisions /tmp/hostpath-provisioner/<namespace>/<claim> with its identity, the claim\'s size and modes, the class\'s policy', () => {
    const d = dirs();
    const pv = new HostPathProvisioner('id-1', d.fs).provision({ storageClass: standard, pvName: 'pvc-u1', pvc });
    expect(d.made).toEqual(['/tmp/hostpath-provisioner/default/database-pvc']);
    expect(pv).toEqual({ apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'pvc-u1', annotations: { hostPathProvisionerIdentity: 'id-1' } },
      spec: { persistentVolumeReclaimPolicy: 'Delete', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' },
        hostPath: { path: '/tmp/hostpath-provisioner/default/database-pvc' } } });
  });

  it('deletes only its own volumes', () => {
    const d = dirs();
    const p = new HostPathProvisioner('id-1', d.fs);
    const pv = p.provision({ storageClass: standard, pvName: 'pvc-u1', pvc });
    p.delete(pv);
    expect(d.removed).toEqual(['/tmp/hostpath-provisioner/default/database-pvc']);
    const other = { ...pv, metadata: { ...pv.metadata, annotations: { hostPathProvisionerIdentity: 'id-0' } } };
    expect(() => p.delete(other)).toThrow(IgnoredError);
    expect(() => p.delete({ ...pv, metadata: { name: 'x' } })).toThrow('identity annotation not found on PV');
    expect(d.removed).toHaveLength(1);
  });
});
