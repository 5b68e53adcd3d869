// Models pkg/scheduler/internal/queue/events.go (v1.32 framework/events.go): the cluster events the
// scheduler's informers turn into queue moves.
import { ActionType, type ClusterEvent } from '../framework';

const ev = (resource: ClusterEvent['resource'], actionType: number, label: string): ClusterEvent => ({ resource, actionType, label });

/** Events and their labels. */
export const EVENTS = {
  AssignedPodAdd: ev('Pod', ActionType.Add, 'AssignedPodAdd'),
  AssignedPodUpdate: ev('Pod', ActionType.Update, 'AssignedPodUpdate'),
  AssignedPodDelete: ev('Pod', ActionType.Delete, 'AssignedPodDelete'),
  NodeAdd: ev('Node', ActionType.Add, 'NodeAdd'),
  NodeAllocatableChange: ev('Node', ActionType.UpdateNodeAllocatable, 'NodeAllocatableChange'),
  NodeLabelChange: ev('Node', ActionType.UpdateNodeLabel, 'NodeLabelChange'),
  NodeTaintChange: ev('Node', ActionType.UpdateNodeTaint, 'NodeTaintChange'),
  NodeConditionChange: ev('Node', ActionType.UpdateNodeCondition, 'NodeConditionChange'),
  // spec.unschedulable acts as the node.kubernetes.io/unschedulable taint.
  NodeSpecUnschedulableChange: ev('Node', ActionType.UpdateNodeTaint, 'NodeSpecUnschedulableChange'),
  PvAdd: ev('PersistentVolume', ActionType.Add, 'PvAdd'),
  PvUpdate: ev('PersistentVolume', ActionType.Update, 'PvUpdate'),
  PvcAdd: ev('PersistentVolumeClaim', ActionType.Add, 'PvcAdd'),
  PvcUpdate: ev('PersistentVolumeClaim', ActionType.Update, 'PvcUpdate'),
  StorageClassAdd: ev('StorageClass', ActionType.Add, 'StorageClassAdd'),
  StorageClassUpdate: ev('StorageClass', ActionType.Update, 'StorageClassUpdate'),
  NamespaceUpdate: ev('Namespace', ActionType.Update, 'NamespaceUpdate'),
  /** The 5-minute flush of unschedulablePods (a wildcard: every pod moves). */
  UnschedulableTimeout: ev('*', ActionType.All, 'UnschedulableTimeout'),
  ForceActivate: ev('*', ActionType.All, 'ForceActivate'),
} as const;
