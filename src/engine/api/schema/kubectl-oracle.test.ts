// The real Go decoder as an oracle: kubectl 1.32 links the same sigs.k8s.io/json, apimachinery serializer
// and k8s.io/api types as the v1.32 API server. `kubectl set env|serviceaccount --local -f -` decodes a
// manifest into the typed Go struct without a server and prints the decode error, or the object re-encoded
// by Go. Skipped where the binary is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { resourceFor } from '../kinds';
import { decode } from './decode';
import { fillZeroValues } from './zero-values';
import { goJsonMarshal } from './go-json';
import * as seed from './testdata';

const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const HOME = existsSync(KUBECTL) ? mkdtempSync(join(tmpdir(), 'kubesim-kubectl-')) : '';

function kubectl(args: string[], body: unknown): { out: string } | { err: string } {
  try {
    // kubectl sends maps with sorted keys; give the Go decoder the same order decode uses.
    return { out: execFileSync(KUBECTL, [...args, '--local', '-f', '-', '-o', 'json'],
      { input: goJsonMarshal(body), env: { HOME, PATH: '/usr/bin:/bin' }, stdio: ['pipe', 'pipe', 'pipe'] }).toString() };
  } catch (e) {
    return { err: String((e as { stderr: Buffer }).stderr).trim() };
  }
}

const R = {
  Pod: resourceFor('', 'pods')!, Secret: resourceFor('', 'secrets')!, ConfigMap: resourceFor('', 'configmaps')!,
  Service: resourceFor('', 'services')!, Event: resourceFor('', 'events')!, Node: resourceFor('', 'nodes')!,
  PersistentVolumeClaim: resourceFor('', 'persistentvolumeclaims')!, Deployment: resourceFor('apps', 'deployments')!,
  StatefulSet: resourceFor('apps', 'statefulsets')!, DaemonSet: resourceFor('apps', 'daemonsets')!,
  Job: resourceFor('batch', 'jobs')!, CronJob: resourceFor('batch', 'cronjobs')!,
  Ingress: resourceFor('networking.k8s.io', 'ingresses')!, RoleBinding: resourceFor('rbac.authorization.k8s.io', 'rolebindings')!,
};
type Kind = keyof typeof R;

