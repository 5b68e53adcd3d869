// The writes and operations of the PersistentVolume controller: status and phase updates, binding
// and unbinding, reclaiming released volumes and provisioning. Models
// pkg/controller/volume/persistentvolume/pv_controller.go (updateClaimStatus(WithEvent),
// updateVolumePhase(WithEvent), assignDefaultStorageClass, bind, bindVolumeToClaim,
// bindClaimToVolume, unbindVolume, reclaimVolume, recycleVolumeOperation, deleteVolumeOperation,
// isVolumeReleased, emitEventForUnboundDelayBindingClaim, provisionClaim, provisionClaimOperation(External))
// and pv_controller_base.go (setClaimProvisioner). The decisions are in pv-controller.ts.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../../api';
import { isNotFound } from '../../../api';
import { R } from '../../../client';
import { POD_PVC_INDEX, isPodTerminated } from '../common';
import { PersistentVolumeControllerBase } from './pv-controller-base';
import { hostPathDeleteError, hasRecycler, lookupDeleter, lookupProvisioner } from './plugins';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_STORAGE_PROVISIONER, claimKey, claimRefKey,
  getBindVolumeToClaim, getDefaultClass, getPersistentVolumeClaimClass, hasAnnotation, persistentVolumeClaimHasClass } from './pv-helpers';

/** Event reasons (pkg/controller/volume/events). */
export const events = {
  FAILED_BINDING: 'FailedBinding',
  VOLUME_MISMATCH: 'VolumeMismatch',
  VOLUME_FAILED_RECYCLE: 'VolumeFailedRecycle',
  VOLUME_RECYCLED: 'VolumeRecycled',
  VOLUME_FAILED_DELETE: 'VolumeFailedDelete',
  PROVISIONING_FAILED: 'ProvisioningFailed',
  EXTERNAL_PROVISIONING: 'ExternalProvisioning',
  WAIT_FOR_FIRST_CONSUMER: 'WaitForFirstConsumer',
  WAIT_FOR_POD_SCHEDULED: 'WaitForPodScheduled',
  CLAIM_LOST: 'ClaimLost',
  CLAIM_MISBOUND: 'ClaimMisbound',
} as const;

/** A claim's phase. */
export type ClaimPhase = 'Pending' | 'Bound' | 'Lost';
/** A volume's phase. */
export type VolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';

const withKind = <T extends PersistentVolume | PersistentVolumeClaim>(o: T, kind: string): T =>
  (o.kind ? o : { ...o, apiVersion: 'v1', kind });

/** What the PV controller writes and the operations it runs. */
export abstract class PersistentVolumeControllerOperations extends PersistentVolumeControllerBase {
  protected claimEvent(claim: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event(withKind(claim, 'PersistentVolumeClaim'), type, reason, message);
  }

  protected volumeEvent(pv: PersistentVolume, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event(withKind(pv, 'PersistentVolume'), type, reason, message);
  }

  /** updateClaimStatus: writes phase, access modes and (when becoming Bound) capacity. */
  protected updateClaimStatus(claim: PersistentVolumeClaim, phase: ClaimPhase, volume: PersistentVolume | undefined): PersistentVolumeClaim {
    const clone: PersistentVolumeClaim = structuredClone(claim);
    const st = { ...(clone.status ?? {}) };
    let dirty = false;
    if (claim.status?.phase !== phase) {
      st.phase = phase;
      dirty = true;
    }
    if (!volume) {
      if (st.accessModes !== undefined) { delete st.accessModes; dirty = true; }
      if (st.capacity !== undefined) { delete st.capacity; dirty = true; }
    } else {
      if (JSON.stringify(st.accessModes) !== JSON.stringify(volume.spec?.accessModes)) {
        st.accessModes = volume.spec?.accessModes;
        dirty = true;
      }
      // The capacity is copied when the claim becomes Bound, not later (a resize may differ on purpose).
      if (claim.status?.phase !== phase) {
        const cap = volume.spec?.capacity?.storage;
        if (cap === undefined) throw new Error(`PersistentVolume "${volume.metadata?.name}" is without a storage capacity`);
        if (st.capacity?.storage !== cap) {
          st.capacity = volume.spec!.capacity;
          dirty = true;
        }
      }
    }
    if (!dirty) return claim;
    const updated = this.deps.client.updateStatus<PersistentVolumeClaim>(R.persistentvolumeclaims, { ...clone, status: st });
    this.storeClaimUpdate(updated);
    return updated;
  }

