// printPod cases ported from pkg/printers/internalversion/printers_test.go (TestPrintPod,
// TestPrintPodWithRestartableInitContainer, TestPrintPodwide, TestPrintPodConditions,
// TestPrintNonTerminatedPod), plus pods as the sim's kubelet writes them.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api';
import { podHandler, podTemplateHandler } from './pod';
import { NOW, ago } from './testing';

const S = 1000;
const M = 60 * S;
const D = 24 * 60 * M;
const pod = (p: unknown): Pod => p as Pod;
const containers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}` }));
const running = { running: {} };
const finishedAgo = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } });
const always = 'Always';

interface Case { name: string; pod: Pod; cells: unknown[]; conditions?: unknown }

// Upstream's non-wide expectations: NAME READY STATUS RESTARTS AGE.
const cases: Case[] = [
  {
    name: 'name, containers, restarts, ready status',
    pod: pod({ metadata: { name: 'test1' }, spec: { containers: containers(2) }, status: { phase: 'podPhase',
      containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] } }),
    cells: ['test1', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    name: 'container error overwrites pod phase',
    pod: pod({ metadata: { name: 'test2' }, spec: { containers: containers(2) }, status: { phase: 'podPhase',
      containerStatuses: [{ ready: true, restartCount: 3, state: running },
        { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] } }),
    cells: ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    name: 'the first container overwrites the rest',
    pod: pod({ metadata: { name: 'test3' }, spec: { containers: containers(2) }, status: { phase: 'podPhase',
      containerStatuses: [{ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
        { state: { terminated: { reason: 'ContainerTerminatedReason' } }, restartCount: 3 }] } }),
    cells: ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    name: 'ready is not enough for reporting running',
    pod: pod({ metadata: { name: 'test4' }, spec: { containers: containers(2) }, status: { phase: 'podPhase',
      containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] } }),
    cells: ['test4', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    name: 'status.reason beats the phase',
    pod: pod({ metadata: { name: 'test5' }, spec: { containers: containers(2) }, status: { reason: 'podReason', phase: 'podPhase',
      containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] } }),
    cells: ['test5', '1/2', 'podReason', '6', '<unknown>'],
  },
  {
    name: 'one running, one completed, no Ready condition',
    pod: pod({ metadata: { name: 'test6' }, spec: { containers: containers(2) }, status: { phase: 'Running',
      containerStatuses: [{ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        { ready: true, restartCount: 3, state: running }] } }),
    cells: ['test6', '1/2', 'NotReady', '6', '<unknown>'],
  },
  {
    name: 'one running, one completed, Ready condition',
    pod: pod({ metadata: { name: 'test6' }, spec: { containers: containers(2) }, status: { phase: 'Running',
      containerStatuses: [{ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        { ready: true, restartCount: 3, state: running }],
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: ago(0) }] } }),
    cells: ['test6', '1/2', 'Running', '6', '<unknown>'],
  },
  {
    name: 'one init container restarting, one container not running',
    pod: pod({ metadata: { name: 'test7' }, spec: { initContainers: containers(1), containers: containers(1) }, status: {
      phase: 'podPhase',
      initContainerStatuses: [{ ready: false, restartCount: 3, state: running, lastState: finishedAgo(10 * S) }],
      containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }] } }),
    cells: ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'two init containers, one restarting and one not running',
    pod: pod({ metadata: { name: 'test8' }, spec: { initContainers: containers(2), containers: containers(1) }, status: {
      phase: 'podPhase',
      initContainerStatuses: [{ ready: false, restartCount: 3, state: running, lastState: finishedAgo(10 * S) },
        { ready: false, state: { waiting: {} } }],
      containerStatuses: [{ ready: false, state: { waiting: {} } }] } }),
    cells: ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'two init containers, one completed without restarts, the other restarting',
    pod: pod({ metadata: { name: 'test9' }, spec: { initContainers: containers(2), containers: containers(1) }, status: {
      phase: 'podPhase',
      initContainerStatuses: [{ ready: false, state: { terminated: {} } },
        { ready: false, restartCount: 3, state: running, lastState: finishedAgo(10 * S) }],
      containerStatuses: [{ ready: false, state: { waiting: {} } }] } }),
    cells: ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'two init containers, one completed with restarts, the other restarting',
    pod: pod({ metadata: { name: 'test10' }, spec: { initContainers: containers(2), containers: containers(1) }, status: {
      phase: 'podPhase',
      initContainerStatuses: [{ ready: false, restartCount: 2, state: { terminated: {} }, lastState: finishedAgo(2 * M) },
        { ready: false, restartCount: 3, state: running, lastState: finishedAgo(10 * S) }],
      containerStatuses: [{ ready: false, state: { waiting: {} } }] } }),
    cells: ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
  },
  {
    name: 'init container completed with restarts, container restarting',
    pod: pod({ metadata: { name: 'test11' }, spec: { initContainers: containers(1), containers: containers(1) }, status: {
      phase: 'Running',
      initContainerStatuses: [{ ready: false, restartCount: 2, state: { terminated: {} }, lastState: finishedAgo(2 * M) }],
      containerStatuses: [{ ready: false, restartCount: 4, state: running, lastState: finishedAgo(20 * S) }] } }),
    cells: ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
  },
  {
    name: 'container restarted 5d ago',
    pod: pod({ metadata: { name: 'test12' }, spec: { containers: containers(1) }, status: { phase: 'Running',
      containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: finishedAgo(5 * D) }] } }),
    cells: ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
  },
  {
    name: 'one never restarted, the other 10d ago',
    pod: pod({ metadata: { name: 'test13' }, spec: { containers: containers(2) }, status: { phase: 'Running',
      containerStatuses: [{ ready: true, restartCount: 0, state: running },
        { ready: true, restartCount: 3, state: running, lastState: finishedAgo(10 * D) }] } }),
    cells: ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
  },
  {
    name: 'the most recent restart wins',
    pod: pod({ metadata: { name: 'test14' }, spec: { containers: containers(2) }, status: { phase: 'Running',
      containerStatuses: [{ ready: true, restartCount: 6, state: running, lastState: finishedAgo(5 * D) },
        { ready: true, restartCount: 3, state: running, lastState: finishedAgo(20 * D) }] } }),
    cells: ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
  },
  {
    name: 'PodScheduled condition with reason SchedulingGated',
    pod: pod({ metadata: { name: 'test15' }, spec: { containers: containers(2) }, status: { phase: 'podPhase',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }),
    cells: ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
  },
  {
    name: 'succeeded',
    pod: pod({ metadata: { name: 'test16' }, spec: { containers: containers(1) }, status: { phase: 'Succeeded',
      containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] } }),
    cells: ['test16', '0/1', 'Completed', '0', '<unknown>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  },
  {
    name: 'failed',
    pod: pod({ metadata: { name: 'test17' }, spec: { containers: containers(1) }, status: { phase: 'Failed',
      containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } }] } }),
    cells: ['test17', '0/1', 'Error', '0', '<unknown>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }],
  },
  {
    name: 'succeeded and being deleted stays Completed',
    pod: pod({ metadata: { name: 'test18', deletionTimestamp: ago(10 * S) }, spec: { containers: containers(1) }, status: {
      phase: 'Succeeded',
      containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] } }),
    cells: ['test18', '0/1', 'Completed', '0', '<unknown>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  },
  {
    name: 'running and being deleted is Terminating',
    pod: pod({ metadata: { name: 'test19', deletionTimestamp: ago(10 * S) }, spec: { containers: containers(1) }, status: {
      phase: 'Running', containerStatuses: [{ ready: false, restartCount: 0, state: running }] } }),
    cells: ['test19', '0/1', 'Terminating', '0', '<unknown>'],
  },
  {
    name: 'pending and being deleted is Terminating',
    pod: pod({ metadata: { name: 'test20', deletionTimestamp: ago(10 * S) }, spec: { containers: containers(1) },
      status: { phase: 'Pending' } }),
    cells: ['test20', '0/1', 'Terminating', '0', '<unknown>'],
  },
  // TestPrintPodWithRestartableInitContainer
  {
    name: 'sidecars: the first running but not started',
    pod: pod({ metadata: { name: 'test1' }, spec: { initContainers: [{ name: 'restartable-init-1', restartPolicy: always },
      { name: 'restartable-init-2', restartPolicy: always }], containers: containers(1) }, status: { phase: 'Pending',
      initContainerStatuses: [
        { name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: false, lastState: finishedAgo(10 * S) },
        { name: 'restartable-init-2', ready: false, state: { waiting: {} }, started: false }],
      containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
      conditions: [{ type: 'Initialized', status: 'False' }] } }),
    cells: ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'sidecars: the first started, the second running but not started',
    pod: pod({ metadata: { name: 'test1' }, spec: { initContainers: [{ name: 'restartable-init-1', restartPolicy: always },
      { name: 'restartable-init-2', restartPolicy: always }], containers: containers(1) }, status: { phase: 'Pending',
      initContainerStatuses: [
        { name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: true, lastState: finishedAgo(10 * S) },
        { name: 'restartable-init-2', ready: false, state: running, started: false }],
      containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
      conditions: [{ type: 'Initialized', status: 'False' }] } }),
    cells: ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    name: 'sidecars started and the container running',
    pod: pod({ metadata: { name: 'test2' }, spec: { initContainers: [{ name: 'restartable-init-1', restartPolicy: always },
      { name: 'restartable-init-2', restartPolicy: always }], containers: containers(1) }, status: { phase: 'Running',
      initContainerStatuses: [
        { name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: true, lastState: finishedAgo(10 * S) },
        { name: 'restartable-init-2', ready: false, state: running, started: true }],
      containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: finishedAgo(20 * S) }],
      conditions: [{ type: 'Initialized', status: 'True' }] } }),
    cells: ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
  },
  {
    name: 'sidecars completed non-zero, the container completed',
    pod: pod({ metadata: { name: 'test3' }, spec: { initContainers: [{ name: 'restartable-init-1', restartPolicy: always },
      { name: 'restartable-init-2', restartPolicy: always }], containers: containers(1) }, status: { phase: 'Succeeded',
      initContainerStatuses: [
        { name: 'restartable-init-1', ready: false, restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } },
          started: false, lastState: finishedAgo(10 * S) },
        { name: 'restartable-init-2', ready: false, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false }],
      containerStatuses: [{ ready: false, restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } },
        lastState: finishedAgo(20 * S) }],
      conditions: [{ type: 'Initialized', status: 'True' }] } }),
    cells: ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  },
  {
    name: 'statuses of containers the spec does not have',
    pod: pod({ metadata: { name: 'test4' }, spec: { initContainers: [{ name: 'init1', image: 'initimage' },
      { name: 'sidecar1', image: 'sidecarimage', restartPolicy: always }], containers: [{ name: 'container1', image: 'containerimage' }] },
    status: { phase: 'Running', initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
      containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }] } }),
    cells: ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
  },
  // TestPrintNonTerminatedPod / TestPrintPodConditions
  ...(['Running', 'Pending', 'Unknown'] as const).map((phase): Case => ({
    name: `phase ${phase}`,
    pod: pod({ metadata: { name: 'p' }, spec: { containers: containers(2) }, status: { phase,
      containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] } }),
    cells: ['p', '1/2', phase, '6', '<unknown>'],
  })),
  {
    name: 'phase Succeeded without terminated containers',
    pod: pod({ metadata: { name: 'p' }, spec: { containers: containers(2) }, status: { phase: 'Succeeded',
      containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] } }),
    cells: ['p', '1/2', 'Succeeded', '6', '<unknown>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  },
];

describe('printPod (printers_test.go)', () => {
  it.each(cases)('$name', ({ pod: p, cells, conditions }) => {
    expect(podHandler.cells(p, NOW).slice(0, 5)).toEqual(cells);
    expect(podHandler.conditions!(p)).toEqual(conditions);
  });

  // TestPrintPodwide
  const gates = [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }];
  const wide: Case[] = [
    {
      name: 'node name, pod IP, nominated node, readiness gates',
      pod: pod({ metadata: { name: 'test1' }, spec: { containers: containers(2), nodeName: 'test1', readinessGates: gates },
        status: { conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }],
          phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }],
          containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }], nominatedNodeName: 'node1' } }),
      cells: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
    },
    {
      name: 'dual-stack pod IPs print the first',
      pod: pod({ metadata: { name: 'test1' }, spec: { containers: containers(2), nodeName: 'test1', readinessGates: gates },
        status: { conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }],
          phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
          containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }], nominatedNodeName: 'node1' } }),
      cells: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
    },
    {
      name: 'no node, no IP',
      pod: pod({ metadata: { name: 'test2' }, spec: { containers: containers(2), nodeName: '' }, status: { phase: 'podPhase',
        containerStatuses: [{ ready: true, restartCount: 3, state: running },
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] } }),
      cells: ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>'],
    },
  ];
  it.each(wide)('wide: $name', ({ pod: p, cells }) => {
    expect(podHandler.cells(p, NOW)).toEqual(cells);
  });

  it('an empty pod prints without throwing (TestTableRowDeepCopyShouldNotPanic)', () => {
    expect(podHandler.cells(pod({}), NOW)).toEqual(['', '0/0', '', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
  });
});

// Pods the way the sim's kubelet and controllers write them.
describe('printPod: realistic pods', () => {
  const base = (name: string, status: object, extra: object = {}) => pod({
    metadata: { name, namespace: 'default', creationTimestamp: ago(3 * M + 10 * S), ...extra },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: 'node-1' }, status });
  const cs = (o: object) => ({ name: 'nginx', image: 'nginx', imageID: '', ...o });
  const realistic: Case[] = [
    { name: 'running and ready', pod: base('web', { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }],
      containerStatuses: [cs({ ready: true, restartCount: 0, started: true, state: { running: { startedAt: ago(3 * M) } } })] }),
    cells: ['web', '1/1', 'Running', '0', '3m10s', '10.244.1.5', 'node-1', '<none>', '<none>'] },
    { name: 'pending, unscheduled', pod: pod({ metadata: { name: 'p', creationTimestamp: ago(5 * S) },
      spec: { containers: [{ name: 'nginx' }] }, status: { phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] } }),
    cells: ['p', '0/1', 'Pending', '0', '5s', '<none>', '<none>', '<none>', '<none>'] },
    { name: 'container creating', pod: base('web', { phase: 'Pending',
      containerStatuses: [cs({ ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } })] }),
    cells: ['web', '0/1', 'ContainerCreating', '0', '3m10s', '<none>', 'node-1', '<none>', '<none>'] },
    { name: 'CrashLoopBackOff with restarts', pod: base('crash', { phase: 'Running', podIPs: [{ ip: '10.244.1.6' }],
      containerStatuses: [cs({ ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(20 * S) } } })] }),
    cells: ['crash', '0/1', 'CrashLoopBackOff', '4 (20s ago)', '3m10s', '10.244.1.6', 'node-1', '<none>', '<none>'] },
    { name: 'ErrImagePull', pod: base('bad', { phase: 'Pending',
      containerStatuses: [cs({ ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } })] }),
    cells: ['bad', '0/1', 'ErrImagePull', '0', '3m10s', '<none>', 'node-1', '<none>', '<none>'] },
    { name: 'Init:CrashLoopBackOff', pod: pod({ metadata: { name: 'i', creationTimestamp: ago(M) },
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] }, status: { phase: 'Pending',
        initContainerStatuses: [{ name: 'init', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, finishedAt: ago(30 * S) } } }],
        containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] } }),
    cells: ['i', '0/1', 'Init:CrashLoopBackOff', '2 (30s ago)', '60s', '<none>', '<none>', '<none>', '<none>'] },
    { name: 'init container failed without a reason', pod: pod({ metadata: { name: 'i' },
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] }, status: { phase: 'Pending',
        initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }] } }),
    cells: ['i', '0/1', 'Init:ExitCode:2', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>'] },
    { name: 'init container killed by a signal', pod: pod({ metadata: { name: 'i' },
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] }, status: { phase: 'Pending',
        initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] } }),
    cells: ['i', '0/1', 'Init:Signal:9', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>'] },
    { name: 'PodInitializing once init is done', pod: pod({ metadata: { name: 'i' },
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] }, status: { phase: 'Pending',
        initContainerStatuses: [{ name: 'init', ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
        conditions: [{ type: 'Initialized', status: 'True' }] } }),
    cells: ['i', '0/1', 'PodInitializing', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>'] },
    { name: 'container exited without a reason', pod: base('x', { phase: 'Running',
      containerStatuses: [cs({ ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } })] }),
    cells: ['x', '0/1', 'ExitCode:3', '0', '3m10s', '<none>', 'node-1', '<none>', '<none>'] },
    { name: 'Completed job pod', pod: base('job-abcde', { phase: 'Succeeded',
      containerStatuses: [cs({ ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }),
    cells: ['job-abcde', '0/1', 'Completed', '0', '3m10s', '<none>', 'node-1', '<none>', '<none>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }] },
    { name: 'Terminating', pod: base('web', { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }],
      containerStatuses: [cs({ ready: true, restartCount: 0, state: { running: {} } })] }, { deletionTimestamp: ago(-30 * S) }),
    cells: ['web', '1/1', 'Terminating', '0', '3m10s', '10.244.1.5', 'node-1', '<none>', '<none>'] },
    { name: 'NodeLost while being deleted is Unknown', pod: base('web', { phase: 'Running', reason: 'NodeLost',
      containerStatuses: [cs({ ready: true, restartCount: 0, state: { running: {} } })] }, { deletionTimestamp: ago(0) }),
    cells: ['web', '1/1', 'Unknown', '0', '3m10s', '<none>', 'node-1', '<none>', '<none>'] },
    { name: 'Evicted', pod: base('web', { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }),
    cells: ['web', '0/1', 'Evicted', '0', '3m10s', '<none>', 'node-1', '<none>', '<none>'],
    conditions: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }] },
  ];
  it.each(realistic)('$name', ({ pod: p, cells, conditions }) => {
    expect(podHandler.cells(p, NOW)).toEqual(cells);
    expect(podHandler.conditions!(p)).toEqual(conditions);
  });
});

describe('printPodTemplate (TestPrintPodTemplate)', () => {
  it.each([
    { name: 'no containers', t: { metadata: { name: 'pod-template-1' }, template: { spec: { containers: [] } } },
      cells: ['pod-template-1', '', '', '<none>'] },
    { name: 'two containers', t: { metadata: { name: 'pod-template-2' }, template: { spec: { containers: [
      { name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] } } },
    cells: ['pod-template-2', 'fake-container1,fake-container2', 'fake-image1,fake-image2', '<none>'] },
    { name: 'pod labels', t: { metadata: { name: 'pod-template-3' },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [] } } }, cells: ['pod-template-3', '', '', 'foo=bar'] },
  ])('$name', ({ t, cells }) => {
    expect(podTemplateHandler.cells(t as never, NOW)).toEqual(cells);
  });
});
