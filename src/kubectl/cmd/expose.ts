// kubectl expose. Models k8s.io/kubectl/pkg/cmd/expose/expose.go (createService) and polymorphichelpers
// (CanBeExposed, MapBasedSelectorForObject, PortsForObject, ProtocolsForObject): a Service selecting the
// object's pods, on its container (or service) ports unless --port says otherwise; "exposed".
import type { Container, KubeObject, Service, ServicePort } from '../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../engine/api/kinds';
import { jsonMergePatch } from '../../engine/api/patch';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy } from '../cmdutil';
import { usageError } from '../usage';
import { visitResources, type VisitedInfo } from '../resource/visit';
import { target } from '../request-util';
import { parseLabels } from './run';
import { withSaveConfig } from './create';
import { finishWithErrors } from './label';

const SERVICES = resourceFor('', 'services') as ResourceInfo;
const EXPOSABLE = ['ReplicationController', 'Service', 'Pod', 'Deployment.apps', 'ReplicaSet.apps'];

const groupKind = (info: ResourceInfo) => (info.group ? `${info.kind}.${info.group}` : info.kind);
const podContainers = (o: KubeObject): Container[] => {
  const s = o.spec as Record<string, any> | undefined;
  return (o.kind === 'Pod' ? s?.containers : s?.template?.spec?.containers) ?? [];
};

// MapBasedSelectorForObject, as a label map.
function selectorFor(i: VisitedInfo): Record<string, string> {
  const o = i.obj;
  const s = o.spec as Record<string, any> | undefined;
  switch (i.info.kind) {
    case 'Pod':
      if (!Object.keys(o.metadata?.labels ?? {}).length) throw new Error('the pod has no labels and cannot be exposed');
      return { ...o.metadata!.labels };
    case 'Service':
      if (!s?.selector) throw new Error('the service has no pod selector set');
      return { ...s.selector };
    case 'ReplicationController':
      return { ...(s?.selector ?? {}) };
    default: {
      const sel = s?.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (sel?.matchExpressions?.length) {
        throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      }
      return { ...(sel?.matchLabels ?? {}) };
    }
  }
}

// PortsForObject and ProtocolsForObject.
function portsFor(i: VisitedInfo): { ports: string[]; protocols: Map<string, string[]> } {
  const protocols = new Map<string, string[]>();
  const add = (port: number, proto: string | undefined) => {
    const k = String(port);
    protocols.set(k, [...(protocols.get(k) ?? []), proto ?? 'TCP']);
  };
  if (i.info.kind === 'Service') {
    const ports = ((i.obj.spec as Record<string, any> | undefined)?.ports ?? []) as ServicePort[];
    for (const p of ports) add(p.port, p.protocol);
    return { ports: ports.map((p) => String(p.port)), protocols };
  }
  const ports: string[] = [];
  for (const c of podContainers(i.obj)) {
    for (const cp of c.ports ?? []) {
      ports.push(String(cp.containerPort));
      add(cp.containerPort, cp.protocol);
    }
  }
  return { ports, protocols };
}

/** createService. */
function createService(f: ParsedArgs['flags'], name: string, selector: Record<string, string>, labels: Record<string, string> | undefined,
  portString: string, protocols: Map<string, string[]>): Service {
  const ports: ServicePort[] = [];
  const list = portString ? portString.split(',') : [];
  list.forEach((ps, idx) => {
    if (!/^[+-]?\d+$/.test(ps)) throw new CmdError(`error: strconv.Atoi: parsing ${JSON.stringify(ps)}: invalid syntax`);
    const port = Number(ps);
    let portName = f['port-name'] as string || undefined;
    if (list.length > 1) portName = `port-${idx + 1}`;
    let protocol = f.protocol as string;
    if (!protocol) {
      protocol = 'TCP';
      const found = protocols.get(ps);
      if (found?.length === 1) protocol = found[0];
      else if (found && found.length > 1) {
        for (const pr of found) ports.push({ name: `port-${idx + 1}-${pr.toLowerCase()}`, port, protocol: pr });
        return;
      }
    }
    ports.push(portName ? { name: portName, port, protocol } : { port, protocol });
  });
  const target = f['target-port'] as string;
  for (const p of ports) p.targetPort = target ? (/^[+-]?\d+$/.test(target) ? Number(target) : target) : p.port;
  const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name, labels }, spec: { ports, selector } };
  const spec = svc.spec!;
  if (f['external-ip']) spec.externalIPs = [f['external-ip'] as string];
  if (f.type) spec.type = f.type as string;
  if (spec.type === 'LoadBalancer' && f['load-balancer-ip']) spec.loadBalancerIP = f['load-balancer-ip'] as string;
  const affinity = f['session-affinity'] as string;
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new CmdError(`error: unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (f['cluster-ip']) spec.clusterIP = f['cluster-ip'] as string;
  return svc;
}

async function runExpose(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: 'exposed', dryRun,
    typed: dryRun === 'client', showManagedFields: f['show-managed-fields'] as boolean });
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean });
  const errors: unknown[] = [...visited.errors];
  for (const i of visited.infos) {
    try {
      if (!EXPOSABLE.includes(groupKind(i.info))) throw new CmdError(`error: cannot expose a ${groupKind(i.info)}`);
      let selector: Record<string, string>;
      if (f.selector) selector = parseLabels(f.selector as string);
      else {
        try {
          selector = selectorFor(i);
        } catch (e) {
          throw usageError(ctx, `couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
        }
      }
      const headless = f['cluster-ip'] === 'None';
      let portString = f.port as string;
      const { ports, protocols } = portsFor(i);
      if (!portString) {
        if (!ports.length && !headless) throw usageError(ctx, "couldn't find port via --port flag or introspection");
        portString = ports.join(',');
      }
      const labels = f.labels ? parseLabels(f.labels as string) : (Object.keys(i.obj.metadata?.labels ?? {}).length ? { ...i.obj.metadata!.labels } : undefined);
      const name = (f.name as string) || i.name.slice(0, 63);
      let svc: KubeObject = createService(f, name, selector, labels, portString, protocols);
      if (f.overrides) svc = jsonMergePatch(svc, JSON.parse(f.overrides as string)) as KubeObject;
      if (dryRun === 'client') {
        if (ctx.namespaceExplicit) svc = { ...svc, metadata: { ...svc.metadata, namespace: ctx.namespace } };
        printer.print(svc, SERVICES);
        continue;
      }
      svc = withSaveConfig(JSON.parse(JSON.stringify(svc)) as KubeObject, f['save-config'] as boolean, true);
      const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-expose' };
      if (dryRun === 'server') query.dryRun = 'All';
      const created = await ctx.call<KubeObject>({ verb: 'create', ...target(SERVICES, ctx.namespace), body: svc, query });
      printer.print(created, SERVICES);
    } catch (e) {
      errors.push(e);
    }
  }
  return finishWithErrors(ctx, errors);
}

/** `kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] …`. */
export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: flagsFor('expose'),
  run: runExpose,
};
