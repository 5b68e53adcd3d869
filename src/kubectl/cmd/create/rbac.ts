// kubectl create role, clusterrole, rolebinding, clusterrolebinding. Models
// k8s.io/kubectl/pkg/cmd/create/create_role.go, create_clusterrole.go, create_rolebinding.go and
// create_clusterrolebinding.go.
import type { KubeObject } from '../../../engine/api/types';
import { RESOURCES } from '../../../engine/api/kinds';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError, NoMatchError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, runCreate } from './runner';

const RBAC = 'rbac.authorization.k8s.io';
const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind',
  'escalate', 'impersonate'];
// validNonResourceVerbs of create clusterrole.
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
// Verbs that only apply to some resources (specialVerbs).
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  escalate: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

interface ResourceOption { group: string; resource: string; subresource: string }

// RESTMapper.ResourceFor with kubectl's shortcut expansion: the full plural and group of a resource.
function resourceFor(resource: string, group: string): { group: string; resource: string } {
  const r = resource.toLowerCase();
  const m = RESOURCES.find((x) => (group === '' || x.group === group)
    && (x.resource === r || x.singular === r || x.shortNames.includes(r) || x.kind.toLowerCase() === r));
  if (!m) throw new NoMatchError(group ? `the server doesn't have a resource type "${resource}" in group "${group}"` : `the server doesn't have a resource type "${resource}"`);
  return { group: m.group, resource: m.resource };
}

function uniqueVerbs(verbs: string[]): string[] {
  const out: string[] = [];
  for (const v of verbs) {
    if (v === '*') return ['*'];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

function resourceOptions(specs: string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of specs) {
    const [main, sub] = r.split(/\/(.*)/s);
    const dot = main.indexOf('.');
    const o = { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), subresource: sub ?? '' };
    if (o.resource === '*' && dot < 0 && sub === undefined) return [o];
    out.push(o);
  }
  return out;
}

// Validate + validateResource of create role: verbs, resources, special verbs.
function validateRule(ctx: CmdContext, verbs: string[], resources: ResourceOption[], needResources: boolean): void {
  if (!verbs.length) throw new CmdError('error: at least one verb must be specified');
  for (const v of verbs) if (!VALID_VERBS.includes(v)) ctx.err(`Warning: '${v}' is not a standard resource verb\n`);
  if (needResources && !resources.length) throw new CmdError('error: at least one resource must be specified');
  for (const r of resources) {
    if (!r.resource) throw new CmdError('error: resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    let mapped = { group: r.group, resource: r.resource };
    let err: unknown;
    try {
      mapped = resourceFor(r.resource, r.group);
    } catch (e) {
      err = e;
    }
    for (const v of verbs) {
      const special = SPECIAL_VERBS[v];
      if (!special) continue;
      if (!special.some(([g, res]) => g === mapped.group && res === mapped.resource)) {
        throw new CmdError(`error: can not perform '${v}' on '${mapped.resource}' in group '${mapped.group}'`);
      }
      err = undefined;
    }
    if (err) throw err;
  }
}

// generateResourcePolicyRules: one rule per API group (groups sorted), then the non-resource URLs.
function policyRules(verbs: string[], resources: ResourceOption[], names: string[], urls: string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    let m = { group: r.group, resource: r.resource };
    try {
      m = resourceFor(r.resource, r.group);
    } catch {
      // kept as typed
    }
    const res = r.subresource ? `${m.resource}/${r.subresource}` : m.resource;
    const list = byGroup.get(m.group) ?? [];
    if (!list.includes(res)) list.push(res);
    byGroup.set(m.group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => {
    const rule: Record<string, unknown> = { verbs, apiGroups: [g], resources: byGroup.get(g) };
    if (names.length) rule.resourceNames = names;
    return rule;
  });
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

const unique = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);

function roleCommand(cluster: boolean): Command {
  const path = cluster ? 'create clusterrole' : 'create role';
  return {
    name: cluster ? 'clusterrole' : 'role',
    short: cluster ? 'Create a cluster role' : 'Create a role with single rule',
    flags: flagsFor(path),
    run: (p, ctx) => runCreate(p, ctx, {
      resource: [RBAC, cluster ? 'clusterroles' : 'roles'],
      validate() {
        const verbs = uniqueVerbs(p.flags.verb as string[]);
        const resources = resourceOptions(p.flags.resource as string[]);
        if (!cluster) return validateRule(ctx, verbs, resources, true);
        const agg = p.flags['aggregation-rule'] as Record<string, string>;
        const urls = p.flags['non-resource-url'] as string[];
        if (Object.keys(agg).length) {
          if (verbs.length || resources.length || urls.length || (p.flags['resource-name'] as string[]).length) {
            throw new CmdError('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
          }
          return;
        }
        if (!verbs.length) throw new CmdError('error: at least one verb must be specified');
        if (!resources.length && !urls.length) throw new CmdError('error: one of resource or nonResourceURL must be specified');
        if (resources.length) validateRule(ctx, verbs, resources, false);
        if (urls.length) {
          for (const v of verbs) {
            if (!NON_RESOURCE_VERBS.includes(v)) throw new CmdError(`error: invalid verb: '${v}' for nonResourceURL`);
          }
        }
        for (const u of urls) {
          if (u === '*') continue;
          if (!u.startsWith('/')) throw new CmdError('error: nonResourceURL should start with /');
          if (u.slice(0, -1).includes('*')) throw new CmdError('error: nonResourceURL only supports wildcard matches when \'*\' is at the end');
        }
      },
      build(_p, _ctx, name): KubeObject {
        const verbs = uniqueVerbs(p.flags.verb as string[]);
        const resources = resourceOptions(p.flags.resource as string[]);
        const names = unique(p.flags['resource-name'] as string[]);
        const obj: KubeObject & Record<string, unknown> = { apiVersion: `${RBAC}/v1`, kind: cluster ? 'ClusterRole' : 'Role',
          metadata: { name, namespace: cluster ? undefined : generatedNamespace(ctx) } };
        const agg = cluster ? p.flags['aggregation-rule'] as Record<string, string> : {};
        if (Object.keys(agg).length) {
          obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: agg }] };
          obj.rules = null;
          return obj;
        }
        const urls = cluster ? unique(p.flags['non-resource-url'] as string[]) : [];
        obj.rules = policyRules(verbs, resources, names, urls);
        return obj;
      },
    }),
  };
}

