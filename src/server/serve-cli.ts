// `kubesim serve [--port N] [--seed N] [--nodes N] [--speed X] [--kubeconfig FILE]`: starts the HTTP API
// and keeps running until interrupted. --kubeconfig writes a kubeconfig whose minikube context points at it.
import { writeFileSync } from 'node:fs';
import { startServe } from './serve';
import { applyTimingFlag } from './timing-flags';
import type { ClusterTimings } from '../engine/cluster';

/** A kubeconfig for the served cluster (context, cluster and user named minikube, as minikube writes them). */
export function serveKubeconfig(url: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    server: ${url}
  name: minikube
contexts:
- context:
    cluster: minikube
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user: {}
`;
}

/** Runs `kubesim serve`; resolves when the server stops (SIGINT/SIGTERM). */
export async function serveMain(args: string[], usage: string): Promise<number> {
  const opts: { port?: number; seed?: number; nodes?: number; speed?: number } = {};
  const timings: Partial<ClusterTimings> = {};
  let kubeconfig: string | undefined;
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].includes('=') ? args[i].split(/=(.*)/s, 2) : [args[i], undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--port': opts.port = Number(value()); break;
      case '--seed': opts.seed = Number(value()); break;
      case '--nodes': opts.nodes = Number(value()); break;
      case '--speed': opts.speed = Number(value()); break;
      case '--kubeconfig': kubeconfig = value(); break;
      case '-v': case '--verbose': verbose = true; break;
      default:
        if (applyTimingFlag(flag, inline ?? args[i + 1], timings) === 'ok') {
          if (inline === undefined) i++;
          break;
        }
        process.stderr.write(usage);
        return 1;
    }
  }
  if (Object.values(opts).some((v) => v !== undefined && !Number.isFinite(v))) {
    process.stderr.write(usage);
    return 1;
  }
  const h = await startServe({ ...opts, timings, log: verbose ? (l) => process.stderr.write(`${l}\n`) : undefined });
  if (kubeconfig) writeFileSync(kubeconfig, serveKubeconfig(h.url));
  process.stdout.write(`kubesim: serving a simulated minikube cluster (Kubernetes v1.32.0) at ${h.url}\n`);
  process.stdout.write(kubeconfig ? `kubesim: kubeconfig written to ${kubeconfig}\n` : `kubesim: try: kubectl --server ${h.url} get nodes\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await h.close();
  return 0;
}
