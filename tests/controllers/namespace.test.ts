import { describe, expect, it } from 'vitest';
import type { ConfigMap, Namespace, ServiceAccount } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { TestCluster, deployment } from './harness';

describe('namespaces, service accounts and the root CA', () => {
  it('every namespace gets a default ServiceAccount and kube-root-ca.crt, re-created when deleted', () => {
    const c = new TestCluster({ seed: 1 });
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      expect(c.get<ServiceAccount>(R.serviceaccounts, ns, 'default')).toBeDefined();
      const cm = c.get<ConfigMap>(R.configmaps, ns, 'kube-root-ca.crt')!;
      expect(cm.data!['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
      expect(cm.metadata!.annotations!['kubernetes.io/description']).toBe('Contains a CA bundle that can be used to verify the kube-apiserver '
        + 'when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.');
    }
    c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } } as Namespace);
    expect(c.get(R.serviceaccounts, 'demo', 'default')).toBeDefined();
    expect(c.get(R.configmaps, 'demo', 'kube-root-ca.crt')).toBeDefined();
    c.client.delete(R.serviceaccounts, 'demo', 'default');
    c.client.delete(R.configmaps, 'demo', 'kube-root-ca.crt');
    c.advance(1);
    expect(c.get<ServiceAccount>(R.serviceaccounts, 'demo', 'default')).toBeDefined();
    expect(c.get(R.configmaps, 'demo', 'kube-root-ca.crt')).toBeDefined();
    const cm = c.get<ConfigMap>(R.configmaps, 'demo', 'kube-root-ca.crt')!;
    c.client.update(R.configmaps, { ...cm, data: { 'ca.crt': 'tampered' } } as ConfigMap);
    c.advance(1);
    expect(c.get<ConfigMap>(R.configmaps, 'demo', 'kube-root-ca.crt')!.data!['ca.crt']).toContain('BEGIN CERTIFICATE');
  });

  it('deleting a namespace empties it, reports what remains, then removes it', () => {
    const c = new TestCluster({ seed: 2 });
    c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } } as Namespace);
    const d = deployment('web', 2);
    c.create(R.deployments, { ...d, metadata: { ...d.metadata, namespace: 'demo' } });
    c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'demo' }, data: { a: '1' } } as ConfigMap);
    c.advance(10_000);
    expect(c.list(R.pods, 'demo')).toHaveLength(2);
    c.client.delete(R.namespaces, undefined, 'demo');
    c.cluster.flush();
    let ns = c.get<Namespace>(R.namespaces, undefined, 'demo')!;
    expect(ns.status!.phase).toBe('Terminating');
    c.advance(5_000); // namespaceDeletionGracePeriod
    ns = c.get<Namespace>(R.namespaces, undefined, 'demo')!;
    expect(ns.status!.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 2 resource instances'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ]);
    expect(c.list(R.deployments, 'demo')).toHaveLength(0);
    expect(c.list(R.configmaps, 'demo')).toHaveLength(0);
    expect(c.list(R.serviceaccounts, 'demo')).toHaveLength(0);
    const took = c.until(() => c.get(R.namespaces, undefined, 'demo') === undefined, 120_000, 500);
    expect(took).toBeLessThanOrEqual(30_000);
    expect(c.list(R.pods, 'demo')).toHaveLength(0);
  });
});
