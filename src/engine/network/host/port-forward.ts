// The local side of `kubectl port-forward`: listeners on the host's loopback that relay each
// connection into the pod through the kubelet's pods/portforward session. Models client-go
// tools/portforward/portforward.go (forward, listenOnPort, getListener, handleConnection): a failed
// connection (nothing listening in the pod, or the pod gone) is reported on the error stream, which
// closes the whole streaming connection, and ForwardPorts returns ErrLostConnectionToPod
// ("lost connection to pod"), which kubectl prints as `error: lost connection to pod`.
// kubectl (src/kubectl) calls this through an injected hook: it cannot import the engine.
import type { HttpRequest, HttpResponse } from '../../runtime/cri';
import { AddressInUseError, type LocalPorts } from './local-ports';

/** The kubelet's pods/portforward answer (src/engine/kubelet/server PortForwardSession). */
export interface PortForwardTarget {
  podIP: string;
  /** Sends an HTTP request to a port of the pod; undefined means nothing listens there. */
  http(port: number, req: HttpRequest): HttpResponse | undefined;
  /** The runtime's message on the error stream when a connection fails. */
  failure?(port: number, reason: 'refused' | 'gone'): string;
}

/** One forwarded port. */
export interface ForwardedPort {
  local: number;
  remote: number;
}

/** What a forward is set up with. */
export interface ForwardOptions {
  localPorts: LocalPorts;
  target: PortForwardTarget;
  ports: ForwardedPort[];
  /** Standard output lines ("Forwarding from 127.0.0.1:8080 -> 80", "Handling connection for 8080"). */
  out(s: string): void;
  /** Error output ("Unable to listen on port …", the error stream's message). */
  errOut(s: string): void;
  /** Is the pod still there? Once it is gone, connections fail and the forward ends. */
  podAlive(): boolean;
  /**
   * Reports an error-stream message (kubectl logs it through klog: "an error occurred forwarding L -> R: …");
   * without it the message goes to errOut as a plain line.
   */
  reportError?(local: number, remote: number, message: string): void;
  /** Called once when the streaming connection is lost (kubectl exits with ErrLostConnectionToPod). */
  onLost(): void;
}

/** An active forward. */
export interface PortForwardHandle {
  /** The ports actually listened on. */
  ports: ForwardedPort[];
  /** Stops listening (Ctrl-C). */
  close(): void;
}

/** ErrLostConnectionToPod. */
export const LOST_CONNECTION_TO_POD = 'lost connection to pod';

/**
 * Starts listening; throws `unable to listen on any of the requested ports: [{8080 80}]` when no port
 * could be bound.
 */
export function forwardPorts(o: ForwardOptions): PortForwardHandle {
  const closers: (() => void)[] = [];
  const bound: ForwardedPort[] = [];
  let lost = false;
  const close = () => {
    for (const c of closers.splice(0)) c();
  };
  const lose = (p: ForwardedPort, reason: 'refused' | 'gone') => {
    const message = o.target.failure?.(p.remote, reason) ?? (reason === 'gone' ? 'pod not found' : 'connection refused');
    if (o.reportError) o.reportError(p.local, p.remote, message);
    else o.errOut(`an error occurred forwarding ${p.local} -> ${p.remote}: ${message}\n`);
    if (lost) return;
    lost = true;
    close();
    o.onLost();
  };
  for (const p of o.ports) {
    try {
      closers.push(o.localPorts.bind(p.local, {
        http: (req) => {
          if (lost) return { kind: 'refused' };
          o.out(`Handling connection for ${p.local}\n`);
          if (!o.podAlive()) {
            lose(p, 'gone');
            return { kind: 'empty' };
          }
          const res = o.target.http(p.remote, { ...req, remoteAddr: '127.0.0.1' });
          if (!res) {
            lose(p, 'refused');
            return { kind: 'empty' };
          }
          return { kind: 'response', response: res };
        },
      }));
      bound.push(p);
      o.out(`Forwarding from 127.0.0.1:${p.local} -> ${p.remote}\n`);
      o.out(`Forwarding from [::1]:${p.local} -> ${p.remote}\n`);
    } catch (e) {
      if (!(e instanceof AddressInUseError)) throw e;
      o.errOut(`Unable to listen on port ${p.local}: Listeners failed to create with the following errors: [unable to create listener: ` +
        `Error listen tcp4 127.0.0.1:${p.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${p.local}: ` +
        'bind: address already in use]\n');
    }
  }
  if (!bound.length) throw new Error(`unable to listen on any of the requested ports: [${o.ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
  return { ports: bound, close };
}
