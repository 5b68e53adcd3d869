// What the kubelet's server answers when the API server proxies pods/log, pods/exec and
// pods/portforward to it. Models pkg/registry/core/pod/strategy.go (ValidateContainer, LogLocation,
// ExecLocation) for the API server's checks and pkg/kubelet/kubelet_pods.go
// (validateContainerLogStatus, GetKubeletContainerLogs) and server/server.go for the kubelet's.
// Streaming answers carry a session object in the body; reference/kubelet.md documents the shapes.
import type { ApiRequest, ApiResponse } from '../../api/request';
import type { ApiStatus, KubeObject, Pod, PodStatus } from '../../api/types';
import { parseTime, type Clock } from '../../clock';
import type { ExecIO, HttpRequest, HttpResponse } from '../../runtime/cri';
import type { ContainerInstance, PodRuntimeState } from '../container';
import { formatLine, type LogReadOptions } from '../logs';
import { goStringList } from '../util';
import { sha256Hex } from '../../runtime/util/sha256';

/** The body of a followed pods/log answer: what the log holds now, then new lines until the container stops. */
export interface LogStream {
  kind: 'LogStream';
  /** The text already available, formatted as the request asked (timestamps, tail, since, limitBytes). */
  initial: string;
  /** Delivers each new line (with its newline) until the container stops; onEnd then. Returns a function that stops following. */
  subscribe(onData: (chunk: string) => void, onEnd: () => void): () => void;
}

/** The body of a pods/exec answer: a command ready to run in the container. */
export interface ExecSession {
  kind: 'ExecSession';
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  /** Runs the command with the caller's streams; resolves to its exit code. */
  start(io: ExecIO): Promise<number>;
}

/** The body of a pods/attach answer: the container's main process's streams. */
export interface AttachSession {
  kind: 'AttachSession';
  container: string;
  stdin: boolean;
  tty: boolean;
  /** Attaches with the caller's streams; resolves (to 0) when detached or the container exits. */
  start(io: ExecIO): Promise<number>;
}

/** The body of a pods/portforward answer: a connection into the pod's network namespace. */
export interface PortForwardSession {
  kind: 'PortForwardSession';
  podIP: string;
  /** Sends an HTTP request to a port of the pod; undefined means connection refused. */
  http(port: number, req: HttpRequest): HttpResponse | undefined;
  /** Is something in the pod listening on the port? */
  listening(port: number): boolean;
  /** What the runtime writes on the error stream when a forwarded connection fails (see portForwardFailure). */
  failure(port: number, reason: 'refused' | 'gone'): string;
}

/** What the connectors need from the kubelet of the pod's node. */
export interface ConnectorHost {
  clock: Clock;
  nodeIP: string;
  /** Is the kubelet up (a stopped kubelet does not answer)? */
  running(): boolean;
  /** The kubelet's runtime state and last status of an API pod, if it runs it. */
  podRuntime(pod: Pod): { state: PodRuntimeState; status?: PodStatus; podIP?: string } | undefined;
}

function status(code: number, reason: string | undefined, message: string): ApiResponse {
  const s: ApiStatus = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code };
  if (reason) s.reason = reason as ApiStatus['reason'];
  return { code, body: s };
}
const badRequest = (message: string) => status(400, 'BadRequest', message);

/** All container names of a pod, init first (podutil.VisitContainers order). */
function allContainerNames(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...((pod.spec?.ephemeralContainers ?? []) as { name: string }[])]
    .map((c) => c.name);
}

/** ValidateContainer: the named container, or the only one; BadRequest otherwise. */
export function validateContainer(container: string | undefined, pod: Pod): { name: string } | { error: ApiResponse } {
  const name = pod.metadata?.name ?? '';
  if (!container) {
    const cs = pod.spec?.containers ?? [];
    if (cs.length === 1) return { name: cs[0].name };
    if (cs.length === 0) return { error: badRequest(`a container name must be specified for pod ${name}`) };
    return { error: badRequest(`a container name must be specified for pod ${name}, choose one of: ${goStringList(allContainerNames(pod))}`) };
  }
  if (!allContainerNames(pod).includes(container)) return { error: badRequest(`container ${container} is not valid for pod ${name}`) };
  return { name: container };
}

