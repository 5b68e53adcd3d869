// The contract between the kubelet and the container runtime: what a node's runtime can do with
// images and containers. Shaped after the CRI (k8s.io/cri-api RuntimeService + ImageService), reduced
// to what a simulated program needs. The kubelet (src/engine/kubelet) drives it; the runtime
// (src/engine/runtime) implements it with the image catalog and simulated programs.

/** A pulled image: what `docker image inspect` would say, plus how the simulator runs it. */
export interface ImageInfo {
  /** Normalised reference ("docker.io/library/nginx:latest"). */
  ref: string;
  /**
   * containerStatuses[].imageID as cri-dockerd reports it: "docker-pullable://" + the first repo
   * digest ("docker-pullable://nginx@sha256:…"; cri-dockerd core/helpers.go toPullableImageID).
   */
  imageID: string;
  /** Size in bytes ("Image size: … bytes." in the Pulled event). */
  sizeBytes: number;
  /**
   * Tags on the node pointing at this image, familiar form ("nginx:latest"); [0] is what
   * containerStatuses[].image shows (cri-dockerd ContainerStatus: RepoTags[0]). Empty for an image
   * pulled by digest only (then the status shows the spec's image).
   */
  repoTags?: string[];
  /** Repo digests, familiar form ("nginx@sha256:…"): with repoTags, node.status.images[].names. */
  repoDigests?: string[];
  /** The local image ID ("sha256:…"). */
  id?: string;
}

/** Why a pull fails, worded as the runtime words it (the kubelet puts it in ErrImagePull). */
export interface PullError {
  /** Full message, e.g. `Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`. */
  message: string;
}

/** A file or directory the kubelet mounts into a container. */
export interface Mount {
  /** Absolute path inside the container. */
  containerPath: string;
  readOnly: boolean;
  /** The volume's storage (shared by the containers of a pod; outlives the pod for PVC/hostPath). */
  volume: VolumeFS;
  /** Sub-path inside the volume (volumeMounts[].subPath). */
  subPath?: string;
}

/**
 * A volume's files, as the kubelet's volume plugins give them to the runtime. Paths are relative to
 * the volume root ("" is the root; a leading "/" is ignored); list() returns the direct children's
 * names. runtime/fs MemoryVolume is an implementation.
 */
export interface VolumeFS {
  read(path: string): string | undefined;
  write(path: string, content: string): void;
  list(path: string): string[];
  isDir(path: string): boolean;
  mkdir(path: string): void;
  remove(path: string): boolean;
  /** The target of a symbolic link at `path` (the atomic writer's `..data` and key links), else undefined. */
  readlink?(path: string): string | undefined;
  /** Permission bits a volume plugin set on a path (defaultMode, items[].mode; '' is the root), else undefined. */
  mode?(path: string): number | undefined;
}

/** A container to create (the resolved ContainerConfig: env, mounts and limits already computed). */
export interface ContainerConfig {
  podUid: string;
  podName: string;
  podNamespace: string;
  containerName: string;
  image: ImageInfo;
  command?: string[];
  args?: string[];
  /** Environment in the order the container sees it. */
  env: [string, string][];
  workingDir?: string;
  mounts: Mount[];
  /** limits.memory in bytes (undefined: unlimited). Exceeding it OOM-kills the process. */
  memoryLimitBytes?: number;
  /** limits.cpu in millicores (undefined: unlimited). */
  cpuLimitMilli?: number;
  tty: boolean;
  stdin: boolean;
  /** Close stdin when the first attached client detaches (docker's StdinOnce). */
  stdinOnce?: boolean;
  /**
   * An ephemeral container's targetContainerName (kubectl debug --target): it joins that container's process
   * namespace, so its `ps` lists the target's processes before its own.
   */
  targetContainerName?: string;
  /** spec.shareProcessNamespace: the pod's containers share one PID namespace, with the pause process as PID 1. */
  shareProcessNamespace?: boolean;
  /** The pod's IP and hostname (the pod name), shared by its containers. */
  podIP: string;
  hostname: string;
  /** /etc/hosts as the kubelet writes it (default: generated from podIP and hostname). */
  etcHosts?: string;
  /** /etc/resolv.conf (default: ClusterFirst with the pod's namespace). */
  resolvConf?: string;
}

