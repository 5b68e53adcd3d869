// Deployment, ReplicaSet, DaemonSet, StatefulSet.
// Models pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateRollingUpdateDeployment,
// ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec,
// ValidateRollingUpdateDaemonSet, ValidateStatefulSetSpec, ValidateStatefulSetUpdate, the status checks) and
// the apps/v1 selector immutability of pkg/registry/apps/{deployment,replicaset,daemonset}/strategy.go.
// Note: upstream does not validate a StatefulSet's pod spec or volumeClaimTemplates at all; the
// controller's pod and PVC creations fail later instead. We keep that.
import { FieldError, FieldPath, GoSyntax, forbidden, goQuote, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta';
import { labelSelectorAsSelector, type Selector } from '../labels';
import type { DaemonSet, Deployment, LabelSelector, PodTemplateSpec, ReplicaSet, StatefulSet } from '../types';
import { isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import { SPEC, STATUS, validateAnnotations, validateImmutableField, validateLabelSelector, validateLabels, validateNonnegativeField,
  validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validatePodSpecificAnnotations, validatePodTemplateSpec } from './pod-spec';
import { goIntOrString, goLabelSelector, goStringMap } from './go-syntax';

type IntOrString = number | string | undefined;

/** %#v of a strategy struct: its type and a typed (nil or set) RollingUpdate pointer. */
function goStrategy(typeName: string, rollingType: string, s: { type?: string; rollingUpdate?: unknown }): GoSyntax {
  const ru = s.rollingUpdate ? `(*${rollingType})(0xc000000000)` : `(*${rollingType})(nil)`;
  return new GoSyntax(`${typeName}{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`);
}

function selectorOf(sel: LabelSelector | undefined): Selector | undefined {
  try {
    return labelSelectorAsSelector(sel);
  } catch {
    return undefined; // LabelSelectorAsSelector failed
  }
}

/** ValidatePositiveIntOrPercent: an int ≥ 0 or a "N%" string. */
function validatePositiveIntOrPercent(v: IntOrString, path: FieldPath): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, goIntOrString(v), m));
  return validateNonnegativeField(v ?? 0, path);
}

/** getIntOrPercentValue: "25%" → 25; a non-percent string counts via Atoi (0 when not a number). */
function intOrPercentValue(v: IntOrString): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (/^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}

function isNotMoreThan100Percent(v: IntOrString, path: FieldPath): FieldError[] {
  if (typeof v !== 'string' || !/^[0-9]+%$/.test(v) || Number(v.slice(0, -1)) <= 100) return [];
  return [invalid(path, goIntOrString(v), 'must not be greater than 100%')];
}

/** ValidatePodTemplateSpecForReplicaSet (also Deployments): labels must match the selector, restartPolicy Always. */
function validateTemplateForReplicaSet(t: PodTemplateSpec | undefined, sel: Selector, path: FieldPath): FieldError[] {
  if (!t) return [required(path, '')];
  const errs: FieldError[] = [];
  if (!sel.empty() && !sel.matches(t.metadata?.labels)) {
    errs.push(invalid(path.child('metadata', 'labels'), goStringMap(t.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(t, path));
  const rp = t.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), rp, ['Always']));
  if (t.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

// The selector checks ReplicaSet and Deployment share ("deployment" in both messages, as upstream).
function validateWorkloadSelector(sel: LabelSelector | undefined, template: PodTemplateSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const sp = SPEC.child('selector');
  if (!sel) errs.push(required(sp, ''));
  else {
    errs.push(...validateLabelSelector(sel, {}, sp));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      errs.push(invalid(sp, goLabelSelector(sel), 'empty selector is invalid for deployment'));
    }
  }
  const s = selectorOf(sel);
  if (!s) errs.push(invalid(sp, goLabelSelector(sel), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(template, s, SPEC.child('template')));
  return errs;
}

/** ValidateDeployment / ValidateDeploymentSpec. */
export function validateDeployment(d: Deployment): FieldError[] {
  const errs = validateObjectMeta(d.metadata, true, nameIsDNSSubdomain);
  const s = d.spec ?? ({} as NonNullable<Deployment['spec']>);
  errs.push(...validateNonnegativeField(s.replicas ?? 0, SPEC.child('replicas')));
  errs.push(...validateWorkloadSelector(s.selector, s.template));
  const strat = s.strategy ?? {};
  const sp = SPEC.child('strategy');
  if (strat.type === 'Recreate') {
    if (strat.rollingUpdate) errs.push(forbidden(sp.child('rollingUpdate'), 'may not be specified when strategy `type` is \'Recreate\''));
  } else if (strat.type === 'RollingUpdate') {
    const ru = strat.rollingUpdate;
    if (!ru) errs.push(required(sp.child('rollingUpdate'), 'this should be defaulted and never be nil'));
    else {
      const rp = sp.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(rp.child('maxUnavailable'), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
    }
  } else {
    errs.push(notSupported(sp, goStrategy('apps.DeploymentStrategy', 'apps.RollingUpdateDeployment', strat), ['Recreate', 'RollingUpdate']));
  }
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, SPEC.child('minReadySeconds')));
  if (s.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(s.revisionHistoryLimit, SPEC.child('revisionHistoryLimit')));
  const pds = s.progressDeadlineSeconds;
  if (pds !== undefined) {
    errs.push(...validateNonnegativeField(pds, SPEC.child('progressDeadlineSeconds')));
    if (pds <= (s.minReadySeconds ?? 0)) errs.push(invalid(SPEC.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

function selectorImmutable(sel: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  return validateImmutableField(sel ?? null, old ?? null, SPEC.child('selector'), goLabelSelector(sel));
}

/** ValidateDeploymentUpdate + the apps/v1 selector immutability of the registry. */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  const errs = validateObjectMetaUpdate(d.metadata, old.metadata);
  errs.push(...validateDeployment(d).filter((e) => !e.field.startsWith('metadata.')));
  return errs.concat(selectorImmutable(d.spec?.selector, old.spec?.selector));
}

/** ValidateReplicaSet / ValidateReplicaSetSpec. */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain);
  const s = rs.spec ?? ({} as NonNullable<ReplicaSet['spec']>);
  errs.push(...validateNonnegativeField(s.replicas ?? 0, SPEC.child('replicas')));
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, SPEC.child('minReadySeconds')));
  return errs.concat(validateWorkloadSelector(s.selector, s.template));
}

