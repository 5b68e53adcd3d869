// Models pkg/registry/core/pod/strategy.go (podStrategy, podStatusStrategy, CheckGracefulDelete,
// PodToSelectableFields) and pkg/apis/core/helper/qos GetPodQOS.
import type { KubeObject, Pod } from '../../api/types';
import { quantityMilli } from '../../api/quantity';
import { makeStrategy, type Strategy } from './strategy';
import { resourceFor } from '../../api/kinds';

type Res = Record<string, string | number> | undefined;

/** GetPodQOS: Guaranteed when every container has equal requests and limits for cpu and memory. */
export function podQOSClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const req: Res = c.resources?.requests as Res;
    const lim: Res = c.resources?.limits as Res;
    for (const r of ['cpu', 'memory']) {
      const rq = req?.[r];
      const lm = lim?.[r];
      if ((rq !== undefined && quantityMilli(rq) !== 0) || (lm !== undefined && quantityMilli(lm) !== 0)) anySet = true;
      if (lm === undefined || (rq !== undefined && quantityMilli(rq) !== quantityMilli(lm))) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * applySchedulingGatedCondition: a pod created with scheduling gates starts with PodScheduled=False,
 * reason SchedulingGated (the scheduler will not look at it until the gates are gone).
 */
function applySchedulingGatedCondition(pod: Pod): void {
  if (!pod.spec?.schedulingGates?.length) return;
  const conds = pod.status!.conditions ?? [];
  if (conds.some((c) => c.type === 'PodScheduled')) return;
  pod.status!.conditions = [...conds, { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated',
    message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null as unknown as string,
    lastTransitionTime: null as unknown as string }];
}

/** The pod strategy. */
export const podStrategy: Strategy = makeStrategy(resourceFor('', 'pods')!, {
  generation: false,
  prepareForCreate(obj: KubeObject) {
    obj.status = { phase: 'Pending', qosClass: podQOSClass(obj as Pod) };
    applySchedulingGatedCondition(obj as Pod);
  },
  prepareForUpdate(obj: KubeObject, old: KubeObject) {
    obj.status = old.status;
  },
  defaultGracePeriod(obj: KubeObject) {
    return (obj as Pod).spec?.terminationGracePeriodSeconds ?? 30;
  },
  adjustGracePeriod(obj: KubeObject, requested: number) {
    const pod = obj as Pod;
    // An unscheduled pod, or one that already finished, has nothing to stop: delete it at once.
    if (!pod.spec?.nodeName) return 0;
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') return 0;
    return requested;
  },
  fieldLabels(obj: KubeObject) {
    const pod = obj as Pod;
    return {
      'spec.nodeName': pod.spec?.nodeName ?? '',
      'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
      'spec.hostNetwork': String(pod.spec?.hostNetwork ?? false),
      'status.phase': pod.status?.phase ?? '',
      'status.podIP': pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '',
      'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
    };
  },
});
