// The PVC protection controller: a claim being deleted keeps its kubernetes.io/pvc-protection
// finalizer while a scheduled pod still references it. Models
// pkg/controller/volume/pvcprotection/pvc_protection_controller.go (processPVC, isBeingUsed,
// askInformer, askAPIServer, podUsesPVC, podIsShutDown, pvcAddedUpdated, podAddedDeletedUpdated).
import type { PersistentVolumeClaim, Pod } from '../../../api';
import { isNotFound, keyOf, splitKey } from '../../../api';
import { R, WorkQueue, type Client, type Informer } from '../../../client';
import type { Clock } from '../../../clock';
import { POD_PVC_INDEX, addPodPVCIndexer, ephemeralVolumeClaimName, isPodTerminated } from '../common';

/** The controller's name. */
export const NAME = 'persistentvolumeclaim-protection-controller';
/** Its service account (the client's user agent suffix). */
export const SERVICE_ACCOUNT = 'pvc-protection-controller';
/** The finalizer it removes. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';

/** What the controller is built from. */
export interface PVCProtectionControllerDeps {
  pvcs: Informer<PersistentVolumeClaim>;
  pods: Informer<Pod>;
  client: Client;
  clock: Clock;
}

/** podIsShutDown: the kubelet is done with the pod (or it was force-deleted). */
function podIsShutDown(pod: Pod): boolean {
  return (!!pod.metadata?.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds === 0) || isPodTerminated(pod);
}

/** podUsesPVC: a scheduled pod references the claim (an ephemeral one only while the pod runs). */
export function podUsesPVC(pod: Pod, pvc: PersistentVolumeClaim): boolean {
  if (!pod.spec?.nodeName) return false;
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim && v.persistentVolumeClaim.claimName === pvc.metadata?.name) return true;
    if (!podIsShutDown(pod) && v.ephemeral && ephemeralVolumeClaimName(pod, v) === pvc.metadata?.name
      && (pvc.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === pod.metadata?.uid)) return true;
  }
  return false;
}

const hasFinalizer = (c: PersistentVolumeClaim) => (c.metadata?.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER);

/** The PVC protection controller. */
export class PVCProtectionController {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: PVCProtectionControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'pvcprotection', process: (k) => this.processPVC(k) });
    addPodPVCIndexer(deps.pods);
    const pvcChanged = (c: PersistentVolumeClaim) => {
      if (needToAddFinalizer(c) || isDeletionCandidate(c)) this.queue.add(keyOf(c));
    };
    deps.pvcs.onEvent({ add: pvcChanged, update: (_o, c) => pvcChanged(c) });
    deps.pods.onEvent({
      add: (p) => this.podAddedDeletedUpdated(undefined, p, false),
      update: (o, p) => this.podAddedDeletedUpdated(o, p, false),
      delete: (p) => this.podAddedDeletedUpdated(undefined, p, true),
    });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  // An update can hide the deletion of a pod and the creation of another with the same name: the
  // old pod's claims are looked at too.
  private podAddedDeletedUpdated(old: Pod | undefined, pod: Pod, deleted: boolean): void {
    this.enqueuePVCs(pod, deleted);
    if (old && old.metadata?.uid !== pod.metadata?.uid) this.enqueuePVCs(old, true);
  }

  // Only pods that may let a finalizer go matter: deleted, terminated, or not scheduled.
  private enqueuePVCs(pod: Pod, deleted: boolean): void {
    if (!deleted && !isPodTerminated(pod) && pod.spec?.nodeName) return;
    for (const v of pod.spec?.volumes ?? []) {
      if (v.persistentVolumeClaim) this.queue.add(`${pod.metadata?.namespace}/${v.persistentVolumeClaim.claimName}`);
      else if (v.ephemeral) this.queue.add(`${pod.metadata?.namespace}/${ephemeralVolumeClaimName(pod, v)}`);
    }
  }

  /** processPVC: removes the finalizer of an unused claim being deleted; adds it to claims without it. */
  processPVC(key: string): void {
    const { namespace, name } = splitKey(key);
    const pvc = this.deps.pvcs.lister.get(namespace, name);
    if (!pvc) return;
    if (isDeletionCandidate(pvc)) {
      if (!this.isBeingUsed(pvc)) this.removeFinalizer(pvc);
      return;
    }
    // Claims created before the admission plugin was on get the finalizer here.
    if (needToAddFinalizer(pvc)) this.addFinalizer(pvc);
  }

  // isBeingUsed: the informer first; only when it finds nothing, a live list (the cache may lag
  // behind a pod just created).
  private isBeingUsed(pvc: PersistentVolumeClaim): boolean {
    const ns = pvc.metadata!.namespace!;
    const cached = this.deps.pods.lister.byIndex(POD_PVC_INDEX, `${ns}/${pvc.metadata!.name}`);
    if (cached.some((p) => podUsesPVC(p, pvc))) return true;
    const live = this.deps.client.list<Pod>(R.pods, ns).items;
    return live.some((p) => podUsesPVC(p, pvc));
  }

  private addFinalizer(pvc: PersistentVolumeClaim): void {
    const clone: PersistentVolumeClaim = structuredClone(pvc);
    clone.metadata = { ...clone.metadata, finalizers: [...(clone.metadata?.finalizers ?? []), PVC_PROTECTION_FINALIZER] };
    this.deps.client.update(R.persistentvolumeclaims, clone);
  }

  private removeFinalizer(pvc: PersistentVolumeClaim): void {
    const clone: PersistentVolumeClaim = structuredClone(pvc);
    clone.metadata = { ...clone.metadata, finalizers: (clone.metadata?.finalizers ?? []).filter((f) => f !== PVC_PROTECTION_FINALIZER) };
    try {
      this.deps.client.update(R.persistentvolumeclaims, clone);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

/** protectionutil.IsDeletionCandidate. */
export function isDeletionCandidate(c: PersistentVolumeClaim): boolean {
  return !!c.metadata?.deletionTimestamp && hasFinalizer(c);
}

/** protectionutil.NeedToAddFinalizer. */
export function needToAddFinalizer(c: PersistentVolumeClaim): boolean {
  return !c.metadata?.deletionTimestamp && !hasFinalizer(c);
}
