// kubectl api-resources. Models k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go: the server's preferred
// resources (subresources left out) filtered by --api-group, --namespaced, --verbs and --categories, stably
// sorted by group (or --sort-by name|kind) then name, in kubectl's tab writer.
import { RESOURCES, apiVersionOf } from '../../engine/api';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import { usageError } from '../usage';
import { KUBECTL_TABWRITER, TabWriter } from '../printers';

/** `kubectl api-resources`. */
export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: flagsFor('api-resources'),
  run: runAPIResources,
};

async function runAPIResources(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  if (p.args.length) throw usageError(ctx, `unexpected arguments: [${p.args.join(' ')}]`);
  const output = p.flags.output as string;
  const sortBy = p.flags['sort-by'] as string;
  if (!['', 'wide', 'name'].includes(output)) throw new CmdError(`error: --output ${output} is not available`);
  if (sortBy && !['name', 'kind'].includes(sortBy)) throw new CmdError('error: --sort-by accepts only name or kind');
  const group = p.flags['api-group'] as string;
  const groupChanged = p.changed.has('api-group');
  const nsChanged = p.changed.has('namespaced');
  const namespaced = p.flags.namespaced as boolean;
  const verbs = p.flags.verbs as string[];
  const categories = p.flags.categories as string[];
  const list = RESOURCES.filter((r) => r.verbs.length > 0
    && (!groupChanged || r.group === group)
    && (!nsChanged || r.namespaced === namespaced)
    && verbs.every((v) => r.verbs.includes(v))
    && categories.every((c) => r.categories.includes(c)));
  const key = (r: (typeof list)[number]) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  // sort.Stable: a merge of insertion-sorted blocks; any stable sort gives the same order.
  const sorted = list.map((r, i) => ({ r, i })).sort((a, b) => {
    const c = key(a.r) < key(b.r) ? -1 : key(a.r) > key(b.r) ? 1 : a.r.resource < b.r.resource ? -1 : a.r.resource > b.r.resource ? 1 : 0;
    return c !== 0 ? c : a.i - b.i;
  }).map((x) => x.r);
  const w = new TabWriter(KUBECTL_TABWRITER, (t) => ctx.out(t));
  if (!(p.flags['no-headers'] as boolean) && output !== 'name') {
    w.write(`${['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t')}\n`);
  }
  for (const r of sorted) {
    if (output === 'name') w.write(`${r.group ? `${r.resource}.${r.group}` : r.resource}\n`);
    else {
      const cells = [r.resource, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind];
      if (output === 'wide') cells.push(r.verbs.join(','), r.categories.join(','));
      w.write(`${cells.join('\t')}\n`);
    }
  }
  w.flush();
  return 0;
}
