// The PersistentVolume controller ("persistentvolume-binder-controller"): binds claims to volumes,
// asks provisioners for new ones, and reclaims released volumes. Models
// pkg/controller/volume/persistentvolume/pv_controller.go (v1.32): syncClaim, syncUnboundClaim,
// syncBoundClaim, syncVolume. Like upstream it keeps every branch explicit ("space shuttle
// style"); the writes and operations are in pv-controller-operations.ts.
import type { PersistentVolume, PersistentVolumeClaim } from '../../../api';
import { R } from '../../../client';
import { PersistentVolumeControllerOperations, events } from './pv-controller-operations';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, checkVolumeModeMismatches,
  checkVolumeSatisfyClaim, claimKey, claimRefKey, findBestMatchForClaim, getPersistentVolumeClaimClass, hasAnnotation,
  isVolumeBoundToClaim } from './pv-helpers';

/** The component name of its events. */
export const EVENT_COMPONENT = 'persistentvolume-controller';

/** The PersistentVolume controller. */
export class PersistentVolumeController extends PersistentVolumeControllerOperations {
  /** syncClaim: unbound claims (no bind-completed annotation) and bound ones take different paths. */
  protected syncClaim(claim: PersistentVolumeClaim): void {
    if (!hasAnnotation(claim, ANN_BIND_COMPLETED)) this.syncUnboundClaim(claim);
    else this.syncBoundClaim(claim);
  }

  /** IsDelayBindingMode: the claim's class exists and waits for a first consumer. */
  private isDelayBindingMode(claim: PersistentVolumeClaim): boolean {
    const name = getPersistentVolumeClaimClass(claim);
    if (!name) return false;
    const cls = this.deps.classes.lister.get(undefined, name);
    if (!cls) return false;
    return cls.volumeBindingMode === 'WaitForFirstConsumer';
  }

