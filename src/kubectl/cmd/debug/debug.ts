// kubectl debug: an ephemeral container in a running pod, a changed copy of a pod (--copy-to), or a pod in a
// node's host namespaces (node/NAME); with -i/--attach it waits for the container and attaches.
// Models k8s.io/kubectl/pkg/cmd/debug/debug.go (DebugOptions Complete, Validate, Run, visitNode,
// visitPod, debugByEphemeralContainer, debugByCopy).
import type { EnvVar, KubeObject, Node, Pod } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import { StatusError, isNotFound } from '../../../engine/api/errors';
import { createTwoWayMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { resolveResource } from '../../mapper';
import { target } from '../../request-util';
import { visitResources } from '../../resource/visit';
import { IMAGE_RE } from '../run';
import { newProfileApplier } from './profiles';
import { readCustomProfile, validateCustomProfile } from './custom-profile';
import { type DebugSpec, generateDebugContainer, generateNodeDebugPod, generatePodCopy } from './generate';
import { handleAttachPod } from './attach';

const PODS = resourceFor('', 'pods') as ResourceInfo;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', ''];

/** DebugOptions after Complete. */
interface DebugOptions extends DebugSpec {
  targetNames: string[];
  filenames: string[];
  attach: boolean;
  attachChanged: boolean;
  replace: boolean;
  profile: string;
}

// Complete: the arguments after "--", --attach defaulting to -i, --env, the profile (an unknown one fails here).
function complete(p: ParsedArgs, ctx: CmdContext): DebugOptions {
  const f = p.flags;
  const dash = p.argsLenAtDash;
  let targetNames = [...p.args];
  let args: string[] = [];
  if (dash >= 0 && p.args.length > dash) {
    targetNames = p.args.slice(0, dash);
    args = p.args.slice(dash);
  }
  const interactive = f.stdin as boolean;
  const attachChanged = p.changed.has('attach');
  const env: EnvVar[] = Object.entries((f.env as Record<string, string> | undefined) ?? {}).map(([name, value]) => ({ name, value }));
  const keep = { labels: f['keep-labels'] as boolean, annotations: f['keep-annotations'] as boolean, liveness: f['keep-liveness'] as boolean,
    readiness: f['keep-readiness'] as boolean, startup: f['keep-startup'] as boolean, initContainers: f['keep-init-containers'] as boolean };
  const profile = f.profile as string;
  const applier = newProfileApplier(profile, keep);
  const customFile = f.custom as string;
  const custom = customFile ? readCustomProfile(ctx.env.fs, customFile) : undefined;
  return {
    targetNames, args, filenames: (f.filename as string[]) ?? [], argsOnly: f['arguments-only'] as boolean,
    attach: (f.attach as boolean) || (!attachChanged && interactive), attachChanged,
    container: f.container as string, copyTo: f['copy-to'] as string, replace: f.replace as boolean, env,
    image: f.image as string, pullPolicy: f['image-pull-policy'] as string, interactive, quiet: f.quiet as boolean,
    sameNode: f['same-node'] as boolean, setImages: (f['set-image'] as Record<string, string> | undefined) ?? {},
    shareProcesses: p.changed.has('share-processes') ? f['share-processes'] as boolean : undefined,
    target: f.target as string, tty: f.tty as boolean, profile, custom, applier,
    seed: ctx.env.now(), out: (t) => ctx.out(t),
  };
}

// Validate: the checks in upstream order, each an "error: …" line; the --target notice and the legacy warning.
function validate(o: DebugOptions, ctx: CmdContext): void {
  const fail = (msg: string): never => { throw new CmdError(`error: ${msg}`); };
  if (o.attach && o.attachChanged && !o.image && !o.container) {
    fail('you must specify --container or create a new container using --image in order to attach.');
  }
  if (o.copyTo) {
    if (!o.image && !Object.keys(o.setImages).length && !o.args.length) fail('you must specify --image, --set-image or command arguments.');
    if (o.args.length && !o.container && !o.image) fail('you must specify an existing container or a new image when specifying args.');
  } else if (o.replace) fail('--replace may only be used with --copy-to.');
  else if (o.sameNode) fail('--same-node may only be used with --copy-to.');
  else if (Object.keys(o.setImages).length) fail('--set-image may only be used with --copy-to.');
  else if (!o.image) fail('you must specify --image when not using --copy-to.');
  if (o.image && !IMAGE_RE.test(o.image)) fail(`invalid image name ${JSON.stringify(o.image)}: invalid reference format`);
  if (!o.targetNames.length && !o.filenames.length) fail('NAME or filename is required for debug');
  if (!PULL_POLICIES.includes(o.pullPolicy)) fail(`invalid image pull policy: ${o.pullPolicy}`);
  for (const [name, image] of Object.entries(o.setImages)) {
    if (!IMAGE_RE.test(image)) fail(`invalid image name ${JSON.stringify(image)} for container ${JSON.stringify(name)}: invalid reference format`);
  }
  if (o.target) {
    if (o.copyTo) fail('--target is incompatible with --copy-to. Use --share-processes instead.');
    if (!o.quiet) {
      ctx.out(`Targeting container ${JSON.stringify(o.target)}. If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
    }
  }
  if (o.tty && !o.interactive) fail('-i/--stdin is required for containers with -t/--tty=true');
  if (o.custom) validateCustomProfile(o.custom);
  if (o.profile === 'legacy') {
    ctx.err('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n');
  }
}

// The Builder's ResourceNames("pods", …): a bare name is a pod, TYPE/NAME any resource; or the objects of -f files.
async function targets(o: DebugOptions, ctx: CmdContext): Promise<{ info: ResourceInfo; obj: KubeObject }[]> {
  if (o.filenames.length) {
    // Builder.visitByPaths: names given with ResourceNames cannot be mixed with files.
    if (o.targetNames.length) throw new CmdError('error: resource/name arguments cannot be provided when a path is specified');
    const v = await visitResources(ctx, [], { filenames: o.filenames });
    if (v.errors.length) throw v.errors[0];
    return v.infos.map((i) => ({ info: i.info, obj: i.obj }));
  }
  const out: { info: ResourceInfo; obj: KubeObject }[] = [];
  for (const arg of o.targetNames) {
    const slash = arg.indexOf('/');
    const info = slash < 0 ? PODS : resolveResource(arg.slice(0, slash));
    const name = slash < 0 ? arg : arg.slice(slash + 1);
    if (!name) throw new CmdError('error: arguments in resource/name form must have a single resource and name');
    out.push({ info, obj: await ctx.call<KubeObject>({ verb: 'get', ...target(info, info.namespaced ? ctx.namespace : undefined, name) }) });
  }
  return out;
}

// debugByEphemeralContainer: a strategic merge patch of pods/<name>/ephemeralcontainers adding the container.
async function debugByEphemeralContainer(o: DebugOptions, ctx: CmdContext, pod: Pod): Promise<{ pod: Pod; name: string }> {
  const { pod: debugPod, name } = generateDebugContainer(o, pod);
  // CreateTwoWayMergePatch: the new container, and $setElementOrder so that it lands last.
  const patch = createTwoWayMergePatch(pod, debugPod, patchMetaFor('v1', 'Pod'));
  const ns = pod.metadata?.namespace ?? ctx.namespace;
  try {
    const res = await ctx.call<Pod>({ verb: 'patch', ...target(PODS, ns, pod.metadata?.name), subresource: 'ephemeralcontainers',
      patchType: 'application/strategic-merge-patch+json', body: patch });
    return { pod: res, name };
  } catch (e) {
    // A missing subresource is a 404 without details: the feature is off.
    if (e instanceof StatusError && isNotFound(e) && !e.status.details?.name) {
      throw new CmdError(`error: ephemeral containers are disabled for this cluster (error from server: ${JSON.stringify(e.status.message ?? '')})`);
    }
    throw e;
  }
}

// debugByCopy: create the copy; with --replace, delete the original at once (grace period 0).
async function debugByCopy(o: DebugOptions, ctx: CmdContext, pod: Pod): Promise<{ pod: Pod; name: string }> {
  const { pod: copied, name } = generatePodCopy(o, pod);
  const ns = copied.metadata?.namespace ?? ctx.namespace;
  const created = await ctx.call<Pod>({ verb: 'create', ...target(PODS, ns), body: copied });
  if (o.replace) {
    await ctx.call({ verb: 'delete', ...target(PODS, pod.metadata?.namespace ?? ns, pod.metadata?.name),
      body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 } });
  }
  return { pod: created, name };
}

async function runDebug(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const o = complete(p, ctx);
  validate(o, ctx);
  for (const { info, obj } of await targets(o, ctx)) {
    let result: { pod: Pod; name: string };
    if (info.kind === 'Node' && info.group === '') {
      const node = obj as Node;
      const created = await ctx.call<Pod>({ verb: 'create', ...target(PODS, ctx.namespace), body: generateNodeDebugPod(o, node) });
      result = { pod: created, name: created.spec?.containers?.[0]?.name ?? '' };
    } else if (info.kind === 'Pod' && info.group === '') {
      result = o.copyTo ? await debugByCopy(o, ctx, obj as Pod) : await debugByEphemeralContainer(o, ctx, obj as Pod);
    } else {
      throw new CmdError(`error: "${info.group ? `${info.group}/` : ''}${info.version}, Kind=${info.kind}" not supported by debug`);
    }
    if (o.attach && result.name) {
      const code = await handleAttachPod(ctx, result.pod, result.name, o);
      if (code) return code;
    }
  }
  return 0;
}

/** `kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]`. */
export const debugCommand: Command = {
  name: 'debug',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  flags: flagsFor('debug'),
  run: runDebug,
};
