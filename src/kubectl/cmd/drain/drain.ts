// kubectl drain. Models k8s.io/kubectl/pkg/cmd/drain/drain.go (RunDrain, deleteOrEvictPodsSimple) and
// pkg/drain (drain.go, filters.go): cordon, sort the node's pods through the filters (DaemonSet, mirror,
// local storage, unreplicated), evict the rest through pods/eviction (retrying while a disruption budget
// refuses), wait for each to be gone, "node/minikube drained".
import type { KubeList, Pod } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import { StatusError, isNotFound } from '../../../engine/api/errors';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError, ExitError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, type DryRun } from '../../cmdutil';
import type { VisitedInfo } from '../../resource/visit';
import { target } from '../../request-util';
import { cordonOrUncordon, nodeInfos } from './cordon';

const PODS = resourceFor('', 'pods') as ResourceInfo;
const DAEMONSETS = resourceFor('apps', 'daemonsets') as ResourceInfo;

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

interface Status { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string }
const okay: Status = { delete: true, reason: 'Okay' };

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const controllerOf = (p: Pod) => (p.metadata?.ownerReferences ?? []).find((r) => r.controller);

interface DrainOptions { force: boolean; ignoreDaemonSets: boolean; deleteEmptyDir: boolean }

// makeFilters, in order; a pod's status is the first non-deleting one, else the last.
async function filterPods(ctx: CmdContext, pods: Pod[], o: DrainOptions): Promise<{ pod: Pod; status: Status }[]> {
  const filters: ((p: Pod) => Promise<Status> | Status)[] = [
    async (p) => {
      const ref = controllerOf(p);
      if (!ref || ref.kind !== 'DaemonSet' || finished(p)) return okay;
      try {
        await ctx.call({ verb: 'get', ...target(DAEMONSETS, p.metadata?.namespace, ref.name) });
      } catch (e) {
        if (isNotFound(e) && o.force) return { delete: true, reason: 'Warning', message: (e as Error).message };
        return { delete: false, reason: 'Error', message: (e as Error).message };
      }
      return o.ignoreDaemonSets ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING } : { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
    },
    (p) => (p.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : okay),
    (p) => {
      if (!(p.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(p)) return okay;
      return o.deleteEmptyDir ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING } : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
    },
    (p) => {
      if (finished(p) || controllerOf(p)) return okay;
      return o.force ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING } : { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
    },
  ];
  const out: { pod: Pod; status: Status }[] = [];
  for (const pod of pods) {
    let status = okay;
    for (const f of filters) {
      status = await f(pod);
      if (!status.delete) break;
    }
    out.push({ pod, status });
  }
  return out;
}

// Messages grouped by text, in the order the pods (sorted by namespace/name) first show them. Deviation: Go
// ranges over a map here, so a real kubectl may print the groups in either order.
function grouped(list: { pod: Pod; status: Status }[], reason: Status['reason']): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const { pod, status } of list) {
    if (status.reason !== reason) continue;
    const msg = status.message || 'unexpected error';
    m.set(msg, [...(m.get(msg) ?? []), `${pod.metadata?.namespace}/${pod.metadata?.name}`]);
  }
  return m;
}

// PodDeleteList.errors. v1.32 puts "cannot delete " before every message, even the one that starts with it
// ("cannot delete cannot delete Pods that declare no controller …"), as the real binary prints.
function podErrors(list: { pod: Pod; status: Status }[]): string[] {
  return [...grouped(list, 'Error')].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
}

