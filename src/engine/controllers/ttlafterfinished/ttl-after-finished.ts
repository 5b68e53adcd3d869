// The TTL-after-finished controller: deletes a finished Job ttlSecondsAfterFinished after it finished.
// Models pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (addJob, updateJob, processJob,
// processTTL, needsCleanup, timeLeft, jobFinishTime).
import type { Job } from '../../api';
import { isNotFound, splitKey } from '../../api';
import { R, WorkQueue, type Client, type Informer } from '../../client';
import { parseTime, type Clock } from '../../clock';
import { keyFunc } from '../shared';

/** The controller's name. */
export const NAME = 'ttl-after-finished-controller';

/** What the controller is built from. */
export interface TTLAfterFinishedControllerDeps {
  jobs: Informer<Job>;
  client: Client;
  clock: Clock;
}

/** jobFinishTime: when the Complete or Failed condition turned True. */
export function jobFinishTime(job: Job): number | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return parseTime(c.lastTransitionTime);
  }
  return undefined;
}

/** needsCleanup: a TTL is set and the Job finished. */
export function needsCleanup(job: Job): boolean {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  return ttl !== undefined && ttl !== null && jobFinishTime(job) !== undefined;
}

/** The TTL-after-finished controller. */
export class TTLAfterFinishedController {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: TTLAfterFinishedControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'ttl_jobs_to_delete', process: (k) => this.processJob(k) });
    const consider = (j: Job) => {
      if (!j.metadata?.deletionTimestamp && needsCleanup(j)) this.queue.add(keyFunc(j));
    };
    deps.jobs.onEvent({ add: consider, update: (_o, j) => consider(j) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /**
   * processTTL: the remaining time, re-queueing the Job for then; 0 or less when it expired, or
   * undefined when it needs no cleanup.
   */
  private processTTL(job: Job): number | undefined {
    if (job.metadata?.deletionTimestamp || !needsCleanup(job)) return undefined;
    const finishAt = jobFinishTime(job)!;
    const left = finishAt + job.spec!.ttlSecondsAfterFinished! * 1000 - this.deps.clock.now();
    if (left > 0) this.queue.addAfter(keyFunc(job), left);
    return left;
  }

  /** processJob: checks the cached Job, then a fresh copy, then deletes it (foreground, UID precondition). */
  processJob(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.deps.jobs.lister.get(namespace, name);
    if (!job) return;
    const left = this.processTTL(job);
    if (left === undefined || left > 0) return;
    // The cached Job may be stale (its TTL changed): decide on a fresh copy.
    const fresh = this.deps.client.tryGet<Job>(R.jobs, namespace, name);
    if (!fresh) return;
    const freshLeft = this.processTTL(fresh);
    if (freshLeft === undefined || freshLeft > 0) return;
    try {
      this.deps.client.delete(R.jobs, namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid: fresh.metadata?.uid } });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
