// Images outside docker.io/library: the ones minikube v1.35 runs for Kubernetes v1.32.0 (kubeadm
// constants: pause 3.10, etcd 3.5.16-0, CoreDNS v1.11.3; addons: storage-provisioner v5,
// ingress-nginx v1.11.3, metrics-server v0.7.2, dashboard v2.7.0) and the ones the Kubernetes and
// minikube docs use in their examples (agnhost, echoserver, hpa-example, hello-app, stress …).
import type { CatalogImage, OsRelease } from './catalog-types';
import { OS, env, image } from './build';

const K8S = 'registry.k8s.io';

function sys(repo: string, version: string, tags: string[], sizeMb: number, bins: Record<string, string>,
  o: { entrypoint?: string[]; cmd?: string[]; os?: OsRelease; stopSignal?: 'SIGTERM' | 'SIGQUIT'; env?: Record<string, string>;
    digest?: string } = {}): CatalogImage {
  const img = image({ repo, version, tags, os: o.os ?? OS.distroless, sizeMb, ratio: 0.36,
    config: { entrypoint: o.entrypoint, cmd: o.cmd, env: env(o.env), stopSignal: o.stopSignal }, bins });
  return o.digest ? { ...img, digest: o.digest } : img;
}

/** The control plane and addon images of a minikube v1.35 / Kubernetes v1.32.0 cluster. */
function systemImages(): CatalogImage[] {
  const v = 'v1.32.0';
  return [
    sys(`${K8S}/kube-apiserver`, v, [v], 97, { '/usr/local/bin/kube-apiserver': 'kube-apiserver' }),
    sys(`${K8S}/kube-controller-manager`, v, [v], 89.7, { '/usr/local/bin/kube-controller-manager': 'kube-controller-manager' }),
    sys(`${K8S}/kube-scheduler`, v, [v], 69.6, { '/usr/local/bin/kube-scheduler': 'kube-scheduler' }),
    sys(`${K8S}/kube-proxy`, v, [v], 94, { '/usr/local/bin/kube-proxy': 'kube-proxy' }, { os: OS.bookworm }),
    sys(`${K8S}/etcd`, '3.5.16', ['3.5.16-0'], 150, { '/usr/local/bin/etcd': 'etcd', '/usr/local/bin/etcdctl': 'etcdctl' }),
    sys(`${K8S}/coredns/coredns`, 'v1.11.3', ['v1.11.3'], 61.8, { '/coredns': 'coredns' }, { entrypoint: ['/coredns'] }),
    sys(`${K8S}/coredns/coredns`, 'v1.11.1', ['v1.11.1'], 59.8, { '/coredns': 'coredns' }, { entrypoint: ['/coredns'] }),
    ...['3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.2', '3.1'].map((t) =>
      image({ repo: `${K8S}/pause`, version: t, tags: t === '3.10' ? [t, 'latest'] : [t], os: OS.scratch, sizeMb: t === '3.10' ? 0.736 : 0.711,
        ratio: 0.4, config: { entrypoint: ['/pause'], env: env() }, bins: { '/pause': 'pause' } })),
    sys('gcr.io/k8s-minikube/storage-provisioner', 'v5', ['v5'], 31.5, { '/storage-provisioner': 'storage-provisioner' }),
    // minikube's CNI on multi-node clusters (minikube v1.35.0 pkg/minikube/bootstrapper/images/images.go KindNet).
    sys('docker.io/kindest/kindnetd', 'v20241108-5c6d2daf', ['v20241108-5c6d2daf'], 94.9, { '/bin/kindnetd': 'kindnetd' }, { cmd: ['/bin/kindnetd'] }),
    sys(`${K8S}/ingress-nginx/controller`, 'v1.11.3', ['v1.11.3'], 287, { '/nginx-ingress-controller': 'ingress-nginx-controller',
      '/usr/bin/dumb-init': 'dumb-init', '/dbg': 'ingress-nginx-dbg' },
    { entrypoint: ['/usr/bin/dumb-init', '--'], cmd: ['/nginx-ingress-controller'], os: OS.alpine('3.20.3'), stopSignal: 'SIGTERM',
      digest: 'sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7' }),
    sys(`${K8S}/ingress-nginx/kube-webhook-certgen`, 'v1.4.4', ['v1.4.4'], 56.2, { '/kube-webhook-certgen': 'kube-webhook-certgen' },
      { entrypoint: ['/kube-webhook-certgen'], digest: 'sha256:a9f03b34a3cbfbb26d103a14046ab2c5130a80c3d69d526ff8063d2b37b9fd3f' }),
    sys(`${K8S}/metrics-server/metrics-server`, 'v0.7.2', ['v0.7.2'], 67.1, { '/metrics-server': 'metrics-server' }, { entrypoint: ['/metrics-server'] }),
    sys('docker.io/kubernetesui/dashboard', 'v2.7.0', ['v2.7.0'], 246, { '/dashboard': 'dashboard' },
      { entrypoint: ['/dashboard', '--insecure-bind-address=0.0.0.0', '--bind-address=0.0.0.0'], os: OS.scratch }),
    sys('docker.io/kubernetesui/metrics-scraper', 'v1.0.8', ['v1.0.8'], 43.8, { '/metrics-sidecar': 'metrics-scraper' },
      { entrypoint: ['/metrics-sidecar'], os: OS.scratch }),
  ];
}

