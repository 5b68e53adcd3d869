// Models plugin/pkg/admission/limitranger/admission.go (v1.32): PodMutateLimitFunc fills container
// resources from a LimitRange's defaults; PodValidateLimitFunc and PersistentVolumeClaimValidateLimitFunc
// enforce min, max and maxLimitRequestRatio.
import type { LimitRange } from 'kubernetes-types/core/v1';
import { aggregateMessages, type KubeObject, type Pod } from '../../api';
import { admissionForbidden } from './errors';
import { type Resources, parseList, formatQ, milliOrValue, addInto, maxInto, qString } from './quantities';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'LimitRanger';
/** The annotation recording what the plugin set (limitRangerAnnotation). */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type Item = NonNullable<NonNullable<LimitRange['spec']>['limits']>[number];
type ContainerLike = { name: string; resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> }; restartPolicy?: string };

/**
 * SupportsAttributes: pods and PVCs, no subresources. Pod updates are skipped: containers cannot be
 * added or changed after creation, so there is nothing to default or re-check.
 */
function supports(a: AdmissionAttributes): boolean {
  if (a.subresource || a.info.group !== '') return false;
  if (a.info.kind === 'Pod') return a.operation === 'CREATE';
  return a.info.kind === 'PersistentVolumeClaim' && (a.operation === 'CREATE' || a.operation === 'UPDATE');
}

function limitRanges(a: AdmissionAttributes, ctx: AdmissionContext): LimitRange[] {
  // Objects being deleted are ignored.
  if (a.oldObject?.metadata?.deletionTimestamp) return [];
  return ctx.list('', 'limitranges', a.namespace) as LimitRange[];
}

/** mergeContainerResources: fills missing limits and requests, returning the annotation fragments. */
function mergeContainer(c: ContainerLike, def: { limits: Record<string, string>; requests: Record<string, string> },
  kind: string, notes: string[]): void {
  const resources = c.resources ?? (c.resources = {});
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(def.limits)) if (!(k in limits)) { limits[k] = v; setLimits.push(k); }
  for (const [k, v] of Object.entries(def.requests)) if (!(k in requests)) { requests[k] = v; setRequests.push(k); }
  // Empty maps are omitted on the wire (omitempty), so only non-empty ones are written back.
  if (Object.keys(limits).length) resources.limits = limits;
  if (Object.keys(requests).length) resources.requests = requests;
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${kind} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${kind} ${c.name}`);
}

/** PodMutateLimitFunc: defaultContainerResourceRequirements + mergePodResourceRequirements. */
function mutatePod(lr: LimitRange, pod: Pod): void {
  const def = { limits: {} as Record<string, string>, requests: {} as Record<string, string> };
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(def.requests, item.defaultRequest ?? {});
    Object.assign(def.limits, item.default ?? {});
  }
  const notes: string[] = [];
  for (const c of pod.spec?.containers ?? []) mergeContainer(c, def, 'container', notes);
  for (const c of pod.spec?.initContainers ?? []) mergeContainer(c, def, 'init container', notes);
  if (notes.length) {
    const meta = pod.metadata ?? (pod.metadata = {});
    meta.annotations = { ...meta.annotations, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}

/** minConstraint */
function minConstraint(type: string, name: string, enforced: string, req: Resources, lim: Resources): string | undefined {
  const e = qString(enforced);
  if (!(name in req)) return `minimum ${name} usage per ${type} is ${e}.  No request is specified`;
  const [r, l, en] = milliOrValue(req[name], lim[name], enforced);
  if (r < en) return `minimum ${name} usage per ${type} is ${e}, but request is ${formatQ(req[name])}`;
  if (name in lim && l < en) return `minimum ${name} usage per ${type} is ${e}, but limit is ${formatQ(lim[name])}`;
  return undefined;
}

/** maxConstraint */
function maxConstraint(type: string, name: string, enforced: string, req: Resources, lim: Resources): string | undefined {
  const e = qString(enforced);
  if (!(name in lim)) return `maximum ${name} usage per ${type} is ${e}.  No limit is specified`;
  const [r, l, en] = milliOrValue(req[name], lim[name], enforced);
  if (l > en) return `maximum ${name} usage per ${type} is ${e}, but limit is ${formatQ(lim[name])}`;
  if (name in req && r > en) return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQ(req[name])}`;
  return undefined;
}

