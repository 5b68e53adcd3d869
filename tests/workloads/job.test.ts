import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { WorkloadCluster } from './harness';

const job = (name: string, cmd: string, spec: Partial<Job['spec']> = {}): Job => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' },
  spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.28', command: ['sh', '-c', cmd] }], restartPolicy: 'Never' } },
    ...spec } as Job['spec'],
});

const get = (c: WorkloadCluster, name: string) => c.get<Job>(R.jobs, 'default', name)!;
const conds = (j: Job) => (j.status?.conditions ?? []).map((x) => `${x.type}=${x.status} ${x.reason ?? ''}: ${x.message ?? ''}`);
const jobPods = (c: WorkloadCluster, name: string) => c.list<Pod>(R.pods, 'default', `batch.kubernetes.io/job-name=${name}`);

describe('Job', () => {
  it('runs a pod to completion: SuccessCriteriaMet then Complete, status and events as v1.32', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('pi', 'echo 3.14'));
    c.until(() => !!get(c, 'pi').status?.completionTime);
    const j = get(c, 'pi');
    expect(conds(j)).toEqual([
      'SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods',
      'Complete=True CompletionsReached: Reached expected number of succeeded pods']);
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(j.status?.active).toBeUndefined();
    const pods = jobPods(c, 'pi');
    expect(pods.length).toBe(1);
    const p = pods[0];
    expect(p.metadata!.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata!.finalizers ?? []).toEqual([]);
    expect(p.metadata!.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi',
      'batch.kubernetes.io/controller-uid': j.metadata!.uid, 'controller-uid': j.metadata!.uid });
    expect(c.events('pi')).toEqual([
      `Job/pi Normal SuccessfulCreate job-controller: Created pod: ${p.metadata!.name}`,
      'Job/pi Normal Completed job-controller: Job completed']);
  });

  it('runs completions with parallelism', () => {
    const c = new WorkloadCluster({ nodes: 2 });
    c.create(R.jobs, job('para', 'echo ok', { completions: 5, parallelism: 2 }));
    let maxActive = 0;
    c.until(() => {
      maxActive = Math.max(maxActive, get(c, 'para').status?.active ?? 0);
      return !!get(c, 'para').status?.completionTime;
    }, 120_000, 200);
    expect(maxActive).toBe(2);
    expect(get(c, 'para').status?.succeeded).toBe(5);
    expect(jobPods(c, 'para').length).toBe(5);
  });

  it('fails after backoffLimit failures, recreating pods with exponential back-off (10 s, 20 s, …)', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('fail', 'exit 1', { backoffLimit: 2 }));
    c.until(() => conds(get(c, 'fail')).some((x) => x.startsWith('Failed=')), 300_000, 500);
    const j = get(c, 'fail');
    expect(conds(j)).toEqual([
      'FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit',
      'Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit']);
    expect(j.status?.failed).toBe(3);
    const created = jobPods(c, 'fail').map((p) => Date.parse(p.metadata!.creationTimestamp!)).sort();
    expect(created.length).toBe(3);
    const gaps = [created[1] - created[0], created[2] - created[1]];
    // Each pod runs ~1 s (plus the first image pull); the replacement waits 10 s, then 20 s after the failure.
    expect(gaps[0]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[0]).toBeLessThan(16_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(20_000);
    expect(gaps[1]).toBeLessThan(25_000);
    expect(c.events('fail').at(-1)).toBe('Job/fail Warning BackoffLimitExceeded job-controller: Job has reached the specified backoff limit');
  });

  it('activeDeadlineSeconds stops a running Job with DeadlineExceeded', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('slow', 'sleep 600', { activeDeadlineSeconds: 30 }));
    c.until(() => conds(get(c, 'slow')).some((x) => x.startsWith('Failed=')), 120_000, 1000);
    const j = get(c, 'slow');
    expect(conds(j)).toEqual([
      'FailureTarget=True DeadlineExceeded: Job was active longer than specified deadline',
      'Failed=True DeadlineExceeded: Job was active longer than specified deadline']);
    const failedAt = Date.parse(j.status!.conditions![0].lastTransitionTime!);
    expect(failedAt - Date.parse(j.status!.startTime!)).toBe(30_000);
    expect(c.events('slow').some((e) => e.includes('Warning DeadlineExceeded job-controller: Job was active longer than specified deadline'))).toBe(true);
  });

  it('Indexed completion mode gives each pod its index (annotation, label, env, hostname)', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('idx', 'echo $JOB_COMPLETION_INDEX', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    c.advance(500);
    const pods = jobPods(c, 'idx').sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!));
    expect(pods.map((p) => p.metadata!.annotations!['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1', '2']);
    expect(pods.map((p) => p.metadata!.generateName)).toEqual(['idx-0-', 'idx-1-', 'idx-2-']);
    expect(pods.map((p) => p.spec!.hostname)).toEqual(['idx-0', 'idx-1', 'idx-2']);
    expect(pods[0].spec!.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
    c.until(() => !!get(c, 'idx').status?.completionTime);
    expect(get(c, 'idx').status?.completedIndexes).toBe('0-2');
  });

  it('suspend deletes the active pods; resume starts them again', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('sus', 'sleep 600'));
    c.until(() => get(c, 'sus').status?.active === 1);
    c.client.patch(R.jobs, 'default', 'sus', 'application/merge-patch+json', { spec: { suspend: true } });
    c.until(() => conds(get(c, 'sus')).includes('Suspended=True JobSuspended: Job suspended'));
    c.until(() => jobPods(c, 'sus').every((p) => p.metadata!.deletionTimestamp) && !get(c, 'sus').status?.active);
    c.client.patch(R.jobs, 'default', 'sus', 'application/merge-patch+json', { spec: { suspend: false } });
    c.until(() => conds(get(c, 'sus')).includes('Suspended=False JobResumed: Job resumed') && get(c, 'sus').status?.active === 1);
    expect(c.events('sus').filter((e) => e.includes('Suspended') || e.includes('Resumed'))).toEqual([
      'Job/sus Normal Suspended job-controller: Job suspended', 'Job/sus Normal Resumed job-controller: Job resumed']);
  });

  it('ttlSecondsAfterFinished deletes the Job (and, through the garbage collector, its pods)', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('ttl', 'echo done', { ttlSecondsAfterFinished: 10 }));
    c.until(() => !!get(c, 'ttl').status?.completionTime);
    const done = c.now();
    c.until(() => !c.get(R.jobs, 'default', 'ttl'), 60_000, 500);
    expect(c.now() - done).toBeGreaterThanOrEqual(10_000);
    c.until(() => jobPods(c, 'ttl').length === 0, 60_000, 500);
  });

  it('podFailurePolicy FailJob fails the Job at the first matching exit code', () => {
    const c = new WorkloadCluster();
    c.create(R.jobs, job('pfp', 'exit 42', { backoffLimit: 6, podFailurePolicy: { rules: [
      { action: 'FailJob', onExitCodes: { containerName: 'c', operator: 'In', values: [42] } }] } }));
    c.until(() => conds(get(c, 'pfp')).some((x) => x.startsWith('Failed=')), 120_000, 500);
    const pod = jobPods(c, 'pfp')[0].metadata!.name;
    expect(conds(get(c, 'pfp'))).toEqual([
      `FailureTarget=True PodFailurePolicy: Container c for pod default/${pod} failed with exit code 42 matching FailJob rule at index 0`,
      `Failed=True PodFailurePolicy: Container c for pod default/${pod} failed with exit code 42 matching FailJob rule at index 0`]);
    expect(jobPods(c, 'pfp').length).toBe(1);
  });
});
