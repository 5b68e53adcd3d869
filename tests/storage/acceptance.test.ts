// Issue 6 acceptance on the simulated runtime: every seed 004 Part 4/5 manifest (webapp-config,
// db-credentials, database-pvc, database-statefulset, the Deployment with envFrom + secretKeyRef +
// a claim). The containers' environment is what `env` prints inside them, files are read through
// the files API (cluster.storage.files) or `cat` in the container, data is written by mongosh through
// `kubectl exec`.
import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import type { Session } from '../../src/server/session';
import * as seed from '../fixtures';
import { DATABASE_PVC, DB_CREDENTIALS, DB_CREDENTIALS_PLACEHOLDER, WEBAPP_CONFIG, apply, b64, containerState, databaseStatefulSet, env, exec, kubectlExec,
  logs, pod, podsOf, readFile, run, runCode, session, sleep, waitingMessage, webappDeployment } from './harness';

/** seed 004 Part 4: the pod with the ConfigMap as env and the Secret's keys as env (no volume yet). */
const WEBAPP_WITH_DB = seed.WEBAPP_WITH_DB_POD.replace(/    volumeMounts:[\s\S]*$/, '');

const MONGO_URL = 'mongodb://admin:s3cr3t@localhost:27017/shop';

async function mongosh(s: Session, podName: string, container: string, js: string): Promise<string> {
  const r = await kubectlExec(s, podName, container, ['mongosh', MONGO_URL, '--eval', js]);
  expect(r.code).toBe(0);
  return r.out;
}

function claim(s: Session, name: string): PersistentVolumeClaim {
  return s.cluster.client('test').get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', name);
}