async function podsOnNode(ctx: CmdContext, node: string, podSelector: string): Promise<Pod[]> {
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${node}` };
  if (podSelector) query.labelSelector = podSelector;
  return (await ctx.call<KubeList<Pod>>({ verb: 'list', ...target(PODS, undefined), query })).items;
}

// DeleteOrEvictPods: evict (or delete) every pod, then wait until each is gone, printing as they go.
async function evictPods(ctx: CmdContext, pods: Pod[], p: ParsedArgs, dryRun: DryRun): Promise<void> {
  const grace = p.flags['grace-period'] as number;
  const disable = p.flags['disable-eviction'] as boolean;
  const suffix = dryRun === 'server' ? ' (server dry run)' : '';
  const query: Record<string, string> = dryRun === 'server' ? { dryRun: 'All' } : {};
  const pending: Pod[] = [];
  for (const pod of pods) {
    const ns = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    if (!disable) ctx.out(`evicting pod ${ns}/${name}${suffix}\n`);
    for (;;) {
      try {
        if (disable) {
          const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
          if (grace >= 0) body.gracePeriodSeconds = grace;
          await ctx.call({ verb: 'delete', ...target(PODS, ns, name), body, query });
        } else {
          const body: Record<string, unknown> = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns } };
          if (grace >= 0) body.deleteOptions = { gracePeriodSeconds: grace };
          await ctx.call({ verb: 'create', ...target(PODS, ns, name), subresource: 'eviction', body, query });
        }
        pending.push(pod);
        break;
      } catch (e) {
        if (isNotFound(e)) break;
        if (e instanceof StatusError && e.status.code === 429 && ctx.env.sleep) {
          ctx.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${e.message}\n`);
          await ctx.env.sleep(5000, ctx.env.signal);
          continue;
        }
        throw new CmdError(`error: error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${(e as Error).message}`);
      }
    }
  }
  if (dryRun === 'server') return;
  // waitForDelete: poll each second until the pod is gone (or replaced by one with another UID).
  const timeout = p.flags.timeout as number;
  const start = ctx.env.now();
  while (pending.length) {
    for (let k = 0; k < pending.length;) {
      const pod = pending[k];
      const res = await ctx.send({ verb: 'get', ...target(PODS, pod.metadata?.namespace, pod.metadata?.name) });
      const gone = res.code === 404 || (res.body as Pod).metadata?.uid !== pod.metadata?.uid;
      if (gone) {
        ctx.out(`pod/${pod.metadata?.name} ${disable ? 'deleted' : 'evicted'}\n`);
        pending.splice(k, 1);
      } else k++;
    }
    if (!pending.length) break;
    if (timeout > 0 && ctx.env.now() - start >= timeout) {
      throw new CmdError(`error: drain did not complete within ${Math.round(timeout / 1000)}s`);
    }
    if (!ctx.env.sleep) break;
    await ctx.env.sleep(1000, ctx.env.signal);
  }
}

async function drainNode(ctx: CmdContext, p: ParsedArgs, i: VisitedInfo, dryRun: DryRun): Promise<void> {
  const f = p.flags;
  const list = await filterPods(ctx, await podsOnNode(ctx, i.name, f['pod-selector'] as string),
    { force: f.force as boolean, ignoreDaemonSets: f['ignore-daemonsets'] as boolean, deleteEmptyDir: f['delete-emptydir-data'] as boolean });
  const errs = podErrors(list);
  if (errs.length) throw new DrainError(errs);
  const warnings = [...grouped(list, 'Warning')].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
  if (warnings.length) ctx.err(`Warning: ${warnings.join('; ')}\n`);
  const pods = list.filter((x) => x.status.delete).map((x) => x.pod);
  if (dryRun === 'client') {
    for (const pod of pods) ctx.out(`evicting pod ${pod.metadata?.namespace}/${pod.metadata?.name} (dry run)\n`);
    return;
  }
  await evictPods(ctx, pods, p, dryRun);
}

/** The errors of one node (a utilerrors.Aggregate: "[a, b]" as one message, one per line when it is all CheckErr gets). */
class DrainError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  }
}

async function runDrain(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const dryRun = getDryRunStrategy(p, ctx);
  const infos = await nodeInfos(ctx, p, 'drain');
  if (await cordonOrUncordon(ctx, p, infos, true, dryRun)) throw new ExitError(1);
  const remaining: string[] = [];
  const fatal: Error[] = [];
  for (const i of infos) {
    try {
      await drainNode(ctx, p, i, dryRun);
      new ObjectPrinter(ctx, { output: '', operation: 'drained', dryRun }).print(i.obj, i.info);
    } catch (e) {
      const msg = e instanceof CmdError ? e.message.replace(/^error: /, '') : (e as Error).message;
      ctx.err(`error: unable to drain node ${JSON.stringify(i.name)} due to error: ${msg}, continuing command...\n`);
      remaining.push(i.name);
      fatal.push(e as Error);
    }
  }
  if (remaining.length) {
    ctx.err('There are pending nodes to be drained:\n');
    for (const n of remaining) ctx.err(` ${n}\n`);
  }
  // CheckErr unwraps an aggregate of one; an aggregate of several prints one message per line, unprefixed.
  const lines = fatal.length === 1 && fatal[0] instanceof DrainError ? fatal[0].errors
    : fatal.map((e) => (e instanceof CmdError ? e.message.replace(/^error: /, '') : e.message));
  if (lines.length === 1) throw new CmdError(`error: ${lines[0]}`);
  if (lines.length > 1) {
    ctx.err(lines.map((l) => `${l}\n`).join(''));
    throw new ExitError(1);
  }
  return 0;
}

/** `kubectl drain NODE`. */
export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  flags: flagsFor('drain'),
  run: runDrain,
};
