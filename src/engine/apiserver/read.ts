// GET and LIST. Models handlers/get.go (GetResource, ListResource) and the generic store's List with
// label/field selection and limit/continue paging.
import type { ApiRequest, ApiResponse } from '../api/request';
import type { KubeObject, KubeList } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { apiVersionOf } from '../api/kinds';
import { newNotFound, newBadRequest, newResourceExpired } from '../api/errors';
import { fieldsMatch } from '../api/fields';
import { toTable } from './printers';
import type { Stored } from '../store';
import { type ServerCore, grKey, listOptions, requestNamespace, storedFieldSet, checkFieldLabels, type ListOptions } from './core';

/** GET one object (or its Table row when asked). */
export function getObject(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const obj = core.get(info, req.namespace, req.name ?? '');
  if (!obj) throw newNotFound(info, req.name ?? '');
  if (req.asTable) return { code: 200, body: toTable(info, [obj], { now: core.now(), includeObject: includeObject(req) }) };
  return { code: 200, body: obj };
}

/** includeObject query parameter of a Table request. */
export function includeObject(req: ApiRequest): 'None' | 'Metadata' | 'Object' {
  const v = req.query?.includeObject;
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** Objects of a request's scope that pass its selectors, in key order. */
export function selectObjects(core: ServerCore, info: ResourceInfo, ns: string | undefined, opts: ListOptions): readonly Stored[] {
  const strategy = core.strategy(info);
  checkFieldLabels(strategy, info, opts.fields);
  const all = core.store.list(grKey(info), info.namespaced ? ns || undefined : undefined);
  if (opts.labels.empty() && opts.fields.length === 0) return all;
  return all.filter((o) => opts.labels.matches(o.metadata.labels) &&
    (opts.fields.length === 0 || fieldsMatch(opts.fields, storedFieldSet(strategy, info, o))));
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

function encodeContinue(t: ContinueToken): string {
  return btoa(JSON.stringify(t));
}

function decodeContinue(s: string, currentRV: number, oldestRV: number): ContinueToken {
  let t: ContinueToken;
  try {
    t = JSON.parse(atob(s)) as ContinueToken;
  } catch {
    throw newBadRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
  if (!t || t.v !== 'meta.k8s.io/v1' || typeof t.start !== 'string') throw newBadRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  // Deviation: pages read the latest state, not a snapshot at t.rv; tokens older than history are expired as upstream.
  if (t.rv < oldestRV - 1 && t.rv < currentRV) {
    throw newResourceExpired('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
  }
  return t;
}

const keyOfStored = (o: Stored) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);

/** LIST, with paging. Items carry no apiVersion/kind, as the typed List JSON of the real server. */
export function listObjects(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const opts = listOptions(req);
  const selected = selectObjects(core, info, requestNamespace(info, req), opts);
  const rv = core.store.currentRV();
  const listMeta: KubeList['metadata'] = { resourceVersion: String(rv) };
  let start = 0;
  if (opts.continueToken) {
    const t = decodeContinue(opts.continueToken, rv, core.store.oldestRV());
    // Items are in key order (the store's etcd order): binary-search the first key after the token's.
    let hi = selected.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (keyOfStored(selected[mid]) > t.start) hi = mid;
      else start = mid + 1;
    }
  }
  let items = selected;
  if (opts.limit && selected.length - start > opts.limit) {
    const rest = selected.length - start - opts.limit;
    items = selected.slice(start, start + opts.limit);
    listMeta.continue = encodeContinue({ v: 'meta.k8s.io/v1', rv, start: keyOfStored(items[items.length - 1]) });
    if (opts.labels.empty() && opts.fields.length === 0) listMeta.remainingItemCount = rest;
  } else if (start > 0) {
    items = selected.slice(start);
  }
  if (req.asTable) return { code: 200, body: toTable(info, items, { now: core.now(), includeObject: includeObject(req), listMeta }) };
  const list: KubeList<KubeObject> = {
    kind: `${info.kind}List`,
    apiVersion: apiVersionOf(info),
    metadata: listMeta,
    items: items.map(stripTypeMeta),
  };
  return { code: 200, body: list };
}

/** A list item as the typed List JSON carries it: no apiVersion/kind. */
export function stripTypeMeta(o: Stored): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}
