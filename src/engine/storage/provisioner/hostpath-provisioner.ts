// minikube's hostPath provisioner: a directory /tmp/hostpath-provisioner/<namespace>/<claim> on the
// node the storage-provisioner pod runs on, and a hostPath PV pointing at it. Models
// k8s.io/minikube pkg/storage/storage_provisioner.go (hostPathProvisioner.Provision, Delete).
import type { PersistentVolume } from '../../api';
import { IgnoredError, type ProvisionOptions, type Provisioner } from './provision-controller';

/** provisionerName. */
export const MINIKUBE_PROVISIONER_NAME = 'k8s.io/minikube-hostpath';
/** The directory it provisions under (the pod mounts the node's /tmp). */
export const PV_DIR = '/tmp/hostpath-provisioner';
/** The annotation naming the provisioner process that created a PV. */
export const IDENTITY_ANNOTATION = 'hostPathProvisionerIdentity';

/** The provisioner's view of its node's filesystem (os.MkdirAll, os.RemoveAll through the /tmp mount). */
export interface NodeDirectories {
  mkdirAll(path: string): void;
  removeAll(path: string): void;
}

/** hostPathProvisioner. */
export class HostPathProvisioner implements Provisioner {
  constructor(private readonly identity: string, private readonly fs: NodeDirectories, private readonly pvDir = PV_DIR) {}

  provision(o: ProvisionOptions): PersistentVolume {
    const path = `${this.pvDir}/${o.pvc.metadata?.namespace}/${o.pvc.metadata?.name}`;
    this.fs.mkdirAll(path);
    return {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: o.pvName, annotations: { [IDENTITY_ANNOTATION]: this.identity } },
      spec: {
        persistentVolumeReclaimPolicy: o.storageClass.reclaimPolicy ?? 'Delete',
        accessModes: o.pvc.spec?.accessModes,
        capacity: { storage: o.pvc.spec?.resources?.requests?.storage ?? '0' },
        hostPath: { path },
      },
    };
  }

  delete(pv: PersistentVolume): void {
    const ann = pv.metadata?.annotations?.[IDENTITY_ANNOTATION];
    if (ann === undefined) throw new Error('identity annotation not found on PV');
    // A PV from an earlier run of the provisioner (another identity) is left alone, forever.
    if (ann !== this.identity) throw new IgnoredError('identity annotation on PV does not match ours');
    if (pv.spec?.hostPath?.path) this.fs.removeAll(pv.spec.hostPath.path);
  }
}
