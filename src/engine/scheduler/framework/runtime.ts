// Runs a profile's plugins at each extension point. Models pkg/scheduler/framework/runtime/framework.go
// (frameworkImpl: RunPreFilterPlugins, RunFilterPlugins, RunFilterPluginsWithNominatedPods,
// RunPostFilterPlugins, RunPreScorePlugins, RunScorePlugins, Reserve/PreBind/Bind) for one profile.
import type { Pod } from '../../api';
import { CycleState } from './cycle-state';
import { Code, Status } from './status';
import { type NodeInfo, type PodInfo, MAX_NODE_SCORE, MIN_NODE_SCORE, podPriority } from './types';
import type { NodeToStatus } from './fit-error';
import {
  PreFilterResult, type BindPlugin, type ClusterEventWithHint, type EnqueueExtensions, type FilterPlugin, type Plugin,
  type PluginsRunner, type PodNominator, type PostFilterPlugin, type PostFilterResult, type PreBindPlugin, type PreEnqueuePlugin,
  type PreFilterPlugin, type PreScorePlugin, type QueueSortPlugin, type ReservePlugin, type ScorePlugin,
} from './interface';

// Read once: under CommonJS transpilation every use of an imported binding is a getter call, and
// these are used per node per plugin.
const SUCCESS = Code.Success;
const MAX_SCORE = MAX_NODE_SCORE;
const MIN_SCORE = MIN_NODE_SCORE;

const has = <K extends string>(p: Plugin, m: K): boolean => typeof (p as unknown as Record<string, unknown>)[m] === 'function';

/** Scores of one plugin over the cycle's feasible nodes. */
export interface PluginScores {
  plugin: string;
  weight: number;
  /** What Score returned, per node (same order as the nodes). */
  raw: number[];
  /** After NormalizeScore and the weight. */
  weighted: number[];
}

/** What PreFilter concluded. */
export interface PreFilterOutcome {
  result?: PreFilterResult;
  status?: Status;
  /** Plugins whose PreFilterResult narrowed the nodes. */
  pluginsWithNodes: string[];
}

/** The running framework of one profile (default-scheduler). */
export class Framework implements PluginsRunner {
  readonly preEnqueuePlugins: PreEnqueuePlugin[] = [];
  readonly queueSortPlugin?: QueueSortPlugin;
  readonly preFilterPlugins: PreFilterPlugin[] = [];
  readonly filterPlugins: FilterPlugin[] = [];
  readonly postFilterPlugins: PostFilterPlugin[] = [];
  readonly preScorePlugins: PreScorePlugin[] = [];
  readonly scorePlugins: ScorePlugin[] = [];
  readonly reservePlugins: ReservePlugin[] = [];
  readonly preBindPlugins: PreBindPlugin[] = [];
  readonly bindPlugins: BindPlugin[] = [];
  readonly weights = new Map<string, number>();

  /**
   * `plugins` in the profile's MultiPoint order (which is each extension point's order); weights for
   * the score plugins (default 1).
   */
  constructor(readonly profileName: string, readonly plugins: readonly Plugin[], weights: ReadonlyMap<string, number>,
    private readonly nominator: PodNominator) {
    for (const p of plugins) {
      if (has(p, 'preEnqueue')) this.preEnqueuePlugins.push(p as PreEnqueuePlugin);
      if (has(p, 'less')) (this as { queueSortPlugin?: QueueSortPlugin }).queueSortPlugin = p as QueueSortPlugin;
      if (has(p, 'preFilter')) this.preFilterPlugins.push(p as PreFilterPlugin);
      if (has(p, 'filter')) this.filterPlugins.push(p as FilterPlugin);
      if (has(p, 'postFilter')) this.postFilterPlugins.push(p as PostFilterPlugin);
      if (has(p, 'preScore')) this.preScorePlugins.push(p as PreScorePlugin);
      if (has(p, 'score')) {
        this.scorePlugins.push(p as ScorePlugin);
        this.weights.set(p.name, weights.get(p.name) ?? 1);
      }
      if (has(p, 'reserve')) this.reservePlugins.push(p as ReservePlugin);
      if (has(p, 'preBind')) this.preBindPlugins.push(p as PreBindPlugin);
      if (has(p, 'bind')) this.bindPlugins.push(p as BindPlugin);
    }
  }

  /** Each plugin's registered events (EnqueueExtensions), by plugin name. */
  eventsToRegister(): Map<string, ClusterEventWithHint[]> {
    const m = new Map<string, ClusterEventWithHint[]>();
    for (const p of this.plugins) if (has(p, 'eventsToRegister')) m.set(p.name, (p as unknown as EnqueueExtensions).eventsToRegister());
    return m;
  }

  /** RunPreEnqueuePlugins: the first rejecting plugin's status. */
  runPreEnqueuePlugins(pod: Pod): Status | undefined {
    for (const pl of this.preEnqueuePlugins) {
      const s = pl.preEnqueue(pod);
      if (s && s.code !== Code.Success) return s.withPlugin(pl.name);
    }
    return undefined;
  }

