// Pod volumes and their sources, and local paths used by mounts and projections.
// Models pkg/apis/core/validation/validation.go ValidateVolumes, validateVolumeSource and the
// per-source validators (hostPath, secret, configMap, downwardAPI, projected, nfs, persistentVolumeClaim,
// ephemeral, image), validateKeyToPath, validateLocalDescendingPath, ValidateLocalNonReservedPath.
// Deviation: sources no seed uses (iscsi, rbd, cinder, cephfs, glusterfs, fc, flex, azure*, vsphere,
// photon, portworx, scaleIO, storageos, quobyte, flocker, gce/aws disks) are counted but not checked.
import { FieldError, FieldPath, forbidden, invalid, notSupported, required, duplicate } from '../field';
import type { Volume } from '../types';
import type { KeyToPath, DownwardAPIVolumeFile, ObjectFieldSelector, ResourceFieldSelector } from 'kubernetes-types/core/v1';
import { isDNS1123Label, nameIsDNSSubdomain } from './names';
import { validateLabelName } from './objectmeta';
import { quantityOf, quantityString } from './resources';
import { validatePersistentVolumeClaimTemplate } from './pvc';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

// Upstream's order of checks, with the path each "more than 1 volume type" error names (sic: "downwarAPI",
// "cephFS").
const SOURCES: [json: string, forbiddenPath: string][] = [['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'], ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'], ['glusterfs', 'glusterfs'], ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'], ['cinder', 'cinder'], ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'], ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'],
  ['ephemeral', 'ephemeral'], ['image', 'image']];

/** validatePathNoBacksteps: no ".." element. */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, 'must not contain \'..\'')] : [];
}

/** validateLocalDescendingPath: relative, without "..". */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = target.startsWith('/') ? [invalid(path, target, 'must be a relative path')] : [];
  return errs.concat(validatePathNoBacksteps(target, path));
}

/** ValidateLocalNonReservedPath: also must not start with "..". */
export function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, 'must not start with \'..\''));
  return errs;
}

function validateMode(mode: number | undefined, path: FieldPath): FieldError[] {
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

function validateKeyToPath(kp: KeyToPath, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!kp.key) errs.push(required(path.child('key'), ''));
  if (!kp.path) errs.push(required(path.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(kp.path ?? '', path.child('path')));
  errs.push(...validateMode(kp.mode, path.child('mode')));
  return errs;
}

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** validateHostPathVolumeSource (pods and PVs). */
export function validateHostPathVolumeSource(hp: { path?: string; type?: string }, path: FieldPath): FieldError[] {
  if (!hp.path) return [required(path.child('path'), '')];
  const errs = validatePathNoBacksteps(hp.path, path.child('path'));
  if (hp.type !== undefined && !HOST_PATH_TYPES.includes(hp.type)) errs.push(notSupported(path.child('type'), hp.type, HOST_PATH_TYPES));
  return errs;
}

/** validateNFSVolumeSource (pods and PVs). */
export function validateNFSVolumeSource(nfs: { server?: string; path?: string }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!nfs.server) errs.push(required(path.child('server'), ''));
  if (!nfs.path) errs.push(required(path.child('path'), ''));
  if (!(nfs.path ?? '').startsWith('/')) errs.push(invalid(path.child('path'), nfs.path ?? '', 'must be an absolute path'));
  return errs;
}

const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
/** The fieldRef paths env vars may use (validEnvDownwardAPIFieldPathExpressions, sorted). */
export const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const CONVERTIBLE_FIELD_LABELS = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace',
  'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']);

/** fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['app']" → ["metadata.labels", "app"]. */
function splitSubscript(fp: string): [string, string] | undefined {
  if (!fp.endsWith('\']')) return undefined;
  const s = fp.slice(0, -2);
  const i = s.indexOf('[\'');
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

/** validateObjectFieldSelector, with pods.ConvertDownwardAPIFieldLabel's error texts. */
export function validateObjectFieldSelector(fs: ObjectFieldSelector, expressions: readonly string[], path: FieldPath): FieldError[] {
  if (!fs.apiVersion) return [required(path.child('apiVersion'), '')];
  if (!fs.fieldPath) return [required(path.child('fieldPath'), '')];
  const fp = fs.fieldPath;
  let convertErr: string | undefined;
  const sub = splitSubscript(fp);
  if (fs.apiVersion !== 'v1') convertErr = `unsupported pod version: ${fs.apiVersion}`;
  else if (sub) {
    if (sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels') convertErr = `field label does not support subscript: ${fp}`;
  } else if (!CONVERTIBLE_FIELD_LABELS.has(fp) && fp !== 'spec.host') convertErr = `field label not supported: ${fp}`;
  if (convertErr) return [invalid(path.child('fieldPath'), fp, `error converting fieldPath: ${convertErr}`)];
  if (sub) {
    // Annotation keys are case-insensitive, label keys are not.
    return sub[0] === 'metadata.annotations' ? validateLabelName(sub[1].toLowerCase(), path) : validateLabelName(sub[1], path);
  }
  const internal = fp === 'spec.host' ? 'spec.nodeName' : fp;
  return expressions.includes(internal) ? [] : [notSupported(path.child('fieldPath'), internal, expressions)];
}

/** Container resource names downward API may expose (sorted). */
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu',
  'requests.ephemeral-storage', 'requests.memory'];
const MEMORY_DIVISORS = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);
const MEMORY_DIVISOR_LIST = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

