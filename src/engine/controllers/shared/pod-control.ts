// Creating and deleting a controller's pods, with the events users see in `kubectl describe`.
// Models pkg/controller/controller_utils.go (PodControlInterface, RealPodControl, GetPodFromTemplate,
// validateControllerRef, the FailedCreate/SuccessfulCreate/FailedDelete/SuccessfulDelete reasons).
import type { KubeObject, OwnerReference, Pod, PodTemplateSpec } from '../../api';
import { StatusError, clone, isNotFound } from '../../api';
import { R, type Client, type EventRecorder } from '../../client';

/** Event and condition reasons (controller_utils.go). */
export const FAILED_CREATE_POD_REASON = 'FailedCreate';
export const SUCCESSFUL_CREATE_POD_REASON = 'SuccessfulCreate';
export const FAILED_DELETE_POD_REASON = 'FailedDelete';
export const SUCCESSFUL_DELETE_POD_REASON = 'SuccessfulDelete';

/** v1.NamespaceTerminatingCause: the cause on a create refused because the namespace is going away. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

/** apierrors.HasStatusCause. */
export function hasStatusCause(err: unknown, cause: string): boolean {
  return err instanceof StatusError && !!err.status.details?.causes?.some((c) => c.reason === cause);
}

/** What a controller does to its pods. Every method throws on failure (StatusError for API errors). */
export interface PodControl {
  /** Creates a pod from a template, owned by `controllerRef`; `object` (with kind set) gets the events. */
  createPods(namespace: string, template: PodTemplateSpec, object: KubeObject, controllerRef: OwnerReference): Pod;
  /** Same, with an explicit generateName (StatefulSet and Job name their pods themselves). */
  createPodsWithGenerateName(namespace: string, template: PodTemplateSpec, object: KubeObject,
    controllerRef: OwnerReference, generateName: string): Pod;
  /** Deletes a pod; NotFound is rethrown without an event. */
  deletePod(namespace: string, name: string, object: KubeObject): void;
  /** Strategic-merge-patches a pod (adoption and release). */
  patchPod(namespace: string, name: string, patch: unknown): void;
}

/** metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject, gvk: { apiVersion: string; kind: string }): OwnerReference {
  return { apiVersion: gvk.apiVersion, kind: gvk.kind, name: owner.metadata?.name ?? '', uid: owner.metadata?.uid ?? '',
    controller: true, blockOwnerDeletion: true };
}

/** validateControllerRef: the messages upstream returns for a bad ControllerRef. */
export function validateControllerRef(ref: OwnerReference | undefined): string | undefined {
  if (!ref) return 'controllerRef is nil';
  if (!ref.apiVersion) return 'controllerRef has empty APIVersion';
  if (!ref.kind) return 'controllerRef has empty Kind';
  if (ref.controller !== true) return 'controllerRef.Controller is not set to true';
  if (ref.blockOwnerDeletion !== true) return 'controllerRef.BlockOwnerDeletion is not set';
  return undefined;
}

/**
 * GetPodFromTemplate: labels, annotations and finalizers of the template, generateName
 * `<owner>-`, the owner reference, and a copy of the template's spec.
 */
export function getPodFromTemplate(template: PodTemplateSpec, parent: KubeObject, controllerRef?: OwnerReference): Pod {
  const tm = template.metadata ?? {};
  const metadata: Pod['metadata'] = { generateName: `${parent.metadata?.name ?? ''}-` };
  // Go builds fresh maps and slices; empty ones are omitted from the JSON (omitempty).
  if (tm.labels && Object.keys(tm.labels).length) metadata.labels = { ...tm.labels };
  if (tm.annotations && Object.keys(tm.annotations).length) metadata.annotations = { ...tm.annotations };
  if (tm.finalizers?.length) metadata.finalizers = [...tm.finalizers];
  if (controllerRef) metadata.ownerReferences = [{ ...controllerRef }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template.spec) };
}

/** RealPodControl: pods through the client, events through the recorder. */
export class RealPodControl implements PodControl {
  constructor(private readonly client: Client, private readonly recorder: EventRecorder) {}

