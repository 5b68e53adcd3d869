import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../api/types';
import { getPhase } from './pod-status';
import { mergePodStatus } from './status-manager';

const running: ContainerStatus = { name: 'a', image: 'i', imageID: '', ready: true, restartCount: 0, state: { running: {} } };
const done = (code: number, name = 'a'): ContainerStatus => ({ name, image: 'i', imageID: '', ready: false, restartCount: 0,
  state: { terminated: { exitCode: code } } });
const waitingAfter = (code: number): ContainerStatus => ({ name: 'a', image: 'i', imageID: '', ready: false, restartCount: 1,
  state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: code } } });
const creating: ContainerStatus = { name: 'a', image: 'i', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } };
const pod = (restartPolicy: string, inits = false): Pod => ({ spec: { restartPolicy, containers: [{ name: 'a' }],
  ...(inits ? { initContainers: [{ name: 'i' }] } : {}) } });

describe('getPhase', () => {
  it.each([
    { name: 'waiting is Pending', pod: pod('Always'), st: [creating], terminal: false, want: 'Pending' },
    { name: 'running is Running', pod: pod('Always'), st: [running], terminal: false, want: 'Running' },
    { name: 'crash looping is Running', pod: pod('Always'), st: [waitingAfter(1)], terminal: false, want: 'Running' },
    { name: 'Never + exit 0 is Succeeded', pod: pod('Never'), st: [done(0)], terminal: false, want: 'Succeeded' },
    { name: 'Never + exit 1 is Failed', pod: pod('Never'), st: [done(1)], terminal: false, want: 'Failed' },
    { name: 'OnFailure + exit 1 is Running (restarting)', pod: pod('OnFailure'), st: [done(1)], terminal: false, want: 'Running' },
    { name: 'Always + all exited is Running', pod: pod('Always'), st: [done(0)], terminal: false, want: 'Running' },
    { name: 'terminal + exit 0 is Succeeded', pod: pod('Always'), st: [done(0)], terminal: true, want: 'Succeeded' },
    { name: 'terminal + exit 137 is Failed', pod: pod('Always'), st: [done(137)], terminal: true, want: 'Failed' },
    { name: 'init failed with Never is Failed', pod: pod('Never', true), st: [done(1, 'i'), creating], terminal: false, want: 'Failed' },
    { name: 'init running is Pending', pod: pod('Always', true), st: [{ ...running, name: 'i' }, creating], terminal: false, want: 'Pending' },
  ])('$name', ({ pod: p, st, terminal, want }) => {
    expect(getPhase(p, st, terminal)).toBe(want);
  });
});

describe('mergePodStatus', () => {
  it('keeps conditions the kubelet does not own, and holds a terminal phase while containers may run', () => {
    const old = { phase: 'Running', conditions: [{ type: 'DisruptionTarget', status: 'True' }, { type: 'Ready', status: 'True' }] };
    const next = { phase: 'Succeeded', conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted' }] };
    const held = mergePodStatus(old, next, true);
    expect(held.phase).toBe('Running');
    expect(held.conditions!.map((c) => c.type)).toEqual(['DisruptionTarget', 'Ready']);
    expect(mergePodStatus(old, next, false).phase).toBe('Succeeded');
  });

  it('forces Ready and ContainersReady false in a terminal phase', () => {
    const m = mergePodStatus({ phase: 'Running' }, { phase: 'Failed', conditions: [{ type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' }] }, false);
    expect(m.conditions!.map((c) => [c.type, c.status, c.reason])).toEqual([['Ready', 'False', 'PodFailed'], ['ContainersReady', 'False', 'PodFailed']]);
  });
});
