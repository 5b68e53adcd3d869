// Who may do what: the API server's authorizer chain as minikube runs it (the system:masters group is
// always allowed — k8s.io/apiserver authorizerfactory privilegedGroupAuthorizer — then RBAC:
// plugin/pkg/auth/authorizer/rbac rbac.go and pkg/registry/rbac/validation/rule.go), over the cluster's
// Roles, ClusterRoles and bindings, plus the bootstrap ClusterRoles every user gets (system:basic-user,
// system:discovery, system:public-info-viewer) and cluster-admin, when the cluster has none of its own.
// It answers SelfSubjectAccessReviews and SelfSubjectRulesReviews (`kubectl auth can-i`).
import type { KubeObject } from '../../engine/api/types';

/** An authenticated user (k8s.io/apiserver pkg/authentication/user.Info). */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** The user the minikube kubeconfig's client certificate names (CN=minikube-user, O=system:masters). */
export const MINIKUBE_USER: UserInfo = { username: 'minikube-user', groups: ['system:masters', 'system:authenticated'] };

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject { kind: string; name: string; namespace?: string; apiGroup?: string }
interface RoleRef { kind: string; name: string; apiGroup?: string }
type Role = KubeObject & { rules?: PolicyRule[] };
type Binding = KubeObject & { subjects?: Subject[]; roleRef: RoleRef };

/** The RBAC objects of a cluster. */
export interface Policy {
  clusterRoles: Role[];
  clusterRoleBindings: Binding[];
  roles: Role[];
  roleBindings: Binding[];
}

