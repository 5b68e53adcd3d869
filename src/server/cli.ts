// The `kubesim` command (node only): `kubesim script [--seed N] FILE|-`.
import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runScript } from './script';
import { serveMain } from './serve-cli';
import { TIMING_FLAGS_USAGE, applyTimingFlag } from './timing-flags';
import type { ClusterTimings } from '../engine/cluster';

const USAGE = `Usage:
  kubesim script [--seed N] [--nodes N] FILE|-   run a transcript on a fresh simulated cluster
  kubesim serve [--port N] [--seed N] [--nodes N] [--speed X] [--kubeconfig FILE]
                                                 serve the cluster's Kubernetes API over HTTP
${TIMING_FLAGS_USAGE}`;

function diskFallback(dir: string) {
  const abs = (p: string) => resolve(dir, p.replace(/^\/home\/learner\/?/, ''));
  return {
    read: (p: string) => (existsSync(abs(p)) && statSync(abs(p)).isFile() ? readFileSync(abs(p), 'utf8') : undefined),
    isDir: (p: string) => existsSync(abs(p)) && statSync(abs(p)).isDirectory(),
    list: (p: string) => (existsSync(abs(p)) && statSync(abs(p)).isDirectory() ? readdirSync(abs(p)).sort() : []),
  };
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'serve') return serveMain(rest, USAGE);
  if (cmd !== 'script') {
    process.stderr.write(USAGE);
    return cmd === undefined || cmd === '--help' || cmd === '-h' ? 0 : 1;
  }
  let seed = 1;
  let nodes = 1;
  let file: string | undefined;
  const timings: Partial<ClusterTimings> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const timing = applyTimingFlag(flag, flag === a ? rest[i + 1] : inline, timings);
    if (timing === 'invalid') {
      process.stderr.write(USAGE);
      return 1;
    }
    if (timing === 'ok') {
      if (flag === a) i++;
    } else if (a === '--seed') seed = Number(rest[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else if (a === '--nodes') nodes = Number(rest[++i]);
    else if (a.startsWith('--nodes=')) nodes = Number(a.slice(8));
    else file = a;
  }
  if (!file || !Number.isFinite(seed) || !Number.isFinite(nodes)) {
    process.stderr.write(USAGE);
    return 1;
  }
  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const dir = file === '-' ? process.cwd() : dirname(resolve(file));
  process.stdout.write(await runScript(text, { seed, nodes, timings, fallback: diskFallback(dir) }));
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`kubesim: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
