import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { PodRuntimeState, type ContainerInstance } from '../container';
import { ContainerLog } from '../logs';
import { computePodActions, findNextInitContainerToRun } from './compute-pod-actions';

const handle = { id: 'x', signal: () => {}, exec: async () => 0, http: () => undefined, listening: () => false, usage: () => ({ cpuMilli: 0, memoryBytes: 0 }) };
function inst(name: string, state: 'running' | 'exited', exitCode = 0, kind: 'init' | 'regular' = 'regular', image = 'img'): ContainerInstance {
  return { name, kind, id: name, containerID: `docker://${name}`, handle, image, imageID: '', specImage: image, restartCount: 0, state,
    startedAt: 0, finishedAt: state === 'exited' ? 1 : undefined, exitCode: state === 'exited' ? exitCode : undefined, log: new ContainerLog() };
}
function stateWith(...insts: ContainerInstance[]): PodRuntimeState {
  const s = new PodRuntimeState();
  s.sandbox = { ip: '10.244.0.2', createdAt: 0, attempt: 0, ready: true };
  for (const i of insts) s.add(i);
  return s;
}
const noProbes = { livenessFailed: () => false, startupFailed: () => false, started: () => true };
const pod = (restartPolicy = 'Always', inits: string[] = [], extra: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  metadata: { name: 'p', uid: 'u' },
  spec: { restartPolicy, containers: [{ name: 'a', image: 'img' }, { name: 'b', image: 'img' }],
    initContainers: inits.map((n) => ({ name: n, image: 'img' })), ...extra },
});

describe('computePodActions', () => {
  it.each([
    { name: 'no sandbox: create it and start every container', pod: pod(), st: new PodRuntimeState(), want: { createSandbox: true, containersToStart: [0, 1] } },
    { name: 'no sandbox with init containers: start the first', pod: pod('Always', ['i1', 'i2']), st: new PodRuntimeState(),
      want: { createSandbox: true, next: 'i1', containersToStart: [] } },
    { name: 'all running: nothing', pod: pod(), st: stateWith(inst('a', 'running'), inst('b', 'running')), want: { createSandbox: false, containersToStart: [] } },
    { name: 'one exited, Always: restart it', pod: pod(), st: stateWith(inst('a', 'running'), inst('b', 'exited', 1)), want: { containersToStart: [1] } },
    { name: 'one exited 0, OnFailure: leave it', pod: pod('OnFailure'), st: stateWith(inst('a', 'running'), inst('b', 'exited', 0)), want: { containersToStart: [] } },
    { name: 'all exited, Never: kill the pod', pod: pod('Never'), st: stateWith(inst('a', 'exited', 0), inst('b', 'exited', 1)),
      want: { killPod: true, containersToStart: [] } },
    { name: 'first init done: start the second', pod: pod('Always', ['i1', 'i2']), st: stateWith(inst('i1', 'exited', 0, 'init')),
      want: { next: 'i2', containersToStart: [] } },
    { name: 'init failed, Always: retry it', pod: pod('Always', ['i1']), st: stateWith(inst('i1', 'exited', 2, 'init')), want: { next: 'i1' } },
    { name: 'init failed, Never: kill the pod', pod: pod('Never', ['i1']), st: stateWith(inst('i1', 'exited', 2, 'init')), want: { killPod: true } },
    { name: 'inits done: start the containers', pod: pod('Always', ['i1']), st: stateWith(inst('i1', 'exited', 0, 'init')),
      want: { containersToStart: [0, 1] } },
    { name: 'new ephemeral container: start it', pod: pod('Always', [], { ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }),
      st: stateWith(inst('a', 'running'), inst('b', 'running')), want: { ephemeral: [0] } },
  ])('$name', ({ pod: p, st, want }) => {
    const a = computePodActions(p, st, noProbes);
    if ('createSandbox' in want) expect(a.createSandbox).toBe(want.createSandbox);
    if ('killPod' in want) expect(a.killPod).toBe(want.killPod);
    if ('containersToStart' in want) expect(a.containersToStart).toEqual(want.containersToStart);
    if ('next' in want) expect(a.nextInitContainerToStart?.name).toBe(want.next);
    if ('ephemeral' in want) expect(a.ephemeralContainersToStart).toEqual(want.ephemeral);
  });

  it('kills a container that failed liveness and restarts it in the same sync', () => {
    const b = inst('b', 'running');
    const p = pod();
    p.spec!.containers[1].livenessProbe = { tcpSocket: { port: 80 } };
    const a = computePodActions(p, stateWith(inst('a', 'running'), b), { ...noProbes, livenessFailed: (i) => i === b });
    expect(a.containersToKill.map((k) => k.message)).toEqual(['Container b failed liveness probe, will be restarted']);
    expect(a.containersToStart).toEqual([1]);
  });

  it('restarts a container whose image changed, whatever the restart policy', () => {
    const a = computePodActions({ ...pod('Never'), spec: { ...pod('Never').spec!, containers: [{ name: 'a', image: 'img:2' }] } },
      stateWith(inst('a', 'running')), noProbes);
    expect(a.containersToKill.map((k) => k.message)).toEqual(['Container a definition changed, will be restarted']);
  });

  it('finds the next init container from the newest state', () => {
    expect(findNextInitContainerToRun(pod('Always', ['i1', 'i2']), stateWith(inst('i1', 'running', 0, 'init')))).toEqual({ done: false });
    expect(findNextInitContainerToRun(pod('Always', ['i1', 'i2']), stateWith(inst('i1', 'exited', 0, 'init'), inst('i2', 'exited', 0, 'init'))).done).toBe(true);
  });
});
