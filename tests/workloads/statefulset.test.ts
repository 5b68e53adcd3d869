import { describe, expect, it } from 'vitest';
import type { ControllerRevision, KubeObject, PersistentVolumeClaim, Pod, StatefulSet } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { WorkloadCluster } from './harness';

/** The seed tutorial's StatefulSet. */
const database = (): StatefulSet => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'database-statefulset', namespace: 'default' },
  spec: { serviceName: 'database', replicas: 1, selector: { matchLabels: { app: 'database' } },
    template: { metadata: { labels: { app: 'database' } }, spec: { containers: [{ name: 'database', image: 'mongo:latest', env: [
      { name: 'MONGO_INITDB_ROOT_USERNAME', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'username' } } },
      { name: 'MONGO_INITDB_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }] }] } },
    volumeClaimTemplates: [{ metadata: { name: 'database-data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
});

const web = (replicas: number, extra: Partial<StatefulSet['spec']> = {}): StatefulSet => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
  spec: { serviceName: 'nginx', replicas, selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...extra } as StatefulSet['spec'],
});

// The real scheduler: a pod first rejected for "unbound immediate PersistentVolumeClaims" is retried
// when its claim's update (bound, bind-completed) reaches the queue's VolumeBinding hint.
const opts = (nodes = 1) => ({ nodes });

const stsEvents = (c: WorkloadCluster, name: string) => c.events(name).filter((e) => e.startsWith('StatefulSet/'))
  .map((e) => e.replace(/^StatefulSet\/\S+ /, ''));

describe('StatefulSet', () => {
  it('seed database-statefulset: creates the claim, then pod -0 with stable identity', () => {
    const c = new WorkloadCluster(opts());
    c.create(R.secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials', namespace: 'default' },
      stringData: { username: 'admin', password: 'secret' } } as KubeObject);
    c.create(R.statefulsets, database());
    c.advance(2000);
    const pvc = c.get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', 'database-data-database-statefulset-0')!;
    expect(pvc.metadata?.labels).toEqual({ app: 'database' });
    expect(pvc.spec?.accessModes).toEqual(['ReadWriteOnce']);
    expect(pvc.metadata?.ownerReferences).toBeUndefined();
    const pod = c.get<Pod>(R.pods, 'default', 'database-statefulset-0')!;
    expect(pod.metadata?.generateName).toBe('database-statefulset-');
    expect(pod.spec?.hostname).toBe('database-statefulset-0');
    expect(pod.spec?.subdomain).toBe('database');
    expect(pod.spec?.volumes?.[0]).toEqual({ name: 'database-data', persistentVolumeClaim: { claimName: 'database-data-database-statefulset-0' } });
    const rev = c.list<ControllerRevision>(R.controllerrevisions, 'default')[0];
    expect(pod.metadata?.labels).toEqual({ app: 'database', 'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': rev.metadata!.name, 'statefulset.kubernetes.io/pod-name': 'database-statefulset-0' });
    expect(rev.metadata!.name!.startsWith('database-statefulset-')).toBe(true);
    expect(rev.revision).toBe(1);
    expect(stsEvents(c, 'database-statefulset')).toEqual([
      'Normal SuccessfulCreate statefulset-controller: create Claim database-data-database-statefulset-0 Pod database-statefulset-0 in StatefulSet database-statefulset success',
      'Normal SuccessfulCreate statefulset-controller: create Pod database-statefulset-0 in StatefulSet database-statefulset successful',
    ]);
  });

  it('OrderedReady: web-1 only after web-0 is Running and Ready; scale down in reverse; claims kept', () => {
    const c = new WorkloadCluster(opts(2));
    c.create(R.statefulsets, web(3));
    c.advance(500);
    expect(c.names(R.pods, 'default', 'app=nginx')).toEqual(['web-0']);
    c.until(() => c.names(R.pods, 'default', 'app=nginx').length === 3);
    c.until(() => c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status?.readyReplicas === 3);
    const created = stsEvents(c, 'web').filter((e) => e.includes('create Pod')).map((e) => e.split(' ')[5]);
    expect(created).toEqual(['web-0', 'web-1', 'web-2']);
    const st = c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status!;
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3,
      collisionCount: 0, observedGeneration: 1 });
    expect(st.currentRevision).toBe(st.updateRevision);

    c.client.patch(R.statefulsets, 'default', 'web', 'application/merge-patch+json', { spec: { replicas: 1 } });
    c.until(() => c.names(R.pods, 'default', 'app=nginx').length === 1);
    const deleted = stsEvents(c, 'web').filter((e) => e.includes('delete Pod')).map((e) => e.split(' ')[5]);
    expect(deleted).toEqual(['web-2', 'web-1']);
    expect(c.names(R.persistentvolumeclaims, 'default')).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
  });

  it('Parallel creates every pod at once', () => {
    const c = new WorkloadCluster(opts());
    c.create(R.statefulsets, web(3, { podManagementPolicy: 'Parallel' }));
    c.advance(100);
    expect(c.names(R.pods, 'default', 'app=nginx')).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('RollingUpdate replaces pods from the highest ordinal down to the partition', () => {
    const c = new WorkloadCluster(opts(2));
    c.create(R.statefulsets, web(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    c.until(() => c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status?.readyReplicas === 3);
    const before = c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status!.currentRevision!;
    c.client.patch(R.statefulsets, 'default', 'web', 'application/strategic-merge-patch+json',
      { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.27' }] } } } });
    c.until(() => {
      const s = c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status!;
      return s.updatedReplicas === 2 && s.readyReplicas === 3;
    });
    const pods = c.list<Pod>(R.pods, 'default', 'app=nginx');
    const image = (n: string) => pods.find((p) => p.metadata!.name === n)!.spec!.containers[0].image;
    expect([image('web-0'), image('web-1'), image('web-2')]).toEqual(
      ['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.27', 'registry.k8s.io/nginx-slim:0.27']);
    const s = c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status!;
    expect(s.currentRevision).toBe(before);
    expect(s.updateRevision).not.toBe(before);
    expect(c.list<ControllerRevision>(R.controllerrevisions, 'default').map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(stsEvents(c, 'web').filter((e) => e.includes('delete Pod')).map((e) => e.split(' ')[5])).toEqual(['web-2', 'web-1']);
  });

  it('whenScaled: Delete gives scaled-away claims to their pod; whenDeleted: Delete to the set', () => {
    const c = new WorkloadCluster(opts());
    c.create(R.statefulsets, web(2, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }));
    c.until(() => c.get<StatefulSet>(R.statefulsets, 'default', 'web')!.status?.readyReplicas === 2);
    const owners = (n: string) => c.get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', n)?.metadata?.ownerReferences
      ?.map((r) => `${r.kind}/${r.name}`);
    expect(owners('www-web-0')).toEqual(['StatefulSet/web']);
    expect(owners('www-web-1')).toEqual(['StatefulSet/web']);
    c.client.patch(R.statefulsets, 'default', 'web', 'application/merge-patch+json', { spec: { replicas: 1 } });
    c.until(() => !c.get(R.pods, 'default', 'web-1'));
    c.advance(5000);
    // The claim went to its pod and went with it: the garbage collector deleted it once web-1 was gone,
    // and the PVC protection controller removed kubernetes.io/pvc-protection as no pod uses it any more.
    expect(c.get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', 'www-web-1')).toBeUndefined();
    expect(c.get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', 'www-web-0')?.metadata?.deletionTimestamp).toBeUndefined();
  });
});
