// Node selection terms. Models k8s.io/component-helpers/scheduling/corev1/nodeaffinity
// (NodeSelector, PreferredSchedulingTerms, GetRequiredNodeAffinity): nodeSelector labels AND one of
// the required terms; within a term every expression and field must match; Gt/Lt compare integers.
import type { Node, Pod } from '../../api';

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

const INT = /^[+-]?\d+$/;

function requirementMatches(r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean | undefined {
  const vals = r.values ?? [];
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'In':
      if (vals.length === 0) return undefined;
      return has && vals.includes(labels[r.key]);
    case 'NotIn':
      if (vals.length === 0) return undefined;
      return !has || !vals.includes(labels[r.key]);
    case 'Exists':
      return vals.length ? undefined : has;
    case 'DoesNotExist':
      return vals.length ? undefined : !has;
    case 'Gt': case 'Lt': {
      if (vals.length !== 1 || !INT.test(vals[0])) return undefined;
      if (!has || !INT.test(labels[r.key])) return false;
      const lv = Number.parseInt(labels[r.key], 10);
      const rv = Number.parseInt(vals[0], 10);
      return r.operator === 'Gt' ? lv > rv : lv < rv;
    }
    default:
      return undefined; // an unsupported operator is a parse error: the term matches nothing
  }
}

function fieldMatches(r: NodeSelectorRequirement, nodeName: string): boolean | undefined {
  const vals = r.values ?? [];
  if (vals.length !== 1) return undefined;
  // Only metadata.name is a node field; any other key sees an empty field set.
  const v = r.key === 'metadata.name' ? nodeName : undefined;
  if (r.operator === 'In') return v === vals[0];
  if (r.operator === 'NotIn') return v !== vals[0];
  return undefined;
}

/** nodeSelectorTerm.match: an empty term matches nothing; a term with a parse error never matches. */
export function termMatchesNode(t: NodeSelectorTerm, node: Node): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (requirementMatches(r, labels) !== true) return false;
  const name = node.metadata?.name ?? '';
  // Upstream checks fields only when the node has a name (extractNodeFields).
  if (name) for (const r of fields) if (fieldMatches(r, name) !== true) return false;
  return true;
}

/** NodeSelector.Match: any non-empty term matches. */
export function nodeSelectorMatches(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  for (const t of terms) if (termMatchesNode(t, node)) return true;
  return false;
}

/** RequiredNodeAffinity: the pod's nodeSelector and required node affinity together. */
export class RequiredNodeAffinity {
  private readonly selector?: Readonly<Record<string, string>>;
  private readonly terms?: readonly NodeSelectorTerm[];

  constructor(pod: Pod) {
    const ns = pod.spec?.nodeSelector;
    if (ns && Object.keys(ns).length > 0) this.selector = ns;
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (req) this.terms = (req.nodeSelectorTerms ?? []) as NodeSelectorTerm[];
  }

  /** True when neither a nodeSelector nor required terms constrain the pod. */
  isEmpty(): boolean {
    return !this.selector && !this.terms;
  }

  match(node: Node): boolean {
    if (this.selector) {
      const labels = node.metadata?.labels ?? {};
      for (const k in this.selector) if (labels[k] !== this.selector[k]) return false;
    }
    if (this.terms) return nodeSelectorMatches(this.terms, node);
    return true;
  }
}

/** GetRequiredNodeAffinity. */
export function getRequiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  return new RequiredNodeAffinity(pod);
}

/** PreferredSchedulingTerms.Score: the sum of the weights of the matching preferred terms. */
export function preferredTermsScore(terms: readonly { weight: number; preference: NodeSelectorTerm }[], node: Node): number {
  let score = 0;
  for (const t of terms) {
    if (t.weight === 0) continue;
    if (termMatchesNode(t.preference, node)) score += t.weight;
  }
  return score;
}
