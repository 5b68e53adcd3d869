// A pod's volumes: set up before its containers start, refreshed on resync, torn down with the pod.
// Models pkg/kubelet/volumemanager (WaitForAttachAndMount, the reconciler's MountVolume.SetUp with
// the operation executor's exponential back-off: 500ms doubling to 2m2s) and the volume plugins
// pkg/volume/{emptydir,configmap,secret,downwardapi,projected,hostpath} with their error texts.
import type { ConfigMap, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Volume } from '../../api/types';
import type { VolumeProjection } from 'kubernetes-types/core/v1';
import type { Mount, VolumeFS } from '../../runtime/cri';
import type { Container } from '../../api/types';
import { containerResourceValue, extractFieldPathAsString, decodeSecretValue, type Allocatable } from '../envvars';
import { MemFS } from './memfs';
import type { VolumeDataRegistry } from './registry';
import { writePayload, type FileProjection } from './atomic-writer';

/** nestedpendingoperations initialDurationBeforeRetry and maxDurationBeforeRetry. */
export const MOUNT_RETRY_INITIAL_MS = 500;
export const MOUNT_RETRY_MAX_MS = 122_000;

/** What volume plugins read (the kubelet's caches of the API, and storage). */
export interface VolumeSources {
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
  pvc(namespace: string, name: string): PersistentVolumeClaim | undefined;
  /** A PersistentVolume by name. */
  pv(name: string): PersistentVolume | undefined;
  registry: VolumeDataRegistry;
  nodeName: string;
  allocatable: Allocatable;
  /** A bound service account token for the pod (projected serviceAccountToken). */
  token(pod: Pod, audience: string | undefined, expirationSeconds: number): string;
}

/** A volume that could not be set up. `event` false: wait silently (an unbound claim). */
export interface MountFailure {
  volume: string;
  message: string;
  event: boolean;
}

/** The outcome of a set-up pass. */
export interface SetUpResult {
  ready: boolean;
  /** Failures of attempts made now (each is a FailedMount event). */
  failures: MountFailure[];
  /** When the next attempt is allowed, if some volume still waits. */
  nextRetry?: number;
}

class VolumeError extends Error {
  constructor(message: string, readonly event = true) {
    super(message);
  }
}

type Payload = Map<string, FileProjection>;
type KeyToPath = { key: string; path: string; mode?: number };

/** SetDefaults_*VolumeSource: defaultMode 0644. */
const DEFAULT_MODE = 0o644;

/** Files of a configMap volume (or projection); `mode` is the volume's defaultMode. */
function configMapFiles(ns: string, src: { name?: string; items?: KeyToPath[]; optional?: boolean },
  s: VolumeSources, files: Payload, mode: number): void {
  const name = src.name ?? '';
  const cm = s.configMap(ns, name);
  if (!cm) {
    if (src.optional) return;
    throw new VolumeError(`configmap "${name}" not found`);
  }
  const all: Record<string, string> = { ...(cm.data ?? {}) };
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) all[k] = decodeSecretValue(v);
  if (src.items?.length) {
    for (const it of src.items) {
      if (!(it.key in all)) {
        if (src.optional) continue;
        throw new VolumeError(`configmap references non-existent config key: ${it.key}`);
      }
      files.set(it.path, { data: all[it.key], mode: it.mode ?? mode });
    }
  } else {
    for (const k of Object.keys(all).sort()) files.set(k, { data: all[k], mode });
  }
}

/** Files of a secret volume (or projection). */
function secretFiles(ns: string, src: { name?: string; items?: KeyToPath[]; optional?: boolean },
  s: VolumeSources, files: Payload, mode: number): void {
  const name = src.name ?? '';
  const sec = s.secret(ns, name);
  if (!sec) {
    if (src.optional) return;
    throw new VolumeError(`secret "${name}" not found`);
  }
  const data = sec.data ?? {};
  if (src.items?.length) {
    for (const it of src.items) {
      if (!(it.key in data)) {
        if (src.optional) continue;
        throw new VolumeError(`references non-existent secret key: ${it.key}`);
      }
      files.set(it.path, { data: decodeSecretValue(data[it.key]), mode: it.mode ?? mode });
    }
  } else {
    for (const k of Object.keys(data).sort()) files.set(k, { data: decodeSecretValue(data[k]), mode });
  }
}

type DownwardItem = NonNullable<NonNullable<Volume['downwardAPI']>['items']>[number];

function downwardFiles(pod: Pod, items: readonly DownwardItem[] | undefined, s: VolumeSources, files: Payload, mode: number): void {
  for (const it of items ?? []) {
    let v = '';
    if (it.fieldRef) v = extractFieldPathAsString(pod, it.fieldRef.fieldPath);
    else if (it.resourceFieldRef) {
      const c = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === it.resourceFieldRef!.containerName);
      v = containerResourceValue(it.resourceFieldRef, c, s.allocatable);
    }
    files.set(it.path, { data: v, mode: it.mode ?? mode });
  }
}

