import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../api/types';
import { R } from '../client';
import { kubeletHarness } from './testing/harness';

const b64 = (s: string) => btoa(s);

describe('container environment', () => {
  it('waits in CreateContainerConfigError until the Secret and its key exist, then starts by itself', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'app' }, spec: { containers: [{ name: 'app', image: 'busybox:1.28',
      env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }] }] } });
    h.advance(3000);
    let cs = h.pod('app')!.status!.containerStatuses![0];
    expect(cs.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'secret "db-credentials" not found' });
    expect(h.events('app').slice(0, 2)).toEqual(['Pulled: Container image "busybox:1.28" already present on machine (x2)',
      'Failed: Error: secret "db-credentials" not found (x2)']);
    h.client.create(R.secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials', namespace: 'default' },
      data: { username: b64('admin') } } as KubeObject);
    h.advance(20_000);
    cs = h.pod('app')!.status!.containerStatuses![0];
    expect(cs.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: "couldn't find key password in Secret default/db-credentials" });
    const sec = h.client.get(R.secrets, 'default', 'db-credentials');
    h.client.update(R.secrets, { ...sec, data: { username: b64('admin'), password: b64('s3cret') } } as KubeObject);
    h.advance(11_000);
    cs = h.pod('app')!.status!.containerStatuses![0];
    expect(cs.state?.running).toBeDefined();
    expect(h.runtime.find('app', 'app')!.config.env).toContainEqual(['PASSWORD', 's3cret']);
  });

  it('reports a missing ConfigMap and a missing key in its words', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28',
      envFrom: [{ configMapRef: { name: 'x' } }] }] } });
    h.client.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y', namespace: 'default' }, data: { a: '1' } } as KubeObject);
    h.createPod({ metadata: { name: 'b' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28',
      env: [{ name: 'B', valueFrom: { configMapKeyRef: { name: 'y', key: 'b' } } },
        { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'nope', key: 'b', optional: true } } }] }] } });
    h.advance(2000);
    expect(h.pod('a')!.status!.containerStatuses![0].state?.waiting?.message).toBe('configmap "x" not found');
    expect(h.pod('b')!.status!.containerStatuses![0].state?.waiting?.message).toBe("couldn't find key b in ConfigMap default/y");
  });

  it('resolves fieldRef, resourceFieldRef, configMapKeyRef, $(VAR) and service links', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.client.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' },
      data: { MODE: 'prod', '2nd': 'x', '1st': 'y' } } as KubeObject);
    h.client.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-svc', namespace: 'default' },
      spec: { selector: { app: 'x' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } } as KubeObject);
    const svc = h.client.get(R.services, 'default', 'my-svc');
    const ip = svc.spec.clusterIP;
    h.createPod({ metadata: { name: 'envs', labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.28',
      resources: { requests: { memory: '64Mi' } },
      envFrom: [{ prefix: 'CFG_', configMapRef: { name: 'cfg' } }, { configMapRef: { name: 'cfg' } }],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } },
        { name: 'GREETING', value: 'hello $(POD_NAME) in $(CFG_MODE) $$(NOPE) $(UNKNOWN)' },
      ],
      command: ['echo', '$(GREETING)'] }] } });
    h.advance(3000);
    const env = new Map(h.runtime.find('envs', 'c')!.config.env);
    expect(env.get('CFG_MODE')).toBe('prod');
    expect(env.get('POD_NAME')).toBe('envs');
    expect(env.get('POD_IP')).toBe('10.244.0.2');
    expect(env.get('NODE')).toBe('minikube');
    expect(env.get('APP')).toBe('web');
    expect(env.get('MEM_LIMIT')).toBe('3822');
    expect(env.get('MEM_REQ')).toBe(String(64 * 1024 * 1024));
    expect(env.get('GREETING')).toBe('hello envs in prod $(NOPE) $(UNKNOWN)');
    expect(h.runtime.find('envs', 'c')!.config.command).toEqual(['echo', 'hello envs in prod $(NOPE) $(UNKNOWN)']);
    expect(env.get('KUBERNETES_SERVICE_HOST')).toBe('10.96.0.1');
    expect(env.get('KUBERNETES_SERVICE_PORT')).toBe('443');
    expect(env.get('KUBERNETES_SERVICE_PORT_HTTPS')).toBe('443');
    expect(env.get('KUBERNETES_PORT')).toBe('tcp://10.96.0.1:443');
    expect(env.get('KUBERNETES_PORT_443_TCP_ADDR')).toBe('10.96.0.1');
    expect(env.get('MY_SVC_SERVICE_HOST')).toBe(ip);
    expect(env.get('MY_SVC_SERVICE_PORT_HTTP')).toBe('80');
    expect(env.get('MY_SVC_PORT_80_TCP')).toBe(`tcp://${ip}:80`);
    expect(env.get('MY_SVC_PORT_80_TCP_PROTO')).toBe('tcp');
    expect(h.events('envs')).toContain(
      'InvalidEnvironmentVariableNames: Keys [1st, 2nd] from the EnvFrom configMap default/cfg were skipped since they are considered invalid environment variable names.');
    expect([...env.keys()].indexOf('CFG_MODE')).toBeLessThan([...env.keys()].indexOf('POD_NAME'));
  });

  it('gives only the kubernetes service links when enableServiceLinks is false', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.client.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: 'default' },
      spec: { ports: [{ port: 80 }] } } as KubeObject);
    h.createPod({ metadata: { name: 'p' }, spec: { enableServiceLinks: false, containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(2000);
    const names = h.runtime.find('p', 'c')!.config.env.map(([k]) => k);
    expect(names.some((n) => n.startsWith('OTHER_'))).toBe(false);
    expect(names).toContain('KUBERNETES_SERVICE_HOST');
  });
});

