// kubectl cordon and uncordon, and the cordoning drain starts with. Models k8s.io/kubectl/pkg/cmd/drain/drain.go
// (RunCordonOrUncordon) and pkg/drain/cordon.go (CordonHelper: a strategic patch of spec.unschedulable).
import type { KubeObject, Node } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { ExitError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, type DryRun } from '../../cmdutil';
import { usageError } from '../../usage';
import { visitResources, type VisitedInfo } from '../../resource/visit';
import { target } from '../../request-util';

/** The nodes resource. */
export const NODES = resourceFor('', 'nodes') as ResourceInfo;

/** The nodes a cordon/uncordon/drain line names: NODE… or -l SELECTOR (the builder with ResourceNames("nodes")). */
export async function nodeInfos(ctx: CmdContext, p: ParsedArgs, verb: string): Promise<VisitedInfo[]> {
  const selector = p.flags.selector as string;
  if (!p.args.length && !selector) throw usageError(ctx, `USAGE: ${verb} NODE [flags]`);
  const args = p.args.length ? ['nodes', ...p.args] : ['nodes'];
  const visited = await visitResources(ctx, args, { selector });
  if (visited.errors.length) throw visited.errors[0];
  return visited.infos;
}

/** RunCordonOrUncordon: "cordoned", "already cordoned", "uncordoned", "already uncordoned". */
export async function cordonOrUncordon(ctx: CmdContext, p: ParsedArgs, infos: VisitedInfo[], desired: boolean, dryRun: DryRun): Promise<boolean> {
  const op = desired ? 'cordon' : 'uncordon';
  let failed = false;
  for (const i of infos) {
    const printer = (operation: string) => new ObjectPrinter(ctx, { output: (p.flags.output as string | undefined) ?? '', operation, dryRun });
    const node = i.obj as Node;
    if (!!node.spec?.unschedulable === desired) {
      printer(`already ${op}ed`).print(i.obj, i.info);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        const query: Record<string, string> = dryRun === 'server' ? { dryRun: 'All' } : {};
        await ctx.call<KubeObject>({ verb: 'patch', ...target(NODES, undefined, i.name), patchType: 'application/strategic-merge-patch+json',
          body: { spec: { unschedulable: desired ? true : null } }, query });
      } catch (e) {
        ctx.err(`error: unable to ${op} node ${JSON.stringify(i.name)}: ${(e as Error).message}\n`);
        failed = true;
        continue;
      }
    }
    printer(`${op}ed`).print(i.obj, i.info);
  }
  return failed;
}

function cordonCommand(name: 'cordon' | 'uncordon', short: string): Command {
  return {
    name,
    short,
    flags: flagsFor(name),
    async run(p, ctx) {
      const dryRun = getDryRunStrategy(p, ctx);
      const infos = await nodeInfos(ctx, p, name);
      if (await cordonOrUncordon(ctx, p, infos, name === 'cordon', dryRun)) throw new ExitError(1);
      return 0;
    },
  };
}

/** `kubectl cordon NODE`. */
export const cordonCommandDef = cordonCommand('cordon', 'Mark node as unschedulable');
/** `kubectl uncordon NODE`. */
export const uncordonCommandDef = cordonCommand('uncordon', 'Mark node as schedulable');
