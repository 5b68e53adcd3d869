import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { resourceFor } from '../kinds';
import { StatusError } from '../errors';
import { deepFreeze } from '../meta';
import { decode, strictDecodingMessage, strictDecodingWarnings } from './decode';
import * as seed from './testdata';

const R = {
  pods: resourceFor('', 'pods')!,
  services: resourceFor('', 'services')!,
  configmaps: resourceFor('', 'configmaps')!,
  secrets: resourceFor('', 'secrets')!,
  pvcs: resourceFor('', 'persistentvolumeclaims')!,
  deployments: resourceFor('apps', 'deployments')!,
  statefulsets: resourceFor('apps', 'statefulsets')!,
  cronjobs: resourceFor('batch', 'cronjobs')!,
  ingresses: resourceFor('networking.k8s.io', 'ingresses')!,
  events: resourceFor('', 'events')!,
};

/** The BadRequest message decode throws, or undefined when it succeeds. */
function failure(body: unknown, info = R.pods, strict = true): string | undefined {
  try {
    decode(body, info, { strict });
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    const s = (e as StatusError).status;
    expect(s.code).toBe(400);
    expect(s.reason).toBe('BadRequest');
    return s.message;
  }
}

const pod = (spec: unknown, metadata: unknown = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });

describe('decode: the seed manifests', () => {
  const cases = [
    { name: 'Pod test-app-pod', yaml: seed.TEST_APP_POD, info: R.pods },
    { name: 'Deployment webapp-deployment', yaml: seed.WEBAPP_DEPLOYMENT, info: R.deployments },
    { name: 'Service webapp-service', yaml: seed.WEBAPP_SERVICE, info: R.services },
    { name: 'ConfigMap webapp-config', yaml: seed.WEBAPP_CONFIG, info: R.configmaps },
    { name: 'Secret db-credentials (real base64)', yaml: seed.DB_CREDENTIALS, info: R.secrets },
    { name: 'PersistentVolumeClaim database-pvc', yaml: seed.DATABASE_PVC, info: R.pvcs },
    { name: 'StatefulSet with volumeClaimTemplates', yaml: seed.DATABASE_STATEFULSET, info: R.statefulsets },
    { name: 'CronJob hello', yaml: seed.HELLO_CRONJOB, info: R.cronjobs },
    { name: 'Ingress webapp-ingress', yaml: seed.WEBAPP_INGRESS, info: R.ingresses },
    { name: 'a realistic stored Pod', yaml: seed.REALISTIC_POD, info: R.pods },
  ];
  it.each(cases)('$name decodes strictly with no unknown fields', ({ yaml, info }) => {
    const body = load(yaml);
    const r = decode(body, info, { strict: true });
    expect(r.unknownFields).toEqual([]);
    expect(r.duplicateFields).toEqual([]);
    // Nothing but canonical forms changes: the YAML round-trips as JSON.
    expect(r.obj).toEqual(body);
  });

  it('keeps the values of the Deployment', () => {
    const { obj } = decode(load(seed.WEBAPP_DEPLOYMENT), R.deployments, { strict: true });
    const spec = obj.spec as any;
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.containers[1].env[0].valueFrom.secretKeyRef).toEqual({ name: 'db-credentials', key: 'username' });
    expect(spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('database-pvc');
  });
});

describe('decode: the tutorial Secret with placeholders', () => {
  it('fails as a v1.32 server fails it', () => {
    // Keys reach the server sorted (kubectl marshals a map): "password" is decoded first; '<' is not base64.
    expect(failure(load(seed.DB_CREDENTIALS_PLACEHOLDER), R.secrets))
      .toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0');
  });

  it.each([
    { name: 'bad byte later on', value: 'YWRt!W4=', want: 'illegal base64 data at input byte 4' },
    { name: 'missing padding', value: 'YWRtaW4', want: 'illegal base64 data at input byte 4' },
    { name: 'one char too many', value: 'YWRtaW4=a', want: 'illegal base64 data at input byte 8' },
    { name: 'plain text with a space', value: 'my password', want: 'illegal base64 data at input byte 2' },
  ])('$name', ({ value, want }) => {
    expect(failure({ apiVersion: 'v1', kind: 'Secret', data: { k: value } }, R.secrets))
      .toBe(`Secret in version "v1" cannot be handled as a Secret: ${want}`);
  });

  it('re-encodes valid base64 canonically (newlines dropped)', () => {
    const { obj } = decode({ apiVersion: 'v1', kind: 'Secret', data: { a: 'YWRt\naW4=' }, stringData: { b: 'plain' } }, R.secrets, { strict: true });
    expect((obj as any).data).toEqual({ a: 'YWRtaW4=' });
    expect((obj as any).stringData).toEqual({ b: 'plain' });
  });

  it('accepts ConfigMap binaryData as base64 and checks it the same way', () => {
    expect(failure({ apiVersion: 'v1', kind: 'ConfigMap', binaryData: { f: 'not base64' } }, R.configmaps))
      .toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 3');
    expect((decode({ apiVersion: 'v1', kind: 'ConfigMap', binaryData: { f: 'AAEC' } }, R.configmaps, { strict: true }).obj as any).binaryData)
      .toEqual({ f: 'AAEC' });
  });
});

