// Volumes in describe output. Models k8s.io/kubectl/pkg/describe/describe.go describeVolumes and the
// print*VolumeSource functions (the texts are upstream's, word for word), printPersistentVolumeClaim for
// ephemeral volumes, and the persistent volume sources PersistentVolume describes.
import { canonicalQuantity } from '../../engine/api';
import { goSprint } from '../printers';
import { LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, goStringSlice, printAnnotationsMultiline, printLabelsMultiline,
  translateTimestampSince } from './writer';

type Obj = any;

// %v of a pointer-to-struct reference (SecretRef …): "<nil>" or "&{name}".
const refV = (r: Obj) => (r ? `&{${r.name ?? ''}}` : '<nil>');
// %v of a *bool: "<nil>" when unset; a set pointer prints an address in Go (we print its value).
const boolPtrV = (b: Obj) => (b === undefined || b === null ? '<nil>' : String(b));
const v = (x: unknown) => (x === undefined || x === null ? '' : goSprint(x));

/** describeVolumes. */
export function describeVolumes(volumes: Obj[] | undefined, w: PrefixWriter, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(0, '%sVolumes:\t<none>\n', space);
    return;
  }
  w.write(0, '%sVolumes:\n', space);
  for (const vol of list) {
    w.write(LEVEL_1, '%s%v:\n', space ? ' ' : '', vol.name);
    printVolumeSource(vol, w);
  }
}

