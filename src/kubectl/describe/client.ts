// What describers read from the API server, as the typed clients of k8s.io/kubectl/pkg/describe do:
// GET one object, LIST (in chunks of --chunk-size, following continue), and searchEvents (the events whose
// involvedObject matches by name, namespace, kind and uid).
import type { Event, KubeObject } from '../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../engine/api';
import type { CmdContext } from '../command';
import { target } from '../request-util';

/** The API as describers use it. */
export interface DescribeClient {
  get(group: string, resource: string, namespace: string, name: string): Promise<any>;
  list(group: string, resource: string, namespace: string, query?: { labelSelector?: string; fieldSelector?: string }): Promise<any[]>;
  /** searchEvents; `withKind` false for pods (PodDescriber clears the reference's kind). */
  events(obj: KubeObject, kind: string | undefined, uid?: string): Promise<Event[]>;
  now: number;
  chunkSize: number;
  showEvents: boolean;
}

function info(group: string, resource: string): ResourceInfo {
  const i = resourceFor(group, resource);
  if (!i) throw new Error(`unknown resource ${resource}.${group}`);
  return i;
}

/** A DescribeClient over a command context. */
export function describeClient(ctx: CmdContext, settings: { chunkSize: number; showEvents: boolean }): DescribeClient {
  const list = async (group: string, resource: string, namespace: string, query: { labelSelector?: string; fieldSelector?: string } = {}) => {
    const out: any[] = [];
    let cont = '';
    do {
      const q: Record<string, string> = {};
      if (query.labelSelector) q.labelSelector = query.labelSelector;
      if (query.fieldSelector) q.fieldSelector = query.fieldSelector;
      if (settings.chunkSize > 0) q.limit = String(settings.chunkSize);
      if (cont) q.continue = cont;
      const body = await ctx.call<{ items: any[]; metadata?: { continue?: string } }>({
        verb: 'list', ...target(info(group, resource), namespace || undefined), query: q,
      });
      out.push(...body.items);
      cont = body.metadata?.continue ?? '';
    } while (cont);
    return out;
  };
  return {
    now: ctx.env.now(),
    chunkSize: settings.chunkSize,
    showEvents: settings.showEvents,
    get: (group, resource, namespace, name) => ctx.call({ verb: 'get', ...target(info(group, resource), namespace, name) }),
    list,
    async events(obj, kind, uid) {
      const m = obj.metadata ?? {};
      const ns = m.namespace ?? '';
      // fields.Set.String(): keys sorted.
      const sel: string[] = [];
      if (kind) sel.push(`involvedObject.kind=${kind}`);
      sel.push(`involvedObject.name=${m.name ?? ''}`, `involvedObject.namespace=${ns}`);
      const u = uid ?? m.uid;
      if (u) sel.push(`involvedObject.uid=${u}`);
      try {
        return await list('', 'events', ns, { fieldSelector: sel.join(',') });
      } catch {
        return [];
      }
    },
  };
}
