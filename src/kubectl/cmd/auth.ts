// kubectl auth can-i and auth whoami: k8s.io/kubectl/pkg/cmd/auth (cani.go, whoami.go). The reviews go to
// the API server (SelfSubjectAccessReview, SelfSubjectRulesReview, SelfSubjectReview); when it does not
// answer them (the engine stores no review kinds), kubectl's environment answers with the same authorizer
// `kubesim serve` uses (../auth/rbac.ts), over the cluster's RBAC objects.
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import { StatusError } from '../../engine/api/errors';
import { fillZeroValues } from '../../engine/api/schema';
import type { ApiStatus, KubeObject } from '../../engine/api/types';
import { resolveResource } from '../mapper';
import { RESOURCES } from '../../engine/api/kinds';
import { KUBECTL_TABWRITER, PrintError, TabWriter, genericPrinter } from '../printers';
import { MINIKUBE_USER, answerSelfReview, impersonatedUser, loadPolicy, type PolicyRule, type UserInfo } from '../auth/rbac';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind',
  'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_URL_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
const NON_STANDARD_RESOURCE_NAMES = new Set(['users', 'groups']);

/** The user requests run as: the kubeconfig's, or the one --as/--as-group impersonate. */
export function requestUser(p: ParsedArgs): UserInfo {
  const as = (p.flags.as as string | undefined) ?? '';
  const groups = (p.flags['as-group'] as string[] | undefined) ?? [];
  if (!as) return MINIKUBE_USER;
  return impersonatedUser(as, groups, (p.flags['as-uid'] as string | undefined) || undefined);
}

type Json = Record<string, unknown>;
const isStatus = (b: unknown): b is ApiStatus => !!b && typeof b === 'object' && (b as ApiStatus).kind === 'Status';

