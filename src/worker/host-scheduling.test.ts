// The diagram's requests to the worker: "why is this pod here?" (explain), node power, demo timings.
import { describe, expect, it } from 'vitest';
import { FakeWorker } from './testing';

const EPOCH = Date.UTC(2025, 0, 15, 9, 0, 0);

async function booted(nodes: number, timings?: { nodeMonitorGracePeriodMs?: number }): Promise<FakeWorker> {
  const w = new FakeWorker();
  w.send({ type: 'boot', options: { seed: 7, nodes, epoch: EPOCH, speed: 0, timings } });
  w.send({ type: 'term-open', tab: 't1', cols: 120, rows: 30 });
  await w.run(0);
  return w;
}

describe('WorkerHost explain and node power', () => {
  it('answers explain with every node\'s verdict for a scheduled pod, and undefined for an unknown one', async () => {
    const w = await booted(2);
    await w.input('t1', ['kubectl run web --image=nginx']);
    w.send({ type: 'explain', id: 5, pod: 'default/web' });
    w.send({ type: 'explain', id: 6, pod: 'default/nope' });
    const [a, b] = w.of('explain-result');
    expect(a.id).toBe(5);
    expect(a.attempt).toMatchObject({ pod: 'default/web', result: 'Scheduled', numAllNodes: 2 });
    expect(a.attempt?.nodes?.map((n) => n.node)).toEqual(['minikube', 'minikube-m02']);
    expect(a.attempt?.nodes?.filter((n) => n.selected).map((n) => n.node)).toEqual([a.attempt?.node]);
    expect(b).toEqual({ type: 'explain-result', id: 6, attempt: undefined });
  });

  it('stops and starts a node\'s kubelet and reports which are stopped', async () => {
    const w = await booted(2);
    expect(w.of('node-power-state').at(-1)?.stopped).toEqual([]);
    w.send({ type: 'node-power', node: 'minikube-m02', action: 'stop' });
    expect(w.of('node-power-state').at(-1)?.stopped).toEqual(['minikube-m02']);
    w.send({ type: 'node-power', node: 'minikube-m02', action: 'start' });
    expect(w.of('node-power-state').at(-1)?.stopped).toEqual([]);
    expect(w.of('fatal')).toEqual([]);
  });

  it('boots with demo timings: a stopped node turns NotReady after the shortened grace period', async () => {
    const w = await booted(2, { nodeMonitorGracePeriodMs: 8_000 });
    w.send({ type: 'node-power', node: 'minikube-m02', action: 'stop' });
    w.send({ type: 'set-speed', speed: 60 });
    for (let i = 0; i < 40; i++) {
      w.send({ type: 'mirror-ack' });
      await w.run(50);
    }
    const ready = w.of('mirror-batch').flatMap((b) => b.changes).filter((c) => c.resource === 'nodes' && c.object.metadata?.name === 'minikube-m02')
      .map((c) => (c.object as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions?.find((x) => x.type === 'Ready')?.status);
    expect(ready.at(-1)).toBe('Unknown');
  });
});
