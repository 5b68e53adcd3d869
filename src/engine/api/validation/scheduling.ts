// The scheduling fields of a pod spec: tolerations, affinity, topology spread, node selector terms,
// and node taints (which share the effect checks).
// Models pkg/apis/core/validation/validation.go ValidateTolerations, validateAffinity, ValidateNodeSelector,
// ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement, validatePodAffinityTerm,
// validateTopologySpreadConstraints, validateNodeTaints, validateTaintEffect.
import { FieldError, FieldPath, duplicate, forbidden, invalid, notSupported, required } from '../field';
import type { Affinity, NodeSelectorRequirement, Taint, Toleration } from '../types';
import type { NodeSelector, NodeSelectorTerm, PodAffinityTerm, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from '../types';
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import { validateLabelName, validateLabelSelector } from './objectmeta';
import { goTaint } from './go-syntax';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect. */
export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: FieldPath): FieldError[] {
  if (!allowEmpty && !effect) return [required(path, '')];
  return TAINT_EFFECTS.includes(effect ?? '') ? [] : [notSupported(path, effect ?? '', TAINT_EFFECTS)];
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = path.index(i);
    const op = t.operator ?? '';
    if (t.key) errs.push(...validateLabelName(t.key, p.child('key')));
    if (!t.key && op !== 'Exists') {
      errs.push(invalid(p.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length) errs.push(invalid(p.child('operator'), t.value ?? '', msgs.join(';')));
    } else if (op === 'Exists') {
      if (t.value) errs.push(invalid(p.child('operator'), t.value, 'value must be empty when `operator` is \'Exists\''));
    } else {
      errs.push(notSupported(p.child('operator'), op, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, p.child('effect')));
  });
  return errs;
}

/** validateNodeTaints (Node spec.taints; upstream reports them under metadata.taints). */
export function validateNodeTaints(taints: readonly Taint[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = path.index(i);
    errs.push(...validateLabelName(t.key, p.child('key')));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(p.child('value'), t.value ?? '', msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, p.child('effect')));
    const keys = seen.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      // field.Duplicate with its Detail set afterwards.
      errs.push(new FieldError('FieldValueDuplicate', String(p), goTaint(t), 'taints must be unique by key and effect pair'));
      return;
    }
    keys.add(t.key);
    seen.set(t.effect, keys);
  });
  return errs;
}

/** ValidateNodeSelectorRequirement (matchExpressions of node affinity). */
function validateNodeSelectorRequirement(rq: NodeSelectorRequirement, allowInvalidValues: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In': case 'NotIn':
      if (!values.length) errs.push(required(path.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\''));
      break;
    case 'Exists': case 'DoesNotExist':
      if (values.length) errs.push(forbidden(path.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
      break;
    case 'Gt': case 'Lt':
      if (values.length !== 1) errs.push(required(path.child('values'), 'must be specified single value when `operator` is \'Lt\' or \'Gt\''));
      break;
    default:
      errs.push(invalid(path.child('operator'), rq.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key, path.child('key')));
  if (!allowInvalidValues) values.forEach((v, i) => { for (const m of isValidLabelValue(v)) errs.push(invalid(path.child('values').index(i), v, m)); });
  return errs;
}

/** ValidateNodeFieldSelectorRequirement (matchFields: only metadata.name). */
function validateNodeFieldSelectorRequirement(rq: NodeSelectorRequirement, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1) errs.push(required(path.child('values'), 'must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector'));
  } else {
    errs.push(invalid(path.child('operator'), rq.operator, 'not a valid selector operator'));
  }
  if (rq.key !== 'metadata.name') errs.push(invalid(path.child('key'), rq.key, 'not a valid field selector key'));
  else values.forEach((v, i) => { for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalid(path.child('values').index(i), v, m)); });
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValues: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(r, allowInvalidValues, path.child('matchExpressions').index(j))));
  (term.matchFields ?? []).forEach((r, j) => errs.push(...validateNodeFieldSelectorRequirement(r, path.child('matchFields').index(j))));
  return errs;
}

/** ValidateNodeSelector (requiredDuringScheduling node affinity, PV node affinity). */
export function validateNodeSelector(ns: NodeSelector, allowInvalidValues: boolean, path: FieldPath): FieldError[] {
  const terms = ns.nodeSelectorTerms ?? [];
  if (!terms.length) return [required(path.child('nodeSelectorTerms'), 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, allowInvalidValues, path.child('nodeSelectorTerms').index(i)));
}