function unreachable(host: ConnectorHost, path: string): ApiResponse {
  return status(500, undefined, `Get "https://${host.nodeIP}:10250/${path}": dial tcp ${host.nodeIP}:10250: connect: connection refused`);
}

/** validateContainerLogStatus: the containerID whose log is read, or the kubelet's error. */
export function validateContainerLogStatus(podName: string, st: PodStatus, name: string, previous: boolean): { id: string } | { error: string } {
  const cs = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])]
    .find((s) => s.name === name);
  if (!cs) return { error: `container "${name}" in pod "${podName}" is not available` };
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  if (previous) {
    if (!last?.containerID) return { error: `previous terminated container "${name}" in pod "${podName}" not found` };
    return { id: last.containerID };
  }
  if (running) return { id: cs.containerID ?? '' };
  if (terminated) {
    if (terminated.containerID) return { id: terminated.containerID };
    if (last?.containerID) return { id: last.containerID };
    return { error: `container "${name}" in pod "${podName}" is terminated` };
  }
  if (last) {
    if (!last.containerID) return { error: `container "${name}" in pod "${podName}" is terminated` };
    return { id: last.containerID };
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') return { error: `container "${name}" in pod "${podName}" is waiting to start: image can't be pulled` };
    if (waiting.reason === 'ImagePullBackOff') return { error: `container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image` };
    return { error: `container "${name}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ''}` };
  }
  return { error: `container "${name}" in pod "${podName}" is waiting to start - no logs yet` };
}

function findInstance(state: PodRuntimeState, name: string, containerID: string): ContainerInstance | undefined {
  return state.history(name).find((i) => i.containerID === containerID);
}

const intParam = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number.parseInt(v, 10));

/** pods/log. */
export function serveLogs(host: ConnectorHost, req: ApiRequest, obj: KubeObject): ApiResponse {
  const pod = obj as Pod;
  const q = req.query ?? {};
  const v = validateContainer(q.container, pod);
  if ('error' in v) return v.error;
  if (!pod.spec?.nodeName) return { code: 200, body: '' };
  if (!host.running()) return unreachable(host, `containerLogs/${pod.metadata?.namespace}/${pod.metadata?.name}/${v.name}`);
  const rt = host.podRuntime(pod);
  const st = rt?.status ?? pod.status ?? {};
  const chk = validateContainerLogStatus(pod.metadata?.name ?? '', st, v.name, q.previous === 'true');
  if ('error' in chk) return badRequest(chk.error);
  const inst = rt ? findInstance(rt.state, v.name, chk.id) : undefined;
  const opts: LogReadOptions = { timestamps: q.timestamps === 'true', tailLines: intParam(q.tailLines), limitBytes: intParam(q.limitBytes) };
  const sinceSeconds = intParam(q.sinceSeconds);
  if (sinceSeconds !== undefined) opts.since = host.clock.now() - sinceSeconds * 1000;
  else if (q.sinceTime) opts.since = parseTime(q.sinceTime);
  if (!inst) return { code: 200, body: '' };
  const initial = inst.log.read(opts);
  if (q.follow !== 'true') return { code: 200, body: initial };
  const stream: LogStream = {
    kind: 'LogStream', initial,
    subscribe: (onData, onEnd) => inst.log.follow((l) => onData(formatLine(l, opts.timestamps)), onEnd),
  };
  return { code: 200, body: stream };
}

function commandOf(req: ApiRequest): string[] {
  const b = req.body as { command?: unknown } | undefined;
  if (b && Array.isArray(b.command)) return b.command.map(String);
  const c = req.query?.command;
  if (!c) return [];
  if (c.startsWith('[')) {
    try {
      return (JSON.parse(c) as unknown[]).map(String);
    } catch {
      return [c];
    }
  }
  return [c];
}

/** pods/exec. */
export function serveExec(host: ConnectorHost, req: ApiRequest, obj: KubeObject): ApiResponse {
  const pod = obj as Pod;
  const q = req.query ?? {};
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const v = validateContainer(q.container, pod);
  if ('error' in v) return v.error;
  if (!host.running()) return unreachable(host, `exec/${pod.metadata?.namespace}/${pod.metadata?.name}/${v.name}`);
  const inst = host.podRuntime(pod)?.state.latest(v.name);
  if (!inst || inst.state !== 'running') return status(500, undefined, `container not found ("${v.name}")`);
  const command = commandOf(req);
  const session: ExecSession = {
    kind: 'ExecSession', container: v.name, command, stdin: q.stdin === 'true', tty: q.tty === 'true',
    start: (io) => inst.handle.exec(command, io),
  };
  return { code: 200, body: session };
}

