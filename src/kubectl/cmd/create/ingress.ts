// kubectl create ingress. Models k8s.io/kubectl/pkg/cmd/create/create_ingress.go (rule syntax
// host/path=svc:port[,tls[=secret]], a trailing * for pathType Prefix, rules merged by host).
import type { Ingress } from '../../../engine/api/types';
import type { Command } from '../../command';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, runCreate } from './runner';

// ruleRegex: regexHostPathSvc + regexTLS + "$". Go's \w is ASCII [0-9A-Za-z_].
const RULE = /^([\w*\-.]*)(\/[^,=\n]*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

type Backend = { service: { name: string; port: { number?: number; name?: string } } };

// buildIngressBackendSvc + parseServiceBackendPort (intstr.Parse: a number, else a name).
function backend(svc: string): Backend {
  const [name, port] = svc.split(':');
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

function ingressSpec(rules: string[], ingressClass: string, defaultBackend: string): NonNullable<Ingress['spec']> {
  const spec: NonNullable<Ingress['spec']> = {};
  if (ingressClass) spec.ingressClassName = ingressClass;
  if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
  // buildTLSRules: one entry per secret; a host joins the first entry with its secret, once.
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seenHosts = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seenHosts.has(host)) continue;
    const idx = tls.findIndex((t) => (t.secretName ?? '') === secret);
    seenHosts.add(host);
    if (idx > -1) {
      tls[idx].hosts = [...(tls[idx].hosts ?? []), host];
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }
  if (tls.length) spec.tls = tls;
  // buildIngressRules: paths of the same host go into one rule.
  const out: { host?: string; http: { paths: unknown[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const [pathPart, svc] = noTls.slice(slash + 1).split('=');
    let path = `/${pathPart}`;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const httpPath = { path, pathType, backend: backend(svc) };
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(httpPath);
      continue;
    }
    out.push(host ? { host, http: { paths: [httpPath] } } : { http: { paths: [httpPath] } });
  }
  if (out.length) spec.rules = out as NonNullable<Ingress['spec']>['rules'];
  return spec;
}

/** `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]`. */
export const createIngressCommand: Command = {
  name: 'ingress',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  flags: flagsFor('create ingress'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['networking.k8s.io', 'ingresses'],
    failPrefix: 'failed to create ingress: ',
    validate() {
      const rules = p.flags.rule as string[];
      const def = p.flags['default-backend'] as string;
      if (!def && !rules.length) {
        throw new CmdError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
      }
      for (const r of rules) {
        if (!RULE.test(r)) throw new CmdError(`error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
      }
      for (const a of p.flags.annotation as string[]) {
        if (!a.includes('=')) throw new CmdError(`error: annotation ${a} is invalid and should be in format key=[value]`);
      }
      if (def && def.split(':').length !== 2) throw new CmdError('error: default-backend should be in format servicename:serviceport');
    },
    build(_p, _ctx, name): Ingress {
      const annotations: Record<string, string> = {};
      for (const a of p.flags.annotation as string[]) {
        const i = a.indexOf('=');
        annotations[a.slice(0, i)] = a.slice(i + 1);
      }
      return {
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
        metadata: { name, namespace: generatedNamespace(ctx), annotations: Object.keys(annotations).length ? annotations : undefined },
        spec: ingressSpec(p.flags.rule as string[], p.flags.class as string, p.flags['default-backend'] as string),
      };
    },
  }),
};
