// Volume source defaults, for pod volumes and persistent volume sources.
// Models pkg/apis/core/v1/defaults.go (SetDefaults_Volume, SetDefaults_*VolumeSource) and the
// `+default=` markers of staging/src/k8s.io/api/core/v1/types.go, in the order
// pkg/apis/core/v1/zz_generated.defaults.go applies them.
import { type Obj, objAt, objects, defaultPtr, defaultString, canonicalizeQuantityAt, defaultResourceList } from './util';

/** v1.ConfigMapVolumeSourceDefaultMode etc.: 0644, printed by the API as 420. */
export const DEFAULT_VOLUME_MODE = 0o644;

/** Every VolumeSource member of v1.Volume (what ptr.AllPtrFieldsNil looks at). */
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

/** SetDefaults_ObjectFieldSelector: fieldRef.apiVersion "v1". */
export function defaultFieldRef(fieldRef: Obj | undefined): void {
  if (fieldRef) defaultString(fieldRef, 'apiVersion', 'v1');
}

function defaultDownwardAPIItems(source: Obj): void {
  for (const item of objects(source, 'items')) defaultFieldRef(objAt(item, 'fieldRef'));
}

/** SetDefaults_HostPathVolumeSource: type "" (HostPathUnset) — it shows in `-o yaml` as `type: ""`. */
function defaultHostPath(src: Obj | undefined): void {
  if (src) defaultPtr(src, 'type', '');
}

// `+default=` markers of RBDVolumeSource / RBDPersistentVolumeSource.
function defaultRBD(src: Obj | undefined): void {
  if (!src) return;
  defaultString(src, 'pool', 'rbd');
  defaultString(src, 'user', 'admin');
  defaultString(src, 'keyring', '/etc/ceph/keyring');
}

// `+default="default"` on ISCSIVolumeSource.iscsiInterface.
function defaultISCSI(src: Obj | undefined): void {
  if (src) defaultString(src, 'iscsiInterface', 'default');
}

// `+default=` markers of AzureDiskVolumeSource.
function defaultAzureDisk(src: Obj | undefined): void {
  if (!src) return;
  defaultPtr(src, 'cachingMode', 'ReadWrite');
  defaultPtr(src, 'fsType', 'ext4');
  defaultPtr(src, 'readOnly', false);
  defaultPtr(src, 'kind', 'Shared');
}

// `+default=` markers of ScaleIOVolumeSource / ScaleIOPersistentVolumeSource.
function defaultScaleIO(src: Obj | undefined): void {
  if (!src) return;
  defaultString(src, 'storageMode', 'ThinProvisioned');
  defaultString(src, 'fsType', 'xfs');
}

/** SetDefaults_PersistentVolumeClaimSpec: volumeMode Filesystem; its resource lists are rounded. */
export function defaultPersistentVolumeClaimSpec(spec: Obj | undefined): void {
  if (!spec) return;
  defaultPtr(spec, 'volumeMode', 'Filesystem');
  const resources = objAt(spec, 'resources');
  defaultResourceList(resources, 'limits');
  defaultResourceList(resources, 'requests');
}

/** Defaults one pod volume (SetObjectDefaults_Pod's per-volume block). */
export function defaultVolume(volume: Obj): void {
  // SetDefaults_Volume: a volume that names no source is an emptyDir.
  if (VOLUME_SOURCES.every((k) => volume[k] === undefined || volume[k] === null)) volume.emptyDir = {};
  // Deviation: the ImageVolume gate is off in v1.32, so image.pullPolicy is not defaulted.
  defaultHostPath(objAt(volume, 'hostPath'));
  const secret = objAt(volume, 'secret');
  if (secret) defaultPtr(secret, 'defaultMode', DEFAULT_VOLUME_MODE);
  defaultISCSI(objAt(volume, 'iscsi'));
  defaultRBD(objAt(volume, 'rbd'));
  const downwardAPI = objAt(volume, 'downwardAPI');
  if (downwardAPI) {
    defaultPtr(downwardAPI, 'defaultMode', DEFAULT_VOLUME_MODE);
    defaultDownwardAPIItems(downwardAPI);
  }
  const configMap = objAt(volume, 'configMap');
  if (configMap) defaultPtr(configMap, 'defaultMode', DEFAULT_VOLUME_MODE);
  defaultAzureDisk(objAt(volume, 'azureDisk'));
  const projected = objAt(volume, 'projected');
  if (projected) {
    defaultPtr(projected, 'defaultMode', DEFAULT_VOLUME_MODE);
    for (const source of objects(projected, 'sources')) {
      const dapi = objAt(source, 'downwardAPI');
      if (dapi) defaultDownwardAPIItems(dapi);
      // SetDefaults_ServiceAccountTokenProjection: one hour.
      const token = objAt(source, 'serviceAccountToken');
      if (token) defaultPtr(token, 'expirationSeconds', 3600);
    }
  }
  defaultScaleIO(objAt(volume, 'scaleIO'));
  const claimTemplate = objAt(objAt(volume, 'ephemeral'), 'volumeClaimTemplate');
  if (claimTemplate) defaultPersistentVolumeClaimSpec(objAt(claimTemplate, 'spec'));
  // emptyDir.sizeLimit is a Quantity: the JSON round trip prints it canonically.
  canonicalizeQuantityAt(objAt(volume, 'emptyDir'), 'sizeLimit');
}

/** Defaults the volumes of a pod spec. */
export function defaultVolumes(spec: Obj): void {
  for (const v of objects(spec, 'volumes')) defaultVolume(v);
}

/** SetObjectDefaults_PersistentVolume's source block: hostPath, rbd, iscsi, azureDisk, scaleIO. */
export function defaultPersistentVolumeSource(spec: Obj): void {
  defaultHostPath(objAt(spec, 'hostPath'));
  defaultRBD(objAt(spec, 'rbd'));
  defaultISCSI(objAt(spec, 'iscsi'));
  defaultAzureDisk(objAt(spec, 'azureDisk'));
  defaultScaleIO(objAt(spec, 'scaleIO'));
}
