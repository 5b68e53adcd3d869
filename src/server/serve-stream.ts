// `kubesim serve`'s streaming upgrades: `kubectl exec`/`attach` (and `run -i`) over WebSocket with the v5.channel.k8s.io
// subprotocol (k8s.io/apimachinery pkg/util/remotecommand constants, client-go tools/remotecommand
// websocket.go): every binary message starts with its channel (0 stdin, 1 stdout, 2 stderr, 3 the final
// Status, 4 resize, 255 close a stream). A refused upgrade answers the Status (or the kubelet's plain text)
// with its HTTP code, which kubectl then reports (after retrying over SPDY, answered the same way).
// RFC 6455 framing is in websocket.ts: no WebSocket library is among the dependencies.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiRequest, ApiResponse, ApiStatus } from '../engine/api';
import { goJson } from './serve-wire';
import { acceptKey, frame, parseFrames } from './websocket';
import { isPortForwardUpgrade, PORT_FORWARD_WS_PROTOCOL, servePortForward } from './serve-portforward';

const V5 = 'v5.channel.k8s.io';

/** The kubelet's exec or attach answer (src/engine/kubelet ExecSession, AttachSession). */
interface ExecSessionBody {
  kind: 'ExecSession' | 'AttachSession';
  tty: boolean;
  start(io: { stdout(s: string): void; stderr(s: string): void; readLine?(): Promise<string | undefined>; tty?: boolean;
    signal?: AbortSignal; onInterrupt?(handler: () => void): () => void }): Promise<number>;
}

/** What the upgrade handler needs from the server. */
export interface StreamDeps {
  /** Resolves the request line to an API request (undefined: not a streaming subresource). */
  apiRequest(req: IncomingMessage): ApiRequest | undefined;
  handle(req: ApiRequest): ApiResponse;
  /** Runs what the clock has due now (exec'd commands run on the simulated clock). */
  flush(): void;
  /** Registers a stream to end when the server closes. */
  track(end: () => void): () => void;
}

// An HTTP answer refusing the upgrade: a Status as JSON, or the kubelet's words as text.
function refuse(socket: Duplex, res: ApiResponse): void {
  const st = res.body as ApiStatus | undefined;
  const plain = !st || typeof st !== 'object' || !st.reason;
  const body = plain ? `${st && typeof st === 'object' ? st.message ?? '' : String(st ?? '')}` : goJson(st);
  const code = res.code >= 400 ? res.code : 400;
  socket.end(`HTTP/1.1 ${code} ${code === 404 ? 'Not Found' : code === 400 ? 'Bad Request' : 'Internal Server Error'}\r\n`
    + `Content-Type: ${plain ? 'text/plain; charset=utf-8' : 'application/json'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
    + 'Connection: close\r\n\r\n' + body);
}

// The Status the v5 protocol ends with (remotecommand's error channel): Success, or NonZeroExitCode.
function exitStatus(code: number): string {
  if (code === 0) return goJson({ metadata: {}, status: 'Success' });
  return goJson({ metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: exit status ${code}`,
    reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(code) }] } });
}

