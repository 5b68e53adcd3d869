import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerClient, prespawnSimulator, prespawnedOptions, type ConnectionState, type WorkerLike } from './client';
import type { BootOptions, FromWorker, ToWorker } from './protocol';

class FakeWorkerLike implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(msg: FromWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const BOOT: BootOptions = { seed: 1, nodes: 1, epoch: 0, speed: 1 };
const booted: FromWorker = { type: 'booted', seed: 1, nodes: 1, kubernetesVersion: 'v1.32.0', clock: { now: 0, speed: 1, wallAt: 0, lagging: false } };

function setup() {
  const workers: FakeWorkerLike[] = [];
  const states: ConnectionState[] = [];
  const client = new WorkerClient({ boot: () => BOOT, createWorker: () => { const w = new FakeWorkerLike(); workers.push(w); return w; },
    heartbeatMs: 1_000, hangTimeoutMs: 5_000, bootTimeoutMs: 20_000 });
  client.onState((s) => states.push(s));
  client.start();
  return { client, workers, states, last: () => workers[workers.length - 1] };
}

describe('WorkerClient', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('boots the worker and pairs answers with requests', async () => {
    const { client, last, states } = setup();
    expect(last().sent[0]).toEqual({ type: 'boot', options: BOOT });
    last().emit(booted);
    expect(states.at(-1)).toEqual({ state: 'running' });
    const p = client.api({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'minikube' });
    const req = last().sent.at(-1) as Extract<ToWorker, { type: 'api' }>;
    last().emit({ type: 'api-result', id: req.id, response: { code: 200, body: { kind: 'Node' } } });
    await expect(p).resolves.toEqual({ code: 200, body: { kind: 'Node' } });
  });

  const failures = [
    { name: 'an uncaught error', break: (w: FakeWorkerLike) => w.fail('boom'), reason: 'The simulator crashed (boom).' },
    { name: 'a fatal message', break: (w: FakeWorkerLike) => w.emit({ type: 'fatal', message: 'RunawayError: loop' }),
      reason: 'The simulator hit an internal error (RunawayError: loop).' },
    { name: 'silence (a hang)', break: () => vi.advanceTimersByTime(7_000), reason: 'The simulator stopped responding.' },
  ];
  for (const f of failures) {
    it(`replaces the worker after ${f.name}, rejecting what was pending`, async () => {
      const { client, workers, last, states } = setup();
      last().emit(booted);
      const pending = client.fs({ op: 'list' });
      f.break(last());
      await expect(pending).rejects.toThrow('the simulator restarted');
      expect(workers).toHaveLength(2);
      expect(workers[0].terminated).toBe(true);
      expect(states.at(-1)).toEqual({ state: 'restarting', reason: f.reason });
      expect(last().sent[0]).toEqual({ type: 'boot', options: BOOT });
    });
  }

  it('answers pings and stays when the worker talks', () => {
    const { workers, last } = setup();
    last().emit(booted);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(1_000);
      last().emit({ type: 'pong', id: i });
    }
    expect(workers).toHaveLength(1);
    expect(last().sent.filter((m) => m.type === 'ping').length).toBeGreaterThanOrEqual(9);
  });

  it('gives up after repeated failures', () => {
    const { last, states } = setup();
    for (let i = 0; i < 4; i++) last().fail('again');
    expect(states.at(-1)).toEqual({ state: 'failed', reason: 'The simulator crashed (again).' });
  });

  it('adopts a prespawned worker and replays what it said', () => {
    const early = new FakeWorkerLike();
    prespawnSimulator({ ...BOOT, seed: 99 }, () => early);
    expect(prespawnedOptions()?.seed).toBe(99);
    expect(early.sent).toEqual([{ type: 'boot', options: { ...BOOT, seed: 99 } }]);
    early.emit(booted);
    const seen: string[] = [];
    const { client, workers } = (() => {
      const ws: FakeWorkerLike[] = [];
      const c = new WorkerClient({ boot: () => BOOT, createWorker: () => { const w = new FakeWorkerLike(); ws.push(w); return w; } });
      c.on((m) => seen.push(m.type));
      c.start();
      return { client: c, workers: ws };
    })();
    expect(workers).toHaveLength(0);
    expect(seen).toEqual(['booted']);
    expect(client.state).toEqual({ state: 'running' });
    expect(early.sent).toHaveLength(1);
    client.dispose();
  });
});
