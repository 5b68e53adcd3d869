import { describe, expect, it } from 'vitest';
import { FitError, NodeToStatus, newDiagnosis } from './fit-error';
import { Code, Status } from './status';

const fit = (n: number, statuses: [string, Status][], o: { pre?: string; post?: string; absent?: Status } = {}) => {
  const d = newDiagnosis();
  for (const [node, s] of statuses) d.nodeToStatus.set(node, s);
  if (o.absent) d.nodeToStatus.setAbsentNodesStatus(o.absent);
  d.preFilterMsg = o.pre ?? '';
  d.postFilterMsg = o.post ?? '';
  return new FitError(n, d).error();
};

describe('FitError.Error (v1.32 types.go)', () => {
  const cases: { name: string; got: string; want: string }[] = [
    {
      name: 'reasons counted per node, "count reason" sorted bytewise, then the preemption message',
      got: fit(3, [
        ['a', Status.unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }')],
        ['b', Status.unschedulable('Insufficient cpu')],
        ['c', Status.unschedulable('Insufficient cpu')],
      ], { post: 'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.' }),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. '
        + 'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    },
    {
      name: 'every reason of a node counts (cpu and memory together)',
      got: fit(2, [['a', Status.unschedulable('Insufficient cpu', 'Insufficient memory')], ['b', Status.unschedulable('Insufficient memory')]]),
      want: '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.',
    },
    {
      name: 'Go sorts strings, so 10 comes before 2',
      got: fit(12, [...Array.from({ length: 10 }, (_, i) => [`n${i}`, Status.unschedulable('Too many pods')] as [string, Status]),
        ['x', Status.unresolvable("node(s) didn't match Pod's node affinity/selector")], ['y', Status.unresolvable("node(s) didn't match Pod's node affinity/selector")]]),
      want: "0/12 nodes are available: 10 Too many pods, 2 node(s) didn't match Pod's node affinity/selector.",
    },
    {
      name: 'a PreFilter rejection is the whole message (no per-node counts)',
      got: fit(3, [], { pre: 'persistentvolumeclaim "data" not found', absent: Status.unresolvable('persistentvolumeclaim "data" not found'),
        post: 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' }),
      want: '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    },
    {
      name: 'absent nodes count with the absent status reasons',
      got: fit(4, [['a', Status.unschedulable('Insufficient cpu')]], { absent: Status.unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]") }),
      want: "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    },
    {
      name: 'no reasons at all',
      got: fit(0, []),
      want: '0/0 nodes are available:',
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.got).toBe(c.want));
});

describe('NodeToStatus', () => {
  it('nodesForStatusCode takes absent nodes when the absent status has the code', () => {
    const m = new NodeToStatus(new Status(Code.Unschedulable, ['x']));
    m.set('b', Status.unresolvable('y'));
    const all = ['a', 'b', 'c'].map((name) => ({ name })) as never[];
    expect(m.nodesForStatusCode(all, Code.Unschedulable).map((n: { name: string }) => n.name)).toEqual(['a', 'c']);
    const d = new NodeToStatus();
    d.set('a', Status.unschedulable('cpu'));
    expect(d.nodesForStatusCode(all, Code.Unschedulable).map((n: { name: string }) => n.name)).toEqual(['a']);
    expect(d.get('zz').code).toBe(Code.UnschedulableAndUnresolvable);
  });
});