/** A request's attributes (authorizer.Attributes). */
export interface Attributes {
  verb: string;
  /** True for API resources; false for non-resource URLs. */
  resourceRequest: boolean;
  namespace?: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  path?: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

/**
 * Applies impersonation (k8s.io/apiserver pkg/endpoints/filters/impersonation.go): a service account name
 * brings its groups when none are given; every non-anonymous user is in system:authenticated.
 */
export function impersonatedUser(username: string, groups: string[] = [], uid?: string): UserInfo {
  let gs = [...groups];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (sa && gs.length === 0) gs = ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`];
  if (username !== 'system:anonymous') {
    if (!gs.includes('system:authenticated') && !gs.includes('system:unauthenticated')) gs.push('system:authenticated');
  } else if (!gs.includes('system:unauthenticated')) gs.push('system:unauthenticated');
  return { username, groups: gs, ...(uid ? { uid } : {}) };
}

const meta = (name: string, labels: Record<string, string> = { 'kubernetes.io/bootstrapping': 'rbac-defaults' }) =>
  ({ name, labels, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } });

/** The bootstrap ClusterRoles a kubeadm/minikube cluster has for every user (a subset of bootstrappolicy). */
export const BOOTSTRAP_CLUSTER_ROLES: Role[] = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('cluster-admin'), rules: [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['*'], nonResourceURLs: ['*'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('system:basic-user'), rules: [
    { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
    { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('system:discovery'), rules: [
    { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('system:public-info-viewer'), rules: [
    { verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }] },
];

const binding = (name: string, role: string, groups: string[]): Binding => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta(name),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
});

/** Their bindings. */
export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: Binding[] = [
  binding('cluster-admin', 'cluster-admin', ['system:masters']),
  binding('system:basic-user', 'system:basic-user', ['system:authenticated']),
  binding('system:discovery', 'system:discovery', ['system:authenticated']),
  binding('system:public-info-viewer', 'system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
];

/** The cluster's policy with the bootstrap roles and bindings it lacks added. */
export function withBootstrap(p: Policy): Policy {
  const roleNames = new Set(p.clusterRoles.map((r) => r.metadata?.name));
  const bindingNames = new Set(p.clusterRoleBindings.map((b) => b.metadata?.name));
  return {
    ...p,
    clusterRoles: [...BOOTSTRAP_CLUSTER_ROLES.filter((r) => !roleNames.has(r.metadata?.name)), ...p.clusterRoles],
    clusterRoleBindings: [...BOOTSTRAP_CLUSTER_ROLE_BINDINGS.filter((b) => !bindingNames.has(b.metadata?.name)), ...p.clusterRoleBindings],
  };
}

function appliesTo(user: UserInfo, s: Subject, namespace: string): boolean {
  switch (s.kind) {
    case 'User': return user.username === s.name;
    case 'Group': return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || namespace;
      if (!ns) return false;
      return user.username === `system:serviceaccount:${ns}:${s.name}`;
    }
    default: return false;
  }
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

interface Visit { source: string; rule: PolicyRule }

/** VisitRulesFor: every rule that applies to the user in the namespace, with errors for missing roles. */
function visitRules(p: Policy, user: UserInfo, namespace: string, visitor: (v: Visit | undefined, err?: string) => boolean): void {
  const clusterRole = (name: string) => p.clusterRoles.find((r) => r.metadata?.name === name);
  for (const b of p.clusterRoleBindings) {
    const s = (b.subjects ?? []).find((x) => appliesTo(user, x, ''));
    if (!s) continue;
    const role = b.roleRef.kind === 'ClusterRole' ? clusterRole(b.roleRef.name) : undefined;
    if (!role) {
      if (!visitor(undefined, `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(b.roleRef.name)} not found`)) return;
      continue;
    }
    const source = `ClusterRoleBinding ${JSON.stringify(b.metadata?.name)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(s, '')}`;
    for (const rule of role.rules ?? []) if (!visitor({ source, rule })) return;
  }
  if (!namespace) return;
  for (const b of p.roleBindings) {
    if (b.metadata?.namespace !== namespace) continue;
    const s = (b.subjects ?? []).find((x) => appliesTo(user, x, namespace));
    if (!s) continue;
    const role = b.roleRef.kind === 'ClusterRole' ? clusterRole(b.roleRef.name)
      : p.roles.find((r) => r.metadata?.namespace === namespace && r.metadata?.name === b.roleRef.name);
    if (!role) {
      const what = b.roleRef.kind === 'ClusterRole' ? 'clusterrole' : 'role';
      if (!visitor(undefined, `${what}.rbac.authorization.k8s.io ${JSON.stringify(b.roleRef.name)} not found`)) return;
      continue;
    }
    const source = `RoleBinding ${JSON.stringify(`${b.metadata?.name}/${namespace}`)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(s, namespace)}`;
    for (const rule of role.rules ?? []) if (!visitor({ source, rule })) return;
  }
}

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

/** RuleAllows (plugin/pkg/auth/authorizer/rbac/rbac.go). */
export function ruleAllows(a: Attributes, r: PolicyRule): boolean {
  if (a.resourceRequest) {
    const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource ?? '';
    const resOk = (r.resources ?? []).some((x) => x === '*' || x === combined || (!!a.subresource && x === `*/${a.subresource}`));
    const nameOk = !r.resourceNames?.length || r.resourceNames.includes(a.name ?? '');
    return has(r.verbs, a.verb) && has(r.apiGroups, a.apiGroup ?? '') && resOk && nameOk;
  }
  const path = a.path ?? '';
  const urlOk = (r.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
  return has(r.verbs, a.verb) && urlOk;
}

/** The union authorizer's decision: system:masters, then RBAC. */
export function authorize(p: Policy, user: UserInfo, a: Attributes): Decision {
  if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  const errors: string[] = [];
  let allowedBy: string | undefined;
  visitRules(p, user, a.namespace ?? '', (v, err) => {
    if (err) { errors.push(err); return true; }
    if (v && ruleAllows(a, v.rule)) { allowedBy = v.source; return false; }
    return true;
  });
  if (allowedBy) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
  const reason = errors.length === 0 ? '' : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
  return { allowed: false, reason };
}

/** RulesFor: the rules that apply to the user in the namespace (SelfSubjectRulesReview). */
export function rulesFor(p: Policy, user: UserInfo, namespace: string): {
  resourceRules: PolicyRule[]; nonResourceRules: PolicyRule[]; incomplete: boolean; evaluationError?: string;
} {
  const resourceRules: PolicyRule[] = [];
  const nonResourceRules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRules(p, user, namespace, (v, err) => {
    if (err) { errors.push(err); return true; }
    if (!v) return true;
    const r = v.rule;
    if (r.resources?.length) resourceRules.push({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources, resourceNames: r.resourceNames ?? [] });
    if (r.nonResourceURLs?.length) nonResourceRules.push({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs });
    return true;
  });
  // The RBAC authorizer reports a missing role as an evaluation error, not as an incomplete list.
  return { resourceRules, nonResourceRules, incomplete: false,
    ...(errors.length ? { evaluationError: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` } : {}) };
}