/** validateContainerResourceFieldSelector (volume: a containerName is required). */
export function validateResourceFieldSelector(fs: ResourceFieldSelector, path: FieldPath, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const r = fs.resource ?? '';
  if (volume && !fs.containerName) errs.push(required(path.child('containerName'), ''));
  else if (!r) errs.push(required(path.child('resource'), ''));
  else if (!RESOURCE_FIELD_PATHS.includes(r) && !r.startsWith('requests.hugepages-') && !r.startsWith('limits.hugepages-')) {
    errs.push(notSupported(path.child('resource'), r, RESOURCE_FIELD_PATHS));
  }
  const d = quantityOf(fs.divisor);
  if (d && d.nanos !== 0n) {
    const ds = quantityString(d);
    const dp = path.child('divisor');
    if ((r === 'limits.cpu' || r === 'requests.cpu') && ds !== '1m' && ds !== '1') {
      errs.push(invalid(dp, r, 'only divisor\'s values 1m and 1 are supported with the cpu resource'));
    } else if ((r === 'limits.memory' || r === 'requests.memory') && !MEMORY_DIVISORS.has(ds)) {
      errs.push(invalid(dp, r, `only divisor's values ${MEMORY_DIVISOR_LIST} are supported with the memory resource`));
    } else if ((r === 'limits.ephemeral-storage' || r === 'requests.ephemeral-storage') && !MEMORY_DIVISORS.has(ds)) {
      errs.push(invalid(dp, r, `only divisor's values ${MEMORY_DIVISOR_LIST} are supported with the local ephemeral storage resource`));
    }
    if ((r.startsWith('requests.hugepages-') || r.startsWith('limits.hugepages-')) && !MEMORY_DIVISORS.has(ds)) {
      errs.push(invalid(dp, r, `only divisor's values ${MEMORY_DIVISOR_LIST} are supported with the hugepages resource`));
    }
  }
  return errs;
}

function validateDownwardAPIVolumeFile(file: DownwardAPIVolumeFile, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(path.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(file.path ?? '', path.child('path')));
  if (file.fieldRef) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_FIELD_PATHS, path.child('fieldRef')));
    if (file.resourceFieldRef) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (file.resourceFieldRef) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, path.child('resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(file.mode, path.child('mode')));
  return errs;
}

type Projected = NonNullable<Volume['projected']>;

