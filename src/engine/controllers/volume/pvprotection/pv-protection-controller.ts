// The PV protection controller: a PersistentVolume being deleted keeps its
// kubernetes.io/pv-protection finalizer while it is Bound to a claim. Models
// pkg/controller/volume/pvprotection/pv_protection_controller.go (processPV, isBeingUsed,
// addFinalizer, removeFinalizer, pvAddedUpdated).
import type { PersistentVolume } from '../../../api';
import { isNotFound, keyOf } from '../../../api';
import { R, WorkQueue, type Client, type Informer } from '../../../client';
import type { Clock } from '../../../clock';

/** The controller's name. */
export const NAME = 'persistentvolume-protection-controller';
/** Its service account. */
export const SERVICE_ACCOUNT = 'pv-protection-controller';
/** The finalizer it manages. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** What the controller is built from. */
export interface PVProtectionControllerDeps {
  pvs: Informer<PersistentVolume>;
  client: Client;
  clock: Clock;
}

const hasFinalizer = (pv: PersistentVolume) => (pv.metadata?.finalizers ?? []).includes(PV_PROTECTION_FINALIZER);

/** The PV protection controller. */
export class PVProtectionController {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: PVProtectionControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'pvprotection', process: (k) => this.processPV(k) });
    const changed = (pv: PersistentVolume) => {
      if ((!pv.metadata?.deletionTimestamp && !hasFinalizer(pv)) || (pv.metadata?.deletionTimestamp && hasFinalizer(pv))) {
        this.queue.add(keyOf(pv));
      }
    };
    deps.pvs.onEvent({ add: changed, update: (_o, pv) => changed(pv) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /** processPV. */
  processPV(name: string): void {
    const pv = this.deps.pvs.lister.get(undefined, name);
    if (!pv) return;
    if (pv.metadata?.deletionTimestamp && hasFinalizer(pv)) {
      // isBeingUsed: the PV controller keeps the phase; Bound means a claim uses it.
      if (pv.status?.phase !== 'Bound') this.update(pv, (pv.metadata.finalizers ?? []).filter((f) => f !== PV_PROTECTION_FINALIZER));
      return;
    }
    if (!pv.metadata?.deletionTimestamp && !hasFinalizer(pv)) this.update(pv, [...(pv.metadata?.finalizers ?? []), PV_PROTECTION_FINALIZER]);
  }

  private update(pv: PersistentVolume, finalizers: string[]): void {
    const clone: PersistentVolume = structuredClone(pv);
    clone.metadata = { ...clone.metadata, finalizers };
    try {
      this.deps.client.update(R.persistentvolumes, clone);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
