// The plugin contract. Models pkg/scheduler/framework/interface.go (v1.32): one interface per
// extension point, the Handle plugins get, and the cluster events a plugin says may make a pod it
// rejected schedulable (EnqueueExtensions).
import type { Pod, KubeObject } from '../../api';
import type { Client, Lister, ResourceRef } from '../../client';
import type { Clock, Rng } from '../../clock';
import type { CycleState } from './cycle-state';
import type { Status } from './status';
import type { NodeInfo, PodInfo } from './types';
import type { NodeToStatus } from './fit-error';

/** A plugin: it has a name, and implements some of the extension points below. */
export interface Plugin {
  readonly name: string;
}

/** A pod waiting in the scheduling queue (QueuedPodInfo). */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** The pod's priority (spec.priority, 0 when unset), kept with podInfo for the queue's ordering. */
  priority: number;
  /** When the pod was last added to a queue (activeQ ordering and back-off start). */
  timestamp: number;
  /** Scheduling attempts so far. */
  attempts: number;
  initialAttemptTimestamp?: number;
  /** Plugins that rejected the pod in its last attempt (or gated it in PreEnqueue). */
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  /** Held back by a PreEnqueue plugin (scheduling gates). */
  gated: boolean;
  /** kubesim: insertion order, to break activeQ ties deterministically. */
  seq: number;
}

/** PreEnqueue: may the pod enter activeQ at all (SchedulingGates)? */
export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: Pod): Status | undefined;
}

/** QueueSort: activeQ's order. */
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

/** PreFilterResult: the only nodes worth filtering (undefined NodeNames = all nodes). */
export class PreFilterResult {
  constructor(readonly nodeNames: ReadonlySet<string>) {}
}

/** AddPod/RemovePod: keep PreFilter state right when preemption adds or removes pods on a node copy. */
export interface PreFilterExtensions {
  addPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | undefined;
  removePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | undefined;
}

/** PreFilter: per-pod preparation; a Status rejects the pod on every node, Skip skips the plugin's Filter. */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterResult | Status | undefined;
  preFilterExtensions?(): PreFilterExtensions | undefined;
}

/** Filter: may the pod run on this node? */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
}

/** How a PostFilter result treats the pod's nominatedNodeName. */
export interface NominatingInfo {
  mode: 'Noop' | 'Override';
  nominatedNodeName: string;
}

/** PostFilter's answer. */
export interface PostFilterResult {
  nominatingInfo?: NominatingInfo;
}

/** PostFilter: runs when no node fits (preemption). */
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: Pod, m: NodeToStatus): { result?: PostFilterResult; status?: Status };
}

/** PreScore: per-pod preparation for Score; Skip skips the plugin's Score. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined;
}

/** Score: a number per feasible node; NormalizeScore maps them onto 0..100 in place. */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number;
  normalizeScore?(state: CycleState, pod: Pod, scores: number[], nodes: readonly NodeInfo[]): Status | undefined;
}

/** Reserve/Unreserve: claim per-node state before binding, give it back on failure. */
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: Pod, nodeName: string): Status | undefined;
  unreserve(state: CycleState, pod: Pod, nodeName: string): void;
}

/**
 * PreBind: work before the binding (volume binding). It may finish later: it calls done once, with a
 * Status on failure. (Upstream blocks a goroutine; the simulation resumes the binding cycle from a
 * watch event or a timer instead.)
 */
export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: Pod, nodeName: string, done: (s?: Status) => void): void;
}

/** Bind: writes the binding. */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: Pod, nodeName: string): Status | undefined;
}

/** Resources of cluster events (EventResource). */
export type EventResource = 'Pod' | 'Node' | 'PersistentVolume' | 'PersistentVolumeClaim' | 'StorageClass' | 'Namespace' | '*';

/** ActionType bits (types.go). */
export const ActionType = {
  Add: 1,
  Delete: 2,
  UpdateNodeAllocatable: 4,
  UpdateNodeLabel: 8,
  UpdateNodeTaint: 16,
  UpdateNodeCondition: 32,
  UpdateNodeAnnotation: 64,
  UpdatePodLabel: 128,
  UpdatePodScaleDown: 256,
  UpdatePodTolerations: 512,
  UpdatePodSchedulingGatesEliminated: 1024,
  /** Every kind of update. */
  Update: 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512 | 1024,
  All: 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512 | 1024,
} as const;

/** A cluster event (ClusterEvent): a resource, what happened to it, and a label for logs. */
export interface ClusterEvent {
  resource: EventResource;
  actionType: number;
  label: string;
}

/**
 * A plugin's interest in an event. The optional hint (QueueingHintFn) looks at the objects and says
 * whether this event may make a pod the plugin rejected schedulable; without one, it always may.
 */
export interface ClusterEventWithHint {
  event: { resource: EventResource; actionType: number };
  hint?: (pod: Pod, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => boolean;
}

/** EnqueueExtensions. */
export interface EnqueueExtensions {
  eventsToRegister(): ClusterEventWithHint[];
}

/** The nodes of the cycle's snapshot (SharedLister.NodeInfos). */
export interface NodeInfoLister {
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  havePodsWithAffinityList(): readonly NodeInfo[];
  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[];
}

/** What runs other plugins on a plugin's behalf (preemption's what-if filtering). */
export interface PluginsRunner {
  runFilterPluginsWithNominatedPods(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | undefined;
  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | undefined;
}

/** Pods nominated to nodes by preemption (PodNominator). */
export interface PodNominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
  /** True when no pod is nominated anywhere (lets filtering skip the per-node lookup). */
  isEmpty?(): boolean;
}

/** Records events.k8s.io-style events (EventRecorder.Eventf(regarding, related, type, reason, action, note)). */
export interface SchedulerEventRecorder {
  eventf(regarding: KubeObject, related: KubeObject | undefined, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void;
}

/** What plugins are given (framework.Handle). */
export interface Handle {
  readonly schedulerName: string;
  readonly client: Client;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly recorder: SchedulerEventRecorder;
  readonly nodeInfos: NodeInfoLister;
  readonly nominator: PodNominator;
  readonly runner: PluginsRunner;
  /** A lister of the scheduler's shared informer for a resource (informers are started with the scheduler). */
  lister<T extends KubeObject>(r: ResourceRef): Lister<T>;
}

/** A plugin factory (PluginFactory), given the handle. */
export type PluginFactory = (h: Handle) => Plugin;
