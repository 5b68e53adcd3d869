// Helpers over pod specs and runtime state. Models pkg/kubelet/container/helpers.go
// (ShouldContainerBeRestarted), pkg/api/v1/pod/util.go (IsRestartableInitContainer) and
// pkg/kubelet/kubelet.go (image default tag).
import type { Container, Pod } from '../../api/types';
import type { PodRuntimeState } from './runtime-state';

/** An init container with restartPolicy Always: a sidecar that keeps running (SidecarContainers). */
export function isRestartableInitContainer(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

/** Does the pod have a sidecar? */
export function hasRestartableInitContainer(pod: Pod): boolean {
  return (pod.spec?.initContainers ?? []).some(isRestartableInitContainer);
}

/** shouldRestartOnFailure: restartPolicy is not Never. */
export function shouldRestartOnFailure(pod: Pod): boolean {
  return pod.spec?.restartPolicy !== 'Never';
}

/**
 * ShouldContainerBeRestarted: a container never started is started; a running one is left; an exited
 * one restarts unless the pod is being deleted or its restartPolicy says no (Never, or OnFailure
 * after exit 0). Sidecars always restart.
 */
export function shouldContainerBeRestarted(c: Container, pod: Pod, state: PodRuntimeState, isInit = false): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  const s = state.latest(c.name);
  if (!s) return true;
  if (s.state === 'running') return false;
  if (isInit && isRestartableInitContainer(c)) return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure' && s.exitCode === 0) return false;
  return true;
}

/** applyDefaultImageTag: "nginx" → "nginx:latest"; tagged or digested references are kept. */
export function applyDefaultImageTag(image: string): string {
  if (image.includes('@')) return image;
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  return lastColon > lastSlash ? image : `${image}:latest`;
}

/** The fieldPath of a container's events: "spec.containers{nginx}", "spec.initContainers{init}". */
export function containerFieldPath(pod: Pod, name: string): string {
  if ((pod.spec?.initContainers ?? []).some((c) => c.name === name)) return `spec.initContainers{${name}}`;
  if ((pod.spec?.ephemeralContainers ?? []).some((c) => c.name === name)) return `spec.ephemeralContainers{${name}}`;
  return `spec.containers{${name}}`;
}

/** The spec of a container by name (init, regular or ephemeral). */
export function containerSpec(pod: Pod, name: string): Container | undefined {
  return (pod.spec?.containers ?? []).find((c) => c.name === name)
    ?? (pod.spec?.initContainers ?? []).find((c) => c.name === name)
    ?? ((pod.spec?.ephemeralContainers ?? []) as Container[]).find((c) => c.name === name);
}

/** kubetypes.IsStaticPod: the pod came from a manifest file. */
export function isStaticPod(pod: Pod): boolean {
  const src = pod.metadata?.annotations?.['kubernetes.io/config.source'];
  return src !== undefined && src !== 'api';
}

/** kubetypes.IsMirrorPod: the API's copy of a static pod. */
export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}
