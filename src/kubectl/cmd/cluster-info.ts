// kubectl cluster-info. Models k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go: the control plane's
// address, then each Service labelled kubernetes.io/cluster-service=true in kube-system (or -n) with its proxy
// URL (or load-balancer address), then the hint about `cluster-info dump`.
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';

type Obj = any;

/** `kubectl cluster-info`. */
export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  flags: flagsFor('cluster-info'),
  run: runClusterInfo,
};

function hostOf(ctx: CmdContext): string {
  const context = ctx.env.config.contexts.find((c) => c.name === ctx.env.config.currentContext);
  const cluster = ctx.env.config.clusters.find((c) => c.name === context?.cluster);
  return (cluster?.server ?? '').replace(/\/+$/, '');
}

async function runClusterInfo(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const namespace = (p.flags.namespace as string) || 'kube-system';
  const host = hostOf(ctx);
  let failure: unknown;
  try {
    const list = await ctx.call<{ items: Obj[] }>({ verb: 'list', group: '', version: 'v1', resource: 'services', namespace,
      query: { labelSelector: 'kubernetes.io/cluster-service=true' } });
    ctx.out(`Kubernetes control plane is running at ${host}\n`);
    for (const svc of list.items) {
      let link = '';
      const lb = svc.status?.loadBalancer?.ingress ?? [];
      if (lb.length) {
        const ip = lb[0].ip || lb[0].hostname || '';
        for (const port of svc.spec?.ports ?? []) link += `http://${ip}:${port.port} `;
      } else {
        let name: string = svc.metadata?.name ?? '';
        const port = (svc.spec?.ports ?? [])[0];
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          // utilnet.JoinSchemeNamePort: scheme:name:port, else name:port, else name.
          const pn: string = port.name ?? '';
          name = scheme ? `${scheme}:${name}:${pn}` : pn ? `${name}:${pn}` : name;
        }
        link = `${host}/api/v1/namespaces/${svc.metadata?.namespace ?? ''}/services/${name}/proxy`;
      }
      ctx.out(`${svc.metadata?.labels?.['kubernetes.io/name'] || svc.metadata?.name || ''} is running at ${link}\n`);
    }
  } catch (e) {
    failure = e;
  }
  ctx.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  if (failure) throw failure;
  return 0;
}
