// The admission interfaces. Models k8s.io/apiserver/pkg/admission/interfaces.go (Attributes,
// MutationInterface, ValidationInterface), narrowed to what kubesim's plugins read.
import type { KubeObject, ResourceInfo } from '../../api';
import type { Rng } from '../../clock';

/** One request as admission sees it (admission.Attributes). */
export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  /** The resource addressed (the main resource also for a subresource request). */
  info: ResourceInfo;
  subresource?: string;
  namespace?: string;
  /** The object's name; empty in the mutating phase of a create that uses generateName. */
  name: string;
  /** The incoming object: mutable, a fresh copy (CREATE/UPDATE). */
  object?: KubeObject;
  /** The stored object (UPDATE/DELETE): frozen. */
  oldObject?: KubeObject;
  dryRun: boolean;
  userInfo?: { username: string };
}

/** What admission may read: the current stored objects (frozen; never mutate). */
export interface AdmissionContext {
  get(group: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(group: string, resource: string, namespace?: string): readonly KubeObject[];
  /** The only source of randomness (the kube-api-access-xxxxx volume name). */
  rng: Rng;
  /** Simulated ms since epoch. */
  now(): number;
  /** --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds (default 300). */
  defaultTolerationSeconds?: number;
}

/** One admission plugin; either phase may be absent. */
export interface AdmissionPlugin {
  /** Upstream plugin name, e.g. 'NamespaceLifecycle'. */
  readonly name: string;
  /** Mutating phase: may change attrs.object in place; throws a StatusError to refuse. */
  admit?(attrs: AdmissionAttributes, ctx: AdmissionContext): void;
  /** Validating phase: throws a StatusError (src/engine/api/errors.ts) to refuse. */
  validate?(attrs: AdmissionAttributes, ctx: AdmissionContext): void;
}
