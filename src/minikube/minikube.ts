// The `minikube` program of the learner's machine (minikube v1.35.0, docker driver, Linux): version,
// start, status, stop, delete, ip, node list, kubectl, and (in their own files) service, tunnel and
// addons. The simulated cluster is already running when the shell starts; `minikube start` prints what
// minikube prints while it creates one. Output lines and emoji follow minikube's out.T templates
// (pkg/minikube/out, style.go); reference/minikube.md lists them with their sources.
import { DEFAULT_WORKER_JOIN_INTERVAL_MS, type Cluster } from '../engine/cluster';
import { VERSIONS, nodeIP, nodeName } from '../engine/bootstrap/minikube';
import type { ProcIO } from '../shell';
import { runService, runTunnel } from './service';
import { runAddons, type AddonState } from './addons';

/** What minikube runs against. */
export interface MinikubeHost {
  cluster: Cluster;
  /** Waits simulated time; rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs kubectl with these arguments (`minikube kubectl -- …`). */
  kubectl(args: string[], io: ProcIO): Promise<number>;
  /** The learner's machine's OS, as minikube names it ("Ubuntu 24.04"). */
  os?: string;
}

/** minikube's view of its profile. */
export interface MinikubeState {
  /** Has `minikube start` run in this session (the first one prints the create flow)? */
  started: boolean;
  /** Stopped by `minikube stop`. */
  stopped: boolean;
  /** Removed by `minikube delete`. */
  deleted: boolean;
  addons: AddonState;
}

const K8S = VERSIONS.kubernetes;
const DOCKER = VERSIONS.containerRuntime.replace('docker://', '');
const KICBASE = 'v0.0.46';

/** A line as minikube's out.T prints it: the emoji, two spaces, the text. */
export const line = (emoji: string, text: string) => `${emoji}  ${text}\n`;
/** A sub-step ("    ▪ Booting up control plane ..."). */
export const step = (text: string) => `    ▪ ${text}\n`;

/** `minikube version`. */
function version(io: ProcIO): number {
  if (io.args.includes('--short')) {
    io.out(`${VERSIONS.minikube}\n`);
    return 0;
  }
  io.out(`minikube version: ${VERSIONS.minikube}\ncommit: ${VERSIONS.minikubeCommit}\n`);
  return 0;
}

// minikube → 0, minikube-m02 → 1, … (a deleted node's index is not reused by the ones after it).
function nodeIndex(name: string): number {
  return name === 'minikube' ? 0 : Number(name.slice('minikube-m'.length)) - 1;
}

// Every node of the profile, including workers still joining (not yet in cluster.nodes).
function nodeNames(cluster: Cluster): string[] {
  return cluster.nodeNames();
}

/** `minikube start`: the create flow the first time, then the existing-profile flows. */
async function start(h: MinikubeHost, st: MinikubeState, io: ProcIO): Promise<number> {
  const names = nodeNames(h.cluster);
  const want = flagValue(io.args, 'nodes', 'n');
  if (want !== undefined && Number(want) !== names.length) {
    if (st.started) {
      io.err(line('❗', "You cannot change the number of nodes for an existing minikube cluster. Please use 'minikube node add' to add nodes to an existing cluster."));
    } else {
      // Deviation: the simulated cluster's size is chosen when it is created (the Nodes setting).
      io.err(`kubesim: this cluster was created with ${names.length} node(s); choose the node count in the cluster settings\n`);
    }
  }
  let o = line('😄', `minikube ${VERSIONS.minikube} on ${h.os ?? 'Ubuntu 24.04'}`);
  const fresh = !st.started || st.deleted;
  o += fresh ? line('✨', 'Automatically selected the docker driver. Other choices: none, ssh')
    : line('✨', 'Using the docker driver based on existing profile');
  o += line('👍', 'Starting "minikube" primary control-plane node in "minikube" cluster');
  o += line('🚜', `Pulling base image ${KICBASE} ...`);
  if (fresh) o += line('🔥', 'Creating docker container (CPUs=2, Memory=2200MB) ...');
  else if (st.stopped) o += line('🔄', 'Restarting existing docker container for "minikube" ...');
  else o += line('🏃', 'Updating the running docker "minikube" container ...');
  o += line('🐳', `Preparing Kubernetes ${K8S} on Docker ${DOCKER} ...`);
  if (fresh) o += step('Generating certificates and keys ...') + step('Booting up control plane ...') + step('Configuring RBAC rules ...');
  if (fresh || st.stopped) {
    o += names.length > 1 ? line('🔗', 'Configuring CNI (Container Networking Interface) ...')
      : line('🔗', 'Configuring bridge CNI (Container Networking Interface) ...');
  }
  o += line('🔎', 'Verifying Kubernetes components...');
  o += step(`Using image ${VERSIONS.storageProvisioner}`);
  for (const img of st.addons.enabledImages()) o += step(`Using image ${img}`);
  o += line('🌟', `Enabled addons: ${st.addons.enabledForStart().join(', ')}`);
  // A stopped profile restarts its nodes one after another, as it created them: the control plane first.
  const restart = st.stopped;
  const kubelet = (n: string) => h.cluster.nodes.get(n);
  if (restart) kubelet(names[0])?.start();
  for (let i = 1; i < names.length; i++) {
    o += '\n' + line('👍', `Starting "${names[i]}" worker node in "minikube" cluster`);
    o += line('🚜', `Pulling base image ${KICBASE} ...`);
    o += fresh ? line('🔥', 'Creating docker container (CPUs=2, Memory=2200MB) ...')
      : st.stopped ? line('🔄', `Restarting existing docker container for "${names[i]}" ...`)
        : line('🏃', `Updating the running docker "${names[i]}" container ...`);
    o += line('🌐', 'Found network options:') + step(`NO_PROXY=${nodeIPs(names.slice(0, i))}`);
    o += line('🐳', `Preparing Kubernetes ${K8S} on Docker ${DOCKER} ...`) + step(`env NO_PROXY=${nodeIPs(names.slice(0, i))}`);
    if (restart) {
      io.out(o);
      o = '';
      await h.sleep(h.cluster.workerJoinIntervalMs / 2, io.signal);
      kubelet(names[i])?.start();
    }
    o += line('🔎', 'Verifying Kubernetes components...');
  }
  o += line('🏄', 'Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default');
  io.out(o);
  st.started = true;
  st.stopped = false;
  st.deleted = false;
  return 0;
}

