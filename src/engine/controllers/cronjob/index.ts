// The CronJob controller (pkg/controller/cronjob).
import type { CronJob, Job } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { CronJobController, NAME } from './cronjob-controller';

export { CronJobController, NAME, rfc1123z } from './cronjob-controller';
export type { CronJobControllerDeps } from './cronjob-controller';
export { parseStandard } from './cron-schedule';
export type { CronSchedule } from './cron-schedule';
export { mostRecentScheduleTime, nextScheduleTimeDuration, getJobFromTemplate2, getJobName, getTimeHashInMinutes, formatSchedule,
  byJobStartTime, rfc3339In, SCHEDULED_TIMESTAMP_ANNOTATION, NEXT_SCHEDULE_DELTA_MS, CONTROLLER_KIND } from './utils';

/** startCronJobController (cmd/kube-controller-manager/app/batch.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new CronJobController({
      cronJobs: ctx.informers.for<CronJob>(R.cronjobs), jobs: ctx.informers.for<Job>(R.jobs), client,
      recorder: ctx.recorderFor(NAME, client), clock: ctx.clock,
    });
  },
};