describe('seed 004 Part 4/5: ConfigMap and Secret', () => {
  it('the placeholder Secret is rejected as the real API server rejects it; the ConfigMap beside it is created', async () => {
    const s = session();
    const r = await runCode(s, `cat <<'EOF' | kubectl apply -f -\n${WEBAPP_CONFIG}---\n${DB_CREDENTIALS_PLACEHOLDER}EOF`);
    expect(r).toEqual({ exitCode: 1, output: 'configmap/webapp-config created\n' +
      'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0\n' });
    expect(await run(s, 'kubectl get secret db-credentials')).toBe('Error from server (NotFound): secrets "db-credentials" not found\n');
    expect(await run(s, 'kubectl get configmap webapp-config')).toMatch(/^NAME +DATA +AGE\nwebapp-config +2 +\d+s\n$/);
  });

  it('real base64 is stored as given and `get -o yaml` shows it; stringData is folded into data', async () => {
    const s = session();
    expect(await apply(s, DB_CREDENTIALS)).toBe('secret/db-credentials created\n');
    const yaml = await run(s, 'kubectl get secret db-credentials -o yaml');
    expect(yaml).toContain(`data:\n  password: ${b64('s3cr3t')}\n  username: ${b64('admin')}\nkind: Secret\n`);
    expect(yaml).toContain('type: Opaque\n');
    expect(await apply(s, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s2\nstringData:\n  token: abc\n')).toBe('secret/s2 created\n');
    expect(await run(s, "kubectl get secret s2 -o jsonpath='{.data.token}'")).toBe(b64('abc'));
  });

  it('Part 4 pod before its Secret exists: CreateContainerConfigError with the real messages, then it starts by itself', async () => {
    const s = session();
    await apply(s, `${WEBAPP_WITH_DB}---\n${WEBAPP_CONFIG}`);
    await sleep(s, 30);
    expect(await run(s, 'kubectl get pod webapp-with-db')).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nwebapp-with-db +1\/2 +CreateContainerConfigError +0 +30s\n$/);
    let p = pod(s, 'webapp-with-db');
    expect(containerState(p, 'webapp')).toBe('Running');
    expect(containerState(p, 'database')).toBe('CreateContainerConfigError');
    expect(waitingMessage(p, 'database')).toBe('secret "db-credentials" not found');
    expect(await run(s, 'kubectl get events --field-selector reason=Failed -o custom-columns=TYPE:.type,MESSAGE:.message'))
      .toBe('TYPE      MESSAGE\nWarning   Error: secret "db-credentials" not found\n');

    // The Secret appears without the key `password`.
    await run(s, 'kubectl create secret generic db-credentials --from-literal=username=admin');
    await sleep(s, 30);
    p = pod(s, 'webapp-with-db');
    expect(containerState(p, 'database')).toBe('CreateContainerConfigError');
    expect(waitingMessage(p, 'database')).toBe("couldn't find key password in Secret default/db-credentials");

    await run(s, `kubectl patch secret db-credentials -p '{"data":{"password":"${b64('s3cr3t')}"}}'`);
    await sleep(s, 30);
    expect(await run(s, 'kubectl get pod webapp-with-db')).toMatch(/\nwebapp-with-db +2\/2 +Running +0 +90s\n$/);
    const web = await env(s, 'webapp-with-db', 'webapp');
    expect(web.get('WEBAPP_ENV')).toBe('production');
    expect(web.get('DATABASE_URL')).toBe('mongodb://database-service:27017/mydb');
    expect(web.has('MONGO_INITDB_ROOT_USERNAME')).toBe(false);
    const db = await env(s, 'webapp-with-db', 'database');
    expect(db.get('MONGO_INITDB_ROOT_USERNAME')).toBe('admin');
    expect(db.get('MONGO_INITDB_ROOT_PASSWORD')).toBe('s3cr3t');
    expect(db.has('WEBAPP_ENV')).toBe(false);
    // The entrypoint created the root user from them: authentication works with these credentials only.
    expect(await mongosh(s, 'webapp-with-db', 'database', "db.orders.insertOne({item: 'book'})")).toContain('acknowledged: true');
    expect((await exec(s, 'webapp-with-db', 'database', ['mongosh', 'mongodb://admin:wrong@localhost:27017/shop', '--eval', 'db.orders.find()'])).out)
      .toContain('Authentication failed.');
  });

  it('a missing ConfigMap or key: the real messages; optional references start without them', async () => {
    const s = session();
    await apply(s, `apiVersion: v1
kind: Pod
metadata:
  name: cm
spec:
  containers:
  - name: from
    image: busybox:1.36
    command: ["sleep", "3600"]
    envFrom:
    - configMapRef:
        name: webapp-config
  - name: key
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: LOG_LEVEL
      valueFrom:
        configMapKeyRef:
          name: other
          key: LOG_LEVEL
  - name: optional
    image: busybox:1.36
    command: ["sleep", "3600"]
    envFrom:
    - prefix: CFG_
      configMapRef:
        name: webapp-config
        optional: true
    env:
    - name: LOG_LEVEL
      valueFrom:
        configMapKeyRef:
          name: other
          key: LOG_LEVEL
          optional: true
`);
    await sleep(s, 20);
    let p = pod(s, 'cm');
    expect(waitingMessage(p, 'from')).toBe('configmap "webapp-config" not found');
    expect(waitingMessage(p, 'key')).toBe('configmap "other" not found');
    expect(containerState(p, 'optional')).toBe('Running');
    expect((await env(s, 'cm', 'optional')).has('LOG_LEVEL')).toBe(false);

    await apply(s, `${WEBAPP_CONFIG}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  level: debug\n`);
    await sleep(s, 30);
    p = pod(s, 'cm');
    expect(containerState(p, 'from')).toBe('Running');
    expect(waitingMessage(p, 'key')).toBe("couldn't find key LOG_LEVEL in ConfigMap default/other");
    // A running container's environment is fixed when it starts: the optional one never sees the ConfigMap.
    expect((await env(s, 'cm', 'optional')).has('CFG_WEBAPP_ENV')).toBe(false);
    expect((await env(s, 'cm', 'from')).get('WEBAPP_ENV')).toBe('production');
  });
});

describe('seed 004 Part 4/5: the claim and the Deployment', () => {
  it('database-pvc is provisioned as pvc-<uid> on the node and the Deployment mounts it at /data/db', async () => {
    const s = session();
    expect(await apply(s, `${WEBAPP_CONFIG}---\n${DB_CREDENTIALS}---\n${DATABASE_PVC}---\n${webappDeployment()}`)).toBe(
      'configmap/webapp-config created\nsecret/db-credentials created\npersistentvolumeclaim/database-pvc created\ndeployment.apps/webapp-deployment created\n');
    await sleep(s, 60);
    const pvc = claim(s, 'database-pvc');
    const pvName = `pvc-${pvc.metadata!.uid}`;
    expect(pvc.spec!.volumeName).toBe(pvName);
    expect(pvc.status!.phase).toBe('Bound');
    expect(pvc.metadata!.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const pv = s.cluster.client('test').get<PersistentVolume>(R.persistentvolumes, undefined, pvName);
    expect(pv.spec!.hostPath).toEqual({ path: '/tmp/hostpath-provisioner/default/database-pvc', type: '' });
    expect(await run(s, 'kubectl get pvc database-pvc')).toMatch(new RegExp(`\ndatabase-pvc +Bound +${pvName} +1Gi +RWO +standard +<unset> +60s\n$`));

    const pods = podsOf(s, 'app=my-webapp');
    expect(pods.map((p) => containerState(p, 'webapp'))).toEqual(['Running', 'Running', 'Running']);
    // Three mongods on one ReadWriteOnce claim (one node, so all three pods mount it): the first takes
    // the flock on /data/db/mongod.lock, the others exit 100 (DBPathInUse) and crash-loop, as on minikube.
    const running = pods.filter((p) => containerState(p, 'database') === 'Running').map((p) => p.metadata!.name!);
    expect(running).toHaveLength(1);
    const first = running[0];
    for (const p of pods.filter((x) => x.metadata!.name !== first)) {
      expect(['CrashLoopBackOff', 'Error']).toContain(containerState(p, 'database'));
      const log = logs(s, p.metadata!.name!, 'database');
      expect(log).toContain('"msg":"DBException in initAndListen, terminating","attr":{"error":"DBPathInUse: Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory"}}\n');
      expect(p.status!.containerStatuses!.find((c) => c.name === 'database')!.lastState!.terminated).toMatchObject({ exitCode: 100, reason: 'Error' });
    }
    const web = await env(s, first, 'webapp');
    expect([web.get('WEBAPP_ENV'), web.get('DATABASE_URL')]).toEqual(['production', 'mongodb://database-service:27017/mydb']);
    const db = await env(s, first, 'database');
    expect([db.get('MONGO_INITDB_ROOT_USERNAME'), db.get('MONGO_INITDB_ROOT_PASSWORD')]).toEqual(['admin', 's3cr3t']);

    // mongod's files are on the claim: every replica (one node, ReadWriteOnce) and the node's directory show them.
    expect(readFile(s, first, 'database', '/data/db/WiredTiger')).toMatch(/^WiredTiger\n/);
    expect(s.cluster.storage.files.node('minikube').read('tmp/hostpath-provisioner/default/database-pvc/WiredTiger')).toMatch(/^WiredTiger\n/);
    expect(s.cluster.storage.files.persistentVolume(pvName, 'minikube')!.list('')).toContain('storage.bson');
    await mongosh(s, first, 'database', "db.orders.insertOne({item: 'lamp'})");
    expect(s.cluster.storage.files.container({ pod: pods.find((p) => p.metadata!.name !== first)!.metadata!.name!, container: 'webapp' })).toBeDefined();
    // The nginx container mounts nothing at /data/db.
    expect(readFile(s, first, 'webapp', '/data/db/WiredTiger')).toBeUndefined();
    const describe = await run(s, 'kubectl describe pvc database-pvc');
    expect(describe).toContain(`\nUsed By:       ${pods.map((p) => p.metadata!.name).join('\n               ')}\nEvents:`);
  });

  it('the claim outlives the Deployment: a new pod finds the data; deleting the claim deletes the volume and its directory', async () => {
    const s = session();
    await apply(s, `${WEBAPP_CONFIG}---\n${DB_CREDENTIALS}---\n${DATABASE_PVC}---\n${webappDeployment(1)}`);
    await sleep(s, 60);
    const first = podsOf(s, 'app=my-webapp')[0].metadata!.name!;
    await mongosh(s, first, 'database', "db.orders.insertOne({item: 'chair'})");
    await run(s, `kubectl delete pod ${first}`);
    await sleep(s, 30);
    const next = podsOf(s, 'app=my-webapp')[0].metadata!.name!;
    expect(next).not.toBe(first);
    expect(await mongosh(s, next, 'database', 'db.orders.find()')).toContain("item: 'chair'");

    expect(await run(s, 'kubectl delete deployment webapp-deployment')).toBe('deployment.apps "webapp-deployment" deleted\n');
    await sleep(s, 40);
    expect(await run(s, 'kubectl delete pvc database-pvc')).toBe('persistentvolumeclaim "database-pvc" deleted\n');
    await sleep(s, 10);
    expect(await run(s, 'kubectl get pv')).toBe('No resources found\n');
    expect(s.cluster.storage.files.node('minikube').isDir('tmp/hostpath-provisioner/default/database-pvc')).toBe(false);
  });
});

describe('seed 004 Part 5: database-statefulset', () => {
  it('data written by mongo survives deleting the pod: the StatefulSet recreates it on the same claim', async () => {
    const s = session();
    await apply(s, `${DB_CREDENTIALS}---\n${databaseStatefulSet()}`);
    await sleep(s, 60);
    expect(await run(s, 'kubectl get pvc')).toMatch(/\ndatabase-data-database-statefulset-0 +Bound +pvc-[0-9a-f-]{36} +1Gi +RWO +standard +<unset> +60s\n$/);
    const uid = pod(s, 'database-statefulset-0').metadata!.uid;
    expect(await mongosh(s, 'database-statefulset-0', 'database', "db.orders.insertOne({item: 'book'})")).toContain('acknowledged: true');
    expect(await run(s, 'kubectl delete pod database-statefulset-0')).toBe('pod "database-statefulset-0" deleted\n');
    await sleep(s, 30);
    const again = pod(s, 'database-statefulset-0');
    expect(again.metadata!.uid).not.toBe(uid);
    expect(again.spec!.volumes![0]).toEqual({ name: 'database-data', persistentVolumeClaim: { claimName: 'database-data-database-statefulset-0' } });
    expect(containerState(again, 'database')).toBe('Running');
    expect(await mongosh(s, 'database-statefulset-0', 'database', 'db.orders.find()')).toContain("item: 'book'");
  });

  it('claims are kept when the set scales down and when it is deleted (default retention policy)', async () => {
    const s = session();
    await apply(s, `${DB_CREDENTIALS}---\n${databaseStatefulSet(2)}`);
    await sleep(s, 90);
    expect(podsOf(s, 'app=database').map((p) => p.metadata!.name)).toEqual(['database-statefulset-0', 'database-statefulset-1']);
    await mongosh(s, 'database-statefulset-1', 'database', "db.orders.insertOne({item: 'pen'})");
    await run(s, 'kubectl scale statefulset database-statefulset --replicas=1');
    await sleep(s, 30);
    expect(podsOf(s, 'app=database').map((p) => p.metadata!.name)).toEqual(['database-statefulset-0']);
    expect(claim(s, 'database-data-database-statefulset-1').status!.phase).toBe('Bound');
    await run(s, 'kubectl scale statefulset database-statefulset --replicas=2');
    await sleep(s, 40);
    expect(await mongosh(s, 'database-statefulset-1', 'database', 'db.orders.find()')).toContain("item: 'pen'");
    await run(s, 'kubectl delete statefulset database-statefulset');
    await sleep(s, 30);
    expect(podsOf(s, 'app=database')).toEqual([]);
    expect(await run(s, 'kubectl get pvc -o name')).toBe(
      'persistentvolumeclaim/database-data-database-statefulset-0\npersistentvolumeclaim/database-data-database-statefulset-1\n');
  });

  it('as printed, the seed mounts no volume: the claim is Bound but mongo writes into the container, and a new pod starts empty', async () => {
    const s = session();
    await apply(s, `${DB_CREDENTIALS}---\n${databaseStatefulSet(1, false)}`);
    await sleep(s, 60);
    expect(claim(s, 'database-data-database-statefulset-0').status!.phase).toBe('Bound');
    expect(pod(s, 'database-statefulset-0').spec!.volumes!.map((v) => v.name)).toContain('database-data');
    await mongosh(s, 'database-statefulset-0', 'database', "db.orders.insertOne({item: 'book'})");
    await run(s, 'kubectl delete pod database-statefulset-0');
    await sleep(s, 30);
    expect(await mongosh(s, 'database-statefulset-0', 'database', 'db.orders.find()')).toBe('[]\n');
  });

  it('an emptyDir loses the data with the pod', async () => {
    const s = session();
    await apply(s, `${DB_CREDENTIALS}---\n${databaseStatefulSet(1)}`.replace(/  volumeClaimTemplates:[\s\S]*$/, `      volumes:
      - name: database-data
        emptyDir: {}
`));
    await sleep(s, 60);
    await mongosh(s, 'database-statefulset-0', 'database', "db.orders.insertOne({item: 'book'})");
    expect(readFile(s, 'database-statefulset-0', 'database', '/data/db/WiredTiger')).toMatch(/^WiredTiger/);
    await run(s, 'kubectl delete pod database-statefulset-0');
    await sleep(s, 30);
    expect(containerState(pod(s, 'database-statefulset-0'), 'database')).toBe('Running');
    expect(await mongosh(s, 'database-statefulset-0', 'database', 'db.orders.find()')).toBe('[]\n');
  });
});

describe('configMap and secret volumes', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata:
  name: cfg
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    envFrom:
    - configMapRef:
        name: webapp-config
    volumeMounts:
    - name: config
      mountPath: /etc/config
    - name: config
      mountPath: /etc/env
      subPath: WEBAPP_ENV
    - name: one
      mountPath: /etc/one
    - name: creds
      mountPath: /etc/creds
      readOnly: true
  volumes:
  - name: config
    configMap:
      name: webapp-config
  - name: one
    configMap:
      name: webapp-config
      items:
      - key: DATABASE_URL
        path: db/url
  - name: creds
    secret:
      secretName: db-credentials
      defaultMode: 0400
`;

  it('keys are files (items pick and rename, secrets are decoded); an update reaches the files after the kubelet sync, not env or subPath', async () => {
    const s = session();
    await apply(s, `${WEBAPP_CONFIG}---\n${DB_CREDENTIALS}---\n${POD}`);
    await sleep(s, 20);
    const cat = async (path: string) => (await exec(s, 'cfg', 'c', ['cat', path])).out;
    expect(await cat('/etc/config/WEBAPP_ENV')).toBe('production');
    expect(await cat('/etc/config/DATABASE_URL')).toBe('mongodb://database-service:27017/mydb');
    expect(await cat('/etc/env')).toBe('production');
    expect(await cat('/etc/one/db/url')).toBe('mongodb://database-service:27017/mydb');
    expect((await exec(s, 'cfg', 'c', ['ls', '/etc/one'])).out).toBe('db\n');
    expect(await cat('/etc/creds/username')).toBe('admin');
    expect(await cat('/etc/creds/password')).toBe('s3cr3t');
    expect(await exec(s, 'cfg', 'c', ['sh', '-c', 'echo x > /etc/creds/username'])).toEqual({ code: 1, out: 'sh: can\'t create /etc/creds/username: Read-only file system\n' });
    // The atomic writer's layout: keys are links into ..data, the current timestamped directory.
    const listing = (await exec(s, 'cfg', 'c', ['ls', '-la', '/etc/config'])).out.split('\n');
    const dir = /(\.\.2025_01_15_09_00_\d\d\.\d+)$/.exec(listing[2])![1];
    expect(listing.map((l) => l.replace(/ +\d+ Jan 15 09:\d\d /, ' '))).toEqual([
      'drwxrwxrwx    2 root     root ' + '.', 'drwxr-xr-x    2 root     root ' + '..', `drwxr-xr-x    2 root     root ${dir}`,
      `lrwxrwxrwx    1 root     root ..data -> ${dir}`, 'lrwxrwxrwx    1 root     root DATABASE_URL -> ..data/DATABASE_URL',
      'lrwxrwxrwx    1 root     root WEBAPP_ENV -> ..data/WEBAPP_ENV', '']);
    // defaultMode 0400 on the files; a secret volume is a tmpfs (1777 root).
    expect((await exec(s, 'cfg', 'c', ['ls', '-l', '/etc/creds/..data/'])).out).toMatch(/^-r-------- +1 root +root +6 .* password\n-r-------- +1 root +root +5 .* username\n$/);
    expect((await exec(s, 'cfg', 'c', ['ls', '-ld', '/etc/creds'])).out).toMatch(/^drwxrwxrwt /);
    expect((await exec(s, 'cfg', 'c', ['ls', '/etc/config'])).out).toBe('DATABASE_URL\nWEBAPP_ENV\n');

    await run(s, `kubectl patch configmap webapp-config -p '{"data":{"WEBAPP_ENV":"staging"}}'`);
    await sleep(s, 5);
    expect(await cat('/etc/config/WEBAPP_ENV')).toBe('production');
    // The pod worker's periodic sync (1m plus up to half of it in jitter) rewrites the volume.
    await sleep(s, 90);
    expect(await cat('/etc/config/WEBAPP_ENV')).toBe('staging');
    const after = (await exec(s, 'cfg', 'c', ['ls', '-a', '/etc/config'])).out.split('\n');
    expect(after[2]).toMatch(/^\.\.2025_01_15_09_0[12]_\d\d\.\d+$/);
    expect(after.slice(3)).toEqual(['..data', 'DATABASE_URL', 'WEBAPP_ENV', '']);
    expect(await cat('/etc/env')).toBe('production');
    expect((await env(s, 'cfg', 'c')).get('WEBAPP_ENV')).toBe('production');
  });
});

/** Env from the downward API, a downwardAPI volume and a hostPath, on the second node. */
const DOWNWARD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: dw
  labels:
    app: web
    tier: front
  annotations:
    owner: me
spec:
  nodeName: minikube-m02
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        memory: 128Mi
    env:
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: CPU_REQ
      valueFrom:
        resourceFieldRef:
          resource: requests.cpu
          divisor: 1m
    - name: MEM_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
    - name: COMPOSED
      value: "$(POD_NAME)-x"
    volumeMounts:
    - name: info
      mountPath: /etc/podinfo
    - name: host
      mountPath: /host
  volumes:
  - name: info
    downwardAPI:
      items:
      - path: labels
        fieldRef:
          fieldPath: metadata.labels
      - path: annotations
        fieldRef:
          fieldPath: metadata.annotations
      - path: mem
        resourceFieldRef:
          containerName: c
          resource: limits.memory
          divisor: 1Mi
  - name: host
    hostPath:
      path: /var/data
      type: DirectoryOrCreate
`;

describe('downward API and hostPath', () => {
  it('fieldRef and resourceFieldRef env, downwardAPI files, $(VAR) expansion; a hostPath lives on the pod\'s node', async () => {
    const s = session(7, 2);
    await apply(s, DOWNWARD_POD);
    await sleep(s, 20);
    const e = await env(s, 'dw', 'c');
    const ip = pod(s, 'dw').status!.podIP!;
    expect(['POD_NAME', 'POD_IP', 'NODE', 'CPU_REQ', 'MEM_LIMIT', 'CPU_LIMIT', 'COMPOSED'].map((k) => `${k}=${e.get(k)}`)).toEqual([
      'POD_NAME=dw', `POD_IP=${ip}`, 'NODE=minikube-m02', 'CPU_REQ=250', 'MEM_LIMIT=134217728',
      // No CPU limit: the node's allocatable CPU.
      'CPU_LIMIT=2', 'COMPOSED=dw-x']);
    const cat = async (path: string) => (await exec(s, 'dw', 'c', ['cat', path])).out;
    expect(await cat('/etc/podinfo/labels')).toBe('app="web"\ntier="front"');
    expect(await cat('/etc/podinfo/annotations')).toMatch(/^kubectl\.kubernetes\.io\/last-applied-configuration="\{.*\}\\n"\nowner="me"$/);
    expect(await cat('/etc/podinfo/mem')).toBe('128');
    expect((await exec(s, 'dw', 'c', ['sh', '-c', 'echo hi > /host/f'])).code).toBe(0);
    expect(s.cluster.storage.files.node('minikube-m02').read('var/data/f')).toBe('hi\n');
    expect(s.cluster.storage.files.node('minikube').read('var/data/f')).toBeUndefined();
  });
});

describe('envFrom with a prefix, and an emptyDir shared by two containers', () => {
  it('prefixed ConfigMap keys and Secret keys as env; what one container writes the other reads; a new pod starts empty', async () => {
    const s = session();
    await apply(s, `${WEBAPP_CONFIG}---\n${DB_CREDENTIALS}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: pair
spec:
  replicas: 1
  selector:
    matchLabels:
      app: pair
  template:
    metadata:
      labels:
        app: pair
    spec:
      containers:
      - name: writer
        image: busybox:1.36
        command: ["sleep", "3600"]
        envFrom:
        - prefix: CFG_
          configMapRef:
            name: webapp-config
        - secretRef:
            name: db-credentials
        volumeMounts:
        - name: shared
          mountPath: /out
      - name: reader
        image: busybox:1.36
        command: ["sleep", "3600"]
        volumeMounts:
        - name: shared
          mountPath: /in
      volumes:
      - name: shared
        emptyDir: {}
`);
    await sleep(s, 20);
    const name = podsOf(s, 'app=pair')[0].metadata!.name!;
    const e = await env(s, name, 'writer');
    expect([e.get('CFG_WEBAPP_ENV'), e.get('CFG_DATABASE_URL'), e.get('username'), e.get('password'), e.has('WEBAPP_ENV')])
      .toEqual(['production', 'mongodb://database-service:27017/mydb', 'admin', 's3cr3t', false]);
    expect(await kubectlExec(s, name, 'writer', ['sh', '-c', 'echo hello > /out/msg'])).toEqual({ code: 0, out: '' });
    expect(await kubectlExec(s, name, 'reader', ['cat', '/in/msg'])).toEqual({ code: 0, out: 'hello\n' });
    expect((await kubectlExec(s, name, 'reader', ['ls', '-ld', '/in'])).out).toMatch(/^drwxrwxrwx /);
    await run(s, `kubectl delete pod ${name}`);
    await sleep(s, 20);
    const next = podsOf(s, 'app=pair').find((p) => p.metadata!.name !== name)!.metadata!.name!;
    expect(await kubectlExec(s, next, 'reader', ['ls', '/in'])).toEqual({ code: 0, out: '' });
  });
});

