// Models pkg/scheduler/framework/plugins/volumebinding/volume_binding.go (v1.32): a pod's claims
// must exist and be bound, unless their class waits for a first consumer; then the node must be able
// to get them (a matching PV, or provisioning there). PreBind writes the choice — the PV's claimRef,
// or the claim's volume.kubernetes.io/selected-node — and waits for the PV controller to bind.
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../../api';
import { R } from '../../../client';
import { ActionType, SKIP, Status, type ClusterEventWithHint, type CycleState, type EnqueueExtensions, type FilterPlugin, type Handle,
  type NodeInfo, type PluginFactory, type PreBindPlugin, type PreFilterPlugin, type ReservePlugin } from '../../framework';
import { ANN_SELECTED_NODE, ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_REASON_PV_NOT_EXIST, canProvision, claimNamesOf,
  findMatchingVolume, getPodVolumeClaims, isPVCFullyBound, pvNodeAffinityMatches, type BinderListers, type PodVolumeClaims } from './binder';

/** The plugin's name. */
export const NAME = 'VolumeBinding';
/** The PreFilter reason for claims of an Immediate class not bound yet. */
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
/** bindTimeoutSeconds (VolumeBindingArgs default). */
export const BIND_TIMEOUT_MS = 600_000;

const STATE_KEY = NAME;

interface NodeDecision {
  staticBindings: { pvc: PersistentVolumeClaim; pv: PersistentVolume }[];
  provisions: PersistentVolumeClaim[];
}

interface StateData {
  allBound: boolean;
  claims: PodVolumeClaims;
  byNode: Map<string, NodeDecision>;
  chosen?: NodeDecision;
  clone(): StateData;
}

/** VolumeBinding. */
export class VolumeBinding implements PreFilterPlugin, FilterPlugin, ReservePlugin, PreBindPlugin, EnqueueExtensions {
  readonly name = NAME;
  private readonly l: BinderListers;

  constructor(private readonly h: Handle) {
    this.l = { pvcs: h.lister<PersistentVolumeClaim>(R.persistentvolumeclaims), pvs: h.lister<PersistentVolume>(R.persistentvolumes),
      classes: h.lister<StorageClass>(R.storageclasses) };
  }

