// The minikube system components as programs: the control plane (kube-apiserver,
// kube-controller-manager, kube-scheduler, etcd), kube-proxy, CoreDNS, the storage provisioner and
// the addons (ingress-nginx, metrics-server, dashboard). Each logs its characteristic start-up
// lines and answers its health endpoints; the engine's own components do the real work.
import type { Program, ProcCtx } from '../process/context';
import { sleep } from '../process/effects';
import { httpDate, klogTime, nginxErrorTime } from '../util/time-format';
import { daemon, text } from './daemon';
import { nginxErrorPage } from './nginx/nginx';

const ok = (ctx: ProcCtx) => () => text(200, 'ok', {}, httpDate(ctx.sys.clock.now()));

function klogLines(ctx: ProcCtx, lines: [string, string][]): void {
  for (const [where, msg] of lines) ctx.err(`I${klogTime(ctx.sys.clock.now())} ${String(ctx.pid).padStart(7)} ${where}] ${msg}\n`);
}

/** A klog-style Go server: start-up lines, health endpoints, exits cleanly on SIGTERM. */
function component(lines: [string, string][], ports: number[], memoryMb: number, stopLine?: [string, string]): Program {
  return function* (ctx) {
    klogLines(ctx, lines);
    yield* sleep(200 + ctx.sys.rng.int(300));
    return yield* daemon(ctx, {
      ports: Object.fromEntries(ports.map((p) => [p, ok(ctx)])),
      memoryBytes: memoryMb * 1024 * 1024, cpuMilli: 5,
      catches: ['SIGTERM', 'SIGINT'],
      *onSignal() { if (stopLine) klogLines(ctx, [stopLine]); return 0; },
    });
  };
}

