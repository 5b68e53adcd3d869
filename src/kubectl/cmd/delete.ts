// kubectl delete. Models k8s.io/kubectl/pkg/cmd/delete/delete.go: by name, -f, -l, --all; prints
// `pod "x" deleted`; by default waits until each object is gone.
import type { KubeObject, KubeList, ApiStatus } from '../../engine/api/types';
import { StatusError, isNotFound } from '../../engine/api/errors';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, ExitError, formatError } from '../errors';
import { infosFromFiles, parseTypeArgs, type Info } from '../resource/builder';
import { target, kindPrefix } from '../request-util';

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool', default: false },
    { name: 'force', type: 'bool', default: false },
    { name: 'wait', type: 'bool', default: true },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' },
    { name: 'interactive', short: 'i', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
  ],
  run: runDelete,
};

async function targets(p: ParsedArgs, ctx: CmdContext): Promise<Info[]> {
  const files = p.flags.filename as string[];
  if (files.length) return infosFromFiles(ctx.env.fs, files, p.flags.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
  const parsed = parseTypeArgs(p.args);
  if ('pairs' in parsed) return parsed.pairs.map((x) => ({ info: x.info, name: x.name, namespace: ctx.namespace }));
  const sel = p.flags.selector as string;
  const all = p.flags.all as boolean;
  if (parsed.names.length) {
    if (sel) throw new CmdError('error: name cannot be provided when a selector is specified');
    return parsed.types.flatMap((info) => parsed.names.map((name) => ({ info, name, namespace: ctx.namespace })));
  }
  if (!sel && !all && !(p.flags['field-selector'] as string)) {
    throw new CmdError('error: resource(s) were provided, but no name was specified');
  }
  const out: Info[] = [];
  const allNs = p.flags['all-namespaces'] as boolean;
  for (const info of parsed.types) {
    const query: Record<string, string> = {};
    if (sel) query.labelSelector = sel;
    if (p.flags['field-selector']) query.fieldSelector = p.flags['field-selector'] as string;
    const list = await ctx.call<KubeList>({ verb: 'list', ...target(info, allNs ? undefined : ctx.namespace), query });
    for (const it of list.items) out.push({ info, name: it.metadata?.name ?? '', namespace: it.metadata?.namespace ?? '' });
  }
  return out;
}

async function runDelete(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  let grace = p.flags['grace-period'] as number;
  if (p.flags.now) {
    if (grace !== -1) throw new CmdError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = p.flags.force as boolean;
  if (force && grace === -1) grace = 0;
  if (force && grace === 0) {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const infos = await targets(p, ctx);
  if (!infos.length) {
    ctx.err(`No resources found\n`);
    return 0;
  }
  const cascade = p.flags.cascade as string;
  const policy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  const errors: unknown[] = [];
  const deleted: { i: Info; uid?: string }[] = [];
  for (const i of infos) {
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy };
    if (grace >= 0) body.gracePeriodSeconds = grace;
    try {
      const res = await ctx.call<KubeObject | ApiStatus>({ verb: 'delete', ...target(i.info, i.namespace, i.name), body });
      ctx.out(`${kindPrefix(i.info)} "${i.name}" deleted\n`);
      deleted.push({ i, uid: (res as ApiStatus).details?.uid ?? (res as KubeObject).metadata?.uid });
    } catch (e) {
      if (isNotFound(e) && p.flags['ignore-not-found']) continue;
      errors.push(e);
    }
  }
  if (p.flags.wait && !(force && grace === 0)) {
    for (const d of deleted) await waitGone(ctx, d.i, d.uid);
  }
  for (const e of errors) ctx.err(`${formatError(e).text}\n`);
  if (errors.length) throw new ExitError(1);
  return 0;
}

/** Waits until an object is gone (or replaced by one with another UID), as delete --wait does. */
async function waitGone(ctx: CmdContext, i: Info, uid: string | undefined): Promise<void> {
  const req = { verb: 'watch' as const, ...target(i.info, i.namespace), query: { fieldSelector: `metadata.name=${i.name}` } };
  const current = await ctx.send({ ...req, verb: 'get', name: i.name, query: undefined });
  if (current.code === 404) return;
  const obj = current.body as KubeObject;
  if (uid && obj.metadata?.uid !== uid) return;
  await new Promise<void>((resolve) => {
    let handle: { stop(): void } | undefined;
    const done = () => {
      handle?.stop();
      resolve();
    };
    ctx.env.signal?.addEventListener('abort', done, { once: true });
    try {
      handle = ctx.env.api.watch({ ...req, query: { ...req.query, resourceVersion: obj.metadata?.resourceVersion } }, (ev) => {
        if (ev.type === 'DELETED') done();
      });
    } catch (e) {
      if (e instanceof StatusError) done();
      else throw e;
    }
  });
}