function validateLabelKeys(keys: readonly string[] | undefined, sel: LabelSelector | undefined, path: FieldPath): FieldError[] {
  if (!keys || keys.length === 0) return [];
  if (!sel) return [forbidden(path, 'must not be specified when labelSelector is not set')];
  return keys.flatMap((k, i) => validateLabelName(k, path.index(i)));
}

function validatePodAffinityTerm(term: PodAffinityTerm, path: FieldPath): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, {}, path.child('labelSelector'));
  errs.push(...validateLabelSelector(term.namespaceSelector, {}, path.child('namespaceSelector')));
  for (const ns of term.namespaces ?? []) for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(path.child('namespace'), ns, m));
  const t = term as PodAffinityTerm & { matchLabelKeys?: string[]; mismatchLabelKeys?: string[] };
  errs.push(...validateLabelKeys(t.matchLabelKeys, term.labelSelector, path.child('matchLabelKeys')));
  errs.push(...validateLabelKeys(t.mismatchLabelKeys, term.labelSelector, path.child('mismatchLabelKeys')));
  const mismatch = new Set(t.mismatchLabelKeys ?? []);
  (t.matchLabelKeys ?? []).forEach((k, i) => {
    if (mismatch.has(k)) errs.push(invalid(path.child('matchLabelKeys').index(i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  if (!term.topologyKey) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  return errs.concat(validateLabelName(term.topologyKey ?? '', path.child('topologyKey')));
}

type PodAffinityish = NonNullable<Affinity['podAffinity']>;

function validatePodAffinityish(a: PodAffinityish, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) =>
    errs.push(...validatePodAffinityTerm(t, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i))));
  (a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((w, j) => {
    const p = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(j);
    if (w.weight <= 0 || w.weight > 100) errs.push(invalid(p.child('weight'), w.weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(w.podAffinityTerm, p.child('podAffinityTerm')));
  });
  return errs;
}

/** validateAffinity. */
export function validateAffinity(affinity: Affinity | undefined, path: FieldPath): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const np = path.child('nodeAffinity');
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    // Upstream allows invalid label values in required node affinity (a TODO keeps it lenient).
    if (req) errs.push(...validateNodeSelector(req, true, np.child('requiredDuringSchedulingIgnoredDuringExecution')));
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const p = np.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      if (t.weight <= 0 || t.weight > 100) errs.push(invalid(p.child('weight'), t.weight, 'must be in the range 1-100'));
      errs.push(...validateNodeSelectorTerm(t.preference, true, p.child('preference')));
    });
  }
  if (affinity.podAffinity) errs.push(...validatePodAffinityish(affinity.podAffinity, path.child('podAffinity')));
  if (affinity.podAntiAffinity) errs.push(...validatePodAffinityish(affinity.podAntiAffinity, path.child('podAntiAffinity')));
  return errs;
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpreadConstraints(cs: readonly TopologySpreadConstraint[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const list = cs ?? [];
  list.forEach((c, i) => {
    const p = path.index(i);
    if (c.maxSkew <= 0) errs.push(invalid(p.child('maxSkew'), c.maxSkew, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(c.whenUnsatisfiable)) {
      errs.push(notSupported(p.child('whenUnsatisfiable'), c.whenUnsatisfiable, ['DoNotSchedule', 'ScheduleAnyway']));
    }
    if (list.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)) {
      errs.push(duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
    }
    if (c.minDomains !== undefined) {
      if (c.minDomains <= 0) errs.push(invalid(p.child('minDomains'), c.minDomains, 'must be greater than zero'));
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        errs.push(invalid(p.child('minDomains'), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable}`));
      }
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const v = c[f];
      if (v !== undefined && v !== 'Honor' && v !== 'Ignore') errs.push(notSupported(p.child(f), v, ['Honor', 'Ignore']));
    }
    const keys = c.matchLabelKeys ?? [];
    if (keys.length) {
      const sel = c.labelSelector;
      if (!sel) errs.push(forbidden(p.child('matchLabelKeys'), 'must not be specified when labelSelector is not set'));
      const selKeys = new Set([...Object.keys(sel?.matchLabels ?? {}), ...(sel?.matchExpressions ?? []).map((e) => e.key)]);
      keys.forEach((k, j) => {
        errs.push(...validateLabelName(k, p.child('matchLabelKeys').index(j)));
        if (selKeys.has(k)) errs.push(invalid(p.child('matchLabelKeys').index(j), k, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    errs.push(...validateLabelSelector(c.labelSelector, {}, p.child('labelSelector')));
  });
  return errs;
}
