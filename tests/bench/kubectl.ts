// kubectl figures (issue 7): `get pods -A` over 10,000 pods, `describe node` with 110 pods, and the event
// rate `get pods -w` prints. kubectl runs in process against the API server, as in the browser.
import { SimClock, SeededRng } from '../../src/engine/clock';
import { Store } from '../../src/engine/store';
import { ApiServer } from '../../src/engine/apiserver';
import { Client, R } from '../../src/engine/client';
import type { Node, Pod } from '../../src/engine/api/types';
import { inProcessClient, minikubeKubeConfig, runKubectl, type KubectlEnv } from '../../src/kubectl';
import { MemFS } from '../../src/shell';
import { medianOf, round, type Figure } from './util';

function setup() {
  const clock = new SimClock({ start: Date.UTC(2025, 0, 15, 9) });
  const api = new ApiServer({ store: new Store({ historySize: 100_000 }), clock, rng: new SeededRng(1) });
  const c = new Client(api, 'bench/v1');
  for (const ns of ['default', 'team-a', 'team-b']) {
    c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    c.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  }
  const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube', labels: { 'kubernetes.io/hostname': 'minikube' } },
    status: { capacity: { cpu: '16', memory: '64Gi', pods: '110' }, allocatable: { cpu: '16', memory: '64Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] } };
  c.create(R.nodes, node);
  clock.flush();
  const env: KubectlEnv = { api: inProcessClient(api), fs: new MemFS('/home/learner'), config: minikubeKubeConfig(), now: () => clock.now() };
  return { clock, api, c, env };
}

const pod = (i: number, ns: string, nodeName?: string): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: `web-${i}`, namespace: ns, labels: { app: 'web' } },
  spec: { nodeName, containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } } }] },
});

async function kubectlMs(env: KubectlEnv, argv: string[]): Promise<number> {
  let bytes = 0;
  const t = performance.now();
  const code = await runKubectl(argv, env, { stdout: (s) => { bytes += s.length; }, stderr: (s) => { bytes += s.length; } });
  const ms = performance.now() - t;
  if (code !== 0 || bytes === 0) throw new Error(`kubectl ${argv.join(' ')} exited ${code}`);
  return ms;
}

/** kubectl get pods -A (10,000 pods), describe node (110 pods), get pods -w event rate. */
export async function benchKubectl(): Promise<Figure[]> {
  const out: Figure[] = [];
  const big = setup();
  for (let i = 0; i < 10_000; i++) big.c.create(R.pods, pod(i, ['default', 'team-a', 'team-b'][i % 3]));
  big.clock.flush();
  out.push({ name: 'kubectl.get_pods_all.ms.pods_10000', value: round(await medianOf(5, () => kubectlMs(big.env, ['get', 'pods', '-A']))), unit: 'ms' });

  const node = setup();
  for (let i = 0; i < 110; i++) node.c.create(R.pods, pod(i, 'default', 'minikube'));
  node.clock.flush();
  out.push({ name: 'kubectl.describe_node.ms.pods_110', value: round(await medianOf(5, () => kubectlMs(node.env, ['describe', 'node', 'minikube']))), unit: 'ms' });

  // get -w: 2,000 pod updates while a watch prints them; lines printed per wall second.
  const rate = await medianOf(3, async () => {
    const w = setup();
    for (let i = 0; i < 2000; i++) w.c.create(R.pods, pod(i, 'default'));
    w.clock.flush();
    const ac = new AbortController();
    let lines = 0;
    const run = runKubectl(['get', 'pods', '-w', '--watch-only'], { ...w.env, signal: ac.signal },
      { stdout: (s) => { lines += s.split('\n').length - 1; }, stderr: () => undefined });
    await new Promise<void>((r) => setImmediate(r));
    w.clock.flush();
    const t = performance.now();
    for (let i = 0; i < 2000; i++) w.c.patch(R.pods, 'default', `web-${i}`, 'application/merge-patch+json', { metadata: { labels: { v: '2' } } });
    w.clock.flush();
    await new Promise<void>((r) => setImmediate(r));
    const ms = performance.now() - t;
    ac.abort();
    await run;
    if (lines < 2000) throw new Error(`get -w printed ${lines} lines for 2000 updates`);
    return lines / (ms / 1000);
  });
  out.push({ name: 'kubectl.get_watch.events_per_s', value: round(rate, 0), unit: 'events/s' });
  return out;
}
