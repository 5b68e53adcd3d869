import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../worker';
import { buildModel, configUses, ownerOf, readyEndpoints, selects } from './model';
import { COMPACT_PODS, PER_POD_LINKS, layoutDiagram, type Box } from './layout';
import { podAt } from './pod-canvas';

const node = (name: string, ready = 'True', unschedulable = false): KubeObject => ({ apiVersion: 'v1', kind: 'Node',
  metadata: { name, labels: name === 'minikube' ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
  spec: { unschedulable }, status: { conditions: [{ type: 'Ready', status: ready }], capacity: { cpu: '2', memory: '4Gi' } } } as KubeObject);

const pod = (name: string, o: { node?: string; rs?: string; labels?: Record<string, string>; ns?: string; running?: boolean; claim?: string } = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: o.ns ?? 'default', uid: `uid-${name}`, labels: o.labels ?? {},
    ownerReferences: o.rs ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.rs, uid: 'rs', controller: true }] : undefined },
  spec: { nodeName: o.node, containers: [{ name: 'c' }], volumes: o.claim ? [{ name: 'v', persistentVolumeClaim: { claimName: o.claim } }] : [] },
  status: o.running ? { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [{ ready: true, state: { running: {} } }] } : { phase: 'Pending' },
} as KubeObject);

const rs = (name: string, deployment: string): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: 'd', controller: true }] } } as KubeObject);

const svc = (name: string, selector: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Service',
  metadata: { name, namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', selector } } as KubeObject);

const map = (objs: KubeObject[]) => new Map(objs.map((o) => [o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata!.name!, o]));

const inside = (inner: Box, outer: Box) => inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01
  && inner.x + inner.w <= outer.x + outer.w + 0.01 && inner.y + inner.h <= outer.y + outer.h + 0.01;

describe('diagram model', () => {
  it('selects pods by every selector pair; an empty selector selects nothing', () => {
    expect(selects({ app: 'web' }, { app: 'web', tier: 'x' })).toBe(true);
    expect(selects({ app: 'web', tier: 'y' }, { app: 'web', tier: 'x' })).toBe(false);
    expect(selects({}, { app: 'web' })).toBe(false);
    expect(selects(undefined, { app: 'web' })).toBe(false);
  });

  it('groups a ReplicaSet\'s pods under its Deployment, even before the ReplicaSet is mirrored', () => {
    expect(ownerOf(pod('a', { rs: 'web-5d8f9c7b6d' }), map([rs('web-5d8f9c7b6d', 'web')]))).toEqual({ kind: 'Deployment', name: 'web' });
    expect(ownerOf(pod('a', { rs: 'web-5d8f9c7b6d' }), new Map())).toEqual({ kind: 'Deployment', name: 'web' });
    expect(ownerOf(pod('a'), new Map())).toBeUndefined();
  });
});

describe('configUses', () => {
  it('finds ConfigMaps and Secrets in volumes, projected sources, env and envFrom, never kube-root-ca.crt', () => {
    expect(configUses({
      volumes: [{ configMap: { name: 'site' } }, { secret: { secretName: 'tls' } },
        { projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }, { secret: { name: 'extra' } }] } }],
      containers: [{ env: [{ valueFrom: { secretKeyRef: { name: 'db-credentials' } } }, { valueFrom: { configMapKeyRef: { name: 'site' } } }],
        envFrom: [{ configMapRef: { name: 'webapp-config' } }] }],
    })).toEqual(['configmaps/site', 'configmaps/webapp-config', 'secrets/db-credentials', 'secrets/extra', 'secrets/tls']);
  });
});

