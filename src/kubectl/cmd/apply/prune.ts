// apply --prune: delete the objects of the default allowlist's kinds that match the selector, carry the
// last-applied annotation, and were not in this apply. Models k8s.io/kubectl/pkg/cmd/apply/prune.go and
// prune_allowlist defaults (apply.go getRESTMappings).
import type { KubeList, KubeObject } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import type { CmdContext } from '../../command';
import { ObjectPrinter, type DryRun } from '../../cmdutil';
import { target } from '../../request-util';
import { LAST_APPLIED } from './last-applied';

// The default prune allowlist (namespaced first, as kubectl lists them, then cluster-scoped).
const DEFAULT_ALLOWLIST: [string, string][] = [
  ['', 'configmaps'], ['', 'endpoints'], ['', 'persistentvolumeclaims'], ['', 'pods'], ['', 'replicationcontrollers'],
  ['', 'secrets'], ['', 'services'], ['batch', 'jobs'], ['batch', 'cronjobs'], ['networking.k8s.io', 'ingresses'],
  ['apps', 'daemonsets'], ['apps', 'deployments'], ['apps', 'replicasets'], ['apps', 'statefulsets'],
  ['', 'namespaces'], ['', 'persistentvolumes'],
];

/** Prunes; `visited` holds "group/kind/namespace/name" keys of what was applied. */
export async function prune(ctx: CmdContext, opts: { selector: string; all: boolean; namespaces: Set<string>; visited: Set<string>;
  dryRun: DryRun; output: string }): Promise<void> {
  const printer = new ObjectPrinter(ctx, { output: opts.output === 'name' ? 'name' : '', operation: 'pruned', dryRun: opts.dryRun });
  for (const [group, resource] of DEFAULT_ALLOWLIST) {
    const info = resourceFor(group, resource) as ResourceInfo | undefined;
    if (!info) continue;
    const namespaces = info.namespaced ? [...opts.namespaces] : [undefined];
    for (const ns of namespaces) {
      const query: Record<string, string> = {};
      if (opts.selector) query.labelSelector = opts.selector;
      const list = await ctx.call<KubeList>({ verb: 'list', ...target(info, ns), query });
      for (const obj of list.items as KubeObject[]) {
        const key = `${info.group}/${info.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
        if (opts.visited.has(key) || !obj.metadata?.annotations?.[LAST_APPLIED]) continue;
        if (opts.dryRun !== 'client') {
          const q: Record<string, string> = opts.dryRun === 'server' ? { dryRun: 'All' } : {};
          await ctx.call({ verb: 'delete', ...target(info, obj.metadata?.namespace, obj.metadata?.name),
            body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' }, query: q });
        }
        printer.print(obj, info);
      }
    }
  }
}
