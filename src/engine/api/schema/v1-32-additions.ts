// Definitions and fields the API server of v1.32 has but the kubernetes-types 1.30 .d.ts lacks, so that
// strict decoding accepts every valid v1.32 manifest. Read from k8s.io/api v0.32.0 (staging/src/k8s.io/api
// core/v1, coordination/v1, authorization/v1 types.go) and apimachinery v0.32.0 pkg/apis/meta/v1/types.go
// (Table and PartialObjectMetadata are not in the OpenAPI, hence not in the .d.ts). Hand-kept.
import type { RawDef, RawField } from './raw';

/** Whole definitions missing from the .d.ts, by key. */
export const ADDED_DEFS: Record<string, RawDef> = {
  'meta.v1.Table': ["Table is a tabular representation of a set of API resources. The server transforms the object into a set of preferred columns for quickly reviewing the objects.", {
    kind: ["s","Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"],
    apiVersion: ["s","APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"],
    metadata: ["meta.v1.ListMeta","Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"],
    columnDefinitions: ["[]meta.v1.TableColumnDefinition","columnDefinitions describes each column in the returned items array. The number of cells per row will always match the number of column definitions.",1],
    rows: ["[]meta.v1.TableRow","rows is the list of items in the table.",1],
  }],
  'meta.v1.PartialObjectMetadata': ["PartialObjectMetadata is a generic representation of any object with ObjectMeta. It allows clients to get access to a particular ObjectMeta schema without knowing the details of the version.", {
    kind: ["s","Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"],
    apiVersion: ["s","APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"],
    metadata: ["meta.v1.ObjectMeta","Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"],
  }],
  'meta.v1.PartialObjectMetadataList': ["PartialObjectMetadataList contains a list of objects containing only their metadata", {
    kind: ["s","Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"],
    apiVersion: ["s","APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"],
    metadata: ["meta.v1.ListMeta","Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"],
    items: ["[]meta.v1.PartialObjectMetadata","items contains each of the included items.",1],
  }],
  'authorization.v1.FieldSelectorAttributes': ["FieldSelectorAttributes indicates a field limited access. Webhook authors are encouraged to * ensure rawSelector and requirements are not both set * consider the requirements field if set * not try to parse or consider the rawSelector field if set. This is to avoid another CVE-2022-2880 (i.e. getting different systems to agree on how exactly to parse a query is not something we want), see https://www.oxeye.io/resources/golang-parameter-smuggling-attack for more details. For the *SubjectAccessReview endpoints of the kube-apiserver: * If rawSelector is empty and requirements are empty, the request is not limited. * If rawSelector is present and requirements are empty, the rawSelector will be parsed and limited if the parsing succeeds. * If rawSelector is empty and requirements are present, the requirements should be honored * If rawSelector is present and requirements are present, the request is invalid.", {
    rawSelector: ["s","rawSelector is the serialization of a field selector that would be included in a query parameter. Webhook implementations are encouraged to ignore rawSelector. The kube-apiserver's *SubjectAccessReview will parse the rawSelector as long as the requirements are not present."],
    requirements: ["[]meta.v1.FieldSelectorRequirement","requirements is the parsed interpretation of a field selector. All requirements must be met for a resource instance to match the selector. Webhook implementations should handle requirements, but how to handle them is up to the webhook. Since requirements can only limit the request, it is safe to authorize as unlimited request if the requirements are not understood."],
  }],
  'authorization.v1.LabelSelectorAttributes': ["LabelSelectorAttributes indicates a label limited access. Webhook authors are encouraged to * ensure rawSelector and requirements are not both set * consider the requirements field if set * not try to parse or consider the rawSelector field if set. This is to avoid another CVE-2022-2880 (i.e. getting different systems to agree on how exactly to parse a query is not something we want), see https://www.oxeye.io/resources/golang-parameter-smuggling-attack for more details. For the *SubjectAccessReview endpoints of the kube-apiserver: * If rawSelector is empty and requirements are empty, the request is not limited. * If rawSelector is present and requirements are empty, the rawSelector will be parsed and limited if the parsing succeeds. * If rawSelector is empty and requirements are present, the requirements should be honored * If rawSelector is present and requirements are present, the request is invalid.", {
    rawSelector: ["s","rawSelector is the serialization of a field selector that would be included in a query parameter. Webhook implementations are encouraged to ignore rawSelector. The kube-apiserver's *SubjectAccessReview will parse the rawSelector as long as the requirements are not present."],
    requirements: ["[]meta.v1.LabelSelectorRequirement","requirements is the parsed interpretation of a label selector. All requirements must be met for a resource instance to match the selector. Webhook implementations should handle requirements, but how to handle them is up to the webhook. Since requirements can only limit the request, it is safe to authorize as unlimited request if the requirements are not understood."],
  }],
  'core.v1.ContainerUser': ["ContainerUser represents user identity information", {
    linux: ["core.v1.LinuxContainerUser","Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so."],
  }],
  'core.v1.ResourceStatus': ["ResourceStatus represents the status of a single resource allocated to a Pod.", {
    name: ["s","Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. For DRA resources, the value must be \"claim:<claim_name>/<request>\". When this status is reported about a container, the \"claim_name\" and \"request\" must match one of the claims of this container.",1],
    resources: ["[]core.v1.ResourceHealth","List of unique resources health. Each element in the list contains an unique resource ID and its health. At a minimum, for the lifetime of a Pod, resource ID must uniquely identify the resource allocated to the Pod on the Node. If other Pod on the same Node reports the status with the same resource ID, it must be the same resource they share. See ResourceID type definition for a specific format it has in various use cases."],
  }],
  'core.v1.NodeFeatures': ["NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers.", {
    supplementalGroupsPolicy: ["b","SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser."],
  }],
  'core.v1.ImageVolumeSource': ["ImageVolumeSource represents a image volume resource.", {
    reference: ["s","Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. Pull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets."],
    pullPolicy: ["s","Policy for pulling OCI objects. Possible values are: Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise."],
  }],
  'meta.v1.TableColumnDefinition': ["TableColumnDefinition contains information about a column returned in the Table.", {
    name: ["s","name is a human readable name for the column.",1],
    type: ["s","type is an OpenAPI type definition for this column, such as number, integer, string, or array. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for more.",1],
    format: ["s","format is an optional OpenAPI type modifier for this column. A format modifies the type and imposes additional rules, like date or time formatting for a string. The 'name' format is applied to the primary identifier column which has type 'string' to assist in clients identifying column is the resource name. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for more.",1],
    description: ["s","description is a human readable description of this column.",1],
    priority: ["n","priority is an integer defining the relative importance of this column compared to others. Lower numbers are considered higher priority. Columns that may be omitted in limited space scenarios should be given a higher priority.",1],
  }],
  'meta.v1.TableRow': ["TableRow is an individual row in a table.", {
    cells: ["[]any","cells will be as wide as the column definitions array and may contain strings, numbers (float64 or int64), booleans, simple maps, lists, or null. See the type field of the column definition for a more detailed description.",1],
    conditions: ["[]meta.v1.TableRowCondition","conditions describe additional status of a row that are relevant for a human user. These conditions apply to the row, not to the object, and will be specific to table output. The only defined condition type is 'Completed', for a row that indicates a resource that has run to completion and can be given less visual priority."],
    object: ["raw","This field contains the requested additional information about each object based on the includeObject policy when requesting the Table. If \"None\", this field is empty, if \"Object\" this will be the default serialization of the object for the current API version, and if \"Metadata\" (the default) will contain the object metadata. Check the returned kind and apiVersion of the object before parsing. The media type of the object will always match the enclosing list - if this as a JSON table, these will be JSON encoded objects."],
  }],
  'meta.v1.FieldSelectorRequirement': ["FieldSelectorRequirement is a selector that contains values, a key, and an operator that relates the key and values.", {
    key: ["s","key is the field selector key that the requirement applies to.",1],
    operator: ["s","operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. The list of operators may grow in the future.",1],
    values: ["[]s","values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty."],
  }],
  'core.v1.LinuxContainerUser': ["LinuxContainerUser represents user identity information in Linux containers", {
    uid: ["n","UID is the primary uid initially attached to the first process in the container",1],
    gid: ["n","GID is the primary gid initially attached to the first process in the container",1],
    supplementalGroups: ["[]n","SupplementalGroups are the supplemental groups initially attached to the first process in the container"],
  }],
  'core.v1.ResourceHealth': ["ResourceHealth represents the health of a resource. It has the latest device health information. This is a part of KEP https://kep.k8s.io/4680.", {
    resourceID: ["s","ResourceID is the unique identifier of the resource. See the ResourceID type for more information.",1],
    health: ["s","Health of the resource. can be one of:\n - Healthy: operates as normal\n - Unhealthy: reported unhealthy. We consider this a temporary health issue\n              since we do not have a mechanism today to distinguish\n              temporary and permanent issues.\n - Unknown: The status cannot be determined.\n            For example, Device Plugin got unregistered and hasn't been re-registered since.\n\nIn future we may want to introduce the PermanentlyUnhealthy Status."],
  }],
  'meta.v1.TableRowCondition': ["TableRowCondition allows a row to be marked with additional information.", {
    type: ["s","Type of row condition. The only defined value is 'Completed' indicating that the object this row represents has reached a completed state and may be given less visual priority than other rows. Clients are not required to honor any conditions but should be consistent where possible about handling the conditions.",1],
    status: ["s","Status of the condition, one of True, False, Unknown.",1],
    reason: ["s","(brief) machine readable reason for the condition's last transition."],
    message: ["s","Human readable message indicating details about last transition."],
  }],
};

