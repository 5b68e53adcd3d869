// The typed walks of structured-merge-diff: ToFieldSet, Compare and Merge, on hand-built PatchMeta.
import { describe, expect, it } from 'vitest';
import { deployment, pod, service } from '../../api/patch/testing/fixtures';
import type { Json } from '../../api/patch';
import { toFieldSet } from './to-field-set';
import { compare } from './compare';
import { mergeValues } from './merge';
import { removeItems, ensureNamedFieldsAreMembers } from './remove';
import { FieldSet } from './fieldset';
import { fieldPE, keyPE, pathString } from './path-element';
import { ValidationError } from './schema';

const paths = (s: FieldSet) => s.paths().map(pathString);

describe('toFieldSet (what an applier owns)', () => {
  it('owns leaves, list items and map entries; struct fields only when null or empty', () => {
    const cfg = { metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: {},
        template: { spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] } } } };
    expect(paths(toFieldSet(cfg, deployment))).toEqual([
      '.metadata.name',
      '.metadata.labels.app',
      '.spec.replicas',
      '.spec.selector', // LabelSelector is atomic: one leaf
      '.spec.strategy', // an empty struct is a member
      '.spec.template.spec.containers[name="nginx"]',
      '.spec.template.spec.containers[name="nginx"].image',
      '.spec.template.spec.containers[name="nginx"].name',
      '.spec.template.spec.containers[name="nginx"].resources',
      '.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"]', // protocol defaults to TCP in the key
      '.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"].containerPort',
    ]);
  });

  it('owns an atomic list whole and a set list by value', () => {
    const s = toFieldSet({ metadata: { finalizers: ['a', 'b'] }, spec: { tolerations: [{ key: 'k' }] } }, pod);
    expect(paths(s)).toEqual(['.metadata.finalizers[="a"]', '.metadata.finalizers[="b"]', '.spec.tolerations']);
  });

  it('rejects duplicated keys in an applied configuration', () => {
    const cfg = { spec: { containers: [{ name: 'a' }, { name: 'a' }] } };
    expect(() => toFieldSet(cfg, pod, true)).toThrow(new ValidationError('.spec.containers', 'duplicate entries for key [name="a"]'));
    expect(paths(toFieldSet(cfg, pod))).toEqual(['.spec.containers[name="a"]']);
  });

  it('rejects an item without its key', () => {
    expect(() => toFieldSet({ spec: { containers: [{ image: 'x' }] } }, pod, true))
      .toThrow('.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)');
  });
});

describe('compare', () => {
  it('a created map or pointer struct is itself added; an existing struct is not', () => {
    const before = { metadata: { creationTimestamp: null }, spec: { containers: null }, status: {} };
    const after = { metadata: { creationTimestamp: null, labels: { app: 'x' } },
      spec: { containers: [{ name: 'c', image: 'i', securityContext: { privileged: true } }] }, status: {} };
    const c = compare(before as Json, after as Json, pod);
    expect(paths(c.added)).toEqual(['.metadata.labels', '.metadata.labels.app', '.spec.containers[name="c"]',
      '.spec.containers[name="c"].image', '.spec.containers[name="c"].name', '.spec.containers[name="c"].securityContext',
      '.spec.containers[name="c"].securityContext.privileged']);
    expect(c.modified.empty && c.removed.empty).toBe(true);
  });

  it('finds modified leaves and removed items', () => {
    const before = { spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 443, protocol: 'TCP' }], selector: { a: '1' } } };
    const after = { spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { a: '2' } } };
    const c = compare(before as Json, after as Json, service);
    expect(paths(c.modified)).toEqual(['.spec.selector', '.spec.ports[port=80,protocol="TCP"].targetPort']);
    expect(paths(c.removed)).toEqual(['.spec.ports[port=443,protocol="TCP"]', '.spec.ports[port=443,protocol="TCP"].port',
      '.spec.ports[port=443,protocol="TCP"].protocol']);
  });

  it('skips shared subtrees (structural sharing) and finds nothing in identical objects', () => {
    const spec = { containers: [{ name: 'c', image: 'i' }] };
    const c = compare({ spec, status: { phase: 'Pending' } }, { spec, status: { phase: 'Running' } }, pod);
    expect(paths(c.modified)).toEqual(['.status.phase']);
    expect(compare({ spec }, { spec: structuredClone(spec) }, pod).modified.empty).toBe(true);
  });
});

describe('merge (apply a configuration onto the live object)', () => {
  it('merges containers by name, keeps live-only items and fields, orders shared items as configured', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'a:1', imagePullPolicy: 'Always' }, { name: 'sidecar', image: 's' },
      { name: 'b', image: 'b:1' }] } };
    const cfg = { spec: { containers: [{ name: 'b', image: 'b:2' }, { name: 'a', image: 'a:2' }, { name: 'c', image: 'c' }] } };
    expect(mergeValues(live as Json, cfg as Json, pod)).toEqual({ spec: { containers: [{ name: 'sidecar', image: 's' }, { name: 'b', image: 'b:2' },
      { name: 'a', image: 'a:2', imagePullPolicy: 'Always' }, { name: 'c', image: 'c' }] } });
  });

  it('replaces atomic values whole and unions sets', () => {
    const live = { metadata: { finalizers: ['a'] }, spec: { tolerations: [{ key: 'x' }], nodeSelector: { a: '1', b: '2' } } };
    const cfg = { metadata: { finalizers: ['b'] }, spec: { tolerations: [{ key: 'y' }], nodeSelector: { c: '3' } } };
    expect(mergeValues(live, cfg, pod)).toEqual({ metadata: { finalizers: ['a', 'b'] }, spec: { tolerations: [{ key: 'y' }], nodeSelector: { c: '3' } } });
  });

  it('rejects a configuration with duplicated keys', () => {
    expect(() => mergeValues({ spec: { containers: [{ name: 'b' }] } }, { spec: { containers: [{ name: 'a' }, { name: 'a' }] } }, pod))
      .toThrow(ValidationError);
  });
});

describe('removeItems', () => {
  it('removes members with what lies below, and drops emptied maps', () => {
    const obj = { metadata: { labels: { a: '1' }, annotations: { x: 'y' } }, spec: { containers: [{ name: 'c', image: 'i', args: ['x'] }] } };
    const set = FieldSet.of([fieldPE('metadata'), fieldPE('labels'), fieldPE('a')],
      [fieldPE('spec'), fieldPE('containers'), keyPE([['name', 'c']]), fieldPE('args')]);
    expect(removeItems(obj, set, pod)).toEqual({ metadata: { annotations: { x: 'y' } }, spec: { containers: [{ name: 'c', image: 'i' }] } });
  });

  it('ensureNamedFieldsAreMembers makes struct fields above owned fields members, not map keys', () => {
    const s = FieldSet.of([fieldPE('metadata'), fieldPE('labels'), fieldPE('a')]);
    expect(paths(ensureNamedFieldsAreMembers(s, pod))).toEqual(['.metadata', '.metadata.labels', '.metadata.labels.a']);
  });
});
