import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../api';
import { serviceAccount, DEFAULT_API_TOKEN_MOUNT_PATH } from './service-account';
import { attrs, fakeContext } from './testing';

const sa = (name: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ServiceAccount', ...extra, metadata: { name, namespace: 'default', ...(extra.metadata as object) } });
const pod = (spec: Record<string, unknown>): Pod =>
  ({ metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } }) as Pod;

function admit(p: Pod, objects: KubeObject[] = [sa('default')]): Pod {
  const a = attrs('', 'pods', { object: p });
  const ctx = fakeContext(objects);
  serviceAccount.admit!(a, ctx);
  serviceAccount.validate!(a, ctx);
  return p;
}

describe('ServiceAccount', () => {
  it('mounts the token volume in every container and init container', () => {
    const p = admit(pod({ initContainers: [{ name: 'init', image: 'busybox' }] }));
    const name = p.spec!.volumes![0].name;
    const mount = { mountPath: DEFAULT_API_TOKEN_MOUNT_PATH, name, readOnly: true };
    expect(p.spec!.initContainers![0].volumeMounts).toEqual([mount]);
    expect(p.spec!.containers[0].volumeMounts).toEqual([mount]);
    expect(p.spec!.serviceAccountName).toBe('default');
    expect(p.spec!.serviceAccount).toBe('default');
  });

  it('refuses a pod naming a service account that does not exist', () => {
    expect(() => admit(pod({ serviceAccountName: 'builder' }))).toThrow(
      'pods "web" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found');
  });

  it('does not mount when the pod or its service account opts out; the pod wins', () => {
    expect(admit(pod({ automountServiceAccountToken: false })).spec!.volumes).toBeUndefined();
    const noMount = sa('robot', { automountServiceAccountToken: false });
    expect(admit(pod({ serviceAccountName: 'robot' }), [noMount]).spec!.volumes).toBeUndefined();
    expect(admit(pod({ serviceAccountName: 'robot', automountServiceAccountToken: true }), [noMount]).spec!.volumes).toHaveLength(1);
  });

  it('a container that already mounts the token path keeps its own mount', () => {
    const own = { name: 'mine', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
    const p = admit(pod({ containers: [{ name: 'app', image: 'nginx', volumeMounts: [own] }], volumes: [{ name: 'mine', emptyDir: {} }] }));
    expect(p.spec!.containers[0].volumeMounts).toEqual([own]);
    expect(p.spec!.volumes).toEqual([{ name: 'mine', emptyDir: {} }]);
  });

  it('reuses an existing kube-api-access- volume instead of adding a second', () => {
    const p = admit(pod({ volumes: [{ name: 'kube-api-access-abcde', emptyDir: {} }] }));
    expect(p.spec!.volumes).toHaveLength(1);
    expect(p.spec!.containers[0].volumeMounts![0].name).toBe('kube-api-access-abcde');
  });

  it('copies imagePullSecrets from the service account when the pod has none', () => {
    const withPull = sa('default', { imagePullSecrets: [{ name: 'regcred' }] });
    expect(admit(pod({}), [withPull]).spec!.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(admit(pod({ imagePullSecrets: [{ name: 'mine' }] }), [withPull]).spec!.imagePullSecrets).toEqual([{ name: 'mine' }]);
  });

  it('with kubernetes.io/enforce-mountable-secrets, only listed secrets may be used', () => {
    const strict = sa('default', { metadata: { annotations: { 'kubernetes.io/enforce-mountable-secrets': 'true' } }, secrets: [{ name: 'ok' }] });
    expect(() => admit(pod({ volumes: [{ name: 's', secret: { secretName: 'other' } }] }), [strict])).toThrow(
      'pods "web" is forbidden: volume with secret.secretName="other" is not allowed because service account default does not reference that secret');
    expect(() => admit(pod({ containers: [{ name: 'app', image: 'x', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'other', key: 'k' } } }] }] }), [strict]))
      .toThrow('container app with envVar P referencing secret.secretName="other" is not allowed because service account default does not reference that secret');
  });

  it('a missing "default" service account is taken as the one its controller is about to create', () => {
    expect(admit(pod({}), []).spec!.serviceAccountName).toBe('default');
  });

  it('mirror pods are never modified and may not reference service accounts', () => {
    const mirror = (spec: Record<string, unknown>) => ({ ...pod(spec), metadata: { name: 'etcd', namespace: 'default', annotations: { 'kubernetes.io/config.mirror': 'x' } } }) as Pod;
    const p = admit(mirror({}));
    expect(p.spec!.serviceAccountName).toBeUndefined();
    expect(p.spec!.volumes).toBeUndefined();
    expect(() => admit(mirror({ serviceAccountName: 'default' }))).toThrow('a mirror pod may not reference service accounts');
  });
});
