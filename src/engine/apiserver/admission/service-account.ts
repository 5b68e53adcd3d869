// Models plugin/pkg/admission/serviceaccount/admission.go (v1.32): the default service account, the
// projected kube-api-access-xxxxx token volume and its mount in every container, imagePullSecrets
// from the service account, and the mountable-secrets check.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import { newNotFound, type Pod, type PodSpec, type Container, type VolumeMount } from '../../api';
import { mirrorServiceAccount, DEFAULT_VOLUME_MODE } from '../../api/defaults';
import { generateName } from '../../clock';
import { admissionForbidden } from './errors';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'ServiceAccount';
/** DefaultServiceAccountName. */
export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
/** ServiceAccountVolumeName: the prefix of the generated token volume's name. */
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
/** DefaultAPITokenMountPath. */
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and seven seconds. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 60 * 60 + 7;
/** EnforceMountableSecretsAnnotation. */
export const ENFORCE_MOUNTABLE_SECRETS_ANNOTATION = 'kubernetes.io/enforce-mountable-secrets';
/** v1.MirrorPodAnnotationKey. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** TokenVolumeSource: every field explicit, since admission runs after defaulting (kubernetes#104464). */
export function tokenVolumeSource() {
  return {
    defaultMode: DEFAULT_VOLUME_MODE,
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  };
}

// Only pod creates, and the ephemeralcontainers subresource (whose secret references are checked).
const handles = (a: AdmissionAttributes) => a.info.group === '' && a.info.kind === 'Pod' && !!a.object
  && (a.subresource ? a.subresource === 'ephemeralcontainers' : a.operation === 'CREATE');

/**
 * getServiceAccount, ending in `serviceaccount "x" not found`.
 * Deviation: upstream retries the lookup of "default" ten times (100–200ms apart) because the
 * serviceaccounts controller creates it right after its namespace; with no informer lag to wait out,
 * kubesim treats a missing "default" as that freshly-to-be-created, empty service account instead.
 */
function getServiceAccount(ctx: AdmissionContext, namespace: string, name: string): ServiceAccount {
  const sa = ctx.get('', 'serviceaccounts', namespace, name) as ServiceAccount | undefined;
  if (sa) return sa;
  if (name === DEFAULT_SERVICE_ACCOUNT_NAME) return { metadata: { name, namespace } };
  throw newNotFound({ group: '', resource: 'serviceaccount' }, name);
}

function lookUp(a: AdmissionAttributes, ctx: AdmissionContext, name: string): ServiceAccount {
  try {
    return getServiceAccount(ctx, a.namespace ?? '', name);
  } catch (e) {
    throw admissionForbidden(a, `error looking up service account ${a.namespace ?? ''}/${name}: ${(e as Error).message}`);
  }
}

/** shouldAutomount: the pod's choice wins, then the service account's, else true. */
function shouldAutomount(sa: ServiceAccount, spec: PodSpec): boolean {
  return spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
}

/** mountServiceAccountToken: one kube-api-access-<5> volume, mounted read-only in every container. */
function mountServiceAccountToken(spec: PodSpec, ctx: AdmissionContext): void {
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? generateName(ctx.rng, `${SERVICE_ACCOUNT_VOLUME_NAME}-`);
  const mount = (): VolumeMount => ({ mountPath: DEFAULT_API_TOKEN_MOUNT_PATH, name: volumeName, readOnly: true });
  let needsVolume = false;
  // A container that already mounts something at the token path keeps it.
  const addTo = (cs: Container[] | undefined) => {
    for (const c of cs ?? []) {
      if ((c.volumeMounts ?? []).some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
      c.volumeMounts = [...(c.volumeMounts ?? []), mount()];
      needsVolume = true;
    }
  };
  addTo(spec.initContainers);
  addTo(spec.containers);
  if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), { name: volumeName, projected: tokenVolumeSource() }];
}

function enforceMountableSecrets(sa: ServiceAccount): boolean {
  return (sa.metadata?.annotations?.[ENFORCE_MOUNTABLE_SECRETS_ANNOTATION] ?? '').toLowerCase() === 'true';
}

