// postStart and preStop hooks. Models pkg/kubelet/lifecycle/handlers.go (HandlerRunner.Run): exec
// in the container, an HTTP GET into the pod, or sleep (PodLifecycleSleepAction, on in v1.32).
import type { LifecycleHandler, Pod } from 'kubernetes-types/core/v1';
import type { Container as ApiContainer } from '../../api/types';
import type { Clock } from '../../clock';
import type { Container } from '../../runtime/cri';
import { runCommand } from '../util';

/** What a hook reaches. */
export interface HookTarget {
  pod: Pod;
  container: ApiContainer;
  handle: Container;
  podIP: string;
  remoteAddr: string;
}

/** Runs a handler; `done(error)` once, error undefined on success. Returns a cancel (grace period over). */
export function runHandler(clock: Clock, h: LifecycleHandler, t: HookTarget, done: (error?: string) => void): () => void {
  let over = false;
  const finish = (e?: string) => {
    if (over) return;
    over = true;
    done(e);
  };
  if (h.exec) {
    const argv = h.exec.command ?? [];
    runCommand(clock, t.handle, argv, 0, (r) => {
      finish(r.exitCode === 0 ? undefined
        : `Exec lifecycle hook (${JSON.stringify(argv).replace(/^\[|\]$/g, '').replace(/","/g, ' ').replace(/"/g, '')}) for Container "${t.container.name}" in Pod "${t.pod.metadata?.name}_${t.pod.metadata?.namespace}(${t.pod.metadata?.uid})" failed - error: command '${argv.join(' ')}' exited with ${r.exitCode}: ${r.output}, message: ${JSON.stringify(r.output)}`);
    });
  } else if (h.httpGet) {
    const g = h.httpGet;
    const port = typeof g.port === 'number' ? g.port
      : /^\d+$/.test(g.port) ? Number(g.port) : t.container.ports?.find((p) => p.name === g.port)?.containerPort ?? 0;
    const path = g.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '/';
    const res = t.handle.http(port, { method: 'GET', path, headers: { 'User-Agent': 'kube-lifecycle/1.32', Accept: '*/*' }, remoteAddr: t.remoteAddr });
    finish(res ? undefined : `Get "http://${g.host || t.podIP}:${port}${path}": dial tcp ${g.host || t.podIP}:${port}: connect: connection refused`);
  } else if (h.sleep) {
    const cancel = clock.after(h.sleep.seconds * 1000, () => finish());
    return () => {
      cancel();
      finish();
    };
  } else if (h.tcpSocket) {
    // Deprecated and not supported as a hook: upstream logs and succeeds.
    finish();
  } else {
    finish('invalid handler');
  }
  return () => finish();
}
