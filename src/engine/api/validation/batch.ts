// Job and CronJob.
// Models pkg/apis/batch/validation/validation.go (validateGeneratedSelector, ValidateJob, validateJobSpec,
// validatePodFailurePolicy, validateSuccessPolicy, ValidateJobSpecUpdate, ValidateCronJobCreate,
// validateCronJobSpec, validateScheduleFormat, validateTimeZone, ValidateJobTemplateSpec) and the options
// pkg/registry/batch/job/strategy.go passes (RequirePrefixedLabels on create; mutable scheduling
// directives while a never-started Job is suspended; ElasticIndexedJob is on).
import { FieldError, FieldPath, GoSyntax, OMIT_VALUE, duplicate, invalid, notSupported, required, tooLong, tooMany } from '../field';
import { labelSelectorAsSelector } from '../labels';
import type { CronJob, Job } from '../types';
import type { JobSpec } from 'kubernetes-types/batch/v1';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain, regexError } from './names';
import { SPEC, validateHasLabel, validateImmutableField, validateLabelSelector, validateNonnegativeField, validateObjectMeta,
  validateObjectMetaUpdate } from './objectmeta';
import { validatePodTemplateSpec } from './pod-spec';
import { goLabelSelector, goStringMap, goStructText } from './go-syntax';
import { parseCronStandard, isKnownTimeZone } from './cron';

type Spec = JobSpec & { managedBy?: string; podReplacementPolicy?: string; backoffLimitPerIndex?: number;
  maxFailedIndexes?: number; successPolicy?: { rules?: { succeededIndexes?: string; succeededCount?: number }[] } };

const HTTP_PATH_FMT = '[A-Za-z0-9/\\-._~%!$&\'()*+,;=:]+';
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);
const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;

