// kubectl top node|pod: k8s.io/kubectl/pkg/cmd/top (top_node.go, top_pod.go) and pkg/metricsutil (the
// printer and sorters). Needs the Metrics API (metrics.k8s.io/v1beta1, served by metrics-server); without
// it, as on a cluster without the addon: "error: Metrics API not available".
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import { usageError } from '../usage';
import type { KubeObject } from '../../engine/api/types';
import { RESOURCES } from '../../engine/api/kinds';
import { quantityMilli, quantityValue } from '../../engine/api/quantity';
import { KUBECTL_TABWRITER, TabWriter, goSortArray } from '../printers';

type Usage = Record<string, string | undefined>;
interface NodeMetrics extends KubeObject { usage?: Usage }
interface PodMetrics extends KubeObject { containers?: { name: string; usage?: Usage }[] }

const METRICS_GROUP = 'metrics.k8s.io';

/**
 * SupportedMetricsAPIVersionAvailable: does the server serve metrics.k8s.io/v1beta1? Built-in groups come
 * from the registry; the Metrics API is an extension API server's (metrics-server's APIService), so
 * its presence is asked of the server (a 404 means no such group).
 */
async function metricsAvailable(ctx: CmdContext): Promise<boolean> {
  if (RESOURCES.some((r) => r.group === METRICS_GROUP && r.version === 'v1beta1')) return true;
  const res = await ctx.send({ verb: 'list', group: METRICS_GROUP, version: 'v1beta1', resource: 'nodes', query: { limit: '1' } });
  return res.code !== 404;
}

const cpuMilli = (u: Usage | undefined) => quantityMilli(u?.cpu ?? '0');
const memValue = (u: Usage | undefined) => quantityValue(u?.memory ?? '0');

// printSingleResourceUsage + the available fraction.
function usageCells(u: Usage | undefined, available?: Usage): string[] {
  const cells: string[] = [];
  const cpu = cpuMilli(u);
  cells.push(`${cpu}m`);
  if (available?.cpu !== undefined) cells.push(`${Math.trunc((cpu / quantityMilli(available.cpu)) * 100)}%`);
  const mem = memValue(u);
  cells.push(`${Math.trunc(mem / (1024 * 1024))}Mi`);
  if (available?.memory !== undefined) cells.push(`${Math.trunc((quantityMilli(available.memory) === 0 ? Infinity : (mem * 1000) / quantityMilli(available.memory)) * 100)}%`);
  return cells;
}

const line = (cells: string[]) => `${cells.map((c) => `${c}\t`).join('')}\n`;

function checkSortBy(sortBy: string): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new CmdError('error: --sort-by accepts only cpu or memory');
}

async function list<T>(ctx: CmdContext, resource: string, namespace: string | undefined, name: string, query: Record<string, string>): Promise<T[]> {
  const base = { group: METRICS_GROUP, version: 'v1beta1', resource, ...(namespace ? { namespace } : {}) };
  if (name) return [await ctx.call<T>({ verb: 'get', ...base, name })];
  return (await ctx.call<{ items?: T[] }>({ verb: 'list', ...base, query })).items ?? [];
}

