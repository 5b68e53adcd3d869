// autoscaling/v2 defaults. Models pkg/apis/autoscaling/v2/defaults.go as of v1.32 (before the
// HPAConfigurableTolerance and selection-strategy fields of later releases).
import { type Obj, isObj, child, objAt, objects, defaultPtr, canonicalizeQuantityAt } from './util';

/** autoscaling.DefaultCPUUtilization. */
export const DEFAULT_CPU_UTILIZATION = 80;

const scaleUpRules = (): Obj => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
});
// No stabilizationWindowSeconds: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
const scaleDownRules = (): Obj => ({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });

/** copyHPAScalingRules: the user's non-nil fields over the defaults. */
function scalingRules(from: unknown, defaults: Obj): Obj {
  if (!isObj(from)) return defaults;
  for (const k of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) {
    if (from[k] !== undefined && from[k] !== null) defaults[k] = from[k];
  }
  return defaults;
}

/** Canonicalizes the quantities of a metric target (averageValue, value). */
function canonicalizeTarget(target: Obj | undefined): void {
  canonicalizeQuantityAt(target, 'averageValue');
  canonicalizeQuantityAt(target, 'value');
}

/**
 * SetDefaults_HorizontalPodAutoscaler: minReplicas 1; no metrics means CPU at 80% utilization; a
 * behavior block, once given, is filled out completely (SetDefaults_HorizontalPodAutoscalerBehavior).
 */
export function defaultHorizontalPodAutoscaler(hpa: Obj): void {
  const spec = child(hpa, 'spec');
  defaultPtr(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  const behavior = objAt(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = scalingRules(behavior.scaleUp, scaleUpRules());
    behavior.scaleDown = scalingRules(behavior.scaleDown, scaleDownRules());
  }
  for (const m of objects(spec, 'metrics')) {
    for (const source of ['resource', 'containerResource', 'pods', 'object', 'external']) canonicalizeTarget(objAt(objAt(m, source), 'target'));
  }
}
