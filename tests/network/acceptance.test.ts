// The acceptance scenarios on the real simulated runtime (runtime: 'sim'): programs serve
// HTTP, nginx logs every request, busybox's wget and nslookup and curl go through the network.
// Logs are read through pods/log (what `kubectl logs` prints), commands run in the containers as
// `kubectl exec` runs them.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import * as seed from '../fixtures';
import { apply, exec, logs, run, session, WEB_STATEFULSET } from './harness';

/** A busybox pod sleeping, for nslookup and wget from inside the cluster. */
const BUSYBOX_POD = `apiVersion: v1
kind: Pod
metadata:
  name: busybox
spec:
  containers:
  - name: busybox
    image: busybox:1.28
    command: ["sleep", "3600"]
`;

const SEED_004 = `${seed.TWO_CONTAINER_POD}---${seed.WEBAPP_SERVICE}---
apiVersion: v1
kind: Pod
metadata:
  name: curl
spec:
  containers:
  - name: curl
    image: curlimages/curl:8.11.1
    command: ["sleep", "3600"]
---
${BUSYBOX_POD}`;

describe('on the simulated runtime', () => {
  it('seed 004 Part 3: curl from another pod to http://webapp-service returns the nginx page, logged by nginx', async () => {
    const s = session();
    await apply(s, SEED_004);
    await run(s, 'sleep 120');
    const c = s.cluster.client('t');
    const curlIP = c.get<Pod>(R.pods, 'default', 'curl').status!.podIP!;
    const r = await exec(s, 'curl', 'curl', ['curl', '-s', 'http://webapp-service']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<h1>Welcome to nginx!</h1>');
    const last = logs(s, 'webapp-with-db', 'webapp').trimEnd().split('\n').pop()!;
    expect(last).toMatch(new RegExp(`^${curlIP.replace(/\./g, '\\.')} - - \\[15/Jan/2025:09:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 615 "-" "curl/8\\.11\\.1" "-"$`));
  });

  it('busybox resolves and fetches through the Service; unknown names fail as busybox says', async () => {
    const s = session();
    await apply(s, SEED_004);
    await run(s, 'sleep 120');
    const ip = s.cluster.client('t').get(R.services, 'default', 'webapp-service').spec.clusterIP as string;
    expect(await exec(s, 'busybox', 'busybox', ['nslookup', 'webapp-service'])).toEqual({ code: 0, out:
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
      `Name:      webapp-service\nAddress 1: ${ip} webapp-service.default.svc.cluster.local\n` });
    expect((await exec(s, 'busybox', 'busybox', ['wget', '-qO-', 'http://webapp-service'])).out).toContain('<title>Welcome to nginx!</title>');
    expect(await exec(s, 'busybox', 'busybox', ['wget', '-qO-', 'http://nope'])).toEqual({ code: 1, out: "wget: bad address 'nope'\n" });
  });

  it('the ingress controller routes mywebapp.example.com and answers an unknown host with its 404 page', async () => {
    const s = session();
    s.cluster.enableIngressAddon();
    await apply(s, SEED_004);
    await apply(s, seed.WEBAPP_INGRESS);
    await run(s, 'sleep 150');
    expect(await run(s, 'kubectl get ingress')).toMatch(/webapp-ingress +nginx +mywebapp\.example\.com +192\.168\.49\.2 +80 /);
    const page = s.cluster.network.request({ from: 'host', url: 'http://192.168.49.2/', headers: { Host: 'mywebapp.example.com' } });
    expect(page).toMatchObject({ ok: true, status: 200 });
    if (page.ok) expect(page.body).toContain('Welcome to nginx!');
    const ingressPod = s.cluster.client('t').list(R.pods, 'ingress-nginx', { labelSelector: 'app.kubernetes.io/component=controller' }).items[0];
    expect(logs(s, 'webapp-with-db', 'webapp').trimEnd().split('\n').pop()).toMatch(new RegExp(`^${ingressPod.status.podIP.replace(/\./g, '\\.')} - - `));
    expect(await run(s, 'curl -s http://192.168.49.2/ -H "Host: unknown.example.com"')).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
  });

  it('a headless Service gives StatefulSet pods their own names (busybox nslookup)', async () => {
    const s = session();
    await apply(s, `${WEB_STATEFULSET}---\n${BUSYBOX_POD}`);
    await run(s, 'sleep 120');
    const ip = (n: string) => s.cluster.client('t').get<Pod>(R.pods, 'default', n).status!.podIP!;
    expect((await exec(s, 'busybox', 'busybox', ['nslookup', 'web-0.nginx'])).out).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
      `Name:      web-0.nginx\nAddress 1: ${ip('web-0')} web-0.nginx.default.svc.cluster.local\n`);
    expect((await exec(s, 'busybox', 'busybox', ['wget', '-qO-', 'http://web-1.nginx'])).out).toContain('Welcome to nginx!');
  });
});