  /** RunPreFilterPlugins: Skip marks the plugin's Filter skipped; the results' node sets intersect. */
  runPreFilterPlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterOutcome {
    let result: PreFilterResult | undefined;
    const pluginsWithNodes: string[] = [];
    const skip = new Set<string>();
    state.skipFilterPlugins = skip;
    for (const pl of this.preFilterPlugins) {
      const r = pl.preFilter(state, pod, nodes);
      if (r instanceof Status) {
        if (r.code === Code.Skip) {
          skip.add(pl.name);
          continue;
        }
        if (r.code === Code.Success) continue;
        r.withPlugin(pl.name);
        if (r.isRejected()) return { status: r, pluginsWithNodes };
        return { status: new Status(Code.Error, [`running PreFilter plugin "${pl.name}": ${r.message()}`]).withPlugin(pl.name), pluginsWithNodes };
      }
      if (r) {
        pluginsWithNodes.push(pl.name);
        result = result ? new PreFilterResult(new Set([...result.nodeNames].filter((n) => r.nodeNames.has(n)))) : r;
        if (result.nodeNames.size === 0) {
          const msg = pluginsWithNodes.length === 1 ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}`
            : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`;
          return { status: new Status(Code.UnschedulableAndUnresolvable, [msg]), pluginsWithNodes };
        }
      }
    }
    state.activeFilters = this.filterPlugins.filter((p) => !skip.has(p.name));
    return { result, pluginsWithNodes };
  }

  /** RunFilterPlugins: the first failing plugin's status (with the plugin's name), undefined when all pass. */
  runFilterPlugins(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const filters = state.activeFilters ?? this.filterPlugins;
    for (let i = 0; i < filters.length; i++) {
      const pl = filters[i];
      const s = pl.filter(state, pod, nodeInfo);
      if (s !== undefined && s.code !== SUCCESS) {
        if (!s.isRejected()) return new Status(Code.Error, [`running "${pl.name}" filter plugin: ${s.message()}`]).withPlugin(pl.name);
        // Statuses may be shared constants; the plugin name goes on a copy.
        return s.plugin === pl.name ? s : new Status(s.code, s.reasons, s.err).withPlugin(pl.name);
      }
    }
    return undefined;
  }

  /**
   * RunFilterPluginsWithNominatedPods: first with the equal-or-higher-priority pods nominated to the node
   * added (they will take its room), then, if that passed and some were added, without them.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    if (this.nominator.isEmpty?.()) return this.runFilterPlugins(state, pod, nodeInfo);
    const nominated = this.nominator.nominatedPodsForNode(nodeInfo.name);
    if (nominated.length === 0) return this.runFilterPlugins(state, pod, nodeInfo);
    const added = this.addNominatedPods(state, pod, nodeInfo, nominated);
    if (!added) return this.runFilterPlugins(state, pod, nodeInfo);
    const s = this.runFilterPlugins(added.state, pod, added.nodeInfo);
    if (s !== undefined) return s;
    return this.runFilterPlugins(state, pod, nodeInfo);
  }

  private addNominatedPods(state: CycleState, pod: Pod, nodeInfo: NodeInfo, nominated: readonly PodInfo[]):
    { state: CycleState; nodeInfo: NodeInfo } | undefined {
    const prio = podPriority(pod);
    let out: { state: CycleState; nodeInfo: NodeInfo } | undefined;
    for (const pi of nominated) {
      if (podPriority(pi.pod) >= prio && pi.uid !== pod.metadata?.uid) {
        if (!out) out = { state: state.clone(), nodeInfo: nodeInfo.clone() };
        out.nodeInfo.addPod(pi);
        this.runPreFilterExtensionAddPod(out.state, pod, pi, out.nodeInfo);
      }
    }
    return out;
  }

  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | undefined {
    for (const pl of this.preFilterPlugins) {
      if (state.skipFilterPlugins.has(pl.name)) continue;
      const ext = pl.preFilterExtensions?.();
      const s = ext?.addPod(state, podToSchedule, podInfoToAdd, nodeInfo);
      if (s && s.code !== Code.Success) return s.withPlugin(pl.name);
    }
    return undefined;
  }

  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | undefined {
    for (const pl of this.preFilterPlugins) {
      if (state.skipFilterPlugins.has(pl.name)) continue;
      const ext = pl.preFilterExtensions?.();
      const s = ext?.removePod(state, podToSchedule, podInfoToRemove, nodeInfo);
      if (s && s.code !== Code.Success) return s.withPlugin(pl.name);
    }
    return undefined;
  }

  /**
   * RunPostFilterPlugins: the first success wins; UnschedulableAndUnresolvable stops; otherwise the
   * reasons of every plugin are kept.
   */
  runPostFilterPlugins(state: CycleState, pod: Pod, m: NodeToStatus): { result?: PostFilterResult; status: Status | undefined } {
    let result: PostFilterResult | undefined;
    const reasons: string[] = [];
    let failed = '';
    for (const pl of this.postFilterPlugins) {
      const { result: r, status: s } = pl.postFilter(state, pod, m);
      if (s === undefined || s.code === Code.Success) return { result: r, status: undefined };
      if (s.code === Code.UnschedulableAndUnresolvable) return { result: r, status: s.withPlugin(pl.name) };
      if (!s.isRejected()) return { status: new Status(Code.Error, s.reasons, s.err).withPlugin(pl.name) };
      if (r?.nominatingInfo && r.nominatingInfo.mode !== 'Noop') result = r;
      reasons.push(...s.reasons);
      if (!failed) failed = pl.name;
    }
    return { result, status: new Status(Code.Unschedulable, reasons).withPlugin(failed) };
  }

  /** RunPreScorePlugins: Skip marks the plugin's Score skipped. */
  runPreScorePlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    const skip = new Set<string>();
    for (const pl of this.preScorePlugins) {
      const s = pl.preScore(state, pod, nodes);
      if (s === undefined || s.code === Code.Success) continue;
      if (s.code === Code.Skip) {
        skip.add(pl.name);
        continue;
      }
      return new Status(Code.Error, [`running PreScore plugin "${pl.name}": ${s.message()}`]).withPlugin(pl.name);
    }
    state.skipScorePlugins = skip;
    return undefined;
  }

  /**
   * RunScorePlugins: each plugin scores every node, normalizes, and is weighted; a node's total is the
   * sum. Returns the totals (same order as nodes) and each plugin's scores.
   */
  runScorePlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): { totals: number[]; plugins: PluginScores[] } {
    const totals = new Array<number>(nodes.length).fill(0);
    const out: PluginScores[] = [];
    for (const pl of this.scorePlugins) {
      if (state.skipScorePlugins.has(pl.name)) continue;
      const scores = new Array<number>(nodes.length);
      for (let i = 0; i < nodes.length; i++) scores[i] = pl.score(state, pod, nodes[i]);
      const w = this.weights.get(pl.name) ?? 1;
      // The raw scores are kept for explain; without normalization and weight they are the final ones.
      const raw = pl.normalizeScore || w !== 1 ? scores.slice() : scores;
      if (pl.normalizeScore) {
        const s = pl.normalizeScore(state, pod, scores, nodes);
        if (s && s.code !== SUCCESS) throw new Error(`running Normalize on Score plugins: plugin "${pl.name}" failed with: ${s.message()}`);
      }
      for (let i = 0; i < scores.length; i++) {
        const v = scores[i];
        if (v > MAX_SCORE || v < MIN_SCORE) {
          throw new Error(`applying score defaultWeights on Score plugins: plugin "${pl.name}" returns an invalid score ${v}, it should in the range of [${MIN_SCORE}, ${MAX_SCORE}] after normalizing`);
        }
        scores[i] = v * w;
        totals[i] += scores[i];
      }
      out.push({ plugin: pl.name, weight: w, raw, weighted: scores });
    }
    return { totals, plugins: out };
  }

  /** RunReservePluginsReserve: stops at the first failure. */
  runReservePluginsReserve(state: CycleState, pod: Pod, nodeName: string): Status | undefined {
    for (const pl of this.reservePlugins) {
      const s = pl.reserve(state, pod, nodeName);
      if (s && s.code !== Code.Success) {
        if (s.isRejected()) return s.withPlugin(pl.name);
        return new Status(Code.Error, [`running Reserve plugin "${pl.name}": ${s.message()}`], s.err).withPlugin(pl.name);
      }
    }
    return undefined;
  }

  /** RunReservePluginsUnreserve: in reverse order. */
  runReservePluginsUnreserve(state: CycleState, pod: Pod, nodeName: string): void {
    for (let i = this.reservePlugins.length - 1; i >= 0; i--) this.reservePlugins[i].unreserve(state, pod, nodeName);
  }

  /** RunPreBindPlugins, one after another, each possibly finishing later. */
  runPreBindPlugins(state: CycleState, pod: Pod, nodeName: string, done: (s?: Status) => void): void {
    const next = (i: number): void => {
      if (i >= this.preBindPlugins.length) return done();
      const pl = this.preBindPlugins[i];
      let called = false;
      pl.preBind(state, pod, nodeName, (s) => {
        if (called) return;
        called = true;
        if (s && s.code !== Code.Success) {
          done(s.isRejected() ? s.withPlugin(pl.name)
            : new Status(Code.Error, [`running PreBind plugin "${pl.name}": ${s.message()}`], s.err).withPlugin(pl.name));
        } else next(i + 1);
      });
    };
    next(0);
  }

  /** RunBindPlugins: the first plugin that does not Skip binds. */
  runBindPlugins(state: CycleState, pod: Pod, nodeName: string): Status | undefined {
    for (const pl of this.bindPlugins) {
      const s = pl.bind(state, pod, nodeName);
      if (s && s.code === Code.Skip) continue;
      if (s && s.code !== Code.Success) return new Status(Code.Error, [`running Bind plugin "${pl.name}": ${s.message()}`], s.err).withPlugin(pl.name);
      return undefined;
    }
    return new Status(Code.Error, ['no bind plugin']);
  }
}

/** A fresh cycle state. */
export function newCycleState(): CycleState {
  return new CycleState();
}
