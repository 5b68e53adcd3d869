// GET, PUT and PATCH on pods/<name>/ephemeralcontainers: the only way to add a container to a running pod
// (kubectl debug). The body is a whole Pod; only spec.ephemeralContainers is taken from it.
// Models pkg/registry/core/pod/storage/storage.go EphemeralContainersREST and pkg/registry/core/pod/strategy.go
// podEphemeralContainersStrategy (PrepareForUpdate = dropNonEphemeralContainerUpdates, ValidateUpdate).
import type { ApiRequest, ApiResponse, PatchType } from '../api/request';
import type { KubeObject, Pod } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { newBadRequest, newConflict, newInvalid, newNotFound, newUnsupportedMediaType, OPTIMISTIC_LOCK_ERROR_MSG } from '../api/errors';
import { deepEqual, shallowCopy } from '../api/meta';
import { validatePodEphemeralContainersUpdate } from '../api/validation';
import type { Stored } from '../store';
import { type ServerCore, grKey } from './core';
import { getObject } from './read';
import { decodeBody, isDryRun, mutatingAdmission, validatingAdmission } from './pipeline';
import { settleNamespace, withWarnings } from './write';
import { applyPatchDocument } from './patch';
import { trackUpdate } from './managed-fields';

const SUBRESOURCE = 'ephemeralcontainers';
const PATCH_TYPES: readonly PatchType[] = ['application/json-patch+json', 'application/merge-patch+json',
  'application/strategic-merge-patch+json'];

// metav1.ResetObjectMetaForStatus: metadata a subresource write may not change comes from the stored pod.
const KEPT_META = ['deletionTimestamp', 'generation', 'selfLink', 'labels', 'annotations', 'finalizers', 'ownerReferences'] as const;

/**
 * dropNonEphemeralContainerUpdates: everything but spec.ephemeralContainers (and the metadata a client
 * may send, such as resourceVersion and managedFields) comes from the stored pod.
 */
export function dropNonEphemeralContainerUpdates(next: Pod, old: Pod): Pod {
  const meta = shallowCopy(next.metadata ?? {}) as Record<string, unknown>;
  const oldMeta = (old.metadata ?? {}) as Record<string, unknown>;
  for (const k of KEPT_META) {
    if (oldMeta[k] === undefined) delete meta[k];
    else meta[k] = oldMeta[k];
  }
  meta.uid = oldMeta.uid;
  meta.creationTimestamp = oldMeta.creationTimestamp;
  if (oldMeta.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  const spec = { ...old.spec! };
  const ecs = next.spec?.ephemeralContainers;
  if (ecs && ecs.length) spec.ephemeralContainers = ecs;
  else delete spec.ephemeralContainers;
  return { ...next, metadata: meta, spec, status: old.status } as Pod;
}

/** GET, PUT and PATCH on pods/<name>/ephemeralcontainers. */
export function handleEphemeralContainers(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  if (req.verb === 'get') return getObject(core, info, req);
  const name = req.name ?? '';
  const live = core.get(info, req.namespace, name);
  let body: unknown = req.body;
  if (req.verb === 'patch') {
    const type = req.patchType;
    if (!type || !PATCH_TYPES.includes(type)) throw newUnsupportedMediaType(type ?? '');
    if (!live) throw newNotFound(info, name);
    body = applyPatchDocument(info, type, live as KubeObject, req.body);
  }
  const { obj, warnings } = decodeBody(info, body, req);
  settleNamespace(info, req, obj);
  if (obj.metadata?.name !== name) {
    throw newBadRequest(`the name of the object (${obj.metadata?.name ?? ''}) does not match the name on the URL (${name})`);
  }
  if (!live) throw newNotFound(info, name);
  return withWarnings(updateEphemeralContainers(core, info, req, live, obj), warnings);
}

// The generic store's Update for this strategy: optimistic concurrency, managed fields under the
// subresource, PrepareForUpdate, validation, admission, no-op detection, storage.
function updateEphemeralContainers(core: ServerCore, info: ResourceInfo, req: ApiRequest, live: Stored, obj: KubeObject): ApiResponse {
  const dryRun = isDryRun(req);
  const name = live.metadata.name;
  const rv = obj.metadata?.resourceVersion;
  if (rv && rv !== live.metadata.resourceVersion) throw newConflict(info, name, OPTIMISTIC_LOCK_ERROR_MSG);
  let next = dropNonEphemeralContainerUpdates(obj as Pod, live as unknown as Pod) as KubeObject;
  trackUpdate(info, req, live, next, core.nowTime(), SUBRESOURCE);
  const attrs = { operation: 'UPDATE' as const, info, subresource: SUBRESOURCE, namespace: live.metadata.namespace, name,
    object: next, oldObject: live as KubeObject, dryRun, userInfo: { username: req.user ?? 'minikube-user' } };
  mutatingAdmission(core, attrs);
  next = attrs.object;
  const errs = validatePodEphemeralContainersUpdate(next as Pod, live as unknown as Pod);
  if (errs.length) throw newInvalid({ group: info.group, kind: info.kind }, name, errs);
  validatingAdmission(core, attrs);
  next.metadata = { ...next.metadata, resourceVersion: live.metadata.resourceVersion };
  if (deepEqual(next, live)) return { code: 200, body: live };
  if (dryRun) return { code: 200, body: next };
  return { code: 200, body: core.store.update(grKey(info), next) };
}
