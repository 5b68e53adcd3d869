import { describe, expect, it } from 'vitest';
import type { KubeObject, Service } from '../../api/types';
import { StatusError } from '../../api/errors';
import { SeededRng } from '../../clock';
import { ServiceAllocator, dropTypeDependentFields } from './service-alloc';

const svc = (spec: NonNullable<Service['spec']>, name = 'web'): Service => ({ metadata: { name, namespace: 'default' }, spec });
const msg = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof StatusError ? e.status.message : String(e);
  }
  return '';
};

describe('ServiceAllocator', () => {
  it('allocates a cluster IP from the upper band and node ports from 30128..32767', () => {
    const a = new ServiceAllocator(new SeededRng(1), () => []);
    const s = svc({ type: 'NodePort', ports: [{ port: 80 }] });
    a.allocate(s as KubeObject, undefined, false);
    const n = s.spec!.clusterIP!.split('.').map(Number);
    expect(n[0]).toBe(10);
    expect(((n[1] - 96) << 16) + (n[2] << 8) + n[3]).toBeGreaterThan(256);
    expect(s.spec!.ports![0].nodePort).toBeGreaterThanOrEqual(30128);
    expect(s.spec!.ports![0].nodePort).toBeLessThanOrEqual(32767);
    expect(s.spec!.clusterIPs).toEqual([s.spec!.clusterIP]);
  });

  const bad: { name: string; spec: NonNullable<Service['spec']>; message: string }[] = [
    { name: 'a node port out of range', spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] },
      message: 'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767' },
    { name: 'a taken node port', spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] },
      message: 'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated' },
    { name: 'a taken cluster IP', spec: { clusterIP: '10.96.0.10', ports: [{ port: 80 }] },
      message: 'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated' },
    { name: 'a cluster IP outside the range', spec: { clusterIP: '10.0.0.1', ports: [{ port: 80 }] },
      message: 'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12' },
  ];
  for (const c of bad) {
    it(`rejects ${c.name}`, () => {
      const a = new ServiceAllocator(new SeededRng(1), () => [svc({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], type: 'NodePort',
        ports: [{ port: 53, nodePort: 30080 }] }, 'dns') as KubeObject]);
      expect(msg(() => a.allocate(svc(c.spec) as KubeObject, undefined, false))).toBe(c.message);
    });
  }

  it('releases node ports when a NodePort Service becomes ClusterIP, and on delete', () => {
    const a = new ServiceAllocator(new SeededRng(1), () => []);
    const first = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    a.allocate(first as KubeObject, undefined, false);
    const changed = svc({ ...structuredClone(first.spec!), type: 'ClusterIP', externalTrafficPolicy: undefined });
    a.allocate(changed as KubeObject, first as KubeObject, false);
    expect(changed.spec!.ports![0].nodePort).toBeUndefined();
    expect(msg(() => a.allocate(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'other') as KubeObject, undefined, false))).toBe('');
    a.release(svc({ type: 'NodePort', clusterIPs: [], ports: [{ port: 80, nodePort: 30080 }] }, 'other') as KubeObject);
    expect(msg(() => a.allocate(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'third') as KubeObject, undefined, false))).toBe('');
  });

  it('a failed update gives back what it released', () => {
    const a = new ServiceAllocator(new SeededRng(1), () => []);
    const first = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    a.allocate(first as KubeObject, undefined, false);
    const undo = a.allocate(svc({ ...structuredClone(first.spec!), type: 'ClusterIP' }) as KubeObject, first as KubeObject, false);
    undo();
    expect(msg(() => a.allocate(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'x') as KubeObject, undefined, false)))
      .toContain('provided port is already allocated');
  });
});

describe('dropTypeDependentFields', () => {
  it('drops cluster IPs and node ports going to ExternalName, keeps what the user changed', () => {
    const old: NonNullable<Service['spec']> = { type: 'NodePort', clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, nodePort: 30080 }] };
    const spec = { ...structuredClone(old), type: 'ExternalName', externalName: 'db.example.com' };
    dropTypeDependentFields(spec, old);
    expect(spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', ports: [{ port: 80 }] });
    const kept = { ...structuredClone(old), type: 'ClusterIP', ports: [{ port: 80, nodePort: 30081 }] };
    dropTypeDependentFields(kept, old);
    expect(kept.ports[0].nodePort).toBe(30081);
  });
});