/** An HTTP request arriving at a container port. */
export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The client's address (nginx logs it). */
  remoteAddr: string;
}

/** An HTTP response from a simulated server. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Output of an exec'd process. */
export interface ExecIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Interactive input (kubectl exec -it): resolves to the next line, or undefined at EOF. */
  readLine?(): Promise<string | undefined>;
  tty?: boolean;
  signal?: AbortSignal;
  /**
   * With a TTY: registers what a Ctrl-C on the client's terminal does (SIGINT to the foreground job);
   * returns the unregistration.
   */
  onInterrupt?(handler: () => void): () => void;
}

/** How a container process ended. */
export interface ExitStatus {
  exitCode: number;
  /** "Completed" (0), "Error", "OOMKilled", or "ContainerCannotRun"/"StartError" when it could not start. */
  reason: string;
  /** Extra text (e.g. the start error message). */
  message?: string;
  /** Killed by a signal: 137 for SIGKILL, 143 for SIGTERM. */
  signal?: 'SIGTERM' | 'SIGKILL';
  /**
   * When the container could not start (reason ContainerCannotRun): the StartContainer error the
   * kubelet puts in its `Error: …` event (`failed to start container "<id>": Error response from daemon: …`).
   */
  startError?: string;
}

/** A running (or finished) container. */
export interface Container {
  readonly id: string;
  /** Sends SIGTERM (graceful stop) or SIGKILL. The runtime reports the exit through onExit. */
  signal(sig: 'SIGTERM' | 'SIGKILL'): void;
  /** Runs a command inside the container (exec probes, kubectl exec); resolves to its exit code. */
  exec(argv: string[], io: ExecIO): Promise<number>;
  /**
   * Like exec, but reports the exit code through `done` on the simulated clock — synchronously when
   * the command needs no simulated time, else from a clock timer — never through a Promise. Exec
   * probes and lifecycle hooks use it so their results land inside clock.advance(), at the right
   * instant (a Promise settles in a microtask, after advance() returns). Optional: without it the
   * kubelet falls back to exec.
   */
  run?(argv: string[], io: ExecIO, done: (exitCode: number) => void): void;
  /**
   * Attaches to the main process's output from now on and, with `stdin: true`, feeds it typed lines;
   * resolves when the client detaches (io.signal) or the container exits. Optional: runtimes without it
   * cannot be attached to.
   */
  attach?(io: ExecIO): Promise<void>;
  /** Answers an HTTP request on a port (probes, Services, port-forward); undefined = connection refused. */
  http(port: number, req: HttpRequest): HttpResponse | undefined;
  /** Is something listening on the TCP port? */
  listening(port: number): boolean;
  /** Current usage, for `kubectl top` and OOM decisions. */
  usage(): { cpuMilli: number; memoryBytes: number };
}

/** What the runtime tells the kubelet about a container. */
export interface ContainerEvents {
  /** A log line (kubectl logs), with the stream it went to. */
  log(line: string, stream: 'stdout' | 'stderr'): void;
  /** The process exited (once). */
  exit(status: ExitStatus): void;
}

/** A node's container runtime. */
export interface ContainerRuntime {
  /** Name and version, as node.status.nodeInfo.containerRuntimeVersion shows it ("docker://27.4.1"). */
  readonly version: string;
  /**
   * Starts pulling an image. The result arrives after the simulated pull time (through the clock),
   * as ImageInfo or a PullError; `waitedMs` is the time spent queued behind other pulls.
   */
  pull(ref: string, done: (r: { image: ImageInfo; pullMs: number; waitedMs: number } | { error: PullError }) => void): void;
  /** An image already present on the node (for IfNotPresent and ImageLocality). */
  imagePresent(ref: string): ImageInfo | undefined;
  /** Every image on the node (node.status.images). */
  images(): ImageInfo[];
  /** Creates and starts a container; the process runs on the simulated clock. */
  start(config: ContainerConfig, events: ContainerEvents): Container;
}