/** Test and example images from the Kubernetes docs. */
function exampleImages(): CatalogImage[] {
  const agnhost = ['2.53', '2.52', '2.51', '2.50', '2.47', '2.45', '2.43', '2.40', '2.39', '2.33', '2.32', '2.21', '2.20'].map((t, i) =>
    image({ repo: `${K8S}/e2e-test-images/agnhost`, version: t, tags: [t], os: OS.bullseye, sizeMb: 127 - i * 3, ratio: 0.4,
      config: { entrypoint: ['/agnhost'], env: env() }, bins: { '/agnhost': 'agnhost' } }));
  const echoserver = (repo: string, t: string, size: number) => image({ repo, version: t, tags: [t], os: OS.jessie, sizeMb: size,
    config: { cmd: ['/usr/local/bin/run.sh'], env: env() }, bins: { '/usr/local/bin/run.sh': 'echoserver', '/usr/sbin/nginx': 'echoserver' } });
  return [
    ...agnhost,
    echoserver(`${K8S}/echoserver`, '1.10', 95.4), echoserver(`${K8S}/echoserver`, '1.4', 140),
    image({ repo: `${K8S}/hpa-example`, version: 'latest', tags: ['latest'], os: OS.jessie, sizeMb: 481,
      config: { cmd: ['apache2-foreground'], env: env({ PHP_VERSION: '5.6.40' }), stopSignal: 'SIGWINCH', exposedPorts: [80] },
      bins: { '/usr/local/bin/apache2-foreground': 'php-apache' } }),
    image({ repo: `${K8S}/goproxy`, version: '0.1', tags: ['0.1'], os: OS.scratch, sizeMb: 5.1,
      config: { entrypoint: ['/goproxy'], env: env(), exposedPorts: [8080] }, bins: { '/goproxy': 'goproxy' } }),
    image({ repo: `${K8S}/liveness`, version: 'latest', tags: ['latest'], os: OS.scratch, sizeMb: 4.63,
      config: { entrypoint: ['/server'], env: env() }, bins: { '/server': 'liveness' } }),
    image({ repo: `${K8S}/busybox`, version: '1.24', tags: ['latest', '1.24'], os: OS.busybox('1.24.0'), sizeMb: 2.43, ratio: 0.5,
      config: { cmd: ['sh'], env: env() } }),
    image({ repo: `${K8S}/e2e-test-images/jessie-dnsutils`, version: '1.3', tags: ['1.3'], os: OS.jessie, sizeMb: 303,
      config: { cmd: ['bash'], env: env() }, bins: { '/usr/bin/dig': 'dig', '/usr/bin/nslookup': 'nslookup', '/usr/bin/host': 'host', '/bin/ping': 'ping' } }),
    ...[['0.8', '1.11.1', 18.3], ['0.21', '1.21.6', 48.7], ['0.24', '1.25.3', 49.7]].map(([t, nginxVersion, size]) =>
      image({ repo: `${K8S}/nginx-slim`, version: nginxVersion as string, tags: [t as string], os: OS.alpine('3.15.4'), sizeMb: size as number,
        config: { cmd: ['nginx', '-g', 'daemon off;'], env: env(), exposedPorts: [80] },
        bins: { '/usr/sbin/nginx': 'nginx' },
        files: { '/usr/share/nginx/html/index.html': '', '/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n' },
        meta: { slim: 'true', gcc: 'gcc 10.3.1 20211027 (Alpine 10.3.1_git20211027) ' } })),
  ];
}

