// kubectl run NAME --image=image: create a pod (and, with --expose, a service); with -i/--attach wait for
// it and stream its output; --rm deletes it afterwards. Models k8s.io/kubectl/pkg/cmd/run/run.go.
import type { KubeObject, Pod } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import { StatusError, isNotFound } from '../../../engine/api/errors';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError, ExitError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, untilWithSync } from '../../cmdutil';
import { usageError } from '../../usage';
import { target } from '../../request-util';
import { generatePod, generateService } from './generate';
import { attachToContainer } from '../exec/attach';

const PODS = resourceFor('', 'pods') as ResourceInfo;
const SERVICES = resourceFor('', 'services') as ResourceInfo;
/** reference.ReferenceRegexp, simplified: lowercase path components, optional registry host, tag and digest. */
export const IMAGE_RE = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

// cmdutil.Overrider: --overrides applied to the generated object as a merge, JSON or strategic patch.
function applyOverrides(obj: KubeObject, overrides: string, type: string): KubeObject {
  if (!overrides) return obj;
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    throw new CmdError(`error: ${(e as Error).message}`);
  }
  if (type === 'json') return jsonPatch(obj, patch) as KubeObject;
  if (type === 'strategic') return strategicMergePatch(obj, patch, patchMetaFor('v1', 'Pod')) as KubeObject;
  if (type === 'merge' || type === '') return jsonMergePatch(obj, patch) as KubeObject;
  throw new CmdError(`error: invalid override type: ${type}`);
}

async function create(ctx: CmdContext, p: ParsedArgs, info: ResourceInfo, obj: KubeObject, dryRun: string): Promise<KubeObject> {
  if (dryRun === 'client') return obj;
  const query: Record<string, string> = { fieldManager: (p.flags['field-manager'] as string) || 'kubectl-run' };
  if (dryRun === 'server') query.dryRun = 'All';
  return ctx.call<KubeObject>({ verb: 'create', ...target(info, ctx.namespace), body: obj, query });
}

