// kubectl describe. Models k8s.io/kubectl/pkg/cmd/describe/describe.go: the builder (names, TYPE/NAME,
// selectors, -f, -A; ContinueOnError, Flatten), one describer per object, outputs separated by a blank line pair,
// NAME_PREFIX matching when `describe TYPE NAME` finds no object named NAME, and "No resources found".
import { StatusError } from '../../engine/api';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { AggregateError, CmdError } from '../errors';
import { describeClient, describerFor } from '../describe';
import { planRequests, visit, type BuilderOptions } from './get-builder';

const NO_TYPE = 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n';

/** `kubectl describe`. */
export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: flagsFor('describe'),
  run: runDescribe,
};

function isNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.status.reason === 'NotFound';
}

async function runDescribe(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const allNamespaces = p.flags['all-namespaces'] as boolean;
  const filenames = p.flags.filename as string[];
  if (p.args.length === 0 && filenames.length === 0 && !(p.flags.kustomize as string)) throw new CmdError(NO_TYPE);
  const settings = { chunkSize: p.flags['chunk-size'] as number, showEvents: p.flags['show-events'] as boolean };
  const bo: BuilderOptions = {
    namespace: allNamespaces ? '' : ctx.namespace,
    allNamespaces,
    explicitNamespace: ctx.namespaceExplicit && !allNamespaces,
    filenames,
    recursive: p.flags.recursive as boolean,
    labelSelector: (p.flags.selector as string) || undefined,
    chunkSize: settings.chunkSize,
  };
  const plan = planRequests(p.args, bo);
  const r = await visit(ctx, plan, bo);
  const client = describeClient(ctx, settings);
  if (r.errors.length && r.errors.every(isNotFound) && p.args.length === 2) {
    return describeMatching(ctx, client, p.args[0], p.args[1], r.errors[0], bo);
  }
  const errors: unknown[] = [...r.errors];
  const seen = new Set<string>();
  let first = true;
  for (const info of r.infos) {
    try {
      const s = await describerFor(info.mapping)(client, info.namespace, info.name);
      ctx.out(first ? s : `\n\n${s}`);
      first = false;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (seen.has(msg)) continue;
      seen.add(msg);
      errors.push(e);
    }
  }
  if (r.infos.length === 0 && errors.length === 0) {
    ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return 0;
}

// DescribeMatchingResources: every object of the type whose name starts with the prefix.
async function describeMatching(ctx: CmdContext, client: ReturnType<typeof describeClient>, resource: string, prefix: string,
  original: unknown, bo: BuilderOptions): Promise<number> {
  const o = { ...bo, allNamespaces: false, namespace: ctx.namespace, labelSelector: undefined, filenames: [], singleResourceType: true };
  const plan = planRequests([resource], o);
  const r = await visit(ctx, plan, o);
  if (r.errors.length) throw r.errors[0];
  let found = false;
  for (const info of r.infos) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    ctx.out(`${await describerFor(info.mapping)(client, info.namespace, info.name)}\n`);
  }
  if (!found) throw original;
  return 0;
}
