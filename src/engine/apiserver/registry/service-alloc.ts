// Cluster IPs and node ports for Services, allocated before validation as the service REST
// storage does (pkg/registry/core/service/storage/alloc.go, ipallocator/bitmap.go,
// portallocator/allocator.go). Dynamic picks are random within the upper band of each range
// (randomScanStrategyWithOffset): static addresses like 10.96.0.10 live in the lower band.
import type { KubeObject, Service } from '../../api/types';
import { newInvalid } from '../../api/errors';
import { invalid, FieldPath, type FieldError } from '../../api/field';
import { nodePortAllocated, nodePortNotInRange } from '../../api/validation';
import type { Rng } from '../../clock';

const CIDR = '10.96.0.0/12';
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20; // a /12
const IP_OFFSET = 256; // min(max(16, size/16), 256)
const PORT_MIN = 30000;
const PORT_MAX = 32767;
const PORT_OFFSET = 128; // min(max(16, 2768/16), 128)

const ipString = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
function ipNumber(s: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (!m) return undefined;
  const p = m.slice(1).map(Number);
  if (p.some((x) => x > 255)) return undefined;
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

const SPEC = FieldPath.root('spec');

/** Holds the allocations of one API server. Rebuilt from stored Services on first use. */
export class ServiceAllocator {
  private readonly ips = new Set<number>();
  private readonly ports = new Set<number>();
  private loaded = false;

  constructor(private readonly rng: Rng, private readonly listServices: () => readonly KubeObject[]) {}

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const s of this.listServices()) this.take(s as Service);
  }

  private take(s: Service): void {
    for (const ip of s.spec?.clusterIPs ?? []) {
      const n = ipNumber(ip);
      if (n !== undefined) this.ips.add(n);
    }
    for (const p of s.spec?.ports ?? []) if (p.nodePort) this.ports.add(p.nodePort);
    if (s.spec?.healthCheckNodePort) this.ports.add(s.spec.healthCheckNodePort);
  }

  /** Releases what a deleted Service held. */
  release(obj: KubeObject): void {
    this.load();
    const s = obj as Service;
    for (const ip of s.spec?.clusterIPs ?? []) {
      const n = ipNumber(ip);
      if (n !== undefined) this.ips.delete(n);
    }
    for (const p of s.spec?.ports ?? []) if (p.nodePort) this.ports.delete(p.nodePort);
    if (s.spec?.healthCheckNodePort) this.ports.delete(s.spec.healthCheckNodePort);
  }

  private randomIP(): number {
    const pick = (lo: number, hi: number): number | undefined => {
      const start = lo + this.rng.int(hi - lo);
      for (let k = 0; k < hi - lo; k++) {
        const i = lo + ((start - lo + k) % (hi - lo));
        const n = (BASE + 1 + i) >>> 0;
        if (!this.ips.has(n)) return n;
      }
      return undefined;
    };
    const n = pick(IP_OFFSET, SIZE - 2) ?? pick(0, IP_OFFSET);
    if (n === undefined) throw new Error('range is full');
    return n;
  }

  private randomPort(): number {
    const pick = (lo: number, hi: number): number | undefined => {
      const start = lo + this.rng.int(hi - lo + 1);
      for (let k = 0; k <= hi - lo; k++) {
        const p = lo + ((start - lo + k) % (hi - lo + 1));
        if (!this.ports.has(p)) return p;
      }
      return undefined;
    };
    const p = pick(PORT_MIN + PORT_OFFSET, PORT_MAX) ?? pick(PORT_MIN, PORT_MIN + PORT_OFFSET - 1);
    if (p === undefined) throw new Error('range is full');
    return p;
  }

  /**
   * Allocates for a new or updated Service (in place). On update, fields the new type no longer
   * needs are dropped first (dropTypeDependentFields) and what the old Service held but the new one
   * does not is released. Returns an undo for when a later step fails; nothing permanent on a dry run.
   */
  allocate(obj: KubeObject, old: KubeObject | undefined, dryRun: boolean): () => void {
    this.load();
    const s = obj as Service;
    const spec = (s.spec ?? {}) as NonNullable<Service['spec']>;
    if (old) dropTypeDependentFields(spec, (old as Service).spec ?? {});
    const taken: { ips: number[]; ports: number[] } = { ips: [], ports: [] };
    const released: { ips: number[]; ports: number[] } = { ips: [], ports: [] };
    const undo = () => {
      for (const n of taken.ips) this.ips.delete(n);
      for (const p of taken.ports) this.ports.delete(p);
      for (const n of released.ips) this.ips.add(n);
      for (const p of released.ports) this.ports.add(p);
    };
    const errs: FieldError[] = [];
    const oldSpec = (old as Service | undefined)?.spec;
    try {
      if (spec.type !== 'ExternalName' && !oldSpec?.clusterIPs?.length) {
        if (spec.clusterIP === 'None') {
          spec.clusterIPs = ['None'];
        } else if (spec.clusterIP) {
          const n = ipNumber(spec.clusterIP);
          if (n === undefined || ((n - BASE) >>> 0) >= SIZE) {
            errs.push(invalid(SPEC.child('clusterIPs'), [spec.clusterIP],
              `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${CIDR}`));
          } else if (this.ips.has(n)) {
            errs.push(invalid(SPEC.child('clusterIPs'), [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`));
          } else {
            if (!dryRun) { this.ips.add(n); taken.ips.push(n); }
            spec.clusterIPs = [spec.clusterIP];
          }
        } else {
          const n = this.randomIP();
          if (!dryRun) { this.ips.add(n); taken.ips.push(n); }
          spec.clusterIP = ipString(n);
          spec.clusterIPs = [spec.clusterIP];
        }
        if (spec.clusterIP !== 'None' || spec.clusterIPs?.[0] === 'None') {
          spec.ipFamilies ??= ['IPv4'];
          spec.ipFamilyPolicy ??= 'SingleStack';
        }
      }
      const needsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
      const oldPorts = new Set((oldSpec?.ports ?? []).map((p) => p.nodePort).filter(Boolean));
      (spec.ports ?? []).forEach((p, i) => {
        if (!needsNodePorts) return;
        if (p.nodePort) {
          if (oldPorts.has(p.nodePort)) return;
          if (p.nodePort < PORT_MIN || p.nodePort > PORT_MAX) errs.push(nodePortNotInRange(i, p.nodePort));
          else if (this.ports.has(p.nodePort)) errs.push(nodePortAllocated(i, p.nodePort));
          else if (!dryRun) { this.ports.add(p.nodePort); taken.ports.push(p.nodePort); }
        } else {
          p.nodePort = this.randomPort();
          if (!dryRun) { this.ports.add(p.nodePort); taken.ports.push(p.nodePort); }
        }
      });
      if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort) {
        spec.healthCheckNodePort = this.randomPort();
        if (!dryRun) { this.ports.add(spec.healthCheckNodePort); taken.ports.push(spec.healthCheckNodePort); }
      }
    } catch (e) {
      undo();
      throw e;
    }
    if (errs.length) {
      undo();
      throw newInvalid({ group: '', kind: 'Service' }, obj.metadata?.name ?? '', errs);
    }
    // Release what the old Service held and the new one no longer does (storage.go's update txn).
    if (oldSpec && !dryRun) {
      const keepIPs = new Set((spec.clusterIPs ?? []).map(ipNumber));
      for (const ip of oldSpec.clusterIPs ?? []) {
        const n = ipNumber(ip);
        if (n !== undefined && !keepIPs.has(n) && this.ips.delete(n)) released.ips.push(n);
      }
      const keepPorts = new Set([...(spec.ports ?? []).map((p) => p.nodePort), spec.healthCheckNodePort].filter(Boolean));
      for (const p of [...(oldSpec.ports ?? []).map((x) => x.nodePort), oldSpec.healthCheckNodePort]) {
        if (p && !keepPorts.has(p) && this.ports.delete(p)) released.ports.push(p);
      }
    }
    return undo;
  }
}

type Spec = NonNullable<Service['spec']>;
const needsClusterIP = (s: Spec) => s.type !== 'ExternalName';
const needsNodePort = (s: Spec) => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
const externallyAccessible = (s: Spec) => s.type === 'LoadBalancer' || s.type === 'NodePort' || !!s.externalIPs?.length;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * dropTypeDependentFields (pkg/registry/core/service/strategy.go): on a type change, clear what the
 * new type does not use and the user did not also change — cluster IPs (to ExternalName), node
 * ports (to ClusterIP), the health-check node port, allocateLoadBalancerNodePorts,
 * loadBalancerClass and externalTrafficPolicy — so `kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`
 * works on a NodePort Service.
 */
export function dropTypeDependentFields(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (same(spec.clusterIP, old.clusterIP) && same(spec.clusterIPs, old.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (same(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (same(spec.ipFamilyPolicy, old.ipFamilyPolicy)) delete spec.ipFamilyPolicy;
  }
  const sameNodePorts = (spec.ports ?? []).every((p, i) => !p.nodePort || p.nodePort === (old.ports ?? [])[i]?.nodePort);
  if (needsNodePort(old) && !needsNodePort(spec) && sameNodePorts) for (const p of spec.ports ?? []) delete p.nodePort;
  const needsHC = (s: Spec) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
  if (needsHC(old) && !needsHC(spec) && same(spec.healthCheckNodePort, old.healthCheckNodePort)) delete spec.healthCheckNodePort;
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (same(spec.loadBalancerClass, old.loadBalancerClass)) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && same(spec.externalTrafficPolicy, old.externalTrafficPolicy)) {
    delete spec.externalTrafficPolicy;
  }
}
