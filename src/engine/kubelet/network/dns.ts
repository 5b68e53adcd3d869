// A pod's /etc/resolv.conf and /etc/hosts, as the kubelet makes them. Models
// pkg/kubelet/network/dns/dns.go (GetPodDNS: dnsPolicy, cluster search paths, ndots:5, dnsConfig
// merging) and pkg/kubelet/kubelet_pods.go (managedHostsFileContent, hostsEntriesFromHostAliases).
import type { Pod } from '../../api/types';

/** minikube's kubelet --cluster-dns and --cluster-domain. */
export const CLUSTER_DNS = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

/** The node's own resolv.conf (what dnsPolicy Default and hostNetwork pods get). */
export interface HostResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

/** The minikube node's resolver (docker driver): the docker network's gateway. */
export const MINIKUBE_HOST_RESOLV: HostResolvConf = { nameservers: ['192.168.49.1'], searches: [], options: [] };

const uniq = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);

/** getPodDNSType. */
function dnsType(pod: Pod): 'none' | 'cluster' | 'host' {
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'None') return 'none';
  if (policy === 'ClusterFirstWithHostNet') return 'cluster';
  if (policy === 'ClusterFirst' && !pod.spec?.hostNetwork) return 'cluster';
  return 'host';
}

/** GetPodDNS, written out as resolv.conf. */
export function resolvConfFor(pod: Pod, host: HostResolvConf = MINIKUBE_HOST_RESOLV): string {
  let servers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  const t = dnsType(pod);
  if (t === 'cluster') {
    servers = [CLUSTER_DNS];
    const ns = pod.metadata?.namespace ?? 'default';
    searches = uniq([`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...host.searches]);
    options = ['ndots:5'];
  } else if (t === 'host') {
    servers = [...host.nameservers];
    searches = [...host.searches];
    options = [...host.options];
  }
  const dc = pod.spec?.dnsConfig;
  if (dc) {
    servers = uniq([...servers, ...(dc.nameservers ?? [])]);
    searches = uniq([...searches, ...(dc.searches ?? [])]);
    // appendDNSConfig: an option of the same name is replaced.
    const byName = new Map<string, string>();
    for (const o of options) byName.set(o.split(':')[0], o);
    for (const o of dc.options ?? []) byName.set(o.name ?? '', o.value !== undefined ? `${o.name}:${o.value}` : o.name ?? '');
    options = [...byName.values()];
  }
  let out = '';
  for (const s of servers) out += `nameserver ${s}\n`;
  if (searches.length) out += `search ${searches.join(' ')}\n`;
  if (options.length) out += `options ${options.join(' ')}\n`;
  return out;
}

/** The pod's hostname: spec.hostname, else its name cut to 63 characters. */
export function podHostname(pod: Pod): string {
  return pod.spec?.hostname || (pod.metadata?.name ?? '').slice(0, 63).replace(/[-.]+$/, '');
}

/** managedHostsFileContent: undefined for hostNetwork pods (they see the node's /etc/hosts). */
export function etcHostsFor(pod: Pod, podIPs: readonly string[]): string | undefined {
  if (pod.spec?.hostNetwork) return undefined;
  const hostname = podHostname(pod);
  const sub = pod.spec?.subdomain;
  const domain = sub ? `${sub}.${pod.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}` : '';
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'
    + 'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  for (const ip of podIPs) out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return out;
}
