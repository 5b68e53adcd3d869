// The kinds registry: what the RESTMapper and discovery know. Models the resource lists of
// api/discovery/aggregated_v2.json (v1.32) for the kinds kubesim serves.

/** One served resource: its group/version/resource, kind, scope, names and verbs. */
export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural resource name, as in URLs ("deployments"). */
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  verbs: readonly string[];
  /** Subresources served besides the main resource ("status", "scale", "binding", "log", …). */
  subresources: readonly string[];
  /** True when the API server only stores it (no controller gives it behaviour yet). */
  storageOnly?: boolean;
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

type Def = [group: string, version: string, resource: string, kind: string, namespaced: boolean,
  shortNames?: string[], categories?: string[], subresources?: string[], extra?: Partial<ResourceInfo>];

const ALL = ['all'];

// Kept in the order `kubectl api-resources` prints groups: core first, then by group name.
const DEFS: Def[] = [
  ['', 'v1', 'bindings', 'Binding', true, [], [], [], { verbs: ['create'] }],
  ['', 'v1', 'componentstatuses', 'ComponentStatus', false, ['cs'], [], [], { verbs: ['get', 'list'] }],
  ['', 'v1', 'configmaps', 'ConfigMap', true, ['cm']],
  ['', 'v1', 'endpoints', 'Endpoints', true, ['ep']],
  ['', 'v1', 'events', 'Event', true, ['ev']],
  ['', 'v1', 'limitranges', 'LimitRange', true, ['limits'], [], [], { storageOnly: true }],
  ['', 'v1', 'namespaces', 'Namespace', false, ['ns'], [], ['status', 'finalize'],
    { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }],
  ['', 'v1', 'nodes', 'Node', false, ['no'], [], ['status', 'proxy']],
  ['', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc'], [], ['status']],
  ['', 'v1', 'persistentvolumes', 'PersistentVolume', false, ['pv'], [], ['status']],
  ['', 'v1', 'pods', 'Pod', true, ['po'], ALL,
    ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status']],
  ['', 'v1', 'podtemplates', 'PodTemplate', true, [], [], [], { storageOnly: true }],
  ['', 'v1', 'replicationcontrollers', 'ReplicationController', true, ['rc'], ALL, ['scale', 'status'], { storageOnly: true }],
  ['', 'v1', 'resourcequotas', 'ResourceQuota', true, ['quota'], [], ['status'], { storageOnly: true }],
  ['', 'v1', 'secrets', 'Secret', true, []],
  ['', 'v1', 'serviceaccounts', 'ServiceAccount', true, ['sa'], [], ['token']],
  ['', 'v1', 'services', 'Service', true, ['svc'], ALL, ['proxy', 'status'],
    { verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }],
  ['apps', 'v1', 'controllerrevisions', 'ControllerRevision', true],
  ['apps', 'v1', 'daemonsets', 'DaemonSet', true, ['ds'], ALL, ['status']],
  ['apps', 'v1', 'deployments', 'Deployment', true, ['deploy'], ALL, ['scale', 'status']],
  ['apps', 'v1', 'replicasets', 'ReplicaSet', true, ['rs'], ALL, ['scale', 'status']],
  ['apps', 'v1', 'statefulsets', 'StatefulSet', true, ['sts'], ALL, ['scale', 'status']],
  ['authentication.k8s.io', 'v1', 'selfsubjectreviews', 'SelfSubjectReview', false, [], [], [], { verbs: ['create'] }],
  ['authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, [], [], [], { verbs: ['create'] }],
  ['autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa'], ALL, ['status']],
  ['batch', 'v1', 'cronjobs', 'CronJob', true, ['cj'], ALL, ['status']],
  ['batch', 'v1', 'jobs', 'Job', true, [], ALL, ['status']],
  ['coordination.k8s.io', 'v1', 'leases', 'Lease', true],
  ['discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true],
  ['networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false],
  ['networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, ['ing'], [], ['status']],
  ['networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, ['netpol'], [], [], { storageOnly: true }],
  ['policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, ['pdb'], [], ['status'], { storageOnly: true }],
  ['rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false, [], [], [], { storageOnly: true }],
  ['rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false, [], [], [], { storageOnly: true }],
  ['rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true, [], [], [], { storageOnly: true }],
  ['rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true, [], [], [], { storageOnly: true }],
  ['scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, ['pc'], [], [], { storageOnly: true }],
  ['storage.k8s.io', 'v1', 'csidrivers', 'CSIDriver', false, [], [], [], { storageOnly: true }],
  ['storage.k8s.io', 'v1', 'csinodes', 'CSINode', false, [], [], [], { storageOnly: true }],
  ['storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, ['sc']],
  ['storage.k8s.io', 'v1', 'volumeattachments', 'VolumeAttachment', false, [], [], ['status'], { storageOnly: true }],
];

/** Every resource the API server serves, in discovery order. */
export const RESOURCES: readonly ResourceInfo[] = DEFS.map(([group, version, resource, kind, namespaced,
  shortNames = [], categories = [], subresources = [], extra = {}]) => ({
  group, version, resource, kind, namespaced, shortNames, categories, subresources,
  singular: kind.toLowerCase(),
  verbs: extra.verbs ?? CRUD,
  ...(extra.storageOnly ? { storageOnly: true } : {}),
}));

const byGR = new Map<string, ResourceInfo>();
const byGVK = new Map<string, ResourceInfo>();
for (const r of RESOURCES) {
  byGR.set(`${r.resource}.${r.group}`, r);
  byGVK.set(`${r.group}/${r.version}/${r.kind}`, r);
}

/** Looks a resource up by group and plural name. */
export function resourceFor(group: string, resource: string): ResourceInfo | undefined {
  return byGR.get(`${resource}.${group}`);
}

/** Looks a resource up by group, version and kind. */
export function resourceForKind(group: string, version: string, kind: string): ResourceInfo | undefined {
  return byGVK.get(`${group}/${version}/${kind}`);
}

/** "apps/v1" → {group: "apps", version: "v1"}; "v1" → {group: "", version: "v1"}. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** {group, version} → "apps/v1" or "v1". */
export function apiVersionOf(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** GroupResource.String(): "pods", "deployments.apps". */
export function groupResource(r: { group: string; resource: string }): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** GroupKind.String(): "Pod", "Deployment.apps". */
export function groupKind(r: { group: string; kind: string }): string {
  return r.group ? `${r.kind}.${r.group}` : r.kind;
}

/** Every group/version served, in discovery order ("v1" first). */
export function servedGroupVersions(): string[] {
  const out: string[] = [];
  for (const r of RESOURCES) {
    const gv = apiVersionOf(r);
    if (!out.includes(gv)) out.push(gv);
  }
  return out;
}
