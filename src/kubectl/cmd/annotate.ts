// kubectl annotate. Models k8s.io/kubectl/pkg/cmd/annotate/annotate.go: like label, but ParsePairs
// syntax, "annotated" always, and the server's answer printed.
import type { KubeObject } from '../../engine/api/types';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, getResourcesAndPairs, parsePairs } from '../cmdutil';
import { visitResources } from '../resource/visit';
import { editMetaMap, finishWithErrors, sendMergePatch, validateMetaCommand } from './label';

async function runAnnotate(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, operation: 'annotated', dryRun,
    showManagedFields: f['show-managed-fields'] as boolean });
  if (f.list && f.output) throw new CmdError('error: --list and --output may not be specified together');
  const { resources, pairs } = getResourcesAndPairs(p.args, 'annotation');
  const { set, remove } = parsePairs(pairs, 'annotation', true);
  validateMetaCommand(p, resources, 'annotation', dryRun);
  if (!set.size && !remove.length && !f.list) throw new CmdError('error: at least one annotation update is required');
  const both = remove.filter((r) => set.has(r));
  if (both.length) throw new CmdError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  const visited = await visitResources(ctx, resources, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, fieldSelector: f['field-selector'] as string, all: f.all as boolean,
    allNamespaces: f['all-namespaces'] as boolean, local: f.local as boolean });
  const one = visited.infos.length + visited.errors.length === 1 && !f.selector && !f.all;
  if (!one && f['resource-version']) throw new CmdError('error: --resource-version may only be used with a single resource');
  const errors: unknown[] = [...visited.errors];
  for (const i of visited.infos) {
    try {
      const edit = { field: 'annotations' as const, set, remove, overwrite: f.overwrite as boolean, resourceVersion: f['resource-version'] as string };
      let out: KubeObject;
      if (dryRun === 'client' || f.local || f.list) {
        out = editMetaMap(i.obj, edit);
      } else {
        const before = f['resource-version'] ? { ...i.obj, metadata: { ...i.obj.metadata, resourceVersion: '' } } : i.obj;
        out = await sendMergePatch(ctx, i, before, editMetaMap(before, edit), dryRun, (f['field-manager'] as string) || 'kubectl-annotate');
      }
      if (f.list) {
        const ann = out.metadata?.annotations ?? {};
        if (!one) ctx.out(`Listing annotations for ${i.info.kind}.${i.info.group}/${i.name}:\n`);
        for (const k of Object.keys(ann)) ctx.out(`${one ? '' : ' '}${k}=${ann[k]}\n`);
        continue;
      }
      printer.print(out, i.info);
    } catch (e) {
      errors.push(e);
    }
  }
  return finishWithErrors(ctx, errors);
}

/** `kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N`. */
export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  flags: flagsFor('annotate'),
  run: runAnnotate,
};
