// The cluster network as one component: kube-proxy's Service table and rules, CoreDNS, the pod
// network's address book, the host machine's loopback ports and `minikube tunnel`. It watches the
// API like kube-proxy and CoreDNS do (Services, EndpointSlices, Nodes; Pods for the CNI's address
// book) and answers the runtime's containers through the PodNetwork contract.
import type { EndpointSlice, Node, Pod, Service } from '../api';
import { isNotFound } from '../api';
import { InformerFactory, R, type Client } from '../client';
import type { Clock, Rng } from '../clock';
import type { HttpRequest } from '../runtime/cri';
import { Dataplane, type ConnectResult, type NetResult, type PodHost, type Source } from './dataplane';
import { CoreDNS, CLUSTER_DOMAIN, type DnsAnswer } from './dns/coredns';
import { LocalPorts } from './host/local-ports';
import { cidrContains, isIPv4, parseCidr } from './ip';
import { Proxier } from './proxy/proxier';
import { ServiceTable } from './proxy/service-table';
import { HOST_IP, performRequest, searchCandidates, type ClientPath, type NetworkRequest, type NetworkResponse } from './request';

/** The user agent of kube-proxy's informers. */
export const KUBE_PROXY_USER_AGENT = 'kube-proxy/v1.32.0 (linux/amd64) kubernetes/70d3cc9';
/** The Service CIDR (kube-apiserver --service-cluster-ip-range). */
export const SERVICE_CIDR = '10.96.0.0/12';

/** The pod a packet comes from (the runtime's PodEndpoint). */
export interface PodEndpoint {
  podIP: string;
  namespace: string;
  podName: string;
  nodeName: string;
}

/** The network as a container sees it: structurally the runtime's PodNetwork (src/engine/runtime/network.ts). */
export interface PodNetworkImpl {
  lookup(fqdn: string, from: PodEndpoint): string[] | undefined;
  reverse(ip: string): string | undefined;
  request(from: PodEndpoint, ip: string, port: number, req: HttpRequest): NetResult;
  connect(from: PodEndpoint, ip: string, port: number): ConnectResult;
  /** The full DNS answer (NXDOMAIN, no answer, or no server reachable), for nslookup. */
  resolve(fqdn: string, from: PodEndpoint): DnsAnswer;
}

/** What the network is built from. */
export interface ClusterNetworkDeps {
  clock: Clock;
  rng: Rng;
  /** kube-proxy's client. */
  client: Client;
  /** Reaches the containers of pods on their nodes. */
  host: PodHost;
  /** The host machine's /etc/hosts, read at each lookup (the learner may add ingress host names). */
  hostsFile?: () => string | undefined;
}

/** An active `minikube tunnel`. */
export interface TunnelHandle {
  /** LoadBalancer Services patched so far ("name"), in order. */
  readonly services: string[];
  /** Stops the tunnel: the route goes, the Services' load-balancer ingress is removed. */
  stop(): void;
}

/** The URLs `minikube service NAME --url` prints, or why there are none. */
export type ServiceUrls = { urls: string[] } | { error: 'not-found' } | { error: 'no-node-port'; type: string };

