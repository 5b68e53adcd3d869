// kubectl apply. Models k8s.io/kubectl/pkg/cmd/apply/apply.go and patcher.go. Client-side (the default):
// GET the live object; create it with the last-applied-configuration annotation, or send the three-way
// strategic merge patch (last applied, new config, live) — "created", "configured", "unchanged".
// --server-side: an apply patch with a field manager ("serverside-applied", conflicts explained).
import type { KubeObject } from '../../../engine/api/types';
import { apiVersionOf } from '../../../engine/api/kinds';
import { parseSelector } from '../../../engine/api/labels';
import { StatusError, isConflict, isNotFound } from '../../../engine/api/errors';
import { createThreeWayMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError, addSourceToErr } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, sortDeep, type DryRun } from '../../cmdutil';
import { infosFromFiles, type Info } from '../../resource/builder';
import { target } from '../../request-util';
import { validationDirective } from '../create';
import { finishWithErrors } from '../label';
import { LAST_APPLIED, parseLastApplied, withLastApplied } from './last-applied';
import { prune } from './prune';

const CONFLICT_HELP = `
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** ObjectName(): "pods/nginx", "deployments.apps/web". */
const objectName = (i: Info) => `${i.info.group ? `${i.info.resource}.${i.info.group}` : i.info.resource}/${i.name}`;

interface ApplyContext {
  dryRun: DryRun;
  printer: (operation: string) => ObjectPrinter;
  query: Record<string, string>;
  serverSide: boolean;
  force: boolean;
}

// Models cli-runtime resource.Info.String: the mapping's resource and kind, then name and namespace.
function infoString(i: Info): string {
  const gv = apiVersionOf(i.info);
  return `Resource: "${i.info.group}/${i.info.version}, Resource=${i.info.resource}", GroupVersionKind: "${gv.includes('/') ? gv : `/${gv}`}, Kind=${i.info.kind}"\nName: "${i.name ?? ''}", Namespace: "${i.namespace}"`;
}

// Go's json.Marshal of the patch map: compact, keys sorted, <, > and & escaped.
function goJsonCompact(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function emptyNameError(i: Info): CmdError {
  return new CmdError(`error: error when retrieving current configuration of:\n${infoString({ ...i, name: '' })}\nfrom server for: "${i.source}": resource name may not be empty`);
}

async function applyServerSide(ctx: CmdContext, i: Info, a: ApplyContext): Promise<void> {
  const query: Record<string, string> = { ...a.query, force: String(a.force) };
  if (a.dryRun === 'client') {
    a.printer('serverside-applied').print(i.obj!, i.info);
    return;
  }
  try {
    const out = await ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/apply-patch+yaml',
      body: i.obj, query });
    a.printer('serverside-applied').print(out, i.info);
  } catch (e) {
    if (isConflict(e)) throw new CmdError(`error: ${(e as StatusError).message}${CONFLICT_HELP}`);
    throw addSourceToErr('patching', i.source ?? '', e);
  }
}

async function applyClientSide(ctx: CmdContext, i: Info, a: ApplyContext): Promise<void> {
  let live: KubeObject | undefined;
  try {
    live = await ctx.call<KubeObject>({ verb: 'get', ...target(i.info, i.namespace, i.name) });
  } catch (e) {
    if (!isNotFound(e)) throw addSourceToErr('retrieving current configuration of', i.source ?? '', e);
  }
  const modified = withLastApplied(i.obj!);
  if (!live) {
    let created = modified;
    if (a.dryRun !== 'client') {
      try {
        created = await ctx.call<KubeObject>({ verb: 'create', ...target(i.info, i.namespace), body: modified, query: a.query });
      } catch (e) {
        throw addSourceToErr('creating', i.source ?? '', e);
      }
    }
    a.printer('created').print(created, i.info);
    return;
  }
  if (!live.metadata?.annotations?.[LAST_APPLIED]) {
    ctx.err(`Warning: resource ${objectName(i)} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
  }
  const patch = createThreeWayMergePatch(parseLastApplied(live), modified, live, patchMetaFor(apiVersionOf(i.info), i.info.kind), true) as Record<string, unknown>;
  if (!patch || !Object.keys(patch).length) {
    a.printer('unchanged').print(live, i.info);
    return;
  }
  let out = live;
  if (a.dryRun !== 'client') {
    try {
      out = await ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/strategic-merge-patch+json',
        body: patch, query: a.query });
    } catch (e) {
      if (e instanceof StatusError) throw addSourceToErr(`applying patch:\n${goJsonCompact(sortDeep(patch))}\nto:\n${infoString(i)}\nfor:`, i.source ?? '', e);
      throw e;
    }
  }
  a.printer('configured').print(out, i.info);
}

