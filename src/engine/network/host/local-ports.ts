// The learner's machine's loopback ports: what `kubectl port-forward` listens on, and what
// `curl http://localhost:8080` or the browser pane connect to.
import type { HttpRequest } from '../../runtime/cri';
import type { NetResult } from '../dataplane';

/** How a local exchange ends: as on the network, or accepted then closed without a reply. */
export type LocalResult = NetResult | { kind: 'empty' };

/** Something listening on a local port. */
export interface LocalListener {
  /** Answers one HTTP exchange (kubectl port-forward relays it into the pod); `empty` closes without a reply. */
  http(req: HttpRequest): LocalResult;
}

/** `bind: address already in use`. */
export class AddressInUseError extends Error {
  constructor(readonly address: string, readonly port: number) {
    super(`listen tcp4 ${address}:${port}: bind: address already in use`);
  }
}

/** The host's listening sockets on 127.0.0.1 (and [::1]), by port. */
export class LocalPorts {
  private readonly listeners = new Map<number, LocalListener>();

  /** Listens on a port; returns the function that closes it. Throws AddressInUseError. */
  bind(port: number, listener: LocalListener, address = '127.0.0.1'): () => void {
    if (this.listeners.has(port)) throw new AddressInUseError(address, port);
    this.listeners.set(port, listener);
    return () => {
      if (this.listeners.get(port) === listener) this.listeners.delete(port);
    };
  }

  /** What listens on a port, if anything. */
  get(port: number): LocalListener | undefined {
    return this.listeners.get(port);
  }

  /** Ports in use, ascending. */
  ports(): number[] {
    return [...this.listeners.keys()].sort((a, b) => a - b);
  }

  /** A free port from the ephemeral range, for `kubectl port-forward :80` (Linux hands out 32768..60999). */
  freePort(pick: (n: number) => number): number {
    for (;;) {
      const p = 32768 + pick(60999 - 32768 + 1);
      if (!this.listeners.has(p)) return p;
    }
  }
}
