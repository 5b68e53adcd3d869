// Issue 4 acceptance, end to end on the whole Cluster with the simulated runtime (the default):
// one `it` per bullet, kubectl through the learner's shell, simulated time only, exact texts.
import { describe, expect, it } from 'vitest';
import type { Deployment, Node, PersistentVolumeClaim, Pod, ReplicaSet } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { HELLO_CRONJOB, Scenario, TWO_CONTAINER_POD, containerStartEvents, manifest, pulledShape } from './acceptance-harness';

const NGINX_LATEST = 192094371;
const MONGO_LATEST = 855039695;

const ready = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

describe('issue 4 acceptance (simulated runtime)', () => {
  it('seed Deployment of 3 (nginx + mongo, ConfigMap, Secret, PVC): 1/3 available (one mongod per data directory), events in order', async () => {
    const sc = new Scenario();
    for (const f of ['webapp-config.yaml', 'db-credentials-secret.yaml', 'database-pvc.yaml']) await sc.apply(manifest(f));
    expect(await sc.apply(manifest('webapp-deployment.yaml'))).toBe('deployment.apps/webapp-deployment created\n');
    await sc.sleep(60);
    // The three pods share one ReadWriteOnce claim on the one node: the first mongod takes the flock on
    // /data/db/mongod.lock, the other two exit 100 (DBPathInUse) and crash-loop, as on minikube.
    expect(await sc.sh('kubectl get deploy webapp-deployment')).toBe(
      'NAME                READY   UP-TO-DATE   AVAILABLE   AGE\nwebapp-deployment   1/3     3            1           60s\n');
    const rs = 'webapp-deployment-5fdb9875f8';
    expect(sc.eventsOf('Deployment/webapp-deployment')).toEqual([`Normal ScalingReplicaSet: Scaled up replica set ${rs} from 0 to 3`]);
    const pods = sc.pods();
    expect(pods.map((p) => p.metadata!.name!.slice(0, rs.length + 1))).toEqual([`${rs}-`, `${rs}-`, `${rs}-`]);
    expect(sc.eventsOf(`ReplicaSet/${rs}`).sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate: Created pod: ${p.metadata!.name}`).sort());
    const started = (name: string) => [`Normal Scheduled: Successfully assigned default/${name} to minikube`,
      ...containerStartEvents('nginx:latest', 'webapp', NGINX_LATEST), ...containerStartEvents('mongo:latest', 'database', MONGO_LATEST)];
    const statuses = pods.map((p) => p.status!.containerStatuses!.map((c) => `${c.name} ${c.ready} ${c.restartCount > 0 ? 'restarted' : 0}`).join(', ')).sort();
    expect(statuses).toEqual(['database false restarted, webapp true 0', 'database false restarted, webapp true 0', 'database true 0, webapp true 0']);
    for (const p of pods) {
      const name = p.metadata!.name!;
      const events = sc.eventsOf(`Pod/${name}`).map(pulledShape);
      expect(p.status!.phase).toBe('Running');
      if (p.status!.containerStatuses!.every((c) => c.ready)) expect(events).toEqual(started(name));
      else {
        expect(events.slice(0, started(name).length)).toEqual(started(name));
        expect(events).toContain(`Warning BackOff: Back-off restarting failed container database in pod ${name}_default(${p.metadata!.uid})`);
      }
    }
    const d = sc.s.cluster.client('t').get<Deployment>(R.deployments, 'default', 'webapp-deployment');
    expect(d.status!.conditions!.map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'Available False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
      `Progressing True ReplicaSetUpdated: ReplicaSet "${rs}" is progressing.`]);
  });

  it('seed StatefulSet with a PVC template: claim database-data-database-statefulset-0 bound, pod Running, events in order', async () => {
    const sc = new Scenario();
    await sc.apply(manifest('db-credentials-secret.yaml'));
    await sc.apply(manifest('database-statefulset.yaml'));
    await sc.sleep(60);
    expect(await sc.sh('kubectl get sts,pods')).toBe(
      'NAME                                    READY   AGE\nstatefulset.apps/database-statefulset   1/1     60s\n\n' +
      'NAME                         READY   STATUS    RESTARTS   AGE\npod/database-statefulset-0   1/1     Running   0          60s\n');
    const claim = 'database-data-database-statefulset-0';
    expect(sc.eventsOf('StatefulSet/database-statefulset')).toEqual([
      `Normal SuccessfulCreate: create Claim ${claim} Pod database-statefulset-0 in StatefulSet database-statefulset success`,
      'Normal SuccessfulCreate: create Pod database-statefulset-0 in StatefulSet database-statefulset successful']);
    const pvc = sc.s.cluster.client('t').get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', claim);
    expect(pvc.status!.phase).toBe('Bound');
    const pv = pvc.spec!.volumeName!;
    expect(sc.eventsOf(`PersistentVolumeClaim/${claim}`)).toEqual([
      "Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      `Normal Provisioning: External provisioner is provisioning volume for claim "default/${claim}"`,
      `Normal ProvisioningSucceeded: Successfully provisioned volume ${pv}`]);
    // The claim is not bound yet when the pod is first tried (minikube's class binds Immediately).
    expect(sc.eventsOf('Pod/database-statefulset-0').map(pulledShape)).toEqual([
      'Warning FailedScheduling: 0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      'Normal Scheduled: Successfully assigned default/database-statefulset-0 to minikube',
      ...containerStartEvents('mongo:latest', 'database', MONGO_LATEST)]);
  });

  it('seed CronJob hello: a Job every simulated minute named hello-<minutes>, the date and the greeting logged, 3 kept', async () => {
    const sc = new Scenario();
    await sc.apply(HELLO_CRONJOB);
    await sc.sleep(250);
    const out = await sc.sh('kubectl get cronjob,jobs');
    expect(out).toBe('NAME                  SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
      'cronjob.batch/hello   * * * * *   <none>     False     0        20s             4m10s\n\n' +
      'NAME                       STATUS     COMPLETIONS   DURATION   AGE\n' +
      'job.batch/hello-28948862   Complete   1/1           1s         2m20s\n' +
      'job.batch/hello-28948863   Complete   1/1           1s         80s\n' +
      'job.batch/hello-28948864   Complete   1/1           1s         20s\n');
    expect(sc.eventsOf('CronJob/hello')).toEqual([
      'Normal SuccessfulCreate: Created job hello-28948861', 'Normal SawCompletedJob: Saw completed job: hello-28948861, condition: Complete',
      'Normal SuccessfulCreate: Created job hello-28948862', 'Normal SawCompletedJob: Saw completed job: hello-28948862, condition: Complete',
      'Normal SuccessfulCreate: Created job hello-28948863', 'Normal SawCompletedJob: Saw completed job: hello-28948863, condition: Complete',
      'Normal SuccessfulCreate: Created job hello-28948864', 'Normal SuccessfulDelete: Deleted job hello-28948861',
      'Normal SawCompletedJob: Saw completed job: hello-28948864, condition: Complete']);
    const [first, second] = sc.log.filter((e) => e.object.startsWith('Pod/hello-28948861-') || e.object.startsWith('Pod/hello-28948862-'))
      .map((e) => e.object).filter((o, i, a) => a.indexOf(o) === i);
    // The first pod pulls busybox:1.28; the next ones find it on the node (imagePullPolicy IfNotPresent).
    expect(sc.eventsOf(first).map(pulledShape)).toEqual([`Normal Scheduled: Successfully assigned default/${first.slice(4)} to minikube`,
      ...containerStartEvents('busybox:1.28', 'hello', 1182713)]);
    expect(sc.eventsOf(second)).toEqual([`Normal Scheduled: Successfully assigned default/${second.slice(4)} to minikube`,
      'Normal Pulled: Container image "busybox:1.28" already present on machine', 'Normal Created: Created container: hello',
      'Normal Started: Started container hello']);
    expect(sc.eventsOf('Job/hello-28948862')).toEqual([`Normal SuccessfulCreate: Created pod: ${second.slice(4)}`, 'Normal Completed: Job completed']);
    expect(await sc.sh(`kubectl logs ${second.slice(4)}`)).toBe('Wed Jan 15 09:02:00 UTC 2025\nHello from the Kubernetes cluster\n');
  });

  it('seed Pod with two containers: 2/2 Running, each image pulled then started in turn, nginx and mongo logging', async () => {
    const sc = new Scenario();
    expect(await sc.apply(TWO_CONTAINER_POD)).toBe('pod/webapp-with-db created\n');
    await sc.sleep(30);
    expect(await sc.sh('kubectl get pods')).toBe('NAME             READY   STATUS    RESTARTS   AGE\nwebapp-with-db   2/2     Running   0          30s\n');
    expect(sc.eventsOf('Pod/webapp-with-db').map(pulledShape)).toEqual(['Normal Scheduled: Successfully assigned default/webapp-with-db to minikube',
      ...containerStartEvents('nginx:latest', 'webapp', NGINX_LATEST), ...containerStartEvents('mongo:latest', 'database', MONGO_LATEST)]);
    const nginx = await sc.sh('kubectl logs webapp-with-db -c webapp');
    expect(nginx.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(nginx).toContain('[notice] 1#1: nginx/1.27.3\n');
    const mongo = await sc.sh('kubectl logs webapp-with-db -c database');
    expect(mongo.split('\n')[0]).toMatch(/^\{"t":\{"\$date":"2025-01-15T09:00:\d\d\.\d{3}\+00:00"\},"s":"I", {2}"c":"CONTROL", {2}"id":23285,/);
  });

  it('rolling update nginx:1.25 → nginx:1.26 with 10 replicas: never fewer than 8 available nor more than 13 pods, at every clock step', async () => {
    const sc = new Scenario({ nodes: 2 });
    await sc.sh('kubectl create deployment web --image=nginx:1.25 --replicas=10');
    expect(await sc.sh('kubectl rollout status deployment/web --timeout=5m')).toMatch(/deployment "web" successfully rolled out\n$/);
    expect(await sc.sh('kubectl set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    const c = sc.s.cluster.client('t');
    const clock = sc.s.cluster.clock;
    let minAvailable = Infinity, maxPods = 0, minReadyPods = Infinity, steps = 0;
    const done = () => {
      const d = c.get<Deployment>(R.deployments, 'default', 'web');
      return d.status!.observedGeneration === d.metadata!.generation && d.status!.updatedReplicas === 10
        && d.status!.availableReplicas === 10 && d.status!.replicas === 10;
    };
    while (!done()) {
      expect(clock.nextDue()).toBeDefined();
      clock.step();
      steps++;
      const d = c.get<Deployment>(R.deployments, 'default', 'web');
      const live = sc.pods('app=web').filter((p) => !p.metadata!.deletionTimestamp);
      minAvailable = Math.min(minAvailable, d.status!.availableReplicas ?? 0);
      minReadyPods = Math.min(minReadyPods, live.filter(ready).length);
      maxPods = Math.max(maxPods, live.length);
    }
    expect(steps).toBeGreaterThan(10);
    expect(minAvailable).toBeGreaterThanOrEqual(8);
    expect(minReadyPods).toBeGreaterThanOrEqual(8);
    expect(maxPods).toBeLessThanOrEqual(13);
    expect(sc.pods('app=web').filter((p) => !p.metadata!.deletionTimestamp).map((p) => p.spec!.containers[0].image)).toEqual(Array(10).fill('nginx:1.26'));
    // maxSurge 25% (3) and maxUnavailable 25% (2) of 10: the first step scales up by 3 and down by 2.
    const scaling = sc.eventsOf('Deployment/web');
    expect(scaling[0]).toMatch(/^Normal ScalingReplicaSet: Scaled up replica set web-[a-z0-9]+ from 0 to 10$/);
    expect(scaling[1]).toMatch(/^Normal ScalingReplicaSet: Scaled up replica set web-[a-z0-9]+ from 0 to 3$/);
    expect(scaling[2]).toMatch(/^Normal ScalingReplicaSet: Scaled down replica set web-[a-z0-9]+ from 10 to 8$/);
    // From the 10th similar event on, the recorder combines them (client-go EventAggregator, maxEvents 10).
    expect(scaling[9]).toMatch(/^Normal ScalingReplicaSet: \(combined from similar events\): Scaled (up|down) replica set web-/);
    expect(c.list<ReplicaSet>(R.replicasets, 'default').items.map((r) => `${r.spec!.template!.spec!.containers[0].image} ${r.spec!.replicas}`).sort())
      .toEqual(['nginx:1.25 0', 'nginx:1.26 10']);
  });

  it('kubectl rollout undo returns to the old ReplicaSet (scaled back up, no new one, revision 3)', async () => {
    const sc = new Scenario();
    await sc.sh('kubectl create deployment web --image=nginx:1.25 --replicas=3');
    await sc.sh('kubectl rollout status deployment/web');
    const c = sc.s.cluster.client('t');
    const oldRS = c.list<ReplicaSet>(R.replicasets, 'default').items[0].metadata!.name!;
    await sc.sh('kubectl set image deployment/web nginx=nginx:1.26');
    await sc.sh('kubectl rollout status deployment/web');
    const rsNames = () => c.list<ReplicaSet>(R.replicasets, 'default').items.map((r) => r.metadata!.name!).sort();
    const both = rsNames();
    expect(both).toHaveLength(2);
    const newRS = both.find((n) => n !== oldRS)!;
    expect(await sc.sh('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(await sc.sh('kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
    expect(await sc.sh('kubectl rollout status deployment/web')).toMatch(/deployment "web" successfully rolled out\n$/);
    expect(rsNames()).toEqual(both);
    const rs = (n: string) => c.get<ReplicaSet>(R.replicasets, 'default', n);
    expect([rs(oldRS).spec!.replicas, rs(newRS).spec!.replicas]).toEqual([3, 0]);
    expect(rs(oldRS).metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(sc.pods('app=web').filter((p) => !p.metadata!.deletionTimestamp).map((p) => `${p.metadata!.labels!['pod-template-hash']} ${p.spec!.containers[0].image}`))
      .toEqual(Array(3).fill(`${oldRS.slice(4)} nginx:1.25`));
    // apps/v1 has no server-side rollback (no DeploymentRollback event): kubectl patches the old template back.
    expect(sc.eventsOf('Deployment/web').slice(7, 9)).toEqual([`Normal ScalingReplicaSet: Scaled up replica set ${oldRS} from 0 to 1`,
      `Normal ScalingReplicaSet: Scaled down replica set ${newRS} from 3 to 2`]);
    expect(await sc.sh('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  it('a crashing container: CrashLoopBackOff with restarts, back-off 10/20/40/80/160/300 s', async () => {
    const sc = new Scenario();
    expect(await sc.sh('kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"')).toBe('pod/crash created\n');
    const c = sc.s.cluster.client('t');
    const waiting: string[] = [];
    const starts: number[] = [];
    for (let i = 0; i < 16 * 60; i++) {
      sc.s.cluster.advance(1000);
      const st = c.get<Pod>(R.pods, 'default', 'crash').status!.containerStatuses![0];
      const msg = st.state?.waiting?.message;
      if (msg && waiting[waiting.length - 1] !== msg) waiting.push(msg);
      const started = st.state?.running?.startedAt ?? st.state?.terminated?.startedAt;
      if (started && !starts.includes(Date.parse(started))) starts.push(Date.parse(started));
    }
    const uid = c.get<Pod>(R.pods, 'default', 'crash').metadata!.uid;
    expect(waiting).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'].map((d) => `back-off ${d} restarting failed container=crash pod=crash_default(${uid})`));
    // The first restart is immediate (no back-off entry yet); each later one waits its back-off after
    // the previous run (runs last well under a second): kuberuntime_manager.go doBackOff.
    const gaps = starts.slice(1).map((t, i) => (t - starts[i]) / 1000);
    expect(gaps[0]).toBeLessThanOrEqual(2);
    const late = gaps.slice(1, 8).map((g, i) => g - [10, 20, 40, 80, 160, 300, 300][i]);
    expect(late.every((x) => x >= 0 && x <= 2)).toBe(true);
    expect(await sc.sh('kubectl get pod crash')).toBe('NAME    READY   STATUS             RESTARTS      AGE\ncrash   0/1     CrashLoopBackOff   8 (49s ago)   16m\n');
    expect(await sc.sh('kubectl logs crash')).toBe('starting\n');
    expect(await sc.sh('kubectl logs crash --previous')).toBe('starting\n');
    expect(sc.eventsOf('Pod/crash')).toContain(`Warning BackOff: Back-off restarting failed container crash in pod crash_default(${uid})`);
  });

  it('a pod requesting more CPU than any node stays Pending with the exact FailedScheduling text', async () => {
    const sc = new Scenario({ nodes: 3 });
    await sc.apply(`apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: big
    image: nginx:1.25
    resources:
      requests:
        cpu: "8"
`);
    await sc.sleep(400);
    const text = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(await sc.sh('kubectl get pod big')).toBe('NAME   READY   STATUS    RESTARTS   AGE\nbig    0/1     Pending   0          6m40s\n');
    // Retried at the 5-minute flush of unschedulable pods: the scheduler's events.k8s.io recorder keys
    // events by the pod reference including its resourceVersion, which the first PodScheduled=False
    // status write changed, so the retry writes a second event (as `kubectl describe` shows on real clusters).
    expect(sc.eventsOf('Pod/big')).toEqual([`Warning FailedScheduling: ${text}`, `Warning FailedScheduling: ${text}`]);
    const cond = sc.s.cluster.client('t').get<Pod>(R.pods, 'default', 'big').status!.conditions!;
    expect(cond.map((x) => `${x.type} ${x.status} ${x.reason}: ${x.message}`)).toEqual([`PodScheduled False Unschedulable: ${text}`]);
  });

  it('stopping one of three nodes: NotReady after 40 s, unreachable taints, its Deployment pods evicted after 300 s and recreated elsewhere', async () => {
    const sc = new Scenario({ nodes: 3 });
    await sc.sh('kubectl create deployment web --image=nginx:1.25 --replicas=6');
    await sc.sh('kubectl rollout status deployment/web');
    const c = sc.s.cluster.client('t');
    const onNode = (n: string) => sc.pods('app=web').filter((p) => p.spec!.nodeName === n);
    const victims = onNode('minikube-m02').map((p) => p.metadata!.name!);
    expect(victims.length).toBeGreaterThan(0);
    sc.s.cluster.stopNode('minikube-m02');
    expect(sc.s.cluster.stoppedNodes()).toEqual(['minikube-m02']);
    const readyOf = () => c.get<Node>(R.nodes, undefined, 'minikube-m02').status!.conditions!.find((x) => x.type === 'Ready')!;
    await sc.sleep(30);
    expect(readyOf().status).toBe('True');
    // The grace period counts from the last heartbeat, whose phase follows the node's join time.
    for (let s = 30; s < 50 && readyOf().status === 'True'; s++) await sc.sleep(1);
    const r = readyOf();
    expect(`${r.status} ${r.reason}: ${r.message}`).toBe('Unknown NodeStatusUnknown: Kubelet stopped posting node status.');
    expect(await sc.sh('kubectl get node minikube-m02')).toBe('NAME           STATUS     ROLES    AGE   VERSION\nminikube-m02   NotReady   <none>   65s   v1.32.0\n');
    // NoSchedule comes with the NotReady write (doNoScheduleTaintingPass on the node update); NoExecute
    // on the next monitor pass, 5 s later, which is the first to observe Unknown (processTaintBaseEviction).
    const taintsOf = () => c.get<Node>(R.nodes, undefined, 'minikube-m02').spec!.taints!.map((t) => `${t.key}:${t.effect}`);
    expect(taintsOf()).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    await sc.sleep(5);
    expect(taintsOf()).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const taints = c.get<Node>(R.nodes, undefined, 'minikube-m02').spec!.taints!;
    for (const v of victims) expect(sc.eventsOf(`Pod/${v}`)).toContain('Warning NodeNotReady: Node is not ready');
    // The pods tolerate node.kubernetes.io/unreachable:NoExecute for 300 s (DefaultTolerationSeconds).
    const noExecuteAt = Date.parse(taints[1].timeAdded!);
    sc.s.cluster.advance(noExecuteAt + 299_000 - sc.s.cluster.clock.now());
    expect(onNode('minikube-m02').every((p) => !p.metadata!.deletionTimestamp)).toBe(true);
    sc.s.cluster.advance(2_000);
    for (const v of victims) expect(sc.eventsOf(`Pod/${v}`)).toContain(`Normal TaintManagerEviction: Marking for deletion Pod default/${v}`);
    await sc.sleep(60);
    // The kubelet is gone, so the evicted pods stay Terminating; their replacements run on the other nodes.
    const live = sc.pods('app=web').filter((p) => !p.metadata!.deletionTimestamp);
    expect(live).toHaveLength(6);
    expect(live.every((p) => p.spec!.nodeName !== 'minikube-m02' && ready(p))).toBe(true);
    expect(onNode('minikube-m02').map((p) => p.metadata!.name).sort()).toEqual([...victims].sort());
    expect(c.get<Deployment>(R.deployments, 'default', 'web').status!.availableReplicas).toBe(6);
    // Started again, the node heartbeats, turns Ready and loses its taints; its kubelet finishes the deletions.
    sc.s.cluster.startNode('minikube-m02');
    await sc.sleep(60);
    expect(readyOf().status).toBe('True');
    expect(c.get<Node>(R.nodes, undefined, 'minikube-m02').spec!.taints ?? []).toEqual([]);
    expect(onNode('minikube-m02')).toEqual([]);
  });

  it('determinism: the same seed and script give the same output, events and names, byte for byte', async () => {
    const script = ['kubectl create deployment web --image=nginx:1.25 --replicas=4', 'kubectl rollout status deployment/web',
      'kubectl set image deployment/web nginx=nginx:1.26', 'kubectl rollout status deployment/web', 'kubectl rollout undo deployment/web',
      'sleep 30', 'kubectl run crash --image=busybox:1.36 -- sh -c "exit 3"', 'sleep 60', 'kubectl get pods -o wide',
      'kubectl get events -o custom-columns=NAME:.metadata.name,REASON:.reason,COUNT:.count,MESSAGE:.message'];
    const run = async (seed: number) => {
      const sc = new Scenario({ seed, nodes: 2 });
      let out = '';
      for (const line of script) out += await sc.sh(line);
      sc.s.cluster.stopNode('minikube-m02');
      await sc.sleep(400);
      out += await sc.sh('kubectl get pods -o wide');
      return { out, log: JSON.stringify(sc.log), dump: sc.s.cluster.dump() };
    };
    const a = await run(42);
    const b = await run(42);
    expect(b.out).toBe(a.out);
    expect(b.log).toBe(a.log);
    expect(b.dump === a.dump).toBe(true);
    expect(a.out).toMatch(/web-[a-z0-9]{8,10}-[a-z0-9]{5} +1\/1 +Running/);
    // Another seed: other names, same story.
    const c = await run(43);
    expect(c.out).not.toBe(a.out);
    expect(c.log.match(/TaintManagerEviction/g)?.length).toBe(a.log.match(/TaintManagerEviction/g)?.length);
  });

  it('bad input: negative replicas, a selector not matching the template, a changed selector — real errors, nothing changed', async () => {
    const sc = new Scenario();
    const dep = (replicas: number, selector: string, label: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${selector}
  template:
    metadata:
      labels:
        app: ${label}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
    expect(await sc.sh('kubectl create deployment web --image=nginx:1.25 --replicas=-1')).toBe(
      'error: failed to create deployment: Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    expect(await sc.apply(dep(-1, 'web', 'web'))).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    expect(await sc.apply(dep(2, 'web', 'other'))).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n');
    expect(await sc.sh('kubectl get deploy')).toBe('No resources found in default namespace.\n');
    expect(await sc.apply(dep(2, 'web', 'web'))).toBe('deployment.apps/web created\n');
    await sc.sh('kubectl rollout status deployment/web');
    const c = sc.s.cluster.client('t');
    const before = c.get<Deployment>(R.deployments, 'default', 'web').metadata!.resourceVersion;
    expect(await sc.apply(dep(2, 'web2', 'web2'))).toBe('The Deployment "web" is invalid: spec.selector: Invalid value: ' +
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n');
    expect(await sc.sh(`kubectl patch deployment web -p '{"spec":{"replicas":-3}}'`)).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0\n');
    expect(await sc.sh('kubectl scale deployment web --replicas=-1')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    const after = c.get<Deployment>(R.deployments, 'default', 'web');
    expect(after.metadata!.resourceVersion).toBe(before);
    expect([after.spec!.replicas, after.spec!.selector!.matchLabels!.app]).toEqual([2, 'web']);
    expect(sc.pods('app=web')).toHaveLength(2);
    expect(c.list(R.replicasets, 'default').items).toHaveLength(1);
  });

  it('a pod waiting on an unbound immediate claim is scheduled as soon as the claim binds (no 5-minute wait)', async () => {
    const sc = new Scenario();
    await sc.apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: c
    image: nginx:1.25
    volumeMounts:
    - name: d
      mountPath: /data
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: data
`);
    await sc.sleep(30);
    expect(sc.eventsOf('Pod/user')).toEqual(['Warning FailedScheduling: 0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.']);
    await sc.apply(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  storageClassName: ""
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /tmp/pv1
`);
    const c = sc.s.cluster.client('t');
    const clock = sc.s.cluster.clock;
    let boundAt: number | undefined;
    let scheduledAt: number | undefined;
    for (let i = 0; i < 600 && scheduledAt === undefined; i++) {
      sc.s.cluster.advance(100);
      if (boundAt === undefined && c.get<PersistentVolumeClaim>(R.persistentvolumeclaims, 'default', 'data').status?.phase === 'Bound') boundAt = clock.now();
      if (c.get<Pod>(R.pods, 'default', 'user').spec!.nodeName) scheduledAt = clock.now();
    }
    expect(boundAt).toBeDefined();
    expect(scheduledAt).toBeDefined();
    // The claim update moves the pod out of unschedulablePods; at most its back-off (≤ 10 s) remains.
    expect(scheduledAt! - boundAt!).toBeLessThanOrEqual(10_000);
  });
});
