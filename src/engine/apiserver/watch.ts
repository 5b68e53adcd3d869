// WATCH. Models handlers/watch.go (serveWatch) on top of the watch cache: initial events for a watch
// without a resourceVersion, resume after one (410 Expired when compacted), selector filtering,
// bookmarks when asked for, timeoutSeconds, and Table rows for `kubectl get -w`.
import type { ApiRequest, WatchHandle } from '../api/request';
import type { KubeObject, WatchEvent, Table } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { apiVersionOf } from '../api/kinds';
import { StatusError, newBadRequest } from '../api/errors';
import { fieldsMatch } from '../api/fields';
import { toTable } from './printers';
import type { Stored } from '../store';
import { type ServerCore, listOptions, requestNamespace, storedFieldSet, checkFieldLabels } from './core';
import { includeObject, selectObjects } from './read';

/** How often a watch that allows bookmarks gets one (upstream: about once a minute). */
export const BOOKMARK_INTERVAL_MS = 60_000;

/** Starts a watch; throws StatusError for a bad request; a compacted resume arrives as an ERROR event. */
export function startWatch(core: ServerCore, info: ResourceInfo, req: ApiRequest,
  onEvent: (ev: WatchEvent<unknown>) => void, onClose?: () => void): WatchHandle {
  const opts = listOptions(req);
  const strategy = core.strategy(info);
  checkFieldLabels(strategy, info, opts.fields);
  const ns = requestNamespace(info, req) || undefined;
  const filter = (o: Stored) => opts.labels.matches(o.metadata.labels) &&
    (opts.fields.length === 0 || fieldsMatch(opts.fields, storedFieldSet(strategy, info, o)));
  const nodeField = info.resource === 'pods' && info.group === ''
    ? opts.fields.find((f) => f.field === 'spec.nodeName' && f.op === '=') : undefined;

  let first = true;
  const transform = req.asTable
    ? (_t: WatchEvent['type'], o: Stored): Table => {
      const t = toTable(info, [o], { now: core.now(), includeObject: includeObject(req), noHeaders: !first });
      first = false;
      return t;
    }
    : (_t: WatchEvent['type'], o: Stored) => o;

  const rvParam = req.query?.resourceVersion;
  let fromRV: number | undefined;
  const initial: WatchEvent<unknown>[] = [];
  if (rvParam === undefined || rvParam === '' || rvParam === '0') {
    for (const o of selectObjects(core, info, ns, opts)) initial.push({ type: 'ADDED', object: transform('ADDED', o) as KubeObject });
    fromRV = undefined;
  } else {
    fromRV = Number.parseInt(rvParam, 10);
    if (!Number.isFinite(fromRV) || String(fromRV) !== rvParam.trim()) throw newBadRequest(`invalid resource version: strconv.ParseUint: parsing "${rvParam}": invalid syntax`);
  }

  const cacher = core.cacher(info);
  let handle;
  try {
    handle = cacher.add({ namespace: ns, nodeName: nodeField?.value, filter, transform, onEvent, onClose }, initial, fromRV);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    // The real server answers 200 and sends one ERROR event with the 410 Status, then ends the watch.
    let stopped = false;
    core.clock.after(0, () => {
      if (stopped) return;
      onEvent({ type: 'ERROR', object: e.status });
      onClose?.();
    });
    return { stop: () => { stopped = true; } };
  }
  const h = handle;
  if (req.query?.allowWatchBookmarks === 'true') {
    const tick = () => {
      h.push({ type: 'BOOKMARK', object: { kind: info.kind, apiVersion: apiVersionOf(info),
        metadata: { resourceVersion: String(core.store.currentRV()) } } });
      h.own(core.clock.after(BOOKMARK_INTERVAL_MS, tick));
    };
    h.own(core.clock.after(BOOKMARK_INTERVAL_MS, tick));
  }
  const timeout = req.query?.timeoutSeconds ? Number(req.query.timeoutSeconds) : 0;
  if (timeout > 0) h.own(core.clock.after(timeout * 1000, () => h.stop()));
  return { stop: () => h.stop() };
}
