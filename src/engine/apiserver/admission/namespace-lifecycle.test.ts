import { describe, expect, it } from 'vitest';
import type { KubeObject, StatusError } from '../../api';
import { namespaceLifecycle } from './namespace-lifecycle';
import { attrs, fakeContext } from './testing';
import type { AdmissionAttributes } from './types';

const ctx = fakeContext([
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old', deletionTimestamp: '2025-01-15T09:00:00Z' }, status: { phase: 'Terminating' } },
]);
const pod = (ns: string, name = 'web'): KubeObject => ({ metadata: { name, namespace: ns }, spec: { containers: [] } });

function run(a: AdmissionAttributes): StatusError | undefined {
  try {
    namespaceLifecycle.admit!(a, ctx);
    return undefined;
  } catch (e) {
    return e as StatusError;
  }
}

describe('NamespaceLifecycle', () => {
  const refused: { name: string; a: AdmissionAttributes; code: number; reason: string; message: string }[] = [
    { name: 'deleting default', a: attrs('', 'namespaces', { operation: 'DELETE', name: 'default' }),
      code: 403, reason: 'Forbidden', message: 'namespaces "default" is forbidden: this namespace may not be deleted' },
    { name: 'deleting kube-system', a: attrs('', 'namespaces', { operation: 'DELETE', name: 'kube-system' }),
      code: 403, reason: 'Forbidden', message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted' },
    { name: 'creating in a missing namespace', a: attrs('', 'pods', { object: pod('shop') }),
      code: 404, reason: 'NotFound', message: 'namespaces "shop" not found' },
    { name: 'updating in a missing namespace', a: attrs('apps', 'deployments', { operation: 'UPDATE', name: 'web', namespace: 'shop', object: pod('shop') }),
      code: 404, reason: 'NotFound', message: 'namespaces "shop" not found' },
    { name: 'creating in a terminating namespace', a: attrs('', 'configmaps', { object: pod('old', 'cfg') }),
      code: 403, reason: 'Forbidden', message: 'configmaps "cfg" is forbidden: unable to create new content in namespace old because it is being terminated' },
    { name: 'generateName names the object by its prefix', a: attrs('', 'pods', { object: { metadata: { generateName: 'web-', namespace: 'old' } } }),
      code: 403, reason: 'Forbidden', message: 'pods "web-" is forbidden: unable to create new content in namespace old because it is being terminated' },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      const err = run(c.a);
      expect(err?.status).toMatchObject({ code: c.code, reason: c.reason, message: c.message });
    });
  }

  it('the terminating refusal carries the NamespaceTerminating cause', () => {
    const err = run(attrs('', 'pods', { object: pod('old') }));
    expect(err?.status.details).toEqual({ name: 'web', kind: 'pods', causes: [
      { reason: 'NamespaceTerminating', message: 'namespace old is being terminated', field: 'metadata.namespace' }] });
  });

  const allowed: { name: string; a: AdmissionAttributes }[] = [
    { name: 'creating in an active namespace', a: attrs('', 'pods', { object: pod('default') }) },
    { name: 'deleting content of a terminating namespace', a: attrs('', 'pods', { operation: 'DELETE', name: 'web', namespace: 'old' }) },
    { name: 'updating content of a terminating namespace', a: attrs('', 'pods', { operation: 'UPDATE', name: 'web', namespace: 'old', object: pod('old') }) },
    { name: 'cluster-scoped objects', a: attrs('', 'nodes', { object: { metadata: { name: 'minikube' } } }) },
    { name: 'deleting an ordinary namespace', a: attrs('', 'namespaces', { operation: 'DELETE', name: 'old' }) },
    { name: 'creating a namespace', a: attrs('', 'namespaces', { object: { metadata: { name: 'shop' } } }) },
  ];
  for (const c of allowed) it(`allows ${c.name}`, () => expect(run(c.a)).toBeUndefined());
});
