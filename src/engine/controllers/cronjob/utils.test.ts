import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../../api';
import { parseStandard } from './cron-schedule';
import { byJobStartTime, getJobFromTemplate2, getJobName, mostRecentScheduleTime, nextScheduleTimeDuration, rfc3339In } from './utils';
import { rfc1123z } from './cronjob-controller';

const T = (s: string) => Date.parse(s);
const cron = (status: CronJob['status'] = {}, spec: Partial<CronJob['spec']> = {}): CronJob => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default', uid: 'cj-uid', creationTimestamp: '2025-01-15T09:00:00Z' },
  spec: { schedule: '* * * * *', jobTemplate: { metadata: { labels: { team: 'a' } }, spec: { template: { spec: { containers: [] } } } }, ...spec } as CronJob['spec'],
  status,
});

describe('mostRecentScheduleTime', () => {
  const every = parseStandard('* * * * *');
  const cases: { name: string; cj: CronJob; now: string; deadline?: boolean; want: { mostRecent?: string; missed: string } }[] = [
    { name: 'nothing due yet', cj: cron(), now: '2025-01-15T09:00:40Z', want: { missed: 'none' } },
    { name: 'the first time is due', cj: cron(), now: '2025-01-15T09:01:00.100Z', want: { mostRecent: '2025-01-15T09:01:00Z', missed: 'none' } },
    { name: 'several missed: the latest one', cj: cron(), now: '2025-01-15T09:05:10Z', want: { mostRecent: '2025-01-15T09:05:00Z', missed: 'few' } },
    { name: 'counted from lastScheduleTime', cj: cron({ lastScheduleTime: '2025-01-15T09:04:00Z' }), now: '2025-01-15T09:04:30Z', want: { missed: 'none' } },
    { name: 'more than 100 missed', cj: cron(), now: '2025-01-15T11:00:30Z', want: { mostRecent: '2025-01-15T11:00:00Z', missed: 'many' } },
    { name: 'startingDeadlineSeconds narrows the window', cj: cron({}, { startingDeadlineSeconds: 90 }), now: '2025-01-15T11:00:30Z', deadline: true,
      want: { mostRecent: '2025-01-15T11:00:00Z', missed: 'none' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = mostRecentScheduleTime(c.cj, T(c.now), every, c.deadline ?? false);
      expect({ mostRecent: r.mostRecent === undefined ? undefined : new Date(r.mostRecent).toISOString().replace('.000Z', 'Z'), missed: r.missed })
        .toEqual({ mostRecent: c.want.mostRecent, missed: c.want.missed });
    });
  }

  it('throws for an impossible schedule', () => {
    expect(() => mostRecentScheduleTime(cron(), T('2030-01-01T00:00:00Z'), parseStandard('0 0 30 2 *'), false))
      .toThrow('time difference between two schedules is less than 1 second');
  });
});

describe('nextScheduleTimeDuration', () => {
  it('wakes 100 ms after the next time', () => {
    expect(nextScheduleTimeDuration(cron(), T('2025-01-15T09:00:40Z'), parseStandard('* * * * *'))).toBe(20_100);
    expect(nextScheduleTimeDuration(cron({ lastScheduleTime: '2025-01-15T09:05:00Z' }), T('2025-01-15T09:05:00.500Z'), parseStandard('*/5 * * * *')))
      .toBe(5 * 60_000 - 400);
  });
});

describe('Job naming and construction', () => {
  it('names Jobs after the scheduled minute since the epoch', () => {
    expect(getJobName(cron(), T('2025-01-12T23:00:00Z'))).toBe('hello-28945380');
  });
  it('copies template labels and annotations, adds the scheduled timestamp in the CronJob time zone', () => {
    const j = getJobFromTemplate2(cron({}, { timeZone: 'Europe/Paris' }), T('2025-01-15T09:05:00Z'));
    expect(j.metadata).toEqual({ name: 'hello-28948865', namespace: 'default', labels: { team: 'a' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-15T10:05:00+01:00' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true, blockOwnerDeletion: true }] });
  });
  it('formats times', () => {
    expect(rfc3339In(T('2025-07-01T10:30:00Z'), 'America/New_York')).toBe('2025-07-01T06:30:00-04:00');
    expect(rfc3339In(T('2025-07-01T10:30:00Z'), undefined)).toBe('2025-07-01T10:30:00Z');
    expect(rfc1123z(T('2025-01-15T09:05:00Z'))).toBe('Wed, 15 Jan 2025 09:05:00 +0000');
  });
});

describe('byJobStartTime', () => {
  it('orders started Jobs by start time, unstarted last, names break ties', () => {
    const j = (name: string, startTime?: string): Job => ({ metadata: { name }, status: startTime ? { startTime } : {} });
    const sorted = [j('d'), j('c', '2025-01-15T09:02:00Z'), j('b', '2025-01-15T09:01:00Z'), j('a', '2025-01-15T09:02:00Z')].sort(byJobStartTime);
    expect(sorted.map((x) => x.metadata!.name)).toEqual(['b', 'a', 'c', 'd']);
  });
});
