import { describe, expect, it } from 'vitest';
import { makePod } from '../../framework';
import { SchedulingGates } from './scheduling-gates';

describe('SchedulingGates PreEnqueue', () => {
  const pl = new SchedulingGates();
  const cases: { name: string; gates: string[]; want?: string }[] = [
    { name: 'no gates', gates: [] },
    { name: 'one gate', gates: ['example.com/foo'], want: 'waiting for scheduling gates: [example.com/foo]' },
    { name: 'two gates, as Go prints a slice', gates: ['a', 'b'], want: 'waiting for scheduling gates: [a b]' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = pl.preEnqueue(makePod('p', { spec: { schedulingGates: c.gates.map((name) => ({ name })) } }));
      expect(s?.message()).toBe(c.want);
    });
  }
});