function hostsLookup(hosts: string, name: string): string[] {
  const out: string[] = [];
  for (const line of hosts.split('\n')) {
    const t = line.replace(/#.*/, '').trim().split(/\s+/);
    if (t.length >= 2 && t.slice(1).some((h) => h.toLowerCase() === name) && isIPv4(t[0])) out.push(t[0]);
  }
  return out;
}

/** The cluster's network. */
export class ClusterNetwork {
  readonly table = new ServiceTable();
  readonly proxier: Proxier;
  readonly dns: CoreDNS;
  readonly dataplane: Dataplane;
  /** The host machine's loopback listeners (kubectl port-forward). */
  readonly localPorts = new LocalPorts();
  /** The contract the runtime's containers use. */
  readonly pods: PodNetworkImpl;
  private readonly informers: InformerFactory;
  private readonly serviceCidr = parseCidr(SERVICE_CIDR)!;
  private tunnel?: { services: string[]; patch: (svc: Service) => void };
  private hostsFile?: () => string | undefined;

  constructor(private readonly deps: ClusterNetworkDeps) {
    this.hostsFile = deps.hostsFile;
    this.proxier = new Proxier(this.table, deps.rng.fork('kube-proxy'), deps.clock);
    this.dns = new CoreDNS(this.table);
    this.dataplane = new Dataplane(this.table, this.proxier, deps.host);
    this.informers = new InformerFactory(deps.client);
    const t = this.table;
    const dp = this.dataplane;
    // The tunnel patches new LoadBalancer Services soon after they appear (never inside the handler).
    const tunnelPatch = (s: Service) => {
      if (!this.tunnel || s.spec?.type !== 'LoadBalancer') return;
      deps.clock.after(0, () => {
        const cur = this.informers.for<Service>(R.services).lister.get(s.metadata?.namespace, s.metadata?.name ?? '');
        if (cur) this.tunnel?.patch(cur);
      });
    };
    this.informers.for<Service>(R.services).onEvent({
      add: (s) => { t.setService(s); tunnelPatch(s); },
      update: (_o, s) => { t.setService(s); tunnelPatch(s); },
      delete: (s) => t.deleteService(`${s.metadata?.namespace}/${s.metadata?.name}`),
    });
    this.informers.for<EndpointSlice>(R.endpointslices).onEvent({
      add: (s) => t.setSlice(s), update: (o, s) => t.setSlice(s, o), delete: (s) => t.deleteSlice(s),
    });
    this.informers.for<Node>(R.nodes).onEvent({
      add: (n) => dp.setNode(n), update: (_o, n) => dp.setNode(n), delete: (n) => dp.deleteNode(n.metadata?.name ?? ''),
    });
    this.informers.for<Pod>(R.pods).onEvent({
      add: (p) => dp.setPod(p), update: (_o, p) => dp.setPod(p),
      delete: (p) => dp.deletePod(`${p.metadata?.namespace}/${p.metadata?.name}`),
    });
    this.pods = this.podNetwork();
  }

  /** Starts watching (after every part registered its handlers). */
  start(): this {
    this.informers.startAll();
    return this;
  }

  /** Where the host machine's /etc/hosts is read from (the session's file system). */
  setHostsFile(read: () => string | undefined): void {
    this.hostsFile = read;
  }

  /** Stops watching. */
  stop(): void {
    this.informers.stopAll();
  }

  /** The shared informers (the ingress controller reads Services and Pods from them too). */
  get informerFactory(): InformerFactory {
    return this.informers;
  }

  // ---- clients ----

  private podNetwork(): PodNetworkImpl {
    const src = (from: PodEndpoint): Source => ({ ip: from.podIP, node: from.nodeName });
    return {
      lookup: (fqdn) => {
        const a = this.dns.query(fqdn);
        return a.rcode === 'NOERROR' && a.addresses.length ? a.addresses : undefined;
      },
      resolve: (fqdn) => this.dns.query(fqdn),
      reverse: (ip) => this.dns.reverse(ip),
      request: (from, ip, port, req) => this.dataplane.deliver(src(from), ip, port, req).result,
      connect: (from, ip, port) => this.dataplane.connect(src(from), ip, port),
    };
  }

  /** How the host machine (the learner's terminal, the browser pane) reaches things. */
  private hostPath(): ClientPath {
    const reachable = (ip: string): 'local' | 'cluster' | 'service' | 'none' => {
      if (ip === '127.0.0.1') return 'local';
      if (this.dataplane.nodeByIP(ip)) return 'cluster';
      // With `minikube tunnel` the Service CIDR is routed through the node.
      if (this.tunnel && (cidrContains(this.serviceCidr, ip) || this.dataplane.isServiceIP(ip))) return 'service';
      return 'none';
    };
    const src: Source = { ip: HOST_IP };
    return {
      ip: HOST_IP,
      resolve: (host) => {
        if (host === 'localhost') return ['127.0.0.1'];
        const hosts = this.hostsFile?.();
        const got = hosts ? hostsLookup(hosts, host) : [];
        return got.length ? got : 'nx';
      },
      send: (ip, port, req) => {
        const r = reachable(ip);
        if (r === 'local') return this.localPorts.get(port)?.http(req) ?? { kind: 'refused' };
        if (r === 'cluster') return this.dataplane.deliver(src, ip, port, req, true).result;
        if (r === 'service') return this.dataplane.deliver({ ip: HOST_IP, node: this.dataplane.nodes()[0]?.name }, ip, port, req, true).result;
        return ip === HOST_IP ? { kind: 'refused' } : { kind: 'timeout' };
      },
      connect: (ip, port) => {
        const r = reachable(ip);
        if (r === 'local') return this.localPorts.get(port) ? 'open' : 'refused';
        if (r === 'none') return ip === HOST_IP ? 'refused' : 'timeout';
        return this.dataplane.connect(src, ip, port);
      },
    };
  }

  /** How a node (`minikube ssh`) reaches things: its /etc/hosts, the cluster's addresses. */
  private nodePath(node: string): ClientPath | undefined {
    const ip = this.dataplane.nodeIP(node);
    if (!ip) return undefined;
    const src: Source = { ip, node };
    const cp = this.dataplane.nodes()[0]?.ip ?? ip;
    return {
      ip,
      resolve: (host) => {
        if (host === 'localhost') return ['127.0.0.1'];
        if (host === node) return [ip];
        if (host === 'control-plane.minikube.internal') return [cp];
        if (host === 'host.minikube.internal') return [HOST_IP];
        return 'nx';
      },
      send: (to, port, req) => this.dataplane.deliver(src, to === '127.0.0.1' ? ip : to, port, req).result,
      connect: (to, port) => this.dataplane.connect(src, to === '127.0.0.1' ? ip : to, port),
    };
  }

  /** How a pod reaches things: ClusterFirst DNS with its namespace's search list. */
  private podPath(namespace: string, name: string): ClientPath | undefined {
    const pod = this.dataplane.podByKey(namespace, name);
    if (!pod) return undefined;
    const src: Source = { ip: pod.ip, node: pod.nodeName };
    const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    return {
      ip: pod.ip,
      resolve: (host) => {
        if (host === 'localhost') return ['127.0.0.1'];
        if (host === name) return [pod.ip];
        for (const cand of searchCandidates(host, search, 5)) {
          const a = this.dns.query(cand);
          if (a.rcode === 'TIMEOUT') return 'timeout';
          if (a.rcode === 'NOERROR' && a.addresses.length) return a.addresses;
        }
        return 'nx';
      },
      send: (to, port, req) => this.dataplane.deliver(src, to === '127.0.0.1' ? pod.ip : to, port, req).result,
      connect: (to, port) => this.dataplane.connect(src, to === '127.0.0.1' ? pod.ip : to, port),
    };
  }

  /**
   * One HTTP exchange from the host, a node or a pod. Failures carry the simulated time the client
   * would have waited (a connect timeout is long); the caller decides whether to wait it out.
   */
  request(r: NetworkRequest): NetworkResponse {
    const from = r.from;
    const path = from === 'host' ? this.hostPath() : 'pod' in from ? this.podPath(from.pod.namespace, from.pod.name) : this.nodePath(from.node);
    if (!path) return { ok: false, error: 'unreachable', host: '', port: 0, elapsedMs: 0 };
    return performRequest(r, path);
  }

  /** A name as a pod of `namespace` resolves it (search list, ndots 5): the answer of the first candidate that has one. */
  resolveFromPod(namespace: string, name: string): { name: string; answer: DnsAnswer } {
    const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    let last: { name: string; answer: DnsAnswer } = { name, answer: { rcode: 'NXDOMAIN' } };
    for (const cand of searchCandidates(name, search, 5)) {
      const a = this.dns.query(cand);
      if (a.rcode === 'TIMEOUT' || a.rcode === 'NOERROR') return { name: cand, answer: a };
      last = { name: cand, answer: a };
    }
    return last;
  }

  // ---- minikube ----

  /** The node IPs (minikube ip: the first). */
  nodeIPs(): string[] {
    return this.dataplane.nodes().map((n) => n.ip);
  }

  /** `minikube service NAME --url`: http://<node IP>:<nodePort> for each port of a NodePort or LoadBalancer Service. */
  serviceUrls(namespace: string, name: string): ServiceUrls {
    const svc = this.table.serviceByName(namespace, name);
    if (!svc) return { error: 'not-found' };
    const ports = svc.ports.filter((p) => p.nodePort);
    if (!ports.length) return { error: 'no-node-port', type: svc.type };
    const ip = this.nodeIPs()[0] ?? '';
    return { urls: ports.map((p) => `http://${ip}:${p.nodePort}`) };
  }

  /**
   * `minikube tunnel` on the Linux docker driver: routes the Service CIDR through the node and sets
   * each LoadBalancer Service's status.loadBalancer.ingress to its cluster IP (minikube's
   * LoadBalancerEmulator; on Docker Desktop minikube uses an ssh tunnel and 127.0.0.1 instead).
   */
  startTunnel(client: Client): TunnelHandle {
    if (this.tunnel) throw new Error('Another tunnel process is already running, terminate the existing instance to start a new one');
    const services: string[] = [];
    const patch = (svc: Service) => {
      if (svc.spec?.type !== 'LoadBalancer' || !svc.spec.clusterIP || svc.spec.clusterIP === 'None') return;
      const ing = svc.status?.loadBalancer?.ingress ?? [];
      const name = svc.metadata?.name ?? '';
      if (!services.includes(name)) services.push(name);
      if (ing.length === 1 && ing[0].ip === svc.spec.clusterIP) return;
      client.patch(R.services, svc.metadata?.namespace, name, 'application/json-patch+json',
        [{ op: 'add', path: '/status/loadBalancer/ingress', value: [{ ip: svc.spec.clusterIP }] }], { subresource: 'status' });
    };
    this.tunnel = { services, patch };
    for (const s of this.informers.for<Service>(R.services).lister.list()) patch(s);
    return {
      services,
      stop: () => {
        this.tunnel = undefined;
        for (const s of this.informers.for<Service>(R.services).lister.list()) {
          if (s.spec?.type !== 'LoadBalancer' || !(s.status?.loadBalancer?.ingress ?? []).length) continue;
          try {
            client.patch(R.services, s.metadata?.namespace, s.metadata?.name ?? '', 'application/json-patch+json',
              [{ op: 'remove', path: '/status/loadBalancer/ingress' }], { subresource: 'status' });
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
        }
      },
    };
  }

  /** Is `minikube tunnel` running? */
  get tunnelActive(): boolean {
    return !!this.tunnel;
  }
}
