// Scenario helpers for the network: a session (cluster + learner's shell) with the seed's manifests,
// pod-to-Service requests, and which runtime the nodes run (the stand-in FakeRuntime answers "ok";
// the real one serves nginx's welcome page and writes access-log lines).
import { expect } from 'vitest';
import { FakeRuntime } from '../../src/engine/kubelet/testing';
import type { NetworkResponse } from '../../src/engine/network';
import type { Session } from '../../src/server/session';
import { apply, exec, logs, pod, run, session } from '../fixtures/session';

export { apply, exec, logs, pod, run, session };

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

/** The StatefulSet example of the Kubernetes docs (a headless Service named in serviceName), on nginx:1.27. */
export const WEB_STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: web
`;
