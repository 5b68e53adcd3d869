import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { RESOURCES, apiVersionOf, resourceFor } from '../kinds';
import { DEFS } from './k8s-schema.generated';
import { GO_EMIT } from './go-emit';
import { GO_TYPES } from './go-types';
import { ENUMS } from './go-enums';
import { ATOMIC_STRUCTS, PATCH_FACTS } from './patch-facts';
import { ADDED_DEFS, ADDED_FIELDS, NOW_REQUIRED, REMOVED_FIELDS } from './v1-32-additions';
import { DESCRIPTIONS_V1_32 } from './v1-32-descriptions';
import { defForKind, getDef, goStructName } from './model';
import { decode } from './decode';
import { fillZeroValues } from './zero-values';
import * as seed from './testdata';

const known = (key: string) => key in DEFS || key in ADDED_DEFS;

describe('the hand-kept fact tables', () => {
  // A fact about a field that does not exist would silently do nothing: every key must resolve.
  const tables = [
    { name: 'GO_TYPES', keys: Object.entries(GO_TYPES).map(([d, f]) => [d, Object.keys(f)] as const) },
    { name: 'GO_EMIT', keys: Object.entries(GO_EMIT).map(([d, f]) => [d, f.split(' ').filter(Boolean).map((x) => x.replace(/\*$/, ''))] as const) },
    { name: 'PATCH_FACTS', keys: Object.entries(PATCH_FACTS).map(([d, f]) => [d, Object.keys(f)] as const) },
    { name: 'ADDED_FIELDS', keys: Object.entries(ADDED_FIELDS).map(([d]) => [d, []] as const) },
    { name: 'REMOVED_FIELDS', keys: Object.entries(REMOVED_FIELDS).map(([d, f]) => [d, f] as const) },
    { name: 'NOW_REQUIRED', keys: Object.entries(NOW_REQUIRED).map(([d, f]) => [d, f] as const) },
    { name: 'DESCRIPTIONS_V1_32', keys: Object.entries(DESCRIPTIONS_V1_32).map(([d, f]) => [d, Object.keys(f).filter((n) => n !== '$')] as const) },
  ];
  it.each(tables)('$name names only existing definitions and fields', ({ keys }) => {
    for (const [def, fields] of keys) {
      expect(known(def), def).toBe(true);
      const d = getDef(def)!;
      for (const f of fields) {
        const inRaw = f in (DEFS[def]?.[1] ?? {}) || f in (ADDED_DEFS[def]?.[1] ?? {}) || f in (ADDED_FIELDS[def] ?? {});
        expect(inRaw, `${def}.${f}`).toBe(true);
        if (!REMOVED_FIELDS[def]?.includes(f)) expect(d.fields.has(f), `${def}.${f}`).toBe(true);
      }
    }
  });

  it('ATOMIC_STRUCTS names existing definitions', () => {
    for (const k of ATOMIC_STRUCTS) expect(known(k), k).toBe(true);
  });

  it('every type an added field refers to exists', () => {
    const refs = [...Object.values(ADDED_DEFS).flatMap(([, f]) => Object.values(f)), ...Object.values(ADDED_FIELDS).flatMap((f) => Object.values(f))]
      .map(([ref]) => ref.replace(/^(\[\]|\{\})+/, '')).filter((r) => r.includes('.'));
    for (const r of refs) expect(known(r), r).toBe(true);
  });

  it('every enum a field names is known, sorted as the OpenAPI sorts it', () => {
    const d = getDef('core.v1.Container')!;
    expect(d.fields.get('imagePullPolicy')!.type.enumValues).toEqual(ENUMS['v1.PullPolicy'].map(([v]) => v));
    expect(d.fields.get('imagePullPolicy')!.type.enumValues).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('describes enum fields as the v1.32 OpenAPI does (kube-openapi enum.go)', () => {
    // As in the OpenAPI v3 document kubectl's own explain tests carry (pkg/explain/v2/templates).
    expect(getDef('core.v1.Container')!.fields.get('imagePullPolicy')!.description).toBe('Image pull policy. One of Always, Never, '
      + 'IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: '
      + 'https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n'
      + ' - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n'
      + ' - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.\n'
      + ' - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present');
    expect(getDef('core.v1.PodSpec')!.fields.get('restartPolicy')!.description).toMatch(/\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`$/);
  });

  it('uses the v1.32 wording where it changed since the .d.ts', () => {
    expect(getDef('core.v1.PodAffinityTerm')!.fields.get('labelSelector')!.description)
      .toBe("A label query over a set of resources, in this case pods. If it's null, this PodAffinityTerm matches with no Pods.");
  });
});

describe('the merged model', () => {
  it('has a definition for every served kind', () => {
    for (const r of RESOURCES) expect(defForKind(apiVersionOf(r), r.kind), `${apiVersionOf(r)} ${r.kind}`).toBeDefined();
  });

  it.each([
    { name: 'int64 from GO_TYPES', def: 'meta.v1.ObjectMeta', field: 'generation', kind: 'int', go: 'int64', bits: 64 },
    { name: 'int32 by default', def: 'apps.v1.DeploymentSpec', field: 'replicas', kind: 'int', go: 'int32', bits: 32 },
    { name: 'byte maps', def: 'core.v1.Secret', field: 'data', kind: 'map', go: 'map[string][]uint8' },
    { name: 'named strings', def: 'core.v1.ServicePort', field: 'protocol', kind: 'string', go: 'v1.Protocol' },
    { name: 'ResourceList', def: 'core.v1.ResourceRequirements', field: 'limits', kind: 'map', go: 'v1.ResourceList' },
    { name: 'a v1.32 field', def: 'core.v1.PodSpec', field: 'resources', kind: 'struct', go: 'v1.ResourceRequirements' },
    { name: 'a v1.32 definition', def: 'core.v1.LinuxContainerUser', field: 'supplementalGroups', kind: 'list', go: '[]int64' },
  ])('types $name', ({ def, field, kind, go, bits }) => {
    const f = getDef(def)!.fields.get(field)!;
    expect(f.type.kind).toBe(kind);
    expect(f.type.go).toBe(go);
    if (bits) expect(f.type.bits).toBe(bits);
  });

  it('knows the elements of byte maps and ResourceLists', () => {
    expect(getDef('core.v1.Secret')!.fields.get('data')!.type.elem).toMatchObject({ kind: 'bytes', go: '[]uint8' });
    expect(getDef('core.v1.ResourceRequirements')!.fields.get('limits')!.type.elem).toMatchObject({ kind: 'quantity', go: 'resource.Quantity' });
  });

  it('marks fields v1.32 made required', () => {
    expect(getDef('core.v1.HostAlias')!.fields.get('ip')!.required).toBe(true);
    expect(getDef('core.v1.HostAlias')!.fields.get('hostnames')!.required).toBe(false);
  });

  it('drops fields v1.32 removed and names Go structs', () => {
    expect(getDef('core.v1.PodResourceClaim')!.fields.has('source')).toBe(false);
    expect(goStructName('apps/v1', 'Deployment')).toBe('Deployment');
    expect(getDef('apps.v1.DeploymentSpec')!.goName).toBe('DeploymentSpec');
    expect(goStructName('v1', 'Nope')).toBeUndefined();
  });
});

describe('fillZeroValues', () => {
  it('writes what Go always writes for a Deployment', () => {
    const { obj } = decode(load(seed.WEBAPP_DEPLOYMENT), resourceFor('apps', 'deployments')!, { strict: true });
    const out = fillZeroValues(obj, 'apps/v1', 'Deployment') as any;
    expect(out.metadata.creationTimestamp).toBeNull();
    expect(out.spec.strategy).toEqual({});
    expect(out.spec.template.metadata.creationTimestamp).toBeNull();
    expect(out.spec.template.spec.containers[0].resources).toEqual({});
    expect(out.status).toEqual({});
    expect(out.spec.replicas).toBe(3);
    expect(obj.status).toBeUndefined(); // the input is untouched
  });

  it('writes a Service status and pod condition probe times', () => {
    const svc = fillZeroValues({ apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } }, 'v1', 'Service') as any;
    expect(svc.status).toEqual({ loadBalancer: {} });
    expect(svc.spec.ports[0].targetPort).toBe(0);
    const pod = fillZeroValues({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }, 'v1', 'Pod') as any;
    expect(pod.status.conditions[0].lastProbeTime).toBeNull();
    expect(pod.spec).toEqual({ containers: null });
  });

  it('with goOrder, writes what kubectl 1.32 prints for `create service clusterip s --tcp=80 --dry-run=client -o json`', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: 's' }, name: 's' },
      spec: { ports: [{ name: '80', port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 's' }, type: 'ClusterIP' } };
    // Captured from /usr/lib/google-cloud-sdk/bin/kubectl.1.32 (client-side, typed object, JSON printer).
    const want = '{"kind":"Service","apiVersion":"v1","metadata":{"name":"s","creationTimestamp":null,"labels":{"app":"s"}},'
      + '"spec":{"ports":[{"name":"80","protocol":"TCP","port":80,"targetPort":80}],"selector":{"app":"s"},"type":"ClusterIP"},'
      + '"status":{"loadBalancer":{}}}';
    expect(JSON.stringify(fillZeroValues(svc, 'v1', 'Service', { goOrder: true }))).toBe(want);
  });

  it('with goOrder, keeps keys the schema does not know at the end', () => {
    const out = fillZeroValues({ zzz: 1, spec: {}, kind: 'Pod' }, 'v1', 'Pod', { goOrder: true });
    expect(Object.keys(out)).toEqual(['kind', 'metadata', 'spec', 'status', 'zzz']);
  });

  it('copies unknown kinds as they are', () => {
    expect(fillZeroValues({ a: 1 }, 'v1', 'Nope')).toEqual({ a: 1 });
  });
});
