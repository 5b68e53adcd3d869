// Core printers: cases from printers_test.go (TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeOSImage,
// TestPrintNodeKernelVersion, TestPrintNodeContainerRuntimeVersion, TestPrintNodeName,
// TestPrintNodeExternalIP, TestPrintNodeInternalIP, TestPrintEvent, TestPrintNamespace, TestPrintSecret,
// TestPrintServiceAccount, TestPrintConfigMap, TestPrintComponentStatus, TestPrintResourceQuota,
// TestPrintLease) and realistic objects. The server prints wide, so every row has all columns.
import { describe, expect, it } from 'vitest';
import { componentStatusHandler, configMapHandler, eventHandler, leaseHandler, namespaceHandler, nodeHandler,
  resourceQuotaHandler, secretHandler, serviceAccountHandler } from './core';
import { NOW, ago, SOON, M, U, rowsOf } from './testing';

const D = 24 * 60 * M;

describe('Node', () => {
  const node = (name: string, o: object = {}) => ({ metadata: { name }, ...o });
  const ready = (status: string) => ({ status: { conditions: [{ type: 'Ready', status }] } });
  const wideTail = ['<none>', '<none>', U, U, U];
  it.each(rowsOf(nodeHandler, [
    { name: 'Ready', obj: node('foo1', ready('True')), cells: ['foo1', 'Ready', '<none>', U, '', ...wideTail] },
    { name: 'Ready, cordoned', obj: node('foo2', { spec: { unschedulable: true }, ...ready('True') }),
      cells: ['foo2', 'Ready,SchedulingDisabled', '<none>', U, '', ...wideTail] },
    { name: 'two Ready conditions', obj: node('foo3', { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'True' }] } }),
      cells: ['foo3', 'Ready', '<none>', U, '', ...wideTail] },
    { name: 'NotReady', obj: node('foo4', ready('False')), cells: ['foo4', 'NotReady', '<none>', U, '', ...wideTail] },
    { name: 'NotReady, cordoned', obj: node('foo5', { spec: { unschedulable: true }, ...ready('False') }),
      cells: ['foo5', 'NotReady,SchedulingDisabled', '<none>', U, '', ...wideTail] },
    { name: 'Ready condition Unknown is NotReady', obj: node('lost', ready('Unknown')), cells: ['lost', 'NotReady', '<none>', U, '', ...wideTail] },
    { name: 'no Ready condition', obj: node('foo6', { status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }),
      cells: ['foo6', 'Unknown', '<none>', U, '', ...wideTail] },
    { name: 'empty condition', obj: node('foo7', { status: { conditions: [{}] } }), cells: ['foo7', 'Unknown', '<none>', U, '', ...wideTail] },
    { name: 'no Ready condition, cordoned', obj: node('foo8', { spec: { unschedulable: true },
      status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }), cells: ['foo8', 'Unknown,SchedulingDisabled', '<none>', U, '', ...wideTail] },
    { name: 'roles from labels, sorted', obj: { metadata: { name: 'foo10', labels: { 'node-role.kubernetes.io/master': '',
      'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/proxy': '', 'kubernetes.io/role': 'node' } } },
    cells: ['foo10', 'Unknown', 'control-plane,master,node,proxy', U, '', ...wideTail] },
    { name: 'kubernetes.io/role only', obj: { metadata: { name: 'foo11', labels: { 'kubernetes.io/role': 'node' } } },
      cells: ['foo11', 'Unknown', 'node', U, '', ...wideTail] },
    { name: 'empty role suffix and empty role value are ignored', obj: { metadata: { name: 'n', labels: {
      'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' } } }, cells: ['n', 'Unknown', '<none>', U, '', ...wideTail] },
    { name: 'OS image', obj: node('foo1', { status: { nodeInfo: { osImage: 'fake-os-image' }, addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }] } }),
      cells: ['foo1', 'Unknown', '<none>', U, '', '<none>', '1.1.1.1', 'fake-os-image', U, U] },
    { name: 'kernel version', obj: node('foo1', { status: { nodeInfo: { kernelVersion: 'fake-kernel-version' },
      addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }] } }),
    cells: ['foo1', 'Unknown', '<none>', U, '', '<none>', '1.1.1.1', U, 'fake-kernel-version', U] },
    { name: 'container runtime', obj: node('foo1', { status: { nodeInfo: { containerRuntimeVersion: 'foo://1.2.3' },
      addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }] } }),
    cells: ['foo1', 'Unknown', '<none>', U, '', '<none>', '1.1.1.1', U, U, 'foo://1.2.3'] },
    { name: 'IP-like name', obj: node('127.0.0.1', { status: {} }), cells: ['127.0.0.1', 'Unknown', '<none>', U, '', ...wideTail] },
    { name: 'first of each address type', obj: node('foo3', { status: { addresses: [{ type: 'ExternalIP', address: '2.2.2.2' },
      { type: 'InternalIP', address: '3.3.3.3' }, { type: 'ExternalIP', address: '4.4.4.4' }] } }),
    cells: ['foo3', 'Unknown', '<none>', U, '', '3.3.3.3', '2.2.2.2', U, U, U] },
    { name: 'minikube-like control plane', obj: { metadata: { name: 'minikube', creationTimestamp: ago(12 * D),
      labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'minikube' } },
    status: { conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
      addresses: [{ type: 'InternalIP', address: '192.168.49.2' }, { type: 'Hostname', address: 'minikube' }],
      nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '6.8.0-1017-gcp',
        containerRuntimeVersion: 'docker://27.4.1' } } },
    cells: ['minikube', 'Ready', 'control-plane', '12d', 'v1.32.0', '192.168.49.2', '<none>', 'Ubuntu 22.04.5 LTS',
      '6.8.0-1017-gcp', 'docker://27.4.1'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('Event (wide: LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME)', () => {
  const ev = (o: object) => ({ metadata: { name: 'event2' }, involvedObject: { kind: 'Deployment', name: 'Deployment Name',
    fieldPath: 'spec.containers{foo}' }, reason: 'Event Reason', message: 'Message Data', type: 'Warning', ...o });
  it.each(rowsOf(eventHandler, [
    { name: 'basic', obj: ev({ source: { component: 'kubelet', host: 'Node1' }, firstTimestamp: ago(3 * D), lastTimestamp: ago(2 * D),
      count: 6 }), cells: ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1',
      'Message Data', '3d', 6, 'event2'] },
    { name: 'no firstTimestamp: eventTime', obj: ev({ source: { component: 'kubelet', host: 'Node1' },
      eventTime: new Date(NOW - 3 * D).toISOString().replace('Z', '000Z'), lastTimestamp: ago(3 * D), count: 1 }),
    cells: ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event2'] },
    { name: 'no lastTimestamp: first seen', obj: ev({ source: { component: 'kubelet', host: 'Node1' }, firstTimestamp: ago(3 * D), count: 1 }),
      cells: ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event2'] },
    { name: 'series', obj: ev({ source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * D),
      series: { count: 2, lastObservedTime: ago(2 * D) } }),
    cells: ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 2, 'event2'] },
    { name: 'singleton without count', obj: ev({ source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * D) }),
      cells: ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event2'] },
    { name: 'reportingController/Instance when source is empty', obj: ev({ reportingComponent: 'kubelet', reportingInstance: 'test',
      firstTimestamp: ago(3 * D), lastTimestamp: ago(2 * D), count: 6 }),
    cells: ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, test', 'Message Data', '3d', 6, 'event2'] },
    { name: 'no timestamps at all', obj: { metadata: { name: 'e' }, involvedObject: { kind: 'Node' } },
      cells: [U, '', '', 'node', '', '', '', U, 1, 'e'] },
    { name: 'scheduler event', obj: { metadata: { name: 'web-1.181a', namespace: 'default' }, type: 'Normal', reason: 'Scheduled',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1' }, source: { component: 'default-scheduler' },
      message: 'Successfully assigned default/web-1 to node-1\n', firstTimestamp: ago(2 * M), lastTimestamp: ago(2 * M), count: 1 },
    cells: ['2m', 'Normal', 'Scheduled', 'pod/web-1', '', 'default-scheduler', 'Successfully assigned default/web-1 to node-1', '2m', 1, 'web-1.181a'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('Namespace, Secret, ServiceAccount, ConfigMap, Lease', () => {
  it.each(rowsOf(namespaceHandler, [
    { name: 'namespace with status', obj: { metadata: { name: 'namespace1', creationTimestamp: SOON }, status: { phase: 'FooStatus' } },
      cells: ['namespace1', 'FooStatus', '0s'] },
    { name: 'namespace without status or age', obj: { metadata: { name: 'namespace2' } }, cells: ['namespace2', '', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(secretHandler, [
    { name: 'secret with data', obj: { metadata: { name: 'secret1', creationTimestamp: SOON }, type: 'kubernetes.io/service-account-token',
      data: { token: 'c2VjcmV0' } }, cells: ['secret1', 'kubernetes.io/service-account-token', 1, '0s'] },
    { name: 'secret without data', obj: { metadata: { name: 'secret1', creationTimestamp: SOON }, type: 'Opaque' },
      cells: ['secret1', 'Opaque', 0, '0s'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(serviceAccountHandler, [
    { name: 'no secrets', obj: { metadata: { name: 'sa1', creationTimestamp: SOON }, secrets: [] }, cells: ['sa1', 0, '0s'] },
    { name: 'two secrets', obj: { metadata: { name: 'sa1', creationTimestamp: SOON }, secrets: [{ name: 'Secret1' }, { name: 'Secret2' }] },
      cells: ['sa1', 2, '0s'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(configMapHandler, [
    { name: 'no data', obj: { metadata: { name: 'configmap1', creationTimestamp: SOON } }, cells: ['configmap1', 0, '0s'] },
    { name: 'one entry', obj: { metadata: { name: 'configmap2', creationTimestamp: SOON }, data: { foo: 'bar' } }, cells: ['configmap2', 1, '0s'] },
    { name: 'data and binaryData', obj: { metadata: { name: 'configmap3', creationTimestamp: SOON }, data: { foo: 'bar' },
      binaryData: { bin: 'YmluYXJ5' } }, cells: ['configmap3', 2, '0s'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(leaseHandler, [
    { name: 'lease1', obj: { metadata: { name: 'lease1', creationTimestamp: SOON }, spec: { holderIdentity: 'holder1' } },
      cells: ['lease1', 'holder1', '0s'] },
    { name: 'lease2', obj: { metadata: { name: 'lease2', creationTimestamp: ago(5 * M) }, spec: { holderIdentity: 'holder2' } },
      cells: ['lease2', 'holder2', '5m'] },
    { name: 'no holder', obj: { metadata: { name: 'l' }, spec: {} }, cells: ['l', '', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('ComponentStatus', () => {
  it.each(rowsOf(componentStatusHandler, [
    { name: 'no conditions', obj: { metadata: { name: 'cs1' }, conditions: [] }, cells: ['cs1', 'Unknown', '', ''] },
    { name: 'healthy', obj: { metadata: { name: 'cs2' }, conditions: [{ type: 'Healthy', status: 'True', message: 'test message',
      error: 'test error' }] }, cells: ['cs2', 'Healthy', 'test message', 'test error'] },
    { name: 'unhealthy', obj: { metadata: { name: 'cs3' }, conditions: [{ type: 'Healthy', status: 'False', message: 'test message',
      error: 'test error' }] }, cells: ['cs3', 'Unhealthy', 'test message', 'test error'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('ResourceQuota', () => {
  it.each(rowsOf(resourceQuotaHandler, [
    { name: 'TestPrintResourceQuota', obj: { metadata: { name: 'test-resourcequota', creationTimestamp: ago(5 * M) }, spec: {},
      status: {
        used: { cpu: '1', memory: '1Gi', pods: '1', services: '1', replicationcontrollers: '1', resourcequotas: '1',
          'limits.cpu': '2', 'limits.memory': '2Gi' },
        hard: { cpu: '100', memory: '4Gi', pods: '10', services: '10', replicationcontrollers: '10', resourcequotas: '1',
          'limits.cpu': '200', 'limits.memory': '8Gi' },
      } },
    cells: ['test-resourcequota', 'cpu: 1/100, memory: 1Gi/4Gi, pods: 1/10, replicationcontrollers: 1/10, resourcequotas: 1/1, services: 1/10',
      'limits.cpu: 2/200, limits.memory: 2Gi/8Gi', '5m'] },
    { name: 'nothing used yet, quantities canonicalized', obj: { metadata: { name: 'q' }, status: { hard: { 'requests.cpu': '0.5',
      'requests.memory': '1024Mi' } } }, cells: ['q', 'requests.cpu: 0/500m, requests.memory: 0/1Gi', '', U] },
    { name: 'no status', obj: { metadata: { name: 'q' } }, cells: ['q', '', '', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});
