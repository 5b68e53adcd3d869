// `kubesim serve`: an HTTP Kubernetes API in front of a session's simulated cluster, so the real kubectl
// (and client libraries) can drive it. Discovery, OpenAPI v3, REST paths → ApiRequest, Tables, watches as
// chunked JSON lines, logs (followed too), Status errors with their HTTP code and Warning headers.
// Simulated time follows the wall clock (speed 1) from the wall-clock time the server booted at.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import yaml from 'js-yaml';
import type { ApiRequest, ApiResponse, ApiStatus, KubeObject, WatchEvent } from '../engine/api';
import { StatusError, goJsonSyntaxError, resourceFor } from '../engine/api';
import { openApiV3Document, openApiV3Root } from '../kubectl/explain';
import { Session } from './session';
import { defaultWorkerJoinIntervalMs, type ClusterTimings } from '../engine/cluster';
import { route, patchTypeOf, wantsTable, type Route } from './serve-routes';
import { AGGREGATED_CONTENT_TYPE, METRICS_RESOURCES, SERVER_VERSION, aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList,
  apiVersions, wantsAggregated } from './serve-discovery';
import { goJson, warningHeader, wireObject } from './serve-wire';
import { handleUpgrade } from './serve-stream';
import { PROTOBUF_CONTENT_TYPE, ProtobufDecodeError, decodeKubernetesProtobuf, isKubernetesProtobuf } from './serve-proto';
import { MINIKUBE_USER, answerSelfReview, impersonatedUser, loadPolicy, type UserInfo } from '../kubectl/auth/rbac';

/** Options of `kubesim serve`. */
export interface ServeOptions {
  /** TCP port (0: any free port). */
  port?: number;
  host?: string;
  seed?: number;
  nodes?: number;
  /** Simulated seconds per wall second; 0 pauses the clock (tests advance it with advance()). */
  speed?: number;
  /** Where simulated time starts (default: the wall clock at boot). */
  epoch?: number;
  /** Called with one line per request (method, path, status). */
  log?: (line: string) => void;
  /** Failure-detection timings (shortened for demos; default v1.32's). */
  timings?: Partial<ClusterTimings>;
}

/** A running server. */
export interface ServeHandle {
  url: string;
  port: number;
  session: Session;
  /** Moves simulated time forward (any speed), running what falls due. */
  advance(ms: number): void;
  close(): Promise<void>;
}

type LogStreamBody = { kind: 'LogStream'; initial: string; subscribe(onData: (s: string) => void, onEnd: () => void): () => void };

function status(code: number, reason: string, message: string): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason as ApiStatus['reason'], details: {}, code };
}

function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json', warnings: string[] = []): void {
  const text = goJson(wireObject(body));
  res.statusCode = code;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-cache, private');
  for (const w of warnings) res.appendHeader('Warning', warningHeader(w));
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeBody(buf: Buffer, contentType: string | undefined): unknown {
  const t = (contentType ?? '').toLowerCase();
  if (t.startsWith(PROTOBUF_CONTENT_TYPE) || isKubernetesProtobuf(buf)) return decodeKubernetesProtobuf(buf);
  const text = buf.toString('utf8');
  if (text.trim() === '') return undefined;
  if (t.includes('yaml')) return yaml.load(text, { schema: yaml.CORE_SCHEMA });
  // Patch documents go to the API server as bytes: it reads them as encoding/json would (its errors).
  if (/^application\/(json-patch|merge-patch|strategic-merge-patch)\+json/.test(t)) return text;
  return JSON.parse(text) as unknown;
}

/**
 * A JSON body that does not parse, as the API server words it: the serializer's "couldn't get version/kind; json
 * parse error" around encoding/json's syntax error, wrapped by the handlers' transformDecodeError with the
 * first 30 bytes of the body (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go summarizeData).
 */
function malformedBodyMessage(raw: Buffer, apiReq: ApiRequest): string {
  const syntax = goJsonSyntaxError(raw.toString('utf8')) ?? 'unexpected end of JSON input';
  const kind = resourceFor(apiReq.group, apiReq.resource)?.kind;
  if (!kind || apiReq.subresource || (apiReq.verb !== 'create' && apiReq.verb !== 'update')) return syntax;
  const head = raw.subarray(0, 30);
  const summary = raw[0] === 0x7b ? `${head.toString('latin1')}${raw.length > 30 ? ' ...' : ''}` : `${head.toString('hex')}${raw.length > 30 ? ' ...' : ''}`;
  return `the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: ${syntax} (${summary})`;
}