/** Sends a self review; answers it here when the server has no handler for it. */
async function review(ctx: CmdContext, p: ParsedArgs, group: string, resource: string, kind: string, body: Json): Promise<Json> {
  const res = await ctx.send({ verb: 'create', group, version: 'v1', resource, body });
  const b = res.body as Json;
  if (res.code < 400 && b && b.kind === kind && b.status) return b;
  if (res.code === 403 && isStatus(b)) throw new StatusError(b);
  const policy = await loadPolicy(async (r) => {
    const out = await ctx.send({ verb: 'list', group: 'rbac.authorization.k8s.io', version: 'v1', resource: r });
    return out.code < 400 ? ((out.body as { items?: KubeObject[] }).items ?? []) : [];
  });
  const now = new Date(ctx.env.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  const a = answerSelfReview(kind, body, requestUser(p), policy, now);
  if (!a) throw new CmdError(`error: unexpected response type, expected ${kind}`);
  if (a.code >= 400) throw new StatusError(a.body as unknown as ApiStatus);
  return a.body;
}

function warn(ctx: CmdContext, message: string): void {
  ctx.err(`Warning: ${message}\n`);
}

interface GVR { group: string; version: string; resource: string }

// resourceFor: a fully specified "resource.version.group", else the mapper; unknown ones warn.
function resourceFor(ctx: CmdContext, arg: string): GVR {
  if (arg === '*') return { group: '', version: '', resource: arg };
  const lower = arg.toLowerCase();
  const parts = lower.split('.');
  if (parts.length >= 3) {
    const [resource, version, ...g] = parts;
    const group = g.join('.');
    const r = RESOURCES.find((x) => x.group === group && x.version === version && (x.resource === resource || x.singular === resource));
    if (r) return { group: r.group, version: r.version, resource: r.resource };
  }
  const dot = lower.indexOf('.');
  const gr = dot < 0 ? { resource: lower, group: '' } : { resource: lower.slice(0, dot), group: lower.slice(dot + 1) };
  try {
    const r = resolveResource(lower);
    return { group: r.group, version: r.version, resource: r.resource };
  } catch {
    const full = gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
    if (!NON_STANDARD_RESOURCE_NAMES.has(full)) {
      if (!gr.group) warn(ctx, `the server doesn't have a resource type '${gr.resource}'\n`);
      else warn(ctx, `the server doesn't have a resource type '${gr.resource}' in group '${gr.group}'\n`);
    }
    return { group: '', version: '', resource: arg };
  }
}

const canI: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  flags: flagsFor('auth can-i'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    const list = p.flags.list as boolean;
    const quiet = p.flags.quiet as boolean;
    const allNamespaces = p.flags['all-namespaces'] as boolean;
    const subresource = (p.flags.subresource as string) ?? '';
    const noHeaders = p.flags['no-headers'] as boolean;
    let verb = '';
    let nonResourceURL = '';
    let gvr: GVR = { group: '', version: '', resource: '' };
    let resourceName = '';
    // Complete
    if (list) {
      if (p.args.length !== 0) throw new CmdError('error: list option must be specified with no arguments');
    } else {
      if (p.args.length !== 2) {
        throw new CmdError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
      }
      verb = p.args[0];
      if (p.args[1].startsWith('/')) nonResourceURL = p.args[1];
      else {
        const slash = p.args[1].indexOf('/');
        gvr = resourceFor(ctx, slash < 0 ? p.args[1] : p.args[1].slice(0, slash));
        if (slash >= 0) resourceName = p.args[1].slice(slash + 1);
      }
    }
    const namespace = allNamespaces ? '' : ctx.namespace;
    // Validate
    if (list) {
      if (quiet || allNamespaces || subresource !== '') {
        throw new CmdError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
      }
    } else {
      if (nonResourceURL) {
        if (subresource) throw new CmdError('error: --subresource can not be used with NonResourceURL');
        if (gvr.resource || resourceName) throw new CmdError('error: NonResourceURL and ResourceName can not specified together');
        if (!NON_RESOURCE_URL_VERBS.has(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`);
      } else if (gvr.resource && !allNamespaces) {
        const served = gvr.resource === '*' ? undefined
          : RESOURCES.find((r) => r.group === gvr.group && r.version === gvr.version && r.resource === gvr.resource);
        if (served && !served.namespaced) {
          if (!gvr.group) warn(ctx, `resource '${gvr.resource}' is not namespace scoped\n`);
          else warn(ctx, `resource '${gvr.resource}' is not namespace scoped in group '${gvr.group}'\n`);
        }
        if (!RESOURCE_VERBS.has(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`);
      }
      if (noHeaders) throw new CmdError('error: --no-headers cannot be set without --list specified');
    }

    if (list) {
      const r = await review(ctx, p, 'authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', {
        kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { namespace } });
      printRules(ctx, r.status as Json, noHeaders);
      return 0;
    }
    const spec = nonResourceURL
      ? { nonResourceAttributes: { path: nonResourceURL, verb } }
      : { resourceAttributes: { ...(namespace ? { namespace } : {}), verb, ...(gvr.group ? { group: gvr.group } : {}),
        resource: gvr.resource, ...(subresource ? { subresource } : {}), ...(resourceName ? { name: resourceName } : {}) } };
    const r = await review(ctx, p, 'authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', {
      kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec });
    const st = (r.status ?? {}) as { allowed?: boolean; reason?: string; evaluationError?: string };
    if (!quiet) {
      if (st.allowed) ctx.out('yes\n');
      else ctx.out(`no${st.reason ? ` - ${st.reason}` : ''}${st.evaluationError ? ` - ${st.evaluationError}` : ''}\n`);
    }
    return st.allowed ? 0 : 1;
  },
};

const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

/** PolicyRule.String() (gogo-generated), the sort key of the --list table. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},`
    + `ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

// rbacutil.BreakdownRule
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length) {
          for (const n of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [n] });
        } else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

// rbacutil.CompactRules: simple rules (one group, one resource, at most one name) merge their verbs.
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = (r.resourceNames?.length ?? 0) <= 1 && !r.nonResourceURLs?.length && r.apiGroups?.length === 1 && r.resources?.length === 1;
    if (!isSimple) { out.push(r); continue; }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) { simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] }); continue; }
    for (const v of r.verbs ?? []) if (!existing.verbs!.includes(v)) existing.verbs!.push(v);
  }
  return [...out, ...simple.values()];
}

// describe.CombineResourceGroup
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [head, ...tail] = resources[0].split('/');
  let out = head;
  if (groups?.length && groups[0] !== '') out = `${out}.${groups[0]}`;
  if (tail.length) out = `${out}/${tail.join('/')}`;
  return out;
}

function printRules(ctx: CmdContext, status: Json, noHeaders: boolean): void {
  if (status.incomplete) warn(ctx, `the list may be incomplete: ${(status.evaluationError as string | undefined) ?? ''}`);
  const rules: PolicyRule[] = [
    ...((status.resourceRules ?? []) as PolicyRule[]).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
    ...((status.nonResourceRules ?? []) as PolicyRule[]).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const sorted = compact(rules.flatMap(breakdown)).map((r) => [ruleString(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
  const w = new TabWriter(KUBECTL_TABWRITER);
  if (!noHeaders) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  for (const r of sorted) {
    w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  }
  w.flush();
  ctx.out(w.take());
}

const whoami: Command = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  flags: flagsFor('auth whoami'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    const output = (p.flags.output as string) ?? '';
    const printer = output ? genericPrinter({ output, template: p.flags.template as string,
      allowMissingTemplateKeys: p.flags['allow-missing-template-keys'] as boolean, readFile: (f) => ctx.env.fs.read(f), typed: true }) : undefined;
    let r: Json;
    try {
      r = await review(ctx, p, 'authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview',
        { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: {} } });
    } catch (e) {
      if (e instanceof StatusError && e.status.code === 403) {
        throw new CmdError('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it');
      }
      throw e;
    }
    if (printer) {
      try {
        printer.printObj(fillZeroValues(r, 'authentication.k8s.io/v1', 'SelfSubjectReview', { goOrder: true }), { write: (t) => ctx.out(t) });
      } catch (e) {
        if (e instanceof PrintError) throw new CmdError(`error: ${e.message}`);
        throw e;
      }
      return 0;
    }
    const ui = ((r.status as Json | undefined)?.userInfo ?? {}) as { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> };
    const w = new TabWriter(KUBECTL_TABWRITER);
    w.write('ATTRIBUTE\tVALUE\n');
    if (ui.username) w.write(`Username\t${ui.username}\n`);
    if (ui.uid) w.write(`UID\t${ui.uid}\n`);
    if (ui.groups?.length) w.write(`Groups\t${goList(ui.groups)}\n`);
    for (const k of Object.keys(ui.extra ?? {}).sort()) w.write(`Extra: ${k}\t${goList(ui.extra![k])}\n`);
    w.flush();
    ctx.out(w.take());
    return 0;
  },
};

export const authCommand: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  flags: flagsFor('auth'),
  subcommands: [canI, whoami],
};