// The NO_PROXY list a worker node gets: the IPs of the nodes before it.
function nodeIPs(before: string[]): string {
  return before.map((n) => nodeIP(nodeIndex(n))).join(',');
}

/** `minikube stop`: every node's kubelet stops (the API keeps answering here). */
function stop(h: MinikubeHost, st: MinikubeState, io: ProcIO): number {
  const names = nodeNames(h.cluster);
  if (st.stopped) {
    for (const n of names) io.out(line('✋', `Stopping node "${n}"  ...`));
    io.out(line('🛑', `${names.length} node${names.length === 1 ? '' : 's'} stopped.`));
    return 0;
  }
  let o = '';
  for (const n of names) o += line('✋', `Stopping node "${n}"  ...`) + line('🛑', `Powering off "${n}" via SSH ...`);
  o += line('🛑', `${names.length} node${names.length === 1 ? '' : 's'} stopped.`);
  io.out(o);
  for (const k of h.cluster.nodes.values()) k.stop();
  st.stopped = true;
  return 0;
}

/** `minikube status`: per node, as minikube's default template prints it; exit code bits 1|2|4 when stopped. */
function status(h: MinikubeHost, st: MinikubeState, io: ProcIO): number {
  if (st.deleted) {
    io.out(line('🤷', 'Profile "minikube" not found. Run "minikube profile list" to view all profiles.') + line('👉', 'To start a cluster, run: "minikube start"'));
    return 85;
  }
  const s = st.stopped ? 'Stopped' : 'Running';
  let o = '';
  nodeNames(h.cluster).forEach((n, i) => {
    o += `${n}\ntype: ${i === 0 ? 'Control Plane' : 'Worker'}\nhost: ${s}\nkubelet: ${s}\n`;
    if (i === 0) o += `apiserver: ${s}\nkubeconfig: ${st.stopped ? 'Stopped' : 'Configured'}\n`;
    o += '\n';
  });
  io.out(o);
  return st.stopped ? 7 : 0;
}

/** `minikube delete`. Deviation: the simulated cluster keeps running until `minikube start`. */
function remove(h: MinikubeHost, st: MinikubeState, io: ProcIO): number {
  if (st.deleted) {
    io.out(line('🙄', '"minikube" profile does not exist, trying anyways.') + line('💀', 'Removed all traces of the "minikube" cluster.'));
    return 0;
  }
  let o = line('🔥', 'Deleting "minikube" in docker ...');
  for (const n of nodeNames(h.cluster)) o += line('🔥', `Deleting container "${n}" ...`);
  o += line('🔥', `Removing /home/learner/.minikube/machines/minikube ...`);
  for (const n of nodeNames(h.cluster).slice(1)) o += line('🔥', `Removing /home/learner/.minikube/machines/${n} ...`);
  o += line('💀', 'Removed all traces of the "minikube" cluster.');
  io.out(o);
  st.deleted = true;
  st.stopped = false;
  return 0;
}

