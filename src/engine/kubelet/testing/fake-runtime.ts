// A small, programmable ContainerRuntime for the kubelet's tests (and a stand-in until the real
// runtime in src/engine/runtime is wired): pulls take a fixed time, a program decides what a
// container does (logs, exit, ports, HTTP answers, exec results, signal handling).
import type { Clock, Rng } from '../../clock';
import type { Container, ContainerConfig, ContainerEvents, ContainerRuntime, ExecIO, ExitStatus, HttpRequest, HttpResponse,
  ImageInfo } from '../../runtime/cri';

/** What a simulated program does. */
export interface FakeProgram {
  /** Lines written at start (stdout). */
  logs?: string[];
  /** A line written every `ms` while running. */
  logEvery?: { ms: number; line: (n: number) => string; stream?: 'stdout' | 'stderr' };
  /** Exit by itself after this long. */
  exitAfterMs?: number;
  exitCode?: number;
  /** Reason reported with the exit (default Completed for 0, Error otherwise). */
  exitReason?: string;
  /** Fails to start at all (ContainerCannotRun). */
  cannotRun?: string;
  /** Ports served (HTTP 200 "ok" unless `http` answers). */
  listen?: number[];
  /** After this long the ports start answering (a slow start). */
  listenAfterMs?: number;
  http?: (port: number, req: HttpRequest) => HttpResponse | undefined;
  /** exec / run: exit code and output of a command. */
  exec?: (argv: string[]) => { code: number; out?: string };
  /** SIGTERM handling: exit at once with 0 ('graceful'), 143 ('default') or not at all ('ignore'). */
  onTerm?: 'graceful' | 'default' | 'ignore';
  /** Time to exit after SIGTERM. */
  termDelayMs?: number;
}

/** Options of the fake runtime. */
export interface FakeRuntimeOptions {
  clock: Clock;
  rng: Rng;
  /** Simulated pull duration. */
  pullMs?: number;
  /** Images that do not exist (pulls fail). */
  missing?: string[];
  /** Images present from the start. */
  preloaded?: string[];
  /** Image size in bytes. */
  sizeBytes?: number;
  /** The program a container runs. */
  program?: (config: ContainerConfig) => FakeProgram;
}

function normalize(ref: string): string {
  let r = ref;
  if (!r.includes('@') && r.lastIndexOf(':') <= r.lastIndexOf('/')) r = `${r}:latest`;
  const first = r.split('/')[0];
  const hasDomain = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain) return r;
  return r.includes('/') ? `docker.io/${r}` : `docker.io/library/${r}`;
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
  return s;
}

class FakeContainer implements Container {
  readonly id: string;
  exited = false;
  private cancelExit?: () => void;
  private listenAt: number;
  signals: string[] = [];
  /** When the runtime started it. */
  readonly createdAt: number;

  constructor(private readonly rt: FakeRuntime, readonly config: ContainerConfig, private readonly events: ContainerEvents,
    readonly program: FakeProgram) {
    this.id = hex(rt.rng, 64);
    this.createdAt = rt.clock.now();
    this.listenAt = rt.clock.now() + (program.listenAfterMs ?? 0);
  }

  begin(): void {
    const p = this.program;
    if (p.cannotRun) return this.exit({ exitCode: 127, reason: 'ContainerCannotRun', message: p.cannotRun });
    for (const l of p.logs ?? []) this.events.log(l, 'stdout');
    if (p.logEvery) {
      const every = p.logEvery;
      let n = 0;
      const tick = () => {
        if (this.exited) return;
        this.events.log(every.line(++n), every.stream ?? 'stdout');
        this.rt.clock.after(every.ms, tick);
      };
      this.rt.clock.after(every.ms, tick);
    }
    if (p.exitAfterMs !== undefined) {
      this.cancelExit = this.rt.clock.after(p.exitAfterMs, () => {
        const code = p.exitCode ?? 0;
        this.exit({ exitCode: code, reason: p.exitReason ?? (code === 0 ? 'Completed' : 'Error') });
      });
    }
  }

  exit(st: ExitStatus): void {
    if (this.exited) return;
    this.exited = true;
    this.cancelExit?.();
    this.events.exit(st);
  }

  signal(sig: 'SIGTERM' | 'SIGKILL'): void {
    this.signals.push(sig);
    if (this.exited) return;
    if (sig === 'SIGKILL') return this.exit({ exitCode: 137, reason: 'Error', signal: 'SIGKILL' });
    const mode = this.program.onTerm ?? 'graceful';
    if (mode === 'ignore') return;
    const code = mode === 'graceful' ? 0 : 143;
    this.rt.clock.after(this.program.termDelayMs ?? 0, () => this.exit({ exitCode: code, reason: code === 0 ? 'Completed' : 'Error', signal: 'SIGTERM' }));
  }

