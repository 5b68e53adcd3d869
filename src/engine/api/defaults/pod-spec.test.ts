import { describe, expect, it } from 'vitest';
import { applyDefaults, defaultPullPolicy, parseImageName } from './index';
import { resourceFor } from '../kinds';
import type { KubeObject } from '../types';

const PODS = resourceFor('', 'pods')!;
const DEPLOYMENTS = resourceFor('apps', 'deployments')!;

/** Defaults a pod whose spec is given, returning its spec. */
function podSpec(spec: Record<string, unknown>): Record<string, any> {
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
  applyDefaults(pod, PODS);
  return pod.spec as Record<string, any>;
}

const container = (extra: Record<string, unknown> = {}) => ({ name: 'c', image: 'nginx:1.27', ...extra });

describe('imagePullPolicy (SetDefaults_Container, parsers.ParseImageName)', () => {
  const cases: { name: string; image: unknown; want: string }[] = [
    { name: 'latest tag', image: 'nginx:latest', want: 'Always' },
    { name: 'no tag means latest', image: 'nginx', want: 'Always' },
    { name: 'registry and path, no tag', image: 'registry.k8s.io/e2e-test-images/agnhost', want: 'Always' },
    { name: 'registry with port, no tag', image: 'localhost:5000/app', want: 'Always' },
    { name: 'a version tag', image: 'busybox:1.28', want: 'IfNotPresent' },
    { name: 'registry with port and tag', image: 'localhost:5000/app:v2', want: 'IfNotPresent' },
    { name: 'digest only', image: `nginx@sha256:${'a'.repeat(64)}`, want: 'IfNotPresent' },
    { name: 'latest tag and digest', image: `nginx:latest@sha256:${'a'.repeat(64)}`, want: 'Always' },
    { name: 'tag is case-sensitive', image: 'nginx:LATEST', want: 'IfNotPresent' },
    { name: 'unparseable (uppercase repository)', image: 'Nginx', want: 'IfNotPresent' },
    { name: 'empty image', image: '', want: 'IfNotPresent' },
    { name: 'missing image', image: undefined, want: 'IfNotPresent' },
  ];
  for (const c of cases) it(c.name, () => expect(defaultPullPolicy(c.image)).toBe(c.want));

  it('parses repository, tag and digest', () => {
    expect(parseImageName('docker.io/library/nginx:1.27')).toEqual({ repository: 'docker.io/library/nginx', tag: '1.27', digest: '' });
    expect(parseImageName(`mongo@sha256:${'b'.repeat(64)}`)).toEqual({ repository: 'mongo', tag: '', digest: `sha256:${'b'.repeat(64)}` });
    expect(parseImageName('a'.repeat(64).replace(/a/g, 'f'))).toBeUndefined();
  });

  it('keeps an explicit policy', () => {
    expect(podSpec({ containers: [container({ image: 'nginx', imagePullPolicy: 'Never' })] }).containers[0].imagePullPolicy).toBe('Never');
  });
});

