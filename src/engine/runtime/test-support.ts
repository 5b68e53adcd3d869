// Helpers for tests (here and in other engine folders): a runtime on a fresh clock, and a
// container run with its log and exit captured.
import { SimClock, SeededRng, DEFAULT_EPOCH } from '../clock';
import type { ContainerConfig, ExitStatus, Mount } from './cri';
import { createRuntime, type SimRuntime } from './runtime';
import type { PodNetwork } from './network';
import type { SimContainer } from './process/container';

/** A runtime with its clock. */
export interface TestRuntime {
  clock: SimClock;
  runtime: SimRuntime;
}

/** A runtime on node "minikube" with a fresh simulated clock at the default epoch. */
export function testRuntime(seed = 1, network?: PodNetwork): TestRuntime {
  const clock = new SimClock({ start: DEFAULT_EPOCH });
  return { clock, runtime: createRuntime({ clock, rng: new SeededRng(seed).fork('runtime'), node: 'minikube', network }) };
}

/** A started container and what it has said so far. */
export interface RunningContainer {
  container: SimContainer;
  logs: { line: string; stream: 'stdout' | 'stderr'; at: number }[];
  exit?: ExitStatus & { at: number };
  /** stdout and stderr lines joined with "\n" (as `kubectl logs` shows them). */
  text(): string;
}

/** Starts a container from an image reference, without going through a pull. */
export function runContainer(t: TestRuntime, image: string, o: Partial<ContainerConfig> & { mounts?: Mount[] } = {}): RunningContainer {
  const info = t.runtime.imagePresent(image) ?? { ref: image, imageID: '', sizeBytes: 0 };
  const rc: RunningContainer = { container: undefined as unknown as SimContainer, logs: [], text: () => rc.logs.map((l) => l.line).join('\n') };
  const config: ContainerConfig = {
    podUid: o.podUid ?? 'pod-uid-1', podName: o.podName ?? 'test-pod', podNamespace: o.podNamespace ?? 'default',
    containerName: o.containerName ?? 'main', image: info, command: o.command, args: o.args, env: o.env ?? [],
    workingDir: o.workingDir, mounts: o.mounts ?? [], memoryLimitBytes: o.memoryLimitBytes, cpuLimitMilli: o.cpuLimitMilli,
    tty: o.tty ?? false, stdin: o.stdin ?? false, podIP: o.podIP ?? '10.244.0.5', hostname: o.hostname ?? o.podName ?? 'test-pod',
    etcHosts: o.etcHosts, resolvConf: o.resolvConf,
  };
  rc.container = t.runtime.start(config, {
    log: (line, stream) => rc.logs.push({ line, stream, at: t.clock.now() }),
    exit: (s) => { rc.exit = { ...s, at: t.clock.now() }; },
  }) as SimContainer;
  return rc;
}

/** Runs a command in a container and collects its output (advancing the clock up to `maxMs`). */
export function execIn(t: TestRuntime, c: SimContainer, argv: string[], o: { maxMs?: number; tty?: boolean; input?: string[] } = {}):
  { code?: number; stdout: string; stderr: string } {
  const r: { code?: number; stdout: string; stderr: string } = { stdout: '', stderr: '' };
  const input = o.input ? [...o.input] : undefined;
  c.run(argv, {
    stdout: (s) => { r.stdout += s; }, stderr: (s) => { r.stderr += s; }, tty: o.tty,
    readLine: input ? () => Promise.resolve(input.shift()) : undefined,
  }, (code) => { r.code = code; });
  t.clock.advance(o.maxMs ?? 0);
  return r;
}

/** Runs an interactive command (kubectl exec -it): feeds `input` lines, letting the clock run `stepMs` between them. */
export async function execInteractive(t: TestRuntime, c: SimContainer, argv: string[], input: string[], o: { stepMs?: number; tty?: boolean } = {}):
  Promise<{ code?: number; output: string }> {
  const r: { code?: number; output: string } = { output: '' };
  const queue = [...input];
  let waiting: ((l: string | undefined) => void) | undefined;
  c.run(argv, {
    stdout: (s) => { r.output += s; }, stderr: (s) => { r.output += s; }, tty: o.tty ?? true,
    readLine: () => new Promise((resolve) => { waiting = resolve; }),
  }, (code) => { r.code = code; });
  for (let guard = 0; guard < 10_000 && r.code === undefined; guard++) {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      const line = queue.shift();
      if (line !== undefined) r.output += `${line}\n`;
      w(line);
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
    t.clock.advance(o.stepMs ?? 0);
  }
  return r;
}
