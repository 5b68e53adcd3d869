// What the kubelet knows of a pod from the runtime: its sandbox and every container instance it
// started. Models pkg/kubelet/container/runtime.go (PodStatus, Status): the kubelet reads this, not
// the API, to decide what to start or restart — it survives a kubelet restart, as the runtime's
// state does.
import type { Container as RuntimeContainer } from '../../runtime/cri';
import type { ContainerLog } from '../logs/container-log';

/** kubecontainer.State, reduced to what a simulated runtime can be in. */
export type ContainerRunState = 'running' | 'exited';

/** One container instance (one attempt of one container of the pod). */
export interface ContainerInstance {
  /** The container's name in the pod spec. */
  name: string;
  /** Which list of the spec it belongs to. */
  kind: 'init' | 'regular';
  /** The runtime's id (64 hex). */
  id: string;
  /** containerID as the status shows it: "docker://<id>". */
  containerID: string;
  /** The runtime handle (signal, exec, http, usage). */
  handle: RuntimeContainer;
  /** containerStatuses[].image: the spec image with its default tag. */
  image: string;
  /** containerStatuses[].imageID. */
  imageID: string;
  /** The spec image this instance was started from (a changed image restarts it). */
  specImage: string;
  /** The attempt: 0 for the first instance, previous + 1 after. */
  restartCount: number;
  state: ContainerRunState;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** What the instance wrote. */
  log: ContainerLog;
  /** Set while the kubelet is stopping it (grace period running). */
  stopping?: boolean;
}

/** The pod's network sandbox. */
export interface Sandbox {
  ip: string;
  createdAt: number;
  /** Attempt number (kubecontainer.PodSandboxStatus.Metadata.Attempt). */
  attempt: number;
  /** False once torn down (the pod finished or was deleted). */
  ready: boolean;
}

/** Instances kept per container name: the current one and the one before (lastState, --previous). */
const KEEP_PER_NAME = 2;

/** The runtime-side state of one pod. */
export class PodRuntimeState {
  sandbox?: Sandbox;
  /** The pod's name and namespace, as the runtime's container labels keep them (io.kubernetes.pod.*). */
  podName = '';
  podNamespace = '';
  /** Instances by container name, newest first. */
  private readonly byName = new Map<string, ContainerInstance[]>();

  /** The newest instance of a container (FindContainerStatusByName). */
  latest(name: string): ContainerInstance | undefined {
    return this.byName.get(name)?.[0];
  }

  /** The newest two instances of a container, newest first. */
  history(name: string): readonly ContainerInstance[] {
    return this.byName.get(name) ?? [];
  }

  /** Records a new instance; older ones beyond the current and previous are garbage-collected. */
  add(inst: ContainerInstance): void {
    // A new exact-size array: unshift onto [] reserves room for 17 (≈ 150 bytes per container).
    const list = [inst, ...(this.byName.get(inst.name) ?? [])].slice(0, KEEP_PER_NAME);
    this.byName.set(inst.name, list);
  }

  /** Every instance still running. */
  running(): ContainerInstance[] {
    const out: ContainerInstance[] = [];
    for (const list of this.byName.values()) for (const i of list) if (i.state === 'running') out.push(i);
    return out;
  }

  /** Every instance known, any state. */
  all(): ContainerInstance[] {
    const out: ContainerInstance[] = [];
    for (const list of this.byName.values()) out.push(...list);
    return out;
  }

  /** Forgets the instances of the given names (init containers purged when a sandbox is recreated). */
  purge(names: readonly string[]): void {
    for (const n of names) this.byName.delete(n);
  }

  /** Is any container of the pod running? */
  anyRunning(): boolean {
    for (const list of this.byName.values()) if (list[0]?.state === 'running') return true;
    return false;
  }
}