/** validation.IsDomainPrefixedPath ("acme.io/foo"). */
export function isDomainPrefixedPath(path: FieldPath, v: string): FieldError[] {
  if (!v) return [required(path, '')];
  const i = v.indexOf('/');
  const host = i < 0 ? v : v.slice(0, i);
  const rest = i < 0 ? '' : v.slice(i + 1);
  if (i < 0 || !host || !rest) return [invalid(path, v, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  if (!HTTP_PATH_RE.test(rest)) return [...errs, invalid(path, rest, regexError('Invalid path', HTTP_PATH_FMT))];
  return errs;
}

const int32s = (vals: readonly number[]) => new GoSyntax(`[]int32{${vals.join(', ')}}`);

function validatePodFailurePolicy(spec: Spec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.podFailurePolicy?.rules ?? [];
  const rp = path.child('rules');
  if (rules.length > 20) errs.push(tooMany(rp, rules.length, 20));
  const names = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name));
  const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
  rules.forEach((rule, i) => {
    const p = rp.index(i);
    // %q of a []string prints ["a" "b"].
    if (!rule.action) errs.push(required(p.child('action'), `valid values: ["${actions.join('" "')}"]`));
    else if (rule.action === 'FailIndex') {
      if (spec.backoffLimitPerIndex === undefined) errs.push(invalid(p.child('action'), rule.action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!actions.includes(rule.action)) errs.push(notSupported(p.child('action'), rule.action, actions));
    const oe = rule.onExitCodes;
    if (oe) {
      const op = p.child('onExitCodes');
      if (!oe.operator) errs.push(required(op.child('operator'), 'valid values: ["In" "NotIn"]'));
      else if (oe.operator !== 'In' && oe.operator !== 'NotIn') errs.push(notSupported(op.child('operator'), oe.operator, ['In', 'NotIn']));
      if (oe.containerName !== undefined && !names.has(oe.containerName)) {
        errs.push(invalid(op.child('containerName'), oe.containerName, 'must be one of the container or initContainer names in the pod template'));
      }
      const vals = oe.values ?? [];
      if (!vals.length) errs.push(invalid(op.child('values'), int32s(vals), 'at least one value is required'));
      else if (vals.length > 255) errs.push(tooMany(op.child('values'), vals.length, 255));
      const seen = new Set<number>();
      let ordered = true;
      vals.forEach((v, j) => {
        if (oe.operator === 'In' && v === 0) errs.push(invalid(op.child('values').index(j), v, 'must not be 0 for the In operator'));
        if (seen.has(v)) errs.push(duplicate(op.child('values').index(j), v));
        seen.add(v);
        if (j > 0 && vals[j - 1] > v) ordered = false;
      });
      if (!ordered) errs.push(invalid(op.child('values'), int32s(vals), 'must be ordered'));
    }
    (rule.onPodConditions ?? []).forEach((pc, j) => {
      const pp = p.child('onPodConditions').index(j);
      errs.push(...isQualifiedName(pc.type).map((m) => invalid(pp.child('type'), pc.type, m)));
      if (!pc.status) errs.push(required(pp.child('status'), 'valid values: ["False" "True" "Unknown"]'));
      else if (!['False', 'True', 'Unknown'].includes(pc.status)) errs.push(notSupported(pp.child('status'), pc.status, ['False', 'True', 'Unknown']));
    });
    const hasConds = (rule.onPodConditions ?? []).length > 0;
    if (oe && hasConds) errs.push(invalid(p, OMIT_VALUE, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!oe && !hasConds) errs.push(invalid(p, OMIT_VALUE, 'specifying one of OnExitCodes and OnPodConditions is required'));
  });
  return errs;
}

// validateSuccessPolicy (succeededIndexes syntax is not parsed here; a deviation).
function validateSuccessPolicy(spec: Spec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.successPolicy?.rules ?? [];
  const rp = path.child('rules');
  if (!rules.length) errs.push(required(rp, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > 20) errs.push(tooMany(rp, rules.length, 20));
  rules.forEach((r, i) => {
    const p = rp.index(i);
    if (r.succeededCount === undefined && r.succeededIndexes === undefined) {
      errs.push(required(p, 'at least one of succeededCount or succeededIndexes must be specified'));
    }
    if (r.succeededCount !== undefined) {
      errs.push(...validateNonnegativeField(r.succeededCount, p.child('succeededCount')));
      if (r.succeededCount > (spec.completions ?? 0)) {
        errs.push(invalid(p.child('succeededCount'), r.succeededCount, `must be less than or equal to ${spec.completions ?? 0} (the number of specified completions)`));
      }
    }
  });
  return errs;
}

/** validateJobSpec: what Jobs and CronJob job templates share. */
function validateJobSpec(spec: Spec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex'] as const) {
    if (spec[f] !== undefined && spec[f] !== null) errs.push(...validateNonnegativeField(spec[f]!, path.child(f)));
  }
  if (spec.maxFailedIndexes !== undefined) {
    errs.push(...validateNonnegativeField(spec.maxFailedIndexes, path.child('maxFailedIndexes')));
    if (spec.backoffLimitPerIndex === undefined) errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (spec.managedBy !== undefined) {
    errs.push(...isDomainPrefixedPath(path.child('managedBy'), spec.managedBy));
    if (spec.managedBy.length > 63) errs.push(tooLong(path.child('managedBy'), '', 63));
  }
  const mode = spec.completionMode;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions === undefined || spec.completions === null) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if ((spec.parallelism ?? 0) > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(path.child('parallelism'), spec.parallelism!, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
      if (spec.completions !== undefined && spec.maxFailedIndexes !== undefined && spec.maxFailedIndexes > spec.completions) {
        errs.push(invalid(path.child('maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'));
      }
      if ((spec.maxFailedIndexes ?? 0) > MAX_FAILED_INDEXES) {
        errs.push(invalid(path.child('maxFailedIndexes'), spec.maxFailedIndexes!, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex !== undefined) errs.push(invalid(path.child('backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (spec.maxFailedIndexes !== undefined) errs.push(invalid(path.child('maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode'));
  }
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, path.child('podFailurePolicy')));
  if (spec.successPolicy) {
    if (mode !== 'Indexed') errs.push(invalid(path.child('successPolicy'), new GoSyntax(goStructText('batch.SuccessPolicy', spec.successPolicy)), 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(spec, path.child('successPolicy')));
  }
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined) {
    if (spec.podFailurePolicy) {
      if (prp !== 'Failed') errs.push(notSupported(path.child('podReplacementPolicy'), prp, ['Failed']));
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed') {
      errs.push(notSupported(path.child('podReplacementPolicy'), prp, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, path.child('template')));
  const rp = spec.template?.spec?.restartPolicy ?? '';
  const rpp = path.child('template', 'spec', 'restartPolicy');
  // Defaulting turns an unset restartPolicy into Always, so both read as "missing" here.
  if (rp === 'Always' || rp === '') errs.push(required(rpp, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpp, rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpp, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** ValidateJobSpec: validateJobSpec plus the selector. */
function validateJobSpecWithSelector(spec: Spec, path: FieldPath): FieldError[] {
  const errs = validateJobSpec(spec, path);
  if (!spec.selector) errs.push(required(path.child('selector'), ''));
  else errs.push(...validateLabelSelector(spec.selector, {}, path.child('selector')));
  try {
    const sel = labelSelectorAsSelector(spec.selector);
    if (!sel.matches(spec.template?.metadata?.labels)) {
      errs.push(invalid(path.child('template', 'metadata', 'labels'), goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
    }
  } catch {
    // An unparsable selector has been reported above.
  }
  return errs;
}

/** ValidateJob (create): the generated selector and labels must be in place (the registry generates them). */
export function validateJob(job: Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  const spec = (job.spec ?? {}) as Spec;
  if (spec.manualSelector !== true && spec.selector) {
    const uid = job.metadata?.uid ?? '';
    const name = job.metadata?.name ?? '';
    const tm = SPEC.child('template', 'metadata');
    if (!uid) errs.push(required(FieldPath.root('metadata').child('uid'), ''));
    const meta = spec.template?.metadata;
    errs.push(...validateHasLabel(meta, tm, 'controller-uid', uid), ...validateHasLabel(meta, tm, 'job-name', name));
    errs.push(...validateHasLabel(meta, tm, 'batch.kubernetes.io/controller-uid', uid), ...validateHasLabel(meta, tm, 'batch.kubernetes.io/job-name', name));
    const expected = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
    try {
      if (!labelSelectorAsSelector(spec.selector).matches(expected)) {
        errs.push(invalid(SPEC.child('selector'), goLabelSelector(spec.selector), '`selector` not auto-generated'));
      }
    } catch {
      // reported by the selector validation
    }
  }
  errs.push(...validateJobSpecWithSelector(spec, SPEC));
  if (spec.completionMode === 'Indexed' && (spec.completions ?? 0) > 0) {
    const host = `${job.metadata?.name ?? ''}-${spec.completions! - 1}`;
    if (isDNS1123Label(host).length) {
      errs.push(invalid(FieldPath.root('metadata').child('name'), job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

/** ValidateJobUpdate: the template is immutable (unless suspended and never started), and more. */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  const spec = (job.spec ?? {}) as Spec;
  const prev = (old.spec ?? {}) as Spec;
  errs.push(...validateJobSpecWithSelector(spec, SPEC));
  const indexed = spec.completionMode === 'Indexed';
  if (!indexed) {
    errs.push(...validateImmutableField(spec.completions ?? null, prev.completions ?? null, SPEC.child('completions')));
  } else if ((spec.completions ?? null) !== (prev.completions ?? null) && spec.completions !== undefined && spec.completions !== spec.parallelism) {
    errs.push(invalid(SPEC.child('completions'), spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  errs.push(...validateImmutableField(spec.selector ?? null, prev.selector ?? null, SPEC.child('selector'), goLabelSelector(spec.selector)));
  let template = spec.template;
  let oldTemplate = prev.template;
  if (prev.suspend === true && !old.status?.startTime) {
    // Node affinity, node selector, tolerations, labels, annotations and scheduling gates may change.
    const strip = (t: typeof template) => {
      const c = structuredClone(t ?? {}) as NonNullable<typeof template> & { spec?: Record<string, unknown> };
      if (c.metadata) { delete c.metadata.labels; delete c.metadata.annotations; }
      if (c.spec) {
        for (const k of ['nodeSelector', 'tolerations', 'schedulingGates']) delete c.spec[k];
        const aff = c.spec.affinity as Record<string, unknown> | undefined;
        if (aff) { delete aff.nodeAffinity; if (Object.keys(aff).length === 0) delete c.spec.affinity; }
      }
      return c;
    };
    template = strip(template);
    oldTemplate = strip(oldTemplate);
  }
  errs.push(...validateImmutableField(template ?? null, oldTemplate ?? null, SPEC.child('template'),
    new GoSyntax(goStructText('core.PodTemplateSpec', spec.template))));
  errs.push(...validateImmutableField(spec.completionMode ?? null, prev.completionMode ?? null, SPEC.child('completionMode')));
  errs.push(...validateImmutableField(spec.podFailurePolicy ?? null, prev.podFailurePolicy ?? null, SPEC.child('podFailurePolicy'),
    spec.podFailurePolicy ? new GoSyntax(goStructText('batch.PodFailurePolicy', spec.podFailurePolicy)) : null));
  errs.push(...validateImmutableField(spec.backoffLimitPerIndex ?? null, prev.backoffLimitPerIndex ?? null, SPEC.child('backoffLimitPerIndex')));
  errs.push(...validateImmutableField(spec.managedBy ?? null, prev.managedBy ?? null, SPEC.child('managedBy')));
  errs.push(...validateImmutableField(spec.successPolicy ?? null, prev.successPolicy ?? null, SPEC.child('successPolicy'),
    spec.successPolicy ? new GoSyntax(goStructText('batch.SuccessPolicy', spec.successPolicy)) : null));
  return errs;
}

/** ValidateJobUpdateStatus (the counters only). */
export function validateJobStatusUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  const s = job.status ?? {};
  const sp = FieldPath.root('status');
  for (const f of ['active', 'succeeded', 'failed', 'ready', 'terminating'] as const) {
    if (s[f] !== undefined) errs.push(...validateNonnegativeField(s[f]!, sp.child(f)));
  }
  return errs;
}

const validTimeZoneChars = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(tz: string | undefined, path: FieldPath): FieldError[] {
  if (tz === undefined) return [];
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !validTimeZoneChars.test(part)) return [invalid(path, tz, `unknown time zone ${tz}`)];
  }
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local') errs.push(invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  else if (!isKnownTimeZone(tz)) errs.push(invalid(path, tz, `unknown time zone ${tz}`));
  return errs;
}

/** ValidateJobTemplateSpec: a CronJob's job template; its selector is always generated. */
function validateJobTemplateSpec(t: NonNullable<CronJob['spec']>['jobTemplate'] | undefined, path: FieldPath): FieldError[] {
  const spec = (t?.spec ?? {}) as Spec;
  const errs = validateJobSpec(spec, path.child('spec'));
  if (spec.selector) errs.push(invalid(path.child('spec', 'selector'), goLabelSelector(spec.selector), '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported(path.child('spec', 'manualSelector'), true, ['nil', 'false']));
  return errs;
}

function validateCronJobSpec(cj: CronJob, old: CronJob | undefined): FieldError[] {
  const s = cj.spec ?? ({} as NonNullable<CronJob['spec']>);
  const errs: FieldError[] = [];
  const sp = SPEC.child('schedule');
  if (!s.schedule) errs.push(required(sp, ''));
  else {
    const err = parseCronStandard(s.schedule);
    if (err) errs.push(invalid(sp, s.schedule, err));
    const allowTZ = (old?.spec?.schedule ?? '').includes('TZ');
    if (allowTZ && s.schedule.includes('TZ') && s.timeZone !== undefined) {
      errs.push(invalid(sp, s.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && s.schedule.includes('TZ')) {
      errs.push(invalid(sp, s.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  if (s.startingDeadlineSeconds !== undefined) errs.push(...validateNonnegativeField(s.startingDeadlineSeconds, SPEC.child('startingDeadlineSeconds')));
  if (!old || old.spec?.timeZone !== s.timeZone) errs.push(...validateTimeZone(s.timeZone, SPEC.child('timeZone')));
  const cp = s.concurrencyPolicy ?? '';
  if (!cp) errs.push(required(SPEC.child('concurrencyPolicy'), ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(SPEC.child('concurrencyPolicy'), cp, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(s.jobTemplate, SPEC.child('jobTemplate')));
  if (s.successfulJobsHistoryLimit !== undefined) errs.push(...validateNonnegativeField(s.successfulJobsHistoryLimit, SPEC.child('successfulJobsHistoryLimit')));
  if (s.failedJobsHistoryLimit !== undefined) errs.push(...validateNonnegativeField(s.failedJobsHistoryLimit, SPEC.child('failedJobsHistoryLimit')));
  return errs;
}

/** ValidateCronJobCreate: the name leaves room for the 11-character suffix of its Jobs. */
export function validateCronJob(cj: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(cj, undefined));
  const name = cj.metadata?.name ?? '';
  if (name.length > 52) errs.push(invalid(FieldPath.root('metadata').child('name'), name, 'must be no more than 52 characters'));
  return errs;
}

/** ValidateCronJobUpdate (no name-length rule, so old long names stay editable). */
export function validateCronJobUpdate(cj: CronJob, old: CronJob): FieldError[] {
  return [...validateObjectMetaUpdate(cj.metadata, old.metadata), ...validateCronJobSpec(cj, old)];
}

/**
 * The Job registry's generateSelector (PrepareForCreate when manualSelector is not true): adds the
 * job-name and controller-uid labels (legacy and batch.kubernetes.io/ forms) to the pod template unless
 * set, and selects batch.kubernetes.io/controller-uid. Mutates `job`; validation then checks the result.
 * Models pkg/registry/batch/job/strategy.go generateSelector.
 */
export function generateJobSelector(job: Job): void {
  const spec = (job.spec ??= { template: {} });
  if (spec.manualSelector === true) return;
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  spec.template.metadata ??= {};
  const labels = (spec.template.metadata.labels ??= {});
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) if (!(k in labels)) labels[k] = name;
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) if (!(k in labels)) labels[k] = uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  if (!('batch.kubernetes.io/controller-uid' in spec.selector.matchLabels)) spec.selector.matchLabels['batch.kubernetes.io/controller-uid'] = uid;
}
