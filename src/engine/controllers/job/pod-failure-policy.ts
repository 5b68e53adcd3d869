// Which rule of a Job's podFailurePolicy a failed pod matches, and what follows from it.
// Models pkg/controller/job/pod_failure_policy.go (matchPodFailurePolicy, matchOnExitCodes,
// matchOnPodConditions).
import type { ContainerStatus, Job, Pod, PodCondition } from '../../api';

type Policy = NonNullable<NonNullable<Job['spec']>['podFailurePolicy']>;
type ExitCodes = NonNullable<Policy['rules'][number]['onExitCodes']>;
type Patterns = NonNullable<Policy['rules'][number]['onPodConditions']>;

/** What a matched rule means for the pod and the Job. */
export interface PodFailurePolicyMatch {
  /** Set when the Job must fail (FailJob), with the message of its FailureTarget condition. */
  jobFailureMessage?: string;
  /** Whether the failure counts against backoffLimit. */
  countFailed: boolean;
  /** The action of the matched rule, if any. */
  action?: string;
}

function exitCodeMatches(code: number, req: ExitCodes): boolean {
  const has = req.values.includes(code);
  if (req.operator === 'In') return has;
  if (req.operator === 'NotIn') return !has;
  return false;
}

/** getMatchingContainerFromList: a terminated container with a non-zero exit code the requirement matches. */
function matchingContainer(statuses: readonly ContainerStatus[] | undefined, req: ExitCodes): ContainerStatus | undefined {
  for (const s of statuses ?? []) {
    const t = s.state?.terminated;
    if (!t) continue;
    if (req.containerName && req.containerName !== s.name) continue;
    if (t.exitCode !== 0 && exitCodeMatches(t.exitCode, req)) return s;
  }
  return undefined;
}

function matchOnExitCodes(pod: Pod, req: ExitCodes): ContainerStatus | undefined {
  return matchingContainer(pod.status?.containerStatuses, req) ?? matchingContainer(pod.status?.initContainerStatuses, req);
}

function matchOnPodConditions(pod: Pod, patterns: Patterns): PodCondition | undefined {
  for (const c of pod.status?.conditions ?? []) {
    for (const p of patterns) if (p.type === c.type && p.status === c.status) return c;
  }
  return undefined;
}

/**
 * matchPodFailurePolicy: the first rule the failed pod matches decides. Ignore: not counted;
 * Count: counted; FailJob: counted and the Job fails with a message naming the rule.
 * Deviation: FailIndex (backoffLimitPerIndex) is treated as Count; per-index back-off is not modelled.
 */
export function matchPodFailurePolicy(policy: Policy | undefined, pod: Pod): PodFailurePolicyMatch {
  if (!policy) return { countFailed: true };
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  for (let i = 0; i < policy.rules.length; i++) {
    const rule = policy.rules[i];
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes);
      if (!cs) continue;
      switch (rule.action) {
        case 'Ignore': return { countFailed: false, action: 'Ignore' };
        case 'Count': case 'FailIndex': return { countFailed: true, action: rule.action };
        case 'FailJob': return { countFailed: true, action: 'FailJob', jobFailureMessage:
          `Container ${cs.name} for pod ${ns}/${name} failed with exit code ${cs.state!.terminated!.exitCode} matching FailJob rule at index ${i}` };
        default: continue;
      }
    } else if (rule.onPodConditions) {
      const c = matchOnPodConditions(pod, rule.onPodConditions);
      if (!c) continue;
      switch (rule.action) {
        case 'Ignore': return { countFailed: false, action: 'Ignore' };
        case 'Count': case 'FailIndex': return { countFailed: true, action: rule.action };
        case 'FailJob': return { countFailed: true, action: 'FailJob', jobFailureMessage:
          `Pod ${ns}/${name} has condition ${c.type} matching FailJob rule at index ${i}` };
        default: continue;
      }
    }
  }
  return { countFailed: true };
}