  /** updateClaimStatusWithEvent: the event only when the phase really changes. */
  protected updateClaimStatusWithEvent(claim: PersistentVolumeClaim, phase: ClaimPhase, volume: PersistentVolume | undefined,
    type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (claim.status?.phase === phase) return;
    const updated = this.updateClaimStatus(claim, phase, volume);
    this.claimEvent(updated, type, reason, message);
  }

  /** updateVolumePhase. */
  protected updateVolumePhase(volume: PersistentVolume, phase: VolumePhase, message: string): PersistentVolume {
    if (volume.status?.phase === phase) return volume;
    const status: NonNullable<PersistentVolume['status']> = { ...(structuredClone(volume.status) ?? {}), phase };
    if (message) status.message = message;
    else delete status.message;
    const updated = this.deps.client.updateStatus<PersistentVolume>(R.persistentvolumes, { ...structuredClone(volume), status });
    this.storeVolumeUpdate(updated);
    return updated;
  }

  protected updateVolumePhaseWithEvent(volume: PersistentVolume, phase: VolumePhase, type: 'Normal' | 'Warning', reason: string,
    message: string): PersistentVolume {
    if (volume.status?.phase === phase) return volume;
    const updated = this.updateVolumePhase(volume, phase, message);
    this.volumeEvent(updated, type, reason, message);
    return updated;
  }

  /**
   * assignDefaultStorageClass (retroactive default StorageClass, GA in v1.28): a claim created
   * without any class gets the default one once it exists.
   */
  protected assignDefaultStorageClass(claim: PersistentVolumeClaim): boolean {
    if (persistentVolumeClaimHasClass(claim)) return false;
    const cls = getDefaultClass(this.deps.classes.lister.list());
    if (!cls) return false;
    const clone: PersistentVolumeClaim = structuredClone(claim);
    clone.spec = { ...clone.spec, storageClassName: cls.metadata!.name };
    this.deps.client.update(R.persistentvolumeclaims, clone);
    return true;
  }

  /** bind: the volume first (claimRef, then phase), then the claim (volumeName, then status). */
  protected bind(volume: PersistentVolume, claim: PersistentVolumeClaim): void {
    let v = this.bindVolumeToClaim(volume, claim);
    v = this.updateVolumePhase(v, 'Bound', '');
    const c = this.bindClaimToVolume(claim, v);
    this.updateClaimStatus(c, 'Bound', v);
  }

