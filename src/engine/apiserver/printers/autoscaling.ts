// The HorizontalPodAutoscaler printer (autoscaling/v2 objects; upstream prints the internal type,
// which has the same shape).
// Models pkg/printers/internalversion/printers.go printHorizontalPodAutoscaler, formatHPAMetrics (v1.32).
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import { age, nameOf, quantityPtr } from './format';
import { AGE, NAME, col, doc } from './handler';
import type { TableHandler } from './handler';

const pct = (n: number | undefined): string | undefined => (n === undefined || n === null ? undefined : `${n}%`);

// One TARGETS entry: "current/target", "(avg)" for average-value external/object targets,
// "<resource>: " in front of resource metrics; "<unknown>" until the status reports the metric.
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External': {
      const t = spec.external?.target;
      if (t?.averageValue !== undefined && t.averageValue !== null) {
        const cur = status?.external?.current?.averageValue;
        return `${cur !== undefined && cur !== null ? quantityPtr(cur) : '<unknown>'}/${quantityPtr(t.averageValue)} (avg)`;
      }
      const cur = status?.external ? quantityPtr(status.external.current?.value) : '<unknown>';
      return `${cur}/${quantityPtr(t?.value)}`;
    }
    case 'Pods': {
      const cur = status?.pods ? quantityPtr(status.pods.current?.averageValue) : '<unknown>';
      return `${cur}/${quantityPtr(spec.pods?.target?.averageValue)}`;
    }
    case 'Object': {
      const t = spec.object?.target;
      if (t?.averageValue !== undefined && t.averageValue !== null) {
        const cur = status?.object?.current?.averageValue;
        return `${cur !== undefined && cur !== null ? quantityPtr(cur) : '<unknown>'}/${quantityPtr(t.averageValue)} (avg)`;
      }
      const cur = status?.object ? quantityPtr(status.object.current?.value) : '<unknown>';
      return `${cur}/${quantityPtr(t?.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const st = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      const t = src?.target;
      if (t?.averageValue !== undefined && t.averageValue !== null) {
        const cur = st ? quantityPtr(st.current?.averageValue) : '<unknown>';
        return `${src?.name ?? ''}: ${cur}/${quantityPtr(t.averageValue)}`;
      }
      const cur = (st && pct(st.current?.averageUtilization)) ?? '<unknown>';
      return `${src?.name ?? ''}: ${cur}/${pct(t?.averageUtilization) ?? '<auto>'}`;
    }
  }
  return '<unknown type>';
}

/** formatHPAMetrics: the first two metrics, then " + N more...". */
export function formatHPAMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const max = 2;
  // Upstream formats every metric, then keeps the first two.
  const list = specs.map((s, i) => formatMetric(s, statuses?.[i]));
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

/** HorizontalPodAutoscaler: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const horizontalPodAutoscalerHandler: TableHandler<HorizontalPodAutoscaler> = {
  columns: [
    NAME,
    col('Reference', 'string', doc('autoscalingv2beta1.HorizontalPodAutoscalerSpec.scaleTargetRef')),
    col('Targets', 'string', doc('autoscalingv2beta1.HorizontalPodAutoscalerSpec.metrics')),
    col('MinPods', 'string', doc('autoscalingv2beta1.HorizontalPodAutoscalerSpec.minReplicas')),
    col('MaxPods', 'string', doc('autoscalingv2beta1.HorizontalPodAutoscalerSpec.maxReplicas')),
    col('Replicas', 'string', doc('autoscalingv2beta1.HorizontalPodAutoscalerStatus.currentReplicas')),
    AGE,
  ],
  cells(hpa, now) {
    const spec = hpa.spec;
    const min = spec?.minReplicas;
    return [nameOf(hpa), `${spec?.scaleTargetRef?.kind ?? ''}/${spec?.scaleTargetRef?.name ?? ''}`,
      formatHPAMetrics(spec?.metrics, hpa.status?.currentMetrics), min === undefined || min === null ? '<unset>' : String(min),
      spec?.maxReplicas ?? 0, hpa.status?.currentReplicas ?? 0, age(hpa, now)];
  },
};