  private syncUnboundClaim(claim: PersistentVolumeClaim): void {
    // OBSERVATION: pvc is "Pending".
    if (!claim.spec?.volumeName) {
      // The user did not care which PV they get.
      const delayBinding = this.isDelayBindingMode(claim);
      const volume = findBestMatchForClaim(claim, [...this.volumes.values()], delayBinding);
      if (!volume) {
        // No PV could be found: try to provision one if possible.
        if (this.assignDefaultStorageClass(claim)) return;
        if (delayBinding && !(ANN_SELECTED_NODE in (claim.metadata?.annotations ?? {}))) {
          // The scheduler has not seen a pod using this claim yet.
          this.emitEventForUnboundDelayBindingClaim(claim);
        } else if (getPersistentVolumeClaimClass(claim) !== '') {
          // provisionClaim may start the provisioning; the binding continues in a later sync.
          this.provisionClaim(claim);
          return;
        } else {
          this.claimEvent(claim, 'Normal', events.FAILED_BINDING, 'no persistent volumes available for this claim and no storage class is set');
        }
        // Mark the claim as Pending and try to find a match in the next periodic sync.
        this.updateClaimStatus(claim, 'Pending', undefined);
        return;
      }
      // Found a PV for this claim. OBSERVATION: pvc is "Pending", pv is "Available".
      this.bind(volume, claim);
      return;
    }
    // The user asked for a specific PV.
    const volume = this.volumes.get(claim.spec.volumeName);
    if (!volume) {
      // It does not exist (yet): retry later.
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    if (!volume.spec?.claimRef) {
      // OBSERVATION: pvc is "Pending", pv is "Available".
      const why = checkVolumeSatisfyClaim(volume, claim);
      if (why) {
        this.claimEvent(claim, 'Warning', events.VOLUME_MISMATCH, `Cannot bind to requested volume "${volume.metadata?.name}": ${why}`);
        this.updateClaimStatus(claim, 'Pending', undefined);
      } else {
        this.bind(volume, claim);
      }
      return;
    }
    if (isVolumeBoundToClaim(volume, claim)) {
      // OBSERVATION: pvc is "Pending", pv is "Bound": finish the binding (adds the claim's UID).
      this.bind(volume, claim);
      return;
    }
    // The PV is claimed by someone else.
    this.claimEvent(claim, 'Warning', events.FAILED_BINDING, `volume "${volume.metadata?.name}" already bound to a different claim.`);
    if (!hasAnnotation(claim, ANN_BOUND_BY_CONTROLLER)) {
      // The user asked for this PV: retry later.
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    // This should never happen: someone removed the bind-completed annotation.
    throw new Error(`invalid binding of claim "${claimKey(claim)}" to volume "${claim.spec.volumeName}": volume already claimed by "${claimRefKey(volume.spec.claimRef)}"`);
  }

  private syncBoundClaim(claim: PersistentVolumeClaim): void {
    // OBSERVATION: pvc is not "Pending".
    if (!claim.spec?.volumeName) {
      this.updateClaimStatusWithEvent(claim, 'Lost', undefined, 'Warning', events.CLAIM_LOST,
        'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
      return;
    }
    const volume = this.volumes.get(claim.spec.volumeName);
    if (!volume) {
      this.updateClaimStatusWithEvent(claim, 'Lost', undefined, 'Warning', events.CLAIM_LOST,
        'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      return;
    }
    if (!volume.spec?.claimRef) {
      // The claim is bound but the volume came unbound (or its update is not seen yet): bind again.
      this.bind(volume, claim);
    } else if (volume.spec.claimRef.uid === claim.metadata?.uid) {
      // All is well; bind() only fixes what is missing.
      this.bind(volume, claim);
    } else {
      this.updateClaimStatusWithEvent(claim, 'Lost', undefined, 'Warning', events.CLAIM_MISBOUND,
        'Two claims are bound to the same volume, this one is bound incorrectly');
    }
  }

  /** syncVolume. */
  protected syncVolume(volume: PersistentVolume): void {
    const ref = volume.spec?.claimRef;
    if (!ref) {
      // The volume is unused.
      this.updateVolumePhase(volume, 'Available', '');
      return;
    }
    if (!ref.uid) {
      // Pre-bound by the user to a claim not bound yet: the claim's sync handles it.
      this.updateVolumePhase(volume, 'Available', '');
      return;
    }
    let claim = this.claims.get(claimRefKey(ref));
    if (!claim && volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
      // A provisioner or the scheduler may have bound it before this cache saw the claim: ask again.
      claim = this.deps.pvcs.lister.get(ref.namespace, ref.name!) ?? this.deps.client.tryGet<PersistentVolumeClaim>(R.persistentvolumeclaims, ref.namespace, ref.name!);
    }
    if (claim && claim.metadata?.uid !== ref.uid) {
      // The claim was deleted and another with the same name created: check the newest one.
      const fresh = this.deps.client.tryGet<PersistentVolumeClaim>(R.persistentvolumeclaims, ref.namespace, ref.name!);
      claim = fresh && fresh.metadata?.uid === ref.uid ? fresh : undefined;
    }
    if (!claim) {
      // The claim is gone: release the volume, then apply its reclaim policy. A Failed volume
      // stays Failed (the user should see it) while reclaiming is retried.
      let v = volume;
      if (v.status?.phase !== 'Released' && v.status?.phase !== 'Failed') v = this.updateVolumePhase(v, 'Released', '');
      this.reclaimVolume(v);
      return;
    }
    if (!claim.spec?.volumeName) {
      if (checkVolumeModeMismatches(claim, volume)) {
        this.volumeEvent(volume, 'Warning', events.VOLUME_MISMATCH,
          `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata?.name}" due to incompatible volumeMode.`);
        this.claimEvent(claim, 'Warning', events.VOLUME_MISMATCH,
          `Cannot bind PersistentVolume "${volume.metadata?.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
        return;
      }
      // The volume is bound, the claim still Pending: the claim's sync finishes it (this is how a
      // provisioned volume gets bound: the provisioner only creates the PV).
      this.claimQueue.add(claimKey(claim));
      return;
    }
    if (claim.spec.volumeName === volume.metadata?.name) {
      this.updateVolumePhase(volume, 'Bound', '');
      return;
    }
    // The volume points at a claim that is bound to another volume.
    if (hasAnnotation(volume, ANN_DYNAMICALLY_PROVISIONED) && volume.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      // Provisioned for this claim, which got bound elsewhere: not needed, delete it.
      let v = volume;
      if (v.status?.phase !== 'Released' && v.status?.phase !== 'Failed') v = this.updateVolumePhase(v, 'Released', '');
      this.reclaimVolume(v);
      return;
    }
    // Bound by the controller: roll back. Pre-bound by the user: clear only the claim UID.
    this.unbindVolume(volume);
  }
}
