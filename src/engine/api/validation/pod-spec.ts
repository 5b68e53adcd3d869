// A pod spec, wherever it appears (Pod, and the templates of workloads), and pod template specs.
// Models pkg/apis/core/validation/validation.go ValidatePodSpec, validatePodSpecSecurityContext,
// validateSysctls, validatePodDNSConfig, validatePodHostNetworkDeps, ValidatePodSpecificAnnotations,
// ValidatePodTemplateSpec.
// Deviations: Windows-only rules (hostProcess, windowsOptions), the OS-specific field rules and the
// seccomp/AppArmor annotation-vs-field consistency checks are not modelled.
import { FieldError, FieldPath, forbidden, invalid, notSupported, required, duplicate } from '../field';
import type { PodSpec, PodTemplateSpec } from '../types';
import type { PodSecurityContext } from 'kubernetes-types/core/v1';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidGroupID, isValidUserID, inclusiveRangeError,
  nameIsDNSSubdomain } from './names';
import { validateAnnotations, validateLabels } from './objectmeta';
import { isValidIP } from './ip';
import { validateVolumes } from './volumes';
import { validateContainers, validateInitContainers, validateAppArmorProfile, validateSeccompProfile } from './containers';
import { validateEphemeralContainers } from './ephemeral-containers';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling';

const MAX_INT32 = 2147483647;
const SYSCTL_FMT = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
const SYSCTL_RE = new RegExp(SYSCTL_FMT);
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const MIRROR = 'kubernetes.io/config.mirror';

