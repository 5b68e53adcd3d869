// A learner's session on a simulated cluster, headless: the cluster, the shell, its files, and the
// loop that lets simulated time pass while a command waits. Used by `kubesim script` and tests.
import { Cluster, type ClusterOptions } from '../engine/cluster';
import { inProcessClient, minikubeKubeConfig } from '../kubectl';
import type { KubectlEnv } from '../kubectl';
import { Shell, MemFS, type Fallback } from '../shell';

/** How long a command may wait on the cluster (simulated) before the harness interrupts it. */
export const MAX_COMMAND_WAIT_MS = 3_600_000;

/** Lets pending promise continuations run (they resolve in microtasks after clock tasks). */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** A headless session: run command lines, get their output. */
export class Session {
  readonly cluster: Cluster;
  readonly fs: MemFS;
  readonly shell: Shell;
  private readonly kubeconfig = minikubeKubeConfig();

  constructor(opts: ClusterOptions & { fallback?: Fallback } = {}) {
    this.cluster = new Cluster(opts);
    this.fs = new MemFS('/home/learner', opts.fallback);
    const api = inProcessClient(this.cluster.api);
    this.shell = new Shell({
      fs: this.fs,
      kubectlEnv: (signal): KubectlEnv => ({ api, fs: this.fs, config: this.kubeconfig, now: () => this.cluster.clock.now(), signal }),
      sleep: (ms, signal) => new Promise<void>((resolve, reject) => {
        const cancel = this.cluster.clock.after(ms, resolve);
        signal?.addEventListener('abort', () => { cancel(); reject(new Error('interrupted')); }, { once: true });
      }),
    });
  }

  /**
   * Runs one complete command text, letting simulated time pass while it waits, and returns what
   * it printed (stdout and stderr interleaved, as a terminal shows them) and its exit code.
   */
  async run(text: string): Promise<{ output: string; exitCode: number }> {
    let output = '';
    const ac = new AbortController();
    const clock = this.cluster.clock;
    let done = false;
    let exitCode = 0;
    const p = this.shell.run(text, { stdout: (s) => { output += s; }, stderr: (s) => { output += s; } }, ac.signal)
      .then((c) => { exitCode = c; }).finally(() => { done = true; });
    await settle();
    const start = clock.now();
    while (!done) {
      const next = clock.nextDue();
      if (next === undefined || next - start > MAX_COMMAND_WAIT_MS) {
        ac.abort();
        output += '^C\n';
        await p;
        break;
      }
      clock.step();
      await settle();
    }
    clock.flush();
    return { output, exitCode };
  }
}
