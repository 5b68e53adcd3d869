// Foundation figures: API server throughput, watch fan-out, store memory per object.
import { SimClock, SeededRng } from '../../src/engine/clock';
import { Store } from '../../src/engine/store';
import { ApiServer } from '../../src/engine/apiserver';
import { Client, Informer, R } from '../../src/engine/client';
import type { Pod } from '../../src/engine/api/types';
import { medianOf, round, timeMs, type Figure } from './util';

const N = 10_000;

function setup(freeze = false) {
  const clock = new SimClock({ start: Date.UTC(2025, 0, 15, 9) });
  const store = new Store({ freeze, historySize: 100_000 });
  const api = new ApiServer({ store, clock, rng: new SeededRng(1) });
  const c = new Client(api, 'bench/v1');
  c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  c.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  clock.flush();
  return { clock, store, api, c };
}

const pod = (i: number): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web', shard: String(i % 10) } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }],
    resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
});

/** create+get+list of 10,000 pods through the API server; watch fan-out to 20 informers; bytes per stored pod. */
export async function benchApiserver(): Promise<Figure[]> {
  const out: Figure[] = [];
  const create = await medianOf(3, () => {
    const { c } = setup();
    return timeMs(() => { for (let i = 0; i < N; i++) c.create(R.pods, pod(i)); });
  });
  out.push({ name: 'apiserver.create.pods_per_s', value: round(N / (create / 1000), 0), unit: 'pods/s' });
  const { c, clock, store } = setup();
  for (let i = 0; i < N; i++) c.create(R.pods, pod(i));
  clock.flush();
  const get = await medianOf(5, () => timeMs(() => { for (let i = 0; i < N; i++) c.get(R.pods, 'default', `web-${i}`); }));
  out.push({ name: 'apiserver.get.pods_per_s', value: round(N / (get / 1000), 0), unit: 'gets/s' });
  const list = await medianOf(5, () => timeMs(() => c.list(R.pods, 'default')));
  out.push({ name: 'apiserver.list.ms.pods_10000', value: round(list), unit: 'ms' });
  const listSel = await medianOf(5, () => timeMs(() => c.list(R.pods, 'default', { labelSelector: 'shard=3' })));
  out.push({ name: 'apiserver.list_selector.ms.pods_10000', value: round(listSel), unit: 'ms' });
  const table = await medianOf(5, () => timeMs(() => c.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', asTable: true })));
  out.push({ name: 'apiserver.list_table.ms.pods_10000', value: round(table), unit: 'ms' });

  // Watch fan-out: 20 informers on pods, then 1,000 status-like updates delivered to all of them.
  const fan = await medianOf(3, () => {
    const s = setup();
    for (let i = 0; i < 1000; i++) s.c.create(R.pods, pod(i));
    s.clock.flush();
    const infs = Array.from({ length: 20 }, () => new Informer<Pod>(new Client(s.api, 'informer/v1'), R.pods).start());
    let seen = 0;
    for (const inf of infs) inf.onEvent({ update: () => { seen++; } });
    s.clock.flush();
    return timeMs(() => {
      for (let i = 0; i < 1000; i++) s.c.patch(R.pods, 'default', `web-${i}`, 'application/merge-patch+json', { metadata: { labels: { v: '2' } } });
      s.clock.flush();
      if (seen !== 20_000) throw new Error(`fan-out delivered ${seen}`);
    });
  });
  out.push({ name: 'watch.fanout.events_per_s.informers_20', value: round(20_000 / (fan / 1000), 0), unit: 'events/s' });

  // Memory per stored pod: heap growth over 10,000 pods (with GC if exposed).
  const gc = (globalThis as { gc?: () => void }).gc;
  const mem = await medianOf(3, () => {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const s = setup();
    for (let i = 0; i < N; i++) s.c.create(R.pods, pod(i));
    s.clock.flush();
    gc?.();
    const after = process.memoryUsage().heapUsed;
    void s.store.count('pods.');
    return (after - before) / N;
  });
  out.push({ name: 'store.bytes_per_pod', value: round(mem, 0), unit: 'bytes' });
  void store;
  return out;
}
