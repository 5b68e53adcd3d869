// Models plugin/pkg/admission/storage/persistentvolume/resize/admission.go (PersistentVolumeClaimResize).
import type { PersistentVolumeClaim, StorageClass } from '../../api';
import { admissionForbidden } from './errors';
import { parseList } from './quantities';
import type { AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'PersistentVolumeClaimResize';

/** helper.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

/**
 * Growing a claim is allowed only when it is Bound and its StorageClass (unchanged) has
 * allowVolumeExpansion: true. Shrinking or keeping the size is left to validation.
 */
export const persistentVolumeClaimResize: AdmissionPlugin = {
  name: NAME,
  validate(a, ctx) {
    if (a.operation !== 'UPDATE' || a.subresource || a.info.group !== '' || a.info.kind !== 'PersistentVolumeClaim') return;
    const pvc = a.object as PersistentVolumeClaim | undefined;
    const old = a.oldObject as PersistentVolumeClaim | undefined;
    if (!pvc || !old) return;
    const oldSize = parseList(old.spec?.resources?.requests).storage?.nanos ?? 0n;
    const newSize = parseList(pvc.spec?.resources?.requests).storage?.nanos ?? 0n;
    if (newSize <= oldSize) return;
    if (old.status?.phase !== 'Bound') throw admissionForbidden(a, 'Only bound persistent volume claims can be expanded');
    const cls = claimClass(pvc);
    const sc = cls && cls === claimClass(old) ? ctx.get('storage.k8s.io', 'storageclasses', undefined, cls) as StorageClass | undefined : undefined;
    if (sc?.allowVolumeExpansion !== true) {
      throw admissionForbidden(a, 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
    }
  },
};