const pod = (spec: unknown, metadata: unknown = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const ctr = (x: object) => pod({ containers: [{ name: 'nginx', image: 'nginx', ...x }] });
const meta = (m: object) => pod({ containers: [{ name: 'nginx' }] }, { name: 'p', ...m });
const obj = (apiVersion: string, kind: string, rest: object) => ({ apiVersion, kind, metadata: { name: 'x' }, ...rest });

const CASES: { name: string; body: { kind: string } }[] = [
  { name: 'replicas: "3"', body: obj('apps/v1', 'Deployment', { spec: { replicas: '3' } }) },
  { name: 'containerPort: "80"', body: ctr({ ports: [{ containerPort: '80' }] }) },
  { name: 'ports: 80', body: ctr({ ports: 80 }) },
  { name: 'a numeric label', body: meta({ labels: { a: 1 } }) },
  { name: 'a float replicas', body: obj('apps/v1', 'Deployment', { spec: { replicas: 1.5 } }) },
  { name: 'int32 overflow', body: ctr({ ports: [{ containerPort: 3000000000 }] }) },
  { name: 'an int64 given a string', body: pod({ terminationGracePeriodSeconds: 'soon' }) },
  { name: 'a named string type', body: ctr({ ports: [{ containerPort: 80, protocol: 6 }] }) },
  { name: 'a string spec', body: pod('nginx') },
  { name: 'a list as metadata', body: pod({}, [{ name: 'p' }]) },
  { name: 'an object as a list', body: pod({ containers: { name: 'c' } }) },
  { name: 'a string bool', body: pod({ hostNetwork: 'true' }) },
  { name: 'a list as a ResourceList', body: ctr({ resources: { limits: [] } }) },
  { name: 'two errors, first wins', body: ctr({ args: 5, command: 'x' }) },
  { name: 'a bad quantity', body: ctr({ resources: { limits: { memory: '1Gb' } } }) },
  { name: 'a quantity suffix', body: ctr({ resources: { requests: { cpu: '2K' } } }) },
  { name: 'a bool quantity', body: ctr({ resources: { requests: { cpu: true } } }) },
  { name: 'a quantity after a type error', body: pod({ containers: [{ resources: { limits: { cpu: 'x' } } }] }, { labels: { a: 1 } }) },
  { name: 'an IntOrString bool', body: ctr({ livenessProbe: { httpGet: { port: true } } }) },
  { name: 'an IntOrString float', body: ctr({ livenessProbe: { tcpSocket: { port: 80.5 } } }) },
  { name: 'an IntOrString object', body: ctr({ livenessProbe: { tcpSocket: { port: {} } } }) },
  { name: 'a time with a space', body: meta({ creationTimestamp: '2024-05-01 10:00:00' }) },
  { name: 'a numeric time', body: meta({ creationTimestamp: 1714557600 }) },
  { name: 'month 13', body: meta({ creationTimestamp: '2024-13-01T00:00:00Z' }) },
  { name: 'February 30', body: meta({ creationTimestamp: '2024-02-30T00:00:00Z' }) },
  { name: 'a time without zone', body: meta({ creationTimestamp: '2024-05-01T10:00:00' }) },
  { name: 'a time with extra text', body: meta({ creationTimestamp: '2024-05-01T10:00:00Zed' }) },
  { name: 'a date only', body: meta({ creationTimestamp: '2024-05-01' }) },
  { name: 'a struct given a number', body: ctr({ securityContext: 5 }) },
  { name: 'a map given a string', body: pod({ nodeSelector: 'x' }) },
  { name: 'an []int64 item', body: pod({ securityContext: { supplementalGroups: ['a'] } }) },
  { name: 'a types.UID', body: meta({ ownerReferences: [{ uid: 5 }] }) },
  { name: 'accessModes as a string', body: obj('apps/v1', 'StatefulSet', { spec: { volumeClaimTemplates: [{ spec: { accessModes: 'ReadWriteOnce' } }] } }) },
  { name: 'a CronJob int64', body: obj('batch/v1', 'CronJob', { spec: { startingDeadlineSeconds: 'x' } }) },
  { name: 'a DaemonSet maxSurge bool', body: obj('apps/v1', 'DaemonSet', { spec: { updateStrategy: { rollingUpdate: { maxSurge: true } } } }) },
  { name: 'the tutorial Secret placeholders', body: load(seed.DB_CREDENTIALS_PLACEHOLDER) as { kind: string } },
  { name: 'base64 bad later', body: obj('v1', 'Secret', { data: { a: 'YWRt!W4=' } }) },
  { name: 'base64 unpadded', body: obj('v1', 'Secret', { data: { a: 'YWRtaW4' } }) },
  { name: 'base64 trailing byte', body: obj('v1', 'Secret', { data: { a: 'YWRtaW4=a' } }) },
  { name: 'base64 early padding', body: obj('v1', 'Secret', { data: { a: 'Y===' } }) },
  { name: 'base64 lone pad', body: obj('v1', 'Secret', { data: { a: 'YQ=' } }) },
  { name: 'base64 multi-byte', body: obj('v1', 'Secret', { data: { a: 'YWJjé' } }) },
  { name: 'a numeric Secret value', body: obj('v1', 'Secret', { data: { a: 1 } }) },
  { name: 'a byte array out of range', body: obj('v1', 'Secret', { data: { a: [1, 300] } }) },
  { name: 'ConfigMap binaryData', body: obj('v1', 'ConfigMap', { binaryData: { f: 'not base64' } }) },
  { name: 'a Service port string', body: obj('v1', 'Service', { spec: { ports: [{ port: '80' }] } }) },
  { name: 'a Service targetPort float', body: obj('v1', 'Service', { spec: { ports: [{ port: 80, targetPort: 8.5 }] } }) },
  { name: 'an Ingress port number string', body: obj('networking.k8s.io/v1', 'Ingress', { spec: { rules: [{ http: { paths: [{ backend: { service: { port: { number: '80' } } } }] } }] } }) },
  { name: 'a MicroTime without fraction', body: obj('v1', 'Event', { eventTime: '2024-05-01T10:00:00Z' }) },
  { name: 'a PVC storage 1GiB', body: obj('v1', 'PersistentVolumeClaim', { spec: { resources: { requests: { storage: '1GiB' } } } }) },
  { name: 'a Node taint effect', body: obj('v1', 'Node', { spec: { taints: [{ effect: 1 }] } }) },
];

describe.skipIf(!existsSync(KUBECTL))('decode agrees with the Go decoder in kubectl 1.32', () => {
  it.each(CASES)('$name', ({ body }) => {
    const real = kubectl(['set', 'env', 'A=b'], body);
    expect('err' in real).toBe(true);
    const goErr = (real as { err: string }).err.replace(/^error: unable to decode "STDIN": /, '');
    let mine = '';
    try {
      decode(body, R[body.kind as Kind], { strict: false });
    } catch (e) {
      mine = (e as Error).message.replace(/^.*? cannot be handled as a \w+: /, '');
    }
    expect(mine).toBe(goErr);
  });

  // `set serviceaccount` re-encodes the typed object: canonical values, zero values and Go field order.
  it.each([
    { name: 'Pod test-app-pod', yaml: seed.TEST_APP_POD, at: (o: any) => o.spec },
    { name: 'a realistic stored Pod', yaml: seed.REALISTIC_POD, at: (o: any) => o.spec },
    { name: 'Deployment webapp-deployment', yaml: seed.WEBAPP_DEPLOYMENT, at: (o: any) => o.spec.template.spec },
    { name: 'StatefulSet database-statefulset', yaml: seed.DATABASE_STATEFULSET, at: (o: any) => o.spec.template.spec },
    { name: 'CronJob hello', yaml: seed.HELLO_CRONJOB, at: (o: any) => o.spec.jobTemplate.spec.template.spec },
    { name: 'a Pod with values to canonicalize', at: (o: any) => o.spec, body: { apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: '2024-05-01T12:00:00.5+02:00', labels: { a: null } },
      spec: { containers: [{ name: 'nginx', resources: { limits: { cpu: 0.5, memory: '1024Mi' } }, ports: [{ containerPort: 80 }] }] },
      status: { conditions: [{ type: 'Ready', status: 'True' }] } } },
    { name: 'a Pod with nulls in lists and maps', at: (o: any) => o.spec, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { containers: [null, { name: 'c', args: [null, 'x'], resources: { limits: { cpu: null } } }], tolerations: [{ tolerationSeconds: null }] } } },
  ])('round-trips $name byte for byte', ({ yaml, body, at }) => {
    const input = (body ?? load(yaml!)) as any;
    delete input.spec?.serviceAccountName;
    delete input.spec?.serviceAccount;
    const real = kubectl(['set', 'serviceaccount', 'robot'], input);
    const { obj: decoded } = decode(input, R[input.kind as Kind], { strict: true });
    at(decoded).serviceAccountName = 'robot';
    const mine = fillZeroValues(decoded, decoded.apiVersion!, decoded.kind!, { goOrder: true });
    expect(JSON.stringify(mine, null, 4)).toBe(JSON.stringify(JSON.parse((real as { out: string }).out), null, 4));
  });

  it('round-trips Service webapp-service byte for byte (set selector to the same selector)', () => {
    const input = load(seed.WEBAPP_SERVICE) as any;
    const real = kubectl(['set', 'selector', 'app=my-webapp'], input);
    const { obj: decoded } = decode(input, R.Service, { strict: true });
    const mine = fillZeroValues(decoded, 'v1', 'Service', { goOrder: true });
    expect(JSON.stringify(mine, null, 4)).toBe(JSON.stringify(JSON.parse((real as { out: string }).out), null, 4));
  });

  it('round-trips a RoleBinding byte for byte (set subject)', () => {
    const input = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' } };
    const real = kubectl(['set', 'subject', '--user=bob'], input);
    const { obj: decoded } = decode(input, R.RoleBinding, { strict: true });
    (decoded as any).subjects = [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'bob' }];
    const mine = fillZeroValues(decoded, decoded.apiVersion!, 'RoleBinding', { goOrder: true });
    expect(JSON.stringify(mine, null, 4)).toBe(JSON.stringify(JSON.parse((real as { out: string }).out), null, 4));
  });
});
