// Pod admission on the node. Models pkg/kubelet/lifecycle/predicate.go (generalFilter) with the
// scheduler's AdmissionCheck (noderesources.Fits, nodeaffinity, nodename, nodeports) and the
// NoExecute taint check: a pod that does not fit is rejected with phase Failed, reason
// OutOfcpu / OutOfmemory / OutOfpods / NodeAffinity / … and "Pod was rejected: <message>".
import type { Container, Node, NodeSelectorRequirement, Pod } from '../../api/types';
import { quantityMilli, quantityValue } from '../../api/quantity';
import { isRestartableInitContainer, isStaticPod, isMirrorPod } from '../container';

/** The admission verdict. */
export type AdmitResult = { admit: true } | { admit: false; reason: string; message: string };

/** Requests of a pod: what noderesources.Fits adds up (milli-CPU, bytes). */
export interface PodRequests {
  cpu: number;
  memory: number;
  ephemeralStorage: number;
}

function containerRequests(c: Container): PodRequests {
  const r = (c.resources?.requests ?? {}) as Record<string, string>;
  return { cpu: quantityMilli(r.cpu), memory: quantityValue(r.memory), ephemeralStorage: quantityValue(r['ephemeral-storage']) };
}

const add = (a: PodRequests, b: PodRequests): PodRequests => ({
  cpu: a.cpu + b.cpu, memory: a.memory + b.memory, ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage });
const max = (a: PodRequests, b: PodRequests): PodRequests => ({
  cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory), ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage) });
const ZERO: PodRequests = { cpu: 0, memory: 0, ephemeralStorage: 0 };

/** resourcehelper.PodRequests: containers plus sidecars, or the largest init step if larger, plus overhead. */
export function podRequests(pod: Pod): PodRequests {
  let sum = ZERO;
  for (const c of pod.spec?.containers ?? []) sum = add(sum, containerRequests(c));
  let sidecars = ZERO;
  let initMax = ZERO;
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c);
    if (isRestartableInitContainer(c)) {
      sidecars = add(sidecars, r);
      initMax = max(initMax, sidecars);
    } else {
      initMax = max(initMax, add(r, sidecars));
    }
  }
  let total = max(add(sum, sidecars), initMax);
  const oh = (pod.spec?.overhead ?? {}) as Record<string, string>;
  total = add(total, { cpu: quantityMilli(oh.cpu), memory: quantityValue(oh.memory), ephemeralStorage: quantityValue(oh['ephemeral-storage']) });
  return total;
}

function matchRequirement(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const vals = req.values ?? [];
  switch (req.operator) {
    case 'In': return value !== undefined && vals.includes(value);
    case 'NotIn': return value === undefined || !vals.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': return value !== undefined && /^-?\d+$/.test(value) && Number(value) > Number(vals[0]);
    case 'Lt': return value !== undefined && /^-?\d+$/.test(value) && Number(value) < Number(vals[0]);
  }
  return false;
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector and the required node affinity terms. */
export function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => {
    const exprs = t.matchExpressions ?? [];
    const fields = t.matchFields ?? [];
    if (!exprs.length && !fields.length) return false;
    return exprs.every((e) => matchRequirement(e, labels[e.key]))
      && fields.every((f) => matchRequirement(f, f.key === 'metadata.name' ? node.metadata?.name : undefined));
  });
}

function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
  }
  return out;
}

function insufficient(name: string, requested: number, used: number, capacity: number): AdmitResult {
  return { admit: false, reason: `OutOf${name}`,
    message: `Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${capacity}` };
}

function predicate(name: string, desc: string): AdmitResult {
  return { admit: false, reason: name, message: `Predicate ${name} failed: ${desc}` };
}

/** canAdmitPod: checks a new pod against the node and the pods already admitted (active ones). */
export function admitPod(pod: Pod, node: Node, admitted: readonly Pod[]): AdmitResult {
  if (isStaticPod(pod) || isMirrorPod(pod)) return { admit: true };
  const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
  const allowedPods = quantityValue(alloc.pods ?? '110');
  if (admitted.length + 1 > allowedPods) return insufficient('pods', 1, admitted.length, allowedPods);
  const req = podRequests(pod);
  let used = ZERO;
  for (const p of admitted) used = add(used, podRequests(p));
  const cap = { cpu: quantityMilli(alloc.cpu ?? '0'), memory: quantityValue(alloc.memory ?? '0'),
    ephemeralStorage: quantityValue(alloc['ephemeral-storage'] ?? '0') };
  if (req.cpu > 0 && req.cpu > cap.cpu - used.cpu) return insufficient('cpu', req.cpu, used.cpu, cap.cpu);
  if (req.memory > 0 && req.memory > cap.memory - used.memory) return insufficient('memory', req.memory, used.memory, cap.memory);
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > cap.ephemeralStorage - used.ephemeralStorage) {
    return insufficient('ephemeral-storage', req.ephemeralStorage, used.ephemeralStorage, cap.ephemeralStorage);
  }
  if (!matchesNodeAffinity(pod, node)) return predicate('NodeAffinity', "node(s) didn't match Pod's node affinity/selector");
  if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata?.name) {
    return predicate('NodeName', "node(s) didn't match the requested node name");
  }
  const taken = new Set(admitted.flatMap(hostPorts));
  if (hostPorts(pod).some((p) => taken.has(p))) return predicate('NodePorts', "node(s) didn't have free ports for the requested pod ports");
  for (const t of node.spec?.taints ?? []) {
    if (t.effect !== 'NoExecute') continue;
    const tolerated = (pod.spec?.tolerations ?? []).some((tol) => (tol.effect === undefined || tol.effect === '' || tol.effect === t.effect)
      && (tol.operator === 'Exists' ? (!tol.key || tol.key === t.key) : tol.key === t.key && (tol.value ?? '') === (t.value ?? '')));
    if (!tolerated) return predicate('TaintToleration', `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`);
  }
  return { admit: true };
}