function projectedFiles(pod: Pod, sources: readonly VolumeProjection[], s: VolumeSources, files: Payload, mode: number): void {
  const ns = pod.metadata?.namespace ?? 'default';
  for (const p of sources) {
    if (p.configMap) configMapFiles(ns, p.configMap, s, files, mode);
    else if (p.secret) secretFiles(ns, p.secret, s, files, mode);
    else if (p.downwardAPI) downwardFiles(pod, p.downwardAPI.items, s, files, mode);
    else if (p.serviceAccountToken) {
      files.set(p.serviceAccountToken.path, { data: s.token(pod, p.serviceAccountToken.audience, p.serviceAccountToken.expirationSeconds ?? 3600), mode });
    }
  }
}

/**
 * The mode of a volume's root: configMap wraps an emptyDir on disk (0777); secret, downwardAPI and
 * projected wrap one in memory, a tmpfs whose root is 1777 (pkg/volume/*: wrappedVolumeSpec).
 */
function rootMode(v: Volume): number {
  if (v.configMap) return 0o777;
  if (v.emptyDir) return v.emptyDir.medium === 'Memory' ? 0o1777 : 0o777;
  return 0o1777;
}

/** The volumes of one pod. */
export class PodVolumes {
  private readonly mounted = new Map<string, VolumeFS>();
  // Made on the first failed mount: most pods never retry, and an empty map per pod adds up.
  private retry?: Map<string, { delay: number; next: number }>;
  /** The time of the last set-up pass (the sync a refresh belongs to). */
  private now = 0;

  constructor(private readonly s: VolumeSources) {}

  /** Is every volume of the pod set up? */
  ready(pod: Pod): boolean {
    return (pod.spec?.volumes ?? []).every((v) => this.mounted.has(v.name));
  }

  /** MountVolume.SetUp for every volume not set up yet, each gated by its retry back-off. */
  setUp(pod: Pod, now: number): SetUpResult {
    const failures: MountFailure[] = [];
    let nextRetry: number | undefined;
    this.now = now;
    for (const v of pod.spec?.volumes ?? []) {
      if (this.mounted.has(v.name)) continue;
      const r = this.retry?.get(v.name);
      if (r && now < r.next) {
        nextRetry = Math.min(nextRetry ?? Infinity, r.next);
        continue;
      }
      try {
        this.mounted.set(v.name, this.build(pod, v));
        this.retry?.delete(v.name);
      } catch (e) {
        const err = e instanceof VolumeError ? e : new VolumeError((e as Error).message);
        const delay = err.event ? (r ? Math.min(r.delay * 2, MOUNT_RETRY_MAX_MS) : MOUNT_RETRY_INITIAL_MS) : 0;
        if (err.event) {
          (this.retry ??= new Map()).set(v.name, { delay, next: now + delay });
          nextRetry = Math.min(nextRetry ?? Infinity, now + delay);
        }
        failures.push({ volume: v.name, message: err.message, event: err.event });
      }
    }
    return { ready: this.ready(pod), failures, nextRetry };
  }

  /** Re-reads the content of configMap, secret, downwardAPI and projected volumes (the pod resync). */
  refresh(pod: Pod): void {
    for (const v of pod.spec?.volumes ?? []) {
      const fs = this.mounted.get(v.name);
      if (!fs || !(fs instanceof MemFS) || !(v.configMap || v.secret || v.downwardAPI || v.projected)) continue;
      try {
        writePayload(fs, this.files(pod, v), this.now, `${pod.metadata?.uid}/${v.name}`);
      } catch {
        // A source that disappeared keeps its last content, as the atomic writer does.
      }
    }
  }

  /**
   * The runtime mounts of a container. A subPath of a configMap, secret, downwardAPI or projected
   * volume is bind-mounted from the content at container start, so later updates of the source do
   * not reach it (as on a real node); other subPaths are live views of the volume.
   */
  mountsFor(c: Container, pod?: Pod): Mount[] {
    const out: Mount[] = [];
    const sources = new Map((pod?.spec?.volumes ?? []).map((v) => [v.name, v]));
    for (const vm of c.volumeMounts ?? []) {
      const fs = this.mounted.get(vm.name);
      if (!fs) continue;
      const src = sources.get(vm.name);
      const projected = !!(src && (src.configMap || src.secret || src.downwardAPI || src.projected));
      const readOnly = !!vm.readOnly || !!src?.persistentVolumeClaim?.readOnly;
      const m: Mount = { containerPath: vm.mountPath, readOnly, volume: vm.subPath && projected ? snapshot(fs, vm.subPath) : fs };
      if (vm.subPath) m.subPath = vm.subPath;
      out.push(m);
    }
    return out;
  }

