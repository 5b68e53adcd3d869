// Workload printers: cases from printers_test.go (TestPrintDeployment, TestPrintDaemonSet(List),
// TestPrintReplicaSet(List), TestPrintStatefulSet, TestPrintControllerRevision,
// TestPrintReplicationController, TestPrintJob(List), TestPrintCronJob(List)) and realistic objects.
// Upstream's "time.Now().Add(1.9e9)" creation time (1.9 s in the future) prints "0s".
import { describe, expect, it } from 'vitest';
import { controllerRevisionHandler, daemonSetHandler, deploymentHandler, formatResourceName, replicaSetHandler,
  replicationControllerHandler, statefulSetHandler } from './apps';
import { cronJobHandler, jobHandler } from './batch';
import { ago, SOON, M, rowsOf } from './testing';

const Y = 365 * 24 * 60 * M;
const template = { spec: { containers: [{ name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] } };
const names = 'fake-container1,fake-container2';
const images = 'fake-image1,fake-image2';

describe('Deployment', () => {
  it.each(rowsOf(deploymentHandler, [
    { name: 'TestPrintDeployment', obj: { metadata: { name: 'test1', creationTimestamp: SOON }, spec: { replicas: 5, template,
      selector: { matchLabels: { foo: 'bar' } } }, status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 } },
    cells: ['test1', '0/5', 2, 1, '0s', names, images, 'foo=bar'] },
    { name: 'rolling update', obj: { metadata: { name: 'web', creationTimestamp: ago(90 * M) }, spec: { replicas: 3,
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } }, selector: { matchLabels: { app: 'web' } } },
    status: { replicas: 4, readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 } },
    cells: ['web', '2/3', 1, 2, '90m', 'nginx', 'nginx:1.27', 'app=web'] },
    { name: 'match expressions', obj: { metadata: { name: 'x' }, spec: { replicas: 1, selector: { matchExpressions: [
      { key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'app', operator: 'Exists' }] } } },
    cells: ['x', '0/1', 0, 0, '<unknown>', '', '', 'app,tier in (a,b)'] },
    { name: 'invalid selector operator', obj: { metadata: { name: 'x' }, spec: { selector: { matchExpressions: [
      { key: 'a', operator: 'Bogus' }] } } }, cells: ['x', '0/1', 0, 0, '<unknown>', '', '', '<invalid>'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('ReplicaSet', () => {
  it.each(rowsOf(replicaSetHandler, [
    { name: 'TestPrintReplicaSet', obj: { metadata: { name: 'test1', creationTimestamp: SOON }, spec: { replicas: 5, template,
      selector: { matchLabels: { foo: 'bar' } } }, status: { replicas: 5, readyReplicas: 2 } },
    cells: ['test1', 5, 5, 2, '0s', names, images, 'foo=bar'] },
    { name: 'TestPrintReplicaSetList item 2', obj: { metadata: { name: 'replicaset2', creationTimestamp: SOON }, spec: { replicas: 4,
      template: {}, selector: { matchLabels: { foo: 'bar' } } }, status: { replicas: 3, readyReplicas: 1 } },
    cells: ['replicaset2', 4, 3, 1, '0s', '', '', 'foo=bar'] },
    { name: 'no selector prints <none>', obj: { metadata: { name: 'r' }, spec: { replicas: 0 } },
      cells: ['r', 0, 0, 0, '<unknown>', '', '', '<none>'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('StatefulSet', () => {
  it.each(rowsOf(statefulSetHandler, [
    { name: 'TestPrintStatefulSet', obj: { metadata: { name: 'test1', creationTimestamp: SOON }, spec: { replicas: 5, template },
      status: { replicas: 5, readyReplicas: 2 } }, cells: ['test1', '2/5', '0s', names, images] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('DaemonSet', () => {
  it.each(rowsOf(daemonSetHandler, [
    { name: 'TestPrintDaemonSet', obj: { metadata: { name: 'test1', creationTimestamp: SOON }, spec: { template,
      selector: { matchLabels: { foo: 'bar' } } }, status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1,
      updatedNumberScheduled: 2, numberAvailable: 0 } },
    cells: ['test1', 3, 2, 1, 2, 0, '<none>', '0s', names, images, 'foo=bar'] },
    { name: 'node selector', obj: { metadata: { name: 'kube-proxy', creationTimestamp: ago(2 * 24 * 60 * M) }, spec: {
      template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.0' }] } },
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } } }, status: { currentNumberScheduled: 1, desiredNumberScheduled: 1,
      numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 } },
    cells: ['kube-proxy', 1, 1, 1, 1, 1, 'kubernetes.io/os=linux', '2d', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.0', 'k8s-app=kube-proxy'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('ControllerRevision', () => {
  const owner = (o: object) => ({ metadata: { name: 'test', creationTimestamp: SOON, ownerReferences: [o] }, revision: 1 });
  it.each(rowsOf(controllerRevisionHandler, [
    { name: 'controller owner', obj: owner({ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo' }),
      cells: ['test', 'daemonset.apps/foo', 1, '0s'] },
    { name: 'non-controller owner', obj: owner({ controller: false, kind: 'ABC', name: 'foo' }), cells: ['test', '<none>', 1, '0s'] },
    { name: 'no owners', obj: { metadata: { name: 'test', creationTimestamp: SOON }, revision: 3 }, cells: ['test', '<none>', 3, '0s'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each([
    ['', '', '', ''], ['', '', 'name', 'name'], ['', 'Kind', '', 'kind/'], ['', 'Kind', 'name', 'kind/name'],
    ['group', 'Kind', 'name', 'kind.group/name'],
  ])('formatResourceName(%j, %j, %j) = %j (TestFormatResourceName)', (g, k, n, want) => {
    expect(formatResourceName(g, k, n)).toBe(want);
  });
});

describe('ReplicationController', () => {
  const rc = (o: object) => ({ metadata: { name: 'rc1', namespace: 'test-namespace' }, spec: { replicas: 5, selector: { a: 'b' },
    template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'test', image: 'test_image' }] } } }, ...o });
  it.each(rowsOf(replicationControllerHandler, [
    { name: 'basic', obj: rc({ spec: { replicas: 0, selector: { a: 'b' } } }), cells: ['rc1', 0, 0, 0, '<unknown>', '', '', 'a=b'] },
    { name: 'with status', obj: rc({ status: { replicas: 3, readyReplicas: 1 } }),
      cells: ['rc1', 5, 3, 1, '<unknown>', 'test', 'test_image', 'a=b'] },
    { name: 'no panic on a bookmark-like object', obj: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } },
      spec: { replicas: 0 } }, cells: ['', 0, 0, 0, '<unknown>', '', '', '<none>'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('Job', () => {
  const job = (o: Record<string, unknown>) => ({ metadata: { name: 'job1', creationTimestamp: SOON, ...(o.metadata as object) },
    spec: { template, selector: { matchLabels: { 'job-label': 'job-label-value' } }, ...(o.spec as object) }, status: o.status ?? {} });
  const tail = [names, images, 'job-label=job-label-value'];
  it.each(rowsOf(jobHandler, [
    { name: 'running, 1/2', obj: job({ spec: { completions: 2 }, status: { succeeded: 1 } }), cells: ['job1', 'Running', '1/2', '', '0s', ...tail] },
    { name: 'ten-year age', obj: job({ metadata: { creationTimestamp: ago(10 * Y + 3 * 24 * 60 * M) } }),
      cells: ['job1', 'Running', '0/1', '', '10y', ...tail] },
    { name: 'duration from start to completion', obj: job({ status: { startTime: ago(-M), completionTime: ago(-31 * M) } }),
      cells: ['job1', 'Running', '0/1', '30m', '0s', ...tail] },
    { name: 'duration while running', obj: job({ status: { startTime: ago(20 * M) } }), cells: ['job1', 'Running', '0/1', '20m', '0s', ...tail] },
    { name: 'Complete', obj: job({ status: { conditions: [{ type: 'Complete', status: 'True' }] } }),
      cells: ['job1', 'Complete', '0/1', '', '0s', ...tail] },
    { name: 'Failed', obj: job({ status: { conditions: [{ type: 'Failed', status: 'True' }] } }), cells: ['job1', 'Failed', '0/1', '', '0s', ...tail] },
    { name: 'Suspended', obj: job({ status: { conditions: [{ type: 'Suspended', status: 'True' }] } }),
      cells: ['job1', 'Suspended', '0/1', '', '0s', ...tail] },
    { name: 'FailureTarget', obj: job({ status: { conditions: [{ type: 'FailureTarget', status: 'True' }] } }),
      cells: ['job1', 'FailureTarget', '0/1', '', '0s', ...tail] },
    { name: 'Terminating', obj: job({ metadata: { deletionTimestamp: SOON } }), cells: ['job1', 'Terminating', '0/1', '', '0s', ...tail] },
    { name: 'Complete beats Terminating', obj: job({ metadata: { deletionTimestamp: SOON },
      status: { conditions: [{ type: 'Complete', status: 'True' }] } }), cells: ['job1', 'Complete', '0/1', '', '0s', ...tail] },
    { name: 'a False condition does not count', obj: job({ status: { conditions: [{ type: 'Suspended', status: 'False' }] } }),
      cells: ['job1', 'Running', '0/1', '', '0s', ...tail] },
    { name: 'parallel work queue', obj: job({ spec: { parallelism: 4 }, status: { succeeded: 1 } }),
      cells: ['job1', 'Running', '1/1 of 4', '', '0s', ...tail] },
    { name: 'completed pi job', obj: job({ spec: { completions: 1, parallelism: 1 }, status: { succeeded: 1, startTime: ago(2 * M),
      completionTime: ago(M + 15_000), conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }] } }),
    cells: ['job1', 'Complete', '1/1', '45s', '0s', ...tail] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('CronJob', () => {
  const jobTemplate = { spec: { completions: 2, template, selector: { matchLabels: { a: 'b' } } } };
  it.each(rowsOf(cronJobHandler, [
    { name: 'basic', obj: { metadata: { name: 'cronjob1', creationTimestamp: SOON }, spec: { schedule: '0/5 * * * ?', suspend: false,
      jobTemplate }, status: { lastScheduleTime: SOON } },
    cells: ['cronjob1', '0/5 * * * ?', '<none>', 'False', 0, '0s', '0s', names, images, 'a=b'] },
    { name: 'time zone', obj: { metadata: { name: 'cronjob1', creationTimestamp: SOON }, spec: { schedule: '0/5 * * * ?',
      timeZone: 'LOCAL', suspend: false, jobTemplate }, status: { lastScheduleTime: SOON } },
    cells: ['cronjob1', '0/5 * * * ?', 'LOCAL', 'False', 0, '0s', '0s', names, images, 'a=b'] },
    { name: 'last schedule and age', obj: { metadata: { name: 'cronjob2', creationTimestamp: ago(5 * M) }, spec: {
      schedule: '0/5 * * * ?', suspend: false }, status: { lastScheduleTime: ago(30_000) } },
    cells: ['cronjob2', '0/5 * * * ?', '<none>', 'False', 0, '30s', '5m', '', '', '<none>'] },
    { name: 'never scheduled', obj: { metadata: { name: 'cronjob3', creationTimestamp: ago(5 * M) }, spec: {
      schedule: '0/5 * * * ?', suspend: false }, status: {} },
    cells: ['cronjob3', '0/5 * * * ?', '<none>', 'False', 0, '<none>', '5m', '', '', '<none>'] },
    { name: 'suspend unset, two active jobs', obj: { metadata: { name: 'c' }, spec: { schedule: '*/1 * * * *' },
      status: { active: [{ name: 'c-1' }, { name: 'c-2' }] } },
    cells: ['c', '*/1 * * * *', '<none>', '<unset>', 2, '<none>', '<unknown>', '', '', '<none>'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});
