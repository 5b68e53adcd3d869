// Models pkg/scheduler/internal/cache/node_tree.go: nodes grouped by zone, listed round-robin across
// zones (zone A's 1st, zone B's 1st, A's 2nd, …) so that the first nodes tried are spread over zones.
import type { Node } from '../../api';

/** topology.GetZoneKey: "region:\0:zone" from the topology labels (the beta ones as fallback); "" when unlabeled. */
export function zoneKey(node: Node): string {
  const l = node.metadata?.labels ?? {};
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  if (!zone && !region) return '';
  return `${region}:\u0000:${zone}`;
}

/** The node tree. */
export class NodeTree {
  private readonly tree = new Map<string, string[]>();
  private readonly zones: string[] = [];
  numNodes = 0;

  addNode(n: Node): void {
    const zone = zoneKey(n);
    const name = n.metadata!.name!;
    const na = this.tree.get(zone);
    if (na) {
      if (na.includes(name)) return;
      na.push(name);
    } else {
      this.zones.push(zone);
      this.tree.set(zone, [name]);
    }
    this.numNodes++;
  }

  removeNode(n: Node): void {
    const zone = zoneKey(n);
    const na = this.tree.get(zone);
    if (!na) return;
    const i = na.indexOf(n.metadata!.name!);
    if (i < 0) return;
    na.splice(i, 1);
    if (na.length === 0) {
      this.tree.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
    this.numNodes--;
  }

  /** updateNode: moves the node when its zone changed. */
  updateNode(old: Node | undefined, n: Node): void {
    const oldZone = old ? zoneKey(old) : undefined;
    if (oldZone === zoneKey(n)) return;
    if (old) this.removeNode(old);
    this.addNode(n);
  }

  /** list: node names, round-robin across zones. */
  list(): string[] {
    const out: string[] = [];
    for (let i = 0; out.length < this.numNodes; i++) {
      let any = false;
      for (const z of this.zones) {
        const na = this.tree.get(z)!;
        if (i < na.length) {
          out.push(na[i]);
          any = true;
        }
      }
      if (!any) break;
    }
    return out;
  }
}
