// The CronJob controller: creates a Job at every schedule time, tracks the active ones, and keeps a
// history of finished ones. It sleeps until the next schedule time (a delayed queue entry on the
// simulated clock), never polls. Models pkg/controller/cronjob/cronjob_controllerv2.go
// (ControllerV2: handlers, sync, syncCronJob, cleanupFinishedJobs, removeOldestJobs, deleteJob).
import type { CronJob, Job, KubeObject, ObjectReference, OwnerReference } from '../../api';
import { controllerOf, deepEqual, isAlreadyExists, isNotFound, splitKey } from '../../api';
import { isKnownTimeZone } from '../../api/validation';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import { parseTime, rfc3339, type Clock } from '../../clock';
import { CONTROLLER_UID_INDEX, controllerUIDIndexFunc, hasStatusCause, keyFunc, NAMESPACE_TERMINATING_CAUSE, withTypeMeta } from '../shared';
import { parseStandard, type CronSchedule } from './cron-schedule';
import {
  byJobStartTime, CONTROLLER_KIND, deleteFromActiveList, formatSchedule, getJobFromTemplate2, getJobName, inActiveList,
  inActiveListByName, mostRecentScheduleTime, nextScheduleTimeDuration,
} from './utils';

/** The controller's name (and its events' source component). */
export const NAME = 'cronjob-controller';

/** What the controller is built from. */
export interface CronJobControllerDeps {
  cronJobs: Informer<CronJob>;
  jobs: Informer<Job>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
}

type Finished = 'Complete' | 'Failed' | undefined;