  eventsToRegister(): ClusterEventWithHint[] {
    const claimHint = (pod: Pod, _o: unknown, n: unknown) => {
      const pvc = n as PersistentVolumeClaim | undefined;
      if (!pvc || pvc.metadata?.namespace !== pod.metadata?.namespace) return false;
      return claimNamesOf(pod).some((c) => c.name === pvc.metadata?.name);
    };
    return [
      { event: { resource: 'StorageClass', actionType: ActionType.Add | ActionType.Update } },
      { event: { resource: 'PersistentVolumeClaim', actionType: ActionType.Add | ActionType.Update }, hint: claimHint },
      { event: { resource: 'PersistentVolume', actionType: ActionType.Add | ActionType.Update } },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint } },
    ];
  }

  /** podHasPVCs: every claim must exist, not be lost, not be deleting, and (ephemeral) belong to the pod. */
  private podHasPVCs(pod: Pod): { has: boolean; err?: string } {
    const ns = pod.metadata?.namespace;
    const names = claimNamesOf(pod);
    for (const c of names) {
      const pvc = this.l.pvcs.get(ns, c.name);
      if (!pvc) {
        return { has: true, err: c.ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${c.name}"`
          : `persistentvolumeclaim "${c.name}" not found` };
      }
      if (pvc.status?.phase === 'Lost') return { has: true, err: `persistentvolumeclaim "${c.name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"` };
      if (pvc.metadata?.deletionTimestamp) return { has: true, err: `persistentvolumeclaim "${c.name}" is being deleted` };
      if (c.ephemeral && !(pvc.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === pod.metadata?.uid)) {
        return { has: true, err: `PVC ${ns}/${c.name} was not created for pod ${ns}/${pod.metadata?.name} (pod is not owner)` };
      }
    }
    return { has: names.length > 0 };
  }

  preFilter(state: CycleState, pod: Pod): Status | undefined {
    const { has, err } = this.podHasPVCs(pod);
    if (err) return Status.unresolvable(err);
    if (!has) {
      state.write(STATE_KEY, newState(true, { boundClaims: [], unboundClaimsDelayBinding: [], unboundClaimsImmediate: [] }));
      return SKIP;
    }
    const claims = getPodVolumeClaims(pod, this.l);
    if (claims.unboundClaimsImmediate.length > 0) return Status.unresolvable(ERR_UNBOUND_IMMEDIATE);
    state.write(STATE_KEY, newState(claims.unboundClaimsDelayBinding.length === 0, claims));
    return undefined;
  }

  /** Filter (FindPodVolumes): reasons in upstream's order (node conflict, bind conflict, storage, missing PV). */
  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const s = state.read<StateData>(STATE_KEY);
    if (!s) return Status.error(`reading "${STATE_KEY}" from cycleState: not found`);
    const node = nodeInfo.node!;
    let boundOK = true;
    let pvsFound = true;
    for (const pvc of s.claims.boundClaims) {
      const pv = this.l.pvs.get(undefined, pvc.spec!.volumeName!);
      if (!pv) {
        pvsFound = false;
        continue;
      }
      if (!pvNodeAffinityMatches(pv, node)) boundOK = false;
    }
    let unboundOK = true;
    const decision: NodeDecision = { staticBindings: [], provisions: [] };
    if (s.claims.unboundClaimsDelayBinding.length && pvsFound && boundOK) {
      const pvs = this.l.pvs.list();
      const taken = new Set<string>();
      for (const pvc of s.claims.unboundClaimsDelayBinding) {
        const pv = findMatchingVolume(pvc, pvs, node, taken);
        if (pv) {
          taken.add(pv.metadata!.name!);
          decision.staticBindings.push({ pvc, pv });
        } else if (canProvision(pvc, this.l.classes, node)) decision.provisions.push(pvc);
        else unboundOK = false;
      }
    }
    const reasons: string[] = [];
    if (!boundOK) reasons.push(ERR_REASON_NODE_CONFLICT);
    if (!unboundOK) reasons.push(ERR_REASON_BIND_CONFLICT);
    if (!pvsFound) reasons.push(ERR_REASON_PV_NOT_EXIST);
    if (reasons.length) return Status.unresolvable(...reasons);
    s.byNode.set(nodeInfo.name, decision);
    return undefined;
  }

  reserve(state: CycleState, _pod: Pod, nodeName: string): Status | undefined {
    const s = state.read<StateData>(STATE_KEY);
    if (s && !s.allBound) s.chosen = s.byNode.get(nodeName);
    return undefined;
  }

  unreserve(state: CycleState): void {
    const s = state.read<StateData>(STATE_KEY);
    if (s) s.chosen = undefined;
  }

  /**
   * PreBind (BindPodVolumes): writes each PV's claimRef and each provisioned claim's selected node,
   * then waits — on the PV controller, seen through claim updates — until every claim is bound,
   * checking on the binder's 1-second poll grid, for at most 600 s.
   */
  preBind(state: CycleState, _pod: Pod, nodeName: string, done: (s?: Status) => void): void {
    const s = state.read<StateData>(STATE_KEY);
    if (!s || s.allBound) return done();
    const d = s.chosen ?? { staticBindings: [], provisions: [] };
    const client = this.h.client;
    try {
      for (const { pvc, pv } of d.staticBindings) {
        if (pv.spec?.claimRef) continue;
        client.patch(R.persistentvolumes, undefined, pv.metadata!.name!, 'application/merge-patch+json', { spec: { claimRef: {
          kind: 'PersistentVolumeClaim', namespace: pvc.metadata!.namespace, name: pvc.metadata!.name, uid: pvc.metadata!.uid,
          apiVersion: 'v1', resourceVersion: pvc.metadata!.resourceVersion } } });
      }
      for (const pvc of d.provisions) {
        client.patch(R.persistentvolumeclaims, pvc.metadata!.namespace, pvc.metadata!.name!, 'application/merge-patch+json',
          { metadata: { annotations: { [ANN_SELECTED_NODE]: nodeName } } });
      }
    } catch (e) {
      return done(Status.error(`binding volumes: ${(e as Error).message}`));
    }
    const clock = this.h.clock;
    const start = clock.now();
    const claims = [...d.staticBindings.map((b) => b.pvc), ...d.provisions];
    const check = (): boolean => claims.every((c) => {
      const cur = this.l.pvcs.get(c.metadata!.namespace, c.metadata!.name!);
      return !!cur && isPVCFullyBound(cur);
    });
    const poll = (): void => {
      if (check()) return done();
      if (clock.now() - start >= BIND_TIMEOUT_MS) return done(Status.error('binding volumes: context deadline exceeded'));
      clock.after(1000, poll);
    };
    clock.after(1000, poll);
  }
}

function newState(allBound: boolean, claims: PodVolumeClaims): StateData {
  const s: StateData = { allBound, claims, byNode: new Map(), clone: () => s };
  return s;
}

/** Factory. */
export const create: PluginFactory = (h) => new VolumeBinding(h);
