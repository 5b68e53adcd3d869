import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/api/types';
import { MINIKUBE_USER, answerSelfReview, authorize, impersonatedUser, ruleAllows, rulesFor, withBootstrap, type Policy } from './rbac';

const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader', namespace: 'default' },
  rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
    { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] }] } as KubeObject;
const rb = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'read-pods', namespace: 'default' },
  subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'viewer' }],
  roleRef: { kind: 'Role', name: 'pod-reader', apiGroup: 'rbac.authorization.k8s.io' } } as unknown as KubeObject;
const dangling = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'view', namespace: 'default' },
  subjects: [{ kind: 'User', name: 'bob' }], roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' } } as unknown as KubeObject;
const policy: Policy = withBootstrap({ clusterRoles: [], clusterRoleBindings: [], roles: [role as never], roleBindings: [rb as never, dangling as never] });

describe('rbac authorizer', () => {
  it('allows system:masters everything', () => {
    expect(authorize(policy, MINIKUBE_USER, { verb: 'delete', resourceRequest: true, resource: 'nodes' }).allowed).toBe(true);
  });

  it('applies impersonation groups', () => {
    expect(impersonatedUser('jane')).toEqual({ username: 'jane', groups: ['system:authenticated'] });
    expect(impersonatedUser('system:serviceaccount:dev:x').groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated']);
    expect(impersonatedUser('system:anonymous').groups).toEqual(['system:unauthenticated']);
  });

  it('matches roles by verb, group, resource, subresource and name', () => {
    const jane = impersonatedUser('jane');
    const can = (a: Parameters<typeof authorize>[2]) => authorize(policy, jane, a).allowed;
    expect(can({ verb: 'get', resourceRequest: true, namespace: 'default', apiGroup: '', resource: 'pods' })).toBe(true);
    expect(can({ verb: 'delete', resourceRequest: true, namespace: 'default', apiGroup: '', resource: 'pods' })).toBe(false);
    expect(can({ verb: 'get', resourceRequest: true, namespace: 'kube-system', apiGroup: '', resource: 'pods' })).toBe(false);
    expect(can({ verb: 'get', resourceRequest: true, namespace: 'default', apiGroup: '', resource: 'pods', subresource: 'log' })).toBe(true);
    expect(can({ verb: 'get', resourceRequest: true, namespace: 'default', apiGroup: 'apps', resource: 'deployments', name: 'web' })).toBe(true);
    expect(can({ verb: 'get', resourceRequest: true, namespace: 'default', apiGroup: 'apps', resource: 'deployments', name: 'db' })).toBe(false);
    expect(can({ verb: 'get', resourceRequest: false, path: '/healthz' })).toBe(true);
    expect(authorize(policy, impersonatedUser('system:serviceaccount:default:viewer'),
      { verb: 'list', resourceRequest: true, namespace: 'default', apiGroup: '', resource: 'pods' }).allowed).toBe(true);
  });

  it('names a missing role in the reason', () => {
    expect(authorize(policy, impersonatedUser('bob'), { verb: 'get', resourceRequest: true, namespace: 'default', resource: 'pods' }))
      .toEqual({ allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "view" not found' });
  });

  it('matches wildcard URLs and subresources', () => {
    expect(ruleAllows({ verb: 'get', resourceRequest: false, path: '/apis/apps' }, { verbs: ['get'], nonResourceURLs: ['/apis/*'] })).toBe(true);
    expect(ruleAllows({ verb: 'update', resourceRequest: true, apiGroup: 'apps', resource: 'deployments', subresource: 'scale' },
      { verbs: ['*'], apiGroups: ['*'], resources: ['*/scale'] })).toBe(true);
  });

  it('lists rules for SelfSubjectRulesReview', () => {
    const r = rulesFor(policy, impersonatedUser('jane'), 'default');
    expect(r.resourceRules).toContainEqual({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'], resourceNames: [] });
    expect(r.nonResourceRules.length).toBe(2);
  });

  it('answers the self reviews', () => {
    const a = answerSelfReview('SelfSubjectAccessReview', { spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } }, MINIKUBE_USER, policy, 'now');
    expect(a?.code).toBe(201);
    expect((a?.body.status as { allowed: boolean }).allowed).toBe(true);
    expect(answerSelfReview('SelfSubjectAccessReview', { spec: {} }, MINIKUBE_USER, policy, 'now')?.code).toBe(422);
    const who = answerSelfReview('SelfSubjectReview', {}, MINIKUBE_USER, policy, '2025-01-01T00:00:00Z');
    expect(who?.body.status).toEqual({ userInfo: { username: 'minikube-user', groups: ['system:masters', 'system:authenticated'] } });
  });
});
