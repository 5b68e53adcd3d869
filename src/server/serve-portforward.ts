// `kubesim serve`'s pods/portforward: the real kubectl's port-forward, SPDY/3.1 inside a WebSocket
// (subprotocol SPDY/3.1+portforward.k8s.io, client-go tools/portforward tunneling dialer) or, as its fallback,
// over a plain `Upgrade: SPDY/3.1` connection. Each local connection kubectl accepts opens an error stream and a
// data stream sharing a requestID (client-go portforward.go handleConnection); the kubelet's side pairs them
// (pkg/kubelet/cri/streaming/portforward/httpstream.go), replies to each SYN_STREAM, and forwards the data to the
// port in the pod. The simulated servers answer HTTP, so the data stream's bytes are read as HTTP/1.1 requests
// and the answers written back as HTTP/1.1 responses. A failure is written on the error stream in the runtime's
// words (src/engine/kubelet/server portForwardFailure), and both streams are closed, as the kubelet does.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiRequest, ApiResponse } from '../engine/api';
import { forwardedPod, forwardedPodAlive } from '../minikube';
import type { HttpRequest, HttpResponse } from '../engine/runtime/cri';
import { reasonPhrase } from '../engine/runtime/util/http-message';
import {
  dataFrame, FLAG_FIN, FrameType, HeaderCodec, parseSpdyFrames, pingFrame, readSynStream, rstStreamFrame, RstStatus,
  synReplyFrame, type SpdyFrame,
} from './spdy';
import { acceptKey, frame, parseFrames } from './websocket';

/** The WebSocket subprotocol kubectl asks for (k8s.io/apimachinery pkg/util/httpstream/wsstream). */
export const PORT_FORWARD_WS_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

/** The kubelet's pods/portforward answer (src/engine/kubelet PortForwardSession). */
interface PortForwardSessionBody {
  kind: 'PortForwardSession';
  http(port: number, req: HttpRequest): HttpResponse | undefined;
  listening(port: number): boolean;
  failure(port: number, reason: 'refused' | 'gone'): string;
}

/** What the port-forward upgrade needs from the server. */
export interface PortForwardDeps {
  handle(req: ApiRequest): ApiResponse;
  /** Runs what the clock has due now (the servers' access logs). */
  flush(): void;
  /** Registers a connection to end when the server closes. */
  track(end: () => void): () => void;
}

/** Is this upgrade kubectl's port-forward (WebSocket tunnel or plain SPDY)? */
export function isPortForwardUpgrade(req: IncomingMessage): boolean {
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return protocols.includes(PORT_FORWARD_WS_PROTOCOL) || /^spdy\/3\.1$/i.test(String(req.headers.upgrade ?? ''));
}

interface Pair {
  port: number;
  error?: number;
  data?: number;
  /** Request bytes not yet answered. */
  pending: Buffer;
  started: boolean;
  done: boolean;
}