/**
 * `minikube node add` (cmd/minikube/cmd/node_add.go): the next worker's docker container is created and
 * joined (node.Add, about DEFAULT_WORKER_JOIN_INTERVAL_MS); the command returns once the node is Ready.
 */
async function nodeAdd(h: MinikubeHost, st: MinikubeState, io: ProcIO): Promise<number> {
  if (st.stopped || st.deleted) {
    io.out(line('🤷', 'The control-plane node minikube host is not running: state=Stopped') + line('👉', 'To start a cluster, run: "minikube start"'));
    return 89;
  }
  const names = nodeNames(h.cluster);
  const i = names.length ? Number(/-m(\d+)$/.exec(names[names.length - 1])?.[1] ?? 1) : 0;
  const id = `m${String(i + 1).padStart(2, '0')}`;
  const name = nodeName(i);
  io.out(line('😄', `Adding node ${id} to cluster minikube as [worker]`));
  // A cluster started with one node has no multi-node CNI (minikube chose bridge, not kindnet).
  if (names.length === 1 && h.cluster.options.nodes === 1) {
    io.out(line('❗', 'Cluster was created without any CNI, adding a node to it might cause broken networking.'));
  }
  io.out(line('👍', `Starting "${name}" worker node in "minikube" cluster`) + line('🚜', `Pulling base image ${KICBASE} ...`)
    + line('🔥', 'Creating docker container (CPUs=2, Memory=2200MB) ...'));
  await h.sleep(DEFAULT_WORKER_JOIN_INTERVAL_MS - 5_000, io.signal);
  io.out(line('🐳', `Preparing Kubernetes ${K8S} on Docker ${DOCKER} ...`));
  h.cluster.addNode();
  await h.sleep(5_000, io.signal);
  io.out(line('🔎', 'Verifying Kubernetes components...') + line('🏄', `Successfully added ${id} to minikube!`));
  return 0;
}

/**
 * `minikube node delete NAME` (cmd/minikube/cmd/node_delete.go; NAME is m02 or minikube-m02): drain with
 * --force --grace-period=1, stop and delete the docker container, delete the Node object.
 */
async function nodeDelete(h: MinikubeHost, st: MinikubeState, io: ProcIO): Promise<number> {
  const arg = io.args[2];
  if (!arg) {
    io.err(`\n${line('❌', 'Exiting due to MK_USAGE: Usage: minikube node delete [name]')}\n`);
    return 14;
  }
  if (st.stopped || st.deleted) {
    io.out(line('🤷', 'The control-plane node minikube host is not running: state=Stopped') + line('👉', 'To start a cluster, run: "minikube start"'));
    return 89;
  }
  io.out(line('🔥', `Deleting node ${arg} from cluster minikube`));
  const machine = /^m\d+$/.test(arg) ? `minikube-${arg}` : arg;
  if (machine === 'minikube' || !h.cluster.nodes.has(machine)) {
    // Deviation: minikube adds its "If the above advice does not help, please let us know" box (exit.Error's issue link).
    io.err(`\n${line('❌', `Exiting due to GUEST_NODE_DELETE: deleting node: retrieve node: Could not find node ${arg}`)}\n`);
    return 80;
  }
  h.cluster.drainForDelete(machine);
  await h.sleep(2_000, io.signal);
  io.out(line('✋', `Stopping node "${machine}"  ...`) + line('🛑', `Powering off "${machine}" via SSH ...`));
  h.cluster.deleteNode(machine);
  io.out(line('🔥', `Deleting "${machine}" in docker ...`) + line('💀', `Node ${arg} was successfully deleted.`));
  return 0;
}