/** ValidateReplicaSetUpdate + selector immutability. */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const errs = validateObjectMetaUpdate(rs.metadata, old.metadata);
  errs.push(...validateReplicaSet(rs).filter((e) => !e.field.startsWith('metadata.')));
  return errs.concat(selectorImmutable(rs.spec?.selector, old.spec?.selector));
}

/** ValidateDaemonSet / ValidateDaemonSetSpec. A missing selector shows only as a label mismatch, as upstream. */
export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const errs = validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain);
  const s = ds.spec ?? ({} as NonNullable<DaemonSet['spec']>);
  const sp = SPEC.child('selector');
  errs.push(...validateLabelSelector(s.selector, {}, sp));
  const sel = selectorOf(s.selector);
  if (sel && !sel.matches(s.template?.metadata?.labels)) {
    errs.push(invalid(SPEC.child('template', 'metadata', 'labels'), goStringMap(s.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  if (s.selector && Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0) {
    errs.push(invalid(sp, goLabelSelector(s.selector), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(s.template, SPEC.child('template')));
  const rp = s.template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(SPEC.child('template', 'spec', 'restartPolicy'), rp, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(SPEC.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, SPEC.child('minReadySeconds')));
  const us = s.updateStrategy ?? {};
  const up = SPEC.child('updateStrategy');
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (!ru) errs.push(required(up.child('rollingUpdate'), ''));
    else {
      const rp2 = up.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp2.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp2.child('maxSurge')));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp2.child('maxUnavailable')));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, rp2.child('maxSurge')));
      const hasU = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasS = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasU && hasS) errs.push(invalid(rp2.child('maxSurge'), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      if (!hasU && !hasS) errs.push(required(rp2.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us.type !== 'OnDelete') {
    errs.push(notSupported(up, goStrategy('apps.DaemonSetUpdateStrategy', 'apps.RollingUpdateDaemonSet', us), ['RollingUpdate', 'OnDelete']));
  }
  if (s.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(s.revisionHistoryLimit, SPEC.child('revisionHistoryLimit')));
  return errs;
}

/** The DaemonSet strategy's ValidateUpdate: ValidateDaemonSet, ValidateDaemonSetUpdate, selector immutability. */
export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  const errs = validateDaemonSet(ds);
  errs.push(...validateObjectMetaUpdate(ds.metadata, old.metadata));
  errs.push(...validateDaemonSet(ds).filter((e) => !e.field.startsWith('metadata.')));
  return errs.concat(selectorImmutable(ds.spec?.selector, old.spec?.selector));
}

function validateStatefulSetSpec(s: NonNullable<StatefulSet['spec']>): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = s.podManagementPolicy ?? '';
  if (!pmp) errs.push(required(SPEC.child('podManagementPolicy'), ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(SPEC.child('podManagementPolicy'), pmp, 'must be \'OrderedReady\' or \'Parallel\''));
  const us = s.updateStrategy ?? {};
  const up = SPEC.child('updateStrategy');
  if (!us.type) errs.push(required(up, ''));
  else if (us.type === 'OnDelete') {
    if (us.rollingUpdate) {
      errs.push(invalid(up.child('rollingUpdate'), new GoSyntax(`apps.RollingUpdateStatefulSetStrategy{Partition:${
        us.rollingUpdate.partition ?? 0}, MaxUnavailable:(*intstr.IntOrString)(nil)}`), 'only allowed for updateStrategy \'RollingUpdate\''));
    }
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate) errs.push(...validateNonnegativeField(us.rollingUpdate.partition ?? 0, up.child('rollingUpdate', 'partition')));
  } else {
    errs.push(invalid(up, goStrategy('apps.StatefulSetUpdateStrategy', 'apps.RollingUpdateStatefulSetStrategy', us),
      'must be \'RollingUpdate\' or \'OnDelete\''));
  }
  const pol = s.persistentVolumeClaimRetentionPolicy;
  if (pol) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = pol[f] ?? '';
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(SPEC.child('persistentVolumeClaimRetentionPolicy', f), v, ['Retain', 'Delete']));
    }
  }
  errs.push(...validateNonnegativeField(s.replicas ?? 0, SPEC.child('replicas')));
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, SPEC.child('minReadySeconds')));
  if (s.ordinals) errs.push(...validateNonnegativeField(s.ordinals.start ?? 0, SPEC.child('ordinals.start')));
  const sp = SPEC.child('selector');
  if (!s.selector) errs.push(required(sp, ''));
  else {
    errs.push(...validateLabelSelector(s.selector, {}, sp));
    if (Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid(sp, goLabelSelector(s.selector), 'empty selector is invalid for statefulset'));
    }
  }
  const sel = selectorOf(s.selector);
  const tp = SPEC.child('template');
  if (!sel) errs.push(invalid(sp, goLabelSelector(s.selector), ''));
  else {
    const labels = s.template?.metadata?.labels;
    if (!sel.empty() && !sel.matches(labels)) errs.push(invalid(tp.child('metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
    errs.push(...validateLabels(labels, tp.child('labels')));
    errs.push(...validateAnnotations(s.template?.metadata?.annotations, tp.child('annotations')));
    errs.push(...validatePodSpecificAnnotations(s.template?.metadata?.annotations, s.template?.spec, tp.child('annotations')));
  }
  const rp = s.template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(tp.child('spec', 'restartPolicy'), rp, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(tp.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** ValidateStatefulSet: the name must be a DNS label (pods take it plus "-N" as hostname). */
export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  return [...validateObjectMeta(sts.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(sts.spec ?? ({} as NonNullable<StatefulSet['spec']>))];
}

const STS_UPDATABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'] as const;

/** ValidateStatefulSetUpdate: only replicas, ordinals, template, updateStrategy, retention policy, minReadySeconds. */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = validateObjectMetaUpdate(sts.metadata, old.metadata);
  errs.push(...validateStatefulSetSpec(sts.spec ?? ({} as NonNullable<StatefulSet['spec']>)));
  const next = { ...(sts.spec ?? {}) } as Record<string, unknown>;
  const prev = (old.spec ?? {}) as Record<string, unknown>;
  for (const k of STS_UPDATABLE) {
    if (k in prev) next[k] = prev[k];
    else delete next[k];
  }
  if (!deepEqual(next, prev)) {
    errs.push(forbidden(SPEC, 'updates to statefulset spec for fields other than \'replicas\', \'ordinals\', \'template\', \'updateStrategy\', \'persistentVolumeClaimRetentionPolicy\' and \'minReadySeconds\' are forbidden'));
  }
  return errs;
}

type ReplicaStatus = { replicas?: number; readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number;
  currentReplicas?: number; fullyLabeledReplicas?: number; observedGeneration?: number; collisionCount?: number };

/** The status checks shared by Deployment, ReplicaSet and StatefulSet status updates. */
export function validateReplicaStatus(status: ReplicaStatus | undefined, old: ReplicaStatus | undefined): FieldError[] {
  const s = status ?? {};
  const errs: FieldError[] = [];
  for (const f of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'currentReplicas', 'fullyLabeledReplicas',
    'observedGeneration', 'collisionCount'] as const) {
    if (s[f] !== undefined) errs.push(...validateNonnegativeField(s[f]!, STATUS.child(f)));
  }
  const replicas = s.replicas ?? 0;
  for (const f of ['updatedReplicas', 'readyReplicas', 'availableReplicas', 'currentReplicas', 'fullyLabeledReplicas'] as const) {
    if ((s[f] ?? 0) > replicas) errs.push(invalid(STATUS.child(f), s[f]!, 'cannot be greater than status.replicas'));
  }
  if ((s.availableReplicas ?? 0) > (s.readyReplicas ?? 0)) errs.push(invalid(STATUS.child('availableReplicas'), s.availableReplicas!, 'cannot be greater than readyReplicas'));
  if (old?.collisionCount !== undefined && (s.collisionCount === undefined || s.collisionCount < old.collisionCount)) {
    errs.push(invalid(STATUS.child('collisionCount'), s.collisionCount ?? 0, 'cannot be decremented'));
  }
  return errs;
}

/** The status-subresource update of an apps kind. */
export function validateAppsStatusUpdate(obj: { metadata?: Deployment['metadata']; status?: ReplicaStatus },
  old: { metadata?: Deployment['metadata']; status?: ReplicaStatus }): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateReplicaStatus(obj.status, old.status)];
}
