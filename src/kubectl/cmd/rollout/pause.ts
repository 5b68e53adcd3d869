// kubectl rollout pause, resume and restart. Models k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go,
// rollout_resume.go, rollout_restart.go and polymorphichelpers objectpauser.go, objectresumer.go,
// objectrestarter.go: each computes a strategic merge patch from the object (set.CalculatePatches).
import type { KubeObject } from '../../../engine/api/types';
import { apiVersionOf } from '../../../engine/api/kinds';
import { createTwoWayMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, type DryRun } from '../../cmdutil';
import { visitResources } from '../../resource/visit';
import { target } from '../../request-util';
import { finishWithErrors } from '../label';

type Mutate = (obj: KubeObject, ctx: CmdContext) => KubeObject;

const spec = (o: KubeObject) => (o.spec ?? {}) as Record<string, unknown>;

// ObjectPauserFn / ObjectResumerFn: only Deployments pause.
const pause: Mutate = (o) => {
  if (o.kind !== 'Deployment') throw new Error('pausing is not supported');
  if (spec(o).paused) throw new Error('is already paused');
  return { ...o, spec: { ...spec(o), paused: true } };
};
const resume: Mutate = (o) => {
  if (o.kind !== 'Deployment') throw new Error('resuming is not supported');
  if (!spec(o).paused) throw new Error('is not paused');
  return { ...o, spec: { ...spec(o), paused: false } };
};

/** RFC3339 in UTC without fractions (Go's time.RFC3339 on the simulated machine). */
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// ObjectRestarterFn: a new kubectl.kubernetes.io/restartedAt annotation on the pod template.
const restart: Mutate = (o, ctx) => {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(o.kind ?? '')) throw new Error('restarting is not supported');
  if (o.kind === 'Deployment' && spec(o).paused) throw new Error("can't restart paused deployment (run rollout resume first)");
  const tmpl = (spec(o).template ?? {}) as { metadata?: { annotations?: Record<string, string> } };
  const annotations = { ...(tmpl.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.env.now()) };
  return { ...o, spec: { ...spec(o), template: { ...tmpl, metadata: { ...(tmpl.metadata ?? {}), annotations } } } };
};

function patchCommand(name: 'pause' | 'resume' | 'restart', short: string, mutate: Mutate, done: string, already?: string): Command {
  return {
    name,
    short,
    flags: flagsFor(`rollout ${name}`),
    async run(p: ParsedArgs, ctx: CmdContext) {
      const f = p.flags;
      const dryRun: DryRun = name === 'restart' ? getDryRunStrategy(p, ctx) : 'none';
      if (!p.args.length && !(f.filename as string[]).length) throw new CmdError('error: required resource not specified');
      const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
        selector: f.selector as string, all: true });
      const errors: unknown[] = [...visited.errors];
      for (const i of visited.infos) {
        const obj = { apiVersion: apiVersionOf(i.info), kind: i.info.kind, ...i.obj };
        const resourceString = i.info.group ? `${i.info.resource}.${i.info.group}` : i.info.resource;
        let patch: Record<string, unknown>;
        try {
          patch = createTwoWayMergePatch(obj, mutate(obj, ctx), patchMetaFor(apiVersionOf(i.info), i.info.kind)) as Record<string, unknown>;
        } catch (e) {
          errors.push(new CmdError(`error: ${resourceString} ${JSON.stringify(i.name)} ${(e as Error).message}`));
          continue;
        }
        const printer = (op: string) => new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string,
          operation: op, dryRun, showManagedFields: f['show-managed-fields'] as boolean });
        if (!patch || !Object.keys(patch).length) {
          if (already) printer(already).print(i.obj, i.info);
          else errors.push(new CmdError(`error: failed to create patch for ${i.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
          continue;
        }
        try {
          const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-rollout' };
          if (dryRun === 'server') query.dryRun = 'All';
          let out = i.obj;
          if (dryRun !== 'client') {
            out = await ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name),
              patchType: 'application/strategic-merge-patch+json', body: patch, query });
          }
          printer(done).print(out, i.info);
        } catch (e) {
          errors.push(new CmdError(`error: failed to patch: ${(e as Error).message}`));
        }
      }
      return finishWithErrors(ctx, errors);
    },
  };
}

/** `kubectl rollout pause RESOURCE`. */
export const rolloutPauseCommand = patchCommand('pause', 'Mark the provided resource as paused', pause, 'paused', 'already paused');
/** `kubectl rollout resume RESOURCE`. */
export const rolloutResumeCommand = patchCommand('resume', 'Resume a paused resource', resume, 'resumed', 'already resumed');
/** `kubectl rollout restart RESOURCE`. */
export const rolloutRestartCommand = patchCommand('restart', 'Restart a resource', restart, 'restarted');