/** Serves one port-forward connection; `session` is the kubelet's answer to pods/portforward. */
export function servePortForward(deps: PortForwardDeps, apiReq: ApiRequest, session: PortForwardSessionBody, req: IncomingMessage,
  socket: Duplex): void {
  const ws = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).includes(PORT_FORWARD_WS_PROTOCOL);
  if (ws) {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
      + `Sec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key'] ?? ''))}\r\nSec-WebSocket-Protocol: ${PORT_FORWARD_WS_PROTOCOL}\r\n\r\n`);
  } else {
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n');
  }
  const send = (b: Buffer) => {
    if (socket.writable) socket.write(ws ? frame(0x2, b) : b);
  };
  const handle = (r: ApiRequest) => deps.handle(r);
  const podUid = forwardedPod(handle, apiReq.namespace, apiReq.name)?.metadata?.uid;
  const podAlive = () => forwardedPodAlive(handle, apiReq.namespace, apiReq.name, podUid);
  const codec = new HeaderCodec();
  const pairs = new Map<string, Pair>();
  const byStream = new Map<number, Pair>();

  const finish = (p: Pair, message?: string) => {
    if (p.done) return;
    p.done = true;
    if (message !== undefined && p.error !== undefined) send(dataFrame(p.error, Buffer.from(message, 'utf8')));
    if (p.data !== undefined) send(dataFrame(p.data, Buffer.alloc(0), FLAG_FIN));
    if (p.error !== undefined) send(dataFrame(p.error, Buffer.alloc(0), FLAG_FIN));
  };

  // Answers every complete HTTP request buffered on the pair.
  const serve = (p: Pair) => {
    for (;;) {
      if (p.done) return;
      const parsed = parseHttpRequest(p.pending);
      if (!parsed) return;
      p.pending = p.pending.subarray(parsed.consumed);
      if (!podAlive()) return finish(p, session.failure(p.port, 'gone'));
      const res = session.http(p.port, parsed.request);
      deps.flush();
      if (!res) return finish(p, session.failure(p.port, 'refused'));
      send(dataFrame(p.data!, serializeResponse(res, parsed.request.method)));
      const close = /close/i.test(headerValue(parsed.request.headers, 'connection') ?? '') || /close/i.test(headerValue(res.headers, 'connection') ?? '');
      if (close) return finish(p);
    }
  };

  const start = (p: Pair) => {
    p.started = true;
    if (!podAlive()) return finish(p, session.failure(p.port, 'gone'));
    if (!session.listening(p.port)) return finish(p, session.failure(p.port, 'refused'));
    serve(p);
  };

  const onFrame = (f: SpdyFrame) => {
    if (!f.control) {
      const p = byStream.get(f.streamId);
      if (!p || p.done) return;
      if (f.streamId === p.data) {
        p.pending = Buffer.concat([p.pending, f.data]);
        if (p.started) serve(p);
        // kubectl closes the data stream once the local connection has nothing more to send.
        if (f.flags & FLAG_FIN) finish(p);
      }
      return;
    }
    switch (f.type) {
      case FrameType.SynStream: {
        const { streamId, block } = readSynStream(f.data);
        const h = codec.decode(block);
        send(synReplyFrame(streamId, codec.encode(new Map())));
        const port = Number(h.get('port') ?? '');
        const key = h.get('requestid') ?? String(port);
        const type = h.get('streamtype');
        if (!Number.isInteger(port) || port <= 0 || port > 65535 || (type !== 'error' && type !== 'data')) {
          send(rstStreamFrame(streamId, RstStatus.ProtocolError));
          return;
        }
        let p = pairs.get(key);
        if (!p) {
          p = { port, pending: Buffer.alloc(0), started: false, done: false };
          pairs.set(key, p);
        }
        p[type] = streamId;
        byStream.set(streamId, p);
        if (p.error !== undefined && p.data !== undefined && !p.started) start(p);
        return;
      }
      case FrameType.Ping:
        send(pingFrame(f.data.readUInt32BE(0)));
        return;
      case FrameType.RstStream: {
        const id = f.data.readUInt32BE(0) & 0x7fffffff;
        const p = byStream.get(id);
        byStream.delete(id);
        if (p && p.error !== undefined && p.data !== undefined && !byStream.has(p.error) && !byStream.has(p.data)) {
          for (const [k, v] of pairs) if (v === p) pairs.delete(k);
        }
        return;
      }
      case FrameType.GoAway:
        socket.end();
        return;
      default: // SETTINGS, WINDOW_UPDATE, HEADERS: nothing to do for a forward
    }
  };

  let spdyRest: Buffer = Buffer.alloc(0);
  const onSpdyBytes = (b: Buffer) => {
    try {
      spdyRest = parseSpdyFrames(Buffer.concat([spdyRest, b]), onFrame);
    } catch {
      socket.destroy(); // a malformed frame or header block ends the connection, as spdystream does
    }
  };
  let wsRest: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    if (!ws) return onSpdyBytes(chunk);
    wsRest = parseFrames(Buffer.concat([wsRest, chunk]), (opcode, payload) => {
      if (opcode === 0x8) { socket.end(frame(0x8, Buffer.alloc(0))); return; }
      if (opcode === 0x9) { socket.write(frame(0xa, payload)); return; }
      if (opcode === 0x2 || opcode === 0x0) onSpdyBytes(payload);
    });
  });
  const untrack = deps.track(() => socket.destroy());
  socket.on('close', () => untrack());
  socket.on('error', () => untrack());
}

function headerValue(h: Record<string, string>, name: string): string | undefined {
  for (const k of Object.keys(h)) if (k.toLowerCase() === name) return h[k];
  return undefined;
}

/** One HTTP/1.1 request from the front of `buf`, once its headers and body (Content-Length) are complete. */
export function parseHttpRequest(buf: Buffer): { request: HttpRequest; consumed: number } | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = buf.toString('latin1', 0, end).split('\r\n');
  const m = /^([A-Za-z]+) (\S+) HTTP\/1\.[01]$/.exec(lines[0]);
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  const length = Number(headerValue(headers, 'content-length') ?? '0') || 0;
  if (buf.length < end + 4 + length) return undefined;
  const body = buf.toString('utf8', end + 4, end + 4 + length);
  const request: HttpRequest = { method: m ? m[1].toUpperCase() : 'GET', path: m ? m[2] : '/', headers, remoteAddr: '127.0.0.1' };
  if (length) request.body = body;
  return { request, consumed: end + 4 + length };
}

/** The bytes of an HTTP/1.1 response (Content-Length added when the server gave none). */
export function serializeResponse(res: HttpResponse, method: string): Buffer {
  const body = Buffer.from(res.body ?? '', 'utf8');
  const headers = { ...res.headers };
  if (headerValue(headers, 'content-length') === undefined && method !== 'HEAD') headers['Content-Length'] = String(body.length);
  const head = `HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), method === 'HEAD' ? Buffer.alloc(0) : body]);
}