const topNode: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  flags: flagsFor('top node'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    if (p.args.length > 1) throw usageError(ctx, 'node [NAME | -l label]');
    const name = p.args[0] ?? '';
    const selector = (p.flags.selector as string) ?? '';
    const sortBy = (p.flags['sort-by'] as string) ?? '';
    checkSortBy(sortBy);
    if (name && selector) throw new CmdError('error: only one of NAME or --selector can be provided');
    if (!(await metricsAvailable(ctx))) throw new CmdError('error: Metrics API not available');
    const metrics = await list<NodeMetrics>(ctx, 'nodes', undefined, name, selector ? { labelSelector: selector } : {});
    if (metrics.length === 0) throw new CmdError('error: metrics not available yet');
    const nodes = name ? [await ctx.call<KubeObject>({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name })]
      : (await ctx.call<{ items?: KubeObject[] }>({ verb: 'list', group: '', version: 'v1', resource: 'nodes', query: selector ? { labelSelector: selector } : {} })).items ?? [];
    const available = new Map<string, Usage>();
    for (const n of nodes) {
      const st = (n as { status?: { allocatable?: Usage; capacity?: Usage } }).status;
      available.set(n.metadata?.name ?? '', (p.flags['show-capacity'] ? st?.capacity : st?.allocatable) ?? {});
    }
    const sorted = goSortArray([...metrics], (a, b) => (sortBy === 'cpu' ? cpuMilli(a.usage) > cpuMilli(b.usage)
      : sortBy === 'memory' ? memValue(a.usage) > memValue(b.usage) : (a.metadata?.name ?? '') < (b.metadata?.name ?? '')));
    const w = new TabWriter(KUBECTL_TABWRITER);
    if (!p.flags['no-headers']) w.write(line(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']));
    for (const m of sorted) {
      const n = m.metadata?.name ?? '';
      w.write(line([n, ...usageCells(m.usage, available.get(n))]));
      available.delete(n);
    }
    for (const n of available.keys()) w.write(line([n, '<unknown>', '<unknown>', '<unknown>', '<unknown>']));
    w.flush();
    ctx.out(w.take());
    return 0;
  },
};

function podUsage(m: PodMetrics): Usage {
  let cpu = 0;
  let mem = 0;
  for (const c of m.containers ?? []) {
    cpu += cpuMilli(c.usage);
    mem += memValue(c.usage);
  }
  return { cpu: `${cpu}m`, memory: String(mem) };
}

const topPod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  flags: flagsFor('top pod'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    if (p.args.length > 1) throw usageError(ctx, 'pod [NAME | -l label]');
    const name = p.args[0] ?? '';
    const selector = (p.flags.selector as string) ?? '';
    const fieldSelector = (p.flags['field-selector'] as string) ?? '';
    const sortBy = (p.flags['sort-by'] as string) ?? '';
    const allNamespaces = p.flags['all-namespaces'] as boolean;
    const containers = p.flags.containers as boolean;
    checkSortBy(sortBy);
    if (name && (selector || fieldSelector)) throw new CmdError('error: only one of NAME or selector can be provided');
    if (!(await metricsAvailable(ctx))) throw new CmdError('error: Metrics API not available');
    const query: Record<string, string> = {};
    if (selector) query.labelSelector = selector;
    if (fieldSelector) query.fieldSelector = fieldSelector;
    const metrics = await list<PodMetrics>(ctx, 'pods', allNamespaces ? undefined : ctx.namespace, name, query);
    if (metrics.length === 0) {
      // verifyEmptyMetrics: pods older than a minute should have metrics by now.
      const pods = name ? [await ctx.call<KubeObject>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: ctx.namespace, name })]
        : (await ctx.call<{ items?: KubeObject[] }>({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: ctx.namespace, query })).items ?? [];
      if (pods.length > 0) {
        for (const pod of pods) {
          const age = ctx.env.now() - Date.parse(pod.metadata?.creationTimestamp ?? '');
          if (age > 60_000) throw new CmdError(`error: Metrics not available for pod ${pod.metadata?.namespace}/${pod.metadata?.name}, age: ${goDuration(age)}`);
        }
        throw new CmdError('error: metrics not available yet');
      }
      ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    const w = new TabWriter(KUBECTL_TABWRITER);
    let width = 3;
    if (!p.flags['no-headers']) {
      let head = '';
      if (allNamespaces) { head += 'NAMESPACE\t'; width++; }
      if (containers) { head += 'POD\t'; width++; }
      w.write(head + line(['NAME', 'CPU(cores)', 'MEMORY(bytes)']));
    }
    const usage = new Map(metrics.map((m) => [m, podUsage(m)] as const));
    const sorted = goSortArray([...metrics], (a, b) => {
      if (sortBy === 'cpu') return cpuMilli(usage.get(a)) > cpuMilli(usage.get(b));
      if (sortBy === 'memory') return memValue(usage.get(a)) > memValue(usage.get(b));
      if (allNamespaces && a.metadata?.namespace !== b.metadata?.namespace) return (a.metadata?.namespace ?? '') < (b.metadata?.namespace ?? '');
      return (a.metadata?.name ?? '') < (b.metadata?.name ?? '');
    });
    for (const m of sorted) {
      const ns = allNamespaces ? `${m.metadata?.namespace ?? ''}\t` : '';
      if (containers) {
        const cs = goSortArray([...(m.containers ?? [])], (a, b) => (sortBy === 'cpu' ? cpuMilli(a.usage) > cpuMilli(b.usage)
          : sortBy === 'memory' ? memValue(a.usage) > memValue(b.usage) : a.name < b.name));
        for (const c of cs) w.write(`${ns}${m.metadata?.name ?? ''}\t${line([c.name, ...usageCells(c.usage)])}`);
      } else w.write(ns + line([m.metadata?.name ?? '', ...usageCells(usage.get(m))]));
    }
    if (p.flags.sum) {
      const total = { cpu: `${sorted.reduce((s, m) => s + cpuMilli(usage.get(m)), 0)}m`, memory: String(sorted.reduce((s, m) => s + memValue(usage.get(m)), 0)) };
      w.write(line([...Array<string>(width - 2).fill(''), '________', '________']));
      w.write(`${'\t'.repeat(Math.max(0, width - 3))}${line(['', ...usageCells(total)])}`);
    }
    w.flush();
    ctx.out(w.take());
    return 0;
  },
};

/** time.Duration.String() of milliseconds. */
function goDuration(ms: number): string {
  const s = ms / 1000;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Number((s % 60).toFixed(3)).toString();
  return h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`;
}

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  flags: flagsFor('top'),
  subcommands: [topNode, topPod],
};
