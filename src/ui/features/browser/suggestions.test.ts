import { describe, expect, it } from 'vitest';
import { suggestions } from './suggestions';
import type { KubeObject } from '../../../worker';

const node = { metadata: { name: 'minikube' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.49.2' }, { type: 'Hostname', address: 'minikube' }] } } as KubeObject;
const svc = (name: string, type: string, ports: object[]) => ({ metadata: { name }, spec: { type, ports } }) as unknown as KubeObject;

describe('suggestions', () => {
  it('lists NodePorts on the node address and Ingress hosts, not ClusterIPs', () => {
    const services = [svc('web', 'NodePort', [{ port: 80, nodePort: 30080 }]), svc('db', 'ClusterIP', [{ port: 5432 }]),
      svc('two', 'LoadBalancer', [{ name: 'http', port: 80, nodePort: 31000 }, { name: 'udp', port: 53, nodePort: 31001, protocol: 'UDP' }])];
    const ingresses = [{ metadata: { name: 'webapp-ingress' }, spec: { rules: [{ host: 'webapp.example.com' }, { http: {} }] } } as unknown as KubeObject];
    expect(suggestions([node], services, ingresses)).toEqual([
      { url: 'http://192.168.49.2:30080', label: 'service web' },
      { url: 'http://192.168.49.2:31000', label: 'service two (http)' },
      { url: 'http://webapp.example.com/', label: 'ingress webapp-ingress' },
    ]);
  });
});
