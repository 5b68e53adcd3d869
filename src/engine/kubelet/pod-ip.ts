// Pod IPs from the node's pod CIDR. Models the host-local IPAM plugin minikube's CNI uses: the
// gateway takes .1, pods get .2, .3, … in order, continuing after the last address handed out
// (released addresses are reused only after wrapping around). A network component may replace
// this allocator later; the kubelet only needs allocate/release.

/** Hands out pod IPs on one node. */
export interface PodIPAllocator {
  /** An IP for a pod's sandbox (the same uid gets the same IP while it holds one). */
  allocate(podUid: string): string;
  /** The pod's sandbox is gone. */
  release(podUid: string): void;
  /** The gateway (bridge) address: where the kubelet's probe connections come from. */
  gateway(): string;
}

function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  const o = ip.split('.').map(Number);
  const base = (((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3]) >>> 0;
  const size = 2 ** (32 - Number(bits ?? 24));
  return { base, size };
}

const toIP = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/** host-local IPAM over an IPv4 CIDR. */
export class HostLocalIPAM implements PodIPAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly byPod = new Map<string, number>();
  private readonly used = new Set<number>();
  private last = 1;

  constructor(cidr: string) {
    const { base, size } = parseCidr(cidr);
    this.base = base;
    this.size = size;
  }

  allocate(podUid: string): string {
    const have = this.byPod.get(podUid);
    if (have !== undefined) return toIP(this.base + have);
    const max = this.size - 2;
    for (let i = 0; i < max; i++) {
      let off = this.last + 1 + i;
      if (off > max) off = ((off - 2) % (max - 1)) + 2;
      if (off < 2 || this.used.has(off)) continue;
      this.used.add(off);
      this.byPod.set(podUid, off);
      this.last = off;
      return toIP(this.base + off);
    }
    throw new Error(`failed to allocate for range 0: no IP addresses available in range set: ${toIP(this.base + 1)}-${toIP(this.base + max)}`);
  }

  release(podUid: string): void {
    const off = this.byPod.get(podUid);
    if (off === undefined) return;
    this.byPod.delete(podUid);
    this.used.delete(off);
  }

  gateway(): string {
    return toIP(this.base + 1);
  }
}
