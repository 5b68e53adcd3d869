// Models plugin/pkg/admission/storage/storageclass/setdefault/admission.go and
// pkg/volume/util/storageclass.go (GetDefaultClass, IsDefaultAnnotation).
import type { PersistentVolumeClaim, StorageClass } from '../../api';
import { newestDefault } from './default-class';
import type { AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'DefaultStorageClass';
/** IsDefaultStorageClassAnnotation. */
export const IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** BetaIsDefaultStorageClassAnnotation. */
export const BETA_IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
/** The beta storage-class annotation of a claim (v1.BetaStorageClassAnnotation). */
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** IsDefaultAnnotation: either annotation set to "true". */
export function isDefaultStorageClass(sc: StorageClass): boolean {
  const ann = sc.metadata?.annotations ?? {};
  return ann[IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true' || ann[BETA_IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true';
}

/**
 * A new PVC that asks for no class gets the default StorageClass (minikube: "standard"). An explicit
 * `storageClassName: ""` is a request for no class and is left alone, as is the beta annotation.
 */
export const defaultStorageClass: AdmissionPlugin = {
  name: NAME,
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== '' || a.info.kind !== 'PersistentVolumeClaim' || !a.object) return;
    const pvc = a.object as PersistentVolumeClaim;
    // helper.PersistentVolumeClaimHasClass
    if (pvc.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined) return;
    if (pvc.spec?.storageClassName !== undefined && pvc.spec.storageClassName !== null) return;
    const def = newestDefault(ctx.list('storage.k8s.io', 'storageclasses') as StorageClass[], isDefaultStorageClass);
    if (!def?.metadata?.name) return;
    (pvc.spec ?? (pvc.spec = {})).storageClassName = def.metadata.name;
  },
};
