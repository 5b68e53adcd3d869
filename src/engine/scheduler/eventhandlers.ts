// Models pkg/scheduler/eventhandlers.go (v1.32 addAllEventHandlers): assigned pods feed the cache,
// this scheduler's pending pods feed the queue, and node, volume and pod changes that may make a
// waiting pod schedulable move it out of unschedulablePods. Handlers only update the cache and the
// queue; scheduling happens in the scheduler's own task.
import type { Node, Pod, PersistentVolume, PersistentVolumeClaim, StorageClass, KubeObject } from '../api';
import type { Informer } from '../client';
import { ActionType, type ClusterEvent } from './framework';
import type { Cache } from './cache';
import { EVENTS, type SchedulingQueue } from './queue';

/** assignedPod. */
export function assignedPod(p: Pod): boolean {
  return !!p.spec?.nodeName;
}

/** The wiring a handler set needs. */
export interface HandlerDeps {
  cache: Cache;
  queue: SchedulingQueue;
  /** responsibleForPod: the pod names one of our profiles (default-scheduler). */
  responsibleFor(p: Pod): boolean;
  /** A pod left the queue for good (deleted or bound elsewhere). */
  onPodGone?(p: Pod): void;
}

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

function sameJSON(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * nodeSchedulingPropertiesChange: the kinds of change that matter to scheduling (unschedulable flag,
 * allocatable, labels, taints, condition statuses), as one event with those action bits — undefined
 * for a heartbeat or image-list update.
 */
export function nodeSchedulingPropertiesChange(n: Node, o: Node): ClusterEvent | undefined {
  let bits = 0;
  const labels: string[] = [];
  if (!!n.spec?.unschedulable !== !!o.spec?.unschedulable) {
    bits |= ActionType.UpdateNodeTaint;
    labels.push(EVENTS.NodeSpecUnschedulableChange.label);
  }
  if (!sameJSON(n.status?.allocatable, o.status?.allocatable)) {
    bits |= ActionType.UpdateNodeAllocatable;
    labels.push(EVENTS.NodeAllocatableChange.label);
  }
  if (!sameLabels(n.metadata?.labels, o.metadata?.labels)) {
    bits |= ActionType.UpdateNodeLabel;
    labels.push(EVENTS.NodeLabelChange.label);
  }
  if (!sameJSON(n.spec?.taints, o.spec?.taints)) {
    bits |= ActionType.UpdateNodeTaint;
    labels.push(EVENTS.NodeTaintChange.label);
  }
  const conds = (x: Node) => JSON.stringify((x.status?.conditions ?? []).map((c) => [c.type, c.status]));
  if (conds(n) !== conds(o)) {
    bits |= ActionType.UpdateNodeCondition;
    labels.push(EVENTS.NodeConditionChange.label);
  }
  return bits ? { resource: 'Node', actionType: bits, label: labels.join(',') } : undefined;
}

/** Registers the pod handlers (pods informer with the terminal-phase field selector). */
export function addPodHandlers(pods: Informer<Pod>, d: HandlerDeps): void {
  const onAssignedAdd = (p: Pod) => {
    d.cache.addPod(p);
    d.queue.assignedPodAddedOrUpdated(EVENTS.AssignedPodAdd, p);
  };
  const onUnassignedAdd = (p: Pod) => {
    if (d.responsibleFor(p)) d.queue.add(p);
  };
  const onUnassignedDelete = (p: Pod) => {
    if (!d.responsibleFor(p)) return;
    d.queue.delete(p);
  };
  pods.onEvent({
    add(p) {
      if (assignedPod(p)) onAssignedAdd(p);
      else onUnassignedAdd(p);
    },
    update(o, p) {
      const was = assignedPod(o);
      const is = assignedPod(p);
      if (was && is) {
        d.cache.updatePod(o, p);
        // Only a label change can matter to another pod's affinity or spreading.
        if (!sameLabels(o.metadata?.labels, p.metadata?.labels)) {
          d.queue.assignedPodAddedOrUpdated({ ...EVENTS.AssignedPodUpdate, actionType: ActionType.UpdatePodLabel }, p, o);
        }
      } else if (!was && is) {
        // Bound (by us or another scheduler): leaves the queue, joins the cache.
        onUnassignedDelete(o);
        d.onPodGone?.(o);
        onAssignedAdd(p);
      } else if (!was && !is) {
        if (!d.responsibleFor(p)) return;
        if (o.metadata?.resourceVersion === p.metadata?.resourceVersion) return;
        if (d.cache.isAssumedPod(p)) return;
        d.queue.update(o, p);
      }
    },
    delete(p) {
      if (assignedPod(p)) {
        d.cache.removePod(p);
        d.queue.moveAllToActiveOrBackoffQueue(EVENTS.AssignedPodDelete, p, undefined);
      } else {
        onUnassignedDelete(p);
        d.onPodGone?.(p);
      }
    },
  });
}

/** Registers the node handlers. */
export function addNodeHandlers(nodes: Informer<Node>, d: HandlerDeps): void {
  nodes.onEvent({
    add(n) {
      d.cache.addNode(n);
      d.queue.moveAllToActiveOrBackoffQueue(EVENTS.NodeAdd, undefined, n);
    },
    update(o, n) {
      d.cache.updateNode(o, n);
      const ev = nodeSchedulingPropertiesChange(n, o);
      if (ev) d.queue.moveAllToActiveOrBackoffQueue(ev, o, n);
    },
    delete(n) {
      d.cache.removeNode(n);
    },
  });
}

/** Registers the volume handlers (PVCs, PVs, StorageClasses). */
export function addVolumeHandlers(pvcs: Informer<PersistentVolumeClaim>, pvs: Informer<PersistentVolume>, classes: Informer<StorageClass>,
  d: HandlerDeps): void {
  const mv = (add: ClusterEvent, upd: ClusterEvent) => ({
    add: (o: KubeObject) => d.queue.moveAllToActiveOrBackoffQueue(add, undefined, o),
    update: (o: KubeObject, n: KubeObject) => d.queue.moveAllToActiveOrBackoffQueue(upd, o, n),
  });
  pvcs.onEvent(mv(EVENTS.PvcAdd, EVENTS.PvcUpdate));
  pvs.onEvent(mv(EVENTS.PvAdd, EVENTS.PvUpdate));
  classes.onEvent(mv(EVENTS.StorageClassAdd, EVENTS.StorageClassUpdate));
}
