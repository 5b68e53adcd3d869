// Models pkg/apis/core/v1/helper/qos/qos.go GetPodQOS: Guaranteed when every container's requests
// equal its limits for cpu and memory, BestEffort when nothing is set, else Burstable.
import type { Pod } from '../../api/types';
import { quantityMilli } from '../../api/quantity';

/** The pod's QoS class. */
export function getPodQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = (c.resources?.requests ?? {}) as Record<string, string>;
    const lim = (c.resources?.limits ?? {}) as Record<string, string>;
    for (const r of ['cpu', 'memory']) {
      const rq = req[r];
      const lm = lim[r];
      if ((rq !== undefined && quantityMilli(rq) !== 0) || (lm !== undefined && quantityMilli(lm) !== 0)) anySet = true;
      if (lm === undefined || (rq !== undefined && quantityMilli(rq) !== quantityMilli(lm))) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
