import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { WorkloadCluster } from './harness';

/** The seed tutorial's CronJob. */
const hello = (extra: Partial<CronJob['spec']> = {}, cmd = 'date; echo Hello from the Kubernetes cluster'): CronJob => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default' },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: {
    containers: [{ name: 'hello', image: 'busybox:1.28', imagePullPolicy: 'IfNotPresent', command: ['/bin/sh', '-c', cmd] }],
    restartPolicy: 'OnFailure' } } } }, ...extra } as CronJob['spec'],
});

const cj = (c: WorkloadCluster) => c.get<CronJob>(R.cronjobs, 'default', 'hello')!;
const cjEvents = (c: WorkloadCluster) => c.events('hello').map((e) => e.replace('CronJob/hello ', ''));
/** Minutes since the epoch of the cluster's start (2025-01-15T09:00:00Z). */
const M0 = Date.UTC(2025, 0, 15, 9) / 60_000;

describe('CronJob', () => {
  it('seed hello: a Job every minute named <cronjob>-<minutes since epoch>, 3 successful ones kept', () => {
    const c = new WorkloadCluster();
    c.create(R.cronjobs, hello());
    c.advance(30_000);
    expect(c.list(R.jobs, 'default')).toEqual([]);
    c.advance(5 * 60_000);
    const names = c.names(R.jobs, 'default');
    expect(names).toEqual([`hello-${M0 + 3}`, `hello-${M0 + 4}`, `hello-${M0 + 5}`]);
    const job = c.get<Job>(R.jobs, 'default', `hello-${M0 + 5}`)!;
    expect(job.metadata!.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-15T09:05:00Z' });
    expect(job.metadata!.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj(c).metadata!.uid,
      controller: true, blockOwnerDeletion: true }]);
    const st = cj(c).status!;
    expect(st.lastScheduleTime).toBe('2025-01-15T09:05:00Z');
    expect(st.active).toBeUndefined();
    expect(Date.parse(st.lastSuccessfulTime!)).toBeGreaterThan(Date.parse('2025-01-15T09:05:00Z'));
    expect(cjEvents(c).slice(0, 8)).toEqual([
      `Normal SuccessfulCreate cronjob-controller: Created job hello-${M0 + 1}`,
      `Normal SawCompletedJob cronjob-controller: Saw completed job: hello-${M0 + 1}, condition: Complete`,
      `Normal SuccessfulCreate cronjob-controller: Created job hello-${M0 + 2}`,
      `Normal SawCompletedJob cronjob-controller: Saw completed job: hello-${M0 + 2}, condition: Complete`,
      `Normal SuccessfulCreate cronjob-controller: Created job hello-${M0 + 3}`,
      `Normal SawCompletedJob cronjob-controller: Saw completed job: hello-${M0 + 3}, condition: Complete`,
      `Normal SuccessfulCreate cronjob-controller: Created job hello-${M0 + 4}`,
      `Normal SuccessfulDelete cronjob-controller: Deleted job hello-${M0 + 1}`,
    ]);
  });

  it('failedJobsHistoryLimit keeps one failed Job', () => {
    const c = new WorkloadCluster();
    c.create(R.cronjobs, hello({ jobTemplate: { spec: { backoffLimit: 0, template: { spec: {
      containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'exit 1'] }], restartPolicy: 'Never' } } } } }));
    c.advance(4 * 60_000 + 30_000);
    expect(c.names(R.jobs, 'default')).toEqual([`hello-${M0 + 4}`]);
    expect(cjEvents(c)).toContain(`Normal SawCompletedJob cronjob-controller: Saw completed job: hello-${M0 + 1}, condition: Failed`);
  });

  it('concurrencyPolicy Forbid skips a run while one is active; Replace deletes it', () => {
    const forbid = new WorkloadCluster();
    forbid.create(R.cronjobs, hello({ concurrencyPolicy: 'Forbid' }, 'sleep 150'));
    forbid.advance(3 * 60_000 + 30_000);
    expect(forbid.names(R.jobs, 'default')).toEqual([`hello-${M0 + 1}`]);
    // When the running Job ends (about 09:03:32) the last missed time (09:03) still runs, as upstream does.
    forbid.advance(60_000);
    expect(forbid.names(R.jobs, 'default')).toEqual([`hello-${M0 + 1}`, `hello-${M0 + 3}`]);
    expect(cjEvents(forbid)).toContain('Normal JobAlreadyActive cronjob-controller: Not starting job because prior execution is running and concurrency policy is Forbid');

    const replace = new WorkloadCluster();
    replace.create(R.cronjobs, hello({ concurrencyPolicy: 'Replace' }, 'sleep 150'));
    replace.advance(2 * 60_000 + 30_000);
    expect(cjEvents(replace)).toContain(`Normal SuccessfulDelete cronjob-controller: Deleted job hello-${M0 + 1}`);
    expect(cj(replace).status!.active!.map((r) => r.name)).toEqual([`hello-${M0 + 2}`]);
  });

  it('suspend stops new Jobs; a resumed CronJob catches up with the last missed time only', () => {
    const c = new WorkloadCluster();
    c.create(R.cronjobs, hello({ suspend: true }));
    c.advance(3 * 60_000 + 30_000);
    expect(c.list(R.jobs, 'default')).toEqual([]);
    c.client.patch(R.cronjobs, 'default', 'hello', 'application/merge-patch+json', { spec: { suspend: false } });
    c.advance(1000);
    expect(c.names(R.jobs, 'default')).toEqual([`hello-${M0 + 3}`]);
  });

  it('startingDeadlineSeconds: a missed time too long ago is reported, not run', () => {
    const c = new WorkloadCluster();
    c.create(R.cronjobs, hello({ suspend: true, startingDeadlineSeconds: 10 }));
    c.advance(60_000 + 30_000);
    c.client.patch(R.cronjobs, 'default', 'hello', 'application/merge-patch+json', { spec: { suspend: false } });
    c.advance(1000);
    expect(c.list(R.jobs, 'default')).toEqual([]);
    c.advance(60_000);
    expect(c.names(R.jobs, 'default')).toEqual([`hello-${M0 + 2}`]);
  });
});
