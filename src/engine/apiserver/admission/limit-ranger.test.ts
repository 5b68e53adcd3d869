import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, StatusError } from '../../api';
import { limitRanger, LIMIT_RANGER_ANNOTATION } from './limit-ranger';
import { attrs, fakeContext } from './testing';

const limits: KubeObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'dev' }, spec: { limits: [
  { type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m', memory: '128Mi' },
    max: { cpu: '1', memory: '512Mi' }, min: { cpu: '100m' } },
] } };
const storage: KubeObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'storage', namespace: 'dev' }, spec: { limits: [
  { type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '10Gi' } },
] } };

const pod = (containers: object[], init: object[] = []): Pod =>
  ({ metadata: { name: 'web', namespace: 'dev' }, spec: { containers, initContainers: init.length ? init : undefined } }) as Pod;

function admitAndValidate(obj: KubeObject, objects: KubeObject[] = [limits], resource = 'pods'): StatusError | undefined {
  const a = attrs('', resource, { object: obj });
  const ctx = fakeContext(objects);
  try {
    limitRanger.admit!(a, ctx);
    limitRanger.validate!(a, ctx);
    return undefined;
  } catch (e) {
    return e as StatusError;
  }
}

describe('LimitRanger', () => {
  it('fills defaults and records them in the kubernetes.io/limit-ranger annotation', () => {
    const p = pod([{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox', resources: { requests: { cpu: '200m' } } }],
      [{ name: 'setup', image: 'busybox' }]);
    expect(admitAndValidate(p)).toBeUndefined();
    expect(p.spec!.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    expect(p.spec!.containers[1].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '200m', memory: '128Mi' } });
    expect(p.metadata!.annotations![LIMIT_RANGER_ANNOTATION]).toBe('LimitRanger plugin set: cpu, memory request for container nginx; '
      + 'cpu, memory limit for container nginx; memory request for container side; cpu, memory limit for container side; '
      + 'cpu, memory request for init container setup; cpu, memory limit for init container setup');
  });

  it('does nothing without a LimitRange', () => {
    const p = pod([{ name: 'nginx', image: 'nginx' }]);
    expect(admitAndValidate(p, [])).toBeUndefined();
    expect(p.spec!.containers[0].resources).toBeUndefined();
    expect(p.metadata!.annotations).toBeUndefined();
  });

  const refusals: { name: string; resources: object; message: string }[] = [
    { name: 'a limit over max', resources: { limits: { cpu: '2' } },
      message: 'pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2' },
    { name: 'a request under min and a limit over max together', resources: { requests: { cpu: '50m' }, limits: { memory: '1Gi' } },
      message: 'pods "web" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum memory usage per Container is 512Mi, but limit is 1Gi]' },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, () => {
      expect(admitAndValidate(pod([{ name: 'nginx', image: 'nginx', resources: c.resources }]))?.status)
        .toMatchObject({ code: 403, reason: 'Forbidden', message: c.message });
    });
  }

  it('checks the limit/request ratio and Pod-type totals', () => {
    const lr: KubeObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'r', namespace: 'dev' }, spec: { limits: [
      { type: 'Container', maxLimitRequestRatio: { cpu: '2' } }, { type: 'Pod', max: { memory: '1Gi' } }] } };
    expect(admitAndValidate(pod([{ name: 'a', image: 'x', resources: { requests: { cpu: '100m', memory: '600Mi' }, limits: { cpu: '300m', memory: '600Mi' } } },
      { name: 'b', image: 'x', resources: { requests: { cpu: '100m', memory: '600Mi' }, limits: { cpu: '100m', memory: '600Mi' } } }]), [lr])?.status.message)
      .toBe('pods "web" is forbidden: [cpu max limit to request ratio per Container is 2, but provided ratio is 3.000000, '
        + 'maximum memory usage per Pod is 1Gi, but limit is 1200Mi]');
  });

  it('checks PVC storage requests against min and max, and never defaults them', () => {
    const pvc = (size: string): KubeObject => ({ metadata: { name: 'data', namespace: 'dev' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } });
    expect(admitAndValidate(pvc('5Gi'), [storage], 'persistentvolumeclaims')).toBeUndefined();
    expect(admitAndValidate(pvc('20Gi'), [storage], 'persistentvolumeclaims')?.status.message)
      .toBe('persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi');
    expect(admitAndValidate(pvc('500Mi'), [storage], 'persistentvolumeclaims')?.status.message)
      .toBe('persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
  });

  it('skips pod updates', () => {
    const p = pod([{ name: 'nginx', image: 'nginx', resources: { limits: { cpu: '2' } } }]);
    const a = attrs('', 'pods', { operation: 'UPDATE', name: 'web', object: p, oldObject: p });
    expect(() => limitRanger.validate!(a, fakeContext([limits]))).not.toThrow();
  });
});
