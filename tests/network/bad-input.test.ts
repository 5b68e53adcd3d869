// Bad input around Services and Ingresses: what the learner sees, as a real cluster shows it.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import * as seed from '../fixtures';
import { apply, CLIENT_POD, fromPod, run, session } from './harness';

const service = (spec: string, name = 'web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;

describe('bad input', () => {
  // kubectl v1.32 describes a Service's endpoints from its EndpointSlices: the controller's empty
  // placeholder slice prints as nothing at all (checked with the real kubectl 1.32 against
  // `kubesim serve`); `kubectl get endpoints` shows <none>.
  it('a Service selecting nothing has no endpoints, refuses connections, and describe shows none', async () => {
    const s = session();
    await apply(s, CLIENT_POD);
    await apply(s, service('  selector:\n    app: typo\n  ports:\n  - port: 80\n'));
    await run(s, 'sleep 20');
    expect(await run(s, 'kubectl get endpoints web')).toBe('NAME   ENDPOINTS   AGE\nweb    <none>      20s\n');
    const d = await run(s, 'kubectl describe service web');
    expect(d).toMatch(/\nEndpoints: {16}\nSession Affinity:/);
    // The controller keeps a placeholder slice with no endpoints.
    const slices = s.cluster.client('t').list<EndpointSlice>(R.endpointslices, 'default', { labelSelector: 'kubernetes.io/service-name=web' }).items;
    expect(slices.map((x) => [x.endpoints, x.ports])).toEqual([[null, null]]);
    expect(fromPod(s, 'client', 'http://web')).toMatchObject({ ok: false, error: 'refused' });
  });

  it('a targetPort naming a port the pod does not have gives no endpoint port: nothing routes', async () => {
    const s = session();
    await apply(s, CLIENT_POD);
    await apply(s, seed.POD_NGINX);
    await apply(s, service('  selector:\n    app: nginx\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n'));
    await run(s, 'sleep 30');
    expect(await run(s, 'kubectl get endpoints web')).toBe('NAME   ENDPOINTS   AGE\nweb    <none>      30s\n');
    const slice = s.cluster.client('t').list<EndpointSlice>(R.endpointslices, 'default', { labelSelector: 'kubernetes.io/service-name=web' }).items[0];
    // The pod is in the slice, but no port resolved on it.
    expect(slice.ports).toBeNull();
    expect(slice.endpoints).toHaveLength(1);
    expect(fromPod(s, 'client', 'http://web')).toMatchObject({ ok: false, error: 'refused' });
  });

  it('a nodePort outside 30000-32767 is rejected with the API server’s message', async () => {
    const s = session();
    const out = await apply(s, service('  type: NodePort\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n    nodePort: 80\n'));
    expect(out).toBe('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. ' +
      'The range of valid ports is 30000-32767\n');
  });

  it('a nodePort already taken is rejected', async () => {
    const s = session();
    await apply(s, service('  type: NodePort\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n    nodePort: 30080\n', 'first'));
    const out = await apply(s, service('  type: NodePort\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n    nodePort: 30080\n', 'second'));
    expect(out).toBe('The Service "second" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n');
  });

  const ingress = (host: string) => seed.hostIngress('bad', host, 'web');
  const hostCases: { name: string; host: string; message: string }[] = [
    { name: 'upper case', host: 'MyWebApp.example.com', message: 'The Ingress "bad" is invalid: spec.rules[0].host: Invalid value: "MyWebApp.example.com": ' +
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an " +
      "alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" },
    { name: 'an IP address', host: '192.168.49.2', message: 'The Ingress "bad" is invalid: spec.rules[0].host: Invalid value: "192.168.49.2": ' +
      'must be a DNS name, not an IP address\n' },
    { name: 'a wildcard in the middle', host: 'foo.*.example.com', message: 'The Ingress "bad" is invalid: spec.rules[0].host: Invalid value: "foo.*.example.com": ' +
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric " +
      "characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is " +
      "'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" },
  ];
  for (const c of hostCases) {
    it(`an Ingress host that is ${c.name} is rejected`, async () => {
      const s = session();
      expect(await apply(s, ingress(c.host))).toBe(c.message);
    });
  }
});
