// What a simulated program sees: its argv, environment, cwd, standard streams, and the container
// around it (filesystem, ports, network, clock). Programs are generator functions of a ProcCtx.
import type { Clock, Rng } from '../../clock';
import type { ContainerConfig, HttpRequest, HttpResponse } from '../cri';
import type { CatalogImage } from '../images/catalog-types';
import type { ContainerFS } from '../filesystem/container-fs';
import type { NetResult, ConnectResult } from '../network';
import type { Effect, Proc } from './effects';
import type { Signal } from './signals';

/** An ordered environment (environ(7) order matters to `env`). */
export class Env {
  // Until the first change the variables may be a list of pairs shared with the container's config
  // (a container's PID 1 keeps its environment for life, and a map per container costs ≈ 0.5–1 KB);
  // a later pair overrides an earlier one in the earlier one's place, as building the map does.
  private m?: Map<string, string>;
  private list?: readonly (readonly [string, string])[];

  constructor(entries: Iterable<[string, string]> = []) {
    this.m = new Map(entries);
  }

  /** An environment over a list of pairs that is never changed (copied on the first change). */
  static fromPairs(pairs: readonly (readonly [string, string])[]): Env {
    const e = new Env();
    e.m = undefined;
    e.list = pairs;
    return e;
  }

  private map(): Map<string, string> {
    if (!this.m) {
      this.m = new Map(this.list as [string, string][]);
      this.list = undefined;
    }
    return this.m;
  }

  get(k: string): string | undefined {
    if (this.m) return this.m.get(k);
    const l = this.list!;
    for (let i = l.length - 1; i >= 0; i--) if (l[i][0] === k) return l[i][1];
    return undefined;
  }

  has(k: string): boolean {
    return this.m ? this.m.has(k) : this.list!.some((p) => p[0] === k);
  }

  /** Sets a variable, keeping its place when it already exists (as setenv does). */
  set(k: string, v: string): void {
    this.map().set(k, v);
  }

  delete(k: string): void {
    this.map().delete(k);
  }

  entries(): [string, string][] {
    return [...(this.m ?? new Map(this.list as [string, string][])).entries()];
  }

  clone(): Env {
    return this.m ? new Env(this.m) : Env.fromPairs(this.list!);
  }
}

/** A process's standard input. */
export interface Stdin {
  /** The next line without its newline, or undefined at end of input. */
  readLine(): Generator<Effect, string | undefined, unknown>;
  /** Everything up to end of input. */
  readAll(): Generator<Effect, string, unknown>;
  /** Is this a terminal (kubectl exec -i -t)? */
  readonly interactive: boolean;
  /** Do lines arrive as someone types them (kubectl exec -i), rather than from a buffer? */
  readonly live?: boolean;
}

/** Standard input from a string (a pipe's buffered output, a here-document). */
export function stringStdin(s: string): Stdin {
  let rest = s;
  return {
    interactive: false,
    *readLine() {
      if (rest === '') return undefined;
      const i = rest.indexOf('\n');
      const line = i === -1 ? rest : rest.slice(0, i);
      rest = i === -1 ? '' : rest.slice(i + 1);
      return line;
    },
    *readAll() {
      const all = rest;
      rest = '';
      return all;
    },
  };
}

/** /dev/null as standard input (a container's PID 1 without `stdin: true`). */
export const NULL_STDIN: Stdin = stringStdin('');

/** What a process can ask of the node about a port it listens on. */
export interface PortHandler {
  /** Answers an HTTP request (undefined: the connection is reset). */
  http?(req: HttpRequest): HttpResponse | undefined;
}

/** Facts about the node a container runs on (uname, nproc, free). */
export interface NodeFacts {
  name: string;
  kernel: string;
  cpus: number;
  memoryBytes: number;
}

/** An executable found on PATH (or by path). */
export interface ExecTarget {
  path: string;
  /** Program id ("nginx", "ash", "script"). */
  program: string;
}

