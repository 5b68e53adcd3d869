// Starts the cluster network: kube-proxy/CoreDNS/CNI (ClusterNetwork), the API server's own
// endpoints, and the ingress-nginx controller, which stays idle until the addon's pods run.
import type { Pod } from '../api';
import { R, type Client } from '../client';
import type { Clock, Rng } from '../clock';
import { ClusterNetwork, type ClusterNetworkDeps } from './cluster-network';
import { KUBE_APISERVER_USER_AGENT, reconcileKubernetesEndpoints } from './control-plane-endpoints';
import type { PodHost } from './dataplane';
import { applyIngressAddon, CertgenEmulator, CERTGEN_USER_AGENT, INGRESS_ADDON_IMAGES } from './ingress/addon';
import { IngressNginxController, INGRESS_NGINX_USER_AGENT } from './ingress/controller';

/** What the network is started with. */
export interface NetworkOptions {
  clock: Clock;
  rng: Rng;
  /** kube-proxy's client. */
  client: Client;
  /** A client for another component, by user agent. */
  clientFor(userAgent: string): Client;
  host: PodHost;
  /** The API server's address (the first node's IP on minikube). */
  apiserverIP: string;
  hostsFile?: ClusterNetworkDeps['hostsFile'];
}

/** The running network: the ClusterNetwork plus the ingress controller and addon. */
export class Network extends ClusterNetwork {
  readonly ingress: IngressNginxController;
  private readonly certgen: CertgenEmulator;

  constructor(private readonly o: NetworkOptions) {
    super({ clock: o.clock, rng: o.rng, client: o.client, host: o.host, hostsFile: o.hostsFile });
    reconcileKubernetesEndpoints(o.clientFor(KUBE_APISERVER_USER_AGENT), o.apiserverIP);
    this.ingress = new IngressNginxController({ clock: o.clock, rng: o.rng.fork('ingress-nginx'),
      client: o.clientFor(INGRESS_NGINX_USER_AGENT), informers: this.informerFactory,
      table: this.table, dataplane: this.dataplane });
    this.certgen = new CertgenEmulator({ informers: this.informerFactory, clock: o.clock, rng: o.rng.fork('certgen'),
      client: o.clientFor(CERTGEN_USER_AGENT) });
    this.start();
  }

  /**
   * `minikube addons enable ingress`: applies the addon (with kubectl's user agent, as minikube's
   * addon manager does). Returns the images it uses and the objects it created.
   */
  enableIngressAddon(): { images: string[]; created: string[] } {
    const created = applyIngressAddon(this.o.clientFor('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9'));
    return { images: [...INGRESS_ADDON_IMAGES], created };
  }

  /** Is the addon's controller pod Running and Ready (what minikube's "Verifying ingress addon..." waits for)? */
  ingressReady(): boolean {
    return this.informerFactory.for<Pod>(R.pods).lister.list('ingress-nginx').some((p) => p.metadata?.labels?.['app.kubernetes.io/component'] === 'controller' &&
        p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
  }
}

/** Starts the network. */
export function startNetwork(o: NetworkOptions): Network {
  return new Network(o);
}