function printVolumeSource(s: Obj, w: PrefixWriter): void {
  if (s.hostPath) {
    w.write(LEVEL_2, 'Type:\tHostPath (bare host directory volume)\n    Path:\t%v\n    HostPathType:\t%v\n',
      s.hostPath.path ?? '', s.hostPath.type === undefined || s.hostPath.type === null ? '<none>' : s.hostPath.type);
  } else if (s.emptyDir) {
    let sizeLimit = '<unset>';
    try {
      if (s.emptyDir.sizeLimit !== undefined && !canonicalQuantity(s.emptyDir.sizeLimit).startsWith('-') && canonicalQuantity(s.emptyDir.sizeLimit) !== '0') {
        sizeLimit = canonicalQuantity(s.emptyDir.sizeLimit);
      }
    } catch { /* keep <unset> */ }
    w.write(LEVEL_2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t%v\n    SizeLimit:\t%v\n",
      s.emptyDir.medium ?? '', sizeLimit);
  } else if (s.gcePersistentDisk) {
    const g = s.gcePersistentDisk;
    w.write(LEVEL_2, 'Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t%v\n    FSType:\t%v\n    Partition:\t%v\n    ReadOnly:\t%v\n',
      g.pdName ?? '', g.fsType ?? '', g.partition ?? 0, g.readOnly === true);
  } else if (s.awsElasticBlockStore) {
    const a = s.awsElasticBlockStore;
    w.write(LEVEL_2, 'Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t%v\n    FSType:\t%v\n    Partition:\t%v\n    ReadOnly:\t%v\n',
      a.volumeID ?? '', a.fsType ?? '', a.partition ?? 0, a.readOnly === true);
  } else if (s.gitRepo) {
    w.write(LEVEL_2, 'Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t%v\n    Revision:\t%v\n',
      s.gitRepo.repository ?? '', s.gitRepo.revision ?? '');
  } else if (s.secret) {
    w.write(LEVEL_2, 'Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t%v\n    Optional:\t%v\n',
      s.secret.secretName ?? '', s.secret.optional === true);
  } else if (s.configMap) {
    w.write(LEVEL_2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t%v\n    Optional:\t%v\n',
      s.configMap.name ?? '', s.configMap.optional === true);
  } else if (s.nfs) {
    w.write(LEVEL_2, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t%v\n    Path:\t%v\n    ReadOnly:\t%v\n',
      s.nfs.server ?? '', s.nfs.path ?? '', s.nfs.readOnly === true);
  } else if (s.iscsi) {
    const i = s.iscsi;
    w.write(LEVEL_2, "Type:\tISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)\n" +
      '    TargetPortal:\t%v\n    IQN:\t%v\n    Lun:\t%v\n    ISCSIInterface\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n    Portals:\t%v\n' +
      '    DiscoveryCHAPAuth:\t%v\n    SessionCHAPAuth:\t%v\n    SecretRef:\t%v\n    InitiatorName:\t%v\n',
    i.targetPortal ?? '', i.iqn ?? '', i.lun ?? 0, i.iscsiInterface ?? '', i.fsType ?? '', i.readOnly === true, goStringSlice(i.portals),
    i.chapAuthDiscovery === true, i.chapAuthSession === true, refV(i.secretRef), i.initiatorName ?? '<none>');
  } else if (s.glusterfs) {
    w.write(LEVEL_2, "Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n    EndpointsName:\t%v\n    Path:\t%v\n    ReadOnly:\t%v\n",
      s.glusterfs.endpoints ?? '', s.glusterfs.path ?? '', s.glusterfs.readOnly === true);
  } else if (s.persistentVolumeClaim) {
    w.write(LEVEL_2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t%v\n    ReadOnly:\t%v\n',
      s.persistentVolumeClaim.claimName ?? '', s.persistentVolumeClaim.readOnly === true);
  } else if (s.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    const t = s.ephemeral.volumeClaimTemplate;
    if (t) printPersistentVolumeClaim(w.nested(LEVEL_2), { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, false);
  } else if (s.rbd) {
    const r = s.rbd;
    w.write(LEVEL_2, "Type:\tRBD (a Rados Block Device mount on the host that shares a pod's lifetime)\n    CephMonitors:\t%v\n    RBDImage:\t%v\n    FSType:\t%v\n    RBDPool:\t%v\n    RadosUser:\t%v\n    Keyring:\t%v\n    SecretRef:\t%v\n    ReadOnly:\t%v\n",
      goStringSlice(r.monitors), r.image ?? '', r.fsType ?? '', r.pool ?? '', r.user ?? '', r.keyring ?? '', refV(r.secretRef), r.readOnly === true);
  } else if (s.quobyte) {
    w.write(LEVEL_2, "Type:\tQuobyte (a Quobyte mount on the host that shares a pod's lifetime)\n    Registry:\t%v\n    Volume:\t%v\n    ReadOnly:\t%v\n",
      s.quobyte.registry ?? '', s.quobyte.volume ?? '', s.quobyte.readOnly === true);
  } else if (s.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const m of s.downwardAPI.items ?? []) {
      if (m.fieldRef) w.write(LEVEL_3, '%v -> %v\n', m.fieldRef.fieldPath ?? '', m.path ?? '');
      if (m.resourceFieldRef) w.write(LEVEL_3, '%v -> %v\n', m.resourceFieldRef.resource ?? '', m.path ?? '');
    }
  } else if (s.azureDisk) {
    const d = s.azureDisk;
    w.write(LEVEL_2, 'Type:\tAzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)\n    DiskName:\t%v\n    DiskURI:\t%v\n    Kind: \t%v\n    FSType:\t%v\n    CachingMode:\t%v\n    ReadOnly:\t%v\n',
      d.diskName ?? '', d.diskURI ?? '', v(d.kind), v(d.fsType), v(d.cachingMode), d.readOnly === true);
  } else if (s.vsphereVolume) {
    w.write(LEVEL_2, 'Type:\tvSphereVolume (a Persistent Disk resource in vSphere)\n    VolumePath:\t%v\n    FSType:\t%v\n    StoragePolicyName:\t%v\n',
      s.vsphereVolume.volumePath ?? '', s.vsphereVolume.fsType ?? '', s.vsphereVolume.storagePolicyName ?? '');
  } else if (s.cinder) {
    w.write(LEVEL_2, 'Type:\tCinder (a Persistent Disk resource in OpenStack)\n    VolumeID:\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n    SecretRef:\t%v\n',
      s.cinder.volumeID ?? '', s.cinder.fsType ?? '', s.cinder.readOnly === true, refV(s.cinder.secretRef));
  } else if (s.photonPersistentDisk) {
    w.write(LEVEL_2, 'Type:\tPhotonPersistentDisk (a Persistent Disk resource in photon platform)\n    PdID:\t%v\n    FSType:\t%v\n',
      s.photonPersistentDisk.pdID ?? '', s.photonPersistentDisk.fsType ?? '');
  } else if (s.portworxVolume) {
    w.write(LEVEL_2, 'Type:\tPortworxVolume (a Portworx Volume resource)\n    VolumeID:\t%v\n', s.portworxVolume.volumeID ?? '');
  } else if (s.scaleIO) {
    const x = s.scaleIO;
    w.write(LEVEL_2, 'Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n    Gateway:\t%v\n    System:\t%v\n    Protection Domain:\t%v\n    Storage Pool:\t%v\n    Storage Mode:\t%v\n    VolumeName:\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n',
      x.gateway ?? '', x.system ?? '', x.protectionDomain ?? '', x.storagePool ?? '', x.storageMode ?? '', x.volumeName ?? '', x.fsType ?? '', x.readOnly === true);
  } else if (s.cephfs) {
    const c = s.cephfs;
    w.write(LEVEL_2, "Type:\tCephFS (a CephFS mount on the host that shares a pod's lifetime)\n    Monitors:\t%v\n    Path:\t%v\n    User:\t%v\n    SecretFile:\t%v\n    SecretRef:\t%v\n    ReadOnly:\t%v\n",
      goStringSlice(c.monitors), c.path ?? '', c.user ?? '', c.secretFile ?? '', refV(c.secretRef), c.readOnly === true);
  } else if (s.storageos) {
    const x = s.storageos;
    w.write(LEVEL_2, 'Type:\tStorageOS (a StorageOS Persistent Disk resource)\n    VolumeName:\t%v\n    VolumeNamespace:\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n',
      x.volumeName ?? '', x.volumeNamespace ?? '', x.fsType ?? '', x.readOnly === true);
  } else if (s.fc) {
    w.write(LEVEL_2, 'Type:\tFC (a Fibre Channel disk)\n    TargetWWNs:\t%v\n    LUN:\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n',
      (s.fc.targetWWNs ?? []).join(', '), s.fc.lun === undefined || s.fc.lun === null ? '<none>' : String(s.fc.lun), s.fc.fsType ?? '', s.fc.readOnly === true);
  } else if (s.azureFile) {
    w.write(LEVEL_2, 'Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n    SecretName:\t%v\n    ShareName:\t%v\n    ReadOnly:\t%v\n',
      s.azureFile.secretName ?? '', s.azureFile.shareName ?? '', s.azureFile.readOnly === true);
  } else if (s.flexVolume) {
    const f = s.flexVolume;
    w.write(LEVEL_2, 'Type:\tFlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)\n    Driver:\t%v\n    FSType:\t%v\n    SecretRef:\t%v\n    ReadOnly:\t%v\n    Options:\t%v\n',
      f.driver ?? '', f.fsType ?? '', refV(f.secretRef), f.readOnly === true, goSprint(f.options ?? {}));
  } else if (s.flocker) {
    w.write(LEVEL_2, 'Type:\tFlocker (a Flocker volume mounted by the Flocker agent)\n    DatasetName:\t%v\n    DatasetUUID:\t%v\n',
      s.flocker.datasetName ?? '', s.flocker.datasetUUID ?? '');
  } else if (s.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const src of s.projected.sources ?? []) {
      if (src.secret) w.write(LEVEL_2, 'SecretName:\t%v\n    SecretOptionalName:\t%v\n', src.secret.name ?? '', boolPtrV(src.secret.optional));
      else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (src.configMap) w.write(LEVEL_2, 'ConfigMapName:\t%v\n    ConfigMapOptional:\t%v\n', src.configMap.name ?? '', boolPtrV(src.configMap.optional));
      else if (src.serviceAccountToken) w.write(LEVEL_2, 'TokenExpirationSeconds:\t%d\n', src.serviceAccountToken.expirationSeconds ?? 0);
    }
  } else if (s.csi) {
    w.write(LEVEL_2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n',
      s.csi.driver ?? '', s.csi.fsType ?? '', s.csi.readOnly === true);
    printCSIAttributes(w, 'VolumeAttributes', s.csi.volumeAttributes);
  } else if (s.image) {
    w.write(LEVEL_2, 'Type:\tImage (a container image or OCI artifact)\n    Reference:\t%v\n    PullPolicy:\t%v\n', s.image.reference ?? '', s.image.pullPolicy ?? '');
  } else w.write(LEVEL_1, '<unknown>\n');
}

