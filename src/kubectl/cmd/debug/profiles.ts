// The --profile appliers of kubectl debug: what each profile changes in the debugging pod, for each way of
// debugging (an ephemeral container, a copy of the pod, a node). Models
// k8s.io/kubectl/pkg/cmd/debug/profiles.go (NewProfileApplier, KeepFlags, the profiles' Apply and helpers).
import type { Container, Pod } from '../../../engine/api/types';
import { CmdError } from '../../errors';

/** The profile names, as the --profile help lists them. */
export const PROFILES = ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'] as const;
/** A profile name. */
export type Profile = typeof PROFILES[number];

/** How the pod being prepared relates to its target (getDebugStyle). */
export type DebugStyle = 'ephemeral' | 'podCopy' | 'node';

/** KeepFlags: what of the original pod a copy keeps (--keep-*). */
export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

/** Applies a profile to the container `name` of `pod`, prepared in `style`. */
export type ProfileApplier = (pod: Pod, name: string, style: DebugStyle) => void;

type SC = NonNullable<Container['securityContext']>;

// podutils.VisitContainers: AllContainers is init, regular and ephemeral; Containers regular only.
function eachContainer(pod: Pod, all: boolean, name: string, fn: (c: Container) => void): void {
  const spec = pod.spec!;
  const lists = all ? [spec.initContainers, spec.containers, spec.ephemeralContainers as Container[] | undefined] : [spec.containers];
  for (const list of lists) {
    const c = (list ?? []).find((x) => x.name === name);
    if (c) return fn(c);
  }
}

const withSC = (c: Container): SC => (c.securityContext ??= {});

function mountRootPartition(pod: Pod, name: string): void {
  pod.spec!.volumes = [...(pod.spec!.volumes ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  eachContainer(pod, false, name, (c) => { c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: '/host', name: 'host-root' }]; });
}

function useHostNamespaces(pod: Pod): void {
  pod.spec!.hostNetwork = true;
  pod.spec!.hostPID = true;
  pod.spec!.hostIPC = true;
}

function shareProcessNamespace(pod: Pod): void {
  if (pod.spec!.shareProcessNamespace === undefined) pod.spec!.shareProcessNamespace = true;
}

function addCapability(c: Container, cap: string): void {
  const sc = withSC(c);
  sc.capabilities ??= {};
  sc.capabilities.add = [...(sc.capabilities.add ?? []), cap];
}

const clearSecurityContext = (pod: Pod, name: string) => eachContainer(pod, true, name, (c) => { delete c.securityContext; });
const setPrivileged = (pod: Pod, name: string) => eachContainer(pod, true, name, (c) => { withSC(c).privileged = true; });
const allowProcessTracing = (pod: Pod, name: string) => eachContainer(pod, true, name, (c) => addCapability(c, 'SYS_PTRACE'));

function restrict(pod: Pod, name: string): void {
  eachContainer(pod, true, name, (c) => {
    const sc = withSC(c);
    sc.runAsNonRoot = true;
    sc.capabilities = { ...(sc.capabilities ?? {}), drop: ['ALL'] };
    delete sc.capabilities.add;
    sc.allowPrivilegeEscalation = false;
    sc.seccompProfile = { type: 'RuntimeDefault' };
  });
}

// The KeepFlags removals a copy of the pod gets (RemoveLabels, RemoveAnnotations, RemoveProbes, RemoveInitContainers).
function trimCopy(pod: Pod, k: KeepFlags): void {
  const m = pod.metadata!;
  if (!k.labels) delete m.labels;
  if (!k.annotations) delete m.annotations;
  for (const c of pod.spec!.containers ?? []) {
    if (!k.liveness) delete c.livenessProbe;
    if (!k.readiness) delete c.readinessProbe;
    if (!k.startup) delete c.startupProbe;
  }
  if (!k.initContainers) delete pod.spec!.initContainers;
}

/** NewProfileApplier: the applier of a profile; "unknown profile: X" for any other name. */
export function newProfileApplier(profile: string, keep: KeepFlags): ProfileApplier {
  switch (profile) {
    case 'legacy':
      return (pod, name, style) => {
        if (style === 'node') {
          mountRootPartition(pod, name);
          useHostNamespaces(pod);
        } else if (style === 'podCopy') delete pod.metadata!.labels; // legacy drops labels even with --keep-labels
      };
    case 'general':
      return (pod, name, style) => {
        if (style === 'node') {
          mountRootPartition(pod, name);
          clearSecurityContext(pod, name);
          useHostNamespaces(pod);
        } else if (style === 'podCopy') {
          trimCopy(pod, keep);
          allowProcessTracing(pod, name);
          shareProcessNamespace(pod);
        } else allowProcessTracing(pod, name);
      };
    case 'baseline':
      return (pod, name, style) => {
        clearSecurityContext(pod, name);
        if (style === 'podCopy') {
          trimCopy(pod, keep);
          shareProcessNamespace(pod);
        }
      };
    case 'restricted':
      return (pod, name, style) => {
        clearSecurityContext(pod, name);
        restrict(pod, name);
        if (style === 'podCopy') {
          trimCopy(pod, keep);
          shareProcessNamespace(pod);
        }
      };
    case 'netadmin':
      return (pod, name, style) => {
        eachContainer(pod, true, name, (c) => {
          addCapability(c, 'NET_ADMIN');
          addCapability(c, 'NET_RAW');
        });
        if (style === 'node') useHostNamespaces(pod);
        else if (style === 'podCopy') {
          trimCopy(pod, keep);
          shareProcessNamespace(pod);
        }
      };
    case 'sysadmin':
      return (pod, name, style) => {
        setPrivileged(pod, name);
        if (style === 'node') {
          useHostNamespaces(pod);
          mountRootPartition(pod, name);
        } else if (style === 'podCopy') {
          trimCopy(pod, keep);
          shareProcessNamespace(pod);
        }
      };
    default:
      throw new CmdError(`error: unknown profile: ${profile}`);
  }
}
