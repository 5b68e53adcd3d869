// A running container: PID 1 and any exec'd or background processes, its filesystem, the ports it
// serves, its resource use, and how it dies. Models what dockerd + runc do for cri-dockerd:
// `docker stop` sends the image's STOPSIGNAL (the kernel ignores signals PID 1 does not handle) and
// SIGKILL after the grace period; an OOM kill takes the whole cgroup (memory.oom.group, v1.28+).
import type { Clock, Rng } from '../../clock';
import type { Container, ContainerConfig, ContainerEvents, ExecIO, ExitStatus, HttpRequest, HttpResponse, ImageInfo } from '../cri';
import type { CatalogImage } from '../images/catalog-types';
import { ContainerFS } from '../filesystem/container-fs';
import { imageTree, resolvePath } from '../filesystem/image-tree';
import { EtcFiles } from '../filesystem/etc-files';
import type { ConnectResult, DnsAnswer, NetResult, PodEndpoint, PodNetwork } from '../network';
import { type Effect, type Proc, waitFor } from './effects';
import { Fiber } from './fiber';
import { Env, NULL_STDIN, type ExecTarget, type NodeFacts, type PortHandler, type ProcCtx, type Program, type SignalChannel,
  type Stdin, type Sys } from './context';
import { LineWriter, ProcSignals, ioStdin } from './streams';
import { AttachPoint, AttachedStdin } from './attach';
import { SIGNAL_NUMBERS, type Signal } from './signals';
import { EXEC_START_FAILED, NO_COMMAND_SPECIFIED, containerArgv, execErrorOutput, execFailure, startErrorEvent, startErrorState } from './command';
import { defaultEtcHosts, defaultResolvConf, parseResolvConf, resolveName } from './resolver';

