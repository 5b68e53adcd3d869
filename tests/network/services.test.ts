// Services end to end: the seed's pod + Service (004 Part 3), endpoints following readiness and
// scale, kube-proxy's choice and affinity, node ports and the host, LoadBalancer and the tunnel.
import { describe, expect, it } from 'vitest';
import type { Endpoints, EndpointSlice, Service } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import * as seed from '../fixtures';
import { apply, CLIENT_POD, exec, expectNginxPage, fromPod, logs, pod, realRuntime, run, session } from './harness';

// Seed 004, Part 3 ("webapp-with-db-pod-and-service.yaml"), with its indentation restored.
const SEED_004_PART_3 = `${seed.TWO_CONTAINER_POD}---${seed.WEBAPP_SERVICE}`;

const deployment = (replicas: number, probe = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
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
        - name: http
          containerPort: 80
${probe}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 8080
    targetPort: http
`;

describe('seed 004 Part 3: a pod and its Service', () => {
  it('another pod reaches http://webapp-service and the request shows in the pod’s log', async () => {
    const s = session();
    expect(await apply(s, SEED_004_PART_3)).toBe('pod/webapp-with-db created\nservice/webapp-service created\n');
    await apply(s, CLIENT_POD);
    await run(s, 'sleep 40');
    const web = pod(s, 'webapp-with-db');
    expect(await run(s, 'kubectl get endpoints webapp-service')).toBe(
      `NAME             ENDPOINTS       AGE\nwebapp-service   ${web.status!.podIP}:80   40s\n`);
    const r = fromPod(s, 'client', 'http://webapp-service');
    expectNginxPage(s, r);
    if (r.ok) expect(r.address).toBe(s.cluster.client('t').get<Service>(R.services, 'default', 'webapp-service').spec!.clusterIP);
    if (realRuntime(s)) {
      const client = pod(s, 'client');
      expect(logs(s, 'webapp-with-db', 'webapp').trimEnd().split('\n').pop()).toMatch(
        new RegExp(`^${client.status!.podIP!.replace(/\./g, '\\.')} - - \\[[^\\]]+\\] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"$`));
    }
  });

  it('the Service gets one EndpointSlice named after it, managed by the EndpointSlice controller', async () => {
    const s = session();
    await apply(s, SEED_004_PART_3);
    await run(s, 'sleep 30');
    const slices = s.cluster.client('t').list<EndpointSlice>(R.endpointslices, 'default', { labelSelector: 'kubernetes.io/service-name=webapp-service' }).items;
    expect(slices).toHaveLength(1);
    const sl = slices[0];
    expect(sl.metadata!.name).toMatch(/^webapp-service-[a-z0-9]{5}$/);
    expect(sl.metadata!.labels).toEqual({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'webapp-service' });
    expect(sl.metadata!.ownerReferences![0]).toMatchObject({ kind: 'Service', name: 'webapp-service', controller: true, blockOwnerDeletion: true });
    expect(sl.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(sl.endpoints.map((e) => ({ ...e, targetRef: { ...e.targetRef, uid: undefined } }))).toEqual([{
      addresses: [pod(s, 'webapp-with-db').status!.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'minikube',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'webapp-with-db', uid: undefined } }]);
  });

  it('the kubernetes Service points at the API server, 192.168.49.2:8443', async () => {
    const s = session();
    expect(await run(s, 'kubectl get endpoints kubernetes')).toMatch(/^NAME {9}ENDPOINTS {11}AGE\nkubernetes {3}192\.168\.49\.2:8443 {3}\S+\n$/);
    const sl = s.cluster.client('t').get<EndpointSlice>(R.endpointslices, 'default', 'kubernetes');
    expect(sl.metadata!.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(s.cluster.client('t').get<Endpoints>(R.endpoints, 'default', 'kubernetes').metadata!.labels)
      .toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
  });
});

