// The "Failover demo" preset: a fresh 3-node cluster with sped-up failure detection, a Deployment of
// 6 nginx pods behind a Service, and nothing else. The instructor stops a node; about 10 simulated
// seconds later the node turns NotReady, 30 seconds after that its pods are evicted and the
// ReplicaSet recreates them on the other two nodes.
import type { DemoTimings, Speed } from '../../../worker';
import { HOME } from '../../../worker';

/** The demo's cluster size. */
export const FAILOVER_NODES = 3;

/** The demo's speed (simulated seconds per wall second). */
export const FAILOVER_SPEED: Speed = 10;

/**
 * Node failure detection in seconds instead of minutes: --node-monitor-grace-period 10s (v1.32: 40s),
 * --default-unreachable-toleration-seconds 30 (v1.32: 300).
 */
export const FAILOVER_TIMINGS: DemoTimings = { nodeMonitorGracePeriodMs: 10_000, podEvictionTolerationSeconds: 30 };

/** Where the demo's manifest is written. */
export const FAILOVER_FILE = `${HOME}/failover-demo.yaml`;

/** The demo's manifest. */
export const FAILOVER_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 6
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

/** minikube's node names for the demo's nodes ("minikube", "minikube-m02", …). */
export function failoverNodeNames(n = FAILOVER_NODES): string[] {
  return Array.from({ length: n }, (_, i) => (i ? `minikube-m${String(i + 1).padStart(2, '0')}` : 'minikube'));
}

/**
 * What the terminal prints when the demo's cluster boots: what was set up and how to run the demo
 * (ANSI: bold title, dim details; the prompt and the manifest's apply follow).
 */
export function failoverBanner(): string {
  const grace = (FAILOVER_TIMINGS.nodeMonitorGracePeriodMs ?? 40_000) / 1000;
  const evict = FAILOVER_TIMINGS.podEvictionTolerationSeconds ?? 300;
  const file = FAILOVER_FILE.replace(HOME, '~');
  return [
    '\x1b[1mFailover demo\x1b[0m \u00b7 a fresh cluster was set up (your files were kept):',
    `  \u2022 ${FAILOVER_NODES} nodes: ${failoverNodeNames().join(', ')}`,
    `  \u2022 Deployment web: 6 nginx pods behind Service web (${file}, applied below)`,
    `  \u2022 Node failure sped up: NotReady ${grace} s after its kubelet stops (default 40 s), its pods evicted ${evict} s later (default 300 s)`,
    '\x1b[2mStop a node in the Cluster pane (click it, then \u201cStop node\u201d) and watch its pods move to the others.\x1b[0m',
  ].join('\n');
}
