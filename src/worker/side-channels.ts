// The page's requests that are not a terminal tab: terminal-less streams (the editor's `kubectl
// apply -f`, the inspector's `kubectl describe` and a pod's followed log), the editor's JSON schema
// and the browser pane's GET. Each stream gets a shell of its own over the learner's files, so the
// editor and the terminal see the same files, and Ctrl-C in one never stops the other.
import type { ApiHandler } from '../engine/api/request';
import type { ApiStatus } from '../engine/api/types';
import type { NetworkRequest, NetworkResponse } from '../engine/network';
import type { Shell } from '../shell';
import { loadSchemaDocs, schemaDocsLoaded } from '../engine/api/schema';
import { editorSchema } from './editor-schema';
import type { FromWorker, HttpResult, StreamSource, ToWorker } from './protocol';

/** The exit code of a command stopped by Ctrl-C (128 + SIGINT), as bash reports it. */
export const INTERRUPTED = 130;

/** What the side channels need from the host. */
export interface SideChannelDeps {
  post(msg: FromWorker): void;
  /** A fresh shell over the learner's files, its working directory the home directory. */
  shell(columns: number): Shell;
  api(): ApiHandler;
  /** network.request from the learner's machine. */
  request(r: NetworkRequest): NetworkResponse;
  /** After a command: flush the cluster, tell the page about changed files. */
  afterCommand(): void;
}

type SideMessage = Extract<ToWorker, { type: 'stream-start' | 'stream-cancel' | 'editor-schema' | 'http' }>;

/** Runs the side channels. */
export class SideChannels {
  private readonly running = new Map<number, () => void>();

  constructor(private readonly deps: SideChannelDeps) {}

  /** Handles one side-channel message. */
  receive(msg: SideMessage): void {
    switch (msg.type) {
      case 'stream-start': return this.start(msg.id, msg.source);
      case 'stream-cancel': return this.running.get(msg.id)?.();
      case 'editor-schema': {
        // The schema carries the descriptions (hover): in the built worker a chunk fetched on first use.
        const answer = () => this.deps.post({ type: 'editor-schema-result', id: msg.id, schema: editorSchema() });
        if (schemaDocsLoaded()) return answer();
        void loadSchemaDocs().catch(() => undefined).then(answer);
        return;
      }
      case 'http': return this.deps.post({ type: 'http-result', id: msg.id, result: this.http(msg.url) });
    }
  }

  /** Stops every stream (a new cluster boots). */
  stopAll(): void {
    for (const stop of [...this.running.values()]) stop();
  }

  private start(id: number, source: StreamSource): void {
    if (this.running.has(id)) return;
    if (source.kind === 'command') void this.runCommand(id, source.line, source.columns ?? 120);
    else this.followLog(id, source);
  }

  private end(id: number, code: number): void {
    if (!this.running.delete(id)) return;
    this.deps.post({ type: 'stream-end', id, code });
  }

  private async runCommand(id: number, line: string, columns: number): Promise<void> {
    const ac = new AbortController();
    let ended = false;
    this.running.set(id, () => ac.abort());
    const out = (data: string) => { if (!ended && data) this.deps.post({ type: 'stream-data', id, data }); };
    let code: number;
    try {
      code = await this.deps.shell(columns).run(line, { stdout: out, stderr: out }, ac.signal);
    } catch (e) {
      out(`kubesim: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
    ended = true;
    try {
      this.deps.afterCommand();
    } finally {
      this.end(id, ac.signal.aborted ? INTERRUPTED : code);
    }
  }

  // Models kubectl logs [-f] through the API server's pods/log (the kubelet answers it): the text the
  // log holds, then each new line while following, until the container stops or the page cancels.
  private followLog(id: number, s: Extract<StreamSource, { kind: 'pod-log' }>): void {
    const res = this.deps.api().handle({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: s.namespace, name: s.pod,
      subresource: 'log', query: { container: s.container, follow: s.follow ? 'true' : undefined,
        tailLines: s.tailLines === undefined ? undefined : String(s.tailLines) } });
    this.running.set(id, () => this.end(id, INTERRUPTED));
    const data = (d: string) => { if (d && this.running.has(id)) this.deps.post({ type: 'stream-data', id, data: d }); };
    if (res.code !== 200) {
      const st = res.body as ApiStatus;
      data(`Error from server (${st.reason ?? 'InternalError'}): ${st.message ?? ''}\n`);
      return this.end(id, 1);
    }
    const body = res.body as string | { kind: 'LogStream'; initial: string; subscribe(d: (c: string) => void, e: () => void): () => void };
    if (typeof body === 'string') {
      data(body);
      return this.end(id, 0);
    }
    data(body.initial);
    let finished = false;
    const unsubscribe = body.subscribe(data, () => { finished = true; this.end(id, 0); });
    if (finished) return;
    this.running.set(id, () => { unsubscribe(); this.end(id, INTERRUPTED); });
  }

  private http(url: string): HttpResult {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
    const r = this.deps.request({ from: 'host', url: withScheme, userAgent: BROWSER_USER_AGENT,
      headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    return r.ok ? { ok: true, status: r.status, headers: r.headers, body: r.body } : { ok: false, error: r.error, host: r.host, port: r.port };
  }
}

/** The browser pane's User-Agent (a desktop chromium, as nginx logs a browser visit). */
export const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
