// kubectl debug -i/--attach: wait until the debug container runs (or has already ended), then attach to it,
// or print its logs when it has ended or the attach fails. Models k8s.io/kubectl/pkg/cmd/debug/debug.go
// handleAttachPod, waitForContainer, getContainerStatusByName and logOpts.
import type { ContainerStatus, Pod } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import { StatusError, newNotFound } from '../../../engine/api/errors';
import type { CmdContext } from '../../command';
import { CmdError } from '../../errors';
import { untilWithSync } from '../../cmdutil';
import { target } from '../../request-util';
import { attachToContainer } from '../exec/attach';

const PODS = resourceFor('', 'pods') as ResourceInfo;

type LogStreamBody = { kind: 'LogStream'; initial: string; subscribe(onData: (s: string) => void, onEnd: () => void): () => void };

/** getContainerStatusByName: init, regular, then ephemeral container statuses. */
export function containerStatusByName(pod: Pod, name: string): ContainerStatus | undefined {
  const st = pod.status;
  return [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? []), ...(st?.ephemeralContainerStatuses ?? [])]
    .find((s) => s.name === name);
}

// waitForContainer: until the container is running or terminated; a waiting reason's message is a warning
// each time it is seen (unless --quiet). The pod going away is a NotFound.
async function waitForContainer(ctx: CmdContext, ns: string, podName: string, name: string, quiet: boolean): Promise<Pod | undefined> {
  let result: Pod | undefined;
  const r = await untilWithSync(ctx, { info: PODS, namespace: ns, name: podName }, 0, (ev) => {
    if (ev.type === 'SYNC') return false;
    if (ev.type === 'DELETED') throw newNotFound(PODS, '');
    const pod = ev.obj as Pod;
    const s = containerStatusByName(pod, name);
    if (!s) return false;
    if (s.state?.running || s.state?.terminated) {
      result = pod;
      return true;
    }
    if (!quiet && s.state?.waiting?.message) ctx.err(`Warning: container ${name}: ${s.state.waiting.message}\n`);
    return false;
  });
  return r === 'done' ? result : undefined;
}

// logOpts: the container's log, once (no follow).
async function printLogs(ctx: CmdContext, pod: Pod, name: string): Promise<void> {
  const res = await ctx.send({ verb: 'get', ...target(PODS, pod.metadata?.namespace ?? ctx.namespace, pod.metadata?.name), subresource: 'log',
    query: { container: name } });
  if (res.code >= 400) throw new StatusError(res.body as never);
  const body = res.body as string | LogStreamBody;
  ctx.out(typeof body === 'string' ? body : body.initial);
}

/** handleAttachPod: wait, then attach (or fall back to the logs). Returns 130 when interrupted. */
export async function handleAttachPod(ctx: CmdContext, pod: Pod, name: string,
  o: { interactive: boolean; tty: boolean; quiet: boolean }): Promise<number> {
  const ns = pod.metadata?.namespace ?? ctx.namespace;
  const podName = pod.metadata?.name ?? '';
  const ready = await waitForContainer(ctx, ns, podName, name, o.quiet);
  if (!ready) return 130;
  const status = containerStatusByName(ready, name);
  if (!status) throw new CmdError(`error: error getting container status of container name ${JSON.stringify(name)}: <nil>`);
  if (status.state?.terminated) {
    await printLogs(ctx, ready, name);
    return 0;
  }
  try {
    return await attachToContainer(ctx, ready, name, { stdin: o.interactive, tty: o.tty, quiet: o.quiet });
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    ctx.err(`warning: couldn't attach to pod/${podName}, falling back to streaming logs: ${e.status.message ?? ''}\n`);
    await printLogs(ctx, ready, name);
    return 0;
  }
}
