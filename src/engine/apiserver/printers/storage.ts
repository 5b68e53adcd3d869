// Printers of the storage kinds: PersistentVolume, PersistentVolumeClaim, StorageClass, CSIDriver,
// CSINode and VolumeAttachment.
// Models pkg/printers/internalversion/printers.go printPersistentVolume, printPersistentVolumeClaim,
// printStorageClass, printCSIDriver, printCSINode, printVolumeAttachment, and
// pkg/apis/core/helper GetAccessModesAsString, GetPersistentVolume(Claim)Class (v1.32).
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api';
import type { CSIDriver, CSINode, VolumeAttachment } from 'kubernetes-types/storage/v1';
import { age, nameOf, quantityOrZero } from './format';
import { AGE, NAME, col, doc } from './handler';
import type { TableHandler } from './handler';

// core.BetaStorageClassAnnotation: still honoured ahead of storageClassName.
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
const IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];

/** helper.GetAccessModesAsString: always in the order RWO,ROX,RWX,RWOP, duplicates dropped. */
export function getAccessModesAsString(modes: readonly string[] | undefined): string {
  if (!modes || modes.length === 0) return '';
  const out: string[] = [];
  for (const [mode, short] of ACCESS_MODES) if (modes.includes(mode)) out.push(short);
  return out.join(',');
}

function betaClass(obj: PersistentVolume | PersistentVolumeClaim): string | undefined {
  const a = obj.metadata?.annotations;
  return a && Object.prototype.hasOwnProperty.call(a, BETA_STORAGE_CLASS_ANNOTATION) ? a[BETA_STORAGE_CLASS_ANNOTATION] : undefined;
}

/** PersistentVolume: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE | VOLUMEMODE. */
export const persistentVolumeHandler: TableHandler<PersistentVolume> = {
  columns: [
    NAME,
    col('Capacity', 'string', doc('apiv1.PersistentVolumeSpec.capacity')),
    col('Access Modes', 'string', doc('apiv1.PersistentVolumeSpec.accessModes')),
    col('Reclaim Policy', 'string', doc('apiv1.PersistentVolumeSpec.persistentVolumeReclaimPolicy')),
    col('Status', 'string', doc('apiv1.PersistentVolumeStatus.phase')),
    col('Claim', 'string', doc('apiv1.PersistentVolumeSpec.claimRef')),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', doc('apiv1.PersistentVolumeStatus.reason')),
    AGE,
    col('VolumeMode', 'string', doc('apiv1.PersistentVolumeSpec.volumeMode'), { priority: 1 }),
  ],
  cells(pv, now) {
    const spec = pv.spec;
    const claim = spec?.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const phase = pv.metadata?.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? '';
    return [nameOf(pv), quantityOrZero(spec?.capacity?.storage), getAccessModesAsString(spec?.accessModes),
      spec?.persistentVolumeReclaimPolicy ?? '', phase, claim, betaClass(pv) ?? spec?.storageClassName ?? '',
      spec?.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', age(pv, now), spec?.volumeMode ?? '<unset>'];
  },
};

/** PersistentVolumeClaim: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE | VOLUMEMODE. */
export const persistentVolumeClaimHandler: TableHandler<PersistentVolumeClaim> = {
  columns: [
    NAME,
    col('Status', 'string', doc('apiv1.PersistentVolumeClaimStatus.phase')),
    col('Volume', 'string', doc('apiv1.PersistentVolumeClaimSpec.volumeName')),
    col('Capacity', 'string', doc('apiv1.PersistentVolumeClaimStatus.capacity')),
    col('Access Modes', 'string', doc('apiv1.PersistentVolumeClaimStatus.accessModes')),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE,
    col('VolumeMode', 'string', doc('apiv1.PersistentVolumeClaimSpec.volumeMode'), { priority: 1 }),
  ],
  cells(pvc, now) {
    const spec = pvc.spec;
    const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? '';
    // Capacity and access modes are the bound volume's: blank until spec.volumeName is set.
    const bound = !!spec?.volumeName;
    return [nameOf(pvc), phase, spec?.volumeName ?? '', bound ? quantityOrZero(pvc.status?.capacity?.storage) : '',
      bound ? getAccessModesAsString(pvc.status?.accessModes) : '', betaClass(pvc) ?? spec?.storageClassName ?? '',
      spec?.volumeAttributesClassName ?? '<unset>', age(pvc, now), spec?.volumeMode ?? '<unset>'];
  },
};

/** storageutil.IsDefaultAnnotation. */
export function isDefaultStorageClass(sc: StorageClass): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true' || a[BETA_IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true';
}

