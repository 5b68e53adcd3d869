// Printers of batch/v1: Job and CronJob.
// Models pkg/printers/internalversion/printers.go printJob, printCronJob, hasJobCondition (v1.32).
import { formatLabelSelector, humanDuration, timestampMillis, translateTimestampSince } from '../../api';
import type { CronJob, Job } from '../../api';
import { age, layoutContainerCells, nameOf, printBoolPtr } from './format';
import { AGE, CONTAINERS, IMAGES, NAME, col, doc } from './handler';
import type { TableHandler } from './handler';

// hasJobCondition: the first condition of the type decides.
function hasJobCondition(job: Job, type: string): boolean {
  for (const c of job.status?.conditions ?? []) if (c.type === type) return c.status === 'True';
  return false;
}

// COMPLETIONS: "1/3"; with completions unset, "0/1" or "0/1 of 4" for a parallel work queue.
function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const want = job.spec?.completions;
  if (want !== undefined && want !== null) return `${succeeded}/${want}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

// DURATION: empty before the job starts, running time until it completes, then start → completion.
function jobDuration(job: Job, now: number): string {
  const st = job.status;
  if (st?.startTime === undefined || st.startTime === null) return '';
  const start = timestampMillis(st.startTime) ?? 0;
  const end = st.completionTime === undefined || st.completionTime === null ? now : timestampMillis(st.completionTime) ?? 0;
  return humanDuration(end - start);
}

function jobStatus(job: Job): string {
  if (hasJobCondition(job, 'Complete')) return 'Complete';
  if (hasJobCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(job, 'Suspended')) return 'Suspended';
  if (hasJobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

const selectorCol = col('Selector', 'string', doc('batchv1.JobSpec.selector'), { priority: 1 });

/** Job: NAME STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR. */
export const jobHandler: TableHandler<Job> = {
  columns: [
    NAME,
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', doc('batchv1.JobStatus.succeeded')),
    col('Duration', 'string', 'Time required to complete the job.'),
    AGE, CONTAINERS, IMAGES, selectorCol,
  ],
  cells(job, now) {
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [nameOf(job), jobStatus(job), completions(job), jobDuration(job, now), age(job, now),
      names, images, formatLabelSelector(job.spec?.selector)];
  },
};

/** CronJob: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR. */
export const cronJobHandler: TableHandler<CronJob> = {
  columns: [
    NAME,
    col('Schedule', 'string', doc('batchv1beta1.CronJobSpec.schedule')),
    col('Timezone', 'string', doc('batchv1beta1.CronJobSpec.timeZone')),
    col('Suspend', 'boolean', doc('batchv1beta1.CronJobSpec.suspend')),
    col('Active', 'integer', doc('batchv1beta1.CronJobStatus.active')),
    col('Last Schedule', 'string', doc('batchv1beta1.CronJobStatus.lastScheduleTime')),
    AGE, CONTAINERS, IMAGES, selectorCol,
  ],
  cells(cj, now) {
    const last = cj.status?.lastScheduleTime;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    // SUSPEND is declared boolean but printed as the string "True"/"False"/"<unset>", as upstream.
    return [nameOf(cj), cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>', printBoolPtr(cj.spec?.suspend),
      cj.status?.active?.length ?? 0, last === undefined || last === null ? '<none>' : translateTimestampSince(last, now), age(cj, now),
      names, images, formatLabelSelector(jobSpec?.selector)];
  },
};
