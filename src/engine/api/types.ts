// API object types come from kubernetes-types (generated from the Kubernetes OpenAPI); only the
// envelope shapes the API server itself produces (Status, List, Table, WatchEvent) are declared here.
import type { ObjectMeta, ListMeta, Status, StatusDetails } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, ListMeta, Status, StatusDetails, OwnerReference, LabelSelector, Condition,
  ManagedFieldsEntry } from 'kubernetes-types/meta/v1';
export type { Pod, PodSpec, PodStatus, Container, ContainerStatus, ContainerState, Node, NodeStatus, Namespace,
  Service, ServicePort, ServiceSpec, Endpoints, ConfigMap, Secret, PersistentVolume, PersistentVolumeClaim, Event,
  ServiceAccount, Volume, VolumeMount, EnvVar, Toleration, Taint, PodCondition, NodeCondition, Probe, ResourceRequirements,
  PodTemplateSpec, Binding, ObjectReference, Affinity, NodeSelectorRequirement, EnvFromSource, EndpointAddress, EndpointPort,
  EndpointSubset, LoadBalancerIngress } from 'kubernetes-types/core/v1';
export type { Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision } from 'kubernetes-types/apps/v1';
export type { Job, CronJob } from 'kubernetes-types/batch/v1';
export type { Ingress, IngressClass, IngressRule, HTTPIngressPath, IngressBackend } from 'kubernetes-types/networking/v1';
export type { EndpointSlice, Endpoint as SliceEndpoint, EndpointPort as SliceEndpointPort } from 'kubernetes-types/discovery/v1';
export type { StorageClass } from 'kubernetes-types/storage/v1';
export type { Lease } from 'kubernetes-types/coordination/v1';

/**
 * Any API object: every kind has apiVersion, kind and metadata; spec and status are kind-specific.
 * No index signature, so every kubernetes-types interface (Pod, Deployment, …) is assignable to it;
 * generic code reads other top-level fields (data, rules, subsets…) through a cast.
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: any;
  status?: any;
}

/** An object as the API server returns it: metadata is always set. */
export type StoredObject<T extends KubeObject = KubeObject> = T & { metadata: ObjectMeta & { name: string } };

/** A list answer ("PodList"). */
export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** A failure answer. Models apimachinery metav1.Status. */
export type ApiStatus = Status & { kind: 'Status'; apiVersion: 'v1'; code: number };

/** meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** meta.k8s.io/v1 TableRow. */
export interface TableRow {
  cells: unknown[];
  object?: unknown;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
}

/** meta.k8s.io/v1 Table: what `kubectl get` prints. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** A watch event as the watch stream carries it. */
export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

export type { StatusDetails as ApiStatusDetails };
