// What kubectl runs against: an async API client, files, a kubeconfig and output streams. kubectl
// knows nothing of xterm or the worker: it turns a command line into requests and returns text.
import type { ApiRequest, ApiResponse, WatchHandle } from '../engine/api/request';
import type { ApiStatus, KubeObject, WatchEvent } from '../engine/api/types';

/** The API as kubectl sees it: asynchronous, as over HTTP. */
export interface RestClient {
  request(req: ApiRequest): Promise<ApiResponse>;
  /** Starts a watch; throws a StatusError for a bad request. */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent<KubeObject | ApiStatus>) => void, onClose?: () => void): WatchHandle;
}

/** The files kubectl can read (-f) and write. Paths are relative to the working directory. */
export interface FileSystem {
  /** File contents, or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** Is the path a directory? */
  isDir(path: string): boolean;
  /** Entries of a directory (names, not paths), sorted. */
  list(path: string): string[];
  write?(path: string, content: string): void;
}

/** The parts of a kubeconfig kubectl uses. */
export interface KubeConfig {
  currentContext: string;
  contexts: { name: string; cluster: string; user: string; namespace?: string; extensions?: KubeConfigExtension[] }[];
  clusters: { name: string; server: string; certificateAuthority?: string; extensions?: KubeConfigExtension[] }[];
  users: { name: string; clientCertificate?: string; clientKey?: string; token?: string; username?: string; password?: string }[];
}

/** A named extension of a kubeconfig cluster or context (minikube writes cluster_info and context_info). */
export interface KubeConfigExtension {
  name: string;
  extension: Record<string, unknown>;
}

/** Output streams. */
export interface KubectlIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, when something is piped in (`-f -`, heredocs). */
  stdin?: string;
  /**
   * Standard input typed at the terminal while the command runs (kubectl exec -i, attach -i): resolves
   * to the next line, or undefined at end of input (Ctrl-D). Absent when stdin is piped or redirected.
   * `raw`: the line goes to a remote TTY (exec/attach -it), so Ctrl-C and Ctrl-D are the remote side's
   * (a Ctrl-C drops the typed line, a Ctrl-D ends input) instead of stopping kubectl.
   */
  readLine?(o?: { raw?: boolean }): Promise<string | undefined>;
  /**
   * While a remote TTY session runs (exec -it): registers what Ctrl-C does — it goes to the remote
   * foreground job instead of stopping kubectl. Returns the unregistration. Absent without a terminal.
   */
  onInterrupt?(handler: () => void): () => void;
}

/** Everything a kubectl invocation runs with. */
export interface KubectlEnv {
  api: RestClient;
  fs: FileSystem;
  config: KubeConfig;
  /** The client's clock (describe and events print ages from it). */
  now(): number;
  /** Aborted when the user presses Ctrl-C (ends -w, logs -f, port-forward). */
  signal?: AbortSignal;
  /** Opens an editor on text (kubectl edit); resolves to the edited text, or undefined when cancelled. */
  editor?: (text: string, fileName: string) => Promise<string | undefined>;
  /** Waits `ms` of the client's (simulated) time; rejects when the signal aborts. Retries and polls use it. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  /**
   * Listens on the learner's machine for `kubectl port-forward` and relays each connection into the pod
   * through the pods/portforward answer (`session`). Local port 0 picks a free port. Throws
   * `unable to listen on any of the requested ports: …` when no port could be bound.
   */
  portForward?(o: PortForwardRequest): { ports: { local: number; remote: number }[]; close(): void };
}

/** What kubectl port-forward asks the host for. */
export interface PortForwardRequest {
  /** The body of the pods/portforward answer. */
  session: unknown;
  pod: { namespace: string; name: string; uid: string };
  ports: { local: number; remote: number }[];
  /** Addresses to listen on (--address; "localhost" is 127.0.0.1 and ::1). */
  addresses: string[];
  out(s: string): void;
  errOut(s: string): void;
  /** A message from the error stream for a forwarded connection (logged as client-go's HandleError does). */
  reportError(local: number, remote: number, message: string): void;
  /** The streaming connection was lost (the pod went away): kubectl ends with "lost connection to pod". */
  onLost(): void;
}

/** A kubectl invocation's result. */
export interface KubectlResult {
  exitCode: number;
}
