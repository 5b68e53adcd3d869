// The real kubectl v1.32 as an oracle for client-side output (help, flag errors, --dry-run=client
// output): run it with no reachable cluster and compare with ours. Tests skip when it is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Path of the real binary. */
export const REAL_KUBECTL = process.env.KUBECTL_1_32 ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';

/** Is the real binary on this machine? */
export const HAVE_REAL_KUBECTL = existsSync(REAL_KUBECTL);

let workDir: string | undefined;

/** A scratch directory: a kubeconfig whose server refuses connections (namespace "default"), an empty bin/ for PATH. */
export function realWorkDir(): string {
  if (workDir) return workDir;
  workDir = mkdtempSync(join(tmpdir(), 'kubesim-oracle-'));
  mkdirSync(join(workDir, 'bin'));
  writeFileSync(join(workDir, 'kubeconfig'), `apiVersion: v1
kind: Config
clusters:
- cluster: {server: "https://127.0.0.1:1"}
  name: minikube
contexts:
- context: {cluster: minikube, user: minikube, namespace: default}
  name: minikube
current-context: minikube
users:
- name: minikube
  user: {token: x}
`);
  return workDir;
}

/** Runs the real kubectl; returns stdout, stderr and the exit code. `files` are written to the work dir first. */
export function runReal(args: readonly string[], opts: { stdin?: string; files?: Record<string, string> } = {}):
  { stdout: string; stderr: string; code: number } {
  const dir = realWorkDir();
  for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(dir, name), text);
  const r = spawnSync(REAL_KUBECTL, args, {
    cwd: dir, input: opts.stdin ?? '', encoding: 'utf8',
    env: { HOME: '/home/learner', PATH: join(dir, 'bin'), KUBECONFIG: join(dir, 'kubeconfig') },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
