// Pod create, update (only images, activeDeadlineSeconds, tolerations additions, gate removals may
// change) and status update.
// Models pkg/apis/core/validation/validation.go ValidatePodCreate, validatePodMetadataAndSpec,
// ValidatePodUpdate, ValidateContainerUpdates, validateOnlyAddedTolerations, ValidatePodStatusUpdate,
// ValidateContainerStateTransition, ValidatePodBinding, ValidatePodEphemeralContainersUpdate, and
// pkg/registry/core/pod/strategy.go
// (Validate sets ResourceIsPod).
import { FieldError, FieldPath, forbidden, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta';
import type { Container, ContainerStatus, Pod, PodSpec, Toleration } from '../types';
import { isDNS1123Subdomain, isQualifiedName, inclusiveRangeError, nameIsDNSSubdomain } from './names';
import { META, SPEC, STATUS, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validatePodSpec, validatePodSpecificAnnotations } from './pod-spec';
import { validateContainersOnlyForPod } from './containers';
import { validateTolerations } from './scheduling';
import { cmpDiff } from './cmp-diff';
import { isValidIP } from './ip';

const MAX_INT32 = 2147483647;

/** updatablePodSpecFields, as the Forbidden message lists them. */
const UPDATABLE_POD_SPEC_FIELDS = ['`spec.containers[*].image`', '`spec.initContainers[*].image`', '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'];

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, pod.spec, META.child('annotations')));
  errs.push(...validatePodSpec(pod.spec, pod.metadata?.name || undefined, SPEC, { resourceIsPod: true }));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((v, vi) => (v.projected?.sources ?? []).forEach((src, si) => {
      if (src.serviceAccountToken) {
        errs.push(forbidden(SPEC.child('volumes').index(vi).child('projected', 'sources').index(si).child('serviceAccountToken'),
          'must not be specified when serviceAccountName is not set'));
      }
    }));
  }
  errs.push(...validateContainersOnlyForPod(pod.spec?.containers, SPEC.child('containers')));
  errs.push(...validateContainersOnlyForPod(pod.spec?.initContainers, SPEC.child('initContainers')));
  return errs;
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = pod.spec as (PodSpec & { schedulingGates?: unknown[]; ephemeralContainers?: unknown[] }) | undefined;
  if ((spec?.ephemeralContainers ?? []).length) errs.push(forbidden(SPEC.child('ephemeralContainers'), 'cannot be set on create'));
  if (spec?.nodeName && (spec.schedulingGates ?? []).length) {
    errs.push(forbidden(SPEC.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

// ValidatePodSpecificAnnotationUpdates: AppArmor and mirror annotations may not change.
function validatePodAnnotationUpdates(pod: Pod, old: Pod, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const n = pod.metadata?.annotations ?? {};
  const o = old.metadata?.annotations ?? {};
  const guarded = (k: string) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') ? 'AppArmor annotations'
    : k === 'kubernetes.io/config.mirror' ? 'mirror pod annotation' : '';
  for (const k of Object.keys(o)) {
    if (k in n && n[k] === o[k]) continue;
    const what = guarded(k);
    if (what) errs.push(forbidden(path.key(k), `may not remove or update ${what}`));
  }
  for (const k of Object.keys(n)) {
    if (k in o) continue;
    const what = guarded(k);
    if (what) errs.push(forbidden(path.key(k), `may not add ${what}`));
  }
  return errs.concat(validatePodSpecificAnnotations(n, pod.spec, path));
}

function validateContainerUpdates(next: readonly Container[], prev: readonly Container[], path: FieldPath): { errs: FieldError[]; stop: boolean } {
  if (next.length !== prev.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  next.forEach((c, i) => {
    if (!c.image) errs.push(required(path.index(i).child('image'), ''));
    if ((c.image ?? '').trim().length !== (c.image ?? '').length) {
      errs.push(invalid(path.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'));
    }
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(next: readonly Toleration[], prev: readonly Toleration[], path: FieldPath): FieldError[] {
  for (const o of prev) {
    // tolerationSeconds may change; everything else of an existing toleration must stay.
    const found = next.some((n) => deepEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/** ValidatePodUpdate. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  errs.push(...validatePodAnnotationUpdates(pod, old, META.child('annotations')));
  const spec = (pod.spec ?? {}) as PodSpec & { schedulingGates?: { name: string }[] };
  const oldSpec = (old.spec ?? {}) as PodSpec & { schedulingGates?: { name: string }[] };
  for (const [key, next, prev] of [['containers', spec.containers ?? [], oldSpec.containers ?? []],
    ['initContainers', spec.initContainers ?? [], oldSpec.initContainers ?? []]] as const) {
    const r = validateContainerUpdates(next, prev, SPEC.child(key));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > MAX_INT32) return [...errs, invalid(SPEC.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, MAX_INT32))];
    if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds < ads) {
      return [...errs, invalid(SPEC.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value')];
    }
  } else if (oldSpec.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(SPEC.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations ?? [], oldSpec.tolerations ?? [], SPEC.child('tolerations')));
  const oldGates = new Set((oldSpec.schedulingGates ?? []).map((g) => g.name));
  (spec.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g.name)) {
      errs.push(forbidden(SPEC.child('schedulingGates').index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${g.name}'`));
    }
  });
  if (deepEqual(spec, oldSpec)) return errs;
  // Munge the fields that may change back to their old values, then anything left is forbidden.
  const munged: PodSpec & { schedulingGates?: unknown } = structuredClone(spec);
  munged.containers = (munged.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers![i].image }));
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: oldSpec.initContainers![i].image }));
  if (oldSpec.activeDeadlineSeconds !== undefined) munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  else delete munged.activeDeadlineSeconds;
  if (oldSpec.schedulingGates !== undefined) munged.schedulingGates = oldSpec.schedulingGates;
  else delete munged.schedulingGates;
  if (oldSpec.tolerations !== undefined) munged.tolerations = oldSpec.tolerations;
  else delete munged.tolerations;
  const oldTgp = oldSpec.terminationGracePeriodSeconds;
  if (oldTgp !== undefined && oldTgp < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldTgp;
  if (!deepEqual(munged, oldSpec)) {
    errs.push(forbidden(SPEC, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${
      cmpDiff('core.PodSpec', oldSpec, munged, 'core.v1.PodSpec')}`));
  }
  return errs;
}

/**
 * ValidatePodEphemeralContainersUpdate (the pods/ephemeralcontainers subresource): the new pod is valid as a
 * whole, and ephemeral containers are only added — an existing one may be neither removed nor changed
 * (patches may reorder the list, so they are matched by name).
 */
export function validatePodEphemeralContainersUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  errs.push(...validatePodAnnotationUpdates(pod, old, META.child('annotations')));
  if (old.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
    return [forbidden(FieldPath.root(''), 'static pods do not support ephemeral containers')];
  }
  const path = SPEC.child('ephemeralContainers');
  const byName = new Map((pod.spec?.ephemeralContainers ?? []).map((c) => [c.name, c]));
  for (const o of old.spec?.ephemeralContainers ?? []) {
    const n = byName.get(o.name);
    if (!n) errs.push(forbidden(path, `existing ephemeral containers ${JSON.stringify(o.name)} may not be removed\n`));
    else if (!deepEqual(o, n)) {
      errs.push(forbidden(path, `existing ephemeral containers ${JSON.stringify(o.name)} may not be changed\n${
        cmpDiff('core.EphemeralContainer', o, n, 'core.v1.EphemeralContainer')}`));
    }
  }
  return errs;
}

function validateStateTransition(next: readonly ContainerStatus[], prev: readonly ContainerStatus[], path: FieldPath,
  restartPolicy: string, restartable: ReadonlySet<string> = new Set()): FieldError[] {
  if (restartPolicy === 'Always') return [];
  const errs: FieldError[] = [];
  prev.forEach((o, i) => {
    const term = o.state?.terminated;
    if (!term) return;
    if (term.exitCode !== 0 && restartPolicy === 'OnFailure') return;
    if (restartable.has(o.name)) return;
    for (const n of next) {
      if (n.name === o.name && !n.state?.terminated) errs.push(forbidden(path.index(i).child('state'), 'may not be transitioned to non-terminated state'));
    }
  });
  return errs;
}

/** ValidatePodStatusUpdate. */
export function validatePodStatusUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodAnnotationUpdates(pod, old, META.child('annotations')));
  const system = new Set(['PodScheduled', 'Ready', 'Initialized']);
  // Upstream reports condition types under metadata.conditions (sic).
  (pod.status?.conditions ?? []).forEach((c, i) => {
    if (system.has(c.type)) return;
    for (const m of isQualifiedName(c.type)) errs.push(invalid(META.child('conditions').index(i).child('Type'), c.type, m));
  });
  if ((pod.spec?.nodeName ?? '') !== (old.spec?.nodeName ?? '')) errs.push(forbidden(STATUS.child('nodeName'), 'may not be changed directly'));
  const nominated = pod.status?.nominatedNodeName ?? '';
  if (nominated && nominated !== (old.status?.nominatedNodeName ?? '')) {
    for (const m of isDNS1123Subdomain(nominated)) errs.push(invalid(STATUS.child('nominatedNodeName'), nominated, m));
  }
  errs.push(...validateImmutableField(pod.status?.qosClass ?? '', old.status?.qosClass ?? '', STATUS.child('qosClass')));
  const rp = old.spec?.restartPolicy ?? 'Always';
  errs.push(...validateStateTransition(pod.status?.containerStatuses ?? [], old.status?.containerStatuses ?? [], STATUS.child('containerStatuses'), rp));
  const restartable = new Set((old.spec?.initContainers ?? []).filter((c) => (c as { restartPolicy?: string }).restartPolicy === 'Always').map((c) => c.name));
  errs.push(...validateStateTransition(pod.status?.initContainerStatuses ?? [], old.status?.initContainerStatuses ?? [],
    STATUS.child('initContainerStatuses'), rp, restartable));
  // validatePodIPs: paths are status.podIPs[i] (the index, not .ip).
  (pod.status?.podIPs ?? []).forEach((ip, i) => errs.push(...isValidIP(STATUS.child('podIPs').index(i), ip.ip ?? '')));
  return errs;
}

/** ValidatePodBinding (the binding subresource). */
export function validatePodBinding(binding: { target?: { kind?: string; name?: string } }): FieldError[] {
  const errs: FieldError[] = [];
  const t = binding.target ?? {};
  if (t.kind && t.kind !== 'Node') errs.push(notSupported(FieldPath.root('target').child('kind'), t.kind, ['Node', '<empty>']));
  if (!t.name) errs.push(required(FieldPath.root('target').child('name'), ''));
  return errs;
}