/** maxRequestConstraint: for PVCs, where only requests are user input. */
function maxRequestConstraint(type: string, name: string, enforced: string, req: Resources): string | undefined {
  const e = qString(enforced);
  if (!(name in req)) return `maximum ${name} usage per ${type} is ${e}.  No request is specified`;
  const [r, , en] = milliOrValue(req[name], undefined, enforced);
  if (r > en) return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQ(req[name])}`;
  return undefined;
}

/** limitRequestRatioConstraint */
function ratioConstraint(type: string, name: string, enforced: string, req: Resources, lim: Resources): string | undefined {
  const e = qString(enforced);
  const [r, l] = milliOrValue(req[name], lim[name], enforced);
  if (!(name in req) || r === 0n) return `${name} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (!(name in lim) || l === 0n) return `${name} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  const observed = Number(l) / Number(r);
  const [, , enforcedMilli] = milliOrValue(undefined, undefined, enforced);
  if (observed * 1000 > Number(enforcedMilli)) {
    return `${name} max limit to request ratio per ${type} is ${e}, but provided ratio is ${observed.toFixed(6)}`;
  }
  return undefined;
}

function checkItem(item: Item, type: string, req: Resources, lim: Resources, errs: string[]): void {
  const push = (m: string | undefined) => m && errs.push(m);
  for (const [k, v] of Object.entries(item.min ?? {})) push(minConstraint(type, k, String(v), req, lim));
  for (const [k, v] of Object.entries(item.max ?? {})) push(maxConstraint(type, k, String(v), req, lim));
  for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {})) push(ratioConstraint(type, k, String(v), req, lim));
}

/** podRequests / podLimits of the plugin: containers summed, init containers as a floor, sidecars added. */
function podTotals(pod: Pod, which: 'requests' | 'limits'): Resources {
  const total: Resources = {};
  for (const c of pod.spec?.containers ?? []) addInto(total, parseList(c.resources?.[which]));
  const sidecars: Resources = {};
  const initMax: Resources = {};
  for (const c of (pod.spec?.initContainers ?? []) as ContainerLike[]) {
    const own = parseList(c.resources?.[which]);
    if (c.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const tmp: Resources = {};
      addInto(tmp, own);
      addInto(tmp, sidecars);
      maxInto(initMax, tmp);
    }
  }
  maxInto(total, initMax);
  return total;
}

/** PodValidateLimitFunc */
function validatePod(lr: LimitRange, pod: Pod): string[] {
  const errs: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        checkItem(item, 'Container', parseList(c.resources?.requests), parseList(c.resources?.limits), errs);
      }
    }
    // Deviation: InPlacePodVerticalScaling is beta and on in v1.32, but a pod being created has no
    // allocated resources yet, so the spec's values are the whole story.
    if (item.type === 'Pod') checkItem(item, 'Pod', podTotals(pod, 'requests'), podTotals(pod, 'limits'), errs);
  }
  return errs;
}

/** PersistentVolumeClaimValidateLimitFunc: storage requests only; claims are never defaulted. */
function validateClaim(lr: LimitRange, pvc: KubeObject): string[] {
  const errs: string[] = [];
  const requests = parseList((pvc.spec as { resources?: { requests?: Record<string, unknown> } } | undefined)?.resources?.requests);
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [k, v] of Object.entries(item.min ?? {})) { const m = minConstraint(item.type, k, String(v), requests, {}); if (m) errs.push(m); }
    for (const [k, v] of Object.entries(item.max ?? {})) { const m = maxRequestConstraint(item.type, k, String(v), requests); if (m) errs.push(m); }
  }
  return errs;
}

/** Defaults container resources from LimitRange defaults, then enforces every LimitRange in the namespace. */
export const limitRanger: AdmissionPlugin = {
  name: NAME,
  admit(a, ctx) {
    if (!supports(a) || a.info.kind !== 'Pod' || !a.object) return;
    for (const lr of limitRanges(a, ctx)) mutatePod(lr, a.object as Pod);
  },
  validate(a, ctx) {
    if (!supports(a) || !a.object) return;
    // Each LimitRange is checked in turn; the first with violations refuses with all of its messages.
    for (const lr of limitRanges(a, ctx)) {
      const errs = a.info.kind === 'Pod' ? validatePod(lr, a.object as Pod) : validateClaim(lr, a.object);
      if (errs.length) throw admissionForbidden(a, aggregateMessages(errs));
    }
  },
};