// utilsysctl.GetNamespace: which host namespace a sysctl belongs to.
function sysctlNamespace(name: string): 'net' | 'ipc' | '' {
  const n = name.replace(/\//g, '.');
  if (n.startsWith('net.')) return 'net';
  if (n.startsWith('kernel.shm') || n.startsWith('kernel.msg') || n === 'kernel.sem' || n.startsWith('fs.mqueue.')) return 'ipc';
  return '';
}

function validatePodSecurityContext(spec: PodSpec, path: FieldPath): FieldError[] {
  const sc: PodSecurityContext | undefined = spec.securityContext;
  if (!sc) return [];
  const errs: FieldError[] = [];
  if (sc.fsGroup !== undefined) for (const m of isValidGroupID(sc.fsGroup)) errs.push(invalid(path.child('fsGroup'), sc.fsGroup, m));
  if (sc.runAsUser !== undefined) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(path.child('runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup !== undefined) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(path.child('runAsGroup'), sc.runAsGroup, m));
  (sc.supplementalGroups ?? []).forEach((g, i) => { for (const m of isValidGroupID(g)) errs.push(invalid(path.child('supplementalGroups').index(i), g, m)); });
  if (spec.shareProcessNamespace === true && spec.hostPID) {
    errs.push(invalid(path.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const names = new Set<string>();
  (sc.sysctls ?? []).forEach((s, i) => {
    const p = path.child('sysctls').index(i).child('name');
    if (!s.name) errs.push(required(p, ''));
    else if (s.name.length > 253 || !SYSCTL_RE.test(s.name)) errs.push(invalid(p, s.name, `must have at most 253 characters and match regex ${SYSCTL_FMT}`));
    else if (names.has(s.name)) errs.push(duplicate(p, s.name));
    const ns = sysctlNamespace(s.name);
    if (spec.hostNetwork && ns === 'net') errs.push(invalid(p, s.name, 'may not be specified when \'hostNetwork\' is true'));
    else if (spec.hostIPC && ns === 'ipc') errs.push(invalid(p, s.name, 'may not be specified when \'hostIPC\' is true'));
    names.add(s.name);
  });
  if (sc.fsGroupChangePolicy !== undefined && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(path.child('fsGroupChangePolicy'), sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, path.child('seccompProfile')));
  errs.push(...validateAppArmorProfile((sc as { appArmorProfile?: { type: string } }).appArmorProfile, path.child('appArmorProfile')));
  const sgp = (sc as { supplementalGroupsPolicy?: string }).supplementalGroupsPolicy;
  if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') errs.push(notSupported(path.child('supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']));
  return errs;
}

function validateDNSConfig(spec: PodSpec, path: FieldPath): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!(cfg.nameservers ?? []).length) return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalid(path.child('nameservers'), [...ns], 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...isValidIP(path.child('nameservers').index(i), n)));
  const searches = cfg.searches ?? [];
  if (searches.length > 32) errs.push(invalid(path.child('searches'), [...searches], 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(path.child('searches'), [...searches], 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => {
    const v = s.endsWith('.') ? s.slice(0, -1) : s;
    for (const m of isDNS1123Subdomain(v)) errs.push(invalid(path.child('searches').index(i), v, m));
  });
  (cfg.options ?? []).forEach((o, i) => { if (!o.name) errs.push(required(path.child('options').index(i), 'must not be empty')); });
  return errs;
}

/** Options a caller of validatePodSpec passes (PodValidationOptions, reduced). */
export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): hostPort must equal containerPort under hostNetwork. */
  resourceIsPod?: boolean;
}

/** ValidatePodSpec. `podName` is set for Pods (generic ephemeral volume PVC names depend on it). */
export function validatePodSpec(spec: PodSpec | undefined, podName: string | undefined, path: FieldPath, opts: PodSpecOptions = {}): FieldError[] {
  const s = (spec ?? {}) as PodSpec;
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    errs.push(required(path.child('terminationGracePeriodSeconds'), ''));
  }
  const hostUsers = s.hostUsers !== false;
  const { vols, errs: volErrs } = validateVolumes(s.volumes, podName, path.child('volumes'));
  errs.push(...volErrs);
  const podClaimNames = new Set((s.resourceClaims ?? []).map((c) => c.name));
  const ctx = { vols, podClaimNames, gracePeriod: s.terminationGracePeriodSeconds ?? undefined, hostUsers };
  errs.push(...validateContainers(s.containers, ctx, path.child('containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, ctx, path.child('initContainers')));
  errs.push(...validateEphemeralContainers(s.ephemeralContainers, s.containers, s.initContainers, ctx, path.child('ephemeralContainers')));
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, i) => (c.ports ?? []).forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      if ((opts.resourceIsPod || hp !== 0) && hp !== port.containerPort) {
        errs.push(invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    }));
  }
  const rp = s.restartPolicy ?? '';
  if (rp === '') errs.push(required(path.child('restartPolicy'), ''));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(path.child('restartPolicy'), rp, ['Always', 'OnFailure', 'Never']));
  const dp = s.dnsPolicy ?? '';
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (dp === '') errs.push(required(path.child('dnsPolicy'), ''));
  else if (!dnsPolicies.includes(dp)) errs.push(notSupported(path.child('dnsPolicy'), dp, dnsPolicies));
  errs.push(...validateLabels(s.nodeSelector, path.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(s, path.child('securityContext')));
  (s.imagePullSecrets ?? []).forEach((r, i) => {
    if (Object.keys(r).some((k) => k !== 'name')) errs.push(invalid(path.child('imagePullSecrets').index(i), r.name ?? '', 'only name may be set'));
  });
  errs.push(...validateAffinity(s.affinity, path.child('affinity')));
  errs.push(...validateDNSConfig(s, path.child('dnsConfig')));
  (s.readinessGates ?? []).forEach((g, i) => errs.push(...isQualifiedName(g.conditionType).map((m) =>
    invalid(path.child('readinessGates').index(i).child('conditionType'), g.conditionType, m))));
  const gates = new Set<string>();
  ((s as { schedulingGates?: { name: string }[] }).schedulingGates ?? []).forEach((g, i) => {
    const p = path.child('schedulingGates').index(i);
    errs.push(...isQualifiedName(g.name).map((m) => invalid(p, g.name, m)));
    if (gates.has(g.name)) errs.push(duplicate(p, g.name));
    gates.add(g.name);
  });
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, path.child('topologySpreadConstraints')));
  if (!hostUsers) {
    const msg = 'when `pod.Spec.HostUsers` is false';
    if (s.hostNetwork) errs.push(forbidden(path.child('hostNetwork'), msg));
    if (s.hostPID) errs.push(forbidden(path.child('HostPID'), msg));
    if (s.hostIPC) errs.push(forbidden(path.child('HostIPC'), msg));
  }
  if (s.serviceAccountName) for (const m of nameIsDNSSubdomain(s.serviceAccountName, false)) errs.push(invalid(path.child('serviceAccountName'), s.serviceAccountName, m));
  if (s.nodeName) for (const m of nameIsDNSSubdomain(s.nodeName, false)) errs.push(invalid(path.child('nodeName'), s.nodeName, m));
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(path.child('activeDeadlineSeconds'), s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) for (const m of isDNS1123Label(s.hostname)) errs.push(invalid(path.child('hostname'), s.hostname, m));
  if (s.subdomain) for (const m of isDNS1123Label(s.subdomain)) errs.push(invalid(path.child('subdomain'), s.subdomain, m));
  errs.push(...validateTolerations(s.tolerations, path.child('tolerations')));
  (s.hostAliases ?? []).forEach((h, i) => {
    const p = path.child('hostAliases').index(i);
    errs.push(...isValidIP(p.child('ip'), h.ip ?? ''));
    (h.hostnames ?? []).forEach((hn, j) => errs.push(...isDNS1123Subdomain(hn).map((m) => invalid(p.child('hostnames').index(j), hn, m))));
  });
  if (s.priorityClassName) for (const m of nameIsDNSSubdomain(s.priorityClassName, false)) errs.push(invalid(path.child('priorityClassName'), s.priorityClassName, m));
  if (s.runtimeClassName !== undefined) for (const m of nameIsDNSSubdomain(s.runtimeClassName, false)) errs.push(invalid(path.child('runtimeClassName'), s.runtimeClassName, m));
  if (s.preemptionPolicy !== undefined) {
    if (s.preemptionPolicy === '') errs.push(required(path.child('preemptionPolicy'), ''));
    else if (!['PreemptLowerPriority', 'Never'].includes(s.preemptionPolicy)) {
      errs.push(notSupported(path.child('preemptionPolicy'), s.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
    }
  }
  if (s.os) {
    if (!s.os.name) errs.push(required(path.child('os', 'name'), 'cannot be empty'));
    else if (s.os.name !== 'linux' && s.os.name !== 'windows') errs.push(notSupported(path.child('os'), s.os.name, ['linux', 'windows']));
  }
  return errs;
}

// ValidateSeccompProfile: the legacy seccomp annotations' values.
function validateSeccompAnnotation(p: string, path: FieldPath): FieldError[] {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') return [];
  if (p.startsWith('localhost/')) {
    const rest = p.slice('localhost/'.length);
    const errs: FieldError[] = rest.startsWith('/') ? [invalid(path, rest, 'must be a relative path')] : [];
    if (rest.split('/').includes('..')) errs.push(invalid(path, rest, 'must not contain \'..\''));
    return errs;
  }
  return [invalid(path, p, 'must be a valid seccomp profile')];
}

/** ValidatePodSpecificAnnotations: mirror pods, pod-deletion-cost, legacy seccomp and AppArmor annotations. */
export function validatePodSpecificAnnotations(annotations: Readonly<Record<string, string>> | undefined, spec: PodSpec | undefined,
  path: FieldPath): FieldError[] {
  const a = annotations ?? {};
  const errs: FieldError[] = [];
  if (MIRROR in a && !spec?.nodeName) errs.push(invalid(path.key(MIRROR), a[MIRROR], 'must set spec.nodeName if mirror pod annotation is set'));
  if (DELETION_COST in a) {
    const v = a[DELETION_COST];
    const firstOk = v.length > 0 && (v[0] === '-' || v === '0' || (v[0] >= '1' && v[0] <= '9'));
    const n = Number(v);
    if (!firstOk || !/^-?\d+$/.test(v) || n < -2147483648 || n > MAX_INT32) errs.push(invalid(path.key(DELETION_COST), v, 'must be a 32bit integer'));
  }
  if (SECCOMP_POD in a) errs.push(...validateSeccompAnnotation(a[SECCOMP_POD], path.child(SECCOMP_POD)));
  for (const k of Object.keys(a)) if (k.startsWith(SECCOMP_CONTAINER_PREFIX)) errs.push(...validateSeccompAnnotation(a[k], path.child(k)));
  const containerNames = new Set([...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].map((c) => c.name));
  for (const k of Object.keys(a)) {
    if (!k.startsWith(APPARMOR_PREFIX)) continue;
    const name = k.slice(APPARMOR_PREFIX.length);
    if (!containerNames.has(name)) errs.push(invalid(path.key(k), name, 'container not found'));
    const p = a[k];
    if (p !== '' && p !== 'runtime/default' && p !== 'unconfined' && !p.startsWith('localhost/')) {
      errs.push(invalid(path.key(k), p, `invalid AppArmor profile name: ${JSON.stringify(p)}`));
    }
  }
  return errs;
}

/** ValidatePodTemplateSpec: labels and annotations are reported at the template's own path (no "metadata"). */
export function validatePodTemplateSpec(t: PodTemplateSpec | undefined, path: FieldPath): FieldError[] {
  const meta = t?.metadata ?? {};
  const errs = validateLabels(meta.labels, path.child('labels'));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validatePodSpecificAnnotations(meta.annotations, t?.spec, path.child('annotations')));
  errs.push(...validatePodSpec(t?.spec, undefined, path.child('spec')));
  if (((t?.spec as { ephemeralContainers?: unknown[] } | undefined)?.ephemeralContainers ?? []).length) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

