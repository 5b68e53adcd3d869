// kubectl create -f FILENAME: create every object of the manifests. Models
// k8s.io/kubectl/pkg/cmd/create/create.go (ValidateArgs, RunCreate).
import type { KubeObject } from '../../../engine/api/types';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { AggregateError, CmdError, addSourceToErr } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy } from '../../cmdutil';
import { usageError } from '../../usage';
import { infosFromFiles } from '../../resource/builder';
import { target } from '../../request-util';
import { validationDirective, withSaveConfig } from './runner';
import { createDeploymentCommand } from './deployment';
import { createConfigMapCommand } from './configmap';
import { createSecretCommand } from './secret';
import { createServiceCommand } from './service';
import { createCronJobCommand, createJobCommand } from './job';
import { createIngressCommand } from './ingress';
import { createClusterRoleBindingCommand, createClusterRoleCommand, createRoleBindingCommand, createRoleCommand } from './rbac';
import { createNamespaceCommand, createPdbCommand, createPriorityClassCommand, createQuotaCommand,
  createServiceAccountCommand } from './misc';

async function runCreateFromFiles(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const files = p.flags.filename as string[];
  if (p.args.length) throw usageError(ctx, `Unexpected args: [${p.args.join(' ')}]`);
  if (!files.length && !(p.flags.kustomize as string)) throw new CmdError('error: must specify one of -f and -k');
  if (p.flags.kustomize) throw new CmdError('error: kustomize is not supported by this simulated kubectl');
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: p.flags.output as string, operation: 'created', dryRun,
    showManagedFields: p.flags['show-managed-fields'] as boolean });
  if (p.flags.edit) throw new CmdError('error: --edit is not supported by this simulated kubectl');
  const infos = infosFromFiles(ctx.env.fs, files, p.flags.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
  const errs: unknown[] = [];
  let count = 0;
  for (const i of infos) {
    let obj = withSaveConfig(i.obj!, p.flags['save-config'] as boolean);
    if (dryRun !== 'client') {
      const query: Record<string, string> = { fieldManager: (p.flags['field-manager'] as string) || 'kubectl-create',
        fieldValidation: validationDirective(p) };
      if (dryRun === 'server') query.dryRun = 'All';
      try {
        obj = await ctx.call<KubeObject>({ verb: 'create', ...target(i.info, i.namespace), body: obj, query });
      } catch (e) {
        errs.push(addSourceToErr('creating', i.source ?? '', e));
        continue;
      }
    }
    count++;
    printer.print(obj, i.info);
  }
  if (errs.length === 1) throw errs[0];
  if (errs.length > 1) throw new AggregateError(errs);
  if (count === 0) throw new CmdError('error: no objects passed to create');
  return 0;
}

/** `kubectl create -f FILENAME` and its subcommands. */
export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: flagsFor('create'),
  subcommands: [createClusterRoleCommand, createClusterRoleBindingCommand, createConfigMapCommand, createCronJobCommand,
    createDeploymentCommand, createIngressCommand, createJobCommand, createNamespaceCommand, createPdbCommand,
    createPriorityClassCommand, createQuotaCommand, createRoleCommand, createRoleBindingCommand, createSecretCommand,
    createServiceCommand, createServiceAccountCommand],
  run: runCreateFromFiles,
};
