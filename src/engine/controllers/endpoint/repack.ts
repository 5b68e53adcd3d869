// The canonical shape of Endpoints subsets and the capacity cap. Models pkg/api/v1/endpoints/util.go
// (RepackSubsets, SortSubsets, LessEndpointAddress) and pkg/controller/endpoint/endpoints_controller.go
// (truncateEndpoints, capacityAnnotationSetCorrectly, addressSubset).
import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../api';

/** maxCapacity: addresses an Endpoints object keeps before it is truncated. */
export const MAX_CAPACITY = 1000;

/** LessEndpointAddress: by IP (bytewise), then by target UID. */
export function lessEndpointAddress(a: EndpointAddress, b: EndpointAddress): boolean {
  if (a.ip !== b.ip) return a.ip < b.ip;
  if (!b.targetRef) return false;
  if (!a.targetRef) return true;
  return (a.targetRef.uid ?? '') < (b.targetRef.uid ?? '');
}

const cmpAddr = (a: EndpointAddress, b: EndpointAddress) => (lessEndpointAddress(a, b) ? -1 : lessEndpointAddress(b, a) ? 1 : 0);
const portKey = (p: EndpointPort) => `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`;
// Deviation: upstream orders ports and subsets by the md5 of their spew dump; the simulator orders
// ports by (name, port, protocol) and subsets by their first port, which is stable and readable.
const cmpPort = (a: EndpointPort, b: EndpointPort) => {
  const an = a.name ?? '', bn = b.name ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  if (a.port !== b.port) return a.port - b.port;
  return (a.protocol ?? '') < (b.protocol ?? '') ? -1 : (a.protocol ?? '') > (b.protocol ?? '') ? 1 : 0;
};

/**
 * RepackSubsets: expands subsets to (address, port, ready) triples and regroups them so that each
 * subset holds the addresses offering exactly the same ports. An address not ready on any port is
 * not ready on all of them ("not ready always trumps ready").
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const addrs = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort; ready: Map<string, boolean> }>();
  const addrKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
  const map = (a: EndpointAddress, port: EndpointPort, ready: boolean) => {
    const k = addrKey(a);
    if (!addrs.has(k)) addrs.set(k, a);
    const pk = portKey(port);
    let e = byPort.get(pk);
    if (!e) byPort.set(pk, (e = { port, ready: new Map() }));
    const was = e.ready.get(k);
    if (was === undefined || was) e.ready.set(k, ready);
  };
  for (const ss of subsets) {
    for (const port of ss.ports ?? []) {
      for (const a of ss.addresses ?? []) map(a, port, true);
      for (const a of ss.notReadyAddresses ?? []) map(a, port, false);
    }
  }
  // Group ports by the exact (address, readiness) set they are offered on.
  const groups = new Map<string, { ports: EndpointPort[]; ready: Map<string, boolean> }>();
  for (const { port, ready } of byPort.values()) {
    const sig = [...ready].map(([k, r]) => `${k}\u0001${r}`).sort().join('\u0002');
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports: [], ready }));
    g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.ready) (r ? ready : notReady).push(addrs.get(k)!);
    const ss: EndpointSubset = {};
    if (ready.length) ss.addresses = ready.sort(cmpAddr);
    if (notReady.length) ss.notReadyAddresses = notReady.sort(cmpAddr);
    ss.ports = g.ports.sort(cmpPort);
    out.push(ss);
  }
  return out.sort((a, b) => cmpPort(a.ports![0], b.ports![0]));
}

/** Total addresses (ready and not) of the subsets. */
export function countAddresses(subsets: readonly EndpointSubset[]): number {
  let n = 0;
  for (const s of subsets) n += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  return n;
}

/**
 * truncateEndpoints: past MAX_CAPACITY addresses, keeps a share of each subset proportional to its
 * size (rounded up), ready addresses first. Returns the subsets to store and whether it truncated.
 * Worked example: 1,200 ready + 100 not ready in one subset → the 1,000 first ready kept, the not
 * ready dropped; 900 ready + 300 not ready → all ready, 100 not ready kept.
 */
export function truncateEndpoints(subsets: readonly EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  let totalReady = 0, totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MAX_CAPACITY) return { subsets: [...subsets], truncated: false };
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  const out = subsets.map((s) => {
    const n = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((n / numTotal) * max), canBeAdded);
    const ss: EndpointSubset = { ...s };
    if (truncateReady) {
      ss.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete ss.notReadyAddresses;
      canBeAdded -= ss.addresses.length;
      if (!ss.addresses.length) delete ss.addresses;
    } else {
      ss.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= ss.notReadyAddresses.length;
      if (!ss.notReadyAddresses.length) delete ss.notReadyAddresses;
    }
    return ss;
  });
  return { subsets: out, truncated: true };
}
