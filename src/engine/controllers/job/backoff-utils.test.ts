import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api';
import { BackoffStore, getFinishedTime, remainingBackoff } from './backoff-utils';

const T = (s: string) => Date.parse(s);
const finished = (at: string): Pod => ({ status: { containerStatuses: [{ name: 'c', image: '', imageID: '', ready: false, restartCount: 0,
  state: { terminated: { exitCode: 1, finishedAt: at } } }] } } as Pod);

describe('remainingBackoff', () => {
  const cases: { name: string; failures: number; ago: number; want: number }[] = [
    { name: 'no failure', failures: 0, ago: 0, want: 0 },
    { name: 'first failure: 10 s', failures: 1, ago: 3000, want: 7000 },
    { name: 'third failure: 40 s', failures: 3, ago: 15_000, want: 25_000 },
    { name: 'capped at 10 minutes', failures: 12, ago: 0, want: 600_000 },
    { name: 'already waited long enough', failures: 2, ago: 30_000, want: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const now = T('2025-01-15T09:10:00Z');
      expect(remainingBackoff({ key: 'k', failuresAfterLastSuccess: c.failures, lastFailureTime: now - c.ago }, now)).toBe(c.want);
    });
  }
});

describe('BackoffStore.newRecord', () => {
  it('counts failures, and after a success only the failures that came later', () => {
    const s = new BackoffStore();
    const r1 = s.newRecord('k', [], [finished('2025-01-15T09:00:10Z'), finished('2025-01-15T09:00:05Z')]);
    expect(r1).toEqual({ key: 'k', failuresAfterLastSuccess: 2, lastFailureTime: T('2025-01-15T09:00:10Z') });
    s.update(r1);
    const r2 = s.newRecord('k', [finished('2025-01-15T09:00:20Z')], [finished('2025-01-15T09:00:15Z'), finished('2025-01-15T09:00:30Z')]);
    expect(r2).toEqual({ key: 'k', failuresAfterLastSuccess: 1, lastFailureTime: T('2025-01-15T09:00:30Z') });
  });
  it('a pod without finished containers uses its Ready=False time, then deletion, then creation', () => {
    expect(getFinishedTime({ metadata: { creationTimestamp: '2025-01-15T09:00:00Z' },
      status: { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: '2025-01-15T09:00:07Z' }] } } as Pod)).toBe(T('2025-01-15T09:00:07Z'));
    expect(getFinishedTime({ metadata: { creationTimestamp: '2025-01-15T09:00:00Z', deletionTimestamp: '2025-01-15T09:01:00Z',
      deletionGracePeriodSeconds: 30 } } as Pod)).toBe(T('2025-01-15T09:00:30Z'));
    expect(getFinishedTime({ metadata: { creationTimestamp: '2025-01-15T09:00:00Z' } } as Pod)).toBe(T('2025-01-15T09:00:00Z'));
  });
});