/** The API-server side of the three self reviews; undefined for other kinds. */
export function answerSelfReview(kind: string, body: Record<string, unknown>, user: UserInfo, policy: Policy, now: string):
  { code: number; body: Record<string, unknown> } | undefined {
  const p = withBootstrap(policy);
  const spec = (body.spec ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'SelfSubjectAccessReview': {
      const ra = spec.resourceAttributes as Record<string, string> | undefined;
      const na = spec.nonResourceAttributes as Record<string, string> | undefined;
      if ((ra ? 1 : 0) + (na ? 1 : 0) !== 1) {
        return invalid('SelfSubjectAccessReview', 'spec.resourceAttributes',
          'exactly one of nonResourceAttributes or resourceAttributes must be specified', spec.resourceAttributes ?? null);
      }
      const a: Attributes = ra
        ? { verb: ra.verb ?? '', resourceRequest: true, namespace: ra.namespace ?? '', apiGroup: ra.group ?? '', resource: ra.resource ?? '',
          subresource: ra.subresource ?? '', name: ra.name ?? '' }
        : { verb: na?.verb ?? '', resourceRequest: false, path: na?.path ?? '' };
      const d = authorize(p, user, a);
      return { code: 201, body: { ...body, kind, apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null, ...(body.metadata as object ?? {}) },
        status: { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) } } };
    }
    case 'SelfSubjectRulesReview': {
      const ns = (spec.namespace as string | undefined) ?? '';
      if (!ns) return { code: 400, body: badRequest('no namespace on request') };
      const r = rulesFor(p, user, ns);
      return { code: 201, body: { ...body, kind, apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null, ...(body.metadata as object ?? {}) }, status: r } };
    }
    case 'SelfSubjectReview':
      return { code: 201, body: { kind, apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: now },
        status: { userInfo: { username: user.username, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups, ...(user.extra ? { extra: user.extra } : {}) } } } };
    default: return undefined;
  }
}

function badRequest(message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}

function invalid(kind: string, field: string, detail: string, value: unknown): { code: number; body: Record<string, unknown> } {
  const msg = `${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`;
  return { code: 422, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: `${kind}.authorization.k8s.io "" is invalid: ${msg}`, reason: 'Invalid',
    details: { group: 'authorization.k8s.io', kind, causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${detail}`, field }] }, code: 422 } };
}

/** Reads the cluster's RBAC objects through a lister (resource name → items). */
export async function loadPolicy(list: (resource: string) => Promise<KubeObject[]> | KubeObject[]): Promise<Policy> {
  const [clusterRoles, clusterRoleBindings, roles, roleBindings] = await Promise.all(
    ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'].map(async (r) => { try { return await list(r); } catch { return []; } }));
  return { clusterRoles: clusterRoles as Role[], clusterRoleBindings: clusterRoleBindings as Binding[], roles: roles as Role[], roleBindings: roleBindings as Binding[] };
}