describe('decode: unknown fields', () => {
  const body = pod({ foo: 1, containers: [{ name: 'c', image: 'nginx', imagee: 'nginx' }] }, { name: 'p', lables: { a: 'b' } });

  it('are a strict decoding error with upstream paths, in decoder order', () => {
    expect(failure(body)).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: '
      + 'unknown field "metadata.lables", unknown field "spec.containers[0].imagee", unknown field "spec.foo"');
  });

  it('are returned, not thrown, when not strict (fieldValidation=Warn or Ignore)', () => {
    const r = decode(body, R.pods, { strict: false });
    expect(r.unknownFields).toEqual(['metadata.lables', 'spec.containers[0].imagee', 'spec.foo']);
    expect(r.obj.spec).toEqual({ containers: [{ name: 'c', image: 'nginx' }] });
    expect(strictDecodingWarnings(r.unknownFields)).toEqual([
      'unknown field "metadata.lables"', 'unknown field "spec.containers[0].imagee"', 'unknown field "spec.foo"']);
  });

  it('name map keys and nested list indexes in the path', () => {
    const r = decode({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: {
      containers: [{ name: 'a' }, { name: 'b', resources: { limits: { cpu: '1' }, limitz: {} } }] } } } }, R.deployments, { strict: false });
    expect(r.unknownFields).toEqual(['spec.template.spec.containers[1].resources.limitz']);
  });

  it('at the top level have no prefix', () => {
    expect(decode({ apiVersion: 'v1', kind: 'ConfigMap', date: {} }, R.configmaps, { strict: false }).unknownFields).toEqual(['date']);
  });

  it('stop being collected at 100, and each is reported once', () => {
    const spec: Record<string, number> = {};
    for (let i = 0; i < 150; i++) spec[`f${String(i).padStart(3, '0')}`] = i;
    expect(decode(pod(spec), R.pods, { strict: false }).unknownFields).toHaveLength(100);
  });

  it('lose to a type error', () => {
    expect(failure(pod({ foo: 1, priority: 'high' })))
      .toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.priority of type int32');
  });

  it('and duplicate fields the caller found are reported first', () => {
    const r = decode(pod({ foo: 1 }), R.pods, { strict: false, duplicateFields: ['spec.replicas'] });
    expect(r.duplicateFields).toEqual(['spec.replicas']);
    expect(strictDecodingMessage(r.unknownFields, r.duplicateFields))
      .toBe('strict decoding error: duplicate field "spec.replicas", unknown field "spec.foo"');
    expect(failure.call(null, pod({}), R.pods, true)).toBeUndefined();
    expect(() => decode(pod({}), R.pods, { strict: true, duplicateFields: ['metadata.name'] }))
      .toThrow('Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name"');
  });
});

