// storage.k8s.io/v1 defaults. Models pkg/apis/storage/v1/defaults.go and its zz_generated.defaults.go.
import { type Obj, child, objAt, defaultPtr, defaultResourceList } from './util';
import { defaultPersistentVolumeSource } from './volumes';

/** SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(sc: Obj): void {
  defaultPtr(sc, 'reclaimPolicy', 'Delete');
  defaultPtr(sc, 'volumeBindingMode', 'Immediate');
}

/**
 * SetDefaults_CSIDriver. The CSIVolumeFSGroupPolicy and CSIInlineVolume gates are GA (always on) and
 * SELinuxMountReadWriteOncePod is beta (on) in v1.32.
 */
export function defaultCSIDriver(d: Obj): void {
  const spec = child(d, 'spec');
  defaultPtr(spec, 'attachRequired', true);
  defaultPtr(spec, 'podInfoOnMount', false);
  defaultPtr(spec, 'storageCapacity', false);
  defaultPtr(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  if (!Array.isArray(spec.volumeLifecycleModes) || spec.volumeLifecycleModes.length === 0) spec.volumeLifecycleModes = ['Persistent'];
  defaultPtr(spec, 'requiresRepublish', false);
  defaultPtr(spec, 'seLinuxMount', false);
}

/** SetObjectDefaults_VolumeAttachment: an inline PersistentVolumeSpec gets the PV source defaults. */
export function defaultVolumeAttachment(va: Obj): void {
  const inline = objAt(objAt(objAt(va, 'spec'), 'source'), 'inlineVolumeSpec');
  if (!inline) return;
  defaultResourceList(inline, 'capacity');
  defaultPersistentVolumeSource(inline);
}