/** The condition type that finished a Job (jobutil.FinishedCondition). */
function finishedType(j: Job): Finished {
  for (const c of j.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/** An ObjectReference to a Job, as ref.GetReference builds it. */
function jobRef(j: Job): ObjectReference {
  const m = j.metadata ?? {};
  return { kind: 'Job', namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: 'batch/v1', resourceVersion: m.resourceVersion };
}

/** The CronJob controller. */
export class CronJobController {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: CronJobControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'cronjob', process: (k) => this.processKey(k) });
    deps.jobs.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc);
    deps.jobs.onEvent({
      add: (j) => this.jobChanged(j),
      update: (o, c) => {
        if (o.metadata?.resourceVersion === c.metadata?.resourceVersion) return;
        const oldRef = controllerOf(o);
        if (oldRef && !deepEqual(oldRef, controllerOf(c))) this.enqueueOwner(o.metadata?.namespace, oldRef);
        this.jobChanged(c);
      },
      delete: (j) => this.jobChanged(j),
    });
    deps.cronJobs.onEvent({
      add: (cj) => this.queue.add(keyFunc(cj)),
      update: (o, c) => this.updateCronJob(o, c),
      delete: (cj) => this.queue.add(keyFunc(cj)),
    });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  private enqueueOwner(namespace: string | undefined, ref: OwnerReference): void {
    if (ref.kind !== CONTROLLER_KIND.kind) return;
    const cj = this.deps.cronJobs.lister.get(namespace, ref.name);
    if (cj && cj.metadata?.uid === ref.uid) this.queue.add(keyFunc(cj));
  }

  private jobChanged(j: Job): void {
    const ref = controllerOf(j);
    if (ref) this.enqueueOwner(j.metadata?.namespace, ref);
  }

  /** updateCronJob: a new schedule or time zone re-queues for its next time; anything else syncs now. */
  private updateCronJob(old: CronJob, cur: CronJob): void {
    if (old.spec?.schedule !== cur.spec?.schedule || old.spec?.timeZone !== cur.spec?.timeZone) {
      let sched: CronSchedule;
      try {
        sched = parseStandard(formatSchedule(cur).spec);
      } catch {
        this.deps.recorder.event(this.typed(cur), 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec?.schedule}`);
        return;
      }
      this.queue.addAfter(keyFunc(cur), nextScheduleTimeDuration(cur, this.deps.clock.now(), sched));
      return;
    }
    this.queue.add(keyFunc(cur));
  }

  private typed(cj: CronJob): KubeObject {
    return withTypeMeta(cj, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as KubeObject;
  }

  private processKey(key: string): void {
    const after = this.sync(key);
    this.queue.forget(key);
    if (after !== undefined) this.queue.addAfter(key, after);
  }

  /** sync: cleans up history, reconciles, writes the status once; returns when to look again. */
  sync(key: string): number | undefined {
    const { namespace, name } = splitKey(key);
    const shared = this.deps.cronJobs.lister.get(namespace, name);
    if (!shared) return undefined;
    // getJobsToBeReconciled: Jobs with a ControllerRef to this CronJob, by UID.
    const jobs = this.deps.jobs.lister.byIndex(CONTROLLER_UID_INDEX, shared.metadata?.uid ?? '')
      .filter((j) => j.metadata?.namespace === namespace);
    const cj: CronJob = structuredClone(shared) as CronJob;
    const cleaned = this.cleanupFinishedJobs(cj, jobs);
    const r = this.syncCronJob(cj, jobs);
    if (cleaned || r.updateStatus) {
      this.deps.client.updateStatus(R.cronjobs, cj);
    }
    if (r.err) throw r.err;
    return r.requeueAfter;
  }

  /** syncCronJob: returns when to look again and whether the status changed. */
  private syncCronJob(cronJob: CronJob, jobs: readonly Job[]): { requeueAfter?: number; updateStatus: boolean; err?: Error } {
    const rec = this.deps.recorder;
    const now = this.deps.clock.now();
    const cj = cronJob;
    let updateStatus = false;
    const children = new Set<string>();
    for (const j of jobs) {
      const uid = j.metadata?.uid ?? '';
      children.add(uid);
      const found = inActiveList(cj, uid);
      const fin = finishedType(j);
      if (!found && !fin) {
        // Our status may be stale: check a fresh copy before calling the Job unexpected.
        const fresh = this.deps.client.get<CronJob>(R.cronjobs, cj.metadata?.namespace, cj.metadata?.name ?? '');
        if (inActiveList(fresh, uid)) {
          Object.assign(cj, structuredClone(fresh));
          continue;
        }
        rec.event(this.typed(cj), 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata?.name}`);
      } else if (found && fin) {
        deleteFromActiveList(cj, uid);
        rec.event(this.typed(cj), 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata?.name}, condition: ${fin}`);
        updateStatus = true;
      } else if (fin === 'Complete') {
        // A successful Job need not be in the active list to move lastSuccessfulTime.
        const ct = j.status?.completionTime;
        const st = (cj.status ??= {});
        if (!st.lastSuccessfulTime) {
          st.lastSuccessfulTime = ct;
          updateStatus = true;
        }
        if (ct && (parseTime(ct) ?? 0) > (parseTime(st.lastSuccessfulTime) ?? 0)) {
          st.lastSuccessfulTime = ct;
          updateStatus = true;
        }
      }
    }
    for (const ref of [...(cj.status?.active ?? [])]) {
      if (children.has(ref.uid ?? '')) continue;
      // Ask the API server: a slow watch must not make us forget a running Job.
      const got = this.deps.client.tryGet<Job>(R.jobs, ref.namespace, ref.name ?? '');
      if (!got) {
        rec.event(this.typed(cj), 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        deleteFromActiveList(cj, ref.uid);
        updateStatus = true;
      }
    }
    if (cj.metadata?.deletionTimestamp) return { updateStatus };

    const tz = cj.spec?.timeZone;
    if (tz !== undefined && tz !== null && !isKnownTimeZone(tz)) {
      rec.event(this.typed(cj), 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`);
      return { updateStatus };
    }
    if (cj.spec?.suspend) return { updateStatus };

    const fs = formatSchedule(cj);
    if (fs.unsupportedTZ) {
      rec.event(this.typed(cj), 'Warning', 'UnsupportedSchedule',
        `CRON_TZ or TZ used in schedule "${cj.spec?.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
    }
    let sched: CronSchedule;
    try {
      sched = parseStandard(fs.spec);
    } catch (e) {
      rec.event(this.typed(cj), 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule}" : ${(e as Error).message}`);
      return { updateStatus };
    }
    let scheduled: number | undefined;
    try {
      const r = mostRecentScheduleTime(cj, now, sched, true);
      scheduled = r.mostRecent;
      if (scheduled !== undefined && r.missed === 'many') {
        rec.event(this.typed(cj), 'Warning', 'TooManyMissedTimes',
          'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
      }
    } catch (e) {
      rec.event(this.typed(cj), 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule} : ${(e as Error).message}`);
      return { updateStatus };
    }
    const next = () => nextScheduleTimeDuration(cj, now, sched);
    if (scheduled === undefined) return { requeueAfter: next(), updateStatus };

    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
      rec.event(this.typed(cj), 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return { requeueAfter: next(), updateStatus };
    }
    const ns = cj.metadata?.namespace ?? '';
    if (inActiveListByName(cj, ns, getJobName(cj, scheduled)) || parseTime(cj.status?.lastScheduleTime) === scheduled) {
      return { requeueAfter: next(), updateStatus };
    }
    if (cj.spec?.concurrencyPolicy === 'Forbid' && (cj.status?.active?.length ?? 0) > 0) {
      rec.event(this.typed(cj), 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return { requeueAfter: next(), updateStatus };
    }
    if (cj.spec?.concurrencyPolicy === 'Replace') {
      for (const ref of [...(cj.status?.active ?? [])]) {
        let job: Job;
        try {
          job = this.deps.client.get<Job>(R.jobs, ref.namespace, ref.name ?? '');
        } catch (e) {
          rec.event(this.typed(cj), 'Warning', 'FailedGet', `Get job: ${(e as Error).message}`);
          return { updateStatus, err: e as Error };
        }
        if (!this.deleteJob(cj, job)) return { updateStatus, err: new Error(`could not replace job ${job.metadata?.namespace}/${job.metadata?.name}`) };
        updateStatus = true;
      }
    }

    const req = getJobFromTemplate2(cj, scheduled);
    let created: Job;
    let existed = false;
    try {
      created = this.deps.client.create<Job>(R.jobs, req);
    } catch (e) {
      if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return { updateStatus, err: e as Error };
      if (!isAlreadyExists(e)) {
        rec.event(this.typed(cj), 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
        return { updateStatus, err: e as Error };
      }
      // Created earlier but not recorded (a crash between create and status update): record it now.
      existed = true;
      created = this.deps.client.get<Job>(R.jobs, ns, req.metadata!.name!);
      if (controllerOf(created)?.uid !== cj.metadata?.uid) return { updateStatus };
      if (inActiveList(cj, created.metadata?.uid)) return { updateStatus };
    }
    if (!existed) rec.event(this.typed(cj), 'Normal', 'SuccessfulCreate', `Created job ${created.metadata?.name}`);
    const st = (cj.status ??= {});
    st.active = [...(st.active ?? []), jobRef(created)];
    st.lastScheduleTime = rfc3339(scheduled);
    return { requeueAfter: next(), updateStatus: true };
  }

  /** cleanupFinishedJobs: keeps the newest successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs. */
  private cleanupFinishedJobs(cj: CronJob, jobs: readonly Job[]): boolean {
    const okLimit = cj.spec?.successfulJobsHistoryLimit;
    const failLimit = cj.spec?.failedJobsHistoryLimit;
    if ((okLimit === undefined || okLimit === null) && (failLimit === undefined || failLimit === null)) return false;
    const succeeded = jobs.filter((j) => finishedType(j) === 'Complete');
    const failed = jobs.filter((j) => finishedType(j) === 'Failed');
    let changed = false;
    if (okLimit !== undefined && okLimit !== null && this.removeOldestJobs(cj, succeeded, okLimit)) changed = true;
    if (failLimit !== undefined && failLimit !== null && this.removeOldestJobs(cj, failed, failLimit)) changed = true;
    return changed;
  }

  private removeOldestJobs(cj: CronJob, jobs: Job[], max: number): boolean {
    const n = jobs.length - max;
    if (n <= 0) return false;
    let changed = false;
    const sorted = [...jobs].sort(byJobStartTime);
    for (let i = 0; i < n; i++) if (this.deleteJob(cj, sorted[i])) changed = true;
    return changed;
  }

  /** deleteJob: deletes a Job (background propagation) and drops it from the active list. */
  private deleteJob(cj: CronJob, job: Job): boolean {
    try {
      this.deps.client.delete(R.jobs, job.metadata?.namespace, job.metadata?.name ?? '', { propagationPolicy: 'Background' });
    } catch (e) {
      if (!isNotFound(e)) {
        this.deps.recorder.event(this.typed(cj), 'Warning', 'FailedDelete', `Deleted job: ${(e as Error).message}`);
        return false;
      }
    }
    deleteFromActiveList(cj, job.metadata?.uid);
    this.deps.recorder.event(this.typed(cj), 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata?.name}`);
    return true;
  }
}

/** time.RFC1123Z in UTC: "Wed, 15 Jan 2025 09:00:00 +0000". */
export function rfc1123z(t: number): string {
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

