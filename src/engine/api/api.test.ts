import { describe, expect, it } from 'vitest';
import { parseSelector, labelSelectorAsSelector, selectorFromSet, formatLabelSelector, EVERYTHING, NOTHING } from './labels';
import { parseFieldSelector, fieldsMatch } from './fields';
import { canonicalQuantity, quantityMilli, quantityValue, parseQuantity } from './quantity';
import { newNotFound, newInvalid, newConflict, OPTIMISTIC_LOCK_ERROR_MSG, newAlreadyExists, newMethodNotSupported } from './errors';
import { required, invalid, notSupported, FieldPath } from './field';
import { resourceFor, resourceForKind, RESOURCES } from './kinds';

describe('label selectors', () => {
  const cases: { name: string; sel: string; labels: Record<string, string>; want: boolean }[] = [
    { name: 'equals', sel: 'app=web', labels: { app: 'web' }, want: true },
    { name: 'double equals', sel: 'app==web', labels: { app: 'db' }, want: false },
    { name: 'not equals matches absent', sel: 'app!=web', labels: {}, want: true },
    { name: 'in', sel: 'tier in (a, b)', labels: { tier: 'b' }, want: true },
    { name: 'notin', sel: 'tier notin (a,b)', labels: { tier: 'b' }, want: false },
    { name: 'exists', sel: 'app', labels: { app: '' }, want: true },
    { name: 'does not exist', sel: '!canary', labels: { canary: 'x' }, want: false },
    { name: 'conjunction', sel: 'app=web,env!=prod', labels: { app: 'web', env: 'dev' }, want: true },
    { name: 'gt', sel: 'n>3', labels: { n: '4' }, want: true },
    { name: 'empty value', sel: 'app=', labels: { app: '' }, want: true },
  ];
  for (const c of cases) it(c.name, () => expect(parseSelector(c.sel).matches(c.labels)).toBe(c.want));

  it('reports upstream parse errors', () => {
    expect(() => parseSelector('app in web')).toThrow("unable to parse requirement: found 'web' expected: '('");
    expect(() => parseSelector('a=b,')).toThrow("found '', expected: identifier after ','");
    expect(() => parseSelector('=x')).toThrow("found '=', expected: !, identifier, or 'end of string'");
  });

  it('LabelSelector: nil matches nothing, {} everything, expressions work', () => {
    expect(labelSelectorAsSelector(undefined)).toBe(NOTHING);
    expect(labelSelectorAsSelector({})).toBe(EVERYTHING);
    const s = labelSelectorAsSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] });
    expect(s.matches({ app: 'web', env: 'dev' })).toBe(true);
    expect(s.matches({ app: 'web', env: 'prod' })).toBe(false);
    expect(s.toString()).toBe('app=web,env notin (prod)');
    expect(formatLabelSelector({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(selectorFromSet({ x: 'y' }).matches({ x: 'y', z: '1' })).toBe(true);
  });
});

describe('field selectors', () => {
  it('parses =, == and != with escapes', () => {
    expect(parseFieldSelector('status.phase=Running,spec.nodeName!=')).toEqual([
      { field: 'status.phase', op: '=', value: 'Running' }, { field: 'spec.nodeName', op: '!=', value: '' }]);
    expect(parseFieldSelector('metadata.name==a\\,b')).toEqual([{ field: 'metadata.name', op: '=', value: 'a,b' }]);
    expect(() => parseFieldSelector('foo')).toThrow("invalid selector: 'foo'; can't understand 'foo'");
    expect(fieldsMatch(parseFieldSelector('a=1,b!=2'), { a: '1', b: '3' })).toBe(true);
  });
});

describe('quantities', () => {
  const canon: [string, string][] = [
    ['0.5', '500m'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['0.5Gi', '512Mi'], ['1000m', '1'], ['2000', '2k'],
    ['100m', '100m'], ['1Gi', '1Gi'], ['1e3', '1e3'], ['512', '512'], ['0.5Ki', '512'], ['1.5', '1500m'], ['0', '0'],
    ['128974848', '128974848'], ['129e6', '129e6'], ['123Mi', '123Mi'], ['1M', '1M'], ['0.1', '100m'],
  ];
  for (const [in_, out] of canon) it(`${in_} → ${out}`, () => expect(canonicalQuantity(in_)).toBe(out));
  it('values', () => {
    expect(quantityMilli('250m')).toBe(250);
    expect(quantityMilli('2')).toBe(2000);
    expect(quantityValue('1Gi')).toBe(1073741824);
    expect(quantityValue('1.5')).toBe(2);
    expect(() => parseQuantity('1Gb')).toThrow(/quantities must match/);
  });
});

describe('status errors', () => {
  it('word NotFound, AlreadyExists, Conflict, MethodNotAllowed as the API server does', () => {
    expect(newNotFound({ group: '', resource: 'pods' }, 'x').message).toBe('pods "x" not found');
    expect(newNotFound({ group: 'apps', resource: 'deployments' }, 'web').message).toBe('deployments.apps "web" not found');
    expect(newAlreadyExists({ group: '', resource: 'pods' }, 'x').status.code).toBe(409);
    expect(newConflict({ group: '', resource: 'pods' }, 'x', OPTIMISTIC_LOCK_ERROR_MSG).message).toBe(
      'Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again');
    expect(newMethodNotSupported({ group: '', resource: 'pods' }, 'deletecollection').status.reason).toBe('MethodNotAllowed');
  });

  it('word Invalid with one and with several causes', () => {
    const p = FieldPath.root('spec').child('containers').index(0);
    expect(newInvalid({ group: '', kind: 'Pod' }, 'x', [required(p.child('image'))]).message)
      .toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
    const e = newInvalid({ group: 'apps', kind: 'Deployment' }, 'd', [
      invalid('spec.replicas', -1, 'must be greater than or equal to 0'),
      notSupported('spec.strategy.type', 'Foo', ['Recreate', 'RollingUpdate'])]);
    expect(e.message).toBe('Deployment.apps "d" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.strategy.type: Unsupported value: "Foo": supported values: "Recreate", "RollingUpdate"]');
    expect(e.status.details?.causes?.[0]).toEqual({ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' });
  });
});

describe('kinds registry', () => {
  it('maps resources and kinds both ways', () => {
    expect(resourceFor('apps', 'deployments')?.shortNames).toEqual(['deploy']);
    expect(resourceForKind('', 'v1', 'Pod')?.resource).toBe('pods');
    const all = RESOURCES.filter((r) => r.categories.includes('all')).map((r) => r.resource).sort();
    expect(all).toEqual(['cronjobs', 'daemonsets', 'deployments', 'horizontalpodautoscalers', 'jobs', 'pods',
      'replicasets', 'replicationcontrollers', 'services', 'statefulsets']);
  });
});
