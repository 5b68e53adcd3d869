// The learner's machine's side of `kubectl port-forward`: listeners on its loopback (the cluster
// network's LocalPorts) relaying into the pod through the kubelet's pods/portforward session. kubectl
// cannot import the engine, so the session (src/server/session.ts) and the worker hand it this hook.
import type { Cluster } from '../engine/cluster';
import type { Pod } from '../engine/api/types';
import type { ApiRequest, ApiResponse } from '../engine/api';
import { forwardPorts, type PortForwardTarget } from '../engine/network';
import type { KubectlEnv, PortForwardRequest } from '../kubectl';

const LOOPBACK = new Set(['localhost']);

/** The pod a forward was opened on, as the API server has it now (undefined once it is gone). */
export function forwardedPod(handle: (r: ApiRequest) => ApiResponse, namespace: string | undefined, name: string | undefined): Pod | undefined {
  const r = handle({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name });
  return r.code === 200 ? (r.body as Pod) : undefined;
}

/** Is that pod still the one the forward was opened on (same uid), and running? Connections fail once not. */
export function forwardedPodAlive(handle: (r: ApiRequest) => ApiResponse, namespace: string | undefined, name: string | undefined,
  uid: string | undefined): boolean {
  const pod = forwardedPod(handle, namespace, name);
  return !!pod && pod.metadata?.uid === uid && pod.status?.phase === 'Running';
}

/** KubectlEnv.portForward for a cluster. */
export function portForwardHook(cluster: Cluster): NonNullable<KubectlEnv['portForward']> {
  const rng = cluster.rng.fork('host-ephemeral-ports');
  return (o: PortForwardRequest) => {
    const localPorts = cluster.network.localPorts;
    const ports = o.ports.map((p) => ({ local: p.local || localPorts.freePort((n) => rng.int(n)), remote: p.remote }));
    const podAlive = () => forwardedPodAlive((r) => cluster.api.handle(r), o.pod.namespace, o.pod.name, o.pod.uid);
    // Addresses other than localhost print their own "Forwarding from" lines (client-go getListener).
    const custom = o.addresses.filter((a) => !LOOPBACK.has(a));
    const out = custom.length ? (s: string) => { if (!s.startsWith('Forwarding from ')) o.out(s); } : o.out;
    const h = forwardPorts({ localPorts, target: o.session as PortForwardTarget, ports, out, errOut: o.errOut, reportError: o.reportError, podAlive, onLost: o.onLost });
    if (custom.length) {
      for (const p of h.ports) {
        for (const a of o.addresses) {
          if (LOOPBACK.has(a)) o.out(`Forwarding from 127.0.0.1:${p.local} -> ${p.remote}\nForwarding from [::1]:${p.local} -> ${p.remote}\n`);
          else o.out(`Forwarding from ${a.includes(':') ? `[${a}]` : a}:${p.local} -> ${p.remote}\n`);
        }
      }
    }
    return h;
  };
}
