// batch/v1 defaults.
// Models pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob,
// SetDefaults_PodFailurePolicyOnPodConditionsPattern) and pkg/apis/batch/v1/zz_generated.defaults.go.
import { type Obj, isObj, child, objAt, objects, defaultPtr, defaultString } from './util';
import { defaultPodTemplateSpec } from './pod-spec';

/** math.MaxInt32: the backoffLimit a Job with backoffLimitPerIndex gets. */
const MAX_INT32 = 2147483647;

/**
 * SetDefaults_Job. The selector and its controller-uid labels are not defaults: the job registry
 * generates them (pkg/registry/batch/job/strategy.go generateSelector) unless manualSelector is true.
 */
export function defaultJob(job: Obj): void {
  const spec = child(job, 'spec');
  const unset = (k: string) => spec[k] === undefined || spec[k] === null;
  // A non-parallel Job may leave both unset: both become 1.
  if (unset('completions') && unset('parallelism')) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  defaultPtr(spec, 'parallelism', 1);
  if (unset('backoffLimit')) spec.backoffLimit = unset('backoffLimitPerIndex') ? 6 : MAX_INT32;
  const templateLabels = objAt(objAt(objAt(spec, 'template'), 'metadata'), 'labels');
  const meta = child(job, 'metadata');
  if (templateLabels && (!isObj(meta.labels) || Object.keys(meta.labels).length === 0)) meta.labels = { ...templateLabels };
  defaultPtr(spec, 'completionMode', 'NonIndexed');
  defaultPtr(spec, 'suspend', false);
  // JobPodReplacementPolicy is beta and on in v1.32.
  if (unset('podReplacementPolicy')) spec.podReplacementPolicy = isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  // kubernetes#120206 (v1.29): manualSelector is defaulted rather than nil-checked everywhere.
  defaultPtr(spec, 'manualSelector', false);
  for (const rule of objects(objAt(spec, 'podFailurePolicy'), 'rules')) {
    for (const pattern of objects(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True');
  }
  defaultPodTemplateSpec(objAt(spec, 'template'));
}

/**
 * SetDefaults_CronJob: Allow, not suspended, 3 successful and 1 failed jobs kept. The jobTemplate's
 * JobSpec gets no Job defaults (they apply to the Job object only); its pod template does get the
 * pod-template defaults.
 */
export function defaultCronJob(cj: Obj): void {
  const spec = child(cj, 'spec');
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPtr(spec, 'suspend', false);
  defaultPtr(spec, 'successfulJobsHistoryLimit', 3);
  defaultPtr(spec, 'failedJobsHistoryLimit', 1);
  const jobSpec = objAt(objAt(spec, 'jobTemplate'), 'spec');
  for (const rule of objects(objAt(jobSpec, 'podFailurePolicy'), 'rules')) {
    for (const pattern of objects(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True');
  }
  defaultPodTemplateSpec(objAt(jobSpec, 'template'));
}
