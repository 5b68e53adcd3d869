// kubectl rollout history. Models k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go: the name printer with
// the history table as its "operation" ("deployment.apps/web \nREVISION  CHANGE-CAUSE\n…").
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter } from '../../cmdutil';
import { visitResources } from '../../resource/visit';
import { finishWithErrors } from '../label';
import { viewHistory, viewRevision } from './viewers';

async function runHistory(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  if (!p.args.length && !(f.filename as string[]).length) throw new CmdError('error: required resource not specified');
  const revision = f.revision as number;
  if (revision < 0) throw new CmdError(`error: revision must be a positive integer: ${revision}`);
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, all: true });
  const errors: unknown[] = [...visited.errors];
  for (const i of visited.infos) {
    try {
      const history = revision > 0 ? await viewRevision(ctx, i.info, i.obj, revision) : await viewHistory(ctx, i.info, i.obj);
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: `${withRevision}\n${history}`, dryRun: 'none',
        showManagedFields: f['show-managed-fields'] as boolean }).print(i.obj, i.info);
    } catch (e) {
      errors.push(e);
    }
  }
  return finishWithErrors(ctx, errors);
}

/** `kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]`. */
export const rolloutHistoryCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  flags: flagsFor('rollout history'),
  run: runHistory,
};
