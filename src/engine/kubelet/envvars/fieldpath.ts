// Downward API values. Models pkg/fieldpath/fieldpath.go (ExtractFieldPathAsString, FormatMap),
// pkg/kubelet/kubelet_pods.go (podFieldSelectorRuntimeValue) and pkg/api/v1/resource/helpers.go
// (ExtractContainerResourceValue) with the node-allocatable default for unset limits.
import type { Container, ObjectFieldSelector, Pod, ResourceFieldSelector } from 'kubernetes-types/core/v1';
import { parseQuantity, quantityMilli } from '../../api/quantity';

/** FormatMap: `key="value"` lines, keys sorted, no trailing newline. */
export function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n');
}

const SUBSCRIPT = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/;

/** ExtractFieldPathAsString for a pod; throws for an unsupported path. */
export function extractFieldPathAsString(pod: Pod, fieldPath: string): string {
  const m = SUBSCRIPT.exec(fieldPath);
  if (m) {
    const map = m[1] === 'metadata.annotations' ? pod.metadata?.annotations : pod.metadata?.labels;
    return map?.[m[2]] ?? '';
  }
  switch (fieldPath) {
    case 'metadata.annotations': return formatMap(pod.metadata?.annotations);
    case 'metadata.labels': return formatMap(pod.metadata?.labels);
    case 'metadata.name': return pod.metadata?.name ?? '';
    case 'metadata.namespace': return pod.metadata?.namespace ?? '';
    case 'metadata.uid': return pod.metadata?.uid ?? '';
  }
  throw new Error(`unsupported fieldPath: ${fieldPath}`);
}

/** podFieldSelectorRuntimeValue: the env-only paths (node, service account, IPs), then the common ones. */
export function podFieldValue(ref: ObjectFieldSelector, pod: Pod, podIPs: readonly string[], hostIPs: readonly string[]): string {
  switch (ref.fieldPath) {
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return hostIPs[0] ?? '';
    case 'status.hostIPs': return hostIPs.join(',');
    case 'status.podIP': return podIPs[0] ?? '';
    case 'status.podIPs': return podIPs.join(',');
  }
  return extractFieldPathAsString(pod, ref.fieldPath);
}

/** Node allocatable, the default of unset limits (defaultPodLimitsForDownwardAPI). */
export interface Allocatable {
  cpu: string;
  memory: string;
  'ephemeral-storage': string;
}

/** ExtractContainerResourceValue: limits/requests of a container divided by the divisor, rounded up. */
export function containerResourceValue(ref: ResourceFieldSelector, c: Container | undefined, alloc: Allocatable): string {
  if (!c) throw new Error(`container ${ref.containerName ?? ''} not found`);
  const [kind, name] = ref.resource.split('.', 2) as ['limits' | 'requests', string];
  const fromSpec = (c.resources?.[kind] as Record<string, string> | undefined)?.[name];
  let value = fromSpec;
  if (value === undefined && kind === 'limits') value = alloc[name as keyof Allocatable];
  if (value === undefined && kind === 'requests') value = '0';
  const divisor = ref.divisor ?? (name === 'cpu' ? '1' : '1');
  if (name === 'cpu') {
    const d = quantityMilli(String(divisor)) || 1000;
    return String(Math.ceil(quantityMilli(value!) / d));
  }
  const num = parseQuantity(value!).nanos;
  const den = parseQuantity(String(divisor)).nanos || 1_000_000_000n;
  const q = num / den + (num % den > 0n ? 1n : 0n);
  return q.toString();
}
