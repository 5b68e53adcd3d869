// Which nodes a DaemonSet's pods belong on, and how its pods are built.
// Models pkg/controller/daemon/util/daemonset_util.go (CreatePodTemplate, AddOrUpdateDaemonPodTolerations,
// ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName, IsPodUpdated, SurgeCount, UnavailableCount,
// GetTemplateGeneration), NodeShouldRunDaemonPod and predicates of daemon_controller.go, and the
// required-node-affinity match of component-helpers/scheduling/corev1/nodeaffinity.
import type { Affinity, DaemonSet, Node, NodeSelectorRequirement, Pod, PodTemplateSpec, Taint, Toleration } from '../../api';

/** extensions.DaemonSetTemplateGenerationKey (pod label). */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** apps.DefaultDaemonSetUniqueLabelKey. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** The annotation the API server keeps the template generation in (apps/v1 conversion). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

type PodSpec = NonNullable<Pod['spec']>;

/** Toleration.MatchToleration: same key, operator, value and effect. */
function matchToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '')
    && (a.effect ?? '') === (b.effect ?? '');
}

/** AddOrUpdateTolerationInPodSpec. */
function addOrUpdateToleration(spec: PodSpec, t: Toleration): void {
  const out: Toleration[] = [];
  let updated = false;
  for (const x of spec.tolerations ?? []) {
    if (matchToleration(t, x)) {
      if ((x.tolerationSeconds ?? null) === (t.tolerationSeconds ?? null)) return;
      out.push(t);
      updated = true;
      continue;
    }
    out.push(x);
  }
  if (!updated) out.push(t);
  spec.tolerations = out;
}

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive node problems — they tolerate not-ready and
 * unreachable (NoExecute, forever), the pressure and unschedulable NoSchedule taints, and
 * network-unavailable when they use the host network.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): void {
  const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  addOrUpdateToleration(spec, exists('node.kubernetes.io/not-ready', 'NoExecute'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/unreachable', 'NoExecute'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/disk-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/memory-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/pid-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/unschedulable', 'NoSchedule'));
  if (spec.hostNetwork) addOrUpdateToleration(spec, exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
}

/** GetTemplateGeneration: the template generation annotation, if it parses. */
export function getTemplateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

/** CreatePodTemplate: the template with the daemon tolerations, generation and hash labels. */
export function createPodTemplate(template: PodTemplateSpec, generation: number | undefined, hash: string): PodTemplateSpec {
  const t: PodTemplateSpec = structuredClone(template);
  t.spec ??= { containers: [] };
  addOrUpdateDaemonPodTolerations(t.spec);
  const m = (t.metadata ??= {});
  const labels = { ...(m.labels ?? {}) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  m.labels = labels;
  return t;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes exactly
 * `metadata.name In [node]` (the controller already checked the user's terms), so the scheduler
 * binds the pod to that node.
 */
export function replaceNodeNameNodeAffinity(affinity: Affinity | undefined, node: string): Affinity {
  const selector = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  const a: Affinity = affinity ? structuredClone(affinity) : {};
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: selector };
  return a;
}

/** GetTargetNodeName: spec.nodeName, or the node of an unscheduled daemon pod's affinity. */
export function getTargetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** IsPodUpdated: the pod has the current hash (or the current template generation). */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

/** intstr.GetScaledValueFromIntOrPercent with rounding up. */
function scaledUp(v: number | string | undefined, total: number): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(v) || 0;
}

/** SurgeCount: maxSurge of a RollingUpdate strategy, scaled to the desired count. */
export function surgeCount(ds: DaemonSet, desired: number): number {
  const ru = ds.spec?.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined;
  return scaledUp(ru?.maxSurge, desired);
}

/** UnavailableCount: maxUnavailable of a RollingUpdate strategy (default 1), scaled up. */
export function unavailableCount(ds: DaemonSet, desired: number): number {
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return 0;
  return scaledUp(ds.spec.updateStrategy.rollingUpdate?.maxUnavailable ?? 1, desired);
}

/** The requirement of a node selector term against a node's labels or fields. */
function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value) || values.length !== 1 || !/^-?\d+$/.test(values[0])) return false;
      return r.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default: return false;
  }
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector labels and any one required term. */
export function requiredNodeAffinityMatches(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => {
    if (!t.matchExpressions?.length && !t.matchFields?.length) return false; // an empty term matches nothing
    return (t.matchExpressions ?? []).every((r) => requirementMatches(r, labels[r.key]))
      && (t.matchFields ?? []).every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name));
  });
}

/** Toleration.ToleratesTaint. */
function tolerates(tol: Toleration, t: Taint): boolean {
  if (tol.effect && tol.effect !== t.effect) return false;
  if (tol.key && tol.key !== t.key) return false;
  const op = tol.operator || 'Equal';
  return op === 'Exists' || (op === 'Equal' && (tol.value ?? '') === (t.value ?? ''));
}

/** FindMatchingUntoleratedTaint over the taints the filter keeps. */
function hasUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], filter: (t: Taint) => boolean): boolean {
  return taints.some((t) => filter(t) && !tolerations.some((tol) => tolerates(tol, t)));
}

/** NewPod: the daemon pod as it would be on the node (template spec, node name, daemon tolerations). */
function newPodSpec(ds: DaemonSet, nodeName: string): PodSpec {
  // A shallow copy is enough: the toleration helpers build new arrays and never edit the template's.
  const spec: PodSpec = { ...ds.spec!.template.spec!, nodeName };
  addOrUpdateDaemonPodTolerations(spec);
  return spec;
}

/**
 * NodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]. The node's name, the pod's node
 * affinity and nodeSelector, and the node's NoSchedule/NoExecute taints decide; a pod already there
 * keeps running while it tolerates the NoExecute ones.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): [boolean, boolean] {
  const name = node.metadata?.name ?? '';
  const tplNode = ds.spec?.template?.spec?.nodeName;
  if (tplNode && tplNode !== name) return [false, false];
  const spec = newPodSpec(ds, name);
  if (!requiredNodeAffinityMatches(spec, node)) return [false, false];
  const taints = node.spec?.taints ?? [];
  const tols = spec.tolerations ?? [];
  if (hasUntoleratedTaint(taints, tols, (t) => t.effect === 'NoExecute' || t.effect === 'NoSchedule')) {
    return [false, !hasUntoleratedTaint(taints, tols, (t) => t.effect === 'NoExecute')];
  }
  return [true, true];
}
