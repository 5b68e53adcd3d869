// A learner's session on a simulated cluster, headless: the cluster, the shell, its files, and the
// loop that lets simulated time pass while a command waits. Used by `kubesim script` and tests.
import { Cluster, type ClusterOptions } from '../engine/cluster';
import { runCurl } from '../engine/network';
import { inProcessClient, minikubeKubeConfig, runKubectl } from '../kubectl';
import type { KubectlEnv } from '../kubectl';
import { Shell, MemFS, type Fallback } from '../shell';
import { minikubeProgram, newMinikubeState, portForwardHook } from '../minikube';

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

  constructor(opts: ClusterOptions & { fallback?: Fallback; /** Start before `minikube start` returns (system pods still coming up). */ raw?: boolean } = {}) {
    this.cluster = new Cluster(opts);
    if (!opts.raw) this.cluster.waitForSystemPods();
    this.fs = new MemFS('/home/learner', opts.fallback);
    const api = inProcessClient(this.cluster.api);
    const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('interrupted'));
      const onAbort = () => { cancel(); reject(new Error('interrupted')); };
      const cancel = this.cluster.clock.after(ms, () => { signal?.removeEventListener('abort', onAbort); resolve(); });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const portForward = portForwardHook(this.cluster);
    const kubectlEnv = (signal: AbortSignal | undefined): KubectlEnv => ({ api, fs: this.fs, config: this.kubeconfig,
      now: () => this.cluster.clock.now(), signal, sleep, editor: (text, fileName) => this.edit(text, fileName), portForward });
    this.shell = new Shell({
      fs: this.fs,
      kubectlEnv,
      sleep,
      // The host's own programs: minikube, and curl reaching what the host can (port-forwards, node ports, the tunnel).
      programs: {
        minikube: minikubeProgram({ cluster: this.cluster, sleep,
          kubectl: (args, io) => runKubectl(args, kubectlEnv(io.signal), { stdout: io.out, stderr: io.err, stdin: io.stdin }) }, newMinikubeState()),
        curl: (io) => runCurl(io.args, { request: (r) => this.cluster.network.request(r), sleep, out: io.out, err: io.err,
        signal: io.signal, writeFile: (p, c) => { this.fs.write(p, c); return true; } }) },
    });
    this.cluster.network.setHostsFile(() => this.fs.read('/etc/hosts'));
  }

  /**
   * The editor `kubectl edit` opens: like kubectl, it runs `$KUBE_EDITOR FILE` (else `$EDITOR FILE`) through
   * the shell on a temporary file and reads the file back. In a transcript set it on the line, e.g.
   * `KUBE_EDITOR="sed -i s/replicas: 1/replicas: 3/" kubectl edit deploy/web` (a shell assignment before
   * a command stays set afterwards here). With neither set the file comes back unchanged, as if the
   * learner saved it without edits. A failing editor is kubectl's "there was a problem with the editor".
   */
  private async edit(text: string, fileName: string): Promise<string | undefined> {
    const editor = this.shell.vars.KUBE_EDITOR || this.shell.vars.EDITOR;
    if (!editor) return text;
    const path = `/tmp/${fileName}`;
    this.fs.write(path, text);
    let out = '';
    const code = await this.shell.run(`${editor} ${path}`, { stdout: (x) => { out += x; }, stderr: (x) => { out += x; } });
    const edited = this.fs.read(path);
    this.fs.remove(path);
    if (code !== 0) throw new Error(`there was a problem with the editor "${editor}"`);
    void out;
    return edited;
  }

  /**
   * Runs one complete command text, letting simulated time pass while it waits, and returns what
   * it printed (stdout and stderr interleaved, as a terminal shows them) and its exit code.
   */
  async run(text: string, opts: { /** Input lines typed while the command runs (kubectl exec -it). */ readLine?: (echo: (s: string) => void) => Promise<string | undefined> } = {}): Promise<{ output: string; exitCode: number }> {
    let output = '';
    const readLine = opts.readLine && (() => opts.readLine!((s) => { output += s; }));
    const ac = new AbortController();
    const clock = this.cluster.clock;
    let done = false;
    let exitCode = 0;
    const p = this.shell.run(text, { stdout: (s) => { output += s; }, stderr: (s) => { output += s; }, readLine }, ac.signal)
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
