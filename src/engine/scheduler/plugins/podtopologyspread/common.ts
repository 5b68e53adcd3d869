// Models pkg/scheduler/framework/plugins/podtopologyspread/common.go and plugins/helper/spread.go
// (v1.32): the constraints a pod spreads by — its own, or (system defaulting) hostname maxSkew 3 and
// zone maxSkew 5, both ScheduleAnyway, over the pods its Services and controller select.
import type { Pod, Node, Service, ReplicaSet, StatefulSet, Selector, LabelSelector } from '../../../api';
import { labelSelectorAsSelector, controllerOf } from '../../../api';
import type { Lister } from '../../../client';
import { andSelectors, findMatchingUntoleratedTaint, isDoNotScheduleTaint, setSelector, type RequiredNodeAffinity } from '../../framework';

/** A parsed constraint (topologySpreadConstraint). */
export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

interface RawConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: LabelSelector;
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}

/** systemDefaultConstraints. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly RawConstraint[] = [
  { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** LabelHostname. */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';

/** matchNodeInclusionPolicies: with Honor, a node must match the pod's required affinity / tolerate its taints to count. */
export function matchNodeInclusionPolicies(c: SpreadConstraint, pod: Pod, node: Node, req: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !req.match(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findMatchingUntoleratedTaint(node.spec?.taints ?? [], pod.spec?.tolerations, isDoNotScheduleTaint)) return false;
  return true;
}

/** nodeLabelsMatchSpreadConstraints: the node has every constraint's topology key. */
export function nodeLabelsMatchSpreadConstraints(labels: Readonly<Record<string, string>>, cs: readonly SpreadConstraint[]): boolean {
  for (const c of cs) if (!(c.topologyKey in labels)) return false;
  return true;
}

/** filterTopologySpreadConstraints: the constraints with this whenUnsatisfiable, matchLabelKeys merged into the selector. */
export function filterConstraints(cs: readonly RawConstraint[], podLabels: Readonly<Record<string, string>> | undefined,
  action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of cs) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = labelSelectorAsSelector(c.labelSelector);
    if (c.matchLabelKeys?.length) {
      const set: Record<string, string> = {};
      for (const k of c.matchLabelKeys) if (podLabels && k in podLabels) set[k] = podLabels[k];
      if (Object.keys(set).length) selector = andSelectors(setSelector(set), selector);
    }
    out.push({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore' });
  }
  return out;
}

/** The listers DefaultSelector reads. */
export interface SpreadListers {
  services: Lister<Service>;
  replicationControllers: Lister<{ metadata?: { name?: string }; spec?: { selector?: Record<string, string> } }>;
  replicaSets: Lister<ReplicaSet>;
  statefulSets: Lister<StatefulSet>;
}

/**
 * DefaultSelector: the union of the selectors of the Services selecting the pod, and of its
 * controlling ReplicationController, ReplicaSet or StatefulSet.
 */
export function defaultSelector(pod: Pod, l: SpreadListers): Selector {
  const ns = pod.metadata?.namespace ?? '';
  const labels = pod.metadata?.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of l.services.list(ns)) {
    const sel = svc.spec?.selector;
    if (!sel) continue;
    let match = true;
    for (const k in sel) if (labels[k] !== sel[k]) { match = false; break; }
    if (match) Object.assign(set, sel);
  }
  let selector = setSelector(set);
  const owner = controllerOf(pod);
  if (!owner) return selector;
  if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
    const rc = l.replicationControllers.get(ns, owner.name);
    if (rc) selector = setSelector({ ...set, ...(rc.spec?.selector ?? {}) });
  } else if (owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet')) {
    const ctl = owner.kind === 'ReplicaSet' ? l.replicaSets.get(ns, owner.name) : l.statefulSets.get(ns, owner.name);
    if (ctl) {
      try {
        selector = andSelectors(selector, labelSelectorAsSelector(ctl.spec?.selector));
      } catch {
        // an unparsable selector adds nothing
      }
    }
  }
  return selector;
}
