// Schedule arithmetic and Job construction of the CronJob controller.
// Models pkg/controller/cronjob/utils.go (mostRecentScheduleTime, nextScheduleTimeDuration,
// nextScheduleTime, getJobFromTemplate2, getTimeHashInMinutes, byJobStartTime, inActiveList,
// deleteFromActiveList) and formatSchedule of cronjob_controllerv2.go.
import type { CronJob, Job, ObjectReference } from '../../api';
import { isKnownTimeZone } from '../../api/validation';
import { parseTime } from '../../clock';
import { newControllerRef } from '../shared';
import type { CronSchedule } from './cron-schedule';

/** The kind this controller manages. */
export const CONTROLLER_KIND = { apiVersion: 'batch/v1', kind: 'CronJob' } as const;
/** batch.CronJobScheduledTimestampAnnotation (CronJobsScheduledAnnotation, beta and on in v1.32). */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: the controller wakes 100 ms after a schedule time, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** How many schedule times were missed since the last one (missedSchedulesType). */
export type MissedSchedules = 'none' | 'few' | 'many';

/** inActiveList. */
export function inActiveList(cj: CronJob, uid: string | undefined): boolean {
  return cj.status?.active?.some((r) => r.uid === uid) ?? false;
}

/** inActiveListByName. */
export function inActiveListByName(cj: CronJob, namespace: string, name: string): boolean {
  return cj.status?.active?.some((r) => r.name === name && r.namespace === namespace) ?? false;
}

/** deleteFromActiveList. */
export function deleteFromActiveList(cj: CronJob, uid: string | undefined): void {
  const st = (cj.status ??= {});
  const left = (st.active ?? []).filter((r: ObjectReference) => r.uid !== uid);
  // An empty list is omitted from the JSON (omitempty), as Go writes it.
  if (left.length) st.active = left;
  else delete st.active;
}

/**
 * mostRecentScheduleTime: the earliest time to consider (last schedule, creation, or now minus
 * startingDeadlineSeconds), the most recent schedule time not after now (or undefined), and how
 * many were missed. Throws when two consecutive times are less than a second apart (an impossible
 * schedule such as 31 February).
 */
export function mostRecentScheduleTime(cj: CronJob, now: number, sched: CronSchedule, includeStartingDeadline: boolean):
  { earliest: number; mostRecent?: number; missed: MissedSchedules } {
  let earliest = parseTime(cj.metadata?.creationTimestamp) ?? 0;
  const last = parseTime(cj.status?.lastScheduleTime);
  if (last !== undefined) earliest = last;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && sds !== undefined && sds !== null) {
    const deadline = now - sds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest);
  const t2 = sched.next(t1);
  if (now < t1) return { earliest, missed: 'none' };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) throw new Error('time difference between two schedules is less than 1 second');
  // A rough count: how many intervals fit between the first missed time and now.
  const elapsed = Math.floor((now - t1) / 1000);
  const missedCount = Math.floor(elapsed / between) + 1;
  let mostRecent = 0;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  for (let t = sched.next(potentialEarliest); t !== 0 && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent: mostRecent || undefined, missed };
}

/** nextScheduleTimeDuration: how long until 100 ms after the next schedule time. */
export function nextScheduleTimeDuration(cj: CronJob, now: number, sched: CronSchedule): number {
  let base: number;
  try {
    const r = mostRecentScheduleTime(cj, now, sched, false);
    base = r.mostRecent ?? (r.missed === 'none' ? r.earliest : now);
  } catch {
    base = now;
  }
  return sched.next(base) + NEXT_SCHEDULE_DELTA_MS - now;
}

/** formatSchedule: the schedule with the spec.timeZone as a TZ= prefix (a TZ in the schedule itself wins). */
export function formatSchedule(cj: CronJob): { spec: string; unsupportedTZ: boolean } {
  const s = cj.spec?.schedule ?? '';
  if (s.includes('TZ')) return { spec: s, unsupportedTZ: true };
  const tz = cj.spec?.timeZone;
  if (tz !== undefined && tz !== null) {
    if (!isKnownTimeZone(tz)) return { spec: s, unsupportedTZ: false };
    return { spec: `TZ=${tz} ${s}`, unsupportedTZ: false };
  }
  return { spec: s, unsupportedTZ: false };
}

/** getTimeHashInMinutes: minutes since the Unix epoch. */
export function getTimeHashInMinutes(t: number): number {
  return Math.floor(Math.floor(t / 1000) / 60);
}

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function getJobName(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata?.name ?? ''}-${getTimeHashInMinutes(scheduledTime)}`;
}

/** RFC 3339 in a time zone (Go's time.Format(time.RFC3339) of t.In(loc)): "2025-01-15T10:00:00+01:00". */
export function rfc3339In(t: number, tz: string | undefined | null): string {
  if (!tz || tz === 'UTC') return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(new Date(t))) p[part.type] = part.value;
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const off = Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
  const date = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  if (off === 0) return `${date}Z`;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${date}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * getJobFromTemplate2: the Job for one scheduled time — the template's labels and annotations,
 * the scheduled-timestamp annotation, a deterministic name, and the CronJob as ControllerRef.
 */
export function getJobFromTemplate2(cj: CronJob, scheduledTime: number): Job {
  const tm = cj.spec?.jobTemplate?.metadata ?? {};
  const annotations: Record<string, string> = { ...(tm.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduledTime, cj.spec?.timeZone);
  const metadata: Job['metadata'] = { name: getJobName(cj, scheduledTime), namespace: cj.metadata?.namespace, annotations,
    ownerReferences: [newControllerRef(cj, CONTROLLER_KIND)] };
  if (tm.labels && Object.keys(tm.labels).length) metadata.labels = { ...tm.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(cj.spec!.jobTemplate.spec!) };
}

/** byJobStartTime: started before not started, then by start time, then by name. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = parseTime(a.status?.startTime);
  const sb = parseTime(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) {
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  return (sa ?? 0) - (sb ?? 0);
}
