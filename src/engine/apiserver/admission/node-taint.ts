// Models plugin/pkg/admission/nodetaint/admission.go (v1.32, plugin "TaintNodesByCondition").
import type { Node } from '../../api';
import type { AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'TaintNodesByCondition';
/** v1.TaintNodeNotReady. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';

/**
 * Every new Node starts tainted not-ready:NoSchedule, so nothing is scheduled onto it before the node
 * lifecycle controller has seen it Ready (and removed the taint). A taint with the same key and effect
 * already present is kept (Taint.MatchTaint).
 */
export const taintNodesByCondition: AdmissionPlugin = {
  name: NAME,
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== '' || a.info.kind !== 'Node' || !a.object) return;
    const node = a.object as Node;
    const spec = node.spec ?? (node.spec = {});
    const taints = spec.taints ?? [];
    if (taints.some((t) => t.key === TAINT_NODE_NOT_READY && t.effect === 'NoSchedule')) return;
    spec.taints = [...taints, { key: TAINT_NODE_NOT_READY, effect: 'NoSchedule' }];
  },
};