// Subjects in kubectl's order: users, groups, then service accounts ("namespace:name").
function subjects(p: ParsedArgs): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const u of p.flags.user as string[]) out.push({ kind: 'User', apiGroup: RBAC, name: u });
  for (const g of p.flags.group as string[]) out.push({ kind: 'Group', apiGroup: RBAC, name: g });
  for (const sa of p.flags.serviceaccount as string[]) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CmdError('error: serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', namespace: parts[0], name: parts[1] });
  }
  return out;
}

function bindingCommand(cluster: boolean): Command {
  const path = cluster ? 'create clusterrolebinding' : 'create rolebinding';
  return {
    name: cluster ? 'clusterrolebinding' : 'rolebinding',
    short: cluster ? 'Create a cluster role binding for a particular cluster role' : 'Create a role binding for a particular role or cluster role',
    flags: flagsFor(path),
    run: (p, ctx) => runCreate(p, ctx, {
      resource: [RBAC, cluster ? 'clusterrolebindings' : 'rolebindings'],
      validate() {
        if (!cluster && !!(p.flags.role as string) === !!(p.flags.clusterrole as string)) {
          throw new CmdError('error: exactly one of clusterrole or role must be specified');
        }
        subjects(p);
      },
      build(_p, _ctx, name): KubeObject {
        const role = cluster ? '' : p.flags.role as string;
        const subs = subjects(p);
        return {
          apiVersion: `${RBAC}/v1`, kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
          metadata: { name, namespace: cluster ? undefined : generatedNamespace(ctx) },
          roleRef: { apiGroup: RBAC, kind: role ? 'Role' : 'ClusterRole', name: role || p.flags.clusterrole as string },
          subjects: subs.length ? subs : undefined,
        } as KubeObject;
      },
    }),
  };
}

/** `kubectl create role|clusterrole|rolebinding|clusterrolebinding`. */
export const createRoleCommand = roleCommand(false);
/** `kubectl create clusterrole`. */
export const createClusterRoleCommand = roleCommand(true);
/** `kubectl create rolebinding`. */
export const createRoleBindingCommand = bindingCommand(false);
/** `kubectl create clusterrolebinding`. */
export const createClusterRoleBindingCommand = bindingCommand(true);