/** StorageClass: NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE. */
export const storageClassHandler: TableHandler<StorageClass> = {
  columns: [
    NAME,
    col('Provisioner', 'string', doc('storagev1.StorageClass.provisioner')),
    col('ReclaimPolicy', 'string', doc('storagev1.StorageClass.reclaimPolicy')),
    col('VolumeBindingMode', 'string', doc('storagev1.StorageClass.volumeBindingMode')),
    col('AllowVolumeExpansion', 'string', doc('storagev1.StorageClass.allowVolumeExpansion')),
    AGE,
  ],
  cells: (sc, now) => [isDefaultStorageClass(sc) ? `${nameOf(sc)} (default)` : nameOf(sc), sc.provisioner ?? '',
    sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', sc.allowVolumeExpansion ?? false, age(sc, now)],
};

/** CSIDriver: NAME ATTACHREQUIRED PODINFOONMOUNT STORAGECAPACITY TOKENREQUESTS REQUIRESREPUBLISH MODES AGE. */
export const csiDriverHandler: TableHandler<CSIDriver> = {
  columns: [
    NAME,
    col('AttachRequired', 'boolean', doc('storagev1.CSIDriverSpec.attachRequired')),
    col('PodInfoOnMount', 'boolean', doc('storagev1.CSIDriverSpec.podInfoOnMount')),
    col('StorageCapacity', 'boolean', doc('storagev1.CSIDriverSpec.storageCapacity')),
    col('TokenRequests', 'string', doc('storagev1.CSIDriverSpec.tokenRequests')),
    col('RequiresRepublish', 'boolean', doc('storagev1.CSIDriverSpec.requiresRepublish')),
    col('Modes', 'string', doc('storagev1.CSIDriverSpec.volumeLifecycleModes')),
    AGE,
  ],
  cells(d, now) {
    const s = d.spec;
    const tokenRequests = s?.tokenRequests ? s.tokenRequests.map((t) => t.audience).join(',') : '<unset>';
    return [nameOf(d), s?.attachRequired ?? true, s?.podInfoOnMount ?? false, s?.storageCapacity ?? false, tokenRequests,
      s?.requiresRepublish ?? false, s?.volumeLifecycleModes?.join(',') || '<none>', age(d, now)];
  },
};

/** CSINode: NAME DRIVERS AGE. */
export const csiNodeHandler: TableHandler<CSINode> = {
  columns: [NAME, col('Drivers', 'integer', 'Drivers indicates the number of CSI drivers registered on the node'), AGE],
  cells: (n, now) => [nameOf(n), n.spec?.drivers?.length ?? 0, age(n, now)],
};

/** VolumeAttachment: NAME ATTACHER PV NODE ATTACHED AGE. */
export const volumeAttachmentHandler: TableHandler<VolumeAttachment> = {
  columns: [
    NAME,
    col('Attacher', 'string', doc('storagev1.VolumeAttachmentSpec.attacher'), { format: 'name' }),
    col('PV', 'string', doc('storagev1.VolumeAttachmentSource.persistentVolumeName')),
    col('Node', 'string', doc('storagev1.VolumeAttachmentSpec.nodeName')),
    col('Attached', 'boolean', doc('storagev1.VolumeAttachmentStatus.attached')),
    AGE,
  ],
  cells: (va, now) => [nameOf(va), va.spec?.attacher ?? '', va.spec?.source?.persistentVolumeName ?? '',
    va.spec?.nodeName ?? '', va.status?.attached ?? false, age(va, now)],
};
