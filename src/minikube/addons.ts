// `minikube addons list|enable|disable`. minikube v1.35's addon table (pkg/minikube/assets/addons.go:
// names and maintainers; cmd/minikube/cmd/config/list.go prints it with tablewriter, the maintainer
// column wrapped at 30). ingress applies the network's ingress-nginx objects; metrics-server runs
// metrics-server in kube-system (src/minikube/metrics-server.ts) so `kubectl top` has a Metrics API.
import type { ProcIO } from '../shell';
import type { MinikubeHost, MinikubeState } from './minikube';
import { line, step } from './minikube';
import { tableWriter } from './service';
import { enableMetricsServer, disableMetricsServer, METRICS_SERVER_IMAGE } from './metrics-server';

/** Every addon of minikube v1.35 and its maintainer, in `addons list` order. */
const ADDONS: readonly (readonly [string, string])[] = [
  ['ambassador', '3rd party (Ambassador)'], ['amd-gpu-device-plugin', '3rd party (AMD)'], ['auto-pause', 'minikube'],
  ['cloud-spanner', 'Google'], ['csi-hostpath-driver', 'Kubernetes'], ['dashboard', 'Kubernetes'],
  ['default-storageclass', 'Kubernetes'], ['efk', '3rd party (Elastic)'], ['freshpod', 'Google'], ['gcp-auth', 'Google'],
  ['gvisor', 'minikube'], ['headlamp', '3rd party (kinvolk.io)'], ['inaccel', '3rd party (InAccel\n[info@inaccel.com])'],
  ['ingress', 'Kubernetes'], ['ingress-dns', 'minikube'], ['inspektor-gadget', '3rd party\n(inspektor-gadget.io)'],
  ['istio', '3rd party (Istio)'], ['istio-provisioner', '3rd party (Istio)'], ['kong', '3rd party (Kong HQ)'],
  ['kubeflow', '3rd party'], ['kubevirt', '3rd party (KubeVirt)'], ['logviewer', '3rd party (unknown)'],
  ['metallb', '3rd party (MetalLB)'], ['metrics-server', 'Kubernetes'], ['nvidia-device-plugin', '3rd party (NVIDIA)'],
  ['nvidia-driver-installer', '3rd party (NVIDIA)'], ['nvidia-gpu-device-plugin', '3rd party (NVIDIA)'],
  ['olm', '3rd party (Operator Framework)'], ['pod-security-policy', '3rd party (unknown)'], ['portainer', '3rd party (Portainer.io)'],
  ['registry', 'minikube'], ['registry-aliases', '3rd party (unknown)'], ['registry-creds', '3rd party (UPMC Enterprises)'],
  ['storage-provisioner', 'minikube'], ['storage-provisioner-gluster', '3rd party (Gluster)'],
  ['storage-provisioner-rancher', '3rd party (Rancher)'], ['volcano', 'third-party (volcano)'], ['volumesnapshots', 'Kubernetes'],
  ['yakd', '3rd party (marcnuri.com)'],
];

/** Which addons are on, in the order they were enabled. */
export class AddonState {
  private readonly on: string[] = ['storage-provisioner', 'default-storageclass'];
  has(name: string): boolean {
    return this.on.includes(name);
  }
  add(name: string): void {
    if (!this.on.includes(name)) this.on.push(name);
  }
  delete(name: string): void {
    const i = this.on.indexOf(name);
    if (i >= 0) this.on.splice(i, 1);
  }
  /** The "Enabled addons:" list of `minikube start`. */
  enabledForStart(): string[] {
    return [...this.on];
  }
  /** The extra "Using image" lines `minikube start` prints for enabled addons. */
  enabledImages(): string[] {
    const imgs: string[] = [];
    if (this.has('metrics-server')) imgs.push(METRICS_SERVER_IMAGE);
    if (this.has('dashboard')) imgs.push('docker.io/kubernetesui/dashboard:v2.7.0', 'docker.io/kubernetesui/metrics-scraper:v1.0.8');
    if (this.has('ingress')) imgs.push('registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4', 'registry.k8s.io/ingress-nginx/controller:v1.11.3');
    return imgs;
  }
}

