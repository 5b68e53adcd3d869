// Seed 004 Part 6: `kubectl port-forward test-app-pod 8080:80`, then http://localhost:8080 shows
// nginx's page. The local side is the engine's forwardPorts over the kubelet's pods/portforward
// session (what kubectl's port-forward uses); deleting the pod loses the connection.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import * as seed from '../fixtures';
import { forwardPorts, LOST_CONNECTION_TO_POD, type PortForwardTarget } from '../../src/engine/network';
import { apply, expectNginxPage, run, session } from './harness';

function start(s: ReturnType<typeof session>, local: number, remote: number) {
  const c = s.cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  const r = c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'test-app-pod', subresource: 'portforward' });
  const target = r.body as PortForwardTarget;
  let out = '', err = '', lost = false;
  const h = forwardPorts({ localPorts: s.cluster.network.localPorts, target, ports: [{ local, remote }],
    out: (x) => { out += x; }, errOut: (x) => { err += x; }, onLost: () => { lost = true; },
    podAlive: () => !!c.tryGet<Pod>(R.pods, 'default', 'test-app-pod') });
  return { h, out: () => out, err: () => err, lost: () => lost };
}

describe('port-forward', () => {
  it('answers on the local port and stops when the pod is deleted', async () => {
    const s = session();
    await apply(s, seed.TEST_APP_POD);
    await run(s, 'sleep 20');
    const pf = start(s, 8080, 80);
    expect(pf.out()).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expectNginxPage(s, s.cluster.network.request({ from: 'host', url: 'http://localhost:8080' }));
    expect(pf.out()).toContain('Handling connection for 8080\n');
    const page = await run(s, 'curl -s http://localhost:8080/');
    expect(page.length).toBeGreaterThan(0);
    await run(s, 'kubectl delete pod test-app-pod');
    expect(await run(s, 'curl http://localhost:8080/')).toBe('curl: (52) Empty reply from server\n');
    expect(pf.lost()).toBe(true);
    expect(LOST_CONNECTION_TO_POD).toBe('lost connection to pod');
    // The listener is gone with the lost connection.
    expect(await run(s, 'curl http://localhost:8080/')).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });

  it('a port nobody listens on in the pod ends the forward too; a taken local port is reported', async () => {
    const s = session();
    await apply(s, seed.TEST_APP_POD);
    await run(s, 'sleep 20');
    const a = start(s, 9090, 81);
    expect(() => start(s, 9090, 80)).toThrow('unable to listen on any of the requested ports: [{9090 80}]');
    expect(s.cluster.network.request({ from: 'host', url: 'http://localhost:9090' })).toMatchObject({ ok: false, error: 'empty' });
    expect(a.lost()).toBe(true);
  });
});