  protected bindVolumeToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
    const { pv, dirty } = getBindVolumeToClaim(volume, claim);
    if (!dirty) return volume;
    const updated = this.deps.client.update<PersistentVolume>(R.persistentvolumes, pv);
    this.storeVolumeUpdate(updated);
    return updated;
  }

  protected bindClaimToVolume(claim: PersistentVolumeClaim, volume: PersistentVolume): PersistentVolumeClaim {
    const clone: PersistentVolumeClaim = structuredClone(claim);
    const ann = { ...(clone.metadata?.annotations ?? {}) };
    let dirty = false;
    if (volume.metadata?.name !== claim.spec?.volumeName) {
      clone.spec = { ...clone.spec, volumeName: volume.metadata!.name };
      if (!(ANN_BOUND_BY_CONTROLLER in ann)) ann[ANN_BOUND_BY_CONTROLLER] = 'yes';
      dirty = true;
    }
    if (!(ANN_BIND_COMPLETED in ann)) {
      ann[ANN_BIND_COMPLETED] = 'yes';
      dirty = true;
    }
    if (!dirty) return claim;
    clone.metadata = { ...clone.metadata, annotations: ann };
    const updated = this.deps.client.update<PersistentVolumeClaim>(R.persistentvolumeclaims, clone);
    this.storeClaimUpdate(updated);
    return updated;
  }

  /** unbindVolume: a controller binding is removed; a user pre-binding keeps its claimRef without UID. */
  protected unbindVolume(volume: PersistentVolume): void {
    const clone: PersistentVolume = structuredClone(volume);
    if (hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER)) {
      delete clone.spec!.claimRef;
      const ann = { ...(clone.metadata?.annotations ?? {}) };
      delete ann[ANN_BOUND_BY_CONTROLLER];
      clone.metadata = { ...clone.metadata, annotations: Object.keys(ann).length ? ann : undefined };
      if (!clone.metadata.annotations) delete clone.metadata.annotations;
    } else {
      clone.spec = { ...clone.spec, claimRef: { ...clone.spec!.claimRef!, uid: '' } };
    }
    const updated = this.deps.client.update<PersistentVolume>(R.persistentvolumes, clone);
    this.storeVolumeUpdate(updated);
    this.updateVolumePhase(updated, 'Available', '');
  }

  /** reclaimVolume: Retain does nothing; Delete and Recycle start their operation. */
  protected reclaimVolume(volume: PersistentVolume): void {
    if (volume.metadata?.annotations?.['pv.kubernetes.io/migrated-to']) return;
    const name = volume.metadata!.name!;
    switch (volume.spec?.persistentVolumeReclaimPolicy) {
      case 'Retain':
        return;
      case 'Recycle':
        this.operations.run(`recycle-${name}[${volume.metadata?.uid}]`, () => this.recycleVolumeOperation(volume));
        return;
      case 'Delete':
        this.operations.run(`delete-${name}[${volume.metadata?.uid}]`, () => this.deleteVolumeOperation(volume));
        return;
      default:
        this.updateVolumePhaseWithEvent(volume, 'Failed', 'Warning', 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy');
    }
  }

  /**
   * recycleVolumeOperation. Deviation: no recycler pod runs; a hostPath or NFS volume is made
   * Available again at once (its data is not scrubbed by the simulator).
   */
  protected recycleVolumeOperation(volume: PersistentVolume): void {
    const fresh = this.deps.client.tryGet<PersistentVolume>(R.persistentvolumes, undefined, volume.metadata!.name!);
    if (!fresh || !this.isVolumeReleased(fresh)) return;
    const used = this.podsUsingClaim(fresh.spec!.claimRef!.namespace!, fresh.spec!.claimRef!.name!).filter((p) => !isPodTerminated(p));
    if (used.length && !this.claims.has(claimRefKey(fresh.spec!.claimRef!))) {
      const names = used.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort();
      this.volumeEvent(fresh, 'Normal', events.VOLUME_FAILED_RECYCLE, `Volume is used by pods: ${names.join(',')}`);
      return;
    }
    if (!hasRecycler(fresh)) {
      this.updateVolumePhaseWithEvent(fresh, 'Failed', 'Warning', events.VOLUME_FAILED_RECYCLE, 'No recycler plugin found for the volume!');
      return;
    }
    this.volumeEvent(fresh, 'Normal', events.VOLUME_RECYCLED, 'Volume recycled');
    this.unbindVolume(fresh);
  }

  /** deleteVolumeOperation: in-tree deleters run here; an external provisioner deletes its own volumes. */
  protected deleteVolumeOperation(volume: PersistentVolume): void {
    const fresh = this.deps.client.tryGet<PersistentVolume>(R.persistentvolumes, undefined, volume.metadata!.name!);
    if (!fresh || !this.isVolumeReleased(fresh)) return;
    const d = lookupDeleter(fresh);
    if (d.kind === 'external') return;
    const err = d.kind === 'error' ? d.message : hostPathDeleteError(d.path);
    if (err) {
      // The plugin failed: the volume turns Failed; the operation backs off and is retried.
      this.updateVolumePhaseWithEvent(fresh, 'Failed', 'Warning', events.VOLUME_FAILED_DELETE, err);
      throw new Error(err);
    }
    // The hostPath deleter removes the directory inside kube-controller-manager's own container
    // (it mounts no /tmp of the node), so the node's data stays.
    try {
      this.deps.client.delete(R.persistentvolumes, undefined, fresh.metadata!.name!);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** isVolumeReleased: bound (with a UID) to a claim that is gone or bound to another volume. */
  protected isVolumeReleased(volume: PersistentVolume): boolean {
    const ref = volume.spec?.claimRef;
    if (!ref || !ref.uid) return false;
    const claim = this.claims.get(claimRefKey(ref));
    if (claim && claim.metadata?.uid === ref.uid) {
      return !!claim.spec?.volumeName && claim.spec.volumeName !== volume.metadata?.name;
    }
    return true;
  }

  protected podsUsingClaim(namespace: string, name: string): Pod[] {
    return this.deps.pods.lister.byIndex(POD_PVC_INDEX, `${namespace}/${name}`);
  }

  /** emitEventForUnboundDelayBindingClaim: WaitForFirstConsumer, or which pods still wait for a node. */
  protected emitEventForUnboundDelayBindingClaim(claim: PersistentVolumeClaim): void {
    const waiting = this.podsUsingClaim(claim.metadata!.namespace!, claim.metadata!.name!)
      .filter((p) => !isPodTerminated(p) && !p.spec?.nodeName).map((p) => p.metadata!.name!);
    if (!waiting.length) {
      this.claimEvent(claim, 'Normal', events.WAIT_FOR_FIRST_CONSUMER, 'waiting for first consumer to be created before binding');
      return;
    }
    const message = waiting.length > 1 ? `waiting for pods ${waiting.join(',')} to be scheduled` : `waiting for pod ${waiting[0]} to be scheduled`;
    this.claimEvent(claim, 'Normal', events.WAIT_FOR_POD_SCHEDULED, message);
  }

  /** provisionClaim: finds the class's provisioner and runs the provisioning operation. */
  protected provisionClaim(claim: PersistentVolumeClaim): void {
    if (!this.enableDynamicProvisioning) return;
    const className = getPersistentVolumeClaimClass(claim);
    const cls = this.deps.classes.lister.get(undefined, className);
    if (!cls) {
      this.claimEvent(claim, 'Warning', events.PROVISIONING_FAILED, `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    const found = lookupProvisioner(cls.provisioner);
    if (found.kind === 'error') {
      this.claimEvent(claim, 'Warning', events.PROVISIONING_FAILED, found.message);
      return;
    }
    this.operations.run(`provision-${claimKey(claim)}[${claim.metadata?.uid}]`, () => {
      if (found.kind === 'external') this.provisionClaimOperationExternal(claim, found.name);
      else this.provisionClaimOperation(claim, cls.provisioner, found.newProvisionerError);
    });
  }

  /** provisionClaimOperation for an in-tree plugin: the only one registered (hostPath) refuses to provision. */
  protected provisionClaimOperation(claim: PersistentVolumeClaim, provisioner: string, newProvisionerError: string): void {
    this.setClaimProvisioner(claim, provisioner);
    this.claimEvent(claim, 'Warning', events.PROVISIONING_FAILED, `Failed to create provisioner: ${newProvisionerError}`);
    throw new Error(newProvisionerError);
  }

  /** provisionClaimOperationExternal: annotates the claim for the provisioner and says it waits for it. */
  protected provisionClaimOperationExternal(claim: PersistentVolumeClaim, provisionerName: string): void {
    let updated: PersistentVolumeClaim;
    try {
      updated = this.setClaimProvisioner(claim, provisionerName);
    } catch (e) {
      this.claimEvent(claim, 'Warning', events.PROVISIONING_FAILED, `Error saving claim: ${(e as Error).message}`);
      throw e;
    }
    this.claimEvent(updated, 'Normal', events.EXTERNAL_PROVISIONING,
      `Waiting for a volume to be created either by the external provisioner '${provisionerName}' or manually by the system administrator. ` +
      'If volume creation is delayed, please verify that the provisioner is running and correctly registered.');
  }

  /** setClaimProvisioner: both the GA and the beta storage-provisioner annotations. */
  protected setClaimProvisioner(claim: PersistentVolumeClaim, provisionerName: string): PersistentVolumeClaim {
    if (claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER] === provisionerName) return claim;
    const clone: PersistentVolumeClaim = structuredClone(claim);
    clone.metadata = { ...clone.metadata, annotations: { ...(clone.metadata?.annotations ?? {}),
      [ANN_BETA_STORAGE_PROVISIONER]: provisionerName, [ANN_STORAGE_PROVISIONER]: provisionerName } };
    const updated = this.deps.client.update<PersistentVolumeClaim>(R.persistentvolumeclaims, clone);
    this.storeClaimUpdate(updated);
    return updated;
  }
}
