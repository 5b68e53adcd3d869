import { describe, expect, it } from 'vitest';
import type { CronJob, Job, Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { WorkloadCluster } from './harness';

/** The seed tutorial's CronJob. */
const hello = (): CronJob => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default' },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: {
    containers: [{ name: 'hello', image: 'busybox:1.28', imagePullPolicy: 'IfNotPresent', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }],
    restartPolicy: 'OnFailure' } } } } },
});

describe('CronJob hello (seed)', () => {
  it('creates a Job every minute, keeps 3 successful ones', () => {
    const c = new WorkloadCluster();
    c.create(R.cronjobs, hello());
    c.advance(5 * 60_000 + 30_000);
    const jobs = c.list<Job>(R.jobs, 'default');
    console.log(jobs.map((j) => `${j.metadata!.name} ${JSON.stringify(j.status)}`).join('\n'));
    console.log(c.list<Pod>(R.pods, 'default').map((p) => `${p.metadata!.name} ${p.status?.phase} ${p.spec?.nodeName}`).join('\n'));
    console.log(c.events().join('\n'));
    console.log(JSON.stringify(c.get<CronJob>(R.cronjobs, 'default', 'hello')!.status));
    expect(jobs.length).toBe(3);
  });
});
