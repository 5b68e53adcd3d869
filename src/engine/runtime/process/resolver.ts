// Name resolution inside a container, as musl/glibc do it: /etc/hosts first, then DNS through the
// nameserver of /etc/resolv.conf with its search list and ndots (the kubelet writes both files:
// pkg/kubelet/kubelet_pods.go managedHostsFileContent, pkg/kubelet/network/dns/dns.go).

/** The kubelet-managed /etc/hosts of a pod without hostAliases (pkg/kubelet/kubelet_pods.go). */
export function defaultEtcHosts(podIP: string, hostname: string): string {
  return '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
    (podIP ? `${podIP}\t${hostname}\n` : '');
}

/** ClusterFirst resolv.conf on minikube (kube-dns Service 10.96.0.10, cluster domain cluster.local). */
export function defaultResolvConf(namespace: string): string {
  let r = resolvConfs.get(namespace);
  if (r === undefined) {
    r = resolvConfFor(namespace);
    if (resolvConfs.size < 1024) resolvConfs.set(namespace, r);
  }
  return r;
}

const resolvConfs = new Map<string, string>();

function resolvConfFor(namespace: string): string {
  return `nameserver 10.96.0.10\nsearch ${namespace}.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n`;
}

/** nameserver, search list and ndots of a resolv.conf. */
export function parseResolvConf(text: string): { nameserver: string; search: string[]; ndots: number } {
  let nameserver = '';
  let search: string[] = [];
  let ndots = 1;
  for (const line of text.split('\n')) {
    const [k, ...rest] = line.trim().split(/\s+/);
    if (k === 'nameserver' && !nameserver) nameserver = rest[0] ?? '';
    else if (k === 'search') search = rest;
    else if (k === 'options') for (const o of rest) if (o.startsWith('ndots:')) ndots = Number(o.slice(6)) || 0;
  }
  return { nameserver, search, ndots };
}

/** Addresses for `host` in an /etc/hosts text. */
export function hostsLookup(hosts: string, host: string): string[] {
  const out: string[] = [];
  for (const line of hosts.split('\n')) {
    const t = line.replace(/#.*/, '').trim().split(/\s+/);
    if (t.length >= 2 && t.slice(1).includes(host) && /^\d+\.\d+\.\d+\.\d+$/.test(t[0])) out.push(t[0]);
  }
  return out;
}

/** Is this an IPv4 literal? */
export function isIPv4(s: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((x) => Number(x) < 256);
}

/** The names a resolver tries for `host`, in order (res_search: as-is first when dots >= ndots). */
export function searchCandidates(host: string, search: string[], ndots: number): string[] {
  if (host.endsWith('.')) return [host.slice(0, -1)];
  const dots = host.split('.').length - 1;
  const expanded = search.map((d) => `${host}.${d}`);
  return dots >= ndots ? [host, ...expanded] : [...expanded, host];
}

/** Resolves a host name: literal, /etc/hosts, then DNS over the search list. */
export function resolveName(host: string, hosts: string, dns: { search: string[]; ndots?: number },
  lookup: (fqdn: string) => string[] | undefined): string[] | undefined {
  if (isIPv4(host)) return [host];
  const fromHosts = hostsLookup(hosts, host);
  if (fromHosts.length) return fromHosts;
  for (const name of searchCandidates(host, dns.search, dns.ndots ?? 5)) {
    const r = lookup(name);
    if (r && r.length) return r;
  }
  return undefined;
}