describe('layoutDiagram', () => {
  const objects = {
    nodes: map([node('minikube'), node('minikube-m02', 'Unknown', true)]),
    replicasets: map([rs('web-5d8f9c7b6d', 'web')]),
    pods: map([
      pod('web-5d8f9c7b6d-aaaaa', { node: 'minikube', rs: 'web-5d8f9c7b6d', labels: { app: 'web' }, running: true }),
      pod('web-5d8f9c7b6d-bbbbb', { node: 'minikube-m02', rs: 'web-5d8f9c7b6d', labels: { app: 'web' }, running: true }),
      pod('web-5d8f9c7b6d-ccccc', { rs: 'web-5d8f9c7b6d', labels: { app: 'web' } }),
      pod('db', { node: 'minikube', claim: 'data' }),
      pod('coredns-x', { node: 'minikube', ns: 'kube-system' }),
    ]),
    services: map([svc('web', { app: 'web' })]),
    persistentvolumeclaims: map([{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' },
      status: { phase: 'Bound', capacity: { storage: '1Gi' } } } as KubeObject]),
  };

  it('places pods inside their owner group inside their node, the unscheduled one in its own lane', () => {
    const model = buildModel(objects, { system: false, stopped: ['minikube-m02'] });
    expect(model.hidden).toBe(1);
    const l = layoutDiagram(model, 900);
    const regions = Object.fromEntries(l.regions.map((r) => [r.id, r]));
    expect(Object.keys(regions)).toEqual(['control-plane', 'workloads', 'sources', 'pending', 'node/minikube', 'node/minikube-m02']);
    expect(regions['node/minikube-m02'].subtitle).toBe('NotReady (no heartbeat) · SchedulingDisabled · 2 CPU');
    expect(regions['node/minikube-m02'].node?.stopped).toBe(true);
    for (const p of l.pods) {
      const group = l.groups.find((g) => g.group.key === p.pod.group && inside(p, g))!;
      expect(group, p.pod.name).toBeDefined();
      const region = l.regions.find((r) => (r.kind === 'node' || r.kind === 'pending') && inside(group, r))!;
      expect(region.id).toBe(p.pod.node ? `node/${p.pod.node}` : 'pending');
    }
    expect(l.groups.map((g) => `${g.id} ${g.group.label} ${g.count}`)).toEqual([
      'pending|default/Deployment/web deployment/web 1',
      'node/minikube|default/Deployment/web deployment/web 1',
      'node/minikube|default/Pod/ pods 1',
      'node/minikube-m02|default/Deployment/web deployment/web 1',
    ]);
    expect(l.compact).toBe(false);
  });

  it('routes the Service to each pod it selects (dashed when not ready) and the PVC to its pod', () => {
    const l = layoutDiagram(buildModel(objects, { system: false, stopped: [] }), 900);
    expect(l.sources.map((s) => s.id)).toEqual(['services/default/web', 'persistentvolumeclaims/default/data']);
    expect(l.links.filter((k) => k.kind !== 'Owner').map((k) => [k.source, k.target, k.live])).toEqual([
      ['services/default/web', 'default/web-5d8f9c7b6d-aaaaa', true],
      ['services/default/web', 'default/web-5d8f9c7b6d-bbbbb', true],
      ['services/default/web', 'default/web-5d8f9c7b6d-ccccc', false],
      ['persistentvolumeclaims/default/data', 'default/db', false],
    ]);
    expect(l.links[0].d).toMatch(/^M[\d.]+,[\d.]+C/);
  });

  it('routes an Ingress to the Services of its rules and default backend', () => {
    const ing = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'site', namespace: 'default' },
      spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'web' } },
        rules: [{ host: 'hello.local', http: { paths: [{ backend: { service: { name: 'web' } } }, { backend: { service: { name: 'api' } } }] } }] } } as KubeObject;
    const model = buildModel({ ...objects, services: map([svc('web', { app: 'web' }), svc('api', { app: 'api' })]), ingresses: map([ing]) },
      { system: false, stopped: [] });
    const site = model.sources.find((s) => s.kind === 'Ingress')!;
    expect(site).toMatchObject({ id: 'ingresses/default/site', detail: 'nginx · hello.local', targets: ['services/default/api', 'services/default/web'] });
    const l = layoutDiagram(model, 1200);
    expect(l.sources.map((s) => s.id).slice(0, 3)).toEqual(['ingresses/default/site', 'services/default/api', 'services/default/web']);
    expect(l.links.filter((k) => k.kind === 'Ingress').map((k) => k.target)).toEqual(['services/default/api', 'services/default/web']);
  });

  it('goes compact past COMPACT_PODS pods: small cells, routes to owner groups', () => {
    const many = map(Array.from({ length: COMPACT_PODS + 10 }, (_, i) =>
      pod(`web-5d8f9c7b6d-${String(i).padStart(5, '0')}`, { node: i % 2 ? 'minikube' : 'minikube-m02', rs: 'web-5d8f9c7b6d', labels: { app: 'web' }, running: true })));
    const l = layoutDiagram(buildModel({ ...objects, pods: many }, { system: false, stopped: [] }), 1200);
    expect(l.compact).toBe(true);
    expect(l.pods[0].w).toBe(12);
    expect(l.links.filter((k) => k.kind === 'Service').map((k) => k.target).sort())
      .toEqual(['node/minikube-m02|default/Deployment/web', 'node/minikube|default/Deployment/web']);
    for (const p of l.pods) expect(l.regions.some((r) => r.kind === 'node' && inside(p, r))).toBe(true);
  });
});