describe('endpoints follow readiness', () => {
  const probe = `        readinessProbe:
          httpGet:
            path: /
            port: 80
          initialDelaySeconds: 5
          periodSeconds: 5
`;

  it('scaling a Deployment adds endpoints as its new pods become Ready', async () => {
    const s = session();
    await apply(s, deployment(1, probe));
    await run(s, 'sleep 30');
    const ep = () => s.cluster.client('t').get<Endpoints>(R.endpoints, 'default', 'web').subsets ?? [];
    expect(ep()[0].addresses).toHaveLength(1);
    expect(ep()[0].ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    await run(s, 'kubectl scale deployment web --replicas=3');
    await run(s, 'sleep 4');
    // Started but not Ready yet: listed as not ready, not routed to.
    expect(ep()[0].addresses).toHaveLength(1);
    expect(ep()[0].notReadyAddresses).toHaveLength(2);
    await run(s, 'sleep 10');
    expect(ep()[0].addresses).toHaveLength(3);
    expect(ep()[0].notReadyAddresses).toBeUndefined();
    await run(s, 'kubectl scale deployment web --replicas=1');
    await run(s, 'sleep 40');
    expect(ep()[0].addresses).toHaveLength(1);
  });

  it('a pod failing its readiness probe drops out of the endpoints and gets no traffic', async () => {
    const s = session();
    await apply(s, deployment(2, probe));
    await apply(s, CLIENT_POD);
    await run(s, 'sleep 30');
    const c = s.cluster.client('t');
    const pods = c.list(R.pods, 'default', { labelSelector: 'app=web' }).items;
    const [bad, good] = pods;
    // Remove the first pod's page: nginx answers its probe's GET / with 403 from then on.
    if (realRuntime(s)) expect((await exec(s, bad.metadata!.name!, 'nginx', ['rm', '/usr/share/nginx/html/index.html'])).code).toBe(0);
    else {
      const st = s.cluster.nodes.get(bad.spec!.nodeName!)!.podState(bad.metadata!.uid!)!;
      for (const i of st.running()) (i.handle as unknown as { program: { listen?: number[] } }).program.listen = [];
    }
    await run(s, 'sleep 20');
    const subsets = c.get<Endpoints>(R.endpoints, 'default', 'web').subsets!;
    expect(subsets[0].addresses!.map((a) => a.ip)).toEqual([good.status!.podIP]);
    expect(subsets[0].notReadyAddresses!.map((a) => a.ip)).toEqual([bad.status!.podIP]);
    const slice = c.list<EndpointSlice>(R.endpointslices, 'default', { labelSelector: 'kubernetes.io/service-name=web' }).items[0];
    expect(slice.endpoints.find((e) => e.addresses[0] === bad.status!.podIP)!.conditions).toEqual({ ready: false, serving: false, terminating: false });
    for (let i = 0; i < 10; i++) expect(fromPod(s, 'client', 'http://web:8080').ok).toBe(true);
  });
});

describe('kube-proxy', () => {
  it('spreads requests over the ready endpoints; ClientIP affinity keeps a client on one', async () => {
    const s = session();
    await apply(s, deployment(3));
    await apply(s, CLIENT_POD);
    await run(s, 'sleep 30');
    const c = s.cluster.client('t');
    const picks = (n: number) => {
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const d = s.cluster.network.dataplane.deliver({ ip: pod(s, 'client').status!.podIP!, node: 'minikube' },
          c.get<Service>(R.services, 'default', 'web').spec!.clusterIP!, 8080, { method: 'GET', path: '/', headers: {}, remoteAddr: '' });
        seen.add(d.pod!.name);
      }
      return seen.size;
    };
    expect(picks(30)).toBe(3);
    await run(s, `kubectl patch service web -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    expect(picks(30)).toBe(1);
  });

  it('a NodePort answers on the node’s IP, from the host, with the node’s bridge address as the client', async () => {
    const s = session();
    await apply(s, deployment(1));
    await run(s, `kubectl patch service web -p '{"spec":{"type":"NodePort","ports":[{"name":"http","port":8080,"targetPort":"http","nodePort":30080}]}}'`);
    await run(s, 'sleep 30');
    expect(s.cluster.network.serviceUrls('default', 'web')).toEqual({ urls: ['http://192.168.49.2:30080'] });
    const out = await run(s, 'curl -s -o /dev/null -w "%{http_code}\\n" http://192.168.49.2:30080/');
    expect(out).toBe('200\n');
    const d = s.cluster.network.dataplane.deliver({ ip: '192.168.49.1' }, '192.168.49.2', 30080, { method: 'GET', path: '/', headers: {}, remoteAddr: '' });
    expect(d.remoteAddr).toBe('10.244.0.1');
    // The cluster IP is not routed to the host without `minikube tunnel`.
    expect(s.cluster.network.request({ from: 'host', url: 'http://10.96.0.1/' })).toMatchObject({ ok: false, error: 'timeout' });
  });

  it('a LoadBalancer stays <pending> until minikube tunnel gives it its cluster IP', async () => {
    const s = session();
    await apply(s, deployment(1));
    await run(s, `kubectl patch service web -p '{"spec":{"type":"LoadBalancer"}}'`);
    await run(s, 'sleep 30');
    const c = s.cluster.client('t');
    const ip = c.get<Service>(R.services, 'default', 'web').spec!.clusterIP!;
    expect(await run(s, 'kubectl get service web')).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nweb +LoadBalancer +\S+ +<pending> +8080:3\d{4}\/TCP +\S+\n$/);
    const tunnel = s.cluster.network.startTunnel(s.cluster.client('minikube/v1.35.0'));
    s.cluster.flush();
    expect(tunnel.services).toEqual(['web']);
    expect(c.get<Service>(R.services, 'default', 'web').status!.loadBalancer!.ingress).toEqual([expect.objectContaining({ ip })]);
    expect(await run(s, `curl -s -o /dev/null -w "%{http_code}" http://${ip}:8080/`)).toBe('200');
    tunnel.stop();
    s.cluster.flush();
    expect(c.get<Service>(R.services, 'default', 'web').status!.loadBalancer).toEqual({});
  });
});

describe('a Service without a selector', () => {
  it('routes to the Endpoints the user writes, mirrored into an EndpointSlice', async () => {
    const s = session();
    await apply(s, CLIENT_POD);
    await apply(s, deployment(1));
    await run(s, 'sleep 30');
    const target = s.cluster.client('t').list(R.pods, 'default', { labelSelector: 'app=web' }).items[0].status.podIP as string;
    await apply(s, `apiVersion: v1
kind: Service
metadata:
  name: external-web
spec:
  ports:
  - name: http
    port: 80
    targetPort: 80
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-web
subsets:
- addresses:
  - ip: ${target}
  ports:
  - name: http
    port: 80
`);
    await run(s, 'sleep 2');
    const sl = s.cluster.client('t').list<EndpointSlice>(R.endpointslices, 'default', { labelSelector: 'kubernetes.io/service-name=external-web' }).items;
    expect(sl).toHaveLength(1);
    expect(sl[0].metadata!.labels!['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io');
    expect(sl[0].metadata!.ownerReferences![0]).toMatchObject({ kind: 'Endpoints', name: 'external-web' });
    expect(sl[0].endpoints).toEqual([{ addresses: [target], conditions: { ready: true } }]);
    expectNginxPage(s, fromPod(s, 'client', 'http://external-web'));
  });
});

describe('two nodes', () => {
  it('a node port on the other node reaches the pod, masqueraded to that node’s IP', async () => {
    const s = session(7, 2);
    await apply(s, `apiVersion: v1
kind: Pod
metadata:
  name: pinned
  labels:
    app: pinned
spec:
  nodeName: minikube
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: pinned
spec:
  type: NodePort
  selector:
    app: pinned
  ports:
  - port: 80
    nodePort: 30090
`);
    await run(s, 'sleep 30');
    const dp = s.cluster.network.dataplane;
    const req = { method: 'GET', path: '/', headers: {}, remoteAddr: '' };
    const viaOther = dp.deliver({ ip: '192.168.49.1' }, '192.168.49.3', 30090, req);
    expect(viaOther.result.kind).toBe('response');
    expect(viaOther.remoteAddr).toBe('192.168.49.3');
    expect(dp.deliver({ ip: '192.168.49.1' }, '192.168.49.2', 30090, req).remoteAddr).toBe('10.244.0.1');
    expect(s.cluster.network.nodeIPs()).toEqual(['192.168.49.2', '192.168.49.3']);
  });
});