const maintainedNotice = (name: string, maintainer: string) => maintainer === 'Kubernetes' || maintainer === 'minikube'
  ? line('💡', `${name} is an addon maintained by ${maintainer}. For any concerns contact minikube on GitHub.`)
    + 'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n'
  : line('❗', `${name} is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.`)
    + line('❗', `${name} does not currently have an associated maintainer.`);

async function enable(h: MinikubeHost, st: MinikubeState, name: string, io: ProcIO): Promise<number> {
  const addon = ADDONS.find(([n]) => n === name);
  if (!addon) {
    io.err(`\n${line('❌', `Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: ${name} is not a valid addon`)}\n`);
    return 10;
  }
  if (st.addons.has(name)) {
    io.out(line('🌟', `The '${name}' addon is enabled`));
    return 0;
  }
  if (name === 'ingress') {
    io.out(maintainedNotice(name, addon[1]));
    const r = h.cluster.enableIngressAddon();
    for (const img of r.images) io.out(step(`Using image ${img}`));
    io.out(line('🔎', 'Verifying ingress addon...'));
    // minikube waits (up to 6 minutes) for the controller pod to be Running and Ready.
    for (let waited = 0; !h.cluster.network.ingressReady() && waited < 360_000; waited += 1000) {
      try {
        await h.sleep(1000, io.signal);
      } catch {
        return 130;
      }
    }
  } else if (name === 'metrics-server') {
    io.out(maintainedNotice(name, addon[1]));
    enableMetricsServer(h.cluster);
    io.out(step(`Using image ${METRICS_SERVER_IMAGE}`));
  } else if (name !== 'default-storageclass' && name !== 'storage-provisioner') {
    // Deviation: only ingress and metrics-server deploy something in the simulated cluster.
    io.err(`kubesim: the ${name} addon is not simulated\n`);
    return 1;
  }
  st.addons.add(name);
  io.out(line('🌟', `The '${name}' addon is enabled`));
  return 0;
}

function disable(h: MinikubeHost, st: MinikubeState, name: string, io: ProcIO): number {
  if (!ADDONS.some(([n]) => n === name)) {
    io.err(`\n${line('❌', `Exiting due to MK_ADDON_DISABLE: disable failed: run callbacks: ${name} is not a valid addon`)}\n`);
    return 11;
  }
  if (name === 'metrics-server' && st.addons.has(name)) disableMetricsServer(h.cluster);
  // Deviation: disabling ingress leaves its objects in place.
  st.addons.delete(name);
  io.out(line('🌑', `"The '${name}' addon is disabled"`));
  return 0;
}

/** `minikube addons …`. */
export async function runAddons(h: MinikubeHost, st: MinikubeState, io: ProcIO): Promise<number> {
  const [, sub, name] = io.args.filter((a) => !a.startsWith('-'));
  switch (sub) {
    case 'list':
      io.out(tableWriter(['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'],
        // The STATUS column is 12 wide as minikube prints it (tablewriter measures "enabled ✅" so).
        ADDONS.map(([n, m]) => [n, 'minikube', st.addons.has(n) ? 'enabled ✅' : 'disabled', m]), [0, 0, 12]));
      return 0;
    case 'enable':
    case 'disable':
      if (!name) {
        io.err(`\n${line('❌', `Exiting due to MK_USAGE: usage: minikube addons ${sub} ADDON_NAME`)}\n`);
        return 14;
      }
      return sub === 'enable' ? enable(h, st, name, io) : disable(h, st, name, io);
    default:
      io.err(sub ? `Error: unknown command "${sub}" for "minikube addons"\nRun 'minikube addons --help' for usage.\n`
        : 'addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"\n');
      return sub ? 1 : 0;
  }
}