describe('owner and route links', () => {
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3 }, status: { readyReplicas: 2 } } as KubeObject;
  const web = (n: number, nodes: string[]) => map(Array.from({ length: n }, (_, i) =>
    pod(`web-5d8f9c7b6d-${String(i).padStart(5, '0')}`, { node: nodes[i % nodes.length], rs: 'web-5d8f9c7b6d', labels: { app: 'web' }, running: true })));
  const objects = (n: number, nodes = ['minikube', 'minikube-m02']) => ({
    nodes: map([node('minikube'), node('minikube-m02')]), deployments: map([deployment]),
    replicasets: map([rs('web-5d8f9c7b6d', 'web')]), pods: web(n, nodes), services: map([svc('web', { app: 'web' })]),
  });

  it('links the Deployment to its ReplicaSet and the ReplicaSet to its pods\' group on each node, in the Workloads band', () => {
    const l = layoutDiagram(buildModel(objects(3), { system: false, stopped: [] }), 1200);
    const band = l.regions.find((r) => r.kind === 'workloads')!;
    expect(l.workloads.map((w) => [w.id, w.parent])).toEqual([['deployments/default/web', undefined],
      ['replicasets/default/web-5d8f9c7b6d', 'deployments/default/web']]);
    for (const w of l.workloads) expect(inside(w, band), w.id).toBe(true);
    expect(l.workloads[1].y).toBeGreaterThan(l.workloads[0].y + l.workloads[0].h);
    expect(l.links.filter((k) => k.kind === 'Owner').map((k) => [k.source, k.target, k.chain.join(' ')])).toEqual([
      ['deployments/default/web', 'replicasets/default/web-5d8f9c7b6d', 'deployments/default/web replicasets/default/web-5d8f9c7b6d'],
      ['replicasets/default/web-5d8f9c7b6d', 'node/minikube|default/Deployment/web', 'deployments/default/web replicasets/default/web-5d8f9c7b6d'],
      ['replicasets/default/web-5d8f9c7b6d', 'node/minikube-m02|default/Deployment/web', 'deployments/default/web replicasets/default/web-5d8f9c7b6d'],
    ]);
    // An owner link ends on its group's top edge.
    const g = l.groups.find((x) => x.id === 'node/minikube|default/Deployment/web')!;
    expect(l.links.find((k) => k.target === g.id && k.kind === 'Owner')!.d.endsWith(`${g.x + 18},${g.y}`)).toBe(true);
  });

  const routes = [
    { name: 'per pod up to PER_POD_LINKS', pods: PER_POD_LINKS, want: PER_POD_LINKS },
    { name: 'one per owner group past it (not a hairball)', pods: PER_POD_LINKS + 1, want: 2 },
    { name: 'one per owner group at 200 pods', pods: 200, want: 2 },
  ];
  it.each(routes)('routes a Service $name', ({ pods, want }) => {
    const l = layoutDiagram(buildModel(objects(pods), { system: false, stopped: [] }), 1200);
    expect(l.links.filter((k) => k.kind === 'Service')).toHaveLength(want);
    // Owner links stay bundled: the Deployment's, then one per node.
    expect(l.links.filter((k) => k.kind === 'Owner')).toHaveLength(3);
  });

  it('draws a Service link solid when it ends at a ready endpoint of its EndpointSlices', () => {
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde', namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'web' } }, endpoints: [
      { addresses: ['10.244.0.5'], conditions: { ready: true }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d8f9c7b6d-00000' } },
      { addresses: ['10.244.0.6'], conditions: { ready: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d8f9c7b6d-00001' } },
      { addresses: ['10.244.0.7'], conditions: {}, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d8f9c7b6d-00002' } },
    ] } as unknown as KubeObject;
    expect([...readyEndpoints(map([slice])).get('default/web')!]).toEqual(['default/web-5d8f9c7b6d-00000', 'default/web-5d8f9c7b6d-00002']);
    const l = layoutDiagram(buildModel({ ...objects(3), endpointslices: map([slice]) }, { system: false, stopped: [] }), 1200);
    expect(l.links.filter((k) => k.kind === 'Service').map((k) => [k.target, k.live])).toEqual([
      ['default/web-5d8f9c7b6d-00000', true], ['default/web-5d8f9c7b6d-00001', false], ['default/web-5d8f9c7b6d-00002', true]]);
    expect(l.links.find((k) => k.kind === 'Service')!.chain).toEqual(['services/default/web']);
  });

  it('routes a Service without a selector to the pods its EndpointSlices name', () => {
    const manual = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.20' } } as KubeObject;
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'ext-1', namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'ext' } }, endpoints: [
      { addresses: ['10.244.0.9'], targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d8f9c7b6d-00001' } }] } as unknown as KubeObject;
    const model = buildModel({ ...objects(3), services: map([manual]), endpointslices: map([slice]) }, { system: false, stopped: [] });
    expect(model.sources.find((x) => x.id === 'services/default/ext')!.targets).toEqual(['default/web-5d8f9c7b6d-00001']);
  });

  it('finds the canvas pod under a point (with slop), none between cells', () => {
    const l = layoutDiagram(buildModel(objects(COMPACT_PODS + 10), { system: false, stopped: [] }), 1200);
    const [a] = l.pods;
    expect(podAt(l.pods, a.x + 1, a.y + 1)?.pod.key).toBe(a.pod.key);
    expect(podAt(l.pods, a.x - 1, a.y - 1)).toBeUndefined();
    expect(podAt(l.pods, a.x - 1, a.y - 1, 1.5)?.pod.key).toBe(a.pod.key);
    expect(podAt(l.pods, a.x + a.w + 1.5, a.y + 1)).toBeUndefined();
  });
});
