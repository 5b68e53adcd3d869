// Subresources served by the API server itself: scale, binding, eviction, finalize.
// Models pkg/registry/apps/deployment/storage/storage.go (ScaleREST), pkg/registry/core/pod/storage
// (BindingREST, EvictionREST) and pkg/registry/core/namespace/storage (FinalizeREST).
import type { ApiRequest, ApiResponse } from '../api/request';
import type { ApiStatus, KubeObject, Pod } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { newBadRequest, newConflict, newInvalid, newNotFound } from '../api/errors';
import { invalid } from '../api/field';
import { clone, shallowCopy } from '../api/meta';
import { labelSelectorAsSelector } from '../api/labels';
import type { Stored } from '../store';
import { type ServerCore, grKey } from './core';
import { isDryRun } from './pipeline';
import { updatePrepared } from './write';
import { applyPatchDocument } from './patch';
import { deleteObject } from './delete';

/** The autoscaling/v1 Scale view of a workload. */
export function scaleOf(obj: Stored): KubeObject {
  const spec = obj.spec as { replicas?: number; selector?: any } | undefined;
  const status = obj.status as { replicas?: number } | undefined;
  let selector = '';
  try {
    selector = labelSelectorAsSelector(spec?.selector).toString();
  } catch {
    selector = '';
  }
  const m = obj.metadata;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec?.replicas ?? 0 },
    status: { replicas: status?.replicas ?? 0, selector },
  };
}

/** GET, PUT and PATCH on <workload>/scale. */
export function handleScale(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const name = req.name ?? '';
  const live = core.get(info, req.namespace, name);
  if (!live) throw newNotFound(info, name);
  if (req.verb === 'get') return { code: 200, body: scaleOf(live) };
  let scale: KubeObject;
  if (req.verb === 'patch') scale = applyPatchDocument(info, req.patchType ?? 'application/merge-patch+json', scaleOf(live), req.body);
  else if (req.verb === 'update') scale = (req.body ?? {}) as KubeObject;
  else throw newBadRequest(`${req.verb} is not supported on scale`);
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw newBadRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  if (replicas < 0) {
    throw newInvalid({ group: 'autoscaling', kind: 'Scale' }, name, [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  }
  const rv = scale.metadata?.resourceVersion;
  if (req.verb === 'update' && rv && rv !== live.metadata.resourceVersion) {
    throw newConflict(info, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  const next = clone(live) as KubeObject;
  (next.spec as { replicas?: number }).replicas = replicas;
  const res = updatePrepared(core, info, { ...req, subresource: 'scale' }, live, next, isDryRun(req));
  return { code: 200, body: scaleOf(res.body as Stored) };
}

/** POST pods/<name>/binding (or namespaces/<ns>/bindings): what the scheduler does to place a pod. */
export function handleBinding(core: ServerCore, req: ApiRequest, podsInfo: ResourceInfo): ApiResponse {
  const b = (req.body ?? {}) as { metadata?: { name?: string; annotations?: Record<string, string> }; target?: { kind?: string; name?: string } };
  const name = req.name ?? b.metadata?.name ?? '';
  if (req.name && b.metadata?.name && b.metadata.name !== req.name) {
    throw newBadRequest(`the name of the object (${b.metadata.name}) does not match the name on the URL (${req.name})`);
  }
  if (!b.target?.name) {
    throw newInvalid({ group: '', kind: 'Binding' }, name, [invalid('target.name', '', 'must not be empty')]);
  }
  const live = core.get(podsInfo, req.namespace, name);
  if (!live) throw newNotFound(podsInfo, name);
  const pod = live as unknown as Pod;
  const bindingRes = { group: '', resource: 'pods/binding' };
  if (live.metadata.deletionTimestamp) throw newConflict(bindingRes, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw newConflict(bindingRes, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  // Shallow copies: the stored pod is shared and frozen, and most of it does not change.
  const conds = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conds.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: core.nowTime() });
  // spec gets nodeName (and status maybe conditions) as new keys: copied key by key (see shallowCopy).
  const spec = shallowCopy(pod.spec!);
  spec.nodeName = b.target.name;
  const status = shallowCopy(pod.status ?? {});
  status.conditions = conds;
  const next = { ...pod, spec, status } as Pod;
  if (b.metadata?.annotations) next.metadata = { ...next.metadata, annotations: { ...(next.metadata!.annotations ?? {}), ...b.metadata.annotations } };
  if (!isDryRun(req)) core.store.update(grKey(podsInfo), next as KubeObject);
  return { code: 201, body: success() };
}

/** POST pods/<name>/eviction: a delete that disruption budgets may refuse (used by `kubectl drain`). */
export function handleEviction(core: ServerCore, req: ApiRequest, podsInfo: ResourceInfo): ApiResponse {
  const e = (req.body ?? {}) as { deleteOptions?: Record<string, unknown> };
  // Deviation: PodDisruptionBudgets are stored but not enforced; every eviction is allowed.
  deleteObject(core, podsInfo, { ...req, verb: 'delete', subresource: undefined, body: e.deleteOptions ?? {} });
  return { code: 201, body: success() };
}

/** PUT namespaces/<name>/finalize: the namespace controller clears spec.finalizers when the namespace is empty. */
export function handleFinalize(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const name = req.name ?? '';
  const live = core.get(info, undefined, name);
  if (!live) throw newNotFound(info, name);
  const body = (req.body ?? {}) as { spec?: { finalizers?: string[] } };
  const next: KubeObject = { ...live, spec: { ...(live.spec as object), finalizers: body.spec?.finalizers ?? [] } };
  if ((next.spec as { finalizers: string[] }).finalizers.length === 0) delete (next.spec as { finalizers?: string[] }).finalizers;
  if (isDryRun(req)) return { code: 200, body: next };
  return { code: 200, body: core.store.update(grKey(info), next) };
}

function success(): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
