// kubectl rollout undo. Models k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go and
// polymorphichelpers/rollback.go: a Deployment gets its old ReplicaSet's template back through a JSON
// patch; a StatefulSet or DaemonSet its ControllerRevision's data as a strategic merge patch.
import type { Deployment, KubeObject, PodTemplateSpec } from '../../../engine/api/types';
import { deepEqual } from '../../../engine/api/meta';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, type DryRun } from '../../cmdutil';
import { visitResources, type VisitedInfo } from '../../resource/visit';
import { target } from '../../request-util';
import { finishWithErrors } from '../label';
import { controllerRevisions, deploymentReplicaSets, groupKind, printTemplate } from './viewers';
import { strategicMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import { apiVersionOf } from '../../../engine/api/kinds';

const HASH = 'pod-template-hash';
// Annotations a rollback keeps from the Deployment rather than copying from the ReplicaSet.
const SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to']);

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const c = structuredClone(t ?? {}) as PodTemplateSpec;
  if (c.metadata?.labels) {
    delete c.metadata.labels[HASH];
  }
  return c;
}

async function rollbackDeployment(ctx: CmdContext, i: VisitedInfo, toRevision: number, dryRun: DryRun): Promise<string> {
  const d = await ctx.call<Deployment>({ verb: 'get', ...target(i.info, i.namespace, i.name) });
  const all = await deploymentReplicaSets(ctx, d);
  let chosen;
  if (toRevision > 0) {
    chosen = all.find((x) => x.revision === toRevision);
    if (!chosen) throw new CmdError(`error: unable to find specified revision ${toRevision} in history`);
  } else {
    const sorted = [...all].sort((a, b) => b.revision - a.revision);
    chosen = sorted[1];
    if (!chosen) throw new CmdError(`error: no rollout history found for deployment ${JSON.stringify(d.metadata?.name ?? '')}`);
  }
  if (dryRun === 'client') return printTemplate(chosen.rs.spec?.template);
  if (d.spec?.paused) throw new CmdError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const template = withoutHash(chosen.rs.spec?.template);
  if (deepEqual(template, withoutHash(d.spec?.template))) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const annotations: Record<string, string> = {};
  for (const k of SKIP) {
    const v = d.metadata?.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(chosen.rs.metadata?.annotations ?? {})) if (!SKIP.has(k)) annotations[k] = v;
  const patch = [{ op: 'replace', path: '/spec/template', value: template }, { op: 'replace', path: '/metadata/annotations', value: annotations }];
  const query: Record<string, string> = dryRun === 'server' ? { dryRun: 'All' } : {};
  try {
    await ctx.call({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/json-patch+json', body: patch, query });
  } catch (e) {
    throw new CmdError(`error: failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}

// StatefulSet and DaemonSet: ControllerRevision data is a strategic merge patch of spec.template.
async function rollbackByHistory(ctx: CmdContext, i: VisitedInfo, toRevision: number, dryRun: DryRun): Promise<string> {
  const history = (await controllerRevisions(ctx, i.obj)).sort((a, b) => a.revision - b.revision);
  if (toRevision === 0 && history.length <= 1) throw new CmdError('error: no last revision to roll back to');
  const to = toRevision === 0 ? history[history.length - 2] : history.find((h) => h.revision === toRevision);
  if (!to) throw new CmdError(`error: unable to find specified revision ${toRevision} in history`);
  const data = to.data as { spec?: { template?: unknown } } | undefined;
  if (dryRun === 'client') {
    const applied = strategicMergePatch(i.obj, to.data, patchMetaFor(apiVersionOf(i.info), i.info.kind)) as KubeObject;
    return `will roll back to ${printTemplate((applied.spec as { template?: unknown } | undefined)?.template)}`;
  }
  const current = (i.obj.spec as { template?: unknown } | undefined)?.template;
  const { $patch: _p, ...wanted } = (data?.spec?.template ?? {}) as Record<string, unknown>;
  if (deepEqual(wanted, current)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const query: Record<string, string> = dryRun === 'server' ? { dryRun: 'All' } : {};
  try {
    await ctx.call({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/strategic-merge-patch+json', body: data, query });
  } catch (e) {
    throw new CmdError(`error: failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}

async function runUndo(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  if (!p.args.length && !(f.filename as string[]).length) throw new CmdError('error: required resource not specified');
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, all: true });
  const errors: unknown[] = [...visited.errors];
  const toRevision = f['to-revision'] as number;
  for (const i of visited.infos) {
    try {
      let result: string;
      if (i.info.group === 'apps' && i.info.kind === 'Deployment') result = await rollbackDeployment(ctx, i, toRevision, dryRun);
      else if (i.info.group === 'apps' && (i.info.kind === 'StatefulSet' || i.info.kind === 'DaemonSet')) result = await rollbackByHistory(ctx, i, toRevision, dryRun);
      else throw new CmdError(`error: no rollbacker has been implemented for ${JSON.stringify(groupKind(i.info))}`);
      new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: result, dryRun,
        showManagedFields: f['show-managed-fields'] as boolean }).print(i.obj as KubeObject, i.info);
    } catch (e) {
      errors.push(e);
    }
  }
  return finishWithErrors(ctx, errors);
}

/** `kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]`. */
export const rolloutUndoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: flagsFor('rollout undo'),
  run: runUndo,
};
