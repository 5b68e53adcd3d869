// Models plugin/pkg/admission/priority/admission.go (v1.32): resolves a pod's priority and preemption
// policy from its PriorityClass (or the global default), and keeps at most one global default class.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { Pod } from '../../api';
import { admissionForbidden } from './errors';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'Priority';
/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS = 0;

/**
 * scheduling.SystemPriorityClasses, created by the API server at start (pkg/registry/scheduling/rest).
 * Deviation: used as a fallback when the cluster's bootstrap has not stored them.
 */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

function priorityClasses(ctx: AdmissionContext): PriorityClass[] {
  return ctx.list('scheduling.k8s.io', 'priorityclasses') as PriorityClass[];
}

/** getDefaultPriorityClass: with several global defaults (a race), the lowest value wins. */
function defaultPriorityClass(ctx: AdmissionContext): PriorityClass | undefined {
  let best: PriorityClass | undefined;
  for (const pc of priorityClasses(ctx)) if (pc.globalDefault && (!best || best.value > pc.value)) best = pc;
  return best;
}

function getPriorityClass(ctx: AdmissionContext, name: string): PriorityClass | undefined {
  const pc = ctx.get('scheduling.k8s.io', 'priorityclasses', undefined, name) as PriorityClass | undefined;
  if (pc) return pc;
  const value = SYSTEM_PRIORITY_CLASSES[name];
  return value === undefined ? undefined : { metadata: { name }, value, preemptionPolicy: 'PreemptLowerPriority' };
}

function admitPod(a: AdmissionAttributes, ctx: AdmissionContext): void {
  const pod = a.object as Pod;
  const spec = pod.spec ?? (pod.spec = { containers: [] });
  if (a.operation === 'UPDATE') {
    // The plugin set these on create; keep them (validation forbids changing them anyway).
    const old = (a.oldObject as Pod | undefined)?.spec;
    if (spec.priority === undefined && old?.priority !== undefined) spec.priority = old.priority;
    if (spec.preemptionPolicy === undefined && old?.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
    return;
  }
  let priority: number;
  let policy: string | undefined;
  if (!spec.priorityClassName) {
    const def = defaultPriorityClass(ctx);
    priority = def ? def.value : DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS;
    policy = def ? def.preemptionPolicy : 'PreemptLowerPriority';
    if (def?.metadata?.name) spec.priorityClassName = def.metadata.name;
  } else {
    const pc = getPriorityClass(ctx, spec.priorityClassName);
    if (!pc) throw admissionForbidden(a, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    policy = pc.preemptionPolicy;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw admissionForbidden(a, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (policy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
      throw admissionForbidden(a, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = policy;
  }
}

/** validatePriorityClass: a second globalDefault class is refused. */
function validatePriorityClass(a: AdmissionAttributes, ctx: AdmissionContext): void {
  const pc = a.object as PriorityClass;
  if (!pc.globalDefault) return;
  const def = defaultPriorityClass(ctx);
  if (!def) return;
  if (a.operation === 'CREATE' || def.metadata?.name !== pc.metadata?.name) {
    throw admissionForbidden(a, `PriorityClass ${def.metadata?.name} is already marked as default. Only one default can exist`);
  }
}

/** Pods get spec.priority (0 without a class) and preemptionPolicy PreemptLowerPriority. */
export const priority: AdmissionPlugin = {
  name: NAME,
  admit(a, ctx) {
    if (a.subresource || !a.object || (a.operation !== 'CREATE' && a.operation !== 'UPDATE')) return;
    if (a.info.group === '' && a.info.kind === 'Pod') admitPod(a, ctx);
  },
  validate(a, ctx) {
    if (a.subresource || !a.object || (a.operation !== 'CREATE' && a.operation !== 'UPDATE')) return;
    if (a.info.group === 'scheduling.k8s.io' && a.info.kind === 'PriorityClass') validatePriorityClass(a, ctx);
  },
};
