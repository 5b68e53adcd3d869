// Models plugin/pkg/admission/defaulttolerationseconds/admission.go.
import type { Pod, Toleration } from '../../api';
import type { AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'DefaultTolerationSeconds';
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds (both 300). */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** Does the pod already tolerate key:NoExecute (an empty key or effect matches all)? */
const tolerates = (ts: readonly Toleration[], key: string) =>
  ts.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));

/**
 * Every pod tolerates not-ready and unreachable NoExecute taints for 300s unless it says otherwise,
 * which is why pods leave a dead node five minutes after it stops reporting.
 */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: NAME,
  admit(a, ctx) {
    if ((a.operation !== 'CREATE' && a.operation !== 'UPDATE') || a.subresource) return;
    if (a.info.group !== '' || a.info.kind !== 'Pod' || !a.object) return;
    const pod = a.object as Pod;
    const spec = pod.spec ?? (pod.spec = { containers: [] });
    const ts = spec.tolerations ?? [];
    const add: Toleration[] = [];
    // The API server flags (a class demo may shorten them through the cluster's timings).
    const seconds = ctx?.defaultTolerationSeconds ?? DEFAULT_TOLERATION_SECONDS;
    if (!tolerates(ts, NOT_READY)) add.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
    if (!tolerates(ts, UNREACHABLE)) add.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
    if (add.length) spec.tolerations = [...ts, ...add];
  },
};
