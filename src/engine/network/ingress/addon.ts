// `minikube addons enable ingress`: the addon's objects, and the effect of its admission jobs.
// kube-webhook-certgen's `create` job writes the ingress-nginx-admission Secret (ca, cert, key) the
// controller pod mounts; until it exists the controller pod waits in ContainerCreating (FailedMount),
// as on a real minikube. The simulated programs cannot write API objects, so the network does it
// for the job when its pod runs.
import type { KubeObject, Pod, Secret } from '../../api';
import { isAlreadyExists } from '../../api';
import { R, res, type Client, type Informer, type InformerFactory } from '../../client';
import type { Clock, Rng } from '../../clock';
import { INGRESS_ADDON_MANIFEST } from './addon-manifest';
import { INGRESS_NGINX_NAMESPACE } from './controller';

/** The images the addon uses (minikube prints "Using image …" for each). */
export const INGRESS_ADDON_IMAGES = [
  'registry.k8s.io/ingress-nginx/controller:v1.11.3',
  'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4',
  'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4',
];
/** The user agent kube-webhook-certgen writes with. */
export const CERTGEN_USER_AGENT = 'kube-webhook-certgen/v0.0.0 (linux/amd64) kubernetes/$Format';
const SECRET_NAME = 'ingress-nginx-admission';
const CREATE_JOB = 'ingress-nginx-admission-create';

function resourceOf(obj: KubeObject) {
  const [group] = (obj.apiVersion ?? 'v1').includes('/') ? (obj.apiVersion ?? '').split('/') : [''];
  const plural: Record<string, string> = {
    Namespace: 'namespaces', ServiceAccount: 'serviceaccounts', Role: 'roles', ClusterRole: 'clusterroles', RoleBinding: 'rolebindings',
    ClusterRoleBinding: 'clusterrolebindings', ConfigMap: 'configmaps', Service: 'services', Deployment: 'deployments', Job: 'jobs',
    IngressClass: 'ingressclasses',
  };
  const p = plural[obj.kind ?? ''];
  return res(group ? `${p}.${group}` : p);
}

/**
 * Applies the addon's objects (an object already there is left as it is, as a repeated `minikube
 * addons enable ingress` changes nothing). Returns what was created ("kind/name").
 */
export function applyIngressAddon(client: Client): string[] {
  const created: string[] = [];
  for (const obj of INGRESS_ADDON_MANIFEST) {
    try {
      client.create(resourceOf(obj), structuredClone(obj));
      created.push(`${obj.kind}/${obj.metadata?.name}`);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
  }
  return created;
}

function pem(rng: Rng, label: string, lines: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let body = '';
  for (let l = 0; l < lines; l++) {
    for (let i = 0; i < 64; i++) body += abc[rng.int(64)];
    body += '\n';
  }
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

const b64 = (s: string) => btoa(s);

/** Writes the admission Secret when the certgen `create` job's pod runs (what the real program does). */
export class CertgenEmulator {
  private readonly pods: Informer<Pod>;

  constructor(private readonly deps: { informers: InformerFactory; client: Client; clock: Clock; rng: Rng }) {
    this.pods = deps.informers.for<Pod>(R.pods);
    const check = (p: Pod) => {
      if (p.metadata?.namespace !== INGRESS_NGINX_NAMESPACE || p.metadata?.labels?.['batch.kubernetes.io/job-name'] !== CREATE_JOB) return;
      if (p.status?.phase !== 'Running' && p.status?.phase !== 'Succeeded') return;
      deps.clock.after(0, () => this.ensureSecret());
    };
    this.pods.onEvent({ add: check, update: (_o, p) => check(p) });
  }

  private ensureSecret(): void {
    const d = this.deps;
    if (d.client.tryGet<Secret>(R.secrets, INGRESS_NGINX_NAMESPACE, SECRET_NAME)) return;
    const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: SECRET_NAME, namespace: INGRESS_NGINX_NAMESPACE },
      data: { ca: b64(pem(d.rng, 'CERTIFICATE', 9)), cert: b64(pem(d.rng, 'CERTIFICATE', 10)), key: b64(pem(d.rng, 'EC PRIVATE KEY', 3)) } };
    try {
      d.client.create(R.secrets, secret);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
  }
}
