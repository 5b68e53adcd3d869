// The provision controller of an external provisioner: watches claims annotated for it, provisions
// a PersistentVolume named pvc-<claim uid> for each, and deletes the volumes it provisioned once
// they are Released with reclaimPolicy Delete. Models sigs.k8s.io/sig-storage-lib-external-provisioner
// v6.3.0 controller/controller.go (NewProvisionController, Run, syncClaim, syncVolume,
// shouldProvision, shouldDelete, provisionClaimOperation, deleteVolumeOperation) and
// controller/volume_store.go (backoffStore.StoreVolume), with its defaults: leader election on,
// resync 15 min, exponential back-off 15 s..1000 s, 15 failures before giving up.
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api';
import { isAlreadyExists, isNotFound } from '../../api';
import { Informer, ItemExponentialRateLimiter, R, WorkQueue, type Client, type EventRecorder } from '../../client';
import type { Clock, Rng } from '../../clock';
import { LeaderElector } from './leader-election';

/** The lib's annotations. */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** DefaultResyncPeriod, DefaultFailedProvisionThreshold, DefaultFailedDeleteThreshold. */
export const RESYNC_PERIOD_MS = 15 * 60_000;
export const FAILED_THRESHOLD = 15;
/** DefaultCreateProvisionedPVRetryCount × DefaultCreateProvisionedPVInterval (linear). */
export const CREATE_PV_RETRY_COUNT = 5;
export const CREATE_PV_INTERVAL_MS = 10_000;

/** Returned by a provisioner that leaves a claim or a volume to another one (controller.IgnoredError). */
export class IgnoredError extends Error {}

/** ProvisionOptions. */
export interface ProvisionOptions {
  storageClass: StorageClass;
  pvName: string;
  pvc: PersistentVolumeClaim;
  selectedNode?: string;
}

/** controller.Provisioner. */
export interface Provisioner {
  provision(o: ProvisionOptions): PersistentVolume;
  delete(pv: PersistentVolume): void;
}

/** What the controller runs with. */
export interface ProvisionControllerOptions {
  client: Client;
  clock: Clock;
  rng: Rng;
  provisionerName: string;
  provisioner: Provisioner;
  /** "<hostname>_<uuid>": the leader identity; events come from "<provisionerName>_<id>". */
  id: string;
  recorder: EventRecorder;
  /** Where the leader lock lives (the pod's namespace). */
  leaderElectionNamespace: string;
}

/** One running provision controller (one process of the provisioner). */
export class ProvisionController {
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly volumes: Informer<PersistentVolume>;
  private readonly classes: Informer<StorageClass>;
  private readonly claimQueue: WorkQueue<string>;
  private readonly volumeQueue: WorkQueue<string>;
  private readonly claimsByUID = new Map<string, string>();
  private readonly elector: LeaderElector;
  private cancelResync?: () => void;
  private running = false;

