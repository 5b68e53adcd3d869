import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../api';
import { priority } from './priority';
import { attrs, fakeContext } from './testing';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, preemptionPolicy: 'PreemptLowerPriority', ...extra }) as KubeObject;
const pod = (spec: Record<string, unknown> = {}): Pod =>
  ({ metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } }) as Pod;

function admit(p: Pod, classes: KubeObject[] = []): Pod {
  priority.admit!(attrs('', 'pods', { object: p }), fakeContext(classes));
  return p;
}

describe('Priority', () => {
  const cases: { name: string; spec: Record<string, unknown>; classes: KubeObject[]; want: Record<string, unknown> }[] = [
    { name: 'no class, no default: 0 and PreemptLowerPriority', spec: {}, classes: [],
      want: { priority: 0, preemptionPolicy: 'PreemptLowerPriority' } },
    { name: 'a named class', spec: { priorityClassName: 'high' }, classes: [pc('high', 1000000, { preemptionPolicy: 'Never' })],
      want: { priorityClassName: 'high', priority: 1000000, preemptionPolicy: 'Never' } },
    { name: 'the global default (lowest value wins)', spec: {},
      classes: [pc('a', 100, { globalDefault: true }), pc('b', 50, { globalDefault: true }), pc('c', 10)],
      want: { priorityClassName: 'b', priority: 50, preemptionPolicy: 'PreemptLowerPriority' } },
    { name: 'a system class', spec: { priorityClassName: 'system-node-critical' }, classes: [],
      want: { priority: 2000001000, preemptionPolicy: 'PreemptLowerPriority' } },
    { name: 'a matching explicit priority is accepted', spec: { priorityClassName: 'high', priority: 10 }, classes: [pc('high', 10)],
      want: { priority: 10 } },
  ];
  for (const c of cases) it(c.name, () => expect(admit(pod(c.spec), c.classes).spec).toMatchObject(c.want));

  const refusals: { name: string; spec: Record<string, unknown>; classes: KubeObject[]; message: string }[] = [
    { name: 'an unknown class', spec: { priorityClassName: 'urgent' }, classes: [],
      message: 'pods "web" is forbidden: no PriorityClass with name urgent was found' },
    { name: 'a priority that differs from the class', spec: { priority: 5 }, classes: [],
      message: 'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name' },
    { name: 'a preemption policy that differs from the class', spec: { preemptionPolicy: 'Never' }, classes: [],
      message: 'pods "web" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name' },
  ];
  for (const c of refusals) it(`refuses ${c.name}`, () => expect(() => admit(pod(c.spec), c.classes)).toThrow(c.message));

  it('keeps the admitted priority across updates', () => {
    const old = pod({ priority: 7, preemptionPolicy: 'PreemptLowerPriority' });
    const next = pod();
    priority.admit!(attrs('', 'pods', { operation: 'UPDATE', name: 'web', object: next, oldObject: old }), fakeContext());
    expect(next.spec).toMatchObject({ priority: 7, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('allows one global default PriorityClass only', () => {
    const existing = pc('default-pc', 10, { globalDefault: true });
    const second = pc('another', 20, { globalDefault: true });
    expect(() => priority.validate!(attrs('scheduling.k8s.io', 'priorityclasses', { object: second }), fakeContext([existing])))
      .toThrow('priorityclasses.scheduling.k8s.io "another" is forbidden: PriorityClass default-pc is already marked as default. Only one default can exist');
    expect(() => priority.validate!(attrs('scheduling.k8s.io', 'priorityclasses', { operation: 'UPDATE', object: existing, oldObject: existing }),
      fakeContext([existing]))).not.toThrow();
  });
});
