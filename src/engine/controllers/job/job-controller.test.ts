import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../api';
import { EventRecorder, R } from '../../client';
import { SimClock } from '../../clock';
import { FakePodControl } from '../shared';
import { FakeApi, fakeClient, seededInformer } from '../shared/testing';
import { JobController } from './job-controller';

const T0 = Date.UTC(2025, 0, 15, 9);
const newJob = (spec: Partial<Job['spec']> = {}, status: Job['status'] = {}): Job => ({
  apiVersion: 'batch/v1', kind: 'Job',
  metadata: { name: 'pi', namespace: 'default', uid: 'job-uid', generation: 1, resourceVersion: '5' },
  spec: { parallelism: 1, completions: 1, backoffLimit: 6, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } },
    template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } }, spec: { containers: [{ name: 'c', image: 'perl' }],
      restartPolicy: 'Never' } }, ...spec } as Job['spec'],
  status,
});
const newPod = (name: string, phase: string, finalizer = true, finishedAt = '2025-01-15T08:59:50Z'): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', labels: { 'batch.kubernetes.io/controller-uid': 'job-uid' },
    finalizers: finalizer ? ['batch.kubernetes.io/job-tracking'] : [],
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid', controller: true, blockOwnerDeletion: true }] },
  spec: { containers: [], nodeName: 'minikube' },
  status: { phase, containerStatuses: [{ name: 'c', image: '', imageID: '', ready: false, restartCount: 0,
    state: phase === 'Running' ? { running: {} } : { terminated: { exitCode: phase === 'Succeeded' ? 0 : 1, finishedAt } } }] },
} as Pod);

function setup(job: Job, pods: Pod[]) {
  const api = new FakeApi().seed(R.jobs, job).seed(R.pods, ...pods);
  const client = fakeClient(api);
  const clock = new SimClock({ start: T0 });
  const podControl = new FakePodControl();
  const c = new JobController({ jobs: seededInformer(client, R.jobs, [job]), pods: seededInformer(client, R.pods, pods), client, podControl,
    recorder: new EventRecorder(client, clock, { component: 'job-controller' }), clock });
  const statuses = () => api.actionsOn('jobs').filter((a) => a.subresource === 'status').map((a) => (a.body as Job).status);
  const events = () => api.actionsOn('events').filter((a) => a.verb === 'create').map((a) => `${(a.body as { reason: string }).reason}: ${(a.body as { message: string }).message}`);
  return { api, c, podControl, statuses, events };
}

describe('JobController.sync', () => {
  it('creates parallelism pods carrying the tracking finalizer and records active', () => {
    const { c, podControl, statuses } = setup(newJob({ parallelism: 3, completions: 5 }), []);
    c.sync('default/pi');
    expect(podControl.createCallCount).toBe(3);
    expect(podControl.templates[0].metadata?.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(c.expectations.get('default/pi')).toEqual({ add: 3, del: 0 });
    expect(statuses()).toEqual([{ active: 3, ready: 0, terminating: 0, startTime: '2025-01-15T09:00:00Z', uncountedTerminatedPods: {} }]);
  });

  it('counts a succeeded pod through uncountedTerminatedPods, drops its finalizer, then completes', () => {
    const { c, podControl, statuses, events } = setup(newJob({}, { startTime: '2025-01-15T08:59:40Z', active: 1 }), [newPod('pi-a', 'Succeeded')]);
    c.sync('default/pi');
    expect(podControl.patches).toEqual([{ name: 'pi-a', patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['batch.kubernetes.io/job-tracking'] } } }]);
    const [first, last] = statuses();
    expect(first!.uncountedTerminatedPods).toEqual({ succeeded: ['uid-pi-a'] });
    expect(first!.conditions!.map((x) => x.type)).toEqual(['SuccessCriteriaMet']);
    expect(last).toMatchObject({ succeeded: 1, uncountedTerminatedPods: {}, completionTime: '2025-01-15T09:00:00Z' });
    expect(last!.conditions!.map((x) => `${x.type}/${x.reason}`)).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(events()).toEqual(['Completed: Job completed']);
  });

  it('fails once failures exceed backoffLimit: FailureTarget, then Failed, with a warning', () => {
    const { c, statuses, events } = setup(newJob({ backoffLimit: 1 }, { startTime: '2025-01-15T08:59:00Z', failed: 1 }), [newPod('pi-b', 'Failed')]);
    c.sync('default/pi');
    const last = statuses().at(-1)!;
    expect(last.failed).toBe(2);
    expect(last.conditions!.map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(events()).toEqual(['BackoffLimitExceeded: Job has reached the specified backoff limit']);
  });

  it('waits for the pod-failure back-off before replacing a failed pod', () => {
    const { c, podControl } = setup(newJob({}, { startTime: '2025-01-15T08:59:00Z' }), [newPod('pi-c', 'Failed', true, '2025-01-15T08:59:55Z')]);
    c.sync('default/pi');
    expect(podControl.createCallCount).toBe(0); // failed 5 s ago: the first back-off is 10 s
    expect(c.queue.len()).toBe(0); // requeued for 5 s from now, not at once
  });

  it('leaves a Job managed by another controller alone', () => {
    const { c, api } = setup(newJob({ managedBy: 'example.com/other' } as Partial<Job['spec']>), []);
    c.sync('default/pi');
    expect(api.actions).toEqual([]);
  });
});