  constructor(private readonly o: ProvisionControllerOptions) {
    this.claims = new Informer<PersistentVolumeClaim>(o.client, R.persistentvolumeclaims);
    this.volumes = new Informer<PersistentVolume>(o.client, R.persistentvolumes);
    this.classes = new Informer<StorageClass>(o.client, R.storageclasses);
    const limiter = () => new ItemExponentialRateLimiter<string>(15_000, 1_000_000);
    this.claimQueue = new WorkQueue<string>({ clock: o.clock, name: 'claims', rateLimiter: limiter(),
      process: (uid) => this.withThreshold(this.claimQueue, uid, () => this.syncClaimHandler(uid)) });
    this.volumeQueue = new WorkQueue<string>({ clock: o.clock, name: 'volumes', rateLimiter: limiter(),
      process: (name) => this.withThreshold(this.volumeQueue, name, () => this.syncVolumeHandler(name)) });
    this.claims.onEvent({
      add: (c) => this.enqueueClaim(c),
      update: (_o, c) => this.enqueueClaim(c),
      delete: (c) => this.claimsByUID.delete(c.metadata!.uid!),
    });
    this.volumes.onEvent({ add: (v) => this.volumeQueue.add(v.metadata!.name!), update: (_o, v) => this.volumeQueue.add(v.metadata!.name!) });
    this.elector = new LeaderElector({ client: o.client, clock: o.clock, rng: o.rng, namespace: o.leaderElectionNamespace,
      name: o.provisionerName.replace(/\//g, '-'), identity: o.id, recorder: o.recorder, onStartedLeading: () => this.start() });
  }

  /** Run: leader election first; the controller starts once this process leads. */
  run(): void {
    this.elector.run();
  }

  /** The process ends. */
  stop(): void {
    this.elector.stop();
    this.cancelResync?.();
    this.claims.stop();
    this.volumes.stop();
    this.classes.stop();
    this.claimQueue.shutDown();
    this.volumeQueue.shutDown();
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    this.classes.start();
    this.volumes.start();
    this.claims.start();
    const resync = () => {
      for (const c of this.claims.lister.list()) this.enqueueClaim(c);
      for (const v of this.volumes.lister.list()) this.volumeQueue.add(v.metadata!.name!);
      this.cancelResync = this.o.clock.after(RESYNC_PERIOD_MS, resync);
    };
    this.cancelResync = this.o.clock.after(RESYNC_PERIOD_MS, resync);
  }

  private enqueueClaim(c: PersistentVolumeClaim): void {
    const uid = c.metadata!.uid!;
    this.claimsByUID.set(uid, `${c.metadata!.namespace}/${c.metadata!.name}`);
    this.claimQueue.add(uid);
  }

  // processNextClaimWorkItem / processNextVolumeWorkItem: retried with back-off until the threshold.
  private withThreshold(q: WorkQueue<string>, key: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (q.numRequeues(key) < FAILED_THRESHOLD) throw e;
      q.forget(key);
    }
  }

  private syncClaimHandler(uid: string): void {
    const key = this.claimsByUID.get(uid);
    if (!key) return;
    const [ns, name] = key.split('/');
    const claim = this.claims.lister.get(ns, name);
    if (!claim || claim.metadata?.uid !== uid) return;
    if (this.shouldProvision(claim)) this.provisionClaimOperation(claim);
  }

  private syncVolumeHandler(name: string): void {
    const pv = this.volumes.lister.get(undefined, name);
    if (pv && this.shouldDelete(pv)) this.deleteVolumeOperation(pv);
  }

  private className(claim: PersistentVolumeClaim): string {
    return claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? claim.spec?.storageClassName ?? '';
  }

  /** shouldProvision: unbound, annotated for this provisioner, and (WaitForFirstConsumer) with a selected node. */
  private shouldProvision(claim: PersistentVolumeClaim): boolean {
    if (claim.spec?.volumeName) return false;
    const want = claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER];
    if (want !== this.o.provisionerName) return false;
    const cls = this.classes.lister.get(undefined, this.className(claim));
    if (!cls) throw new Error(`storageClass "${this.className(claim)}" not found`);
    if (cls.volumeBindingMode === 'WaitForFirstConsumer') return !!claim.metadata?.annotations?.[ANN_SELECTED_NODE];
    return true;
  }

  /** shouldDelete: a Released volume it provisioned, with reclaimPolicy Delete, not being deleted already. */
  private shouldDelete(pv: PersistentVolume): boolean {
    if (pv.metadata?.deletionTimestamp) return false;
    if (pv.status?.phase !== 'Released') return false;
    if (pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return false;
    return pv.metadata?.annotations?.[ANN_DYNAMICALLY_PROVISIONED] === this.o.provisionerName;
  }

  private claimEvent(claim: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.o.recorder.event(claim.kind ? claim : { ...claim, apiVersion: 'v1', kind: 'PersistentVolumeClaim' }, type, reason, message);
  }

  /** provisionClaimOperation. */
  private provisionClaimOperation(claim: PersistentVolumeClaim): void {
    const claimKey = `${claim.metadata?.namespace}/${claim.metadata?.name}`;
    const pvName = `pvc-${claim.metadata?.uid}`;
    // A previous operation may just have finished: the PV has a deterministic name.
    if (this.volumes.lister.get(undefined, pvName)) return;
    if (claim.spec?.volumeMode === 'Block') {
      this.claimEvent(claim, 'Warning', 'ProvisioningFailed', `${this.o.provisionerName} does not support block volume provisioning`);
      return;
    }
    const className = this.className(claim);
    const cls = this.classes.lister.get(undefined, className);
    if (!cls) throw new Error(`storageClass "${className}" not found`);
    if (cls.provisioner !== this.o.provisionerName) return;
    const selectedNode = claim.metadata?.annotations?.[ANN_SELECTED_NODE];
    this.claimEvent(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey}"`);
    let volume: PersistentVolume;
    try {
      volume = this.o.provisioner.provision({ storageClass: cls, pvName, pvc: claim, selectedNode });
    } catch (e) {
      if (e instanceof IgnoredError) return;
      this.claimEvent(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": ${(e as Error).message}`);
      throw e;
    }
    // The claimRef makes the PV controller bind it; the class and the provisioner are recorded on it.
    volume = {
      ...volume,
      metadata: { ...volume.metadata, annotations: { ...(volume.metadata?.annotations ?? {}), [ANN_DYNAMICALLY_PROVISIONED]: this.o.provisionerName } },
      spec: { ...volume.spec, claimRef: { kind: 'PersistentVolumeClaim', namespace: claim.metadata?.namespace, name: claim.metadata?.name,
        uid: claim.metadata?.uid, apiVersion: 'v1', resourceVersion: claim.metadata?.resourceVersion }, storageClassName: className },
    };
    this.storeVolume(claim, volume, 0);
  }

  // backoffStore.StoreVolume: up to 5 attempts 10 s apart; success (or AlreadyExists) is ProvisioningSucceeded.
  private storeVolume(claim: PersistentVolumeClaim, volume: PersistentVolume, attempt: number): void {
    try {
      this.o.client.create(R.persistentvolumes, volume);
    } catch (e) {
      if (!isAlreadyExists(e)) {
        if (attempt + 1 < CREATE_PV_RETRY_COUNT) {
          this.o.clock.after(CREATE_PV_INTERVAL_MS, () => this.storeVolume(claim, volume, attempt + 1));
          return;
        }
        this.claimEvent(claim, 'Warning', 'ProvisioningFailed',
          `Error creating provisioned PV object for claim ${claim.metadata?.namespace}/${claim.metadata?.name}: ${(e as Error).message}. Deleting the volume.`);
        try {
          this.o.provisioner.delete(volume);
        } catch {
          // ProvisioningCleanupFailed: the storage asset stays behind.
        }
        return;
      }
    }
    this.claimEvent(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volume.metadata?.name}`);
  }

  /** deleteVolumeOperation: the provisioner removes the storage, then the PV object goes. */
  private deleteVolumeOperation(pv: PersistentVolume): void {
    try {
      this.o.provisioner.delete(pv);
    } catch (e) {
      if (e instanceof IgnoredError) return;
      this.o.recorder.event({ ...pv, apiVersion: 'v1', kind: 'PersistentVolume' }, 'Warning', 'VolumeFailedDelete', (e as Error).message);
      throw e;
    }
    try {
      this.o.client.delete(R.persistentvolumes, undefined, pv.metadata!.name!);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