/** printCSIPersistentVolumeAttributesMultilineIndent. */
export function printCSIAttributes(w: PrefixWriter, title: string, attrs: Record<string, string> | undefined): void {
  w.write(LEVEL_2, '%s%s:%s', '', title, '\t');
  const keys = Object.keys(attrs ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attrs![k]}`;
    if (line.length > 140) w.write(LEVEL_2, '%s...\n', line.slice(0, 140));
    else w.write(LEVEL_2, '%s\n', line);
  });
}

/** storageutil.GetPersistentVolumeClaimClass: spec.storageClassName, else the beta annotation. */
export function pvcClass(pvc: Obj): string {
  const a = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (a !== undefined) return a;
  return pvc.spec?.storageClassName ?? '';
}

/** printPersistentVolumeClaim (a full PVC, or an ephemeral volume's claim template). */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Obj, isFullPVC: boolean, now = 0): void {
  const m = pvc.metadata ?? {};
  const spec = pvc.spec ?? {};
  if (isFullPVC) {
    w.write(0, 'Name:\t%s\n', m.name ?? '');
    w.write(0, 'Namespace:\t%s\n', m.namespace ?? '');
  }
  w.write(0, 'StorageClass:\t%s\n', pvcClass(pvc));
  if (isFullPVC) {
    if (m.deletionTimestamp) w.write(0, 'Status:\tTerminating (lasts %s)\n', translateTimestampSince(m.deletionTimestamp, now));
    else w.write(0, 'Status:\t%v\n', pvc.status?.phase ?? '');
  }
  w.write(0, 'Volume:\t%s\n', spec.volumeName ?? '');
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  if (isFullPVC) w.write(0, 'Finalizers:\t%v\n', goStringSlice(m.finalizers));
  let capacity = '';
  let accessModes = '';
  if (spec.volumeName) {
    accessModes = getAccessModesAsString(pvc.status?.accessModes);
    const storage = pvc.status?.capacity?.storage;
    capacity = storage === undefined ? '0' : canonicalQuantity(storage);
  }
  w.write(0, 'Capacity:\t%s\n', capacity);
  w.write(0, 'Access Modes:\t%s\n', accessModes);
  if (spec.volumeMode) w.write(0, 'VolumeMode:\t%v\n', spec.volumeMode);
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined && spec.dataSource.apiGroup !== null) w.write(LEVEL_1, 'APIGroup:\t%v\n', spec.dataSource.apiGroup);
    w.write(LEVEL_1, 'Kind:\t%v\n', spec.dataSource.kind ?? '');
    w.write(LEVEL_1, 'Name:\t%v\n', spec.dataSource.name ?? '');
  }
}

/** The "Source:" block of describe persistentvolume (the persistent variants of the volume sources). */
export function printPersistentVolumeSource(spec: Obj, w: PrefixWriter): void {
  if (spec.iscsi) {
    const i = spec.iscsi;
    w.write(LEVEL_2, "Type:\tISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)\n" +
      '    TargetPortal:\t%v\n    IQN:\t%v\n    Lun:\t%v\n    ISCSIInterface\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n    Portals:\t%v\n' +
      '    DiscoveryCHAPAuth:\t%v\n    SessionCHAPAuth:\t%v\n    SecretRef:\t%v\n    InitiatorName:\t%v\n',
    i.targetPortal ?? '', i.iqn ?? '', i.lun ?? 0, i.iscsiInterface ?? '', i.fsType ?? '', i.readOnly === true, goStringSlice(i.portals),
    i.chapAuthDiscovery === true, i.chapAuthSession === true, i.secretRef ? `&{${i.secretRef.name ?? ''} ${i.secretRef.namespace ?? ''}}` : '<nil>', i.initiatorName ?? '<none>');
    return;
  }
  if (spec.glusterfs) {
    w.write(LEVEL_2, "Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n    EndpointsName:\t%v\n    EndpointsNamespace:\t%v\n    Path:\t%v\n    ReadOnly:\t%v\n",
      spec.glusterfs.endpoints ?? '', spec.glusterfs.endpointsNamespace ?? '<unset>', spec.glusterfs.path ?? '', spec.glusterfs.readOnly === true);
    return;
  }
  if (spec.local) {
    w.write(LEVEL_2, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t%v\n', spec.local.path ?? '');
    return;
  }
  if (spec.azureFile) {
    w.write(LEVEL_2, 'Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n    SecretName:\t%v\n    SecretNamespace:\t%v\n    ShareName:\t%v\n    ReadOnly:\t%v\n',
      spec.azureFile.secretName ?? '', spec.azureFile.secretNamespace ?? '', spec.azureFile.shareName ?? '', spec.azureFile.readOnly === true);
    return;
  }
  if (spec.scaleIO) {
    const x = spec.scaleIO;
    w.write(LEVEL_2, 'Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n    Gateway:\t%v\n    System:\t%v\n    Protection Domain:\t%v\n    Storage Pool:\t%v\n    Storage Mode:\t%v\n    VolumeName:\t%v\n    SecretName:\t%v\n    SecretNamespace:\t%v\n    FSType:\t%v\n    ReadOnly:\t%v\n',
      x.gateway ?? '', x.system ?? '', x.protectionDomain ?? '', x.storagePool ?? '', x.storageMode ?? '', x.volumeName ?? '', x.secretRef?.name ?? '', x.secretRef?.namespace ?? '', x.fsType ?? '', x.readOnly === true);
    return;
  }
  if (spec.csi) {
    w.write(LEVEL_2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t%v\n    FSType:\t%v\n    VolumeHandle:\t%v\n    ReadOnly:\t%v\n',
      spec.csi.driver ?? '', spec.csi.fsType ?? '', spec.csi.volumeHandle ?? '', spec.csi.readOnly === true);
    printCSIAttributes(w, 'VolumeAttributes', spec.csi.volumeAttributes);
    return;
  }
  const shared = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'nfs', 'rbd', 'quobyte', 'vsphereVolume', 'cinder', 'azureDisk',
    'photonPersistentDisk', 'portworxVolume', 'cephfs', 'storageos', 'fc', 'flexVolume', 'flocker'];
  const key = shared.find((k) => spec[k]);
  if (key) printVolumeSource({ [key]: spec[key] }, w);
  else w.write(LEVEL_1, '<unknown>\n');
}

/** GetAccessModesAsString: "RWO,ROX,RWX,RWOP" in that order, deduplicated. */
export function getAccessModesAsString(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}
