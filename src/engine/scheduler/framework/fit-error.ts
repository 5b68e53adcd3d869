// Why a pod fits nowhere. Models pkg/scheduler/framework/types.go (v1.32: NodeToStatus, Diagnosis,
// FitError.Error) — the text of every FailedScheduling event and PodScheduled=False condition.
import type { NodeInfo } from './types';
import { Code, Status } from './status';

/** Per-node rejection statuses, plus one status standing for every node not listed (NodeToStatus). */
export class NodeToStatus {
  private readonly explicit = new Map<string, Status>();
  private absent: Status;

  constructor(absent?: Status) {
    // NewDefaultNodeToStatus: absent nodes are UnschedulableAndUnresolvable (they were never tried).
    this.absent = absent ?? new Status(Code.UnschedulableAndUnresolvable);
  }

  get(nodeName: string): Status {
    return this.explicit.get(nodeName) ?? this.absent;
  }

  set(nodeName: string, s: Status): void {
    this.explicit.set(nodeName, s);
  }

  has(nodeName: string): boolean {
    return this.explicit.has(nodeName);
  }

  /** Number of nodes with an explicit status. */
  len(): number {
    return this.explicit.size;
  }

  absentNodesStatus(): Status {
    return this.absent;
  }

  setAbsentNodesStatus(s: Status): void {
    this.absent = s;
  }

  /** ForEachExplicitNode, in insertion order. */
  forEachExplicit(fn: (nodeName: string, s: Status) => void): void {
    for (const [n, s] of this.explicit) fn(n, s);
  }

  /** NodesForStatusCode: the nodes (explicit or absent) whose status has the code. */
  nodesForStatusCode(all: readonly NodeInfo[], code: Code): NodeInfo[] {
    if (this.absent.code === code) {
      if (this.explicit.size === 0) return [...all];
      return all.filter((n) => this.get(n.name).code === code);
    }
    const out: NodeInfo[] = [];
    for (const n of all) {
      const s = this.explicit.get(n.name);
      if (s && s.code === code) out.push(n);
    }
    return out;
  }
}

/** Diagnosis: what a failed cycle learnt. */
export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod (Unschedulable / UnschedulableAndUnresolvable): the queue waits for their events. */
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

/** A fresh diagnosis. */
export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), pendingPlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** Diagnosis.AddPluginStatus. */
export function addPluginStatus(d: Diagnosis, s: Status): void {
  if (!s.plugin) return;
  if (s.isRejected()) d.unschedulablePlugins.add(s.plugin);
  if (s.code === Code.Pending) d.pendingPlugins.add(s.plugin);
}

/** NoNodeAvailableMsg. */
export const NO_NODE_AVAILABLE_MSG = (n: number) => `0/${n} nodes are available`;

/** FitError: the pod fits on none of numAllNodes nodes. */
export class FitError {
  constructor(readonly numAllNodes: number, readonly diagnosis: Diagnosis) {}

  /**
   * FitError.Error: "0/3 nodes are available: <PreFilterMsg>." or "0/3 nodes are available: 1 node(s)
   * had untolerated taint {…}, 2 Insufficient cpu." then " <PostFilterMsg>" (which ends with its own
   * period). Reasons are counted per node, "count reason" strings sorted as Go's sort.Strings sorts
   * bytes (so "10 X" comes before "2 Y").
   */
  error(): string {
    let msg = `${NO_NODE_AVAILABLE_MSG(this.numAllNodes)}:`;
    const d = this.diagnosis;
    if (d.preFilterMsg) {
      msg += ` ${d.preFilterMsg}.`;
    } else {
      const reasons = new Map<string, number>();
      d.nodeToStatus.forEachExplicit((_n, s) => {
        for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      });
      const absent = this.numAllNodes - d.nodeToStatus.len();
      if (absent > 0) for (const r of d.nodeToStatus.absentNodesStatus().reasons) reasons.set(r, (reasons.get(r) ?? 0) + absent);
      const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort(byteOrder);
      if (parts.length) msg += ` ${parts.join(', ')}.`;
    }
    if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
    return msg;
  }
}

/** Go's string ordering (bytes; UTF-16 code units agree for the ASCII reasons). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
