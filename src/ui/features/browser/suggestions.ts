// Addresses worth opening, read from the cluster: NodePort Services on the node's address (what
// `minikube service --url` prints) and Ingress hosts.
import type { KubeObject } from '../../../worker';

type Any = Record<string, any>;

/** A suggested address. */
export interface Suggestion {
  url: string;
  label: string;
}

/** The suggestions for the mirrored nodes, services and ingresses. */
export function suggestions(nodes: Iterable<KubeObject>, services: Iterable<KubeObject>, ingresses: Iterable<KubeObject>): Suggestion[] {
  const node = [...nodes][0] as Any | undefined;
  const ip: string | undefined = node?.status?.addresses?.find((a: Any) => a.type === 'InternalIP')?.address;
  const out: Suggestion[] = [];
  for (const s of services as Iterable<Any>) {
    if (!ip || (s.spec?.type !== 'NodePort' && s.spec?.type !== 'LoadBalancer')) continue;
    for (const p of s.spec?.ports ?? []) {
      if (p.nodePort && (p.protocol ?? 'TCP') === 'TCP') out.push({ url: `http://${ip}:${p.nodePort}`, label: `service ${s.metadata?.name}${s.spec.ports.length > 1 ? ` (${p.name ?? p.port})` : ''}` });
    }
  }
  for (const i of ingresses as Iterable<Any>) {
    for (const r of i.spec?.rules ?? []) {
      if (r.host) out.push({ url: `http://${r.host}/`, label: `ingress ${i.metadata?.name}` });
    }
  }
  return out.sort((a, b) => a.url.localeCompare(b.url));
}