/** The container around a process: shared by every process in it. */
export interface Sys {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly fs: ContainerFS;
  readonly image: CatalogImage;
  readonly config: ContainerConfig;
  readonly containerId: string;
  readonly hostname: string;
  readonly podIP: string;
  readonly node: NodeFacts;
  /** Starts serving a port (programs: nginx on 80, redis on 6379). */
  listen(port: number, handler: PortHandler): void;
  unlisten(port: number): void;
  /** Ports something in the container listens on, sorted (netstat). */
  listeningPorts(): number[];
  /** Resolves a host name the way the container's libc would (/etc/hosts, then DNS with the search list). */
  resolveHost(host: string): string[] | undefined;
  /** An HTTP request from this pod (localhost and the pod IP reach the pod's own containers). */
  httpRequest(ip: string, port: number, req: HttpRequest): NetResult;
  /** A TCP connection attempt from this pod. */
  connect(ip: string, port: number): ConnectResult;
  /** The nameserver and search list of /etc/resolv.conf. */
  dnsConfig(): { nameserver: string; search: string[] };
  /** One DNS query to the cluster's DNS (no search list, no /etc/hosts): what nslookup and dig see. */
  dnsQuery(fqdn: string): import('../network').DnsAnswer;
  /** PTR lookup (for busybox 1.28's nslookup). */
  reverseLookup(ip: string): string | undefined;
  /** Finds a command: "/bin/ls" by path, "ls" on PATH. */
  findExecutable(name: string, path: string | undefined, cwd: string): ExecTarget | undefined;
  /** The implementation of a program id. */
  program(id: string): Program | undefined;
  /** Runs an executable found with findExecutable (a `#!` script through its interpreter). */
  runProgram(target: ExecTarget, ctx: ProcCtx): Proc;
  /** Runs a program concurrently (a shell's `cmd &`); returns its pid and a way to wait for it. */
  spawn(proc: (pid: number) => Proc, argv?: string[]): { pid: number; wait: () => Generator<Effect, number, unknown> };
  /** A fresh process id. */
  newPid(): number;
  /** The container's processes (PID 1, exec sessions, background jobs) with their command lines. */
  processes(): { pid: number; argv: string[]; startedAt: number }[];
  /**
   * What `ps` lists: the processes of the container's process namespace — those of the container it targets
   * (kubectl debug --target) first, then its own under the PIDs that namespace gives them (`ownPid` maps one).
   */
  namespaceProcesses?(): { pids: { pid: number; argv: string[]; startedAt: number; user?: string }[]; ownPid(pid: number): number };
  /** kill(2): delivers a signal to a process of the container; false if there is no such process. */
  kill(pid: number, sig: Signal): boolean;
  /** Memory a process holds now (bytes); the container is OOM-killed above its limit. */
  setMemory(pid: number, bytes: number): void;
  /** CPU a process burns now (millicores; capped at the container's limit). */
  setCpu(pid: number, milli: number): void;
  /** Forgets a process's usage (it exited). */
  release(pid: number): void;
}

/** The signals a process catches and those delivered to it. */
export interface SignalChannel {
  /** Installs handlers: these signals are queued for the process instead of their default action. */
  catchSignals(sigs: Signal[]): void;
  /** Stops catching: restores default dispositions. */
  resetSignals(): void;
  /** The next caught signal (waits for one). */
  nextSignal(): Generator<Effect, Signal, unknown>;
  /** A caught signal already delivered, if any (consumes it). */
  pendingSignal(): Signal | undefined;
  /** Sleeps, returning early with the signal that interrupts the sleep. */
  sleepOrSignal(ms: number): Generator<Effect, Signal | undefined, unknown>;
  /** Waits for an event or a caught signal, whichever comes first (a shell's `wait`). */
  raceSignal<T>(start: (resume: (value: T) => void) => (() => void) | void): Generator<Effect, { signal: Signal } | { value: T }, unknown>;
}

/** The signal channel of a process nobody signals (a shell's child commands, background jobs). */
export function detachedSignals(): SignalChannel {
  return {
    catchSignals: () => undefined,
    resetSignals: () => undefined,
    *nextSignal() {
      for (;;) yield { kind: 'wait', start: () => undefined };
    },
    pendingSignal: () => undefined,
    *sleepOrSignal(ms) {
      if (ms > 0) yield { kind: 'sleep', ms };
      return undefined;
    },
    *raceSignal<T>(start: (resume: (value: T) => void) => (() => void) | void) {
      const value = (yield { kind: 'wait', start: start as (r: (v?: unknown) => void) => (() => void) | void }) as T;
      return { value };
    },
  };
}

/** A program's view of itself. */
export interface ProcCtx {
  argv: string[];
  env: Env;
  cwd: string;
  stdin: Stdin;
  out(s: string): void;
  err(s: string): void;
  /** Is stdout a terminal? */
  tty: boolean;
  pid: number;
  sys: Sys;
  signals: SignalChannel;
  /** This program leads its process (PID 1, an exec session, a job): it may exec in place. */
  leader?: boolean;
}

/** A program: what runs when an executable is exec'd. */
export type Program = (ctx: ProcCtx) => Proc;