/** Handles an HTTP upgrade for pods/exec, pods/attach and pods/portforward. */
export function handleUpgrade(deps: StreamDeps, req: IncomingMessage, socket: Duplex): void {
  const apiReq = deps.apiRequest(req);
  if (apiReq?.subresource === 'portforward') {
    const res = deps.handle(apiReq);
    deps.flush();
    const session = res.body as { kind?: string } | undefined;
    if (res.code >= 400 || session?.kind !== 'PortForwardSession' || !isPortForwardUpgrade(req)) {
      refuse(socket, res.code >= 400 ? res : { code: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400,
        reason: 'BadRequest', message: `only the ${PORT_FORWARD_WS_PROTOCOL} WebSocket subprotocol and SPDY/3.1 are served` } as ApiStatus });
      return;
    }
    servePortForward(deps, apiReq, res.body as Parameters<typeof servePortForward>[2], req, socket);
    return;
  }
  if (!apiReq || (apiReq.subresource !== 'exec' && apiReq.subresource !== 'attach')) {
    refuse(socket, { code: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400, reason: 'BadRequest',
      message: 'upgrade is only served for pods/exec, pods/attach and pods/portforward' } as ApiStatus });
    return;
  }
  const res = deps.handle(apiReq);
  deps.flush();
  const session = res.body as ExecSessionBody | undefined;
  const key = req.headers['sec-websocket-key'];
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (res.code >= 400 || !session || (session.kind !== 'ExecSession' && session.kind !== 'AttachSession') || !key || !protocols.includes(V5)) {
    refuse(socket, res.code >= 400 ? res : { code: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400,
      reason: 'BadRequest', message: `only the ${V5} WebSocket subprotocol is served` } as ApiStatus });
    return;
  }
  const accept = acceptKey(key);
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n`
    + `Sec-WebSocket-Protocol: ${V5}\r\n\r\n`);
  const send = (channel: number, data: string) => {
    if (!socket.writable) return;
    socket.write(frame(0x2, Buffer.concat([Buffer.from([channel]), Buffer.from(data, 'utf8')])));
  };
  const ac = new AbortController();
  // Standard input: lines as the program reads them; a TTY's carriage returns end lines and are echoed.
  let pending = '';
  let eof = false;
  const waiting: ((l: string | undefined) => void)[] = [];
  const deliver = () => {
    while (waiting.length) {
      const i = pending.indexOf('\n');
      if (i >= 0) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        waiting.shift()!(line);
      } else if (eof) waiting.shift()!(pending.length ? ((): string => { const l = pending; pending = ''; return l; })() : undefined);
      else return;
    }
  };
  let interruptJob: (() => void) | undefined;
  let rest: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    rest = parseFrames(Buffer.concat([rest, chunk]), (opcode, payload) => {
      if (opcode === 0x8) { ac.abort(); socket.end(frame(0x8, Buffer.alloc(0))); return; }
      if (opcode === 0x9) { socket.write(frame(0xa, payload)); return; }
      if (opcode !== 0x2 || payload.length === 0) return;
      const channel = payload[0];
      if (channel === 0) {
        let text = payload.subarray(1).toString('utf8');
        if (session.tty) {
          text = text.replace(/\r/g, '\n');
          const intr = text.lastIndexOf('\x03');
          if (intr >= 0 && waiting.length === 0 && interruptJob) {
            // Ctrl-C while a command runs in the remote shell: its foreground job gets SIGINT.
            send(1, '^C');
            interruptJob();
            text = text.slice(intr + 1);
          } else if (intr >= 0) {
            // Ctrl-C at the prompt: the remote TTY echoes ^C and drops the line being typed; the shell prompts again.
            send(1, '^C\r\n');
            pending = `${pending.slice(0, pending.lastIndexOf('\n') + 1)}\n`;
            text = text.slice(intr + 1);
          }
          if (text.includes('\x04')) { eof = true; text = text.replace(/\x04/g, ''); }
          send(1, text.replace(/\n/g, '\r\n'));
        }
        pending += text;
      } else if (channel === 255 && payload[1] === 0) eof = true;
      deliver();
      deps.flush();
    });
  });
  const untrack = deps.track(() => { ac.abort(); socket.destroy(); });
  socket.on('close', () => { ac.abort(); untrack(); });
  socket.on('error', () => ac.abort());
  const stdin = apiReq.query?.stdin === 'true' || apiReq.query?.stdin === '1';
  void session.start({
    stdout: (s) => send(1, session.tty ? s.replace(/\r?\n/g, '\r\n') : s),
    stderr: (s) => send(session.tty ? 1 : 2, session.tty ? s.replace(/\r?\n/g, '\r\n') : s),
    readLine: stdin ? () => new Promise<string | undefined>((resolve) => { waiting.push(resolve); deliver(); }) : undefined,
    tty: session.tty, signal: ac.signal,
    onInterrupt: session.tty ? (h) => { interruptJob = h; return () => { if (interruptJob === h) interruptJob = undefined; }; } : undefined,
  }).then((code) => {
    send(3, exitStatus(code));
    if (socket.writable) socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
    untrack();
  });
  deps.flush();
}
