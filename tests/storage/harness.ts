// Scenario helpers for configuration and storage: a session on the simulated runtime (system pods
// up, as after `minikube start`), the seed 004 Part 4/5 manifests with real base64, commands run in
// containers as `kubectl exec` runs them, and the files API (cluster.storage.files).
import { expect } from 'vitest';
import type { Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import type { Session } from '../../src/server/session';
import { apply, exec, logs, pod, run, session } from '../fixtures/session';
import * as seed from '../fixtures';

export { apply, exec, logs, pod, run, session };

/** Runs a command line; returns its output and exit code. */
export async function runCode(s: Session, line: string): Promise<{ output: string; exitCode: number }> {
  return s.run(line);
}

/** Lets simulated time pass (seconds). */
export async function sleep(s: Session, seconds: number): Promise<void> {
  await run(s, `sleep ${seconds}`);
}

/** The pods of a label selector, by name. */
export function podsOf(s: Session, selector: string, namespace = 'default'): Pod[] {
  return (s.cluster.client('test').list<Pod>(R.pods, namespace, { labelSelector: selector }).items)
    .slice().sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!));
}

/** A container's state as `kubectl get pod` summarises it ("Running", "CreateContainerConfigError" …). */
export function containerState(p: Pod, container: string): string {
  const cs = p.status?.containerStatuses?.find((c) => c.name === container);
  if (!cs) return '';
  if (cs.state?.running) return 'Running';
  return cs.state?.waiting?.reason ?? cs.state?.terminated?.reason ?? '';
}

/** The waiting message of a container. */
export function waitingMessage(p: Pod, container: string): string | undefined {
  return p.status?.containerStatuses?.find((c) => c.name === container)?.state?.waiting?.message;
}

/** Quotes an argument for the learner's shell. */
function shQuote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** `kubectl exec POD -c CONTAINER -- ARGV` typed in the learner's shell: its output and exit code. */
export async function kubectlExec(s: Session, podName: string, container: string, argv: string[]): Promise<{ code: number; out: string }> {
  const r = await s.run(`kubectl exec ${podName} -c ${container} -- ${argv.map(shQuote).join(' ')}`);
  return { code: r.exitCode, out: r.output };
}

/** The environment of a running container as `kubectl exec … -- env` prints it, as a map. */
export async function env(s: Session, podName: string, container: string): Promise<Map<string, string>> {
  const r = await kubectlExec(s, podName, container, ['env']);
  expect(r.code).toBe(0);
  const m = new Map<string, string>();
  for (const line of r.out.split('\n').filter(Boolean)) {
    const i = line.indexOf('=');
    m.set(line.slice(0, i), line.slice(i + 1));
  }
  return m;
}

/** A file of a running container through the files API (what `kubectl exec … -- cat` shows). */
export function readFile(s: Session, podName: string, container: string, path: string): string | undefined {
  const fs = s.cluster.storage.files.container({ pod: podName, container });
  if (!fs) return undefined;
  const r = fs.read(path);
  return typeof r === 'string' ? r : undefined;
}

/** Base64 as `echo -n X | base64` prints it. */
export function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** seed 004 Part 4: the ConfigMap. */
export const WEBAPP_CONFIG = seed.WEBAPP_CONFIG;

/** seed 004 Part 4: the Secret as printed (placeholders the API server rejects). */
export const DB_CREDENTIALS_PLACEHOLDER = seed.DB_CREDENTIALS_PLACEHOLDER;

/** The Secret with real base64 (admin / s3cr3t): the placeholders filled in. */
export const DB_CREDENTIALS = DB_CREDENTIALS_PLACEHOLDER
  .replace('<base64-encoded-username>', b64('admin')).replace('<base64-encoded-password>', b64('s3cr3t'));

/** seed 004 Part 4: the claim. */
export const DATABASE_PVC = seed.DATABASE_PVC;

/** seed 004 Part 4/5: the Deployment (envFrom the ConfigMap, secretKeyRef, the claim at /data/db). */
export function webappDeployment(replicas = 3): string {
  return seed.WEBAPP_DEPLOYMENT.replace('\n  replicas: 3\n', `\n  replicas: ${replicas}\n`);
}

/** seed 004 Part 4/5: the StatefulSet with its volumeClaimTemplate (the seed mounts nothing; `mount` adds /data/db). */
export function databaseStatefulSet(replicas = 1, mount = true): string {
  const mounts = `        volumeMounts:
        - name: database-data
          mountPath: /data/db
`;
  return seed.DATABASE_STATEFULSET.replace('\n  replicas: 1\n', `\n  replicas: ${replicas}\n`)
    .replace('\n  volumeClaimTemplates:\n', `\n${mount ? mounts : ''}  volumeClaimTemplates:\n`);
}
