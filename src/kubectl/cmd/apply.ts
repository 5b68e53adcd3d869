// kubectl apply (client-side, the default). Models k8s.io/kubectl/pkg/cmd/apply/apply.go and
// patcher.go: GET the live object; create it with the last-applied-configuration annotation, or
// send a strategic merge patch computed three ways (last applied, new config, live).
import type { KubeObject } from '../../engine/api/types';
import { apiVersionOf } from '../../engine/api/kinds';
import { StatusError, isNotFound } from '../../engine/api/errors';
import { createThreeWayMergePatch } from '../../engine/api/patch';
import { patchMetaFor } from '../../engine/api/schema';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { AggregateError, CmdError, addSourceToErr } from '../errors';
import { infosFromFiles, type Info } from '../resource/builder';
import { target, kindPrefix } from '../request-util';
import { sortKeys } from '../printers/yaml';

/** The annotation client-side apply keeps the applied configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' },
    { name: 'server-side', type: 'bool', default: false },
    { name: 'force-conflicts', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'force', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'prune', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'wait', type: 'bool', default: false },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'show-managed-fields', type: 'bool', default: false },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
    { name: 'record', type: 'bool', default: false },
    { name: 'openapi-patch', type: 'bool', default: true },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'template', type: 'string', default: '' },
  ],
  run: runApply,
};

/** The last-applied annotation's value: the config as compact JSON with sorted keys, then "\n". */
export function lastAppliedValue(obj: KubeObject): string {
  const meta = { ...(obj.metadata ?? {}) };
  const ann = { ...(meta.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  meta.annotations = ann;
  return `${JSON.stringify(sortKeys({ ...obj, metadata: meta }))}\n`;
}

/** The object to send: the config plus its own last-applied annotation. */
function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [LAST_APPLIED]: value } } };
}

async function runApply(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const files = p.flags.filename as string[];
  if (!files.length) throw new CmdError('error: must specify one of -f and -k');
  const dryRun = p.flags['dry-run'] as string;
  if (!['none', 'client', 'server', 'unchanged'].includes(dryRun)) {
    throw new CmdError(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  const infos = infosFromFiles(ctx.env.fs, files, p.flags.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
  if (!infos.length) throw new CmdError('error: no objects passed to apply');
  const errs: unknown[] = [];
  for (const i of infos) {
    try {
      await applyOne(i, dryRun, ctx);
    } catch (e) {
      errs.push(e);
    }
  }
  if (errs.length === 1) throw errs[0];
  if (errs.length > 1) throw new AggregateError(errs);
  return 0;
}

async function applyOne(i: Info, dryRun: string, ctx: CmdContext): Promise<void> {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  const query: Record<string, string> = { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' };
  if (dryRun === 'server') query.dryRun = 'All';
  const label = `${kindPrefix(i.info)}/${i.name}`;
  if (!i.name) {
    const gv = apiVersionOf(i.info);
    throw new CmdError(`error: error when retrieving current configuration of:\nResource: "${i.info.group}/${i.info.version}, Resource=${i.info.resource}", GroupVersionKind: "${gv.includes('/') ? gv : `/${gv}`}, Kind=${i.info.kind}"\nName: "", Namespace: "${i.namespace}"\nfrom server for: "${i.source}": resource name may not be empty`);
  }
  let live: KubeObject | undefined;
  try {
    live = await ctx.call<KubeObject>({ verb: 'get', ...target(i.info, i.namespace, i.name) });
  } catch (e) {
    if (!isNotFound(e)) throw addSourceToErr('retrieving current configuration of', i.source ?? '', e);
  }
  const modified = withLastApplied(i.obj!);
  if (!live) {
    if (dryRun !== 'client') {
      try {
        await ctx.call({ verb: 'create', ...target(i.info, i.namespace), body: modified, query });
      } catch (e) {
        throw addSourceToErr('creating', i.source ?? '', e);
      }
    }
    ctx.out(`${label} created${suffix}\n`);
    return;
  }
  const original = parseLastApplied(live);
  const meta = patchMetaFor(apiVersionOf(i.info), i.info.kind);
  const patch = createThreeWayMergePatch(original, modified, live, meta, true) as Record<string, unknown>;
  if (!patch || Object.keys(patch).length === 0) {
    ctx.out(`${label} unchanged${suffix}\n`);
    return;
  }
  if (dryRun !== 'client') {
    try {
      await ctx.call({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/strategic-merge-patch+json',
        body: patch, query });
    } catch (e) {
      if (e instanceof StatusError) throw addSourceToErr('patching', i.source ?? '', e);
      throw e;
    }
  }
  ctx.out(`${label} configured${suffix}\n`);
}

function parseLastApplied(live: KubeObject): KubeObject | undefined {
  const v = live.metadata?.annotations?.[LAST_APPLIED];
  if (!v) return undefined;
  try {
    return JSON.parse(v) as KubeObject;
  } catch {
    return undefined;
  }
}
