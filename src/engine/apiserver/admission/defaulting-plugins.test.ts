// TaintNodesByCondition, DefaultTolerationSeconds, DefaultStorageClass, StorageObjectInUseProtection,
// PersistentVolumeClaimResize and DefaultIngressClass.
import { describe, expect, it } from 'vitest';
import type { KubeObject, Node, Pod } from '../../api';
import { taintNodesByCondition } from './node-taint';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { defaultStorageClass } from './default-storage-class';
import { storageObjectInUseProtection } from './storage-object-in-use-protection';
import { persistentVolumeClaimResize } from './persistent-volume-claim-resize';
import { defaultIngressClass } from './default-ingress-class';
import { attrs, fakeContext } from './testing';

describe('TaintNodesByCondition', () => {
  it('taints a new node not-ready:NoSchedule, once', () => {
    const node: Node = { metadata: { name: 'minikube-m02' }, spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } };
    taintNodesByCondition.admit!(attrs('', 'nodes', { object: node }), fakeContext());
    taintNodesByCondition.admit!(attrs('', 'nodes', { object: node }), fakeContext());
    expect(node.spec!.taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);
  });

  it('leaves node updates alone', () => {
    const node: Node = { metadata: { name: 'minikube' }, spec: {} };
    taintNodesByCondition.admit!(attrs('', 'nodes', { operation: 'UPDATE', name: 'minikube', object: node }), fakeContext());
    expect(node.spec!.taints).toBeUndefined();
  });
});

describe('DefaultTolerationSeconds', () => {
  const cases: { name: string; tolerations: object[] | undefined; want: object[] }[] = [
    { name: 'adds both NoExecute tolerations for 300s', tolerations: undefined, want: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] },
    { name: 'keeps a pod\'s own not-ready toleration', tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
      want: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] },
    { name: 'a tolerate-everything toleration covers both', tolerations: [{ operator: 'Exists' }], want: [{ operator: 'Exists' }] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [], tolerations: c.tolerations } } as Pod;
      defaultTolerationSeconds.admit!(attrs('', 'pods', { object: p }), fakeContext());
      expect(p.spec!.tolerations).toEqual(c.want);
    });
  }
});

const sc = (name: string, created: string, isDefault: boolean): KubeObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
  provisioner: 'p', metadata: { name, creationTimestamp: created, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} } }) as KubeObject;
const claim = (spec: Record<string, unknown> = {}): KubeObject =>
  ({ metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });

describe('DefaultStorageClass', () => {
  const cases: { name: string; spec: Record<string, unknown>; classes: KubeObject[]; want: unknown }[] = [
    { name: 'the default class is filled in', spec: {}, classes: [sc('standard', '2025-01-15T09:00:00Z', true), sc('fast', '2025-01-16T09:00:00Z', false)], want: 'standard' },
    { name: 'with two defaults the newest wins', spec: {}, classes: [sc('standard', '2025-01-15T09:00:00Z', true), sc('fast', '2025-01-16T09:00:00Z', true)], want: 'fast' },
    { name: 'same age: the first name wins', spec: {}, classes: [sc('b', '2025-01-15T09:00:00Z', true), sc('a', '2025-01-15T09:00:00Z', true)], want: 'a' },
    { name: 'an explicit empty class means none', spec: { storageClassName: '' }, classes: [sc('standard', '2025-01-15T09:00:00Z', true)], want: '' },
    { name: 'no default class: nothing set', spec: {}, classes: [sc('fast', '2025-01-15T09:00:00Z', false)], want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pvc = claim(c.spec);
      defaultStorageClass.admit!(attrs('', 'persistentvolumeclaims', { object: pvc }), fakeContext(c.classes));
      expect((pvc.spec as { storageClassName?: string }).storageClassName).toBe(c.want);
    });
  }
});

describe('StorageObjectInUseProtection', () => {
  it('adds kubernetes.io/pvc-protection to claims and kubernetes.io/pv-protection to volumes, once', () => {
    const pvc: KubeObject = { metadata: { name: 'data', namespace: 'default', finalizers: ['example.com/keep'] } };
    const pv: KubeObject = { metadata: { name: 'pv1', finalizers: ['kubernetes.io/pv-protection'] } };
    storageObjectInUseProtection.admit!(attrs('', 'persistentvolumeclaims', { object: pvc }), fakeContext());
    storageObjectInUseProtection.admit!(attrs('', 'persistentvolumes', { object: pv }), fakeContext());
    expect(pvc.metadata!.finalizers).toEqual(['example.com/keep', 'kubernetes.io/pvc-protection']);
    expect(pv.metadata!.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });
});

describe('PersistentVolumeClaimResize', () => {
  const bound = (size: string, cls = 'standard'): KubeObject => ({ ...claim({ storageClassName: cls, resources: { requests: { storage: size } } }), status: { phase: 'Bound' } });
  const expandable = { ...sc('standard', '2025-01-15T09:00:00Z', true), allowVolumeExpansion: true };
  const run = (old: KubeObject, next: KubeObject, objects: KubeObject[]) => () => persistentVolumeClaimResize.validate!(
    attrs('', 'persistentvolumeclaims', { operation: 'UPDATE', name: 'data', object: next, oldObject: old }), fakeContext(objects));

  it('lets a bound claim grow when its class allows expansion', () => expect(run(bound('1Gi'), bound('2Gi'), [expandable])).not.toThrow());
  it('refuses growth without allowVolumeExpansion', () => expect(run(bound('1Gi'), bound('2Gi'), [sc('standard', '2025-01-15T09:00:00Z', true)])).toThrow(
    'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize'));
  it('refuses growth of an unbound claim', () => expect(run(claim({ storageClassName: 'standard' }), bound('2Gi'), [expandable])).toThrow(
    'persistentvolumeclaims "data" is forbidden: Only bound persistent volume claims can be expanded'));
  it('leaves shrinking to validation', () => expect(run(bound('2Gi'), bound('1Gi'), [])).not.toThrow());
});

describe('DefaultIngressClass', () => {
  const ic = (name: string, isDefault: boolean): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', spec: { controller: 'c' },
    metadata: { name, creationTimestamp: '2025-01-15T09:00:00Z', annotations: isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {} } });
  const cases: { name: string; ing: KubeObject; want: unknown }[] = [
    { name: 'fills in the default class', ing: { metadata: { name: 'web', namespace: 'default' }, spec: {} }, want: 'nginx' },
    { name: 'keeps an explicit class', ing: { metadata: { name: 'web', namespace: 'default' }, spec: { ingressClassName: 'traefik' } }, want: 'traefik' },
    { name: 'the legacy annotation counts as a choice', ing: { metadata: { name: 'web', namespace: 'default', annotations: { 'kubernetes.io/ingress.class': 'nginx' } }, spec: {} }, want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      defaultIngressClass.admit!(attrs('networking.k8s.io', 'ingresses', { object: c.ing }), fakeContext([ic('nginx', true), ic('other', false)]));
      expect((c.ing.spec as { ingressClassName?: string }).ingressClassName).toBe(c.want);
    });
  }
});
