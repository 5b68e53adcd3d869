// Field sets and path elements: the fieldsV1 encoding, set algebra and path printing.
import { describe, expect, it } from 'vitest';
import { FieldSet } from './fieldset';
import { comparePE, fieldPE, keyPE, pathString, valuePE } from './path-element';

const f = fieldPE;

describe('path elements', () => {
  it('spell keys with sorted fields and Go-escaped JSON', () => {
    expect(keyPE([['protocol', 'TCP'], ['containerPort', 80]])).toBe('k:{"containerPort":80,"protocol":"TCP"}');
    expect(valuePE('a<b')).toBe('v:"a\\u003cb"');
  });

  it('order fields before keys before values, keys by value (80 < 443 numerically)', () => {
    const pes = [valuePE('x'), keyPE([['port', 443]]), f('b'), keyPE([['port', 80]]), f('a'), 'i:2', 'i:10'];
    expect(pes.sort(comparePE)).toEqual(['f:a', 'f:b', 'k:{"port":80}', 'k:{"port":443}', 'v:"x"', 'i:2', 'i:10']);
  });

  it('print paths as structured-merge-diff does', () => {
    expect(pathString([f('spec'), f('template'), f('spec'), f('containers'), keyPE([['name', 'nginx']]), f('image')]))
      .toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(pathString([f('spec'), f('ports'), keyPE([['port', 80], ['protocol', 'TCP']])])).toBe('.spec.ports[port=80,protocol="TCP"]');
    expect(pathString([f('metadata'), f('finalizers'), valuePE('a')])).toBe('.metadata.finalizers[="a"]');
  });
});

describe('FieldSet', () => {
  const labels = [f('metadata'), f('labels')];
  const app = [...labels, f('app')];
  const replicas = [f('spec'), f('replicas')];

  it('round-trips fieldsV1, with "." where a member has children', () => {
    const s = FieldSet.of(labels, app, replicas);
    const fields = s.toFieldsV1();
    expect(fields).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } });
    expect(Object.keys((fields['f:metadata'] as Record<string, Record<string, unknown>>)['f:labels'])).toEqual(['.', 'f:app']);
    const back = FieldSet.fromFieldsV1(JSON.parse(JSON.stringify(fields)));
    expect(back.paths()).toEqual(s.paths());
  });

  it('writes children in element order, not insertion order', () => {
    const s = FieldSet.of([f('spec'), f('ports'), keyPE([['port', 8080]])], [f('spec'), f('ports'), keyPE([['port', 443]])], [f('spec'), f('clusterIP')]);
    expect(JSON.stringify(s.toFieldsV1())).toBe('{"f:spec":{"f:clusterIP":{},"f:ports":{"k:{\\"port\\":443}":{},"k:{\\"port\\":8080}":{}}}}');
  });

  it('serializes to the JSON text of its fieldsV1 directly', () => {
    const s = FieldSet.of(labels, app, replicas, [f('spec'), f('ports'), keyPE([['port', 8080]])], [f('spec'), f('ports'), keyPE([['port', 443]])]);
    expect(s.toFieldsV1Json()).toBe(JSON.stringify(s.toFieldsV1()));
    expect(FieldSet.EMPTY.toFieldsV1Json()).toBe('{}');
  });

  it('encodes to shared frozen fieldsV1 equal to toFieldsV1, reusing the nodes a union keeps', () => {
    const before = FieldSet.of(labels, app, replicas, [f('spec'), f('ports'), keyPE([['port', 8080]])]);
    const shared = before.toFieldsV1Shared();
    expect(shared).toEqual(before.toFieldsV1());
    expect(JSON.stringify(shared)).toBe(before.toFieldsV1Json());
    expect(Object.isFrozen(shared) && Object.isFrozen(shared['f:spec'])).toBe(true);
    const after = before.union(FieldSet.of([f('status'), f('phase')]));
    const next = after.toFieldsV1Shared();
    expect(next).toEqual(after.toFieldsV1());
    expect(next['f:spec']).toBe(shared['f:spec']);
    expect(next).not.toBe(shared);
  });

  it('equals compares membership, whatever nodes are shared', () => {
    const a = FieldSet.of(labels, app, replicas);
    expect(a.equals(FieldSet.of(replicas, app, labels))).toBe(true);
    expect(a.equals(a.difference(FieldSet.of(app)).union(FieldSet.of(app)))).toBe(true);
    expect(a.equals(FieldSet.of(app, replicas))).toBe(false);
    expect(a.equals(FieldSet.of(labels, app))).toBe(false);
    expect(FieldSet.EMPTY.equals(FieldSet.of())).toBe(true);
  });

  it('iterates members before children at each level', () => {
    const s = FieldSet.of(app, replicas, [f('spec'), f('template'), f('spec')], [f('kind')]);
    expect(s.paths().map(pathString)).toEqual(['.kind', '.metadata.labels.app', '.spec.replicas', '.spec.template.spec']);
  });

  it('difference removes exact paths; recursiveDifference removes what lies below too', () => {
    const s = FieldSet.of(labels, app, replicas);
    expect(s.difference(FieldSet.of(labels)).paths().map(pathString)).toEqual(['.metadata.labels.app', '.spec.replicas']);
    expect(s.recursiveDifference(FieldSet.of(labels)).paths().map(pathString)).toEqual(['.spec.replicas']);
    expect(s.recursiveDifference(FieldSet.of([f('spec')])).paths().map(pathString)).toEqual(['.metadata.labels', '.metadata.labels.app']);
  });

  it('union and intersection', () => {
    const a = FieldSet.of(app, replicas);
    const b = FieldSet.of(replicas, labels);
    expect(a.union(b).paths().map(pathString)).toEqual(['.metadata.labels', '.metadata.labels.app', '.spec.replicas']);
    expect(a.intersection(b).paths().map(pathString)).toEqual(['.spec.replicas']);
    expect(a.intersection(FieldSet.of(labels)).empty).toBe(true);
  });

  it('returns an input unchanged when an operation changes nothing', () => {
    const a = FieldSet.of(app, replicas);
    expect(a.difference(FieldSet.of([f('status')]))).toBe(a);
    expect(a.union(FieldSet.EMPTY)).toBe(a);
    expect(a.union(FieldSet.of(app))).toBe(a);
    expect(a.recursiveDifference(FieldSet.of([f('status')]))).toBe(a);
  });

  it('has() answers membership, not prefixes', () => {
    const s = FieldSet.of(app);
    expect(s.has(app)).toBe(true);
    expect(s.has(labels)).toBe(false);
    expect(s.has([])).toBe(false);
  });

  it('decodes the same fieldsV1 object once (cached by identity)', () => {
    const fields = { 'f:spec': { 'f:replicas': {} } };
    expect(FieldSet.fromFieldsV1(fields)).toBe(FieldSet.fromFieldsV1(fields));
  });
});
