// List, then watch from the list's resourceVersion until a condition holds: client-go's
// watchtools.UntilWithSync as kubectl's wait, rollout status, run and delete --wait use it.
import type { ApiStatus, KubeList, KubeObject } from '../../engine/api/types';
import type { ResourceInfo } from '../../engine/api/kinds';
import type { CmdContext } from '../command';
import { target } from '../request-util';

/** An event the condition sees: the initial list's items as ADDED, then SYNC, then watch events. */
export type UntilEvent = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; obj: KubeObject } | { type: 'SYNC'; items: KubeObject[] };

/** Why waiting ended. */
export type UntilResult = 'done' | 'timeout' | 'aborted';

/** What to watch. */
export interface UntilTarget {
  info: ResourceInfo;
  namespace?: string;
  /** metadata.name=<name> as a field selector. */
  name?: string;
  labelSelector?: string;
}

/**
 * Lists the target, feeds its items and then its watch events to `condition` until it returns true.
 * `timeoutMs` > 0 bounds the wait (on the simulated clock, through the watch's timeoutSeconds);
 * Ctrl-C (the env's abort signal) ends it as 'aborted'. A watch the server ends early is re-opened.
 */
export async function untilWithSync(ctx: CmdContext, t: UntilTarget, timeoutMs: number,
  condition: (ev: UntilEvent) => boolean): Promise<UntilResult> {
  const query: Record<string, string> = {};
  if (t.name) query.fieldSelector = `metadata.name=${t.name}`;
  if (t.labelSelector) query.labelSelector = t.labelSelector;
  const list = await ctx.call<KubeList>({ verb: 'list', ...target(t.info, t.namespace), query });
  for (const obj of list.items) if (condition({ type: 'ADDED', obj })) return 'done';
  if (condition({ type: 'SYNC', items: list.items })) return 'done';
  const signal = ctx.env.signal;
  if (signal?.aborted) return 'aborted';
  const deadline = timeoutMs > 0 ? ctx.env.now() + timeoutMs : undefined;
  let rv = list.metadata?.resourceVersion ?? '';
  for (;;) {
    const remaining = deadline === undefined ? 0 : deadline - ctx.env.now();
    if (deadline !== undefined && remaining <= 0) return 'timeout';
    const outcome = await new Promise<UntilResult | 'closed'>((resolve) => {
      const watching: { handle?: { stop(): void } } = {};
      let settled = false;
      const finish = (r: UntilResult | 'closed') => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        watching.handle?.stop();
        resolve(r);
      };
      const onAbort = () => finish('aborted');
      signal?.addEventListener('abort', onAbort, { once: true });
      const q: Record<string, string> = { ...query, resourceVersion: rv };
      if (deadline !== undefined) q.timeoutSeconds = String(Math.max(1, Math.ceil(remaining / 1000)));
      watching.handle = ctx.env.api.watch({ verb: 'watch', ...target(t.info, t.namespace), query: q }, (ev) => {
        if (settled) return;
        if (ev.type === 'ERROR' || ev.type === 'BOOKMARK') {
          if (ev.type === 'ERROR' && (ev.object as ApiStatus).code === 410) rv = '';
          return;
        }
        const obj = ev.object as KubeObject;
        rv = obj.metadata?.resourceVersion ?? rv;
        if (condition({ type: ev.type, obj })) finish('done');
      }, () => finish('closed'));
      if (settled) watching.handle.stop();
    });
    if (outcome !== 'closed') return outcome;
    if (rv === '') {
      const again = await ctx.call<KubeList>({ verb: 'list', ...target(t.info, t.namespace), query });
      rv = again.metadata?.resourceVersion ?? '';
      for (const obj of again.items) if (condition({ type: 'MODIFIED', obj })) return 'done';
    }
  }
}
