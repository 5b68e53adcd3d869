// kubectl diff. Models k8s.io/kubectl/pkg/cmd/diff/diff.go: for each object of -f, the live object and the
// one a (server dry-run) apply would leave, written as YAML to LIVE-… and MERGED-… directories and compared
// with `diff -u -N`; exit 1 when they differ. Secret data is masked, managedFields left out.
import type { KubeObject } from '../../engine/api/types';
import { apiVersionOf } from '../../engine/api/kinds';
import { isNotFound } from '../../engine/api/errors';
import { createThreeWayMergePatch } from '../../engine/api/patch';
import { patchMetaFor } from '../../engine/api/schema';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, ExitError, addSourceToErr, formatError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { randomSuffixDigits, sortDeep, unifiedHunks } from '../cmdutil';
import { marshalYaml } from '../printers';
import { usageError } from '../usage';
import { infosFromFiles, type Info } from '../resource/builder';
import { target } from '../request-util';
import { LAST_APPLIED, lastAppliedValue } from './apply';

// InfoObject.Name: "apps.v1.Deployment.default.web".
function fileName(i: Info): string {
  return `${i.info.group ? `${i.info.group}.` : ''}${i.info.version}.${i.info.kind}.${i.namespace}.${i.name}`;
}

function strip(obj: KubeObject | undefined, showManaged: boolean): KubeObject | undefined {
  if (!obj || showManaged || !obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}

// Masker: Secret values become "***", or "*** (before)" / "*** (after)" where they differ.
function mask(live: KubeObject | undefined, merged: KubeObject | undefined): [KubeObject | undefined, KubeObject | undefined] {
  if ((live ?? merged)?.kind !== 'Secret') return [live, merged];
  const dl = { ...((live as { data?: Record<string, string> } | undefined)?.data ?? {}) };
  const dm = { ...((merged as { data?: Record<string, string> } | undefined)?.data ?? {}) };
  for (const k of new Set([...Object.keys(dl), ...Object.keys(dm)])) {
    if (k in dl && k in dm && dl[k] === dm[k]) { dl[k] = '***'; dm[k] = '***'; continue; }
    if (k in dl) dl[k] = '*** (before)';
    if (k in dm) dm[k] = '*** (after)';
  }
  return [live && { ...live, data: dl } as KubeObject, merged && { ...merged, data: dm } as KubeObject];
}

// The object a client-side apply would produce, asked of the server with dryRun=All.
async function merged(ctx: CmdContext, i: Info, live: KubeObject | undefined, serverSide: boolean, force: boolean, manager: string): Promise<KubeObject> {
  const cfg = i.obj!;
  if (serverSide) {
    const query: Record<string, string> = { dryRun: 'All', fieldManager: manager || 'kubectl', force: String(force) };
    return ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/apply-patch+yaml', body: cfg, query });
  }
  const value = lastAppliedValue(cfg);
  const modified = { ...cfg, metadata: { ...cfg.metadata, annotations: { ...(cfg.metadata?.annotations ?? {}), [LAST_APPLIED]: value } } };
  const query: Record<string, string> = { dryRun: 'All', fieldManager: manager || 'kubectl-client-side-apply' };
  if (!live) return ctx.call<KubeObject>({ verb: 'create', ...target(i.info, i.namespace), body: modified, query });
  let original: KubeObject | undefined;
  try {
    const text = live.metadata?.annotations?.[LAST_APPLIED];
    original = text ? JSON.parse(text) as KubeObject : undefined;
  } catch {
    original = undefined;
  }
  const patch = createThreeWayMergePatch(original, modified, live, patchMetaFor(apiVersionOf(i.info), i.info.kind), true);
  if (!patch || !Object.keys(patch as object).length) return live;
  return ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/strategic-merge-patch+json',
    body: patch, query });
}

// GNU diff's header line time: "2025-01-15 09:00:00.000000000 +0000".
function diffTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

async function runDiff(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const files = f.filename as string[];
  if (p.args.length) throw usageError(ctx, `Unexpected args: [${p.args.join(' ')}]`);
  if (!files.length && !(f.kustomize as string)) throw new CmdError('error: must specify one of -f and -k');
  const infos = infosFromFiles(ctx.env.fs, files, f.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
  const now = ctx.env.now();
  const liveDir = `/tmp/LIVE-${randomSuffixDigits(now)}`;
  const mergedDir = `/tmp/MERGED-${randomSuffixDigits(now + 1)}`;
  const entries: { name: string; live: string; merged: string }[] = [];
  for (const i of infos) {
    let live: KubeObject | undefined;
    try {
      live = await ctx.call<KubeObject>({ verb: 'get', ...target(i.info, i.namespace, i.name) });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    let m: KubeObject;
    try {
      m = await merged(ctx, i, live, f['server-side'] as boolean, f['force-conflicts'] as boolean, f['field-manager'] as string);
    } catch (e) {
      throw addSourceToErr('creating', i.source ?? '', e);
    }
    const show = f['show-managed-fields'] as boolean;
    const [ml, mm] = mask(strip(live, show), strip(m, show));
    entries.push({ name: fileName(i), live: ml ? marshalYaml(sortDeep(ml)) : '', merged: marshalYaml(sortDeep(mm)) });
  }
  let different = false;
  const stamp = diffTime(now);
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const hunks = unifiedHunks(e.live, e.merged);
    if (!hunks) continue;
    different = true;
    const a = `${liveDir}/${e.name}`;
    const b = `${mergedDir}/${e.name}`;
    ctx.out(`diff -u -N ${a} ${b}\n--- ${a}\t${stamp}\n+++ ${b}\t${stamp}\n${hunks}`);
  }
  if (different) throw new ExitError(1);
  return 0;
}

/** `kubectl diff -f FILENAME`. */
export const diffCommand: Command = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  flags: flagsFor('diff'),
  // CheckDiffErr: errors exit 2, since 1 means "there are differences".
  async run(p, ctx) {
    try {
      return await runDiff(p, ctx);
    } catch (e) {
      if (e instanceof ExitError) throw e;
      throw new CmdError(formatError(e).text, 2);
    }
  },
};