// URLs cannot be fetched from the simulated machine.
function checkUrls(files: readonly string[]): void {
  for (const f of files) {
    const m = /^https?:\/\/([^/:]+)/.exec(f);
    if (m) throw new CmdError(`error: Get "${f}": dial tcp: lookup ${m[1]}: no such host`);
  }
}

async function runApply(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const files = f.filename as string[];
  if (p.args.length) throw new CmdError(`error: Unexpected args: [${p.args.join(' ')}]\nSee '${ctx.commandPath} -h' for help and examples`);
  const dryRun = getDryRunStrategy(p, ctx);
  const serverSide = f['server-side'] as boolean;
  if (f['force-conflicts'] && !serverSide) throw new CmdError('error: --force-conflicts only works with --server-side');
  if (dryRun === 'client' && serverSide) throw new CmdError("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (f.all && f.selector) throw new CmdError('error: cannot set --all and --selector at the same time');
  if (f.prune && !f.all && !f.selector) {
    throw new CmdError('error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
  }
  if (!files.length && !(f.kustomize as string)) throw new CmdError('error: must specify one of -f and -k');
  if (f.kustomize) throw new CmdError('error: kustomize is not supported by this simulated kubectl');
  checkUrls(files);
  const output = f.output as string;
  const a: ApplyContext = {
    dryRun, serverSide, force: f['force-conflicts'] as boolean,
    printer: (operation) => new ObjectPrinter(ctx, { output, template: f.template as string, operation, dryRun,
      showManagedFields: f['show-managed-fields'] as boolean }),
    query: {},
  };
  a.printer('configured');
  const manager = f['field-manager'] as string;
  a.query = serverSide ? { fieldManager: manager === 'kubectl-client-side-apply' ? 'kubectl' : manager, fieldValidation: validationDirective(p) }
    : { fieldManager: manager || 'kubectl-client-side-apply', fieldValidation: validationDirective(p) };
  if (dryRun === 'server') a.query.dryRun = 'All';
  // GetObjects: documents that cannot be mapped are reported with the other errors, after the rest is applied.
  const errors: unknown[] = [];
  let infos = infosFromFiles(ctx.env.fs, files, f.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit, errors);
  if (f.selector) {
    const sel = parseSelector(f.selector as string);
    infos = infos.filter((i) => sel.matches(i.obj?.metadata?.labels));
  }
  if (!infos.length && !errors.length) throw new CmdError('error: no objects passed to apply');
  const visited = new Set<string>();
  const namespaces = new Set<string>();
  for (const i of infos) {
    try {
      if (!i.name) throw emptyNameError(i);
      visited.add(`${i.info.group}/${i.info.kind}/${i.namespace}/${i.name}`);
      if (i.info.namespaced) namespaces.add(i.namespace);
      if (serverSide) await applyServerSide(ctx, i, a);
      else await applyClientSide(ctx, i, a);
    } catch (e) {
      errors.push(e);
    }
  }
  if (f.prune && !errors.length) {
    await prune(ctx, { selector: f.selector as string, all: f.all as boolean, namespaces, visited, dryRun, output });
  }
  return finishWithErrors(ctx, errors);
}

/** `kubectl apply (-f FILENAME | -k DIRECTORY)`. */
export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: flagsFor('apply'),
  run: runApply,
};
