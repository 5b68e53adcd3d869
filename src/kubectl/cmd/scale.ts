// kubectl scale. Models k8s.io/kubectl/pkg/cmd/scale/scale.go and pkg/scale/scale.go: a merge patch of
// /scale (a GET and PUT when --current-replicas or --resource-version set a precondition), "scaled";
// with --timeout, wait until the status shows the new size.
import type { KubeObject } from '../../engine/api/types';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy } from '../cmdutil';
import { visitResources, type VisitedInfo } from '../resource/visit';
import { target } from '../request-util';
import { finishWithErrors } from './label';

type Scale = KubeObject & { spec?: { replicas?: number }; status?: { replicas?: number } };

// ScaleSimple: preconditions need the current Scale (and an update carrying its resourceVersion).
async function scaleOne(ctx: CmdContext, i: VisitedInfo, replicas: number, current: number, rv: string, dryRun: boolean): Promise<void> {
  const req = { ...target(i.info, i.namespace, i.name), subresource: 'scale' };
  const query: Record<string, string> = {};
  if (dryRun) query.dryRun = 'All';
  if (current !== -1 || rv) {
    const scale = await ctx.call<Scale>({ verb: 'get', ...req });
    const have = scale.spec?.replicas ?? 0;
    if (current !== -1 && have !== current) throw new CmdError(`error: Expected replicas to be ${current}, was ${have}`);
    if (rv && scale.metadata?.resourceVersion !== rv) {
      throw new CmdError(`error: Expected resource version to be ${rv}, was ${scale.metadata?.resourceVersion ?? ''}`);
    }
    const body = { ...scale, spec: { ...scale.spec, replicas } };
    await ctx.call({ verb: 'update', ...req, body, query });
    return;
  }
  await ctx.call({ verb: 'patch', ...req, patchType: 'application/merge-patch+json', body: { spec: { replicas } }, query });
}

// WaitForScaleHasDesiredReplicas: poll the Scale until status.replicas is the new size.
async function waitForReplicas(ctx: CmdContext, i: VisitedInfo, replicas: number, timeoutMs: number): Promise<void> {
  const deadline = ctx.env.now() + timeoutMs;
  for (;;) {
    const s = await ctx.call<Scale>({ verb: 'get', ...target(i.info, i.namespace, i.name), subresource: 'scale' });
    if ((s.status?.replicas ?? 0) === replicas) return;
    if (ctx.env.now() >= deadline || !ctx.env.sleep) throw new CmdError('error: timed out waiting for the condition');
    await ctx.env.sleep(1000, ctx.env.signal);
  }
}

async function runScale(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: 'scaled', dryRun,
    showManagedFields: f['show-managed-fields'] as boolean });
  const replicas = f.replicas as number;
  const current = f['current-replicas'] as number;
  if (replicas < 0) throw new CmdError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw new CmdError('error: The --current-replicas must specify an integer of -1 or greater');
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, all: f.all as boolean });
  const rv = f['resource-version'] as string;
  if (rv && visited.infos.length > 1) throw new CmdError('error: cannot use --resource-version with multiple resources');
  const errors: unknown[] = [...visited.errors];
  for (const i of visited.infos) {
    try {
      if (dryRun !== 'client') {
        await scaleOne(ctx, i, replicas, current, rv, dryRun === 'server');
        const timeout = f.timeout as number;
        if (timeout > 0 && dryRun === 'none') await waitForReplicas(ctx, i, replicas, timeout);
      }
      printer.print(i.obj, i.info);
    } catch (e) {
      errors.push(e);
    }
  }
  if (!visited.infos.length && !errors.length) throw new CmdError('error: no objects passed to scale');
  return finishWithErrors(ctx, errors);
}

/** `kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)`. */
export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: flagsFor('scale'),
  run: runScale,
};
