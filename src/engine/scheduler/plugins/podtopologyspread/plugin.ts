// Models pkg/scheduler/framework/plugins/podtopologyspread/plugin.go (v1.32, system defaulting):
// PreFilter/Filter for DoNotSchedule constraints, PreScore/Score for ScheduleAnyway ones.
import type { Pod, Node, Service, ReplicaSet, StatefulSet, KubeObject } from '../../../api';
import { R, res } from '../../../client';
import { ActionType, SKIP, Status, type ClusterEventWithHint, type CycleState, type EnqueueExtensions, type FilterPlugin,
  type Handle, type NodeInfo, type PluginFactory, type PodInfo, type PreFilterExtensions, type PreFilterPlugin,
  type PreScorePlugin, type ScorePlugin } from '../../framework';
import { SYSTEM_DEFAULT_CONSTRAINTS, defaultSelector, filterConstraints, type SpreadConstraint, type SpreadListers } from './common';
import { calPreFilterState, filterNode, type PreFilterState } from './filtering';
import { buildPreScoreState, normalize, scoreNode, type PreScoreState } from './scoring';

/** The plugin's name. */
export const NAME = 'PodTopologySpread';

const PRE_FILTER_KEY = `PreFilter${NAME}`;
// Captured once (see noderesources/fit.ts): called per node.
const scoreOne = scoreNode;
const filterOne = filterNode;
const PRE_SCORE_KEY = `PreScore${NAME}`;

/** PodTopologySpread. */
export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions, PreFilterExtensions {
  readonly name = NAME;
  private readonly listers: SpreadListers;
  private scoreCycle?: CycleState;
  private scoreState?: PreScoreState;

  constructor(private readonly h: Handle) {
    this.listers = {
      services: h.lister<Service>(R.services),
      replicationControllers: h.lister(res('replicationcontrollers')),
      replicaSets: h.lister<ReplicaSet>(R.replicasets),
      statefulSets: h.lister<StatefulSet>(R.statefulsets),
    };
  }

  eventsToRegister(): ClusterEventWithHint[] {
    const podHint = (pod: Pod, old: KubeObject | undefined, n: KubeObject | undefined) => {
      const p = (n ?? old) as Pod | undefined;
      if (!p || p.metadata?.namespace !== pod.metadata?.namespace) return false;
      const cs = pod.spec?.topologySpreadConstraints;
      if (!cs?.length) return true;
      return [old, n].some((o) => o && filterConstraints(cs, pod.metadata?.labels, 'DoNotSchedule').concat(
        filterConstraints(cs, pod.metadata?.labels, 'ScheduleAnyway')).some((c) => c.selector.matches((o as Pod).metadata?.labels)));
    };
    return [
      { event: { resource: 'Pod', actionType: ActionType.All }, hint: podHint },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.Delete | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint },
        hint: (pod, o, n) => {
          const keys = (pod.spec?.topologySpreadConstraints ?? []).map((c) => c.topologyKey);
          if (keys.length === 0) return true;
          const node = (n ?? o) as Node | undefined;
          return keys.every((k) => k in (node?.metadata?.labels ?? {}));
        } },
    ];
  }

  /** The pod's constraints of one kind, or the system defaults over its default selector. */
  private constraints(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
    const own = pod.spec?.topologySpreadConstraints;
    if (own?.length) return filterConstraints(own, pod.metadata?.labels, action);
    const cs = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod.metadata?.labels, action);
    if (cs.length === 0) return cs;
    const sel = defaultSelector(pod, this.listers);
    if (sel.empty()) return [];
    return cs.map((c) => ({ ...c, selector: sel }));
  }

  preFilter(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    let cs: SpreadConstraint[];
    try {
      cs = this.constraints(pod, 'DoNotSchedule');
    } catch (e) {
      return Status.error(`obtaining pod's hard topology spread constraints: ${(e as Error).message}`);
    }
    if (cs.length === 0) return SKIP;
    state.write(PRE_FILTER_KEY, calPreFilterState(pod, cs, nodes));
    return undefined;
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | undefined {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(podInfoToAdd.pod, podToSchedule, nodeInfo, 1);
    return undefined;
  }

  removePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | undefined {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(podInfoToRemove.pod, podToSchedule, nodeInfo, -1);
    return undefined;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return Status.error(`reading "${PRE_FILTER_KEY}" from cycleState: not found`);
    return filterOne(s, pod, nodeInfo);
  }

  preScore(state: CycleState, pod: Pod, filtered: readonly NodeInfo[]): Status | undefined {
    const all = this.h.nodeInfos.list();
    if (all.length === 0) return SKIP;
    let cs: SpreadConstraint[];
    try {
      cs = this.constraints(pod, 'ScheduleAnyway');
    } catch (e) {
      return Status.error(`calculating preScoreState: ${(e as Error).message}`);
    }
    if (cs.length === 0) return SKIP;
    // System-defaulted constraints tolerate nodes without the topology labels.
    const requireAll = (pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
    state.write(PRE_SCORE_KEY, buildPreScoreState(pod, cs, filtered, all, requireAll));
    return undefined;
  }

  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): number {
    if (state !== this.scoreCycle) {
      this.scoreCycle = state;
      this.scoreState = state.read<PreScoreState>(PRE_SCORE_KEY);
    }
    return scoreOne(this.scoreState!, nodeInfo);
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: number[], nodes: readonly NodeInfo[]): Status | undefined {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (s) normalize(s, scores, nodes);
    return undefined;
  }
}

/** Factory. */
export const create: PluginFactory = (h) => new PodTopologySpread(h);
