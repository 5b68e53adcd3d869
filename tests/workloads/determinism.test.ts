import { describe, expect, it } from 'vitest';
import type { CronJob, DaemonSet, Job, StatefulSet } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { WorkloadCluster } from './harness';

function run(seed: number): { dump: string; events: string[] } {
  const c = new WorkloadCluster({ seed, nodes: 2 });
  c.create(R.cronjobs, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default' },
    spec: { schedule: '*/2 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure',
      containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }] } } } } } } as CronJob);
  c.create(R.jobs, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' },
    spec: { completions: 3, parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl', command: ['perl', '-e', 'print 1'] }] } } } } as Job);
  c.create(R.statefulsets, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
    spec: { serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } } as StatefulSet);
  c.create(R.daemonsets, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } },
      spec: { containers: [{ name: 'agent', image: 'fluentd' }] } } } } as DaemonSet);
  c.advance(3 * 60_000);
  c.h.nodes.get('minikube-m02')!.stop();
  c.advance(6 * 60_000);
  return { dump: c.dump(), events: c.events() };
}

describe('workload controllers are deterministic', () => {
  it('same seed, same store and event log, byte for byte', () => {
    const a = run(11);
    const b = run(11);
    expect(a.events.length).toBeGreaterThan(50);
    expect(b.events).toEqual(a.events);
    expect(b.dump === a.dump).toBe(true);
  });
  it('another seed names pods differently', () => {
    expect(run(12).events).not.toEqual(run(11).events);
  });
});
