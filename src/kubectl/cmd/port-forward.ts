// kubectl port-forward: listen on the learner's machine and relay connections into a pod until Ctrl-C
// or the connection to the pod is lost. Models k8s.io/kubectl/pkg/cmd/portforward/portforward.go
// (Complete: the pod behind TYPE/NAME, Service port → target port, named container ports;
// RunPortForwardContext: the Running check) and client-go tools/portforward (port parsing, the
// "Forwarding from" lines). The listening itself is the host's (KubectlEnv.portForward).
import type { Pod, Service } from '../../engine/api/types';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError, ExitError } from '../errors';
import { usageError } from '../usage';
import { target } from '../request-util';
import { PODS, attachablePod, getNamed } from './logs';
import { klogLine, klogValue } from '../cmdutil';

// splitPort: "[LOCAL]:REMOTE" or "PORT" (both the same).
function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

const isInt = (s: string) => /^[+-]?\d+$/.test(s);

// util.LookupContainerPortNumberByName.
function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  }
  throw new CmdError(`error: Pod '${pod.metadata?.name}' does not have a named port '${name}'`);
}

// translateServicePortToTargetPort (with LookupServicePortNumberByName and LookupContainerPortNumberByServicePort).
function translateServicePorts(ports: string[], svc: Service, pod: Pod): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let portnum: number;
    if (isInt(remote)) portnum = Number(remote);
    else {
      const sp = (svc.spec?.ports ?? []).find((x) => x.name === remote);
      if (!sp) throw new CmdError(`error: Service '${svc.metadata?.name}' does not have a named port '${remote}'`);
      portnum = sp.port;
      if (local === remote) local = String(portnum);
    }
    const sp = (svc.spec?.ports ?? []).find((x) => x.port === portnum);
    if (!sp) throw new CmdError(`error: Service ${svc.metadata?.name} does not have a service port ${portnum}`);
    const tp = sp.targetPort;
    let containerPort: number;
    if (tp === undefined || tp === 0) containerPort = sp.port;
    else if (typeof tp === 'number') containerPort = tp;
    else if (isInt(tp)) containerPort = Number(tp);
    else containerPort = containerPortByName(pod, tp);
    remote = String(containerPort);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

// convertPodNamedPortToNumber.
function convertNamedPorts(ports: string[], pod: Pod): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new CmdError('error: remote port cannot be empty');
    const num = isInt(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${num}` : num;
  });
}

// client-go portforward parsePorts: uint16 ports, remote > 0, an empty local port is a random one.
function parsePorts(ports: string[]): { local: number; remote: number }[] {
  const u16 = (what: string, s: string): number => {
    if (!/^\d+$/.test(s)) throw new CmdError(`error: Error parsing ${what} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
    const n = Number(s);
    if (n > 65535) throw new CmdError(`error: Error parsing ${what} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
    return n;
  };
  return ports.map((p) => {
    const parts = p.split(':');
    let local = 0;
    let remoteText: string;
    if (parts.length === 2) {
      remoteText = parts[1];
      if (parts[0] !== '') local = u16('local', parts[0]);
    } else remoteText = parts[0];
    const remote = u16('remote', remoteText);
    if (remote === 0) throw new CmdError('error: remote port must be > 0');
    if (parts.length !== 2) local = remote;
    return { local, remote };
  });
}

async function runPortForward(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  if (p.args.length < 2) throw usageError(ctx, 'TYPE/NAME and list of ports are required for port-forward');
  const timeout = p.flags['pod-running-timeout'] as number;
  if (!(timeout > 0)) throw usageError(ctx, '--pod-running-timeout must be higher than zero');
  const named = await getNamed(ctx, p.args[0]);
  const forwardable = await attachablePod(ctx, named, timeout);
  const portArgs = p.args.slice(1);
  const ports = parsePorts(named.info.kind === 'Service'
    ? translateServicePorts(portArgs, named.obj as Service, forwardable)
    : convertNamedPorts(portArgs, forwardable));
  const ns = forwardable.metadata?.namespace ?? ctx.namespace;
  const pod = await ctx.call<Pod>({ verb: 'get', ...target(PODS, ns, forwardable.metadata?.name) });
  if (pod.status?.phase !== 'Running') {
    throw new CmdError(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);
  }
  const res = await ctx.send({ verb: 'create', ...target(PODS, ns, pod.metadata?.name), subresource: 'portforward' });
  if (res.code >= 400) throw new CmdError(`error: error upgrading connection: ${(res.body as { message?: string })?.message ?? ''}`);
  if (!ctx.env.portForward) throw new CmdError('error: port-forward is not available in this terminal');
  const signal = ctx.env.signal;
  let lost!: () => void;
  const lostP = new Promise<'lost'>((resolve) => { lost = () => resolve('lost'); });
  let handle;
  try {
    handle = ctx.env.portForward({ session: res.body, pod: { namespace: ns, name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' },
      ports, addresses: p.flags.address as string[], out: (s) => ctx.out(s), errOut: (s) => ctx.err(s), onLost: () => lost(),
      // client-go portforward.go handleConnection: runtime.HandleError(fmt.Errorf("an error occurred forwarding …")).
      reportError: (local, remote, message) => ctx.err(klogLine('E', ctx.env.now(), 'portforward.go:424',
        `"Unhandled Error" err=${klogValue(`an error occurred forwarding ${local} -> ${remote}: ${message}`)}`)) });
  } catch (e) {
    throw new CmdError(`error: ${(e as Error).message}`);
  }
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal?.aborted) resolve('aborted');
    signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  const why = await Promise.race([lostP, aborted]);
  handle.close();
  if (why === 'lost') throw new CmdError('error: lost connection to pod');
  // Ctrl-C stops the forward cleanly (kubectl exits 0 on os.Interrupt).
  if (signal?.reason === 'SIGTERM') throw new ExitError(143);
  return 0;
}

/** `kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]`. */
export const portForwardCommand: Command = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  flags: flagsFor('port-forward'),
  run: runPortForward,
};
