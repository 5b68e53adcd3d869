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
