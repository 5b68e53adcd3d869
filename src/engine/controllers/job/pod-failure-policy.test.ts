import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../api';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { pastBackoffLimitOnFailure } from './job-controller';

type Policy = NonNullable<NonNullable<Job['spec']>['podFailurePolicy']>;
const failed = (exitCode: number, conditions: { type: string; status: string }[] = []): Pod => ({
  metadata: { name: 'p', namespace: 'ns' },
  status: { phase: 'Failed', conditions, containerStatuses: [{ name: 'main', image: '', imageID: '', ready: false, restartCount: 0,
    state: { terminated: { exitCode } } }] },
} as Pod);

describe('matchPodFailurePolicy', () => {
  const policy: Policy = { rules: [
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
    { action: 'Count', onExitCodes: { operator: 'NotIn', values: [1, 2] } },
  ] } as Policy;
  const cases: { name: string; pod: Pod; want: object }[] = [
    { name: 'a disrupted pod is ignored', pod: failed(137, [{ type: 'DisruptionTarget', status: 'True' }]), want: { countFailed: false, action: 'Ignore' } },
    { name: 'FailJob names container, pod, code and rule', pod: failed(42), want: { countFailed: true, action: 'FailJob',
      jobFailureMessage: 'Container main for pod ns/p failed with exit code 42 matching FailJob rule at index 1' } },
    { name: 'Count', pod: failed(3), want: { countFailed: true, action: 'Count' } },
    { name: 'no rule matches: counted', pod: failed(1), want: { countFailed: true } },
  ];
  for (const c of cases) it(c.name, () => expect(matchPodFailurePolicy(policy, c.pod)).toEqual(c.want));
  it('without a policy every failure counts', () => expect(matchPodFailurePolicy(undefined, failed(1))).toEqual({ countFailed: true }));
});

describe('pastBackoffLimitOnFailure', () => {
  const job = (limit: number): Job => ({ spec: { backoffLimit: limit, template: { spec: { restartPolicy: 'OnFailure', containers: [] } } } });
  const running = (restarts: number): Pod => ({ status: { phase: 'Running', containerStatuses: [{ name: 'c', image: '', imageID: '', ready: true,
    restartCount: restarts }] } } as Pod);
  const cases: { name: string; limit: number; restarts: number[]; want: boolean }[] = [
    { name: 'below the limit', limit: 6, restarts: [2, 3], want: false },
    { name: 'restarts across pods reach the limit', limit: 6, restarts: [2, 4], want: true },
    { name: 'limit 0: any restart', limit: 0, restarts: [1], want: true },
  ];
  for (const c of cases) it(c.name, () => expect(pastBackoffLimitOnFailure(job(c.limit), c.restarts.map(running))).toBe(c.want));
});
