// Patch and merge facts of every field, from the Go struct tags and markers of the v1.32 sources:
// `patchStrategy:"merge" patchMergeKey:"name"` tags (strategic merge patch) and the `+listType=`,
// `+listMapKey=`, `+mapType=`, `+structType=` markers (server-side apply). Sources are named per group:
// staging/src/k8s.io/api/<group>/<version>/types.go and staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go
// at v1.32.0. Hand-kept; lists with no entry here are atomic for server-side apply and replaced whole by a
// strategic merge patch.

/** Patch facts of one field, as its Go tags and markers state them. */
export interface FieldPatchFacts {
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  readonly mapType?: 'atomic' | 'granular';
  readonly structType?: 'atomic' | 'granular';
}

/** `+listType=atomic`. */
const ATOMIC: FieldPatchFacts = { listType: 'atomic' };
/** `+listType=set`. */
const SET: FieldPatchFacts = { listType: 'set' };
/** `patchStrategy:"merge" patchMergeKey:"<key>"` with `+listType=map` keyed by listMapKeys (default: the merge key). */
function mergeBy(key: string, listMapKeys: readonly string[] = [key]): FieldPatchFacts {
  return { patchStrategy: 'merge', patchMergeKey: key, listType: 'map', listMapKeys };
}

/** Per definition key, the fields that carry patch facts. */
export const PATCH_FACTS: Record<string, Record<string, FieldPatchFacts>> = {
  // staging/src/k8s.io/api/apps/v1/types.go
  'apps.v1.DaemonSetStatus': { conditions: mergeBy('type') },
  'apps.v1.DeploymentSpec': { strategy: { patchStrategy: 'retainKeys' } },
  'apps.v1.DeploymentStatus': { conditions: mergeBy('type') },
  'apps.v1.ReplicaSetStatus': { conditions: mergeBy('type') },
  'apps.v1.StatefulSetSpec': { volumeClaimTemplates: ATOMIC },
  'apps.v1.StatefulSetStatus': { conditions: mergeBy('type') },
  // staging/src/k8s.io/api/authentication/v1/types.go
  'authentication.v1.TokenRequestSpec': { audiences: ATOMIC },
  'authentication.v1.UserInfo': { groups: ATOMIC },
  // staging/src/k8s.io/api/authorization/v1/types.go
  'authorization.v1.FieldSelectorAttributes': { requirements: ATOMIC },
  'authorization.v1.LabelSelectorAttributes': { requirements: ATOMIC },
  // staging/src/k8s.io/api/autoscaling/v2/types.go
  'autoscaling.v2.HPAScalingRules': { policies: ATOMIC },
  'autoscaling.v2.HorizontalPodAutoscalerSpec': { metrics: ATOMIC },
  'autoscaling.v2.HorizontalPodAutoscalerStatus': { currentMetrics: ATOMIC, conditions: mergeBy('type') },
  // staging/src/k8s.io/api/batch/v1/types.go
  'batch.v1.CronJobStatus': { active: ATOMIC },
  'batch.v1.JobStatus': { conditions: { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'atomic' } },
  'batch.v1.PodFailurePolicy': { rules: ATOMIC },
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': { values: SET },
  'batch.v1.PodFailurePolicyRule': { onPodConditions: ATOMIC },
  'batch.v1.SuccessPolicy': { rules: ATOMIC },
  'batch.v1.UncountedTerminatedPods': { succeeded: SET, failed: SET },
  // staging/src/k8s.io/api/core/v1/types.go
  'core.v1.Capabilities': { add: ATOMIC, drop: ATOMIC },
  'core.v1.CephFSPersistentVolumeSource': { monitors: ATOMIC },
  'core.v1.CephFSVolumeSource': { monitors: ATOMIC },
  'core.v1.ComponentStatus': { conditions: mergeBy('type') },
  'core.v1.ConfigMapProjection': { items: ATOMIC },
  'core.v1.ConfigMapVolumeSource': { items: ATOMIC },
  'core.v1.Container': {
    command: ATOMIC,
    args: ATOMIC,
    ports: mergeBy('containerPort', ['containerPort', 'protocol']),
    envFrom: ATOMIC,
    env: mergeBy('name'),
    resizePolicy: ATOMIC,
    volumeMounts: mergeBy('mountPath'),
    volumeDevices: mergeBy('devicePath'),
  },
  'core.v1.ContainerImage': { names: ATOMIC },
  'core.v1.ContainerStatus': { volumeMounts: mergeBy('mountPath'), allocatedResourcesStatus: mergeBy('name') },
  'core.v1.DownwardAPIProjection': { items: ATOMIC },
  'core.v1.DownwardAPIVolumeSource': { items: ATOMIC },
  'core.v1.EndpointSubset': { addresses: ATOMIC, notReadyAddresses: ATOMIC, ports: ATOMIC },
  'core.v1.Endpoints': { subsets: ATOMIC },
  'core.v1.EphemeralContainer': {
    command: ATOMIC,
    args: ATOMIC,
    ports: mergeBy('containerPort', ['containerPort', 'protocol']),
    envFrom: ATOMIC,
    env: mergeBy('name'),
    resizePolicy: ATOMIC,
    volumeMounts: mergeBy('mountPath'),
    volumeDevices: mergeBy('devicePath'),
  },
  'core.v1.ExecAction': { command: ATOMIC },
  'core.v1.FCVolumeSource': { targetWWNs: ATOMIC, wwids: ATOMIC },
  'core.v1.HTTPGetAction': { httpHeaders: ATOMIC },
  'core.v1.HostAlias': { hostnames: ATOMIC },
  'core.v1.ISCSIPersistentVolumeSource': { portals: ATOMIC },
  'core.v1.ISCSIVolumeSource': { portals: ATOMIC },
  'core.v1.LimitRangeSpec': { limits: ATOMIC },
  'core.v1.LinuxContainerUser': { supplementalGroups: ATOMIC },
  'core.v1.LoadBalancerIngress': { ports: ATOMIC },
  'core.v1.LoadBalancerStatus': { ingress: ATOMIC },
  'core.v1.NamespaceSpec': { finalizers: ATOMIC },
  'core.v1.NamespaceStatus': { conditions: mergeBy('type') },
  'core.v1.NodeAffinity': { preferredDuringSchedulingIgnoredDuringExecution: ATOMIC },
  'core.v1.NodeSelector': { nodeSelectorTerms: ATOMIC },
  'core.v1.NodeSelectorRequirement': { values: ATOMIC },
  'core.v1.NodeSelectorTerm': { matchExpressions: ATOMIC, matchFields: ATOMIC },
  'core.v1.NodeSpec': { podCIDRs: { patchStrategy: 'merge', listType: 'set' }, taints: ATOMIC },
  'core.v1.NodeStatus': {
    conditions: mergeBy('type'),
    addresses: mergeBy('type'),
    images: ATOMIC,
    volumesInUse: ATOMIC,
    volumesAttached: ATOMIC,
    runtimeHandlers: ATOMIC,
  },
  'core.v1.PersistentVolumeClaimSpec': { accessModes: ATOMIC },
  'core.v1.PersistentVolumeClaimStatus': {
    accessModes: ATOMIC,
    conditions: mergeBy('type'),
    allocatedResourceStatuses: { mapType: 'granular' },
  },
  'core.v1.PersistentVolumeSpec': { accessModes: ATOMIC, claimRef: { structType: 'granular' }, mountOptions: ATOMIC },
  'core.v1.PodAffinity': {
    requiredDuringSchedulingIgnoredDuringExecution: ATOMIC,
    preferredDuringSchedulingIgnoredDuringExecution: ATOMIC,
  },
  'core.v1.PodAffinityTerm': { namespaces: ATOMIC, matchLabelKeys: ATOMIC, mismatchLabelKeys: ATOMIC },
  'core.v1.PodAntiAffinity': {
    requiredDuringSchedulingIgnoredDuringExecution: ATOMIC,
    preferredDuringSchedulingIgnoredDuringExecution: ATOMIC,
  },
  'core.v1.PodDNSConfig': { nameservers: ATOMIC, searches: ATOMIC, options: ATOMIC },
  'core.v1.PodSecurityContext': { supplementalGroups: ATOMIC, sysctls: ATOMIC },
  'core.v1.PodSpec': {
    volumes: { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
    initContainers: mergeBy('name'),
    containers: mergeBy('name'),
    ephemeralContainers: mergeBy('name'),
    nodeSelector: { mapType: 'atomic' },
    imagePullSecrets: mergeBy('name'),
    tolerations: ATOMIC,
    hostAliases: mergeBy('ip'),
    readinessGates: ATOMIC,
    topologySpreadConstraints: mergeBy('topologyKey', ['topologyKey', 'whenUnsatisfiable']),
    schedulingGates: mergeBy('name'),
    resourceClaims: { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  },
  'core.v1.PodStatus': {
    conditions: mergeBy('type'),
    hostIPs: { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' },
    podIPs: mergeBy('ip'),
    initContainerStatuses: ATOMIC,
    containerStatuses: ATOMIC,
    ephemeralContainerStatuses: ATOMIC,
    resourceClaimStatuses: { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  },
  'core.v1.ProjectedVolumeSource': { sources: ATOMIC },
  'core.v1.RBDPersistentVolumeSource': { monitors: ATOMIC },
  'core.v1.RBDVolumeSource': { monitors: ATOMIC },
  'core.v1.ReplicationControllerSpec': { selector: { mapType: 'atomic' } },
  'core.v1.ReplicationControllerStatus': { conditions: mergeBy('type') },
  'core.v1.ResourceQuotaSpec': { scopes: ATOMIC },
  'core.v1.ResourceRequirements': { claims: { listType: 'map', listMapKeys: ['name'] } },
  'core.v1.ResourceStatus': { resources: { listType: 'map', listMapKeys: ['resourceID'] } },
  'core.v1.ScopeSelector': { matchExpressions: ATOMIC },
  'core.v1.ScopedResourceSelectorRequirement': { values: ATOMIC },
  'core.v1.SecretProjection': { items: ATOMIC },
  'core.v1.SecretVolumeSource': { items: ATOMIC },
  'core.v1.ServiceAccount': { secrets: mergeBy('name'), imagePullSecrets: ATOMIC },
  'core.v1.ServiceSpec': {
    ports: mergeBy('port', ['port', 'protocol']),
    selector: { mapType: 'atomic' },
    clusterIPs: ATOMIC,
    externalIPs: ATOMIC,
    loadBalancerSourceRanges: ATOMIC,
    ipFamilies: ATOMIC,
  },
  'core.v1.ServiceStatus': { conditions: mergeBy('type') },
  'core.v1.TopologySelectorLabelRequirement': { values: ATOMIC },
  'core.v1.TopologySelectorTerm': { matchLabelExpressions: ATOMIC },
  'core.v1.TopologySpreadConstraint': { matchLabelKeys: ATOMIC },
  // staging/src/k8s.io/api/discovery/v1/types.go
  'discovery.v1.Endpoint': { addresses: SET },
  'discovery.v1.EndpointHints': { forZones: ATOMIC },
  'discovery.v1.EndpointSlice': { endpoints: ATOMIC, ports: ATOMIC },
  // staging/src/k8s.io/api/networking/v1/types.go
  'networking.v1.HTTPIngressRuleValue': { paths: ATOMIC },
  'networking.v1.IPBlock': { except: ATOMIC },
  'networking.v1.IngressLoadBalancerIngress': { ports: ATOMIC },
  'networking.v1.IngressLoadBalancerStatus': { ingress: ATOMIC },
  'networking.v1.IngressSpec': { tls: ATOMIC, rules: ATOMIC },
  'networking.v1.IngressTLS': { hosts: ATOMIC },
  'networking.v1.NetworkPolicyEgressRule': { ports: ATOMIC, to: ATOMIC },
  'networking.v1.NetworkPolicyIngressRule': { ports: ATOMIC, from: ATOMIC },
  'networking.v1.NetworkPolicySpec': { ingress: ATOMIC, egress: ATOMIC, policyTypes: ATOMIC },
  // staging/src/k8s.io/api/policy/v1/types.go
  'policy.v1.PodDisruptionBudgetSpec': { selector: { patchStrategy: 'replace' } },
  'policy.v1.PodDisruptionBudgetStatus': { conditions: mergeBy('type') },
  // staging/src/k8s.io/api/rbac/v1/types.go
  'rbac.v1.AggregationRule': { clusterRoleSelectors: ATOMIC },
  'rbac.v1.ClusterRole': { rules: ATOMIC },
  'rbac.v1.ClusterRoleBinding': { subjects: ATOMIC },
  'rbac.v1.PolicyRule': {
    verbs: ATOMIC,
    apiGroups: ATOMIC,
    resources: ATOMIC,
    resourceNames: ATOMIC,
    nonResourceURLs: ATOMIC,
  },
  'rbac.v1.Role': { rules: ATOMIC },
  'rbac.v1.RoleBinding': { subjects: ATOMIC },
  // staging/src/k8s.io/api/storage/v1/types.go
  'storage.v1.CSIDriverSpec': { volumeLifecycleModes: SET, tokenRequests: ATOMIC },
  'storage.v1.CSINodeDriver': { topologyKeys: ATOMIC },
  'storage.v1.CSINodeSpec': { drivers: mergeBy('name') },
  'storage.v1.StorageClass': { mountOptions: ATOMIC, allowedTopologies: ATOMIC },
  // staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go
  'meta.v1.APIGroup': { versions: ATOMIC, serverAddressByClientCIDRs: ATOMIC },
  'meta.v1.APIGroupList': { groups: ATOMIC },
  'meta.v1.APIResource': { shortNames: ATOMIC, categories: ATOMIC },
  'meta.v1.APIResourceList': { resources: ATOMIC },
  'meta.v1.APIVersions': { versions: ATOMIC, serverAddressByClientCIDRs: ATOMIC },
  'meta.v1.DeleteOptions': { dryRun: ATOMIC },
  'meta.v1.FieldSelectorRequirement': { values: ATOMIC },
  'meta.v1.LabelSelector': { matchExpressions: ATOMIC },
  'meta.v1.LabelSelectorRequirement': { values: ATOMIC },
  'meta.v1.ObjectMeta': {
    ownerReferences: mergeBy('uid'),
    finalizers: { patchStrategy: 'merge', listType: 'set' },
    managedFields: ATOMIC,
  },
  'meta.v1.Status': { details: ATOMIC },
  'meta.v1.StatusDetails': { causes: ATOMIC },
  'meta.v1.Table': { columnDefinitions: ATOMIC, rows: ATOMIC },
  'meta.v1.TableRow': { cells: ATOMIC, conditions: ATOMIC },
};

/** Definitions marked `+structType=atomic`: replaced whole by server-side apply. */
export const ATOMIC_STRUCTS: ReadonlySet<string> = new Set([
  // staging/src/k8s.io/api/core/v1/types.go
  'core.v1.ConfigMapKeySelector',
  'core.v1.EndpointAddress',
  'core.v1.EndpointPort',
  'core.v1.LocalObjectReference',
  'core.v1.NodeSelector',
  'core.v1.NodeSelectorTerm',
  'core.v1.ObjectFieldSelector',
  'core.v1.ObjectReference',
  'core.v1.ResourceFieldSelector',
  'core.v1.ScopeSelector',
  'core.v1.SecretKeySelector',
  'core.v1.SecretReference',
  'core.v1.TopologySelectorTerm',
  'core.v1.TypedLocalObjectReference',
  // staging/src/k8s.io/api/discovery/v1/types.go
  'discovery.v1.EndpointPort',
  // staging/src/k8s.io/api/networking/v1/types.go
  'networking.v1.ServiceBackendPort',
  // staging/src/k8s.io/api/rbac/v1/types.go
  'rbac.v1.RoleRef',
  'rbac.v1.Subject',
  // staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go
  'meta.v1.LabelSelector',
  'meta.v1.OwnerReference',
]);
