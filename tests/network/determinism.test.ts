// Same seed, same inputs: the same store (Endpoints, EndpointSlices and their generated names,
// Ingress status, events) and the same endpoint choices.
import { expect, it } from 'vitest';
import { hostIngress } from '../fixtures';
import { apply, CLIENT_POD, run, session } from './harness';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
${hostIngress('web', 'web.example.com', 'web')}`;

async function scenario(seed: number): Promise<{ dump: string; picks: string[] }> {
  const s = session(seed);
  s.cluster.enableIngressAddon();
  await apply(s, APP);
  await apply(s, CLIENT_POD);
  await run(s, 'sleep 90');
  const picks: string[] = [];
  for (let i = 0; i < 20; i++) {
    const d = s.cluster.network.dataplane.deliver({ ip: '192.168.49.1' }, '192.168.49.2', 80,
      { method: 'GET', path: '/', headers: { Host: 'web.example.com' }, remoteAddr: '' });
    picks.push(d.result.kind);
  }
  await run(s, 'kubectl scale deployment web --replicas=1; sleep 60');
  return { dump: s.cluster.dump(), picks };
}

it('a seed replays byte for byte', async () => {
  const a = await scenario(11);
  const b = await scenario(11);
  expect(a.picks.every((k) => k === 'response')).toBe(true);
  expect(b.dump).toBe(a.dump);
  expect(a.dump).toContain('"endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io"');
});