export const kubeApiserver = component([['options.go:228', 'external host was not specified, using 192.168.49.2'], ['server.go:153', 'Version: v1.32.0'],
  ['server.go:155', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'], ['secure_serving.go:213', 'Serving securely on [::]:8443']], [8443], 280);
export const kubeControllerManager = component([['serving.go:386', 'Generated self-signed cert in-memory'], ['controllermanager.go:185', 'Version: v1.32.0'],
  ['leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...']], [10257], 55);
export const kubeScheduler = component([['serving.go:386', 'Generated self-signed cert in-memory'], ['server.go:167', 'Version: v1.32.0'],
  ['secure_serving.go:213', 'Serving securely on 127.0.0.1:10259']], [10259], 24);
export const kubeProxy = component([['server_linux.go:66', 'Using iptables proxy'], ['server.go:698', '"Successfully retrieved node IP(s)" IPs=["192.168.49.2"]'],
  ['server_linux.go:170', '"Using iptables Proxier"'], ['config.go:199', '"Starting service config controller"']], [10256, 10249], 22);
export const metricsServer = component([['serving.go:374', 'Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)'],
  ['handler.go:275', 'Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager'], ['secure_serving.go:213', 'Serving securely on [::]:10250']], [10250], 22);
export const storageProvisioner = component([['storage_provisioner.go:116', 'Initializing the minikube storage provisioner...'],
  ['storage_provisioner.go:141', 'Storage provisioner initialized, now starting service!'],
  ['leaderelection.go:243', 'attempting to acquire leader lease kube-system/k8s.io-minikube-hostpath...']], [], 10);

/** kindnetd: its start-up lines (this node's IP from HOST_IP, the pod subnet from POD_SUBNET); routing is the engine's own. */
export const kindnetd: Program = function* (ctx) {
  const hostIP = ctx.env.get('HOST_IP') ?? '';
  klogLines(ctx, [['main.go:109', 'connected to apiserver: https://10.96.0.1:443'], ['main.go:139', `hostIP = ${hostIP}\npodIP = ${ctx.env.get('POD_IP') ?? ''}`],
    ['main.go:148', 'setting mtu 1500 for CNI '], ['main.go:178', 'kindnetd IP family: "ipv4"'],
    ['main.go:182', `noMask IPv4 subnets: [${ctx.env.get('POD_SUBNET') ?? '10.244.0.0/16'}]`]]);
  return yield* daemon(ctx, { ports: {}, memoryBytes: 12 * 1024 * 1024, cpuMilli: 1, catches: ['SIGTERM', 'SIGINT'], *onSignal() { return 0; } });
};

/** etcd: zap JSON logs; /health on 2381. */
export const etcd: Program = function* (ctx) {
  const t = () => new Date(ctx.sys.clock.now()).toISOString().replace('Z', '123Z').replace(/\.(\d{3})123Z/, '.$1123Z');
  const j = (msg: string, extra: Record<string, unknown> = {}) => ctx.err(`${JSON.stringify({ level: 'info', ts: t(), caller: 'embed/etcd.go:128', msg, ...extra })}\n`);
  j('configuring peer listeners', { 'listen-peer-urls': ['https://192.168.49.2:2380'] });
  j('configuring client listeners', { 'listen-client-urls': ['https://127.0.0.1:2379', 'https://192.168.49.2:2379'] });
  j('starting an etcd server', { 'etcd-version': '3.5.16', 'go-version': 'go1.22.7' });
  yield* sleep(300);
  j('serving client traffic securely', { traffic: 'grpc+http', address: '192.168.49.2:2379' });
  return yield* daemon(ctx, { ports: { 2379: 'tcp', 2380: 'tcp', 2381: () => text(200, '{"health":"true","reason":""}') }, memoryBytes: 38 * 1024 * 1024,
    catches: ['SIGTERM', 'SIGINT'], *onSignal() { j('received signal; shutting down', { signal: 'terminated' }); return 0; } });
};

/** CoreDNS: its banner, then health (8080), ready (8181) and metrics (9153). */
export const coredns: Program = function* (ctx) {
  ctx.out('.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\n' +
    `CoreDNS-${ctx.sys.image.version.replace(/^v/, '')}\nlinux/amd64, go1.21.11, a6338e9\n`);
  return yield* daemon(ctx, { ports: { 53: 'tcp', 8080: () => text(200, 'OK'), 8181: () => text(200, 'OK'), 9153: () => text(200, '# HELP coredns_build_info\n') },
    memoryBytes: 14 * 1024 * 1024, catches: ['SIGTERM', 'SIGINT'], *onSignal() { ctx.out('[INFO] SIGTERM: Shutting down servers then terminating\n[INFO] plugin/health: Going into lameduck mode for 5s\n'); yield* sleep(5000); return 0; } });
};

/** The ingress-nginx controller: its banner; until Ingress routing is wired, the default backend's 404. */
export const ingressNginxController: Program = function* (ctx) {
  ctx.out('-------------------------------------------------------------------------------\nNGINX Ingress controller\n  Release:       v1.11.3\n' +
    '  Build:         0106de65cfccb74405a6dfa7d9daffc6f0a6ef1a\n  Repository:    https://github.com/kubernetes/ingress-nginx\n  nginx version: nginx/1.25.5\n\n' +
    '-------------------------------------------------------------------------------\n\n');
  klogLines(ctx, [['main.go:205', 'Creating API client for https://10.96.0.1:443'], ['main.go:248', '"Running in Kubernetes cluster" major="1" minor="32" git="v1.32.0" state="clean" commit="70d3cc986aa8221cd1dfb1121852688902d3bf53" platform="linux/amd64"'],
    ['nginx.go:271', '"Starting NGINX Ingress controller"']]);
  const notFound = () => ({ status: 404, headers: { Date: httpDate(ctx.sys.clock.now()), 'Content-Type': 'text/html', Connection: 'keep-alive' },
    body: nginxErrorPage(404, '').replace('nginx/', 'nginx') });
  return yield* daemon(ctx, { ports: { 80: notFound, 443: notFound, 10254: ok(ctx), 8443: 'tcp' }, memoryBytes: 90 * 1024 * 1024,
    catches: ['SIGTERM'], *onSignal() { klogLines(ctx, [['sigterm.go:36', 'Received SIGTERM, shutting down']]); yield* sleep(1000); return 0; } });
};

/** kube-webhook-certgen create|patch: does its job through the API and exits. */
export const kubeWebhookCertgen: Program = function* (ctx) {
  const op = ctx.argv[1] ?? 'create';
  const line = (msg: string) => ctx.err(`${JSON.stringify({ level: 'info', msg, source: op === 'patch' ? 'k8s/k8s.go:70' : 'k8s/k8s.go:229', time: new Date(ctx.sys.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z') })}\n`);
  line(op === 'patch' ? 'patching webhook configurations \'ingress-nginx-admission\' mutating=false, validating=true, failurePolicy=Fail' : 'creating new secret');
  yield* sleep(400);
  line(op === 'patch' ? 'Patched hook(s)' : 'secret created');
  return 0;
};

/** The Kubernetes dashboard (9090) and its metrics scraper (8000). */
export const dashboard: Program = function* (ctx) {
  ctx.err(`${nginxErrorTime(ctx.sys.clock.now())} Starting overwatch\n${nginxErrorTime(ctx.sys.clock.now())} Using namespace: kubernetes-dashboard\n${nginxErrorTime(ctx.sys.clock.now())} Serving insecurely on HTTP port: 9090\n`);
  return yield* daemon(ctx, { ports: { 9090: () => text(200, '<!doctype html><html lang="en"><head><title>Kubernetes Dashboard</title></head><body><kd-root></kd-root></body></html>', { 'Content-Type': 'text/html; charset=utf-8' }) },
    memoryBytes: 18 * 1024 * 1024, goDefault: true });
};

export const metricsScraper: Program = function* (ctx) {
  ctx.err(`{"level":"info","msg":"Kubernetes host: https://10.96.0.1:443","time":"${new Date(ctx.sys.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z')}"}\n`);
  return yield* daemon(ctx, { ports: { 8000: () => text(200, 'URL: /') }, memoryBytes: 8 * 1024 * 1024, goDefault: true });
};
