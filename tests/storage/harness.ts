// Scenario helpers for configuration and storage: a session on the simulated runtime (system pods
// up, as after `minikube start`), the seed 004 Part 4/5 manifests with real base64, commands run in
// containers as `kubectl exec` runs them, and the files API (cluster.storage.files).
import { expect } from 'vitest';
import type { Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { Session } from '../../src/server/session';

/** A session on a fresh seeded cluster on the simulated runtime. */
export function session(seed = 7, nodes = 1): Session {
  return new Session({ seed, nodes, runtime: 'sim' });
}

/** Runs a command line; returns its output. */
export async function run(s: Session, line: string): Promise<string> {
  return (await s.run(line)).output;
}

/** Runs a command line; returns its output and exit code. */
export async function runCode(s: Session, line: string): Promise<{ output: string; exitCode: number }> {
  return s.run(line);
}

/** Applies a manifest through kubectl. */
export async function apply(s: Session, yaml: string): Promise<string> {
  return run(s, `cat <<'EOF' | kubectl apply -f -\n${yaml}EOF`);
}

/** Lets simulated time pass (seconds). */
export async function sleep(s: Session, seconds: number): Promise<void> {
  await run(s, `sleep ${seconds}`);
}

/** The pod object (throws when missing). */
export function pod(s: Session, name: string, namespace = 'default'): Pod {
  return s.cluster.client('test').get<Pod>(R.pods, namespace, name);
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

/** pods/log of a container (what `kubectl logs POD -c CONTAINER` prints). */
export function logs(s: Session, pod: string, container: string, namespace = 'default'): string {
  const r = s.cluster.client('kubectl').request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name: pod,
    subresource: 'log', query: { container } });
  return String(r.body);
}

/** Runs a command in a pod's container (as `kubectl exec POD -c CONTAINER -- ARGV`), letting simulated time pass. */
export async function exec(s: Session, podName: string, container: string, argv: string[], namespace = 'default'): Promise<{ code: number; out: string }> {
  const p = pod(s, podName, namespace);
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
export const WEBAPP_CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  WEBAPP_ENV: "production"
  DATABASE_URL: "mongodb://database-service:27017/mydb"
`;

/** seed 004 Part 4: the Secret as printed (placeholders the API server rejects). */
export const DB_CREDENTIALS_PLACEHOLDER = `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: <base64-encoded-username>
  password: <base64-encoded-password>
`;

/** The Secret with real base64 (admin / s3cr3t). */
export const DB_CREDENTIALS = `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: ${b64('admin')}
  password: ${b64('s3cr3t')}
`;

/** seed 004 Part 4: the claim. */
export const DATABASE_PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: database-pvc
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`;

const DB_ENV = `        env:
        - name: MONGO_INITDB_ROOT_USERNAME
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: username
        - name: MONGO_INITDB_ROOT_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: password
`;

/** seed 004 Part 4/5: the Deployment (envFrom the ConfigMap, secretKeyRef, the claim at /data/db). */
export function webappDeployment(replicas = 3): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: webapp-deployment
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: my-webapp
  template:
    metadata:
      labels:
        app: my-webapp
    spec:
      containers:
      - name: webapp
        image: nginx:latest
        ports:
        - containerPort: 80
        envFrom:
        - configMapRef:
            name: webapp-config
      - name: database
        image: mongo:latest
${DB_ENV}        volumeMounts:
        - name: db-data
          mountPath: /data/db
      volumes:
      - name: db-data
        persistentVolumeClaim:
          claimName: database-pvc
`;
}

/** seed 004 Part 4/5: the StatefulSet with its volumeClaimTemplate (the seed mounts nothing; `mount` adds /data/db). */
export function databaseStatefulSet(replicas = 1, mount = true): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: database-statefulset
spec:
  serviceName: database
  replicas: ${replicas}
  selector:
    matchLabels:
      app: database
  template:
    metadata:
      labels:
        app: database
    spec:
      containers:
      - name: database
        image: mongo:latest
${DB_ENV}${mount ? `        volumeMounts:
        - name: database-data
          mountPath: /data/db
` : ''}  volumeClaimTemplates:
  - metadata:
      name: database-data
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;
}
