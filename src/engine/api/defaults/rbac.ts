// rbac.authorization.k8s.io/v1 defaults. Models pkg/apis/rbac/v1/defaults.go.
import { type Obj, objAt, objects, defaultString } from './util';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding / SetDefaults_Subject. */
export function defaultRoleBinding(rb: Obj): void {
  const roleRef = objAt(rb, 'roleRef');
  if (roleRef) defaultString(roleRef, 'apiGroup', RBAC_GROUP);
  for (const s of objects(rb, 'subjects')) {
    if (s.apiGroup !== undefined && s.apiGroup !== null && s.apiGroup !== '') continue;
    // ServiceAccount subjects are in the core group: apiGroup stays "".
    if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC_GROUP;
  }
}