  /** The storage of one volume (tests, exec shells). */
  get(name: string): VolumeFS | undefined {
    return this.mounted.get(name);
  }

  /** Tears down per-pod storage (emptyDir content is gone with the pod). */
  tearDown(): void {
    this.mounted.clear();
    this.retry?.clear();
  }

  private files(pod: Pod, v: Volume): Payload {
    const ns = pod.metadata?.namespace ?? 'default';
    const files: Payload = new Map();
    if (v.configMap) configMapFiles(ns, v.configMap, this.s, files, v.configMap.defaultMode ?? DEFAULT_MODE);
    else if (v.secret) {
      secretFiles(ns, { name: v.secret.secretName, items: v.secret.items, optional: v.secret.optional }, this.s, files, v.secret.defaultMode ?? DEFAULT_MODE);
    } else if (v.downwardAPI) downwardFiles(pod, v.downwardAPI.items, this.s, files, v.downwardAPI.defaultMode ?? DEFAULT_MODE);
    else if (v.projected) projectedFiles(pod, v.projected.sources ?? [], this.s, files, v.projected.defaultMode ?? DEFAULT_MODE);
    return files;
  }

  /**
   * Where a PersistentVolume's data lives: a hostPath or local PV is a directory of the node the pod
   * runs on (minikube's provisioned volumes are /tmp/hostpath-provisioner/<ns>/<claim> on a node, so
   * a pod on another node sees another directory); any other source is storage of its own by PV name.
   */
  private persistentVolumeStorage(pv: PersistentVolume): VolumeFS {
    const path = pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
    if (path) return this.s.registry.hostPath(this.s.nodeName, path);
    return this.s.registry.persistentVolume(pv.metadata!.name!);
  }

  private build(pod: Pod, v: Volume): VolumeFS {
    const ns = pod.metadata?.namespace ?? 'default';
    if (v.configMap || v.secret || v.downwardAPI || v.projected) {
      const fs = new MemFS();
      fs.chmod('', rootMode(v));
      writePayload(fs, this.files(pod, v), this.now, `${pod.metadata?.uid}/${v.name}`);
      return fs;
    }
    if (v.hostPath) return this.s.registry.hostPath(this.s.nodeName, v.hostPath.path);
    if (v.persistentVolumeClaim) {
      // Models the desired-state populator's getPVCExtractPV and getPVSpec: the pod waits (without
      // an event) until its claim is Bound to a PV the kubelet can see.
      const name = v.persistentVolumeClaim.claimName;
      const pvc = this.s.pvc(ns, name);
      if (!pvc) throw new VolumeError(`error processing PVC ${ns}/${name}: failed to fetch PVC from API server: persistentvolumeclaims "${name}" not found`, false);
      if (pvc.metadata?.deletionTimestamp) throw new VolumeError(`error processing PVC ${ns}/${name}: can't start pod because PVC ${ns}/${name} is being deleted`, false);
      const pvName = pvc.spec?.volumeName ?? '';
      if (pvc.status?.phase !== 'Bound' || !pvName) {
        throw new VolumeError(`error processing PVC ${ns}/${name}: PVC ${ns}/${name} has non-bound phase ("${pvc.status?.phase ?? ''}") or empty pvc.Spec.VolumeName ("${pvName}")`, false);
      }
      const pv = this.s.pv(pvName);
      if (!pv) throw new VolumeError(`error processing PVC ${ns}/${name}: failed to fetch PV ${pvName} from API server: persistentvolumes "${pvName}" not found`, false);
      return this.persistentVolumeStorage(pv);
    }
    if (v.ephemeral) {
      // Deviation: a generic ephemeral volume is storage of its own, not a PVC the ephemeral controller creates.
      return new MemFS();
    }
    // emptyDir (its directory is 0777; a tmpfs root 1777), and any other source the simulator has no storage model for.
    const fs = new MemFS();
    if (v.emptyDir) fs.chmod('', rootMode(v));
    return fs;
  }
}

/** A copy of what a volume holds at `subPath` (a file or a directory, links followed), for a bind mount taken now. */
function snapshot(fs: VolumeFS, subPath: string): VolumeFS {
  const out = new MemFS();
  const copy = (p: string) => {
    const mode = fs.mode?.(p);
    if (fs.isDir(p)) {
      out.mkdir(p);
      for (const n of fs.list(p)) copy(`${p}/${n}`);
    } else {
      const c = fs.read(p);
      if (c !== undefined) out.write(p, c);
    }
    if (mode !== undefined) out.chmod(p, mode);
  };
  copy(subPath);
  return out;
}
