// The OpenAPI enums of the v1.32 API: Go string types marked `+enum` and their constants, read from
// staging/src/k8s.io/api/<group>/<version>/types.go and apimachinery pkg/apis/meta/v1/types.go (v1.32.0).
// Descriptions follow kube-openapi pkg/generators/enum.go. Hand-kept.

/**
 * The Go string types marked `+enum` (the OpenAPI enums), by Go type name: each value, sorted, with the
 * description kube-openapi gives it (the const's doc comment without its Go name; pkg/generators/enum.go).
 */
export const ENUMS: Record<string, readonly (readonly [value: string, description: string])[]> = {
  'v1.AddressType': [
    ['FQDN', 'represents a FQDN.'],
    ['IPv4', 'represents an IPv4 Address.'],
    ['IPv6', 'represents an IPv6 Address.'],
  ],
  'v1.AppArmorProfileType': [
    ['Localhost', 'indicates that a profile pre-loaded on the node should be used.'],
    ['RuntimeDefault', 'indicates that the container runtime\'s default AppArmor profile should be used.'],
    ['Unconfined', 'indicates that no AppArmor profile should be enforced.'],
  ],
  'v1.AzureDataDiskCachingMode': [
    ['None', ''],
    ['ReadOnly', ''],
    ['ReadWrite', ''],
  ],
  'v1.AzureDataDiskKind': [
    ['Dedicated', ''],
    ['Managed', ''],
    ['Shared', ''],
  ],
  'v1.ClaimResourceStatus': [
    ['ControllerResizeInProgress', 'State set when resize controller starts resizing the volume in control-plane.'],
    ['ControllerResizeInfeasible', 'State set when resize has failed in resize controller with a terminal unrecoverable error. Transient errors such as timeout should not set this status and should leave allocatedResourceStatus unmodified, so as resize controller can resume the volume expansion.'],
    ['NodeResizeInProgress', 'State set when kubelet starts resizing the volume.'],
    ['NodeResizeInfeasible', 'State set when resizing has failed in kubelet with a terminal unrecoverable error. Transient errors shouldn\'t set this status'],
    ['NodeResizePending', 'State set when resize controller has finished resizing the volume but further resizing of volume is needed on the node.'],
  ],
  'v1.CompletionMode': [
    ['Indexed', 'is a Job completion mode. In this mode, the Pods of a Job get an associated completion index from 0 to (.spec.completions - 1). The Job is considered complete when a Pod completes for each completion index.'],
    ['NonIndexed', 'is a Job completion mode. In this mode, the Job is considered complete when there have been .spec.completions successfully completed Pods. Pod completions are homologous to each other.'],
  ],
  'v1.ConcurrencyPolicy': [
    ['Allow', 'allows CronJobs to run concurrently.'],
    ['Forbid', 'forbids concurrent runs, skipping next run if previous hasn\'t finished yet.'],
    ['Replace', 'cancels currently running job and replaces it with a new one.'],
  ],
  'v1.DNSPolicy': [
    ['ClusterFirst', 'indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.'],
    ['ClusterFirstWithHostNet', 'indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.'],
    ['Default', 'indicates that the pod should use the default (as determined by kubelet) DNS settings.'],
    ['None', 'indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig.'],
  ],
  'v1.DaemonSetUpdateStrategyType': [
    ['OnDelete', 'Replace the old daemons only when it\'s killed'],
    ['RollingUpdate', 'Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other.'],
  ],
  'v1.DeploymentStrategyType': [
    ['Recreate', 'Kill all existing pods before creating new ones.'],
    ['RollingUpdate', 'Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.'],
  ],
  'v1.HostPathType': [
    ['', 'For backwards compatible, leave it empty if unset'],
    ['BlockDevice', 'A block device must exist at the given path'],
    ['CharDevice', 'A character device must exist at the given path'],
    ['Directory', 'A directory must exist at the given path'],
    ['DirectoryOrCreate', 'If nothing exists at the given path, an empty directory will be created there as needed with file mode 0755, having the same group and ownership with Kubelet.'],
    ['File', 'A file must exist at the given path'],
    ['FileOrCreate', 'If nothing exists at the given path, an empty file will be created there as needed with file mode 0644, having the same group and ownership with Kubelet.'],
    ['Socket', 'A UNIX socket must exist at the given path'],
  ],
  'v1.IPFamily': [
    ['', 'indicates that this IP is unknown protocol'],
    ['IPv4', 'indicates that this IP is IPv4 protocol'],
    ['IPv6', 'indicates that this IP is IPv6 protocol'],
  ],
  'v1.IPFamilyPolicy': [
    ['PreferDualStack', 'indicates that this service prefers dual-stack when the cluster is configured for dual-stack. If the cluster is not configured for dual-stack the service will be assigned a single IPFamily. If the IPFamily is not set in service.spec.ipFamilies then the service will be assigned the default IPFamily configured on the cluster'],
    ['RequireDualStack', 'indicates that this service requires dual-stack. Using IPFamilyPolicyRequireDualStack on a single stack cluster will result in validation errors. The IPFamilies (and their order) assigned to this service is based on service.spec.ipFamilies. If service.spec.ipFamilies was not provided then it will be assigned according to how they are configured on the cluster. If service.spec.ipFamilies has only one entry then the alternative IPFamily will be added by apiserver'],
    ['SingleStack', 'indicates that this service is required to have a single IPFamily. The IPFamily assigned is based on the default IPFamily used by the cluster or as identified by service.spec.ipFamilies field'],
  ],
  'v1.MountPropagationMode': [
    ['Bidirectional', 'means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rshared" in Linux terminology).'],
    ['HostToContainer', 'means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rslave" in Linux terminology).'],
    ['None', 'means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode corresponds to "private" in Linux terminology.'],
  ],
  'v1.NamespacePhase': [
    ['Active', 'means the namespace is available for use in the system'],
    ['Terminating', 'means the namespace is undergoing graceful termination'],
  ],
  'v1.NodeInclusionPolicy': [
    ['Honor', 'means use this scheduling directive when calculating pod topology spread skew.'],
    ['Ignore', 'means ignore this scheduling directive when calculating pod topology spread skew.'],
  ],
  'v1.NodePhase': [
    ['Pending', 'means the node has been created/added by the system, but not configured.'],
    ['Running', 'means the node has been configured and has Kubernetes components running.'],
    ['Terminated', 'means the node has been removed from the cluster.'],
  ],
  'v1.NodeSelectorOperator': [
    ['DoesNotExist', ''],
    ['Exists', ''],
    ['Gt', ''],
    ['In', ''],
    ['Lt', ''],
    ['NotIn', ''],
  ],
  'v1.PathType': [
    ['Exact', 'matches the URL path exactly and with case sensitivity.'],
    ['ImplementationSpecific', 'matching is up to the IngressClass. Implementations can treat this as a separate PathType or treat it identically to Prefix or Exact path types.'],
    ['Prefix', 'matches based on a URL path prefix split by \'/\'. Matching is case sensitive and done on a path element by element basis. A path element refers to the list of labels in the path split by the \'/\' separator. A request is a match for path p if every p is an element-wise prefix of p of the request path. Note that if the last element of the path is a substring of the last element in request path, it is not a match (e.g. /foo/bar matches /foo/bar/baz, but does not match /foo/barbaz). If multiple matching paths exist in an Ingress spec, the longest matching path is given priority. Examples: - /foo/bar does not match requests to /foo/barbaz - /foo/bar matches request to /foo/bar and /foo/bar/baz - /foo and /foo/ both match requests to /foo and /foo/. If both paths are present in an Ingress spec, the longest matching path (/foo/) is given priority.'],
  ],
  'v1.PersistentVolumeAccessMode': [
    ['ReadOnlyMany', 'can be mounted in read-only mode to many hosts'],
    ['ReadWriteMany', 'can be mounted in read/write mode to many hosts'],
    ['ReadWriteOnce', 'can be mounted in read/write mode to exactly 1 host'],
    ['ReadWriteOncePod', 'can be mounted in read/write mode to exactly 1 pod cannot be used in combination with other access modes'],
  ],
  'v1.PersistentVolumeClaimModifyVolumeStatus': [
    ['InProgress', 'InProgress indicates that the volume is being modified'],
    ['Infeasible', 'Infeasible indicates that the request has been rejected as invalid by the CSI driver. To resolve the error, a valid VolumeAttributesClass needs to be specified'],
    ['Pending', 'Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as the specified VolumeAttributesClass not existing'],
  ],
  'v1.PersistentVolumeClaimPhase': [
    ['Bound', 'used for PersistentVolumeClaims that are bound'],
    ['Lost', 'used for PersistentVolumeClaims that lost their underlying PersistentVolume. The claim was bound to a PersistentVolume and this volume does not exist any longer and all data on it was lost.'],
    ['Pending', 'used for PersistentVolumeClaims that are not yet bound'],
  ],
  'v1.PersistentVolumeMode': [
    ['Block', 'means the volume will not be formatted with a filesystem and will remain a raw block device.'],
    ['Filesystem', 'means the volume will be or is formatted with a filesystem.'],
  ],
  'v1.PersistentVolumePhase': [
    ['Available', 'used for PersistentVolumes that are not yet bound Available volumes are held by the binder and matched to PersistentVolumeClaims'],
    ['Bound', 'used for PersistentVolumes that are bound'],
    ['Failed', 'used for PersistentVolumes that failed to be correctly recycled or deleted after being released from a claim'],
    ['Pending', 'used for PersistentVolumes that are not available'],
    ['Released', 'used for PersistentVolumes where the bound PersistentVolumeClaim was deleted released volumes must be recycled before becoming available again this phase is used by the persistent volume claim binder to signal to another process to reclaim the resource'],
  ],
  'v1.PersistentVolumeReclaimPolicy': [
    ['Delete', 'means the volume will be deleted from Kubernetes on release from its claim. The volume plugin must support Deletion.'],
    ['Recycle', 'means the volume will be recycled back into the pool of unbound persistent volumes on release from its claim. The volume plugin must support Recycling.'],
    ['Retain', 'means the volume will be left in its current phase (Released) for manual reclamation by the administrator. The default policy is Retain.'],
  ],
  'v1.PodFSGroupChangePolicy': [
    ['Always', 'indicates that volume\'s ownership and permissions should always be changed whenever volume is mounted inside a Pod. This the default behavior.'],
    ['OnRootMismatch', 'indicates that volume\'s ownership and permissions will be changed only when permission and ownership of root directory does not match with expected permissions on the volume. This can help shorten the time it takes to change ownership and permissions of a volume.'],
  ],
  'v1.PodFailurePolicyAction': [
    ['Count', 'This is an action which might be taken on a pod failure - the pod failure is handled in the default way - the counter towards .backoffLimit, represented by the job\'s .status.failed field, is incremented.'],
    ['FailIndex', 'This is an action which might be taken on a pod failure - mark the Job\'s index as failed to avoid restarts within this index. This action can only be used when backoffLimitPerIndex is set. This value is beta-level.'],
    ['FailJob', 'This is an action which might be taken on a pod failure - mark the pod\'s job as Failed and terminate all running pods.'],
    ['Ignore', 'This is an action which might be taken on a pod failure - the counter towards .backoffLimit, represented by the job\'s .status.failed field, is not incremented and a replacement pod is created.'],
  ],
  'v1.PodFailurePolicyOnExitCodesOperator': [
    ['In', ''],
    ['NotIn', ''],
  ],
  'v1.PodManagementPolicyType': [
    ['OrderedReady', 'will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time.'],
    ['Parallel', 'will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination.'],
  ],
  'v1.PodPhase': [
    ['Failed', 'means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).'],
    ['Pending', 'means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.'],
    ['Running', 'means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.'],
    ['Succeeded', 'means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.'],
    ['Unknown', 'means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn\'t being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)'],
  ],
  'v1.PodQOSClass': [
    ['BestEffort', 'is the BestEffort qos class.'],
    ['Burstable', 'is the Burstable qos class.'],
    ['Guaranteed', 'is the Guaranteed qos class.'],
  ],
  'v1.PodReplacementPolicy': [
    ['Failed', 'means to wait until a previously created Pod is fully terminated (has phase Failed or Succeeded) before creating a replacement Pod.'],
    ['TerminatingOrFailed', 'means that we recreate pods when they are terminating (has a metadata.deletionTimestamp) or failed.'],
  ],
  'v1.PolicyType': [
    ['Egress', 'is a NetworkPolicy that affects egress traffic on selected pods'],
    ['Ingress', 'is a NetworkPolicy that affects ingress traffic on selected pods'],
  ],
  'v1.PreemptionPolicy': [
    ['Never', 'means that pod never preempts other pods with lower priority.'],
    ['PreemptLowerPriority', 'means that pod can preempt other pods with lower priority.'],
  ],
  'v1.ProcMountType': [
    ['Default', 'uses the container runtime defaults for readonly and masked paths for /proc. Most container runtimes mask certain paths in /proc to avoid accidental security exposure of special devices or information.'],
    ['Unmasked', 'bypasses the default masking behavior of the container runtime and ensures the newly created /proc the container stays in tact with no modifications.'],
  ],
  'v1.Protocol': [
    ['SCTP', 'is the SCTP protocol.'],
    ['TCP', 'is the TCP protocol.'],
    ['UDP', 'is the UDP protocol.'],
  ],
  'v1.PullPolicy': [
    ['Always', 'means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.'],
    ['IfNotPresent', 'means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.'],
    ['Never', 'means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present'],
  ],
  'v1.ResourceQuotaScope': [
    ['BestEffort', 'Match all pod objects that have best effort quality of service'],
    ['CrossNamespacePodAffinity', 'Match all pod objects that have cross-namespace pod (anti)affinity mentioned.'],
    ['NotBestEffort', 'Match all pod objects that do not have best effort quality of service'],
    ['NotTerminating', 'Match all pod objects where spec.activeDeadlineSeconds is nil'],
    ['PriorityClass', 'Match all pod objects that have priority class mentioned'],
    ['Terminating', 'Match all pod objects where spec.activeDeadlineSeconds >=0'],
  ],
  'v1.RestartPolicy': [
    ['Always', ''],
    ['Never', ''],
    ['OnFailure', ''],
  ],
  'v1.ScopeSelectorOperator': [
    ['DoesNotExist', ''],
    ['Exists', ''],
    ['In', ''],
    ['NotIn', ''],
  ],
  'v1.SeccompProfileType': [
    ['Localhost', 'indicates a profile defined in a file on the node should be used. The file\'s location relative to <kubelet-root-dir>/seccomp.'],
    ['RuntimeDefault', 'represents the default container runtime seccomp profile.'],
    ['Unconfined', 'indicates no seccomp profile is applied (A.K.A. unconfined).'],
  ],
  'v1.ServiceAffinity': [
    ['ClientIP', 'is the Client IP based.'],
    ['None', '- no session affinity.'],
  ],
  'v1.ServiceExternalTrafficPolicy': [
    ['Cluster', 'routes traffic to all endpoints.'],
    ['Local', 'preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints).'],
  ],
  'v1.ServiceInternalTrafficPolicy': [
    ['Cluster', 'routes traffic to all endpoints.'],
    ['Local', 'routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints).'],
  ],
  'v1.ServiceType': [
    ['ClusterIP', 'means a service will only be accessible inside the cluster, via the cluster IP.'],
    ['ExternalName', 'means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.'],
    ['LoadBalancer', 'means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to \'NodePort\' type.'],
    ['NodePort', 'means a service will be exposed on one port of every node, in addition to \'ClusterIP\' type.'],
  ],
  'v1.StatefulSetUpdateStrategyType': [
    ['OnDelete', 'triggers the legacy behavior. Version tracking and ordered rolling restarts are disabled. Pods are recreated from the StatefulSetSpec when they are manually deleted. When a scale operation is performed with this strategy,specification version indicated by the StatefulSet\'s currentRevision.'],
    ['RollingUpdate', 'indicates that update will be applied to all Pods in the StatefulSet with respect to the StatefulSet ordering constraints. When a scale operation is performed with this strategy, new Pods will be created from the specification version indicated by the StatefulSet\'s updateRevision.'],
  ],
  'v1.SupplementalGroupsPolicy': [
    ['Merge', 'means that the container\'s provided SupplementalGroups and FsGroup (specified in SecurityContext) will be merged with the primary user\'s groups as defined in the container image (in /etc/group).'],
    ['Strict', 'means that the container\'s provided SupplementalGroups and FsGroup (specified in SecurityContext) will be used instead of any groups defined in the container image.'],
  ],
  'v1.TaintEffect': [
    ['NoExecute', 'Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.'],
    ['NoSchedule', 'Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.'],
    ['PreferNoSchedule', 'Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.'],
  ],
  'v1.TerminationMessagePolicy': [
    ['FallbackToLogsOnError', 'will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.'],
    ['File', 'is the default behavior and will set the container status message to the contents of the container\'s terminationMessagePath when the container exits.'],
  ],
  'v1.TolerationOperator': [
    ['Equal', ''],
    ['Exists', ''],
  ],
  'v1.URIScheme': [
    ['HTTP', 'means that the scheme used will be http://'],
    ['HTTPS', 'means that the scheme used will be https://'],
  ],
  'v1.UnhealthyPodEvictionPolicyType': [
    ['AlwaysAllow', 'policy means that all running pods (status.phase="Running"), but not yet healthy are considered disrupted and can be evicted regardless of whether the criteria in a PDB is met. This means perspective running pods of a disrupted application might not get a chance to become healthy. Healthy pods will be subject to the PDB for eviction.'],
    ['IfHealthyBudget', 'policy means that running pods (status.phase="Running"), but not yet healthy can be evicted only if the guarded application is not disrupted (status.currentHealthy is at least equal to status.desiredHealthy). Healthy pods will be subject to the PDB for eviction.'],
  ],
  'v1.UnsatisfiableConstraintAction': [
    ['DoNotSchedule', 'instructs the scheduler not to schedule the pod when constraints are not satisfied.'],
    ['ScheduleAnyway', 'instructs the scheduler to schedule the pod even if constraints are not satisfied.'],
  ],
  'v1.VolumeBindingMode': [
    ['Immediate', 'indicates that PersistentVolumeClaims should be immediately provisioned and bound. This is the default mode.'],
    ['WaitForFirstConsumer', 'indicates that PersistentVolumeClaims should not be provisioned and bound until the first Pod is created that references the PeristentVolumeClaim. The volume provisioning and binding will occur during Pod scheduing.'],
  ],
};