/**
 * pods/attach. Models pkg/registry/core/pod/strategy.go AttachLocation (the container checks exec has) and
 * the kubelet's GetAttach: the TTY is the container's own (spec.tty), whatever the request says.
 */
export function serveAttach(host: ConnectorHost, req: ApiRequest, obj: KubeObject): ApiResponse {
  const pod = obj as Pod;
  const q = req.query ?? {};
  const v = validateContainer(q.container, pod);
  if ('error' in v) return v.error;
  if (!host.running()) return unreachable(host, `attach/${pod.metadata?.namespace}/${pod.metadata?.name}/${v.name}`);
  const inst = host.podRuntime(pod)?.state.latest(v.name);
  if (!inst || inst.state !== 'running' || !inst.handle.attach) return status(500, undefined, `container not found ("${v.name}")`);
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === v.name);
  const attach = inst.handle.attach.bind(inst.handle);
  const session: AttachSession = {
    kind: 'AttachSession', container: v.name, stdin: q.stdin === 'true', tty: !!spec?.tty,
    start: async (io) => {
      await attach({ ...io, readLine: q.stdin === 'true' ? io.readLine : undefined, tty: !!spec?.tty });
      return 0;
    },
  };
  return { code: 200, body: session };
}

/** pods/portforward. */
export function servePortForward(host: ConnectorHost, _req: ApiRequest, obj: KubeObject): ApiResponse {
  const pod = obj as Pod;
  if (!host.running()) return unreachable(host, `portForward/${pod.metadata?.namespace}/${pod.metadata?.name}`);
  const rt = host.podRuntime(pod);
  if (!rt) return status(500, undefined, `pod ${pod.metadata?.name} not found`);
  const running = () => rt.state.running().map((i) => i.handle);
  const sandboxID = sandboxIdOf(pod.metadata?.uid ?? '', rt.state.sandbox?.attempt ?? 0);
  let connections = 0;
  const session: PortForwardSession = {
    kind: 'PortForwardSession', podIP: rt.podIP ?? '',
    http: (port, r) => {
      for (const c of running()) {
        const res = c.http(port, r);
        if (res) return res;
      }
      return undefined;
    },
    listening: (port) => running().some((c) => c.listening(port)),
    failure: (port, reason) => portForwardFailure(sandboxID, port, reason, host.clock.now(), socatPid(sandboxID, connections++)),
  };
  return { code: 200, body: session };
}

// The pod's sandbox (pause container) ID as Docker shows it: 64 hex digits, derived from the pod's UID and
// sandbox attempt so that no random draw is spent on it (the IDs only ever appear in error messages).
function sandboxIdOf(uid: string, attempt: number): string {
  return sha256Hex(`sandbox/${uid}/${attempt}`);
}

// socat is a new process per forwarded connection; its pid grows with each one.
function socatPid(sandboxID: string, n: number): number {
  return 4000 + (parseInt(sandboxID.slice(0, 4), 16) % 20000) + n * 7;
}

/**
 * The error-stream message of a failed forwarded connection, in cri-dockerd's words (minikube's runtime):
 * Models pkg/kubelet/cri/streaming/portforward/httpstream.go portForward ("error forwarding port %d to pod
 * %s, uid %v: %v", with the sandbox ID as pod and no uid) around cri-dockerd core/docker_streaming_others.go
 * portForward (nsenter + socat: "exit status 1: " and socat's stderr line) and docker_streaming.go
 * ("container not running (%s)" once the sandbox has stopped).
 */
export function portForwardFailure(sandboxID: string, port: number, reason: 'refused' | 'gone', now: number, pid: number): string {
  const head = `error forwarding port ${port} to pod ${sandboxID}, uid : `;
  if (reason === 'gone') return `${head}container not running (${sandboxID})`;
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${head}exit status 1: ${when} socat[${pid}] E connect(5, AF=2 127.0.0.1:${port}, 16): Connection refused\n`;
}
