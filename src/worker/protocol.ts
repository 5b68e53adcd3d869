// The typed messages between the page and the simulator worker. The page sends command lines,
// Ctrl-C, API requests, file operations and time controls; the worker answers with terminal output,
// batched watch events (an initial snapshot, then deltas, at most one batch per animation frame),
// clock readings and file changes. Types only (plus a few constants): the UI imports this file and
// nothing else of the engine.
import type { ApiRequest, ApiResponse } from '../engine/api/request';
import type { KubeObject } from '../engine/api/types';
import type { SchedulingAttempt, NodeVerdict } from '../engine/scheduler/explain';

export type { ApiRequest, ApiResponse, KubeObject, SchedulingAttempt, NodeVerdict };

/** A resource the UI mirrors: how to list and watch it. */
export interface MirroredResource {
  /** Plural resource name; the key of the mirror ("pods"). */
  resource: string;
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

/** The resources the UI shows, in the order the UI draws them. Secrets arrive without data. */
export const MIRRORED_RESOURCES: readonly MirroredResource[] = [
  { resource: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false },
  { resource: 'nodes', group: '', version: 'v1', kind: 'Node', namespaced: false },
  { resource: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true },
  { resource: 'services', group: '', version: 'v1', kind: 'Service', namespaced: true },
  { resource: 'endpoints', group: '', version: 'v1', kind: 'Endpoints', namespaced: true },
  { resource: 'endpointslices', group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', namespaced: true },
  { resource: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
  { resource: 'replicasets', group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true },
  { resource: 'statefulsets', group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true },
  { resource: 'daemonsets', group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true },
  { resource: 'jobs', group: 'batch', version: 'v1', kind: 'Job', namespaced: true },
  { resource: 'cronjobs', group: 'batch', version: 'v1', kind: 'CronJob', namespaced: true },
  { resource: 'ingresses', group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', namespaced: true },
  { resource: 'configmaps', group: '', version: 'v1', kind: 'ConfigMap', namespaced: true },
  { resource: 'secrets', group: '', version: 'v1', kind: 'Secret', namespaced: true },
  { resource: 'persistentvolumeclaims', group: '', version: 'v1', kind: 'PersistentVolumeClaim', namespaced: true },
  { resource: 'persistentvolumes', group: '', version: 'v1', kind: 'PersistentVolume', namespaced: false },
  { resource: 'events', group: '', version: 'v1', kind: 'Event', namespaced: true },
];

/** Simulated-time speeds: 0 is paused. */
export type Speed = 0 | 1 | 10 | 60;

/** The speeds the time controls offer, in order. */
export const SPEEDS: readonly Speed[] = [0, 1, 10, 60];

/**
 * A reading of the simulated clock. Between readings the page extrapolates:
 * now + (Date.now() - wallAt) × speed, so ages tick smoothly without a message per frame.
 */
export interface ClockState {
  /** Simulated time (ms since the Unix epoch). */
  now: number;
  speed: Speed;
  /** Wall time (Date.now()) when `now` was read. */
  wallAt: number;
  /** True when the cluster cannot keep up with the speed asked for (simulated time runs slower). */
  lagging: boolean;
}

/** How a session's cluster is made. */
export interface BootOptions {
  seed: number;
  /** Number of nodes (minikube, minikube-m02, …). */
  nodes: number;
  /** Where simulated time starts (ms since the Unix epoch; the page passes its wall time). */
  epoch: number;
  speed: Speed;
  /** The learner's files to restore (absolute paths), e.g. after a worker restart. */
  files?: FileEntry[];
  /** Shortened failure-detection timings (the failover demo); absent: v1.32's defaults. */
  timings?: DemoTimings;
}

/** Timings a class demo may shorten (the engine's ClusterTimings). */
export interface DemoTimings {
  /** kube-controller-manager --node-monitor-grace-period. */
  nodeMonitorGracePeriodMs?: number;
  /** kube-apiserver --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds. */
  podEvictionTolerationSeconds?: number;
  /** kubelet --node-status-update-frequency. */
  nodeStatusUpdateFrequencyMs?: number;
}

/** What an instructor can do to a node's machine (cordon and drain go through kubectl). */
export type NodePowerAction = 'stop' | 'start';

/** One of the learner's files (absolute path under /home/learner). */
export interface FileEntry {
  path: string;
  content: string;
}

/** One change to a mirrored object; DELETED carries the last state. */
export interface MirrorChange {
  /** A MirroredResource.resource ("pods"). */
  resource: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/** One completion: the text that replaces the word, and what it is (kubectl's descriptions). */
export interface CompletionCandidate {
  value: string;
  description?: string;
}

/** A completion answer: replace [from, to) of the line with one of `candidates`. */
export interface Completion {
  from: number;
  to: number;
  candidates: CompletionCandidate[];
  /** Don't add a space after a single candidate (a directory, a "type/" prefix, a "--flag="). */
  noSpace: boolean;
}

/** A file operation. Paths are absolute or relative to /home/learner. */
export type FileOp =
  | { op: 'read'; path: string }
  | { op: 'write'; path: string; content: string }
  | { op: 'delete'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'list' };

/** What a file operation answers. */
export type FileResult = { ok: true; content?: string; files?: string[] } | { ok: false; error: string };

/**
 * What a terminal-less stream carries: a command line run by a shell of its own (the editor's
 * `kubectl apply -f`, the inspector's `kubectl describe`), or a pod's log read through pods/log.
 */
export type StreamSource =
  | { kind: 'command'; line: string; columns?: number }
  | { kind: 'pod-log'; namespace: string; pod: string; container?: string; follow: boolean; tailLines?: number };

/** What the browser pane's request got: a page, or why there is none (curl's failure kinds). */
export type HttpResult =
  | { ok: true; status: number; headers: Record<string, string>; body: string }
  | { ok: false; error: string; host: string; port: number };

/** Ways to break the worker on purpose (tests of the restart path). */
export type CrashMode = 'throw' | 'hang' | 'close';

/** Messages from the page to the worker. */
export type ToWorker =
  | { type: 'boot'; options: BootOptions }
  /** Opens a terminal tab (its own shell: working directory, variables, $?). */
  | { type: 'term-open'; tab: string; cols: number; rows: number }
  | { type: 'term-close'; tab: string }
  | { type: 'term-resize'; tab: string; cols: number; rows: number }
  /**
   * Input lines (without their newline). The first `echoed` lines are already on screen (typed at
   * the prompt); the worker echoes the rest after their prompt, as a terminal shows pasted lines
   * when the shell reads them. The worker answers term-ready when all of them have run. `seq`
   * numbers the page's inputs and interrupts (see term-ready).
   */
  | { type: 'term-input'; tab: string; lines: string[]; echoed: number; seq: number }
  /** Ctrl-C: aborts the running command, drops pending lines and a half-typed command. */
  | { type: 'term-interrupt'; tab: string; seq: number }
  /** Ctrl-D at an empty line while a remote TTY reads (term-ready's raw): end of input for it. */
  | { type: 'term-eof'; tab: string; seq: number }
  /** The page has written `bytes` characters of output (flow control). */
  | { type: 'term-ack'; tab: string; bytes: number }
  | { type: 'term-complete'; id: number; tab: string; line: string; cursor: number }
  | { type: 'api'; id: number; request: ApiRequest }
  | { type: 'fs'; id: number; op: FileOp }
  | { type: 'set-speed'; speed: Speed }
  /** Advance to the next scheduled event (pauses first). */
  | { type: 'step' }
  /** The page applied the last mirror batch; the worker may send the next one. */
  | { type: 'mirror-ack' }
  | { type: 'ping'; id: number }
  | { type: 'crash'; mode: CrashMode }
  /** "Why is this pod here / not scheduled?": the scheduler's last attempt for a pod ("ns/name"). */
  | { type: 'explain'; id: number; pod: string }
  /** Stops (the kubelet dies, the node goes silent) or starts a node's kubelet. */
  | { type: 'node-power'; node: string; action: NodePowerAction }
  /** Starts a terminal-less stream; answered by stream-data chunks and one stream-end. */
  | { type: 'stream-start'; id: number; source: StreamSource }
  /** Stops a stream (as Ctrl-C would); its stream-end follows. */
  | { type: 'stream-cancel'; id: number }
  /** The editor's JSON schema of every built-in kind (one schema, matched by apiVersion/kind). */
  | { type: 'editor-schema'; id: number }
  /** A GET from the learner's machine (the browser pane): localhost after port-forward, a NodePort, an Ingress host. */
  | { type: 'http'; id: number; url: string }
  /** The learner closed a `kubectl edit` file: saved (kubectl reads it back) or cancelled. */
  | { type: 'edit-done'; id: number; save: boolean };

/** Messages from the worker to the page. */
export type FromWorker =
  | { type: 'booted'; seed: number; nodes: number; clock: ClockState; kubernetesVersion: string }
  | { type: 'term-output'; tab: string; data: string }
  /**
   * The shell waits for a line: `prompt` is PS1, or PS2 ("> ") inside an unfinished command. `seq` is
   * the last input or interrupt the worker had received; the page ignores a ready older than what
   * it sent last (a Ctrl-C crossing the end of a command must not draw two prompts).
   */
  | { type: 'term-ready'; tab: string; prompt: string; continuation: boolean; seq: number; raw?: boolean }
  | { type: 'term-completion'; id: number; completion: Completion }
  | { type: 'api-result'; id: number; response: ApiResponse }
  | { type: 'fs-result'; id: number; result: FileResult }
  /** Files that changed (written by the shell, kubectl or a file operation) and removed paths. */
  | { type: 'files'; changed: FileEntry[]; removed: string[] }
  /** Every mirrored object (replaces what the page had). */
  | { type: 'mirror-snapshot'; objects: Record<string, KubeObject[]>; clock: ClockState }
  /** Changes since the last batch, coalesced per object. */
  | { type: 'mirror-batch'; changes: MirrorChange[]; clock: ClockState }
  | { type: 'clock'; clock: ClockState }
  | { type: 'pong'; id: number }
  /** The answer to `explain`: undefined when the scheduler has no attempt for the pod. */
  | { type: 'explain-result'; id: number; attempt: SchedulingAttempt | undefined }
  /** Nodes whose kubelet is stopped (after boot and after every node-power). */
  | { type: 'node-power-state'; stopped: string[] }
  | { type: 'stream-data'; id: number; data: string }
  /** A stream ended: the command's exit code (130 when cancelled), 0 for a log that ended. */
  | { type: 'stream-end'; id: number; code: number }
  | { type: 'editor-schema-result'; id: number; schema: object }
  | { type: 'http-result'; id: number; result: HttpResult }
  /** `kubectl edit` waits for this file (absolute path) to be saved and closed in the editor. */
  | { type: 'edit-open'; id: number; path: string }
  /** The edit session ended (answered, or the command was interrupted). */
  | { type: 'edit-close'; id: number }
  /** The simulator failed and cannot go on; the page restarts the worker. */
  | { type: 'fatal'; message: string };

/** The learner's home directory (the terminal's ~ and the editor's root). */
export const HOME = '/home/learner';
