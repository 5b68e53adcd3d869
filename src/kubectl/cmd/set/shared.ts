// What the set subcommands share: the pod spec inside a workload (polymorphichelpers.UpdatePodSpecForObject),
// and set.CalculatePatches + the patch loop: mutate a copy, send the strategic merge patch of the
// difference, skip objects without a change, print "<kind>/<name> <operation>".
import type { KubeObject, PodSpec } from '../../../engine/api/types';
import { apiVersionOf } from '../../../engine/api/kinds';
import { createTwoWayMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import type { CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { ObjectPrinter, getDryRunStrategy, type DryRun } from '../../cmdutil';
import { visitResources, type VisitedInfo } from '../../resource/visit';
import { target } from '../../request-util';
import { finishWithErrors } from '../label';

/** The pod spec of a Pod, a workload's template or a CronJob's job template; undefined for other kinds. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const s = obj.spec as Record<string, any> | undefined;
  switch (obj.kind) {
    case 'Pod': return s as PodSpec | undefined;
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job': case 'ReplicationController':
      return s?.template?.spec as PodSpec | undefined;
    case 'CronJob': return s?.jobTemplate?.spec?.template?.spec as PodSpec | undefined;
    default: return undefined;
  }
}

/** UpdatePodSpecForObject's error for a kind without a pod template. */
export function notAPodError(obj: KubeObject): Error {
  return new Error(`the object is not a pod or does not have a pod template: *v1.${obj.kind ?? ''}`);
}

/** One set command's work on an object: mutate the copy (throwing is patch.Err). */
export type SetMutation = (obj: KubeObject, i: VisitedInfo) => void;

/** The patch loop's options. */
export interface SetLoopOptions {
  operation: string;
  /** "failed to patch image update to pod template: %v" */
  patchFailure: (msg: string) => string;
  dryRun: DryRun;
  /** Errors found while mutating that are not an object's patch error (set image's "unable to find container"). */
  errors?: unknown[];
}

/** ObjectName(): "deployments.apps/web". */
export const objectName = (i: VisitedInfo) => `${i.info.group ? `${i.info.resource}.${i.info.group}` : i.info.resource}/${i.name}`;

/** The builder as set uses it; errors retrieving objects end the command before anything changes. */
export async function setTargets(ctx: CmdContext, p: ParsedArgs, resources: string[]): Promise<VisitedInfo[]> {
  const f = p.flags;
  if (f.local && resources.length) {
    throw new CmdError('error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'');
  }
  const visited = await visitResources(ctx, resources, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, all: f.all as boolean, local: f.local as boolean });
  if (visited.errors.length) finishWithErrors(ctx, visited.errors);
  return visited.infos;
}

/** CalculatePatches and the patch loop of set image/env/resources/selector/serviceaccount/subject. */
export async function runSetLoop(ctx: CmdContext, p: ParsedArgs, infos: VisitedInfo[], mutate: SetMutation, o: SetLoopOptions): Promise<number> {
  const f = p.flags;
  const errors: unknown[] = [];
  const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: o.operation,
    dryRun: o.dryRun, showManagedFields: f['show-managed-fields'] as boolean });
  const patches = infos.map((i) => {
    const before = { apiVersion: apiVersionOf(i.info), kind: i.info.kind, ...i.obj } as KubeObject;
    const after = structuredClone(before);
    try {
      mutate(after, i);
      return { i, after, patch: createTwoWayMergePatch(before, after, patchMetaFor(apiVersionOf(i.info), i.info.kind)) as Record<string, unknown> };
    } catch (e) {
      return { i, after, err: e as Error };
    }
  });
  errors.push(...(o.errors ?? []));
  for (const { i, after, patch, err } of patches) {
    if (err) {
      errors.push(new CmdError(`error: ${objectName(i)} ${err.message}\n`));
      continue;
    }
    if (!patch || !Object.keys(patch).length) continue;
    if (f.local || o.dryRun === 'client') {
      printer.print(after, i.info);
      continue;
    }
    try {
      const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-set' };
      if (o.dryRun === 'server') query.dryRun = 'All';
      const actual = await ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name),
        patchType: 'application/strategic-merge-patch+json', body: patch, query });
      printer.print(actual, i.info);
    } catch (e) {
      errors.push(new CmdError(`error: ${o.patchFailure((e as Error).message)}`));
    }
  }
  return finishWithErrors(ctx, errors);
}

/** Validate() lines the set subcommands share. */
export function checkLocalDryRun(p: ParsedArgs, ctx: CmdContext): DryRun {
  const dryRun = getDryRunStrategy(p, ctx);
  if (p.flags.local && dryRun === 'server') throw new CmdError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  return dryRun;
}

/** selectContainers: containers whose name matches the -c pattern ("*" wildcards). */
export function selectContainers<T extends { name: string }>(containers: readonly T[] | undefined, pattern: string): T[] {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (containers ?? []).filter((c) => re.test(c.name));
}
