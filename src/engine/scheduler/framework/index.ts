// The scheduling framework: what plugins implement and share (upstream pkg/scheduler/framework).
export { Code, CODE_NAMES, Status, SKIP, isSuccess } from './status';
export { CycleState } from './cycle-state';
export type { StateData } from './cycle-state';
export { PodInfo, NodeInfo, HostPortInfo, MAX_NODE_SCORE, MIN_NODE_SCORE, MATCH_NOTHING, termMatches, podPriority, hostPortsOf,
  nextGeneration, podMatcher } from './types';
export type { AffinityTerm, WeightedAffinityTerm, ImageStateSummary, PodMatcher } from './types';
export { newResource, cloneResource, podRequests, computePodResource, resourceFromList, isScalarResourceName, milli, value,
  DEFAULT_MILLI_CPU_REQUEST, DEFAULT_MEMORY_REQUEST } from './resource';
export type { Resource, PodResource } from './resource';
export { NodeToStatus, FitError, newDiagnosis, addPluginStatus, NO_NODE_AVAILABLE_MSG, byteOrder } from './fit-error';
export type { Diagnosis } from './fit-error';
export { PreFilterResult, ActionType } from './interface';
export type { Plugin, QueuedPodInfo, PreEnqueuePlugin, QueueSortPlugin, PreFilterExtensions, PreFilterPlugin, FilterPlugin,
  NominatingInfo, PostFilterResult, PostFilterPlugin, PreScorePlugin, ScorePlugin, ReservePlugin, PreBindPlugin, BindPlugin,
  EventResource, ClusterEvent, ClusterEventWithHint, EnqueueExtensions, NodeInfoLister, PluginsRunner, PodNominator,
  SchedulerEventRecorder, Handle, PluginFactory } from './interface';
export { Framework, newCycleState } from './runtime';
export type { PluginScores, PreFilterOutcome } from './runtime';
export { defaultNormalizeScore, toleratesTaint, tolerationsTolerateTaint, isDoNotScheduleTaint, findMatchingUntoleratedTaint } from './helpers';
export { RequiredNodeAffinity, getRequiredNodeAffinity, nodeSelectorMatches, termMatchesNode, preferredTermsScore } from './node-affinity';
export { andSelectors, setSelector, indexableRequirement, labelIndexKey } from './labels';
export { Evaluator, moreImportantPod } from './preemption';
export type { Candidate, PDB, PreemptionInterface } from './preemption';
export { makeNode, makePod, nodeInfoOf, runFilter, runScore, fakeHandle } from './testing';