  exec(argv: string[], io: ExecIO): Promise<number> {
    return new Promise((resolve) => this.run(argv, io, resolve));
  }

  run(argv: string[], io: ExecIO, done: (code: number) => void): void {
    if (this.exited) {
      io.stderr('container not running');
      return done(126);
    }
    const r = this.program.exec?.(argv) ?? { code: 0 };
    if (r.out) io.stdout(r.out);
    done(r.code);
  }

  http(port: number, req: HttpRequest): HttpResponse | undefined {
    if (!this.listening(port)) return undefined;
    return this.program.http?.(port, req) ?? { status: 200, headers: {}, body: 'ok' };
  }

  listening(port: number): boolean {
    return !this.exited && this.rt.clock.now() >= this.listenAt && (this.program.listen ?? []).includes(port);
  }

  usage(): { cpuMilli: number; memoryBytes: number } {
    return { cpuMilli: 1, memoryBytes: 4 * 1024 * 1024 };
  }
}

/** The fake runtime. */
export class FakeRuntime implements ContainerRuntime {
  readonly version = 'docker://27.4.1';
  readonly clock: Clock;
  readonly rng: Rng;
  private readonly present = new Map<string, ImageInfo>();
  /** Every container started, in order (tests inspect them). */
  readonly containers: FakeContainer[] = [];
  /** Pulls started, in order. */
  readonly pulls: string[] = [];

  constructor(private readonly o: FakeRuntimeOptions) {
    this.clock = o.clock;
    this.rng = o.rng;
    for (const p of o.preloaded ?? []) this.present.set(normalize(p), this.info(p));
  }

  private info(ref: string): ImageInfo {
    const n = normalize(ref);
    const repo = n.replace(/[:@][^/]*$/, '');
    return { ref: n, imageID: `docker-pullable://${repo}@sha256:${hex(this.rng, 64)}`, sizeBytes: this.o.sizeBytes ?? 72188133 };
  }

  pull(ref: string, done: (r: { image: ImageInfo; pullMs: number; waitedMs: number } | { error: { message: string } }) => void): void {
    this.pulls.push(ref);
    const ms = this.o.pullMs ?? 2100;
    if ((this.o.missing ?? []).includes(ref)) {
      this.clock.after(Math.min(ms, 1000), () => done({ error: { message: `Error response from daemon: pull access denied for ${ref.split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` } }));
      return;
    }
    this.clock.after(ms, () => {
      const n = normalize(ref);
      const img = this.present.get(n) ?? this.info(ref);
      this.present.set(n, img);
      done({ image: img, pullMs: ms, waitedMs: 0 });
    });
  }

  imagePresent(ref: string): ImageInfo | undefined {
    return this.present.get(normalize(ref));
  }

  images(): ImageInfo[] {
    return [...this.present.values()];
  }

  start(config: ContainerConfig, events: ContainerEvents): Container {
    const program = this.o.program?.(config) ?? defaultProgram(config);
    const c = new FakeContainer(this, config, events, program);
    this.containers.push(c);
    c.begin();
    return c;
  }

  /** The newest container started with this name in this pod. */
  find(podName: string, containerName: string): FakeContainer | undefined {
    for (let i = this.containers.length - 1; i >= 0; i--) {
      const c = this.containers[i];
      if (c.config.podName === podName && c.config.containerName === containerName) return c;
    }
    return undefined;
  }
}

/** Ports well-known images serve (the control plane's probe endpoints included). */
const PORTS: [RegExp, number[]][] = [[/ingress-nginx\/controller/, [80, 443, 8443, 10254]], [/nginx|httpd/, [80]],
  [/\/etcd:/, [2379, 2380, 2381]], [/kube-apiserver:/, [8443]],
  [/kube-controller-manager:/, [10257]], [/kube-scheduler:/, [10259]], [/coredns/, [53, 8080, 8181, 9153]]];

/** A long-running program; well-known images serve their ports. */
export function defaultProgram(config: ContainerConfig): FakeProgram {
  const listen = PORTS.find(([re]) => re.test(config.image.ref))?.[1] ?? [];
  // ingress-nginx's admission jobs (kube-webhook-certgen) do their work and exit.
  if (/kube-webhook-certgen/.test(config.image.ref)) return { exitAfterMs: 1500, exitCode: 0 };
  const web = /nginx|httpd/.test(config.image.ref) && !/ingress-nginx/.test(config.image.ref);
  return { listen, logs: web ? ['/docker-entrypoint.sh: Configuration complete; ready for start up'] : [] };
}

export type { FakeContainer };
