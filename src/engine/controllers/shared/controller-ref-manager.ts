// Adoption and orphaning: which objects a controller owns through its ControllerRef.
// Models pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject,
// PodControllerRefManager, ReplicaSetControllerRefManager, ControllerRevisionControllerRefManager,
// RecheckDeletionTimestamp, ownerRefControllerPatch, GenerateDeleteOwnerRefStrategicMergeBytes).
import type { KubeObject, Selector } from '../../api';
import { aggregateMessages, controllerOf, isInvalid, isNotFound } from '../../api';

/** The kind a controller claims objects as (its GroupVersionKind). */
export interface ControllerKind {
  apiVersion: string;
  kind: string;
}

/** How a claimed object is patched (a strategic merge patch body). */
export type PatchFn = (namespace: string, name: string, patch: unknown) => void;

/** Options of a ControllerRefManager. */
export interface ControllerRefManagerOptions {
  /** The controller (owner) object. */
  controller: KubeObject;
  selector: Selector;
  controllerKind: ControllerKind;
  /** Patches a dependent (pod, ReplicaSet, ControllerRevision). */
  patch: PatchFn;
  /**
   * Checked at most once, before the first adoption (upstream: a live GET that refuses when the
   * controller has just been deleted). Throws to refuse every adoption.
   */
  canAdopt?: () => void;
  /** Finalizers added on adoption and removed on release (the Job controller's tracking finalizer). */
  finalizers?: readonly string[];
  /** The kind of the claimed objects, for error messages ("can't adopt Pod …"); default "Pod". */
  dependentKind?: string;
}

/** ownerRefControllerPatch: a strategic merge patch that adds this controller as the object's ControllerRef. */
export function ownerRefControllerPatch(controller: KubeObject, kind: ControllerKind, uid: string,
  finalizers: readonly string[] = []): unknown {
  const metadata: Record<string, unknown> = {
    ownerReferences: [{ apiVersion: kind.apiVersion, kind: kind.kind, name: controller.metadata?.name ?? '',
      uid: controller.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    uid,
  };
  if (finalizers.length) metadata.finalizers = [...finalizers];
  return { metadata };
}

/** GenerateDeleteOwnerRefStrategicMergeBytes: removes owner references by UID (and finalizers). */
export function deleteOwnerRefPatch(dependentUid: string, ownerUids: readonly string[], finalizers: readonly string[] = []): unknown {
  const metadata: Record<string, unknown> = {
    uid: dependentUid,
    ownerReferences: ownerUids.map((u) => ({ $patch: 'delete', uid: u })),
  };
  if (finalizers.length) metadata['$deleteFromPrimitiveList/finalizers'] = [...finalizers];
  return { metadata };
}

/**
 * RecheckDeletionTimestamp: a canAdopt that re-reads the controller and refuses when it is being
 * deleted (or is gone, or was replaced by another object of the same name).
 */
export function recheckDeletionTimestamp(getFresh: () => KubeObject, original: KubeObject, kind: string): () => void {
  return () => {
    let fresh: KubeObject;
    try {
      fresh = getFresh();
    } catch (e) {
      throw new Error(`can't recheck DeletionTimestamp: ${(e as Error).message}`, { cause: e });
    }
    const m = original.metadata ?? {};
    if (fresh.metadata?.uid !== m.uid) {
      throw new Error(`can't recheck DeletionTimestamp: original ${kind} ${m.namespace}/${m.name} is gone: got uid ${fresh.metadata?.uid}, wanted ${m.uid}`);
    }
    if (fresh.metadata?.deletionTimestamp) {
      throw new Error(`${m.namespace}/${m.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
    }
  };
}

/** Thrown by claim when some adoptions or releases failed (an aggregate, worded like utilerrors). */
export class ClaimError extends Error {
  constructor(readonly errors: readonly Error[]) {
    super(aggregateMessages(errors.map((e) => e.message)));
  }
}

/**
 * Claims objects for one controller. Objects owned by another controller are ignored; owned
 * objects that no longer match are released; matching orphans are adopted (never while the
 * controller is being deleted, and never objects being deleted).
 */
export class ControllerRefManager {
  private canAdoptErr: Error | undefined;
  private canAdoptChecked = false;

  constructor(private readonly opts: ControllerRefManagerOptions) {}

  private canAdopt(): void {
    if (!this.canAdoptChecked) {
      this.canAdoptChecked = true;
      try {
        this.opts.canAdopt?.();
      } catch (e) {
        this.canAdoptErr = e as Error;
      }
    }
    if (this.canAdoptErr) throw this.canAdoptErr;
  }

  /**
   * ClaimObject for each object. `filters` must all pass for a match (Job's). Returns what this
   * controller now owns, in input order; throws ClaimError after trying every object if any failed.
   */
  claim<T extends KubeObject>(objects: readonly T[], filters: readonly ((o: T) => boolean)[] = []): T[] {
    const claimed: T[] = [];
    const errs: Error[] = [];
    for (const o of objects) {
      try {
        if (this.claimObject(o, filters)) claimed.push(o);
      } catch (e) {
        errs.push(e as Error);
      }
    }
    if (errs.length) throw new ClaimError(errs);
    return claimed;
  }

  private matches<T extends KubeObject>(o: T, filters: readonly ((o: T) => boolean)[]): boolean {
    if (!this.opts.selector.matches(o.metadata?.labels)) return false;
    for (const f of filters) if (!f(o)) return false;
    return true;
  }

  /** BaseControllerRefManager.ClaimObject: true when this controller owns `o` afterwards. */
  claimObject<T extends KubeObject>(o: T, filters: readonly ((o: T) => boolean)[] = []): boolean {
    const ctrl = this.opts.controller.metadata ?? {};
    const ref = controllerOf(o);
    if (ref) {
      if (ref.uid !== ctrl.uid) return false;
      // Already ours and still matching: claimed, even while the controller is being deleted.
      if (this.matches(o, filters)) return true;
      if (ctrl.deletionTimestamp) return false;
      try {
        this.release(o);
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
      return false;
    }
    if (ctrl.deletionTimestamp || !this.matches(o, filters)) return false;
    if (o.metadata?.deletionTimestamp) return false;
    if (ctrl.namespace && ctrl.namespace !== o.metadata?.namespace) return false;
    try {
      this.adopt(o);
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
    return true;
  }

  /** Adopt<Kind>: patches this controller in as the object's ControllerRef. */
  adopt(o: KubeObject): void {
    const m = o.metadata ?? {};
    try {
      this.canAdopt();
    } catch (e) {
      throw new Error(`can't adopt ${this.opts.dependentKind ?? 'Pod'} ${m.namespace}/${m.name} (${m.uid}): ${(e as Error).message}`, { cause: e });
    }
    this.opts.patch(m.namespace ?? '', m.name ?? '', ownerRefControllerPatch(this.opts.controller, this.opts.controllerKind,
      m.uid ?? '', this.opts.finalizers));
  }

  /** Release<Kind>: removes this controller's reference; NotFound and Invalid (already gone or replaced) are ignored. */
  release(o: KubeObject): void {
    const m = o.metadata ?? {};
    try {
      this.opts.patch(m.namespace ?? '', m.name ?? '', deleteOwnerRefPatch(m.uid ?? '', [this.opts.controller.metadata?.uid ?? ''],
        this.opts.finalizers));
    } catch (e) {
      if (isNotFound(e) || isInvalid(e)) return;
      throw e;
    }
  }
}
