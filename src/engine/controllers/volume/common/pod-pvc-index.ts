// Models pkg/controller/volume/common/common.go (PodPVCIndex, PodPVCIndexFunc,
// AddPodPVCIndexerIfNotPresent) and the pod helpers the volume controllers share
// (pkg/volume/util IsPodTerminated, pkg/volume/ephemeral VolumeClaimName).
import type { Pod, Volume } from '../../../api';
import type { Informer } from '../../../client';

/** The name of the pod index by "namespace/claim". */
export const POD_PVC_INDEX = 'pod-pvc-index';

/** ephemeral.VolumeClaimName: the claim of a generic ephemeral volume is "<pod>-<volume>". */
export function ephemeralVolumeClaimName(pod: Pod, v: Volume): string {
  return `${pod.metadata?.name}-${v.name}`;
}

/** PodPVCIndexFunc: every claim a pod's volumes reference (persistentVolumeClaim and ephemeral). */
export function podPVCIndexFunc(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    let claim = '';
    if (v.persistentVolumeClaim) claim = v.persistentVolumeClaim.claimName;
    else if (v.ephemeral) claim = ephemeralVolumeClaimName(pod, v);
    if (claim) out.push(`${pod.metadata?.namespace}/${claim}`);
  }
  return out;
}

/** AddPodPVCIndexerIfNotPresent. */
export function addPodPVCIndexer(pods: Informer<Pod>): void {
  pods.addIndexer(POD_PVC_INDEX, podPVCIndexFunc);
}

type Statuses = NonNullable<Pod['status']>['containerStatuses'];

function notRunning(statuses: Statuses): boolean {
  return (statuses ?? []).every((s) => !!s.state?.terminated || !!s.state?.waiting);
}

/** IsPodTerminated (pkg/volume/util): a terminal phase, or deleted with nothing running. */
export function isPodTerminated(pod: Pod): boolean {
  const st = pod.status ?? {};
  return st.phase === 'Failed' || st.phase === 'Succeeded' || (!!pod.metadata?.deletionTimestamp
    && notRunning(st.initContainerStatuses) && notRunning(st.containerStatuses) && notRunning(st.ephemeralContainerStatuses));
}
