// `minikube service` (the NodePort URL of a Service, or minikube's table of them) and `minikube tunnel`
// (LoadBalancer Services get their EXTERNAL-IP until Ctrl-C). Models minikube v1.35 cmd/minikube/cmd/
// service.go, service_list.go, tunnel.go, pkg/minikube/service (PrintServiceList: olekukonko/tablewriter
// with "|" borders, centred headers, numbers right-aligned) and pkg/minikube/tunnel types.go (Status).
import type { Service } from '../engine/api/types';
import { nodeIP } from '../engine/bootstrap/minikube';
import type { ProcIO } from '../shell';
import type { MinikubeHost } from './minikube';
import { flagValue, line } from './minikube';

/** Display width: emoji are two columns (tablewriter uses runewidth). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /\p{Extended_Pictographic}/u.test(ch) ? 2 : 1;
  return w;
}

/** A tablewriter table as minikube prints it: header centred, numbers right-aligned, multi-line cells. */
export function tableWriter(header: string[], rows: string[][], minWidths: number[] = []): string {
  const split = rows.map((r) => r.map((c) => c.split('\n')));
  const widths = header.map((h, i) => Math.max(minWidths[i] ?? 0, displayWidth(h), ...split.map((r) => Math.max(...r[i].map(displayWidth)))));
  const border = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`;
  const center = (s: string, w: number) => {
    const gap = w - displayWidth(s);
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + s + ' '.repeat(gap - left);
  };
  const cell = (s: string, w: number) => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? ' '.repeat(w - displayWidth(s)) + s : s + ' '.repeat(w - displayWidth(s)));
  let o = border + `|${header.map((h, i) => ` ${center(h, widths[i])} `).join('|')}|\n` + border;
  for (const r of split) {
    const height = Math.max(...r.map((c) => c.length));
    for (let k = 0; k < height; k++) o += `|${r.map((c, i) => ` ${cell(c[k] ?? '', widths[i])} `).join('|')}|\n`;
  }
  return o + border;
}

function getService(h: MinikubeHost, ns: string, name: string): Service | undefined {
  const r = h.cluster.api.handle({ verb: 'get', group: '', version: 'v1', resource: 'services', namespace: ns, name });
  return r.code === 200 ? (r.body as Service) : undefined;
}

// The TARGET PORT column: "name/port" for named ports, else the port.
function portNames(svc: Service): string {
  return (svc.spec?.ports ?? []).filter((p) => p.nodePort).map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join('\n');
}

function urlsOf(svc: Service): string[] {
  return (svc.spec?.ports ?? []).filter((p) => p.nodePort).map((p) => `http://${nodeIP(0)}:${p.nodePort}`);
}

/** `minikube service NAME [--url] [-n NS]` and `minikube service list`. */
export async function runService(h: MinikubeHost, io: ProcIO): Promise<number> {
  const ns = flagValue(io.args, 'namespace', 'n') ?? 'default';
  const positional = io.args.slice(1).filter((a, i, all) => !a.startsWith('-') && !['-n', '--namespace'].includes(all[i - 1] ?? ''));
  const urlMode = io.args.includes('--url');
  if (positional[0] === 'list') {
    const r = h.cluster.api.handle({ verb: 'list', group: '', version: 'v1', resource: 'services', namespace: flagValue(io.args, 'namespace', 'n') });
    const items = ((r.body as { items?: Service[] }).items ?? []);
    io.out(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], items.map((s) => {
      const urls = urlsOf(s);
      return [s.metadata?.namespace ?? '', s.metadata?.name ?? '', urls.length ? portNames(s) : 'No node port', urls.join('\n')];
    })));
    return 0;
  }
  const name = positional[0];
  if (!name) {
    io.err(`\n${line('❌', 'Exiting due to MK_USAGE: You must specify service name(s) or --all')}\n`);
    return 14;
  }
  const svc = getService(h, ns, name);
  if (!svc) {
    io.err(`\n${line('❌', `Exiting due to SVC_NOT_FOUND: Service '${name}' was not found in '${ns}' namespace.`)}`
      + `You may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'\n\n`);
    return 115;
  }
  const urls = urlsOf(svc);
  if (!urls.length) {
    if (!urlMode) io.out(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[ns, name, '', 'No node port']]));
    io.err(line('😿', `service ${ns}/${name} has no node port`));
    return 0;
  }
  if (urlMode) {
    io.out(urls.map((u) => `${u}\n`).join(''));
    return 0;
  }
  io.out(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[ns, name, portNames(svc), urls.join('\n')]]));
  for (let i = 0; i < urls.length; i++) io.out(line('🎉', `Opening service ${ns}/${name} in default browser...`));
  return 0;
}

// tunnel.Status.String(): the block minikube tunnel prints whenever its state changes.
function tunnelStatus(pid: number, services: string[]): string {
  return `Status:\t\n\tmachine: minikube\n\tpid: ${pid}\n\troute: 10.96.0.0/12 -> ${nodeIP(0)}\n\tminikube: Running\n`
    + `\tservices: [${services.join(' ')}]\n    errors: \n\t\tminikube: no errors\n\t\trouter: no errors\n\t\tloadbalancer emulator: no errors\n`;
}

/** `minikube tunnel`: runs until Ctrl-C; LoadBalancer Services get their cluster IP as EXTERNAL-IP meanwhile. */
export async function runTunnel(h: MinikubeHost, io: ProcIO): Promise<number> {
  let handle;
  try {
    handle = h.cluster.network.startTunnel(h.cluster.client('minikube/v1.35.0'));
  } catch (e) {
    io.err(`\n${line('❌', `Exiting due to SVC_TUNNEL_START: error starting tunnel: ${(e as Error).message}`)}\n`);
    return 110;
  }
  h.cluster.flush();
  const pid = 4343;
  let shown = '';
  const show = () => {
    const s = tunnelStatus(pid, handle.services);
    if (s !== shown) io.out(s);
    shown = s;
  };
  show();
  try {
    for (;;) {
      await h.sleep(5000, io.signal);
      show();
    }
  } catch {
    // Ctrl-C: the route and the load balancer IPs go away.
  }
  handle.stop();
  h.cluster.flush();
  return 0;
}