describe('volumes', () => {
  const cmPod = (name: string): Pod => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox:1.28',
    volumeMounts: [{ name: 'config', mountPath: '/etc/config' }] }], volumes: [{ name: 'config', configMap: { name: 'app-config' } }] } });

  it('waits in ContainerCreating with FailedMount events (500ms doubling) until the ConfigMap exists', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod(cmPod('p'));
    h.advance(10_000);
    const p = h.pod('p')!;
    expect(p.status!.containerStatuses![0].state?.waiting?.reason).toBe('ContainerCreating');
    const failed = h.rawEvents().filter((e) => e.reason === 'FailedMount');
    expect(failed.length).toBe(1);
    expect(failed[0].message).toBe('MountVolume.SetUp failed for volume "config" : configmap "app-config" not found');
    expect(failed[0].type).toBe('Warning');
    expect(failed[0].count).toBe(5);
    h.client.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' },
      data: { 'app.properties': 'color=blue\n' } } as KubeObject);
    h.advance(10_000);
    expect(h.pod('p')!.status!.containerStatuses![0].state?.running).toBeDefined();
    const m = h.runtime.find('p', 'c')!.config.mounts.find((x) => x.containerPath === '/etc/config')!;
    expect(m.volume.read('app.properties')).toBe('color=blue\n');
  });

  it('updates configMap volume files on the pod resync (60-90s), not at once', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.client.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' },
      data: { color: 'blue' } } as KubeObject);
    h.createPod(cmPod('p'));
    h.advance(3000);
    const vol = h.runtime.find('p', 'c')!.config.mounts.find((x) => x.containerPath === '/etc/config')!.volume;
    expect(vol.read('color')).toBe('blue');
    const cm = h.client.get(R.configmaps, 'default', 'app-config');
    h.client.update(R.configmaps, { ...cm, data: { color: 'red' } } as KubeObject);
    h.advance(30_000);
    expect(vol.read('color')).toBe('blue');
    h.advance(90_000);
    expect(vol.read('color')).toBe('red');
  });

  it('mounts the projected service account volume (token, ca.crt, namespace)', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(3000);
    const m = h.runtime.find('p', 'c')!.config.mounts.find((x) => x.containerPath === '/var/run/secrets/kubernetes.io/serviceaccount')!;
    expect(m.readOnly).toBe(true);
    // The atomic writer's layout: a timestamped directory, ..data pointing at it, a link per key.
    expect(m.volume.list('/')).toEqual([m.volume.readlink!('..data'), '..data', 'ca.crt', 'namespace', 'token']);
    expect(m.volume.readlink!('token')).toBe('..data/token');
    expect(m.volume.read('namespace')).toBe('default');
    expect(m.volume.read('ca.crt')).toContain('BEGIN CERTIFICATE');
    const payload = JSON.parse(atob(m.volume.read('token')!.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    expect(payload.sub).toBe('system:serviceaccount:default:default');
  });

  it('fails a projected volume mount while its ConfigMap is missing', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28', volumeMounts: [{ name: 'all', mountPath: '/all' }] }],
      volumes: [{ name: 'all', projected: { sources: [{ configMap: { name: 'ca-bundle', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }] } });
    h.advance(2000);
    expect(h.events('p')[0]).toBe('FailedMount: MountVolume.SetUp failed for volume "all" : configmap "ca-bundle" not found (x3)');
  });

  it('shares an emptyDir between the containers of a pod and drops it with the pod', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'p' }, spec: { volumes: [{ name: 'shared', emptyDir: {} }], containers: [
      { name: 'a', image: 'busybox:1.28', volumeMounts: [{ name: 'shared', mountPath: '/data' }] },
      { name: 'b', image: 'busybox:1.28', volumeMounts: [{ name: 'shared', mountPath: '/cache' }] }] } });
    h.advance(3000);
    const va = h.runtime.find('p', 'a')!.config.mounts[0].volume;
    const vb = h.runtime.find('p', 'b')!.config.mounts[0].volume;
    va.write('/hello.txt', 'hi');
    expect(vb.read('hello.txt')).toBe('hi');
    const uid = h.pod('p')!.metadata!.uid!;
    h.client.delete(R.pods, 'default', 'p');
    h.advance(1000);
    expect(h.kubelet.podVolumes(uid)!.get('shared')).toBeUndefined();
  });

  it('waits for a PersistentVolumeClaim to be Bound, and keeps its data for the next pod', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.client.create(R.persistentvolumeclaims, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } as KubeObject);
    const podSpec = (name: string): Pod => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox:1.28',
      volumeMounts: [{ name: 'd', mountPath: '/data' }] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
    h.createPod(podSpec('p1'));
    h.advance(5000);
    expect(h.pod('p1')!.status!.containerStatuses![0].state?.waiting?.reason).toBe('ContainerCreating');
    expect(h.events('p1')).toEqual([]);
    // A PV of a source without node-local storage (NFS): its data is kept by PV name. The claim asks
    // for it by name; the PersistentVolume controller binds the two.
    h.client.create(R.persistentvolumes, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pvc-1234' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'standard',
        nfs: { server: '10.0.0.1', path: '/exports/data' } } } as KubeObject);
    const pvc = h.client.get(R.persistentvolumeclaims, 'default', 'data');
    h.client.update(R.persistentvolumeclaims, { ...pvc, spec: { ...pvc.spec, volumeName: 'pvc-1234' } });
    h.advance(2000);
    expect(h.pod('p1')!.status!.containerStatuses![0].state?.running).toBeDefined();
    h.runtime.find('p1', 'c')!.config.mounts[0].volume.write('db.txt', 'rows');
    h.client.delete(R.pods, 'default', 'p1');
    h.advance(1000);
    h.createPod(podSpec('p2'));
    h.advance(2000);
    expect(h.runtime.find('p2', 'c')!.config.mounts[0].volume.read('db.txt')).toBe('rows');
    expect(h.nodes.volumeData.hasPersistentVolume('pvc-1234')).toBe(true);
  });
});