const PATH_PAIR = Object.freeze(['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] as const);
const TERM_PAIR = Object.freeze(['TERM', 'xterm'] as const);
const HOME_ROOT = Object.freeze(['HOME', '/root'] as const);
const HOME_SLASH = Object.freeze(['HOME', '/'] as const);

/** How the runtime routes traffic between the containers of a node (localhost, pod IPs). */
export interface PodRouter {
  /** An HTTP request to a pod IP on this node, or undefined if no pod of this node has that IP. */
  local(ip: string, port: number, req: HttpRequest, fromPodUid: string): NetResult | undefined;
  /** A TCP connect to a pod IP on this node, or undefined if the IP is not local. */
  localConnect(ip: string, port: number, fromPodUid: string): ConnectResult | undefined;
}

/** What a container is built from. */
export interface ContainerDeps {
  id: string;
  config: ContainerConfig;
  events: ContainerEvents;
  clock: Clock;
  rng: Rng;
  image: CatalogImage;
  imageInfo: ImageInfo;
  node: NodeFacts;
  programs: (id: string) => Program | undefined;
  network: PodNetwork;
  router: PodRouter;
  /** The running container whose process namespace this one joined (config.targetContainerName), if any. */
  pidNamespace?: () => SimContainer | undefined;
  /** The pod's shared PID namespace (config.shareProcessNamespace): its running containers and where each one's PIDs start. */
  podPidNamespace?: { members(): SimContainer[]; base(c: SimContainer): number };
}

interface ProcRecord {
  pid: number;
  argv: string[];
  startedAt: number;
  fiber?: Fiber;
  catches: Signal[];
  queue: Signal[];
  wake?: (s: Signal) => void;
}

/** A container running on the simulated clock. */
export class SimContainer implements Container, Sys {
  readonly id: string;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly fs: ContainerFS;
  readonly image: CatalogImage;
  readonly config: ContainerConfig;
  readonly node: NodeFacts;
  readonly endpoint: PodEndpoint;
  private readonly procs = new Map<number, ProcRecord>();
  private readonly ports = new Map<number, PortHandler>();
  /** Per process: [memory bytes, cpu millicores]. */
  private usageByPid: Map<number, [number, number]> | undefined;
  private readonly stdout: LineWriter;
  private readonly stderr: LineWriter;
  private lastPid = 1;
  /** Where this container's PIDs start in the namespace of the container it targets (see namespaceProcesses). */
  private pidBase: number | undefined;
  private state: 'created' | 'running' | 'exited' = 'created';
  /** Attached clients and PID 1's stdin (`stdin: true`); made at boot. */
  private attachPoint?: AttachPoint;
  /** When PID 1 started, and the exit status once it ended. */
  startedAt = 0;
  exitStatus: ExitStatus | undefined;

  constructor(private readonly deps: ContainerDeps) {
    this.id = deps.id;
    this.clock = deps.clock;
    this.rng = deps.rng;
    this.image = deps.image;
    this.config = deps.config;
    this.node = deps.node;
    this.endpoint = { podIP: deps.config.podIP, namespace: deps.config.podNamespace, podName: deps.config.podName, nodeName: deps.node.name };
    const etc = new EtcFiles(deps.config.etcHosts ?? defaultEtcHosts(deps.config.podIP, deps.config.hostname),
      deps.config.resolvConf ?? defaultResolvConf(deps.config.podNamespace), `${deps.config.hostname}\n`);
    const given = new Set(deps.config.mounts.map((m) => m.containerPath));
    const managed = ['hosts', 'resolv.conf', 'hostname'].filter((f) => !given.has(`/etc/${f}`))
      .map((f) => ({ containerPath: `/etc/${f}`, readOnly: false, volume: etc, subPath: f }));
    // Bound, not an arrow: an arrow here would keep this constructor's scope (`given`, `etc`) alive.
    this.fs = new ContainerFS(imageTree(deps.image), [...managed, ...deps.config.mounts], deps.clock.now.bind(deps.clock));
    this.stdout = new LineWriter(deps.events, 'stdout');
    this.stderr = new LineWriter(deps.events, 'stderr');
  }

  get containerId(): string {
    return this.id;
  }
  get hostname(): string {
    return this.config.hostname;
  }
  get podIP(): string {
    return this.config.podIP;
  }
  /** Is PID 1 running? */
  get running(): boolean {
    return this.state === 'running';
  }

  /** The environment PID 1 starts with: PATH, HOSTNAME, [TERM], image ENV, pod env, HOME (moby CreateDaemonEnvironment + runc). */
  baseEnv(tty: boolean): Env {
    // A list of pairs, most of them shared (the image's, the Services'): see Env.fromPairs.
    const pairs: (readonly [string, string])[] = [PATH_PAIR, ['HOSTNAME', this.config.hostname], ...(tty ? [TERM_PAIR] : []),
      ...this.image.config.env, ...this.config.env];
    if (pairs.some((p) => p[0] === 'HOME')) return Env.fromPairs(pairs);
    return Env.fromPairs([...pairs, this.image.config.user && this.image.config.user !== 'root' ? HOME_SLASH : HOME_ROOT]);
  }

  /** Starts PID 1 (called by the runtime from a clock timer, after start() returned the handle). */
  boot(): void {
    if (this.state !== 'created') return;
    this.startedAt = this.clock.now();
    const argv = containerArgv(this.image.config, this.config.command, this.config.args);
    const env = this.baseEnv(this.config.tty);
    const cwd = this.config.workingDir || this.image.config.workingDir || '/';
    if (argv.length === 0) return this.cannotRun(NO_COMMAND_SPECIFIED, NO_COMMAND_SPECIFIED);
    const target = this.findExecutable(argv[0], env.get('PATH'), cwd);
    const st = this.fs.stat(resolvePath(cwd, argv[0]));
    const why = execFailure(argv[0], target, !target && argv[0].includes('/') && st?.type === 'dir');
    if (why || !target) return this.cannotRun(startErrorState(why!), startErrorEvent(this.id, startErrorState(why!)));
    this.state = 'running';
    const rec = this.newProc(1, argv);
    const stdin = this.config.stdin ? new AttachedStdin(this.config.tty) : undefined;
    const ap = this.attachPoint = new AttachPoint(stdin, !!this.config.stdinOnce, this.config.tty);
    const ctx = this.ctx(rec, argv, env, cwd, stdin ?? NULL_STDIN,
      (s) => { this.stdout.write(s); ap.write(s, 'stdout'); }, (s) => { this.stderr.write(s); ap.write(s, 'stderr'); }, this.config.tty);
    ctx.leader = true;
    rec.fiber = new Fiber(this.execProgram(target, ctx), this.clock, (code) => this.pid1Exited(code));
    rec.fiber.start();
  }

  private cannotRun(state: string, event: string): void {
    this.state = 'exited';
    const exitCode = state === NO_COMMAND_SPECIFIED ? 128 : 127;
    this.exitStatus = { exitCode, reason: 'ContainerCannotRun', message: state, startError: event };
    this.deps.events.exit(this.exitStatus);
  }

  private newProc(pid: number, argv: string[]): ProcRecord {
    const rec: ProcRecord = { pid, argv, startedAt: this.clock.now(), catches: [], queue: [] };
    this.procs.set(pid, rec);
    return rec;
  }

  private signalChannel(rec: ProcRecord): SignalChannel {
    return new ProcSignals(rec, this.clock);
  }

  /** A process context; children made by the shell copy it and change what they need. */
  ctx(rec: ProcRecord, argv: string[], env: Env, cwd: string, stdin: Stdin, out: (s: string) => void, err: (s: string) => void, tty: boolean): ProcCtx {
    return { argv, env, cwd, stdin, out, err, tty, pid: rec.pid, sys: this, signals: this.signalChannel(rec) };
  }

  runProgram(target: ExecTarget, ctx: ProcCtx): Proc {
    return this.execProgram(target, ctx);
  }

  /** Runs the program an executable maps to ("script" files run through their #! interpreter). */
  *execProgram(target: ExecTarget, ctx: ProcCtx): Proc {
    let prog = this.deps.programs(target.program);
    let c = ctx;
    if (target.program === 'script') {
      const first = (this.fs.read(target.path) as string).split('\n')[0].slice(2).trim().split(/\s+/);
      const interp = this.findExecutable(first[0], ctx.env.get('PATH'), ctx.cwd);
      prog = interp && this.deps.programs(interp.program);
      c = { ...ctx, argv: [...first, target.path, ...ctx.argv.slice(1)] };
    }
    if (!prog) {
      ctx.err(`${ctx.argv[0].split('/').pop()}: this command is not simulated\n`);
      return 126;
    }
    return yield* prog(c);
  }

  private pid1Exited(code: number): void {
    if (this.state !== 'running') return;
    this.finish({ exitCode: code, reason: code === 0 ? 'Completed' : 'Error' });
  }

  private finish(status: ExitStatus): void {
    this.state = 'exited';
    for (const rec of [...this.procs.values()]) if (rec.pid !== 1) rec.fiber?.kill(137);
    this.procs.get(1)?.fiber?.kill(status.exitCode);
    this.ports.clear();
    this.usageByPid = undefined;
    this.stdout.flush();
    this.stderr.flush();
    this.exitStatus = status;
    this.attachPoint?.exited();
    this.deps.events.exit(status);
  }

  signal(sig: 'SIGTERM' | 'SIGKILL'): void {
    if (this.state !== 'running') return;
    if (sig === 'SIGKILL') return this.finish({ exitCode: 128 + SIGNAL_NUMBERS.SIGKILL, reason: 'Error', signal: 'SIGKILL' });
    // `docker stop` sends the image's STOPSIGNAL (nginx: SIGQUIT, httpd: SIGWINCH, postgres: SIGINT).
    this.deliver(1, this.image.config.stopSignal ?? 'SIGTERM');
  }

  /** Delivers a signal to a process: queued if caught, ignored by PID 1 if not, fatal otherwise. */
  deliver(pid: number, sig: Signal): boolean {
    const rec = this.procs.get(pid);
    if (!rec?.fiber || rec.fiber.done) return false;
    if (sig !== 'SIGKILL' && rec.catches.includes(sig)) {
      rec.queue.push(sig);
      rec.wake?.(sig);
      return true;
    }
    if (pid === 1 && sig !== 'SIGKILL') return true;
    if (pid === 1) {
      this.finish({ exitCode: 137, reason: 'Error', signal: 'SIGKILL' });
      return true;
    }
    rec.fiber.kill(128 + SIGNAL_NUMBERS[sig]);
    return true;
  }

  /** Attaches to PID 1's streams (and its stdin, if the container has one) until detached or exited. */
  attach(io: ExecIO): Promise<void> {
    if (this.state !== 'running' || !this.attachPoint) return Promise.resolve();
    // With a TTY, the attached terminal's Ctrl-C is SIGINT to PID 1's foreground job.
    const off = this.config.tty ? io.onInterrupt?.(() => { this.procs.get(1)?.fiber?.interrupt(); }) : undefined;
    return this.attachPoint.attach(io).finally(() => off?.());
  }

  exec(argv: string[], io: ExecIO): Promise<number> {
    return new Promise((resolve) => this.run(argv, io, resolve));
  }

  run(argv: string[], io: ExecIO, done: (exitCode: number) => void): void {
    if (this.state !== 'running') {
      io.stdout(`OCI runtime exec failed: exec failed: cannot exec in a stopped container: unknown\r\n`);
      return done(EXEC_START_FAILED);
    }
    const env = this.baseEnv(!!io.tty);
    const cwd = this.config.workingDir || this.image.config.workingDir || '/';
    const target = argv.length ? this.findExecutable(argv[0], env.get('PATH'), cwd) : undefined;
    const why = argv.length ? execFailure(argv[0], target, false) : 'exec: "": executable file not found in $PATH';
    if (why || !target) {
      io.stdout(execErrorOutput(why!));
      return done(EXEC_START_FAILED);
    }
    const rec = this.newProc(this.newPid(), argv);
    const stdin: Stdin = io.readLine ? ioStdin(io) : NULL_STDIN;
    const ctx = this.ctx(rec, argv, env, cwd, stdin, (s) => io.stdout(s), (s) => io.stderr(s), !!io.tty);
    ctx.leader = true;
    let unregister: (() => void) | undefined;
    rec.fiber = new Fiber(this.execProgram(target, ctx), this.clock, (code) => {
      this.procs.delete(rec.pid);
      this.release(rec.pid);
      unregister?.();
      done(code);
    });
    io.signal?.addEventListener('abort', () => rec.fiber?.kill(130));
    // A TTY's Ctrl-C reaches the session's foreground job (the exec'd shell drops it and prompts again).
    if (io.tty) unregister = io.onInterrupt?.(() => { rec.fiber?.interrupt(); });
    rec.fiber.start();
  }

  http(port: number, req: HttpRequest): HttpResponse | undefined {
    if (this.state !== 'running') return undefined;
    return this.ports.get(port)?.http?.(req);
  }

  listening(port: number): boolean {
    return this.state === 'running' && this.ports.has(port);
  }

  /** Ports something listens on, sorted. */
  listeningPorts(): number[] {
    return [...this.ports.keys()].sort((a, b) => a - b);
  }

  usage(): { cpuMilli: number; memoryBytes: number } {
    let cpu = 0, mem = 0;
    for (const [m, c] of this.usageByPid?.values() ?? []) { mem += m; cpu += c; }
    if (this.config.cpuLimitMilli !== undefined) cpu = Math.min(cpu, this.config.cpuLimitMilli);
    return { cpuMilli: Math.round(cpu), memoryBytes: Math.round(mem) };
  }

  // ---- Sys: what processes ask of their container ----

  listen(port: number, handler: PortHandler): void {
    if (this.state === 'running') this.ports.set(port, handler);
  }

  unlisten(port: number): void {
    this.ports.delete(port);
  }

  dnsConfig(): { nameserver: string; search: string[] } {
    const rc = this.fs.read('/etc/resolv.conf');
    return parseResolvConf(typeof rc === 'string' ? rc : '');
  }

  resolveHost(host: string): string[] | undefined {
    const hosts = this.fs.read('/etc/hosts');
    return resolveName(host, typeof hosts === 'string' ? hosts : '', this.dnsConfig(), (fqdn) => this.deps.network.lookup(fqdn, this.endpoint));
  }

  dnsQuery(fqdn: string): DnsAnswer {
    const net = this.deps.network;
    if (net.resolve) return net.resolve(fqdn, this.endpoint);
    const ips = net.lookup(fqdn, this.endpoint);
    return ips?.length ? { rcode: 'NOERROR', addresses: ips } : { rcode: 'NXDOMAIN' };
  }

  reverseLookup(ip: string): string | undefined {
    return this.deps.network.reverse?.(ip);
  }

  httpRequest(ip: string, port: number, req: HttpRequest): NetResult {
    const local = ip === '127.0.0.1' || ip === this.config.podIP ? this.config.podIP : ip;
    return this.deps.router.local(local, port, req, this.config.podUid) ?? this.deps.network.request(this.endpoint, ip, port, req);
  }

  connect(ip: string, port: number): ConnectResult {
    const local = ip === '127.0.0.1' || ip === this.config.podIP ? this.config.podIP : ip;
    return this.deps.router.localConnect(local, port, this.config.podUid) ?? this.deps.network.connect(this.endpoint, ip, port);
  }

  findExecutable(name: string, path: string | undefined, cwd: string): ExecTarget | undefined {
    const check = (p: string): ExecTarget | undefined => {
      const st = this.fs.stat(p);
      return st?.type === 'file' && st.exec ? { path: p, program: st.exec } : undefined;
    };
    if (name.includes('/')) return check(resolvePath(cwd, name));
    for (const dir of (path ?? '').split(':')) {
      if (!dir) continue;
      const hit = check(resolvePath(cwd, `${dir}/${name}`));
      if (hit) return hit;
    }
    return undefined;
  }

  program(id: string): Program | undefined {
    return this.deps.programs(id);
  }

  spawn(proc: (pid: number) => Proc, argv: string[] = ['sh']): { pid: number; wait: () => Generator<Effect, number, unknown> } {
    const rec = this.newProc(this.newPid(), argv);
    let status: number | undefined;
    const waiters: ((code: number) => void)[] = [];
    rec.fiber = new Fiber(proc(rec.pid), this.clock, (code) => {
      status = code;
      this.procs.delete(rec.pid);
      this.release(rec.pid);
      waiters.splice(0).forEach((w) => w(code));
    });
    rec.fiber.start();
    return {
      pid: rec.pid,
      wait: () => waitFor<number>((resume) => {
        if (status !== undefined) return resume(status);
        waiters.push(resume);
      }),
    };
  }

  newPid(): number {
    this.lastPid += 1 + this.rng.int(3);
    return this.lastPid;
  }

  /** The target's processes, then this container's own, numbered after the target's PIDs at the time it joined. */
  namespaceProcesses(): { pids: { pid: number; argv: string[]; startedAt: number; user?: string }[]; ownPid(pid: number): number } {
    const shared = this.deps.podPidNamespace;
    if (shared) {
      // The pause process is PID 1 (user 65535); each container's processes follow, from where its PIDs start.
      const pids: { pid: number; argv: string[]; startedAt: number; user?: string }[] = [{ pid: 1, argv: ['/pause'], startedAt: 0, user: '65535' }];
      for (const c of shared.members()) {
        const base = shared.base(c);
        pids.push(...c.processes().map((p) => ({ ...p, pid: base + p.pid })));
      }
      const mine = shared.base(this);
      return { pids, ownPid: (pid) => mine + pid };
    }
    const target = this.deps.pidNamespace?.();
    if (!target) return { pids: this.processes(), ownPid: (pid) => pid };
    // Joining takes the next PID of the target's namespace for this container's PID 1.
    this.pidBase ??= target.newPid() - 1;
    const base = this.pidBase;
    const own = this.processes().map((p) => ({ ...p, pid: base + p.pid }));
    return { pids: [...target.processes(), ...own], ownPid: (pid) => base + pid };
  }

  processes(): { pid: number; argv: string[]; startedAt: number }[] {
    return [...this.procs.values()].filter((r) => r.fiber && !r.fiber.done).map((r) => ({ pid: r.pid, argv: r.argv, startedAt: r.startedAt }))
      .sort((a, b) => a.pid - b.pid);
  }

  kill(pid: number, sig: Signal): boolean {
    return this.deliver(pid, sig);
  }

  private usage$(pid: number): [number, number] {
    this.usageByPid ??= new Map();
    let u = this.usageByPid.get(pid);
    if (!u) this.usageByPid.set(pid, (u = [0, 0]));
    return u;
  }

  setMemory(pid: number, bytes: number): void {
    if (this.state !== 'running') return;
    this.usage$(pid)[0] = bytes;
    const limit = this.config.memoryLimitBytes;
    if (limit !== undefined && this.usage().memoryBytes > limit) {
      this.finish({ exitCode: 137, reason: 'OOMKilled', signal: 'SIGKILL' });
    }
  }

  setCpu(pid: number, milli: number): void {
    this.usage$(pid)[1] = milli;
  }

  release(pid: number): void {
    this.usageByPid?.delete(pid);
  }
}