/** Fields v1.32 added to definitions the .d.ts has, by definition key then JSON name. */
export const ADDED_FIELDS: Record<string, Record<string, RawField>> = {
  'authorization.v1.ResourceAttributes': {
    fieldSelector: ["authorization.v1.FieldSelectorAttributes","fieldSelector describes the limitation on access based on field.  It can only limit access, not broaden it.\n\nThis field  is alpha-level. To use this field, you must enable the `AuthorizeWithSelectors` feature gate (disabled by default)."],
    labelSelector: ["authorization.v1.LabelSelectorAttributes","labelSelector describes the limitation on access based on labels.  It can only limit access, not broaden it.\n\nThis field  is alpha-level. To use this field, you must enable the `AuthorizeWithSelectors` feature gate (disabled by default)."],
  },
  'coordination.v1.LeaseSpec': {
    strategy: ["s","Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease. (Alpha) Using this field requires the CoordinatedLeaderElection feature gate to be enabled."],
    preferredHolder: ["s","PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set."],
  },
  'core.v1.ContainerStatus': {
    user: ["core.v1.ContainerUser","User represents user identity information initially attached to the first process of the container"],
    allocatedResourcesStatus: ["[]core.v1.ResourceStatus","AllocatedResourcesStatus represents the status of various resources allocated for this Pod."],
  },
  'core.v1.NodeRuntimeHandlerFeatures': {
    userNamespaces: ["b","UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes."],
  },
  'core.v1.NodeStatus': {
    features: ["core.v1.NodeFeatures","Features describes the set of features implemented by the CRI implementation."],
  },
  'core.v1.PodResourceClaim': {
    resourceClaimName: ["s","ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must be set."],
    resourceClaimTemplateName: ["s","ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod.\n\nThe template will be used to create a new ResourceClaim, which will be bound to this pod. When this pod is deleted, the ResourceClaim will also be deleted. The pod name and resource name, along with a generated component, will be used to form a unique name for the ResourceClaim, which will be recorded in pod.status.resourceClaimStatuses.\n\nThis field is immutable and no changes will be made to the corresponding ResourceClaim by the control plane after creating the ResourceClaim.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must be set."],
  },
  'core.v1.PodSecurityContext': {
    supplementalGroupsPolicy: ["s","Defines how supplemental groups of the first container processes are calculated. Valid values are \"Merge\" and \"Strict\". If not specified, \"Merge\" is used. (Alpha) Using the field requires the SupplementalGroupsPolicy feature gate to be enabled and the container runtime must implement support for this feature. Note that this field cannot be set when spec.os.name is windows."],
    seLinuxChangePolicy: ["s","seLinuxChangePolicy defines how the container's SELinux label is applied to all volumes used by the Pod. It has no effect on nodes that do not support SELinux or to volumes does not support SELinux. Valid values are \"MountOption\" and \"Recursive\".\n\n\"Recursive\" means relabeling of all files on all Pod volumes by the container runtime. This may be slow for large volumes, but allows mixing privileged and unprivileged Pods sharing the same volume on the same node.\n\n\"MountOption\" mounts all eligible Pod volumes with `-o context` mount option. This requires all Pods that share the same volume to use the same SELinux label. It is not possible to share the same volume among privileged and unprivileged Pods. Eligible volumes are in-tree FibreChannel and iSCSI volumes, and all CSI volumes whose CSI driver announces SELinux support by setting spec.seLinuxMount: true in their CSIDriver instance. Other volumes are always re-labelled recursively. \"MountOption\" value is allowed only when SELinuxMount feature gate is enabled.\n\nIf not specified and SELinuxMount feature gate is enabled, \"MountOption\" is used. If not specified and SELinuxMount feature gate is disabled, \"MountOption\" is used for ReadWriteOncePod volumes and \"Recursive\" for all other volumes.\n\nThis field affects only Pods that have SELinux label set, either in PodSecurityContext or in SecurityContext of all containers.\n\nAll Pods that use the same volume should use the same seLinuxChangePolicy, otherwise some pods can get stuck in ContainerCreating state. Note that this field cannot be set when spec.os.name is windows."],
  },
  'core.v1.PodSpec': {
    resources: ["core.v1.ResourceRequirements","Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for \"cpu\" and \"memory\" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate."],
  },
  'core.v1.ResourceClaim': {
    request: ["s","Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request."],
  },
  'core.v1.Volume': {
    image: ["core.v1.ImageVolumeSource","image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine. The volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. - Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. - IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation. A failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message. The types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field. The OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images. The volume will be mounted read-only (ro) and non-executable files (noexec). Sub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath). The field spec.securityContext.fsGroupChangePolicy has no effect on this volume type."],
  },
  'meta.v1.DeleteOptions': {
    ignoreStoreReadErrorWithClusterBreakingPotential: ["b","if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error. A resource is considered corrupt if it can not be retrieved from the underlying storage successfully because of a) its data can not be transformed e.g. decryption failure, or b) it fails to decode into an object. NOTE: unsafe deletion ignores finalizer constraints, skips precondition checks, and removes the object from the storage. WARNING: This may potentially break the cluster if the workload associated with the resource being unsafe-deleted relies on normal deletion flow. Use only if you REALLY know what you are doing. The default value is false, and the user must opt in to enable it"],
  },
};

/**
 * Fields the .d.ts has that v1.32 no longer serves: PodResourceClaim.source (ClaimSource) was replaced in
 * v1.31 by resourceClaimName/resourceClaimTemplateName directly on PodResourceClaim.
 */
export const REMOVED_FIELDS: Record<string, readonly string[]> = {
  'core.v1.PodResourceClaim': ['source'],
};

/**
 * Fields that became required (lost `omitempty`, no `+optional`) between the .d.ts version and v1.32:
 * the `ip` of HostAlias, PodIP and HostIP (core/v1 types.go, v1.32).
 */
export const NOW_REQUIRED: Record<string, readonly string[]> = {
  'core.v1.HostAlias': ['ip'],
  'core.v1.HostIP': ['ip'],
  'core.v1.PodIP': ['ip'],
};
