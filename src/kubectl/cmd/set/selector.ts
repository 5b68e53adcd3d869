// kubectl set selector, serviceaccount and subject. Models k8s.io/kubectl/pkg/cmd/set/set_selector.go,
// set_serviceaccount.go and set_subject.go.
import type { KubeObject } from '../../../engine/api/types';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { checkLocalDryRun, notAPodError, podSpecOf, runSetLoop, setTargets } from './shared';

// set_selector.go: the last argument is the selector; only equality requirements; Services take a map.
function parseEqualitySelector(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const m = /^([^=!]+)==?(.*)$/.exec(part.trim());
    if (!m) throw new CmdError(`error: ${JSON.stringify(part)} is not a valid selector, only "=" and "==" are supported`);
    out[m[1].trim()] = m[2].trim();
  }
  return out;
}

async function runSetSelector(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = checkLocalDryRun(p, ctx);
  const files = (f.filename as string[]).length > 0;
  if (p.args.length < 1 || (!files && p.args.length < 2)) {
    if (!p.args.length) throw new CmdError('error: one selector is required');
  }
  const selectorText = p.args[p.args.length - 1];
  const resources = p.args.slice(0, -1);
  if (!files && !resources.length) throw new CmdError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const selector = parseEqualitySelector(selectorText);
  const infos = await setTargets(ctx, p, resources);
  return runSetLoop(ctx, p, infos, (obj) => {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    if (obj.kind === 'Service') {
      spec.selector = selector;
      return;
    }
    if (f['resource-version']) obj.metadata = { ...obj.metadata, resourceVersion: f['resource-version'] as string };
    spec.selector = { matchLabels: selector };
  }, { operation: 'selector updated', dryRun, patchFailure: (m) => `failed to patch selector update: ${m}` });
}

/** `kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS`. */
export const setSelectorCommand: Command = {
  name: 'selector',
  short: 'Set the selector on a resource',
  flags: flagsFor('set selector'),
  run: runSetSelector,
};

async function runSetServiceAccount(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = checkLocalDryRun(p, ctx);
  const files = (f.filename as string[]).length > 0;
  if (!p.args.length || (!files && p.args.length < 2)) {
    throw new CmdError(`error: serviceaccount is required\nSee '${ctx.commandPath} -h' for help and examples`);
  }
  const sa = p.args[p.args.length - 1];
  const infos = await setTargets(ctx, p, p.args.slice(0, -1));
  return runSetLoop(ctx, p, infos, (obj: KubeObject) => {
    const spec = podSpecOf(obj);
    if (!spec) throw notAPodError(obj);
    spec.serviceAccountName = sa;
  }, { operation: 'serviceaccount updated', dryRun, patchFailure: (m) => `failed to patch ServiceAccountName ${m}` });
}

/** `kubectl set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT`. */
export const setServiceAccountCommand: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Update the service account of a resource',
  flags: flagsFor('set serviceaccount'),
  run: runSetServiceAccount,
};

async function runSetSubject(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = checkLocalDryRun(p, ctx);
  const users = f.user as string[];
  const groups = f.group as string[];
  const sas = f.serviceaccount as string[];
  if (!users.length && !groups.length && !sas.length) throw new CmdError('error: you must specify at least one value of user, group or serviceaccount');
  const subjects: Record<string, string>[] = [];
  for (const u of users) subjects.push({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: u });
  for (const g of groups) subjects.push({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: g });
  for (const sa of sas) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[1]) throw new CmdError(`error: serviceaccount must be <namespace>:<name>`);
    subjects.push({ kind: 'ServiceAccount', namespace: parts[0] || ctx.namespace, name: parts[1] });
  }
  const infos = await setTargets(ctx, p, p.args);
  return runSetLoop(ctx, p, infos, (obj) => {
    if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') throw new Error(`setting subjects is only supported for RoleBinding/ClusterRoleBinding`);
    const o = obj as KubeObject & { subjects?: Record<string, string>[] };
    const existing = o.subjects ?? [];
    const same = (a: Record<string, string>, b: Record<string, string>) => a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
    o.subjects = [...existing, ...subjects.filter((s) => !existing.some((e) => same(e, s)))];
  }, { operation: 'subjects updated', dryRun, patchFailure: (m) => `failed to patch subjects to rolebinding: ${m}` });
}

/** `kubectl set subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname]`. */
export const setSubjectCommand: Command = {
  name: 'subject',
  short: 'Update the user, group, or service account in a role binding or cluster role binding',
  flags: flagsFor('set subject'),
  run: runSetSubject,
};