async function runRun(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, operation: 'created', dryRun, typed: true,
    showManagedFields: f['show-managed-fields'] as boolean });
  const interactive = f.stdin as boolean;
  const attach = (f.attach as boolean) || (interactive && !p.changed.has('attach'));
  // Validate.
  if (p.args.length === 0 || p.argsLenAtDash === 0) throw usageError(ctx, 'NAME is required for run');
  const image = f.image as string;
  if (!image) throw usageError(ctx, '--image is required');
  if (!IMAGE_RE.test(image)) throw usageError(ctx, `Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (f.tty && !interactive) throw usageError(ctx, '-i/--stdin is required for containers with -t/--tty=true');
  if (f.expose && !(f.port as string)) throw usageError(ctx, '--port must be set when exposing a service');
  const restart = (f.restart as string) || (interactive ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usageError(ctx, `invalid restart policy: ${restart}`);
  if (!attach && f.rm) throw usageError(ctx, '--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') throw usageError(ctx, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pull = f['image-pull-policy'] as string;
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw usageError(ctx, `invalid image pull policy: ${pull}`);

  const name = p.args[0];
  let pod: KubeObject = generatePod({
    name, image, labels: f.labels as string, annotations: f.annotations as string[], env: f.env as string[],
    args: p.args.slice(1), command: f.command as boolean, port: f.port as string, restart, imagePullPolicy: pull,
    stdin: interactive, tty: f.tty as boolean, leaveStdinOpen: f['leave-stdin-open'] as boolean, privileged: f.privileged as boolean,
  });
  pod = applyOverrides(pod, f.overrides as string, f['override-type'] as string);
  pod = await create(ctx, p, PODS, pod, dryRun);
  let service: KubeObject | undefined;
  const errs: unknown[] = [];
  if (f.expose) {
    try {
      service = await create(ctx, p, SERVICES, generateService(name, f.labels as string, f.port as string), dryRun);
      printer.print(service, SERVICES);
      if (f.output === 'yaml') ctx.out('---\n');
    } catch (e) {
      errs.push(e);
    }
  }
  if (attach) return attachAndWait(ctx, p, pod as Pod, restart, service);
  printer.print(pod, PODS);
  if (errs.length) throw errs[0];
  return 0;
}

type LogStreamBody = { kind: 'LogStream'; initial: string; subscribe(onData: (s: string) => void, onEnd: () => void): () => void };

// handleAttachPod + the exit-code wait: a running pod is attached to (its stdin too with -i), a finished one's
// logs are printed; an attach that fails falls back to the logs with kubectl's warning.
async function attachAndWait(ctx: CmdContext, p: ParsedArgs, pod: Pod, restart: string, service?: KubeObject): Promise<number> {
  const name = pod.metadata?.name ?? '';
  const ns = ctx.namespace;
  let current: Pod | undefined;
  const res = await untilWithSync(ctx, { info: PODS, namespace: ns, name }, 0, (ev) => {
    if (ev.type === 'SYNC') return false;
    if (ev.type === 'DELETED') throw new CmdError(`error: pod ${name} was deleted`);
    current = ev.obj as Pod;
    const phase = current.status?.phase;
    return phase === 'Succeeded' || phase === 'Failed'
      || (phase === 'Running' && (current.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
  });
  if (res !== 'done' || !current) return 130;
  if (current.status?.phase === 'Running') {
    const container = current.spec?.containers?.[0]?.name ?? name;
    try {
      if (await attachToContainer(ctx, current, container, { stdin: !!p.flags.stdin, tty: !!p.flags.tty, quiet: !!p.flags.quiet }) === 130) return 130;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      ctx.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: unable to upgrade connection: ${e.status.message ?? ''}\n`);
      await streamLogs(ctx, name, false);
    }
  } else await streamLogs(ctx, name, false);
  if (ctx.env.signal?.aborted) return 130;
  let code = 0;
  if (!p.flags['leave-stdin-open'] && (restart === 'Never' || restart === 'OnFailure')) {
    let final: Pod | undefined;
    const waited = await untilWithSync(ctx, { info: PODS, namespace: ns, name }, 0, (ev) => {
      if (ev.type === 'SYNC') return false;
      final = ev.obj as Pod;
      const phase = final.status?.phase;
      return phase === 'Succeeded' || (restart === 'Never' && phase === 'Failed');
    });
    if (waited === 'aborted') return 130;
    code = exitCodeOf(ctx, final);
  }
  if (p.flags.rm) {
    for (const [info, obj] of [[PODS, current], [SERVICES, service]] as const) {
      if (!obj) continue;
      try {
        await ctx.call({ verb: 'delete', ...target(info, ns, obj.metadata?.name), body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' } });
        ctx.out(`${info.kind.toLowerCase()} "${obj.metadata?.name}" deleted\n`);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }
  if (code) throw new ExitError(code);
  return 0;
}

async function streamLogs(ctx: CmdContext, name: string, follow: boolean): Promise<void> {
  const res = await ctx.send({ verb: 'get', ...target(PODS, ctx.namespace, name), subresource: 'log',
    query: follow ? { follow: 'true' } : {} });
  if (res.code >= 400) throw new StatusError(res.body as never);
  const body = res.body as string | LogStreamBody;
  if (typeof body === 'string') {
    ctx.out(body);
    return;
  }
  ctx.out(body.initial);
  await new Promise<void>((resolve) => {
    const stop = body.subscribe((s) => ctx.out(s), () => resolve());
    ctx.env.signal?.addEventListener('abort', () => { stop(); resolve(); }, { once: true });
  });
}

// The exit code kubectl run returns for a finished pod (uexec.CodeExitError from the container).
function exitCodeOf(ctx: CmdContext, pod: Pod | undefined): number {
  if (!pod || pod.status?.phase === 'Succeeded') return 0;
  const t = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const ref = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  if (!t || !t.exitCode) throw new CmdError(`error: pod ${ref} failed with unknown exit code`);
  ctx.err(`pod ${ref} terminated (${t.reason ?? ''})\n${t.message ?? ''}\n`);
  return t.exitCode;
}

/** `kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [-- COMMAND]`. */
export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: flagsFor('run'),
  run: runRun,
};