/** limitSecretReferences: with the annotation, a pod may only use secrets its service account lists. */
function limitSecretReferences(sa: ServiceAccount, spec: PodSpec): string | undefined {
  const mountable = new Set((sa.secrets ?? []).map((s) => s.name));
  for (const v of spec.volumes ?? []) {
    const name = v.secret?.secretName;
    if (v.secret && !mountable.has(name)) {
      return `volume with secret.secretName="${name ?? ''}" is not allowed because service account ${sa.metadata?.name} does not reference that secret`;
    }
  }
  for (const [list, label] of [[spec.initContainers, 'init container'], [spec.containers, 'container']] as const) {
    for (const c of list ?? []) {
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !mountable.has(ref.name)) {
          return `${label} ${c.name} with envVar ${env.name} referencing secret.secretName="${ref.name ?? ''}" is not allowed because service account ${sa.metadata?.name} does not reference that secret`;
        }
      }
    }
  }
  const pullSecrets = new Set((sa.imagePullSecrets ?? []).map((s) => s.name));
  const refs = spec.imagePullSecrets ?? [];
  for (let i = 0; i < refs.length; i++) {
    if (!pullSecrets.has(refs[i].name)) {
      return `imagePullSecrets[${i}].name="${refs[i].name ?? ''}" is not allowed because service account ${sa.metadata?.name} does not reference that imagePullSecret`;
    }
  }
  return undefined;
}

/** podutil.VisitPodSecretNames, reduced to "is there any": volumes, projections, env, envFrom, pull secrets. */
function referencesSecrets(spec: PodSpec): boolean {
  if ((spec.imagePullSecrets ?? []).length > 0) return true;
  for (const v of spec.volumes ?? []) {
    if (v.secret || v.projected?.sources?.some((s) => s.secret)) return true;
  }
  for (const c of [...(spec.initContainers ?? []), ...spec.containers ?? []]) {
    if (c.env?.some((e) => e.valueFrom?.secretKeyRef) || c.envFrom?.some((e) => e.secretRef)) return true;
  }
  return false;
}

function validatePod(a: AdmissionAttributes, ctx: AdmissionContext): void {
  const pod = a.object as Pod;
  const spec: PodSpec = pod.spec ?? { containers: [] };
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
    if (spec.serviceAccountName) throw admissionForbidden(a, 'a mirror pod may not reference service accounts');
    if (referencesSecrets(spec)) throw admissionForbidden(a, 'a mirror pod may not reference secrets');
    if ((spec.volumes ?? []).some((v) => v.projected?.sources?.some((s) => s.serviceAccountToken))) {
      throw admissionForbidden(a, 'a mirror pod may not use ServiceAccountToken volume projections');
    }
    return;
  }
  const sa = lookUp(a, ctx, spec.serviceAccountName ?? '');
  if (enforceMountableSecrets(sa)) {
    const err = limitSecretReferences(sa, spec);
    if (err) throw admissionForbidden(a, err);
  }
}

/** Gives every new pod a service account (default "default"), its token volume and its pull secrets. */
export const serviceAccount: AdmissionPlugin = {
  name: NAME,
  admit(a, ctx) {
    if (!handles(a) || a.subresource) return;
    const pod = a.object as Pod;
    const spec = pod.spec ?? (pod.spec = { containers: [] });
    // Mirror pods are never modified: the kubelet would see a spec it did not write and delete them.
    if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return validatePod(a, ctx);
    if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT_NAME;
    // The v1 encoding always writes the deprecated alias alongside (Convert_core_PodSpec_To_v1_PodSpec).
    mirrorServiceAccount(spec as unknown as Record<string, unknown>);
    const sa = lookUp(a, ctx, spec.serviceAccountName);
    if (shouldAutomount(sa, spec)) mountServiceAccountToken(spec, ctx);
    if (!spec.imagePullSecrets?.length && sa.imagePullSecrets?.length) {
      spec.imagePullSecrets = sa.imagePullSecrets.map((s) => ({ name: s.name }));
    }
    validatePod(a, ctx);
  },
  validate(a, ctx) {
    if (!handles(a)) return;
    // Deviation: the ephemeralcontainers subresource's secret check (limitEphemeralContainerSecretReferences)
    // is not modelled; kubectl debug is not served.
    if (a.subresource) return;
    validatePod(a, ctx);
  },
};
