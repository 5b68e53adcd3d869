// kubectl create service clusterip|nodeport|loadbalancer|externalname. Models
// k8s.io/kubectl/pkg/cmd/create/create_service.go (ServiceOptions, parsePorts).
import type { Service, ServicePort } from '../../../engine/api/types';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../../engine/api/validation';
import type { Command } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, runCreate } from './runner';

// utilsnet.ParsePort(s, allowZero) is strconv.ParseUint(s, 10, 16).
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new CmdError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new CmdError(`error: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** parsePorts: "port[:targetPort]" → port and targetPort (a number or a port name). */
export function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return [port, port];
  const t = parts[1];
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    const errs = isValidPortNum(n);
    if (errs.length) throw new CmdError(`error: ${errs.join(',')}`);
    return [port, n];
  }
  const errs = isValidPortName(t);
  if (errs.length) throw new CmdError(`error: ${errs.join(',')}`);
  return [port, t];
}

function serviceCommand(name: string, type: string, short: string): Command {
  const path = `create service ${name}`;
  return {
    name,
    short,
    flags: flagsFor(path),
    run: (p: ParsedArgs, ctx) => runCreate(p, ctx, {
      resource: ['', 'services'],
      failPrefix: `failed to create ${type} service: `,
      validate() {
        const clusterIP = (p.flags.clusterip as string | undefined) ?? '';
        const tcp = p.flags.tcp as string[];
        if (clusterIP === 'None' && type !== 'ClusterIP') throw new CmdError('error: ClusterIP=None can only be used with ClusterIP service type');
        if (clusterIP !== 'None' && !tcp.length && type !== 'ExternalName') throw new CmdError('error: at least one tcp port specifier must be provided');
        if (type === 'ExternalName' && isDNS1123Subdomain(p.flags['external-name'] as string).length) {
          throw new CmdError(`error: invalid service external name ${p.flags['external-name'] as string}`);
        }
      },
      build(_p, _ctx, svcName): Service {
        const ports: ServicePort[] = (p.flags.tcp as string[]).map((s) => {
          const [port, targetPort] = parsePorts(s);
          const sp: ServicePort = { name: s.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
          const nodePort = (p.flags['node-port'] as number | undefined) ?? 0;
          if (nodePort) sp.nodePort = nodePort;
          return sp;
        });
        const svc: Service = {
          apiVersion: 'v1', kind: 'Service',
          metadata: { name: svcName, namespace: generatedNamespace(ctx), labels: { app: svcName } },
          spec: { ports: ports.length ? ports : undefined, selector: { app: svcName }, type },
        };
        const clusterIP = p.flags.clusterip as string | undefined;
        if (clusterIP) svc.spec!.clusterIP = clusterIP;
        if (type === 'ExternalName') svc.spec!.externalName = p.flags['external-name'] as string;
        return svc;
      },
    }),
  };
}

/** `kubectl create service` (clusterip, nodeport, loadbalancer, externalname). */
export const createServiceCommand: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  flags: flagsFor('create service'),
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', 'Create a ClusterIP service'),
    serviceCommand('externalname', 'ExternalName', 'Create an ExternalName service'),
    serviceCommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service'),
    serviceCommand('nodeport', 'NodePort', 'Create a NodePort service'),
  ],
};
