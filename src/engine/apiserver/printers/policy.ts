// Printers of the policy, scheduling and RBAC kinds: PodDisruptionBudget, PriorityClass, RoleBinding
// and ClusterRoleBinding.
// Models pkg/printers/internalversion/printers.go printPodDisruptionBudget, printPriorityClass,
// printRoleBinding, printClusterRoleBinding and pkg/apis/rbac/helpers.go SubjectsStrings (v1.32).
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { ClusterRoleBinding, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { age, nameOf } from './format';
import { AGE, NAME, col, doc } from './handler';
import type { DocRef, TableHandler } from './handler';

/** PodDisruptionBudget: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const podDisruptionBudgetHandler: TableHandler<PodDisruptionBudget> = {
  columns: [
    NAME,
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE,
  ],
  cells(pdb, now) {
    // intstr.IntOrString.String(): "2" or "50%"; unset bounds read "N/A".
    const minAvailable = pdb.spec?.minAvailable;
    const maxUnavailable = pdb.spec?.maxUnavailable;
    return [nameOf(pdb), minAvailable === undefined || minAvailable === null ? 'N/A' : String(minAvailable),
      maxUnavailable === undefined || maxUnavailable === null ? 'N/A' : String(maxUnavailable),
      pdb.status?.disruptionsAllowed ?? 0, age(pdb, now)];
  },
};

/** PriorityClass: NAME VALUE GLOBAL-DEFAULT AGE | PREEMPTIONPOLICY. */
export const priorityClassHandler: TableHandler<PriorityClass> = {
  columns: [
    NAME,
    col('Value', 'integer', doc('schedulingv1.PriorityClass.value')),
    col('Global-Default', 'boolean', doc('schedulingv1.PriorityClass.globalDefault')),
    AGE,
    // Upstream declares this column priority 0 yet fills it only when wide (always, on the server).
    col('PreemptionPolicy', 'string', doc('schedulingv1.PriorityClass.preemptionPolicy')),
  ],
  cells: (pc, now) => [nameOf(pc), pc.value ?? 0, pc.globalDefault ?? false, age(pc, now), pc.preemptionPolicy ?? ''],
};

/** rbac.SubjectsStrings: users, groups and "namespace/name" service accounts. */
export function subjectsStrings(subjects: readonly Subject[] | undefined): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}

function bindingCells(b: RoleBinding | ClusterRoleBinding, now: number): unknown[] {
  const [users, groups, sas] = subjectsStrings(b.subjects);
  return [nameOf(b), `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, age(b, now),
    users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingColumns(what: 'roleBinding' | 'clusterRoleBinding', roleRefDoc: DocRef) {
  return [
    NAME,
    col('Role', 'string', roleRefDoc),
    AGE,
    col('Users', 'string', `Users in the ${what}`, { priority: 1 }),
    col('Groups', 'string', `Groups in the ${what}`, { priority: 1 }),
    col('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, { priority: 1 }),
  ];
}

/** RoleBinding: NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS. */
export const roleBindingHandler: TableHandler<RoleBinding> = {
  columns: bindingColumns('roleBinding', doc('rbacv1beta1.RoleBinding.roleRef')),
  cells: bindingCells,
};

/** ClusterRoleBinding: NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS. */
export const clusterRoleBindingHandler: TableHandler<ClusterRoleBinding> = {
  columns: bindingColumns('clusterRoleBinding', doc('rbacv1beta1.ClusterRoleBinding.roleRef')),
  cells: bindingCells,
};
