// The ingress addon and the seed's Ingress (004 Part 3): routing by host and path, the default
// backend's 404, the address the controller publishes, and the events it records.
import { describe, expect, it } from 'vitest';
import type { Ingress } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import * as seed from '../fixtures';
import { apply, expectNginxPage, run, session } from './harness';

const WEBAPP = `apiVersion: v1
kind: Pod
metadata:
  name: webapp
  labels:
    app: my-webapp
spec:
  containers:
  - name: webapp
    image: nginx:latest
    ports:
    - containerPort: 80
---${seed.WEBAPP_SERVICE}`;

describe('ingress-nginx', () => {
  it('the addon runs in ingress-nginx: controller Deployment, Services, IngressClass nginx (default), admission jobs', async () => {
    const s = session();
    const { images } = s.cluster.enableIngressAddon();
    expect(images).toEqual(['registry.k8s.io/ingress-nginx/controller:v1.11.3', 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4',
      'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4']);
    await run(s, 'sleep 60');
    expect(s.cluster.network.ingressReady()).toBe(true);
    expect(await run(s, 'kubectl get ingressclass')).toMatch(/^NAME +CONTROLLER +PARAMETERS +AGE\nnginx +k8s\.io\/ingress-nginx +<none> +60s\n$/);
    const jobs = await run(s, 'kubectl get jobs -n ingress-nginx');
    expect(jobs).toMatch(/ingress-nginx-admission-create +Complete +1\/1/);
    expect(jobs).toMatch(/ingress-nginx-admission-patch +Complete +1\/1/);
    expect(await run(s, 'kubectl get secret ingress-nginx-admission -n ingress-nginx -o jsonpath={.data}')).toMatch(/"ca":.*"cert":.*"key":/);
    expect(await run(s, 'kubectl get svc -n ingress-nginx')).toMatch(/ingress-nginx-controller +NodePort +\S+ +<none> +80:3\d{4}\/TCP,443:3\d{4}\/TCP/);
  });

  it('routes mywebapp.example.com / to webapp-service, fills ADDRESS, and answers an unknown host with its 404 page', async () => {
    const s = session();
    s.cluster.enableIngressAddon();
    await run(s, 'sleep 60');
    await apply(s, WEBAPP);
    expect(await apply(s, seed.WEBAPP_INGRESS /* Seed 004 Part 3 */)).toBe('ingress.networking.k8s.io/webapp-ingress created\n');
    const c = s.cluster.client('t');
    // The DefaultIngressClass admission gave it the default class.
    expect(c.get<Ingress>(R.ingresses, 'default', 'webapp-ingress').spec!.ingressClassName).toBe('nginx');
    expect(await run(s, 'kubectl get ingress')).toBe(
      'NAME             CLASS   HOSTS                  ADDRESS   PORTS   AGE\nwebapp-ingress   nginx   mywebapp.example.com             80      0s\n');
    await run(s, 'sleep 60');
    expect(await run(s, 'kubectl get ingress')).toBe(
      'NAME             CLASS   HOSTS                  ADDRESS        PORTS   AGE\nwebapp-ingress   nginx   mywebapp.example.com   192.168.49.2   80      60s\n');
    expect(await run(s, 'kubectl get events --field-selector involvedObject.kind=Ingress')).toMatch(
      /Normal +Sync +ingress\/webapp-ingress +Scheduled for sync/);

    // From the host: the node's port 80 is the controller's hostPort.
    const r = s.cluster.network.request({ from: 'host', url: 'http://192.168.49.2/', headers: { Host: 'mywebapp.example.com' } });
    expectNginxPage(s, r);
    if (r.ok) expect(r.headers.Server).toBeUndefined();
    expect((await run(s, 'curl -i http://192.168.49.2/')).replace(/Date: [^\r]+/, 'Date: D')).toBe('HTTP/1.1 404 Not Found\r\nDate: D\r\n' +
      'Content-Type: text/html\r\nContent-Length: 146\r\nConnection: keep-alive\r\n\r\n' +
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n' +
      '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
    // With the name in the host's /etc/hosts, as the tutorials have the learner add it.
    s.fs.write('/etc/hosts', '127.0.0.1 localhost\n192.168.49.2 mywebapp.example.com\n');
    expectNginxPage(s, s.cluster.network.request({ from: 'host', url: 'http://mywebapp.example.com/' }));
    // And through the controller's NodePort.
    const np = (await run(s, `kubectl get svc ingress-nginx-controller -n ingress-nginx -o jsonpath='{.spec.ports[0].nodePort}'`)).trim();
    expectNginxPage(s, s.cluster.network.request({ from: 'host', url: `http://192.168.49.2:${np}/`, headers: { Host: 'mywebapp.example.com' } }));
  });

  it('a backend without endpoints gets 503; a TLS host redirects http to https', async () => {
    const s = session();
    s.cluster.enableIngressAddon();
    await run(s, 'sleep 60');
    await apply(s, `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  tls:
  - hosts: [secure.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /cart
        pathType: Exact
        backend:
          service:
            name: missing
            port:
              name: http
  - host: secure.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: missing
            port:
              number: 80
`);
    const get = (host: string, path: string) => s.cluster.network.request({ from: 'host', url: `http://192.168.49.2${path}`, headers: { Host: host } });
    expect(get('shop.example.com', '/cart')).toMatchObject({ ok: true, status: 503 });
    expect(get('shop.example.com', '/cart/x')).toMatchObject({ ok: true, status: 404 });
    expect(get('secure.example.com', '/a')).toMatchObject({ ok: true, status: 308, headers: expect.objectContaining({ Location: 'https://secure.example.com/a' }) });
  });
});