function validateProjected(proj: Projected, path: FieldPath): FieldError[] {
  const errs = validateMode(proj.defaultMode, path.child('defaultMode'));
  const allPaths = new Set<string>();
  const claim = (p: string | undefined, shown: string) => {
    if (!p) return;
    if (allPaths.has(p)) errs.push(invalid(path, shown, 'conflicting duplicate paths'));
    else allPaths.add(p);
  };
  (proj.sources ?? []).forEach((src, i) => {
    const sp = path.child('sources').index(i);
    let n = 0;
    if (src.secret) {
      n++;
      if (!src.secret.name) errs.push(required(sp.child('secret', 'name'), ''));
      (src.secret.items ?? []).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, sp.child('secret', 'items').index(j)));
        claim(kp.path, src.secret!.name ?? '');
      });
    }
    if (src.configMap) {
      n++;
      if (!src.configMap.name) errs.push(required(sp.child('configMap', 'name'), ''));
      (src.configMap.items ?? []).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, sp.child('configMap', 'items').index(j)));
        claim(kp.path, src.configMap!.name ?? '');
      });
    }
    if (src.downwardAPI) {
      n++;
      for (const f of src.downwardAPI.items ?? []) {
        errs.push(...validateDownwardAPIVolumeFile(f, sp.child('downwardAPI')));
        claim(f.path, f.path);
      }
    }
    if (src.serviceAccountToken) {
      n++;
      const t = src.serviceAccountToken;
      const exp = t.expirationSeconds ?? 3600;
      if (exp < 600) errs.push(invalid(sp.child('serviceAccountToken', 'expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalid(sp.child('serviceAccountToken', 'expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!t.path) errs.push(required(path.child('path'), ''));
      else errs.push(...validateLocalNonReservedPath(t.path, path.child('path')));
    }
    if (n > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

type Source = Record<string, unknown>;

function validateSource(json: string, src: Source, path: FieldPath): FieldError[] {
  const p = path.child(json === 'gcePersistentDisk' ? 'persistentDisk' : json);
  switch (json) {
    case 'emptyDir': {
      const q = quantityOf(src.sizeLimit);
      return q && q.nanos < 0n ? [forbidden(p.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
    }
    case 'hostPath': return validateHostPathVolumeSource(src, p);
    case 'gitRepo': {
      const errs = src.repository ? [] : [required(p.child('repository'), '')];
      return errs.concat(validateLocalDescendingPath(String(src.directory ?? ''), p.child('directory')));
    }
    case 'secret': {
      const errs = src.secretName ? [] : [required(p.child('secretName'), '')];
      errs.push(...validateMode(src.defaultMode as number | undefined, p.child('defaultMode')));
      ((src.items ?? []) as KeyToPath[]).forEach((kp, i) => errs.push(...validateKeyToPath(kp, p.child('items').index(i))));
      return errs;
    }
    case 'configMap': {
      const errs = src.name ? [] : [required(p.child('name'), '')];
      errs.push(...validateMode(src.defaultMode as number | undefined, p.child('defaultMode')));
      ((src.items ?? []) as KeyToPath[]).forEach((kp, i) => errs.push(...validateKeyToPath(kp, p.child('items').index(i))));
      return errs;
    }
    case 'nfs': return validateNFSVolumeSource(src, p);
    case 'persistentVolumeClaim': return src.claimName ? [] : [required(p.child('claimName'), '')];
    case 'downwardAPI': {
      const errs = validateMode(src.defaultMode as number | undefined, p.child('defaultMode'));
      for (const f of (src.items ?? []) as DownwardAPIVolumeFile[]) errs.push(...validateDownwardAPIVolumeFile(f, p));
      return errs;
    }
    case 'projected': return validateProjected(src as Projected, p);
    case 'csi': return src.driver ? [] : [required(p.child('driver'), '')];
    case 'ephemeral':
      return src.volumeClaimTemplate
        ? validatePersistentVolumeClaimTemplate(src.volumeClaimTemplate as object, p.child('volumeClaimTemplate'))
        : [required(p.child('volumeClaimTemplate'), '')];
    case 'image': {
      const errs = src.reference ? [] : [required(p.child('reference'), '')];
      const pp = src.pullPolicy as string | undefined;
      if (!pp) errs.push(required(p.child('pullPolicy'), ''));
      else if (!['Always', 'IfNotPresent', 'Never'].includes(pp)) errs.push(notSupported(p.child('pullPolicy'), pp, ['Always', 'IfNotPresent', 'Never']));
      return errs;
    }
    default: return [];
  }
}

/** validateVolumeSource: exactly one source, each checked. */
export function validateVolumeSource(vol: Record<string, unknown>, path: FieldPath, volName: string, podName: string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const [json, fp] of SOURCES) {
    const src = vol[json];
    if (src === undefined || src === null) continue;
    if (n > 0) { errs.push(forbidden(path.child(fp), 'may not specify more than 1 volume type')); continue; }
    n++;
    errs.push(...validateSource(json, src as Source, path));
    if (json === 'ephemeral' && podName && volName) {
      const pvcName = `${podName}-${volName}`;
      for (const m of nameIsDNSSubdomain(pvcName, false)) errs.push(invalid(path.child('name'), volName, `PVC name "${pvcName}": ${m}`));
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: returns the volumes that are valid (by name) for mount checks, and the errors. */
export function validateVolumes(volumes: readonly Volume[] | undefined, podName: string | undefined, path: FieldPath):
  { vols: Map<string, Volume>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const vols = new Map<string, Volume>();
  const created = new Set<string>();
  if (podName) for (const v of volumes ?? []) if (v.ephemeral) created.add(`${podName}-${v.name}`);
  (volumes ?? []).forEach((vol, i) => {
    const p = path.index(i);
    const el = validateVolumeSource(vol as unknown as Record<string, unknown>, p, vol.name, podName);
    if (!vol.name) el.push(required(p.child('name'), ''));
    else for (const m of isDNS1123Label(vol.name)) el.push(invalid(p.child('name'), vol.name, m));
    if (vols.has(vol.name)) el.push(duplicate(p.child('name'), vol.name));
    if (el.length === 0) vols.set(vol.name, vol);
    else errs.push(...el);
    const claimName = vol.persistentVolumeClaim?.claimName;
    if (claimName && created.has(claimName)) {
      errs.push(invalid(p.child('persistentVolumeClaim', 'claimName'), claimName, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { vols, errs };
}
