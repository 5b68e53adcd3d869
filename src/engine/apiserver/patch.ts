// PATCH: JSON patch, JSON merge patch, strategic merge patch and server-side apply, on the main
// resource or a subresource. Models handlers/patch.go (patcher, applyPatch, applyPatcher).
import type { ApiRequest, ApiResponse, PatchType } from '../api/request';
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { apiVersionOf } from '../api/kinds';
import { StatusError, newBadRequest, newNotFound, newUnsupportedMediaType } from '../api/errors';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../api/patch';
import { patchMetaFor } from '../api/schema';
import { serverSideApply } from './fieldmanager';
import type { Stored } from '../store';
import { type ServerCore } from './core';
import { decodeBody, isDryRun } from './pipeline';
import { createPrepared, settleNamespace, statusPart, updatePrepared, withWarnings } from './write';
import { managerOf } from './managed-fields';
import { parseGoJson } from '../api/go-json-syntax';

const PATCH_TYPES: readonly PatchType[] = ['application/json-patch+json', 'application/merge-patch+json',
  'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

/** Applies a non-apply patch document to an object's JSON. */
export function applyPatchDocument(info: ResourceInfo, type: PatchType, live: KubeObject, patch: unknown): KubeObject {
  try {
    // A patch sent as bytes (what the HTTP body held) is read as encoding/json reads it: a malformed one is a
    // BadRequest in its words ("invalid character 'm' looking for beginning of object key string").
    if (typeof patch === 'string' && type !== 'application/apply-patch+yaml') patch = parseGoJson(patch);
    switch (type) {
      case 'application/json-patch+json':
        return jsonPatch(live, patch) as KubeObject;
      case 'application/merge-patch+json':
        return jsonMergePatch(live, patch) as KubeObject;
      case 'application/strategic-merge-patch+json':
        return strategicMergePatch(live, patch, patchMetaFor(apiVersionOf(info), info.kind)) as KubeObject;
      default:
        throw newUnsupportedMediaType(type);
    }
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw newBadRequest((e as Error).message);
  }
}

/** PATCH on the main resource or the status subresource. */
export function patchObject(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const type = req.patchType;
  if (!type || !PATCH_TYPES.includes(type)) throw newUnsupportedMediaType(type ?? '');
  const dryRun = isDryRun(req);
  const name = req.name ?? '';
  const live = core.get(info, req.namespace, name);
  if (type === 'application/apply-patch+yaml') return applyObject(core, info, req, live, dryRun);
  if (!live) throw newNotFound(info, name);
  const patched = applyPatchDocument(info, type, stripForPatch(live), req.body);
  const { obj, warnings } = decodeBody(info, req.subresource === 'status' ? statusPart(patched) : patched, req);
  settleNamespace(info, req, obj);
  if (obj.metadata?.name !== name) {
    throw newBadRequest(`the name of the object (${obj.metadata?.name ?? ''}) does not match the name on the URL (${name})`);
  }
  return withWarnings(updatePrepared(core, info, req, live, obj, dryRun), warnings);
}

/** The object a patch applies to: the live object itself (the patch functions never mutate their input). */
function stripForPatch(live: Stored): KubeObject {
  return live as KubeObject;
}

/** Server-side apply (`kubectl apply --server-side`): create or merge by field ownership. */
function applyObject(core: ServerCore, info: ResourceInfo, req: ApiRequest, live: Stored | undefined, dryRun: boolean): ApiResponse {
  if (!req.query?.fieldManager) throw newBadRequest('PATCH requests with Content-Type application/apply-patch+yaml must include a field manager');
  const { obj: applied, warnings } = decodeBody(info, req.body, { ...req, query: { ...req.query, fieldValidation: req.query?.fieldValidation ?? 'Strict' } });
  settleNamespace(info, req, applied);
  const force = req.query?.force === 'true';
  const result = serverSideApply(live, applied, {
    manager: managerOf(req), force, apiVersion: apiVersionOf(info), time: core.nowTime(),
    meta: patchMetaFor(apiVersionOf(info), info.kind), subresource: req.subresource,
  });
  const obj = result.obj as KubeObject;
  obj.metadata = { ...obj.metadata, managedFields: result.managedFields };
  if (!live) {
    if (req.subresource) throw newNotFound(info, req.name ?? '');
    return withWarnings({ code: 201, body: createPrepared(core, info, req, obj, dryRun, true) }, warnings);
  }
  return withWarnings(updatePrepared(core, info, req, live, obj, dryRun, true), warnings);
}
