// kubectl replace -f. Models k8s.io/kubectl/pkg/cmd/replace/replace.go: a PUT of each object (with the live
// resourceVersion when the file has none), "replaced"; --force deletes, waits, and creates instead.
import type { KubeObject } from '../../engine/api/types';
import { isNotFound } from '../../engine/api/errors';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, addSourceToErr } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, untilWithSync } from '../cmdutil';
import { infosFromFiles } from '../resource/builder';
import { kindPrefix, target } from '../request-util';
import { validationDirective, withSaveConfig } from './create';
import { finishWithErrors } from './label';

async function runReplace(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: 'replaced', dryRun,
    showManagedFields: f['show-managed-fields'] as boolean });
  const files = f.filename as string[];
  if (!files.length && !(f.kustomize as string)) throw new CmdError('error: must specify one of -f and -k');
  const grace = f['grace-period'] as number;
  const force = f.force as boolean;
  if (grace >= 0 && !force) throw new CmdError('error: --grace-period must have --force specified');
  if ((f.timeout as number) > 0 && !force) throw new CmdError('error: --timeout must have --force specified');
  const infos = infosFromFiles(ctx.env.fs, files, f.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
  const errors: unknown[] = [];
  const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-replace', fieldValidation: validationDirective(p) };
  if (dryRun === 'server') query.dryRun = 'All';
  if (force) {
    // forceReplace: delete everything first (waiting until each is gone), then create.
    for (const i of infos) {
      try {
        const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: f.cascade === 'orphan' ? 'Orphan' : f.cascade === 'foreground' ? 'Foreground' : 'Background' };
        if (grace >= 0) body.gracePeriodSeconds = grace;
        await ctx.call({ verb: 'delete', ...target(i.info, i.namespace, i.name), body });
        ctx.out(`${kindPrefix(i.info)} "${i.name}" deleted\n`);
        await untilWithSync(ctx, { info: i.info, namespace: i.namespace, name: i.name }, (f.timeout as number) || 0, (ev) =>
          ev.type === 'DELETED' || (ev.type === 'SYNC' && ev.items.length === 0));
      } catch (e) {
        if (!isNotFound(e)) errors.push(e);
      }
    }
    for (const i of infos) {
      try {
        const obj = withSaveConfig(i.obj!, f['save-config'] as boolean);
        const { resourceVersion: _rv, ...meta } = obj.metadata ?? {};
        const created = dryRun === 'client' ? obj
          : await ctx.call<KubeObject>({ verb: 'create', ...target(i.info, i.namespace), body: { ...obj, metadata: meta }, query });
        printer.print(created, i.info);
      } catch (e) {
        errors.push(addSourceToErr('creating', i.source ?? '', e));
      }
    }
    return finishWithErrors(ctx, errors);
  }
  for (const i of infos) {
    try {
      let obj = withSaveConfig(i.obj!, f['save-config'] as boolean);
      if (dryRun !== 'client') {
        if (!obj.metadata?.resourceVersion) {
          // resource.Helper.Replace with overwrite: take the live resourceVersion.
          const live = await ctx.call<KubeObject>({ verb: 'get', ...target(i.info, i.namespace, i.name) });
          obj = { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata?.resourceVersion } };
        }
        obj = await ctx.call<KubeObject>({ verb: 'update', ...target(i.info, i.namespace, i.name), body: obj, query });
      }
      printer.print(obj, i.info);
    } catch (e) {
      errors.push(addSourceToErr('replacing', i.source ?? '', e));
    }
  }
  if (!infos.length && !errors.length) throw new CmdError('error: no objects passed to replace');
  return finishWithErrors(ctx, errors);
}

/** `kubectl replace -f FILENAME`. */
export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  flags: flagsFor('replace'),
  run: runReplace,
};
