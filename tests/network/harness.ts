// Scenario helpers for the network: a session (cluster + learner's shell) with the seed's manifests,
// pod-to-Service requests, and which runtime the nodes run (the stand-in FakeRuntime answers "ok";
// the real one serves nginx's welcome page and writes access-log lines).
import { expect } from 'vitest';
import type { Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { FakeRuntime } from '../../src/engine/kubelet/testing';
import type { NetworkResponse } from '../../src/engine/network';
import { Session } from '../../src/server/session';

/** A session on a fresh seeded cluster on the simulated runtime (system pods up, as after `minikube start`). */
export function session(seed = 7, nodes = 1): Session {
  return new Session({ seed, nodes, runtime: 'sim' });
}

/** Runs a command line; returns its output. */
export async function run(s: Session, line: string): Promise<string> {
  return (await s.run(line)).output;
}

/** Applies a manifest through kubectl. */
export async function apply(s: Session, yaml: string): Promise<string> {
  return run(s, `cat <<'EOF' | kubectl apply -f -\n${yaml}EOF`);
}

/** Does the cluster run the real runtime (nginx serves its welcome page, logs each request)? */
export function realRuntime(s: Session): boolean {
  return !(s.cluster.nodes.get('minikube')!.runtime instanceof FakeRuntime);
}

/** What an nginx container answers to GET / on the runtime in use. */
export function expectNginxPage(s: Session, r: NetworkResponse): void {
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.status).toBe(200);
  if (realRuntime(s)) expect(r.body).toContain('<title>Welcome to nginx!</title>');
  else expect(r.body).toBe('ok');
}

/** A request from a pod, as the UI or a container's curl makes it. */
export function fromPod(s: Session, pod: string, url: string, namespace = 'default'): NetworkResponse {
  return s.cluster.network.request({ from: { pod: { namespace, name: pod } }, url });
}

/** pods/log of a container, as `kubectl logs POD -c CONTAINER` prints it. */
export function logs(s: Session, pod: string, container: string): string {
  const r = s.cluster.client('kubectl').request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: pod,
    subresource: 'log', query: { container } });
  return String(r.body);
}

/** Runs a command in a pod's container (as `kubectl exec POD -c CONTAINER -- ARGV` does), letting simulated time pass. */
export async function exec(s: Session, podName: string, container: string, argv: string[]): Promise<{ code: number; out: string }> {
  const p = pod(s, podName);
  const inst = s.cluster.nodes.get(p.spec!.nodeName!)!.podState(p.metadata!.uid!)!.latest(container)!;
  let out = '';
  let code = -1;
  void inst.handle.exec(argv, { stdout: (x) => { out += x; }, stderr: (x) => { out += x; } }).then((c) => { code = c; });
  for (let i = 0; i < 600 && code === -1; i++) {
    await new Promise((r) => setImmediate(r));
    if (code === -1) s.cluster.advance(100);
  }
  return { code, out };
}

/** The pod object. */
export function pod(s: Session, name: string, namespace = 'default'): Pod {
  return s.cluster.client('test').get<Pod>(R.pods, namespace, name);
}

/** A long-running client pod (busybox sleeping), for requests from inside the cluster. */
export const CLIENT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sleep", "3600"]
`;
