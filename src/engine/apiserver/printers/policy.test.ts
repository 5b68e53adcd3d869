// Policy, scheduling, RBAC and HPA printers: cases from printers_test.go (TestPrintPodDisruptionBudget,
// TestPrintPriorityClass, TestPrintRoleBinding, TestPrintClusterRoleBinding, TestPrintHPA).
import { describe, expect, it } from 'vitest';
import { horizontalPodAutoscalerHandler } from './autoscaling';
import { clusterRoleBindingHandler, podDisruptionBudgetHandler, priorityClassHandler, roleBindingHandler } from './policy';
import { ago, SOON, M, U, rowsOf } from './testing';

describe('PodDisruptionBudget', () => {
  it.each(rowsOf(podDisruptionBudgetHandler, [
    { name: 'min available', obj: { metadata: { namespace: 'ns1', name: 'pdb1', creationTimestamp: SOON }, spec: { minAvailable: 22 },
      status: { disruptionsAllowed: 5 } }, cells: ['pdb1', '22', 'N/A', 5, '0s'] },
    { name: 'max unavailable', obj: { metadata: { namespace: 'ns2', name: 'pdb2', creationTimestamp: SOON }, spec: { maxUnavailable: 11 },
      status: { disruptionsAllowed: 5 } }, cells: ['pdb2', 'N/A', '11', 5, '0s'] },
    { name: 'percentage, no status', obj: { metadata: { name: 'pdb3' }, spec: { maxUnavailable: '50%' } },
      cells: ['pdb3', 'N/A', '50%', 0, U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('PriorityClass', () => {
  it.each(rowsOf(priorityClassHandler, [
    { name: 'PreemptNever', obj: { metadata: { name: 'pc1', creationTimestamp: SOON }, value: 1, preemptionPolicy: 'Never' },
      cells: ['pc1', 1, false, '0s', 'Never'] },
    { name: 'PreemptLowerPriority, global default', obj: { metadata: { name: 'pc2', creationTimestamp: ago(5 * M) }, value: 1000000000,
      globalDefault: true, preemptionPolicy: 'PreemptLowerPriority' }, cells: ['pc2', 1000000000, true, '5m', 'PreemptLowerPriority'] },
    { name: 'no preemption policy', obj: { metadata: { name: 'pc2', creationTimestamp: ago(5 * M) }, value: 1000000000, globalDefault: true },
      cells: ['pc2', 1000000000, true, '5m', ''] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('RoleBinding and ClusterRoleBinding', () => {
  const subjects = [{ kind: 'User', name: 'user-name' }, { kind: 'Group', name: 'group-name' },
    { kind: 'ServiceAccount', name: 'service-account-name', namespace: 'service-account-namespace' }];
  for (const [kind, h] of [['RoleBinding', roleBindingHandler], ['ClusterRoleBinding', clusterRoleBindingHandler]] as const) {
    describe(kind, () => it.each(rowsOf(h, [
      { name: 'basic', obj: { metadata: { name: 'binding1', creationTimestamp: SOON }, subjects: [{ kind: 'User',
        name: 'system:kube-controller-manager' }], roleRef: { kind: 'Role', name: 'extension-apiserver-authentication-reader' } },
      cells: ['binding1', 'Role/extension-apiserver-authentication-reader', '0s', 'system:kube-controller-manager', '', ''] },
      { name: 'subjects of each kind', obj: { metadata: { name: 'binding2', creationTimestamp: SOON }, subjects,
        roleRef: { kind: 'Role', name: 'role-name' } },
      cells: ['binding2', 'Role/role-name', '0s', 'user-name', 'group-name', 'service-account-namespace/service-account-name'] },
      { name: 'several users', obj: { metadata: { name: 'b3' }, subjects: [{ kind: 'User', name: 'a' }, { kind: 'User', name: 'b' }],
        roleRef: { kind: 'ClusterRole', name: 'view' } }, cells: ['b3', 'ClusterRole/view', U, 'a, b', '', ''] },
    ]))('$name', ({ got, want }) => expect(got).toEqual(want)));
  }
});

describe('HorizontalPodAutoscaler (TestPrintHPA)', () => {
  const ref = { name: 'some-rc', kind: 'ReplicationController' };
  const hpa = (metrics: unknown[] | undefined, currentMetrics?: unknown[], min: number | null = 2) => ({
    metadata: { name: 'some-hpa' }, spec: { scaleTargetRef: ref, minReplicas: min ?? undefined, maxReplicas: 10, metrics },
    status: { currentReplicas: 4, desiredReplicas: 5, currentMetrics } });
  const row = (targets: string, min = '2') => ['some-hpa', 'ReplicationController/some-rc', targets, min, 10, 4, U];
  const avg = (v: string) => ({ type: 'AverageValue', averageValue: v });
  const val = (v: string) => ({ type: 'Value', value: v });
  const util = (n: number) => ({ type: 'Utilization', averageUtilization: n });
  const ext = (target: object) => ({ type: 'External', external: { metric: { name: 'some-external-metric' }, target } });
  const extSt = (current: object) => ({ type: 'External', external: { metric: { name: 'some-external-metric' }, current } });
  const pods = (target: object, name = 'some-pods-metric') => ({ type: 'Pods', pods: { metric: { name }, target } });
  const podsSt = (current: object) => ({ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, current } });
  const obj = (target: object) => ({ type: 'Object', object: { describedObject: { name: 'some-service', kind: 'Service' },
    metric: { name: 'some-service-metric' }, target } });
  const objSt = (current: object) => ({ type: 'Object', object: { describedObject: { name: 'some-service', kind: 'Service' },
    metric: { name: 'some-service-metric' }, current } });
  const res = (target: object) => ({ type: 'Resource', resource: { name: 'cpu', target } });
  const resSt = (current: object) => ({ type: 'Resource', resource: { name: 'cpu', current } });
  const cres = (target: object) => ({ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', target } });
  const cresSt = (current: object) => ({ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', current } });
  it.each(rowsOf(horizontalPodAutoscalerHandler, [
    { name: 'minReplicas unset', obj: hpa(undefined, undefined, null), cells: row('<none>', '<unset>') },
    { name: 'external average value, no current', obj: hpa([ext(avg('100m'))]), cells: row('<unknown>/100m (avg)') },
    { name: 'external average value', obj: hpa([ext(avg('100m'))], [extSt({ averageValue: '50m' })]), cells: row('50m/100m (avg)') },
    { name: 'external value, no current', obj: hpa([ext(val('100m'))]), cells: row('<unknown>/100m') },
    { name: 'external value', obj: hpa([ext(val('100m'))], [extSt({ value: '50m' })]), cells: row('50m/100m') },
    { name: 'pods, no current', obj: hpa([pods(avg('100m'))]), cells: row('<unknown>/100m') },
    { name: 'pods', obj: hpa([pods(avg('100m'))], [podsSt({ averageValue: '50m' })]), cells: row('50m/100m') },
    { name: 'object value, no current', obj: hpa([obj(val('100m'))]), cells: row('<unknown>/100m') },
    { name: 'object value', obj: hpa([obj(val('100m'))], [objSt({ value: '50m' })]), cells: row('50m/100m') },
    { name: 'resource average value, no current', obj: hpa([res(avg('100m'))]), cells: row('cpu: <unknown>/100m') },
    { name: 'resource average value', obj: hpa([res(avg('100m'))], [resSt({ averageValue: '50m' })]), cells: row('cpu: 50m/100m') },
    { name: 'resource utilization, no current', obj: hpa([res(util(80))]), cells: row('cpu: <unknown>/80%') },
    { name: 'resource utilization', obj: hpa([res(util(80))], [resSt({ averageUtilization: 50, averageValue: '40m' })]),
      cells: row('cpu: 50%/80%') },
    { name: 'container resource average value, no current', obj: hpa([cres(avg('100m'))]), cells: row('cpu: <unknown>/100m') },
    { name: 'container resource average value', obj: hpa([cres(avg('100m'))], [cresSt({ averageValue: '50m' })]), cells: row('cpu: 50m/100m') },
    { name: 'container resource utilization, no current', obj: hpa([cres(util(80))]), cells: row('cpu: <unknown>/80%') },
    { name: 'container resource utilization', obj: hpa([cres(util(80))], [cresSt({ averageUtilization: 50, averageValue: '40m' })]),
      cells: row('cpu: 50%/80%') },
    { name: 'multiple specs', obj: hpa([pods(avg('100m')), res(util(80)), pods(avg('400m'), 'other-pods-metric')],
      [podsSt({ averageValue: '50m' }), resSt({ averageUtilization: 50, averageValue: '40m' })]),
    cells: row('50m/100m, cpu: 50%/80% + 1 more...') },
    { name: 'quantities print canonically', obj: hpa([res(avg('0.5'))], [resSt({ averageValue: '250m' })]), cells: row('cpu: 250m/500m') },
    { name: 'utilization target unset', obj: hpa([res({ type: 'Utilization' })]), cells: row('cpu: <unknown>/<auto>') },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});