  createPods(namespace: string, template: PodTemplateSpec, object: KubeObject, controllerRef: OwnerReference): Pod {
    return this.createPodsWithGenerateName(namespace, template, object, controllerRef, '');
  }

  createPodsWithGenerateName(namespace: string, template: PodTemplateSpec, object: KubeObject,
    controllerRef: OwnerReference, generateName: string): Pod {
    const bad = validateControllerRef(controllerRef);
    if (bad) throw new Error(bad);
    const pod = getPodFromTemplate(template, object, controllerRef);
    if (generateName) pod.metadata!.generateName = generateName;
    pod.metadata!.namespace = namespace;
    if (!pod.metadata!.labels || Object.keys(pod.metadata!.labels).length === 0) throw new Error('unable to create pods, no labels');
    let created: Pod;
    try {
      created = this.client.create<Pod>(R.pods, pod);
    } catch (e) {
      if (!hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) {
        this.recorder.event(object, 'Warning', FAILED_CREATE_POD_REASON, `Error creating: ${(e as Error).message}`);
      }
      throw e;
    }
    this.recorder.event(object, 'Normal', SUCCESSFUL_CREATE_POD_REASON, `Created pod: ${created.metadata?.name ?? ''}`);
    return created;
  }

  deletePod(namespace: string, name: string, object: KubeObject): void {
    try {
      this.client.delete(R.pods, namespace, name);
    } catch (e) {
      if (isNotFound(e)) throw e;
      this.recorder.event(object, 'Warning', FAILED_DELETE_POD_REASON, `Error deleting: ${(e as Error).message}`);
      throw new Error(`unable to delete pods: ${(e as Error).message}`, { cause: e });
    }
    this.recorder.event(object, 'Normal', SUCCESSFUL_DELETE_POD_REASON, `Deleted pod: ${name}`);
  }

  patchPod(namespace: string, name: string, patch: unknown): void {
    this.client.patch(R.pods, namespace, name, 'application/strategic-merge-patch+json', patch);
  }
}

/** A PodControl that records what it was asked to do (controller_utils.go FakePodControl), for tests. */
export class FakePodControl implements PodControl {
  readonly templates: PodTemplateSpec[] = [];
  readonly controllerRefs: OwnerReference[] = [];
  readonly deletePodNames: string[] = [];
  readonly patches: { name: string; patch: unknown }[] = [];
  /** When set, every call throws it. */
  err?: Error;
  /** When > 0, creations beyond this many throw. */
  createLimit = 0;
  createCallCount = 0;

  createPods(namespace: string, template: PodTemplateSpec, object: KubeObject, controllerRef: OwnerReference): Pod {
    return this.createPodsWithGenerateName(namespace, template, object, controllerRef, '');
  }

  createPodsWithGenerateName(namespace: string, template: PodTemplateSpec, object: KubeObject,
    controllerRef: OwnerReference, generateName: string): Pod {
    this.createCallCount++;
    if (this.createLimit !== 0 && this.createCallCount > this.createLimit) {
      throw new Error(`not creating pod, limit ${this.createLimit} already reached (create call ${this.createCallCount})`);
    }
    this.templates.push(template);
    this.controllerRefs.push(controllerRef);
    if (this.err) throw this.err;
    const pod = getPodFromTemplate(template, object, controllerRef);
    if (generateName) pod.metadata!.generateName = generateName;
    pod.metadata!.namespace = namespace;
    return pod;
  }

  deletePod(_namespace: string, name: string): void {
    this.deletePodNames.push(name);
    if (this.err) throw this.err;
  }

  patchPod(_namespace: string, name: string, patch: unknown): void {
    this.patches.push({ name, patch });
    if (this.err) throw this.err;
  }

  /** Forgets everything recorded. */
  clear(): void {
    this.templates.length = 0;
    this.controllerRefs.length = 0;
    this.deletePodNames.length = 0;
    this.patches.length = 0;
    this.createCallCount = 0;
  }
}
