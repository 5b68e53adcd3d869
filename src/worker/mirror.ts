// The UI's view of the cluster: a list then a watch of every mirrored resource, through the API
// server like any client. Changes are coalesced per object until the page takes them, so a busy
// cluster costs the page one message per frame, never one per event.
import type { ApiHandler, ApiRequest, KubeObject, WatchHandle, WatchEvent, ApiStatus } from '../engine/api';
import { MIRRORED_RESOURCES, type MirroredResource, type MirrorChange } from './protocol';

/** Strips what the UI never shows from an object: managedFields always, a Secret's data. */
export function forMirror(resource: string, o: KubeObject): KubeObject {
  const { managedFields: _mf, ...metadata } = (o.metadata ?? {}) as NonNullable<KubeObject['metadata']> & { managedFields?: unknown };
  const out: Record<string, unknown> = { ...o, metadata };
  if (resource === 'secrets') {
    delete out.data;
    delete out.stringData;
  }
  return out as KubeObject;
}

interface ListBody {
  metadata?: { resourceVersion?: string };
  items?: KubeObject[];
}

/** Lists and watches the mirrored resources; hands out coalesced changes. */
export class Mirror {
  private handles: WatchHandle[] = [];
  /** Pending changes by resource/uid, in first-change order. */
  private pending = new Map<string, MirrorChange>();
  /** Set when a watch broke (410 Expired): the page needs a fresh snapshot. */
  needsSnapshot = false;

  constructor(private readonly api: ApiHandler, private readonly resources: readonly MirroredResource[] = MIRRORED_RESOURCES) {}

  /** Lists everything (the page's snapshot) and (re)starts the watches from there. */
  snapshot(): Record<string, KubeObject[]> {
    this.stop();
    this.needsSnapshot = false;
    const out: Record<string, KubeObject[]> = {};
    for (const r of this.resources) {
      const base: ApiRequest = { verb: 'list', group: r.group, version: r.version, resource: r.resource };
      const res = this.api.handle(base);
      const body = res.body as ListBody;
      out[r.resource] = res.code === 200 ? (body.items ?? []).map((o) => forMirror(r.resource, o)) : [];
      const rv = res.code === 200 ? body.metadata?.resourceVersion : undefined;
      try {
        this.handles.push(this.api.watch({ ...base, verb: 'watch', query: rv ? { resourceVersion: rv } : {} },
          (ev) => this.onEvent(r.resource, ev)));
      } catch {
        // A resource the server cannot watch stays as listed.
      }
    }
    return out;
  }

  private onEvent(resource: string, ev: WatchEvent<KubeObject | ApiStatus>): void {
    if (ev.type === 'ERROR') {
      this.needsSnapshot = true;
      return;
    }
    if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED' && ev.type !== 'DELETED') return;
    const obj = ev.object as KubeObject;
    const key = `${resource}/${obj.metadata?.uid ?? `${obj.metadata?.namespace}/${obj.metadata?.name}`}`;
    const prev = this.pending.get(key);
    const change: MirrorChange = { resource, type: ev.type, object: forMirror(resource, obj) };
    if (prev?.type === 'ADDED') {
      // Born and gone between two frames: the page never saw it.
      if (ev.type === 'DELETED') this.pending.delete(key);
      else this.pending.set(key, { ...change, type: 'ADDED' });
      return;
    }
    this.pending.set(key, change);
  }

  /** True when changes wait. */
  hasChanges(): boolean {
    return this.pending.size > 0;
  }

  /** Takes the pending changes. */
  take(): MirrorChange[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }

  /** Stops every watch. */
  stop(): void {
    for (const h of this.handles) h.stop();
    this.handles = [];
    this.pending.clear();
  }
}