/** Community images the minikube and Kubernetes tutorials use. */
function hubImages(): CatalogImage[] {
  return [
    image({ repo: 'docker.io/kicbase/echo-server', version: '1.0', tags: ['1.0', 'latest'], os: OS.scratch, sizeMb: 4.94, ratio: 0.45,
      config: { entrypoint: ['/echo-server'], env: env(), exposedPorts: [8080] }, bins: { '/echo-server': 'echo-server' } }),
    ...['1.0', '2.0'].map((t) => image({ repo: 'gcr.io/google-samples/hello-app', version: `${t}.0`, tags: [t], os: OS.alpine('3.18.4'), sizeMb: 9.86,
      config: { cmd: ['/hello-app'], env: env({ PORT: '8080' }), exposedPorts: [8080] }, bins: { '/hello-app': 'hello-app' } })),
    ...['1.0', '2.0'].map((t) => image({ repo: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app', version: `${t}.0`, tags: [t], os: OS.alpine('3.18.4'), sizeMb: 9.86,
      config: { cmd: ['/hello-app'], env: env({ PORT: '8080' }), exposedPorts: [8080] }, bins: { '/hello-app': 'hello-app' } })),
    image({ repo: 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend', version: 'v5', tags: ['v5'], os: OS.buster, sizeMb: 396,
      config: { cmd: ['apache2-foreground'], env: env(), stopSignal: 'SIGWINCH', exposedPorts: [80] }, bins: { '/usr/local/bin/apache2-foreground': 'gb-frontend' } }),
    image({ repo: 'docker.io/polinux/stress', version: '1.0.4', tags: ['latest', '1.0.4'], os: OS.alpine('3.9.4'), sizeMb: 9.74,
      config: { cmd: ['stress', '--help'], env: env() }, bins: { '/usr/local/bin/stress': 'stress' } }),
    image({ repo: 'docker.io/vish/stress', version: 'latest', tags: ['latest'], os: OS.scratch, sizeMb: 5.59,
      config: { entrypoint: ['/stress', '-logtostderr'], env: env() }, bins: { '/stress': 'vish-stress' } }),
    image({ repo: 'docker.io/curlimages/curl', version: '8.11.1', tags: ['8.11.1', 'latest'], os: OS.alpine('3.21.2'), sizeMb: 22.1,
      config: { entrypoint: ['/entrypoint.sh'], cmd: ['curl'], env: env({ CURL_CA_BUNDLE: '/cacert.pem', CURL_VERSION: '8.11.1' }), user: 'curl_user' },
      bins: { '/entrypoint.sh': 'exec-args', '/usr/bin/curl': 'curl' } }),
    image({ repo: 'docker.io/radial/busyboxplus', version: '1.22.1', tags: ['curl', 'latest'], os: OS.busybox('1.22.1'), sizeMb: 4.21,
      config: { cmd: ['/bin/sh'], env: env() }, bins: { '/usr/bin/curl': 'curl' } }),
  ];
}

/** k8s.gcr.io still answers for images pushed before its 2023 freeze (it redirects to registry.k8s.io). */
function legacyMirror(images: CatalogImage[]): CatalogImage[] {
  const frozen = new Set(['pause', 'echoserver', 'busybox', 'liveness', 'goproxy', 'hpa-example', 'nginx-slim', 'e2e-test-images/agnhost',
    'coredns/coredns', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy']);
  const oldTags = (repo: string, tags: string[]) => (repo.endsWith('/kube-apiserver') || repo.endsWith('-manager') || repo.endsWith('/kube-scheduler')
    || repo.endsWith('/kube-proxy') || repo.endsWith('/etcd') ? [] : tags.filter((t) => t !== '3.10' && t !== '2.53' && t !== '2.52' && t !== '2.51' && t !== '2.50' && t !== '2.47' && t !== '0.24'));
  const out: CatalogImage[] = [];
  for (const img of images) {
    if (!img.repo.startsWith(`${K8S}/`)) continue;
    const path = img.repo.slice(K8S.length + 1);
    if (!frozen.has(path)) continue;
    const tags = oldTags(img.repo, img.tags);
    if (tags.length) out.push({ ...img, repo: `k8s.gcr.io/${path}`, tags });
  }
  return out;
}

/** Every image outside docker.io/library. */
export function k8sImages(): CatalogImage[] {
  const k8s = [...systemImages(), ...exampleImages()];
  return [...k8s, ...legacyMirror(k8s), ...hubImages()];
}