describe('container defaults', () => {
  it('probes: timeouts, periods, thresholds, httpGet path and scheme, grpc service', () => {
    const spec = podSpec({ containers: [container({
      livenessProbe: { httpGet: { port: 80 } },
      readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 0 },
      startupProbe: { grpc: { port: 9000 } },
    })] });
    const c = spec.containers[0];
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10,
      successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
    expect(c.startupProbe.grpc).toEqual({ port: 9000, service: '' });
  });

  it('lifecycle httpGet handlers, port protocol, fieldRef apiVersion', () => {
    const c = podSpec({ containers: [container({
      lifecycle: { preStop: { httpGet: { port: 8080, path: '/quit' } }, postStart: { exec: { command: ['true'] } } },
      ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }],
      env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, { name: 'X', value: '1' }],
    })] }).containers[0];
    expect(c.lifecycle.preStop.httpGet).toEqual({ port: 8080, path: '/quit', scheme: 'HTTP' });
    expect(c.lifecycle.postStart).toEqual({ exec: { command: ['true'] } });
    expect(c.ports).toEqual([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80, protocol: 'TCP' }]);
    expect(c.env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'spec.nodeName' });
  });

  it('resources: rounded to milli precision and printed canonically', () => {
    const c = podSpec({ containers: [container({ resources: { requests: { cpu: '0.0001', memory: '1024Mi' }, limits: { cpu: 0.5, memory: '1Gi' } } })] }).containers[0];
    expect(c.resources).toEqual({ requests: { cpu: '1m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } });
  });

  it('init and ephemeral containers get the same defaults', () => {
    const spec = podSpec({ initContainers: [container({ image: 'busybox' })], containers: [container()],
      ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] });
    expect(spec.initContainers[0]).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File', resources: {} });
    expect(spec.ephemeralContainers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' });
  });
});

describe('SetDefaults_Pod vs the pod template', () => {
  it('a Pod gets requests from limits; a template does not', () => {
    const resources = { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } };
    const spec = podSpec({ containers: [container({ resources: structuredClone(resources) })],
      initContainers: [container({ name: 'init', resources: { limits: { memory: '64Mi' } } })] });
    expect(spec.containers[0].resources.requests).toEqual({ cpu: '250m', memory: '128Mi' });
    expect(spec.initContainers[0].resources.requests).toEqual({ memory: '64Mi' });
    expect(spec.enableServiceLinks).toBe(true);

    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } },
        spec: { containers: [container({ resources: structuredClone(resources) })] } } } };
    applyDefaults(d, DEPLOYMENTS);
    const tspec = (d.spec as any).template.spec;
    expect(tspec.containers[0].resources.requests).toEqual({ cpu: '250m' });
    expect(tspec.enableServiceLinks).toBeUndefined();
  });

  it('hostNetwork: hostPort defaults to containerPort', () => {
    const spec = podSpec({ hostNetwork: true, containers: [container({ ports: [{ containerPort: 8080 }, { containerPort: 9090, hostPort: 9091 }] })] });
    expect(spec.containers[0].ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' },
      { containerPort: 9090, hostPort: 9091, protocol: 'TCP' }]);
  });

  it('keeps explicit pod-spec values, including enableServiceLinks false', () => {
    const spec = podSpec({ containers: [container()], restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0,
      enableServiceLinks: false, schedulerName: 'my-scheduler', securityContext: { runAsUser: 1000 } });
    expect(spec).toMatchObject({ restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0,
      enableServiceLinks: false, schedulerName: 'my-scheduler', securityContext: { runAsUser: 1000 } });
  });

  it('serviceAccount mirrors serviceAccountName; the old field alone is honoured', () => {
    expect(podSpec({ containers: [container()], serviceAccountName: 'builder' })).toMatchObject({ serviceAccount: 'builder', serviceAccountName: 'builder' });
    expect(podSpec({ containers: [container()], serviceAccount: 'legacy' })).toMatchObject({ serviceAccount: 'legacy', serviceAccountName: 'legacy' });
    expect(podSpec({ containers: [container()], serviceAccount: 'old', serviceAccountName: 'new' })).toMatchObject({ serviceAccount: 'new', serviceAccountName: 'new' });
    const none = podSpec({ containers: [container()] });
    expect('serviceAccount' in none || 'serviceAccountName' in none).toBe(false);
  });
});

describe('volume defaults', () => {
  it('configMap/secret/downwardAPI/projected modes, emptyDir, hostPath type, token expiry', () => {
    const spec = podSpec({ containers: [container()], volumes: [
      { name: 'cm', configMap: { name: 'webapp-config' } },
      { name: 'sec', secret: { secretName: 'db-credentials', defaultMode: 256 } },
      { name: 'scratch' },
      { name: 'cache', emptyDir: { sizeLimit: '1024Mi' } },
      { name: 'host', hostPath: { path: '/data' } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token' } },
        { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } }] } },
      { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
    ] });
    expect(spec.volumes).toEqual([
      { name: 'cm', configMap: { name: 'webapp-config', defaultMode: 420 } },
      { name: 'sec', secret: { secretName: 'db-credentials', defaultMode: 256 } },
      { name: 'scratch', emptyDir: {} },
      { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'host', hostPath: { path: '/data', type: '' } },
      { name: 'info', downwardAPI: { defaultMode: 420, items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }] } },
      { name: 'proj', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } },
        { downwardAPI: { items: [{ path: 'ns', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } }] } },
      { name: 'eph', ephemeral: { volumeClaimTemplate: { metadata: { creationTimestamp: null },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' } } } },
    ]);
  });

  it('legacy in-tree sources get their +default markers', () => {
    const spec = podSpec({ containers: [container()], volumes: [
      { name: 'rbd', rbd: { monitors: ['m'], image: 'i' } },
      { name: 'iscsi', iscsi: { targetPortal: 't', iqn: 'q', lun: 0 } },
      { name: 'az', azureDisk: { diskName: 'd', diskURI: 'u' } },
    ] });
    expect(spec.volumes[0].rbd).toMatchObject({ pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' });
    expect(spec.volumes[1].iscsi).toMatchObject({ iscsiInterface: 'default' });
    expect(spec.volumes[2].azureDisk).toMatchObject({ cachingMode: 'ReadWrite', fsType: 'ext4', readOnly: false, kind: 'Shared' });
  });
});

describe('pod template with no spec', () => {
  it.each([
    { name: 'spec null (only a comment under it)', spec: null },
    { name: 'spec absent', spec: undefined },
  ])('$name still gets the PodSpec defaults', ({ spec }) => {
    const template: Record<string, unknown> = { metadata: { labels: { app: 'web' } } };
    if (spec !== undefined) template.spec = spec;
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'web' } }, template } };
    applyDefaults(d, DEPLOYMENTS);
    expect((d.spec as any).template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} });
  });
});
