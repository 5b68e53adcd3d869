// kubectl delete. Models k8s.io/kubectl/pkg/cmd/delete/delete.go (Complete, Validate, DeleteResult, PrintObj):
// by name, TYPE/NAME, -f, -l, --field-selector, --all, -A; `pod "x" deleted` ("force deleted" with
// --grace-period=0 --force); then, unless --wait=false, wait until every deleted object is gone.
import type { ApiStatus, KubeObject } from '../../engine/api/types';
import { isNotFound } from '../../engine/api/errors';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, addSourceToErr } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { getDryRunStrategy, untilWithSync, type DryRun } from '../cmdutil';
import { infosFromFiles, type Info } from '../resource/builder';
import { MISSING_RESOURCE_ERROR, parseResourceArgs } from '../resource/visit';
import { kindPrefix, target } from '../request-util';
import { finishWithErrors } from './label';

/** GetCascadingStrategy. */
function cascadingStrategy(ctx: CmdContext, value: string): string {
  switch (value) {
    case 'background': return 'Background';
    case 'foreground': return 'Foreground';
    case 'orphan': return 'Orphan';
    case 'true':
      ctx.err('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'false':
      ctx.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      throw new CmdError(`error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
}

// The builder with RequireObject(false): names are not fetched; selectors list.
async function targets(p: ParsedArgs, ctx: CmdContext): Promise<Info[]> {
  const f = p.flags;
  const files = f.filename as string[];
  if (files.length) {
    if (p.args.length) throw new CmdError(`error: Unexpected args: [${p.args.join(' ')}]`);
    return infosFromFiles(ctx.env.fs, files, f.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
  }
  if (!p.args.length) throw new CmdError(MISSING_RESOURCE_ERROR);
  const parsed = parseResourceArgs(p.args);
  const sel = f.selector as string;
  const fieldSel = f['field-selector'] as string;
  if ('pairs' in parsed) return parsed.pairs.map((x) => ({ info: x.info, name: x.name, namespace: x.info.namespaced ? ctx.namespace : '' }));
  if (parsed.names.length) {
    if (sel || fieldSel) throw new CmdError('error: name cannot be provided when a selector is specified');
    return parsed.types.flatMap((info) => parsed.names.map((name) => ({ info, name, namespace: info.namespaced ? ctx.namespace : '' })));
  }
  if (!sel && !fieldSel && !f.all) throw new CmdError('error: resource(s) were provided, but no name was specified');
  const out: Info[] = [];
  const allNs = f['all-namespaces'] as boolean;
  for (const info of parsed.types) {
    const query: Record<string, string> = {};
    if (sel) query.labelSelector = sel;
    if (fieldSel) query.fieldSelector = fieldSel;
    const list = await ctx.call<{ items: KubeObject[] }>({ verb: 'list', ...target(info, allNs ? undefined : ctx.namespace), query });
    for (const it of list.items) out.push({ info, name: it.metadata?.name ?? '', namespace: it.metadata?.namespace ?? '' });
  }
  return out;
}

/** PrintObj: `pod "x" deleted`, or pod/x with -o name. */
function printDeleted(ctx: CmdContext, i: Info, grace: number, dryRun: DryRun, output: string): void {
  let op = grace === 0 ? 'force deleted' : 'deleted';
  if (dryRun === 'client') op += ' (dry run)';
  if (dryRun === 'server') op += ' (server dry run)';
  if (output === 'name') ctx.out(`${kindPrefix(i.info)}/${i.name}\n`);
  else ctx.out(`${kindPrefix(i.info)} "${i.name}" ${op}\n`);
}

// cmdutil.AskForConfirmation: a "y" line continues.
function confirmed(ctx: CmdContext): boolean {
  ctx.err('Do you want to continue? (y/n): ');
  const answer = (ctx.io.stdin ?? '').split('\n')[0].trim().toLowerCase();
  return answer === 'y';
}

async function runDelete(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const sel = f.selector as string;
  const fieldSel = f['field-selector'] as string;
  let ignoreNotFound = f['ignore-not-found'] as boolean;
  if ((f.all || sel || fieldSel) && !p.changed.has('ignore-not-found')) ignoreNotFound = true;
  let grace = f['grace-period'] as number;
  if (f.now) {
    if (grace !== -1) throw new CmdError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = f.force as boolean;
  // --grace-period=0 without --force becomes 1 (backwards compatible, but no immediate deletion).
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const dryRun = getDryRunStrategy(p, ctx);
  const cascade = cascadingStrategy(ctx, f.cascade as string);
  const output = f.output as string;
  if (output && output !== 'name') throw new CmdError(`error: unexpected -o output mode: ${output}. We only support '-o name'`);
  // The builder refuses --all with a selector (the trailing space is kubectl's).
  if (f.all && (sel || fieldSel)) throw new CmdError("error: setting 'all' parameter but found a non empty selector. ");
  if (grace === 0 && force) {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  } else if (grace > 0 && force) {
    throw new CmdError('error: --force and --grace-period greater than 0 cannot be specified together');
  }
  if (f.kustomize) throw new CmdError('error: kustomize is not supported by this simulated kubectl');
  const infos = await targets(p, ctx);
  if (f.interactive) {
    if (!infos.length) {
      ctx.out('No resources found\n');
      return 0;
    }
    ctx.out(`You are about to delete the following ${infos.length} resource(s):\n`);
    for (const i of infos) ctx.out(`${kindPrefix(i.info)}/${i.name}\n`);
    if (!confirmed(ctx)) {
      ctx.out('deletion is cancelled\n');
      return 0;
    }
  }
  const errors: unknown[] = [];
  const deleted: { i: Info; uid?: string }[] = [];
  let warnClusterScope = ctx.namespaceExplicit && !(f['all-namespaces'] as boolean);
  for (const i of infos) {
    if (warnClusterScope && !i.info.namespaced) {
      ctx.err('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (dryRun === 'client') {
      deleted.push({ i });
      printDeleted(ctx, i, grace, dryRun, output);
      continue;
    }
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: cascade };
    if (grace >= 0) body.gracePeriodSeconds = grace;
    try {
      const res = await ctx.call<KubeObject | ApiStatus>({ verb: 'delete', ...target(i.info, i.namespace, i.name), body,
        query: dryRun === 'server' ? { dryRun: 'All' } : undefined });
      printDeleted(ctx, i, grace, dryRun, output);
      deleted.push({ i, uid: (res as ApiStatus).details?.uid ?? (res as KubeObject).metadata?.uid });
    } catch (e) {
      if (isNotFound(e) && ignoreNotFound) continue;
      errors.push(addSourceToErr('deleting', i.source ?? '', e));
    }
  }
  if (errors.length) return finishWithErrors(ctx, errors);
  // found counts every object visited, ignored NotFound ones included.
  if (!infos.length) {
    ctx.out('No resources found\n');
    return 0;
  }
  if (!f.wait || dryRun !== 'none') return 0;
  // The wait: each object until a DELETED event (or it is gone, or replaced by one with another UID).
  const timeout = (f.timeout as number) || 168 * 3_600_000;
  for (const { i, uid } of deleted) {
    const res = await untilWithSync(ctx, { info: i.info, namespace: i.namespace || undefined, name: i.name }, timeout, (ev) =>
      ev.type === 'DELETED' || (ev.type === 'SYNC' && !ev.items.some((o) => !uid || o.metadata?.uid === uid)));
    if (res === 'timeout') throw new CmdError(`error: timed out waiting for the condition on ${i.info.resource}/${i.name}`);
    if (res === 'aborted') return 130;
  }
  return 0;
}

/** `kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])`. */
export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: flagsFor('delete'),
  run: runDelete,
};