/** The requesting user: the kubeconfig's admin, or whom the Impersonate-* headers name. */
function requestUser(req: IncomingMessage): UserInfo {
  const h = req.headersDistinct;
  const as = h['impersonate-user']?.[0];
  if (!as) return MINIKUBE_USER;
  return impersonatedUser(as, h['impersonate-group'] ?? [], h['impersonate-uid']?.[0]);
}

const SELF_REVIEWS: Record<string, string> = {
  'authorization.k8s.io/selfsubjectaccessreviews': 'SelfSubjectAccessReview',
  'authorization.k8s.io/selfsubjectrulesreviews': 'SelfSubjectRulesReview',
  'authentication.k8s.io/selfsubjectreviews': 'SelfSubjectReview',
};

/** Starts `kubesim serve`; resolves once it listens. */
export async function startServe(opts: ServeOptions = {}): Promise<ServeHandle> {
  const wallStart = Date.now();
  // The workers' staggered joins pass simulated time before the session is ready; start that much earlier
  // so objects created afterwards are not stamped in the future of the learner's clock.
  const epoch = opts.epoch ?? wallStart - Math.max(0, (opts.nodes ?? 1) - 1) * defaultWorkerJoinIntervalMs(opts.nodes ?? 1);
  const session = new Session({ seed: opts.seed, nodes: opts.nodes, epoch, timings: opts.timings });
  const cluster = session.cluster;
  const speed = opts.speed ?? 1;
  let simOffset = cluster.clock.now();
  let wallBase = wallStart;

  const tick = () => {
    if (speed <= 0) return;
    const target = simOffset + (Date.now() - wallBase) * speed;
    if (target > cluster.clock.now()) cluster.clock.advanceTo(target);
  };
  const timer = speed > 0 ? setInterval(tick, 10) : undefined;
  const streams = new Set<() => void>();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const s = e instanceof StatusError ? e.status : status(500, 'InternalError', e instanceof Error ? e.message : String(e));
      if (!res.headersSent) sendJson(res, s.code, s);
      else res.end();
    });
  });

  // Groups served by extension API servers (minikube's metrics-server addon registers metrics.k8s.io/v1beta1).
  const extensions = () => (cluster.api.servesAPIService('metrics.k8s.io/v1beta1') ? METRICS_RESOURCES : []);

  // kubectl exec: WebSocket (v5.channel.k8s.io) upgrades of pods/exec (src/server/serve-stream.ts).
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    tick();
    handleUpgrade({
      apiRequest: (r) => {
        const rt = route(r.method ?? 'GET', new URL(r.url ?? '/', 'http://localhost'));
        if (rt.kind !== 'resource') return undefined;
        rt.req.user = r.headers['user-agent'] ?? '';
        return rt.req;
      },
      handle: (r) => cluster.api.handle(r),
      flush: () => cluster.clock.flush(),
      track: (end) => { streams.add(end); return () => streams.delete(end); },
    }, req, socket);
    opts.log?.(`${req.method} ${req.url} upgrade`);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const r: Route = route(req.method ?? 'GET', url);
    res.on('finish', () => opts.log?.(`${req.method} ${url.pathname}${url.search} ${res.statusCode}`));
    tick();
    switch (r.kind) {
      case 'version': return sendJson(res, 200, SERVER_VERSION);
      case 'health': res.setHeader('Content-Type', 'text/plain; charset=utf-8'); res.end('ok'); return;
      case 'api':
        if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery(true), AGGREGATED_CONTENT_TYPE);
        return sendJson(res, 200, apiVersions());
      case 'apis':
        if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery(false, extensions()), AGGREGATED_CONTENT_TYPE);
        return sendJson(res, 200, apiGroupList(extensions()));
      case 'group': {
        const g = apiGroup(r.group, extensions());
        return g ? sendJson(res, 200, g) : sendJson(res, 404, notFound());
      }
      case 'groupVersion': {
        const l = apiResourceList(r.group, r.version, extensions());
        return l ? sendJson(res, 200, l) : sendJson(res, 404, notFound());
      }
      case 'openapiV2': return sendJson(res, 404, notFound());
      case 'openapiV3': return sendJson(res, 200, openApiV3Root());
      case 'openapiV3Doc': {
        const d = openApiV3Document(r.group, r.version);
        return d ? sendJson(res, 200, d) : sendJson(res, 404, notFound());
      }
      case 'methodNotAllowed': return sendJson(res, 405, status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
      case 'notFound': return sendJson(res, 404, notFound());
      case 'resource': break;
    }
    const apiReq = r.req;
    apiReq.user = req.headers['user-agent'] ?? '';
    if (wantsTable(req.headers.accept)) apiReq.asTable = true;
    if (apiReq.verb === 'patch') {
      const pt = patchTypeOf(req.headers['content-type']);
      if (pt) apiReq.patchType = pt;
    }
    const raw = await readBody(req);
    try {
      const body = decodeBody(raw, req.headers['content-type']);
      if (body !== undefined) apiReq.body = body;
    } catch (e) {
      const msg = e instanceof ProtobufDecodeError ? e.message : malformedBodyMessage(raw, apiReq);
      return sendJson(res, 400, status(400, 'BadRequest', msg));
    }
    if (r.watch) return serveWatch(req, res, apiReq);
    const review = apiReq.verb === 'create' && !apiReq.subresource ? SELF_REVIEWS[`${apiReq.group}/${apiReq.resource}`] : undefined;
    if (review) {
      const list = (resource: string) => {
        const out = cluster.api.handle({ verb: 'list', group: 'rbac.authorization.k8s.io', version: 'v1', resource });
        return out.code < 400 ? ((out.body as { items?: KubeObject[] }).items ?? []) : [];
      };
      const now = new Date(cluster.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
      const a = answerSelfReview(review, (apiReq.body ?? {}) as Record<string, unknown>, requestUser(req), await loadPolicy(list), now);
      if (a) return sendJson(res, a.code, a.body);
    }
    const out: ApiResponse = cluster.api.handle(apiReq);
    cluster.clock.flush();
    const body = out.body as unknown;
    if (typeof body === 'string') {
      res.statusCode = out.code;
      res.setHeader('Content-Type', 'text/plain');
      res.end(body);
      return;
    }
    if (body && typeof body === 'object' && (body as LogStreamBody).kind === 'LogStream') return serveLogStream(req, res, body as LogStreamBody);
    if (body && typeof body === 'object' && ['ExecSession', 'PortForwardSession'].includes((body as { kind: string }).kind)) {
      return sendJson(res, 400, status(400, 'BadRequest', 'Upgrade request required'));
    }
    sendJson(res, out.code, body, 'application/json', out.warnings ?? []);
  }

  function serveWatch(req: IncomingMessage, res: ServerResponse, apiReq: ApiRequest): void {
    let handle: { stop(): void } | undefined;
    const end = () => {
      handle?.stop();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    try {
      handle = cluster.api.watch(apiReq, (ev: WatchEvent<KubeObject | ApiStatus>) => {
        if (res.writableEnded) return;
        if (!res.headersSent) res.flushHeaders();
        res.write(`${goJson({ type: ev.type, object: wireObject(ev.object) })}\n`);
      }, () => end());
    } catch (e) {
      const s = e instanceof StatusError ? e.status : status(500, 'InternalError', String(e));
      return sendJson(res, s.code, s);
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Transfer-Encoding', 'chunked');
    res.flushHeaders();
    streams.add(end);
    req.on('close', end);
    cluster.clock.flush();
  }

  function serveLogStream(req: IncomingMessage, res: ServerResponse, body: LogStreamBody): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('Transfer-Encoding', 'chunked');
    res.write(body.initial);
    const state: { stop?: () => void } = {};
    const end = () => {
      state.stop?.();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    state.stop = body.subscribe((chunk) => { if (!res.writableEnded) res.write(chunk); }, end);
    streams.add(end);
    req.on('close', end);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    session,
    advance(ms: number) {
      cluster.clock.advance(ms);
      simOffset = cluster.clock.now();
      wallBase = Date.now();
    },
    close: () => new Promise<void>((resolve) => {
      if (timer) clearInterval(timer);
      for (const end of [...streams]) end();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function notFound(): ApiStatus {
  return status(404, 'NotFound', 'the server could not find the requested resource');
}