/** `minikube node list`: "name\tIP". */
function node(h: MinikubeHost, st: MinikubeState, io: ProcIO): number | Promise<number> {
  const sub = io.args[1];
  if (sub === 'list') {
    io.out(nodeNames(h.cluster).map((n) => `${n}\t${nodeIP(nodeIndex(n))}\n`).join(''));
    return 0;
  }
  if (sub === 'add') return nodeAdd(h, st, io);
  if (sub === 'delete') return nodeDelete(h, st, io);
  if (sub === 'start' || sub === 'stop') {
    // Deviation: nodes are created with the cluster; their kubelets can be stopped and started.
    if ((sub === 'stop' || sub === 'start') && io.args[2]) {
      const k = h.cluster.nodes.get(io.args[2]);
      if (!k) {
        io.err(`\n${line('❌', `Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${io.args[2]}`)}\n`);
        return 85;
      }
      if (sub === 'stop') {
        k.stop();
        io.out(line('✋', `Stopping node "${io.args[2]}"  ...`) + line('🛑', `Powering off "${io.args[2]}" via SSH ...`)
          + line('🛑', `Successfully stopped node ${io.args[2]}`));
      } else {
        k.start();
        io.out(line('👍', `Starting "${io.args[2]}" worker node in "minikube" cluster`) + line('🚜', `Pulling base image ${KICBASE} ...`)
          + line('🔄', `Restarting existing docker container for "${io.args[2]}" ...`)
          + line('🐳', `Preparing Kubernetes ${K8S} on Docker ${DOCKER} ...`) + line('🔎', 'Verifying Kubernetes components...')
          + line('😄', `Successfully started node ${io.args[2]}!`));
      }
      return 0;
    }
    io.err(`kubesim: "minikube node ${sub}" is not simulated: the cluster's nodes are chosen when it is created (the Nodes setting)\n`);
    return 1;
  }
  io.err(`Error: unknown command "${sub ?? ''}" for "minikube node"\nRun 'minikube node --help' for usage.\n`);
  return 1;
}

const DASHBOARD_URL = 'http://127.0.0.1:36223/api/v1/namespaces/kubernetes-dashboard/services/http:kubernetes-dashboard:/proxy/';

/**
 * `minikube dashboard [--url]`: enables the addon the first time, starts `kubectl proxy` and runs until
 * Ctrl-C. Deviation: the dashboard's pods are not created and the URL serves nothing here.
 */
async function dashboard(h: MinikubeHost, st: MinikubeState, io: ProcIO): Promise<number> {
  let o = '';
  if (!st.addons.has('dashboard')) {
    o += line('🔌', 'Enabling dashboard ...') + step('Using image docker.io/kubernetesui/dashboard:v2.7.0')
      + step('Using image docker.io/kubernetesui/metrics-scraper:v1.0.8');
    if (!st.addons.has('metrics-server')) {
      o += line('💡', 'Some dashboard features require the metrics-server addon. To enable all features please run:')
        + '\n\tminikube addons enable metrics-server\n\n';
    }
    st.addons.add('dashboard');
  }
  o += line('🤔', 'Verifying dashboard health ...') + line('🚀', 'Launching proxy ...') + line('🤔', 'Verifying proxy health ...');
  o += io.args.includes('--url') ? `${DASHBOARD_URL}\n` : line('🎉', `Opening ${DASHBOARD_URL} in your default browser...`);
  io.out(o);
  try {
    for (;;) await h.sleep(3_600_000, io.signal);
  } catch {
    return 0;
  }
}

/** The value of --name=v / --name v / -n v in args. */
export function flagValue(args: readonly string[], name: string, short?: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
    if (a === `--${name}` || (short && a === `-${short}`)) return args[i + 1];
  }
  return undefined;
}

/** The `minikube` program for a host shell. */
export function minikubeProgram(h: MinikubeHost, st: MinikubeState): (io: ProcIO) => Promise<number> {
  return async (io) => {
    const cmd = io.args.find((a) => !a.startsWith('-'));
    const sub: ProcIO = { ...io, args: cmd === undefined ? io.args : io.args.slice(io.args.indexOf(cmd)) };
    const notRunning = () => {
      io.out(line('🤷', 'The control-plane node minikube host is not running: state=Stopped') + line('👉', 'To start a cluster, run: "minikube start"'));
      return 89;
    };
    switch (cmd) {
      case 'version': return version(io);
      case 'start': return start(h, st, io);
      case 'stop': return stop(h, st, io);
      case 'status': return status(h, st, io);
      case 'delete': return remove(h, st, io);
      case 'ip':
        if (st.stopped || st.deleted) return notRunning();
        io.out(`${nodeIP(0)}\n`);
        return 0;
      case 'node': return node(h, st, sub);
      case 'kubectl': {
        const dash = io.args.indexOf('--');
        return h.kubectl(dash >= 0 ? io.args.slice(dash + 1) : io.args.slice(io.args.indexOf('kubectl') + 1), io);
      }
      case 'service':
        if (st.stopped || st.deleted) return notRunning();
        return runService(h, sub);
      case 'tunnel':
        if (st.stopped || st.deleted) return notRunning();
        return runTunnel(h, io);
      case 'addons': return runAddons(h, st, sub);
      case 'dashboard':
        if (st.stopped || st.deleted) return notRunning();
        return dashboard(h, st, io);
      case undefined:
        io.out('minikube provisions and manages local Kubernetes clusters optimized for development workflows.\n');
        return 0;
      default:
        io.err(`Error: unknown command "${cmd}" for "minikube"\nRun 'minikube --help' for usage.\n`);
        return 1;
    }
  };
}
