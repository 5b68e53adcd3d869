// Models plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go.
import type { KubeObject } from '../../api';
import type { AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'StorageObjectInUseProtection';
/** volumeutil.PVCProtectionFinalizer: removed by the pvc-protection controller once no pod uses the claim. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** volumeutil.PVProtectionFinalizer: removed by the pv-protection controller once no claim is bound to the volume. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

function addFinalizer(obj: KubeObject, finalizer: string): void {
  const meta = obj.metadata ?? (obj.metadata = {});
  const fs = meta.finalizers ?? [];
  if (!fs.includes(finalizer)) meta.finalizers = [...fs, finalizer];
}

/** New PVCs and PVs get their protection finalizer, so one in use is not deleted under its user. */
export const storageObjectInUseProtection: AdmissionPlugin = {
  name: NAME,
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== '' || !a.object) return;
    if (a.info.kind === 'PersistentVolumeClaim') addFinalizer(a.object, PVC_PROTECTION_FINALIZER);
    else if (a.info.kind === 'PersistentVolume') addFinalizer(a.object, PV_PROTECTION_FINALIZER);
  },
};
