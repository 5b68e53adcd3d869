// The real kubectl v1.32 as the oracle for our kubectl: `kubesim serve` starts in-process (paused clock) on a
// free port, the real binary talks to it over HTTP (fresh HOME, so no stale discovery cache), our kubectl talks
// to the same cluster in-process, and a test compares both outputs byte for byte.
//
// Time: the cluster boots 15 minutes in the past (opts.ageMs) and is advanced to the wall clock once set up,
// then paused, so objects are ~15 minutes old: server-side AGE columns are fixed and client-side ages
// (describe) change only once a minute (HumanDuration shows seconds below 10 minutes). A comparison that differs is run once more before failing (a minute boundary between the
// two runs is the one benign cause).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, statSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeHandle } from '../../src/server/serve';
import { serveKubeconfig } from '../../src/server/serve-cli';
import { runKubectl, inProcessClient } from '../../src/kubectl';
import type { KubeConfig } from '../../src/kubectl';

/** The real binary (KUBECTL_1_32 overrides). */
export const REAL_KUBECTL = process.env.KUBECTL_1_32 ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';

/** One run's output. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** Splits a command line like a shell (single and double quotes, backslash escapes). */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, j);
      i = j;
      has = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; line[j] !== '"'; j++) {
        if (line[j] === '\\' && '"\\$`'.includes(line[j + 1])) j++;
        cur += line[j];
      }
      i = j;
      has = true;
    } else if (c === '\\') {
      cur += line[++i];
      has = true;
    } else if (c === ' ' || c === '\t') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** A running oracle: a served cluster, a scratch directory, and the two kubectls. */
export interface Oracle {
  serve: ServeHandle;
  dir: string;
  /** Runs the real kubectl. */
  real(line: string, stdin?: string): Promise<RunOutput>;
  /** Runs our kubectl against the same cluster. */
  ours(line: string, stdin?: string): Promise<RunOutput>;
  /** Both outputs, re-run once when they differ. */
  both(line: string): Promise<{ real: RunOutput; ours: RunOutput }>;
  close(): Promise<void>;
}

const DEFAULT_AGE = 15 * 60_000;

/** Does the command line stream until interrupted (-w, --watch, --watch-only, -f)? */
export function isWatch(line: string): boolean {
  return /(^|\s)(-w|--watch|--watch-only|--follow|-f)(\s|=|$)/.test(line) && !/(^|\s)(apply|create|delete|replace|diff)(\s|$)/.test(line);
}

/** Fails loudly when the real kubectl is missing: the oracle suite must not silently pass. */
export function requireRealKubectl(): void {
  if (!existsSync(REAL_KUBECTL)) throw new Error(`the real kubectl v1.32 is required at ${REAL_KUBECTL} (set KUBECTL_1_32)`);
}

/** Starts an oracle; `setup` runs our kubectl lines (apply …) before the clock catches up with the wall. */
export async function startOracle(opts: { seed?: number; nodes?: number; files?: Record<string, string>;
  setup?: string[]; ageMs?: number } = {}): Promise<Oracle> {
  requireRealKubectl();
  const wall = Date.now();
  const serve = await startServe({ seed: opts.seed ?? 1, nodes: opts.nodes ?? 1, speed: 0, epoch: wall - (opts.ageMs ?? DEFAULT_AGE) });
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-oracle-'));
  mkdirSync(join(dir, 'home'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'kubeconfig'), serveKubeconfig(serve.url));
  for (const [name, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const fs = {
    read: (p: string) => (existsSync(join(dir, p)) && statSync(join(dir, p)).isFile() ? readFileSync(join(dir, p), 'utf8') : undefined),
    isDir: (p: string) => existsSync(join(dir, p)) && statSync(join(dir, p)).isDirectory(),
    list: (p: string) => (existsSync(join(dir, p)) ? readdirSync(join(dir, p)).sort() : []),
  };
  const config: KubeConfig = {
    currentContext: 'minikube',
    contexts: [{ name: 'minikube', cluster: 'minikube', user: 'minikube', namespace: 'default' }],
    clusters: [{ name: 'minikube', server: serve.url }],
    users: [{ name: 'minikube' }],
  };
  const cluster = serve.session.cluster;
  const ours = async (line: string, stdin?: string): Promise<RunOutput> => {
    let stdout = '';
    let stderr = '';
    const ac = new AbortController();
    const env = { api: inProcessClient(cluster.api), fs, config, now: () => Date.now(), signal: ac.signal };
    const p = runKubectl(shellWords(line), env, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, stdin });
    // Commands that stream (-w) end when the real one is interrupted too: after a short while. The clock is
    // paused, so what it has queued (a watch's initial events) is delivered by flushing, as serve does.
    const t = setTimeout(() => ac.abort(), 1500);
    const f = setInterval(() => cluster.flush(), 20);
    const code = await p;
    clearTimeout(t);
    clearInterval(f);
    return { stdout, stderr, code };
  };
  const real = (line: string, stdin?: string): Promise<RunOutput> => new Promise((resolve) => {
    const child = execFile(REAL_KUBECTL, shellWords(line), {
      // A watch runs until interrupted: Ctrl-C (SIGINT) after a while, as a learner would.
      cwd: dir, encoding: 'utf8', timeout: isWatch(line) ? 2500 : 20_000, killSignal: 'SIGINT',
      env: { HOME: join(dir, 'home'), PATH: join(dir, 'bin'), KUBECONFIG: join(dir, 'kubeconfig'), TZ: process.env.TZ ?? 'UTC' },
    }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
  for (const line of opts.setup ?? []) {
    const r = await ours(line);
    if (r.code !== 0) throw new Error(`setup "${line}" failed: ${r.stderr}`);
    cluster.flush();
  }
  // Let the cluster settle, then catch up with the wall clock and stay there.
  serve.advance(Math.max(0, Date.now() - cluster.clock.now()));
  // A streaming command runs both at once (each until interrupted); others one after the other.
  const run = async (line: string): Promise<[RunOutput, RunOutput]> => {
    if (isWatch(line)) return Promise.all([real(line), ours(line)]);
    const r = await real(line);
    return [r, await ours(line)];
  };
  const both = async (line: string) => {
    let [r, o] = await run(line);
    if (r.stdout !== o.stdout || r.stderr !== o.stderr || r.code !== o.code) [r, o] = await run(line);
    return { real: r, ours: o };
  };
  return {
    serve, dir, real, ours, both,
    close: async () => {
      await serve.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
