// The framework of the PersistentVolume controller: informer handlers, the claim and volume work
// queues, the controller's own caches of the newest PVs and claims it has seen or written, and the
// periodic resync. Models pkg/controller/volume/persistentvolume/pv_controller_base.go (NewController,
// enqueueWork, updateVolume, deleteVolume, updateClaim, deleteClaim, volumeWorker, claimWorker,
// resync, storeObjectUpdate). The binding logic is in pv-controller.ts.
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../../api';
import { keyOf, splitKey } from '../../../api';
import { WorkQueue, type Client, type EventRecorder, type Informer } from '../../../client';
import type { Clock } from '../../../clock';
import { addPodPVCIndexer } from '../common';
import { OperationMap } from './operations';
import { claimKey, claimRefKey } from './pv-helpers';

/** kube-controller-manager --pvclaimbinder-sync-period. */
export const PV_CLAIM_BINDER_SYNC_PERIOD_MS = 15_000;

/** What the controller is built from (ControllerParameters). */
export interface PersistentVolumeControllerDeps {
  pvs: Informer<PersistentVolume>;
  pvcs: Informer<PersistentVolumeClaim>;
  classes: Informer<StorageClass>;
  pods: Informer<Pod>;
  nodes: Informer<Node>;
  client: Client;
  clock: Clock;
  /** Source component "persistentvolume-controller". */
  recorder: EventRecorder;
  /** --pvclaimbinder-sync-period (default 15 s). */
  syncPeriodMs?: number;
  /** --enable-dynamic-provisioning (default true). */
  enableDynamicProvisioning?: boolean;
}

const rv = (o: { metadata?: { resourceVersion?: string } }) => Number.parseInt(o.metadata?.resourceVersion ?? '0', 10) || 0;

/** The controller's caches, queues and workers; subclasses decide what a sync does. */
export abstract class PersistentVolumeControllerBase {
  /** The newest version of each PV this controller has seen (from the informer or its own writes). */
  protected readonly volumes = new Map<string, PersistentVolume>();
  /** The newest version of each claim, by "namespace/name". */
  protected readonly claims = new Map<string, PersistentVolumeClaim>();
  readonly claimQueue: WorkQueue<string>;
  readonly volumeQueue: WorkQueue<string>;
  protected readonly operations: OperationMap;
  protected readonly enableDynamicProvisioning: boolean;
  private cancelResync?: () => void;
  private stopped = false;

  constructor(protected readonly deps: PersistentVolumeControllerDeps) {
    this.enableDynamicProvisioning = deps.enableDynamicProvisioning ?? true;
    this.operations = new OperationMap(deps.clock);
    // Errors are not retried from the queue (upstream's queues have no rate limiter): the next
    // event or the resync runs the sync again.
    this.volumeQueue = new WorkQueue<string>({ clock: deps.clock, name: 'volumes', process: (k) => this.volumeWorker(k) });
    this.claimQueue = new WorkQueue<string>({ clock: deps.clock, name: 'claims', process: (k) => this.claimWorker(k) });
    deps.pvs.onEvent({
      add: (pv) => this.volumeQueue.add(keyOf(pv)),
      update: (_o, pv) => this.volumeQueue.add(keyOf(pv)),
      delete: (pv) => this.volumeQueue.add(keyOf(pv)),
    });
    deps.pvcs.onEvent({
      add: (c) => this.claimQueue.add(keyOf(c)),
      update: (_o, c) => this.claimQueue.add(keyOf(c)),
      delete: (c) => this.claimQueue.add(keyOf(c)),
    });
    addPodPVCIndexer(deps.pods);
    this.scheduleResync();
  }

  /** Stops the resync and the workers. */
  stop(): void {
    this.stopped = true;
    this.cancelResync?.();
    this.claimQueue.shutDown();
    this.volumeQueue.shutDown();
  }

  /** syncClaim: what to do with a claim (pv-controller.ts). */
  protected abstract syncClaim(claim: PersistentVolumeClaim): void;
  /** syncVolume: what to do with a volume (pv-controller.ts). */
  protected abstract syncVolume(pv: PersistentVolume): void;

  /** storeObjectUpdate: keeps the newer version; false when `obj` is older than the cached one. */
  protected storeVolumeUpdate(pv: PersistentVolume): boolean {
    const old = this.volumes.get(pv.metadata!.name!);
    if (old && rv(old) > rv(pv)) return false;
    this.volumes.set(pv.metadata!.name!, pv);
    return true;
  }

  protected storeClaimUpdate(claim: PersistentVolumeClaim): boolean {
    const k = claimKey(claim);
    const old = this.claims.get(k);
    if (old && rv(old) > rv(claim)) return false;
    this.claims.set(k, claim);
    return true;
  }

  // Models volumeWorker: an informer object means add/update/sync; a missing one a deletion.
  private volumeWorker(key: string): void {
    const pv = this.deps.pvs.lister.get(undefined, key);
    if (pv) {
      if (!this.storeVolumeUpdate(pv)) return;
      this.guard(() => this.syncVolume(this.volumes.get(key)!));
      return;
    }
    const cached = this.volumes.get(key);
    if (!cached) return;
    this.deleteVolume(cached);
  }

  private claimWorker(key: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.deps.pvcs.lister.get(namespace, name);
    if (claim) {
      if (!this.storeClaimUpdate(claim)) return;
      this.guard(() => this.syncClaim(this.claims.get(key)!));
      return;
    }
    const cached = this.claims.get(key);
    if (!cached) return;
    this.deleteClaim(cached);
  }

  /** A failed sync is logged upstream (conflicts are common and harmless); nothing is requeued. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch {
      // The next informer event or the periodic resync tries again.
    }
  }

  // Models deleteVolume: the claim is synced at once to notice it lost its volume.
  private deleteVolume(pv: PersistentVolume): void {
    this.volumes.delete(pv.metadata!.name!);
    if (pv.spec?.claimRef) this.claimQueue.add(claimRefKey(pv.spec.claimRef));
  }

  // Models deleteClaim: the bound volume is synced at once so it gets Released without waiting.
  private deleteClaim(claim: PersistentVolumeClaim): void {
    this.claims.delete(claimKey(claim));
    if (claim.spec?.volumeName) this.volumeQueue.add(claim.spec.volumeName);
  }

  // Models resync: every sync period all claims and volumes are synced again (the informers'
  // own resync is off; this controller wants a short one).
  private scheduleResync(): void {
    const period = this.deps.syncPeriodMs ?? PV_CLAIM_BINDER_SYNC_PERIOD_MS;
    const tick = () => {
      if (this.stopped) return;
      for (const c of this.deps.pvcs.lister.list()) this.claimQueue.add(keyOf(c));
      for (const pv of this.deps.pvs.lister.list()) this.volumeQueue.add(keyOf(pv));
      this.cancelResync = this.deps.clock.after(period, tick);
    };
    this.cancelResync = this.deps.clock.after(period, tick);
  }
}
