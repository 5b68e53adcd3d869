// ConfigMap, Secret, PersistentVolume(Claim) and StorageClass messages.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { createMessage, updateMessage } from './testing';
import { CONFIG_KEY } from './test-messages';

const configMap = (body: string) => `
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
${body}`;

const secret = (type: string, data: string, meta = '') => `
apiVersion: v1
kind: Secret
metadata:
  name: s
${meta}type: ${type}
${data}`;

const pvc = (spec: string) => `
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
${spec}`;

const b64 = (s: string) => btoa(s);

const CASES: { name: string; yaml: string; want: string }[] = [
  { name: 'ConfigMap key with a space', yaml: configMap('data:\n  my key: x\n'),
    want: `ConfigMap "cm" is invalid: data[my key]: Invalid value: "my key": ${CONFIG_KEY}` },
  { name: 'ConfigMap key ..', yaml: configMap('data:\n  "..": x\n'),
    want: 'ConfigMap "cm" is invalid: data[..]: Invalid value: "..": must not be \'..\'' },
  { name: 'ConfigMap key in data and binaryData', yaml: configMap(`data:\n  k: x\nbinaryData:\n  k: ${b64('x')}\n`),
    want: 'ConfigMap "cm" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData' },
  { name: 'ConfigMap over 1 MiB', yaml: configMap(`data:\n  big: "${'x'.repeat(1024 * 1024 + 1)}"\n`),
    want: 'ConfigMap "cm" is invalid: : Too long: may not be more than 1048576 bytes' },
  { name: 'TLS Secret without its key', yaml: secret('kubernetes.io/tls', `data:\n  tls.crt: ${b64('cert')}\n`),
    want: 'Secret "s" is invalid: data[tls.key]: Required value' },
  { name: 'dockerconfigjson that is not JSON', yaml: secret('kubernetes.io/dockerconfigjson', `data:\n  .dockerconfigjson: ${b64('hello')}\n`),
    want: 'Secret "s" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'h\' looking for beginning of value' },
  { name: 'dockerconfigjson missing', yaml: secret('kubernetes.io/dockerconfigjson', 'data: {}\n'),
    want: 'Secret "s" is invalid: data[.dockerconfigjson]: Required value' },
  { name: 'service account token without its annotation', yaml: secret('kubernetes.io/service-account-token', 'data: {}\n'),
    want: 'Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value' },
  { name: 'basic-auth with neither key', yaml: secret('kubernetes.io/basic-auth', `data:\n  user: ${b64('u')}\n`),
    want: 'Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]' },
  { name: 'ssh-auth without a key', yaml: secret('kubernetes.io/ssh-auth', 'stringData:\n  other: x\n'),
    want: 'Secret "s" is invalid: data[ssh-privatekey]: Required value' },
  { name: 'Secret key with a slash', yaml: secret('Opaque', `data:\n  a/b: ${b64('x')}\n`),
    want: 'Secret "s" is invalid: data[a/b]: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\' (e.g. \'key.name\',  or \'KEY_NAME\',  or \'key-name\', regex used for validation is \'[-._a-zA-Z0-9]+\')' },
  { name: 'PVC without access modes', yaml: pvc('  resources:\n    requests:\n      storage: 1Gi\n'),
    want: 'PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value: at least 1 access mode is required' },
  { name: 'PVC without a storage request', yaml: pvc('  accessModes: [ReadWriteOnce]\n'),
    want: 'PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Required value' },
  { name: 'PVC access mode', yaml: pvc('  accessModes: [ReadWriteAll]\n  resources:\n    requests:\n      storage: 1Gi\n'),
    want: 'PersistentVolumeClaim "data" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"' },
  { name: 'PVC zero storage', yaml: pvc('  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: "0"\n'),
    want: 'PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Invalid value: "0": must be greater than zero' },
  { name: 'PV without capacity', yaml: `
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data
`, want: 'PersistentVolume "pv1" is invalid: [spec.capacity: Required value, spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"]' },
  { name: 'PV without a source', yaml: `
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  accessModes: [ReadWriteOnce]
  capacity:
    storage: 1Gi
`, want: 'PersistentVolume "pv1" is invalid: spec: Required value: must specify a volume type' },
  { name: 'StorageClass without provisioner', yaml: `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
`, want: 'StorageClass.storage.k8s.io "fast" is invalid: provisioner: Required value' },
  { name: 'StorageClass reclaimPolicy', yaml: `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: k8s.io/minikube-hostpath
reclaimPolicy: Recycle
`, want: 'StorageClass.storage.k8s.io "fast" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"' },
];

describe('config and storage on create', () => {
  it.each(CASES)('$name', ({ yaml, want }) => {
    expect(createMessage(yaml)).toBe(want);
  });
});

describe('config and storage on update', () => {
  it('an immutable ConfigMap keeps its data', () => {
    expect(updateMessage(configMap('immutable: true\ndata:\n  k: v\n'), (o) => { Object.assign(o, { data: { k: 'w' } }); }))
      .toBe('ConfigMap "cm" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });

  it('a Secret keeps its type', () => {
    expect(updateMessage(secret('Opaque', `data:\n  tls.crt: ${b64('c')}\n  tls.key: ${b64('k')}\n`), (o) => { Object.assign(o, { type: 'kubernetes.io/tls' }); }))
      .toBe('Secret "s" is invalid: type: Invalid value: "kubernetes.io/tls": field is immutable');
  });

  it('a PVC spec is immutable but for the storage request of a bound claim', () => {
    const claim = pvc('  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    const msg = updateMessage(claim, (o) => { (o.spec as { accessModes: string[] }).accessModes = ['ReadWriteMany']; });
    expect(msg.startsWith('PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n  core.PersistentVolumeClaimSpec{\n')).toBe(true);
    const grow = (o: KubeObject) => {
      o.status = { phase: 'Bound', capacity: { storage: '1Gi' } };
      (o.spec as { resources: { requests: { storage: string } } }).resources.requests.storage = '2Gi';
    };
    expect(updateMessage(claim, grow, false, (old) => { old.status = { phase: 'Bound', capacity: { storage: '1Gi' } }; })).toBe('');
  });

  it('StorageClass parameters are fixed', () => {
    const sc = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: k8s.io/minikube-hostpath
parameters:
  type: ssd
`;
    expect(updateMessage(sc, (o) => { Object.assign(o, { parameters: { type: 'hdd' } }); }))
      .toBe('StorageClass.storage.k8s.io "fast" is invalid: parameters: Forbidden: updates to parameters are forbidden.');
  });
});
