// The Job controller (pkg/controller/job).
import type { Job, Pod } from '../../api';
import { R } from '../../client';
import { RealPodControl, type ControllerDescriptor } from '../shared';
import { NAME } from './context';
import { JobController } from './job-controller';

export { JobController, pastBackoffLimitOnFailure } from './job-controller';
export type { JobControllerDeps } from './job-controller';
export { NAME, CONTROLLER_KIND, MAX_UNCOUNTED_PODS, SYNC_JOB_BATCH_PERIOD_MS, UIDTrackingExpectations } from './context';
export { manageJob, activePodsForRemoval, sortActivePods } from './manage-job';
export { trackJobStatusAndRemoveFinalizers, cleanUncountedPodsWithoutFinalizers } from './tracking';
export { BackoffStore, remainingBackoff, getFinishedTime, DEFAULT_JOB_POD_FAILURE_BACKOFF_MS, MAX_JOB_POD_FAILURE_BACKOFF_MS } from './backoff-utils';
export { matchPodFailurePolicy } from './pod-failure-policy';
export { intervalsString, parseIndexesFromString, withOrderedIndexes, firstPendingIndexes, podGenerateNameWithIndex, matchSuccessPolicy,
  COMPLETION_INDEX_ANNOTATION } from './indexed-job-utils';
export { JOB_TRACKING_FINALIZER, isJobFinished, finishedCondition, isJobSucceeded, MSG_BACKOFF_LIMIT_EXCEEDED, MSG_DEADLINE_EXCEEDED,
  MSG_COMPLETIONS_REACHED } from './util';

/** startJobController (cmd/kube-controller-manager/app/batch.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    const recorder = ctx.recorderFor(NAME, client);
    return new JobController({
      jobs: ctx.informers.for<Job>(R.jobs), pods: ctx.informers.for<Pod>(R.pods), client,
      podControl: new RealPodControl(client, recorder), recorder, clock: ctx.clock,
    });
  },
};
