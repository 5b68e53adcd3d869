// "Why is this pod here / not scheduled?" The scheduler keeps, for each pod's last scheduling attempt,
// every evaluated node's verdict: which filter rejected it and why, or each score plugin's raw and
// weighted score. A kubesim addition (upstream logs this at -v=10); the UI shows it.
//
// Memory stays bounded: full per-node detail for the most recent attempts only (an LRU), a one-line
// summary for many more pods; both drop the oldest first.
import type { NodeInfo, NodeToStatus, PluginScores, Status } from './framework';
import { CODE_NAMES } from './framework';

/** One node's verdict in an attempt. */
export interface NodeVerdict {
  node: string;
  /** The filter that rejected the node (absent: it passed every filter). */
  filter?: { plugin: string; code: string; reasons: string[] };
  /** Per score plugin: what Score returned, and the normalized score times the plugin's weight. */
  scores?: { plugin: string; raw: number; weighted: number; weight: number }[];
  total?: number;
  /** The node the pod was bound (or nominated) to. */
  selected?: boolean;
}

/** The outcome of a pod's last scheduling attempt. */
export interface SchedulingAttempt {
  pod: string;
  uid: string;
  attempt: number;
  /** Simulated time of the attempt (ms). */
  time: number;
  result: 'Scheduled' | 'Unschedulable' | 'SchedulerError';
  node?: string;
  /** The FailedScheduling message (also the PodScheduled condition's). */
  message?: string;
  numAllNodes: number;
  /** Nodes filtered (percentageOfNodesToScore stops after enough feasible ones). */
  evaluatedNodes: number;
  feasibleNodes: number;
  /** A PreFilter rejection (applies to every node). */
  preFilter?: { plugin: string; reasons: string[] };
  skippedFilterPlugins: string[];
  skippedScorePlugins: string[];
  nominatedNode?: string;
  /** Per-node detail (absent when only the summary was kept). */
  nodes?: NodeVerdict[];
}

/** What the scheduler hands in after an attempt (compact; expanded on demand). */
export interface RawAttempt {
  summary: Omit<SchedulingAttempt, 'nodes'>;
  /** The feasible nodes, in scoring order (names are read when explained). */
  feasible: readonly NodeInfo[];
  statuses?: NodeToStatus;
  scores?: { totals: readonly number[]; plugins: readonly PluginScores[] };
}

function verdictOf(s: Status): NodeVerdict['filter'] {
  return { plugin: s.plugin, code: CODE_NAMES[s.code], reasons: [...s.reasons] };
}

/** Bounded store of attempts. */
export class ExplainRecorder {
  private readonly detail = new Map<string, RawAttempt>();
  private readonly summaries = new Map<string, Omit<SchedulingAttempt, 'nodes'>>();

  constructor(private readonly detailCapacity = 256, private readonly summaryCapacity = 20_000) {}

  // Nearly every attempt skips the same plugins: one frozen list per distinct list, shared.
  private readonly lists = new Map<string, readonly string[]>();

  private shared(list: string[]): string[] {
    const k = list.join(',');
    let hit = this.lists.get(k);
    if (!hit) {
      if (this.lists.size >= 256) this.lists.clear();
      this.lists.set(k, (hit = Object.freeze(list)));
    }
    return hit as string[];
  }

  /** Records a pod's attempt (replacing its previous one). */
  record(podKey: string, a: RawAttempt): void {
    a.summary.skippedFilterPlugins = this.shared(a.summary.skippedFilterPlugins);
    a.summary.skippedScorePlugins = this.shared(a.summary.skippedScorePlugins);
    this.detail.delete(podKey);
    this.detail.set(podKey, a);
    if (this.detail.size > this.detailCapacity) this.detail.delete(this.detail.keys().next().value!);
    this.summaries.delete(podKey);
    this.summaries.set(podKey, a.summary);
    if (this.summaries.size > this.summaryCapacity) this.summaries.delete(this.summaries.keys().next().value!);
  }

  /** Forgets a deleted pod. */
  forget(podKey: string): void {
    this.detail.delete(podKey);
    this.summaries.delete(podKey);
  }

  /** The pod's last attempt, with per-node verdicts when still held. */
  explain(podKey: string): SchedulingAttempt | undefined {
    const raw = this.detail.get(podKey);
    if (!raw) {
      const s = this.summaries.get(podKey);
      return s && { ...s };
    }
    const nodes: NodeVerdict[] = [];
    raw.statuses?.forEachExplicit((n, s) => nodes.push({ node: n, filter: verdictOf(s) }));
    const sc = raw.scores;
    raw.feasible.forEach((ni, i) => {
      const n = ni.name;
      const v: NodeVerdict = { node: n };
      if (sc) {
        v.scores = sc.plugins.map((p) => ({ plugin: p.plugin, raw: p.raw[i], weighted: p.weighted[i], weight: p.weight }));
        v.total = sc.totals[i];
      }
      if (n === raw.summary.node || n === raw.summary.nominatedNode) v.selected = true;
      nodes.push(v);
    });
    nodes.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    return { ...raw.summary, nodes };
  }

  /** Number of detailed records held. */
  size(): number {
    return this.detail.size;
  }
}
