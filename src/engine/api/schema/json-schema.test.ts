import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from './json-schema';
import { explainField } from './explain';

type Json = Record<string, any>;

describe('jsonSchemaFor', () => {
  const s = jsonSchemaFor('v1', 'Pod') as Json;

  it('describes the kind with its definitions', () => {
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(s.description).toMatch(/^Pod is a collection of containers/);
    expect(s.properties.apiVersion.enum).toEqual(['v1']);
    expect(s.properties.kind.enum).toEqual(['Pod']);
    expect(s.required).toEqual(['apiVersion', 'kind']);
    expect(s.properties.spec.allOf).toEqual([{ $ref: '#/definitions/core.v1.PodSpec' }]);
    expect(s.properties.spec.description).toMatch(/^Specification of the desired behavior of the pod/);
    expect(s.additionalProperties).toBe(false);
  });

  it('carries descriptions, required fields, enums and integer formats', () => {
    const container = s.definitions['core.v1.Container'];
    expect(container.required).toEqual(['name']);
    expect(container.additionalProperties).toBe(false);
    expect(container.properties.image.description).toMatch(/^Container image name/);
    expect(container.properties.imagePullPolicy.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(container.properties.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    expect(s.definitions['core.v1.ContainerPort'].properties.containerPort).toMatchObject({ type: 'integer', format: 'int32' });
    expect(s.definitions['core.v1.PodSpec'].properties.terminationGracePeriodSeconds).toMatchObject({ type: 'integer', format: 'int64' });
    expect(s.definitions['core.v1.PodSpec'].properties.restartPolicy.enum).toEqual(['Always', 'Never', 'OnFailure']);
  });

  it('accepts numbers or strings for quantities and int-or-strings, and has the v1.32 fields', () => {
    const limits = s.definitions['core.v1.ResourceRequirements'].properties.limits;
    expect(limits.additionalProperties.oneOf).toEqual([{ type: 'string' }, { type: 'number' }]);
    expect(s.definitions['core.v1.HTTPGetAction'].properties.port.anyOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
    expect(s.definitions['core.v1.PodSpec'].properties.resources).toBeDefined();
    expect(s.definitions['core.v1.PodResourceClaim'].properties.source).toBeUndefined();
    expect(s.definitions['core.v1.PodResourceClaim'].properties.resourceClaimName).toBeDefined();
  });

  it('is undefined for a kind the schema does not know, and cached per kind', () => {
    expect(jsonSchemaFor('v1', 'Nope')).toBeUndefined();
    expect(jsonSchemaFor('v1', 'Pod')).toBe(s);
    expect((jsonSchemaFor('apps/v1', 'Deployment') as Json).properties.apiVersion.enum).toEqual(['apps/v1']);
  });
});

describe('explainField', () => {
  it('explains pods.spec.containers as kubectl explain does', () => {
    const r = explainField('v1', 'Pod', ['spec', 'containers'])!;
    expect(r).toMatchObject({ group: '', kind: 'Pod', version: 'v1', field: { name: 'containers', typeName: '[]Container' } });
    // The field's description, then its type's.
    expect(r.descriptions).toHaveLength(2);
    expect(r.descriptions[0]).toMatch(/^List of containers belonging to the pod/);
    expect(r.descriptions[1]).toBe('A single application container that you want to run within a pod.');
    const names = r.fields.map((f) => f.name);
    expect(names).toEqual([...names].sort());
    expect(r.fields.find((f) => f.name === 'name')).toMatchObject({ typeName: 'string', required: true });
    expect(r.fields.find((f) => f.name === 'ports')).toMatchObject({ typeName: '[]ContainerPort', required: false });
    expect(r.fields.find((f) => f.name === 'resources')).toMatchObject({ typeName: 'ResourceRequirements' });
    expect(r.fields.find((f) => f.name === 'imagePullPolicy')!.enumValues).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(r.fields.find((f) => f.name === 'resizePolicy')).toBeDefined();
  });

  it.each([
    { name: 'the kind itself', av: 'apps/v1', kind: 'Deployment', path: [], field: undefined, group: 'apps' },
    { name: 'a map of quantities', av: 'v1', kind: 'Pod', path: ['spec', 'containers', 'resources', 'limits'],
      field: { name: 'limits', typeName: 'map[string]Quantity' }, group: '' },
    { name: 'an int-or-string', av: 'v1', kind: 'Service', path: ['spec', 'ports', 'targetPort'],
      field: { name: 'targetPort', typeName: 'IntOrString' }, group: '' },
    { name: 'a time', av: 'v1', kind: 'Pod', path: ['metadata', 'creationTimestamp'],
      field: { name: 'creationTimestamp', typeName: 'string' }, group: '' },
    { name: 'an integer', av: 'apps/v1', kind: 'Deployment', path: ['spec', 'replicas'],
      field: { name: 'replicas', typeName: 'integer' }, group: 'apps' },
  ])('explains $name', ({ av, kind, path, field, group }) => {
    const r = explainField(av, kind, path)!;
    expect(r.group).toBe(group);
    expect(r.field).toEqual(field);
    expect(r.descriptions.length).toBeGreaterThan(0);
  });

  it('gives the type description of special scalars after the field description', () => {
    const r = explainField('v1', 'Pod', ['metadata', 'creationTimestamp'])!;
    expect(r.descriptions[1]).toMatch(/^Time is a wrapper around time.Time/);
    expect(r.fields).toEqual([]);
  });

  it('is undefined for a missing field or kind', () => {
    expect(explainField('v1', 'Pod', ['spec', 'containerz'])).toBeUndefined();
    expect(explainField('v1', 'Pod', ['metadata', 'name', 'x'])).toBeUndefined();
    expect(explainField('v1', 'Nope', [])).toBeUndefined();
  });
});