describe('decode: type mismatches', () => {
  const cases = [
    { name: 'replicas: "3"', info: R.deployments,
      body: { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: '3' } },
      want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' },
    { name: 'containerPort: "80"', info: R.pods, body: pod({ containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32' },
    { name: 'ports: 80', info: R.pods, body: pod({ containers: [{ name: 'c', ports: 80 }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.ports of type []v1.ContainerPort' },
    { name: 'a port in a Deployment template', info: R.deployments,
      body: { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { containers: [{ ports: [{ containerPort: '80' }] }] } } } },
      want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32' },
    { name: 'a label value that is a number', info: R.pods, body: pod({}, { name: 'p', labels: { tier: 1 } }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string' },
    { name: 'a float into int32 quotes the number', info: R.deployments,
      body: { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 1.5 } },
      want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32' },
    { name: 'int32 overflow', info: R.pods, body: pod({ containers: [{ ports: [{ containerPort: 3000000000 }] }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32' },
    { name: 'int64 fields say int64', info: R.pods, body: pod({ terminationGracePeriodSeconds: 'soon' }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64' },
    { name: 'named string types print their Go name', info: R.pods, body: pod({ containers: [{ ports: [{ protocol: 6 }] }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol' },
    { name: 'a string where a struct belongs', info: R.pods, body: pod('nginx'),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec' },
    { name: 'a list where a struct belongs', info: R.pods, body: pod({}, [{ name: 'p' }]),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field Pod.metadata of type v1.ObjectMeta' },
    { name: 'an object where a list belongs', info: R.pods, body: pod({ containers: { name: 'c' } }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container' },
    { name: 'a bool as a string', info: R.pods, body: pod({ hostNetwork: 'true' }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool' },
    { name: 'a number in a ResourceList map is fine, a list is not', info: R.pods, body: pod({ containers: [{ resources: { limits: [] } }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList' },
    { name: 'a number as Secret data', info: R.secrets, body: { apiVersion: 'v1', kind: 'Secret', data: { a: 1 } },
      want: 'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8' },
    { name: 'the first saved error wins', info: R.pods, body: pod({ containers: [{ name: 1, image: 2 }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string' },
  ];
  it.each(cases)('$name', ({ body, info, want }) => {
    expect(failure(body, info)).toBe(want);
  });
});

describe('decode: values with their own unmarshalers', () => {
  const cases = [
    { name: 'a bad quantity', body: pod({ containers: [{ resources: { limits: { memory: '1Gb' } } }] }),
      want: "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
    { name: 'a quantity with an unknown suffix', body: pod({ containers: [{ resources: { requests: { cpu: '2K' } } }] }),
      want: "Pod in version \"v1\" cannot be handled as a Pod: unable to parse quantity's suffix" },
    { name: 'a quantity error beats an earlier type error (it aborts decoding)',
      body: pod({ containers: [{ resources: { limits: { cpu: 'x' } } }] }, { name: 'p', labels: { a: 1 } }),
      want: "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
    { name: 'an IntOrString that is a bool', body: pod({ containers: [{ livenessProbe: { httpGet: { port: true } } }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32' },
    { name: 'an IntOrString that is a float', body: pod({ containers: [{ livenessProbe: { tcpSocket: { port: 80.5 } } }] }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 80.5 into Go struct field TCPSocketAction.spec.containers.livenessProbe.tcpSocket.port of type int32' },
    { name: 'a time that is not RFC 3339', body: pod({}, { name: 'p', creationTimestamp: '2024-05-01 10:00:00' }),
      want: 'Pod in version "v1" cannot be handled as a Pod: parsing time "2024-05-01 10:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse " 10:00:00" as "T"' },
    { name: 'a time that is a number', body: pod({}, { name: 'p', creationTimestamp: 1714557600 }),
      want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string' },
  ];
  it.each(cases)('$name', ({ body, want }) => {
    expect(failure(body)).toBe(want);
  });

  it('canonicalizes quantities, numbers included', () => {
    const { obj } = decode(pod({ containers: [{ name: 'c', resources: {
      requests: { cpu: 0.5, memory: '1024Mi' }, limits: { cpu: '2000m', memory: '1.5Gi', 'ephemeral-storage': 1e9 } } }] }), R.pods, { strict: true });
    expect((obj.spec as any).containers[0].resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '1536Mi', 'ephemeral-storage': '1G' } });
  });

  it('writes times back in UTC at second precision, and MicroTime at microseconds', () => {
    const { obj } = decode(pod({}, { name: 'p', creationTimestamp: '2024-05-01T12:00:00.123+02:00' }), R.pods, { strict: true });
    expect(obj.metadata!.creationTimestamp).toBe('2024-05-01T10:00:00Z');
    const ev = decode({ apiVersion: 'v1', kind: 'Event', eventTime: '2024-05-01T10:00:00.123456Z' }, R.events, { strict: true });
    expect((ev.obj as any).eventTime).toBe('2024-05-01T10:00:00.123456Z');
    expect(() => decode({ apiVersion: 'v1', kind: 'Event', eventTime: '2024-05-01T10:00:00Z' }, R.events, { strict: true }))
      .toThrow('Event in version "v1" cannot be handled as a Event: parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"');
  });

  it('keeps IntOrString as given', () => {
    const { obj } = decode(load(seed.WEBAPP_SERVICE), R.services, { strict: true });
    expect((obj.spec as any).ports[0].targetPort).toBe(80);
    const named = decode({ apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 'http' }] } }, R.services, { strict: true });
    expect((named.obj.spec as any).ports[0].targetPort).toBe('http');
  });
});

describe('decode: subresource bodies', () => {
  it.each([
    { name: 'a Scale', target: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      body: { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 5 } } },
    { name: 'an Eviction', target: { group: 'policy', version: 'v1', kind: 'Eviction' },
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'p' }, deleteOptions: { gracePeriodSeconds: 0 } } },
    { name: 'a Binding', target: { group: '', version: 'v1', kind: 'Binding' },
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'minikube' } } },
  ])('decodes $name', ({ target, body }) => {
    expect(decode(body, target, { strict: true }).obj).toEqual(body);
  });

  it('words errors with the subresource kind', () => {
    expect(() => decode({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 'five' } },
      { group: 'autoscaling', version: 'v1', kind: 'Scale' }, { strict: true }))
      .toThrow('Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32');
  });
});

describe('decode: nulls, copies and the envelope', () => {
  it('drops JSON nulls of fields (Go leaves the zero value and omitempty drops it)', () => {
    const { obj } = decode(pod({ nodeName: null, containers: [{ name: 'c', image: null }] }, { name: 'p', labels: null }), R.pods, { strict: true });
    expect(obj.metadata).toEqual({ name: 'p' });
    expect(obj.spec).toEqual({ containers: [{ name: 'c' }] });
  });

  it('turns a null map value or list item into the zero value of its type', () => {
    const { obj } = decode(pod({ containers: [null, { name: 'c', args: [null, 'x'], resources: { limits: { cpu: null } } }] },
      { name: 'p', labels: { a: null } }), R.pods, { strict: true });
    expect(obj.metadata!.labels).toEqual({ a: '' });
    expect((obj.spec as any).containers).toEqual([{}, { name: 'c', args: ['', 'x'], resources: { limits: { cpu: '0' } } }]);
  });

  it('returns a fresh, unfrozen object', () => {
    const body = deepFreeze(load(seed.TEST_APP_POD) as Record<string, unknown>);
    const { obj } = decode(body, R.pods, { strict: true });
    expect(obj).not.toBe(body);
    expect(Object.isFrozen(obj)).toBe(false);
    expect(Object.isFrozen(obj.spec)).toBe(false);
    (obj.spec as any).containers[0].name = 'changed';
    expect((body.spec as any).containers[0].name).toBe('test-app-container');
  });

  it('fills apiVersion and kind from the endpoint when the body leaves them out', () => {
    const { obj } = decode({ metadata: { name: 'p' } }, R.pods, { strict: true });
    expect([obj.apiVersion, obj.kind]).toEqual(['v1', 'Pod']);
  });

  it.each([
    { name: 'a kind the scheme does not know', body: { apiVersion: 'v1', kind: 'Pdo' },
      want: 'Pdo in version "v1" cannot be handled as a Pod: no kind "Pdo" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"' },
    { name: 'an old version', body: { apiVersion: 'extensions/v1beta1', kind: 'Pod' },
      want: 'Pod in version "v1beta1" cannot be handled as a Pod: no kind "Pod" is registered for version "extensions/v1beta1" in scheme "pkg/api/legacyscheme/scheme.go:30"' },
    { name: 'another kind', body: { apiVersion: 'v1', kind: 'Service' },
      want: 'Service in version "v1" cannot be handled as a Pod: converting (v1.Service) to (core.Pod): unknown conversion' },
    { name: 'a body that is a list', body: [{ kind: 'Pod' }],
      want: 'the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (5b7b226b696e64223a22506f64227d5d)' },
    { name: 'a kind that is not a string', body: { apiVersion: 'v1', kind: 1, metadata: { name: 'a-long-name-for-a-pod' } },
      want: 'the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: json: cannot unmarshal number into Go struct field .kind of type string ({"apiVersion":"v1","kind":1,"m ...)' },
  ])('rejects $name', ({ body, want }) => {
    expect(failure(body)).toBe(want);
  });
});
