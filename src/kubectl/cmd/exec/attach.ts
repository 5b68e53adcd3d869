// kubectl attach: the running container's main process from now on, its output until it stops or Ctrl-C,
// and with -i the typed lines to its stdin (pods/attach). Models k8s.io/kubectl/pkg/cmd/attach/attach.go
// (Complete's argument forms, Run's checks, the TTY forced to the container's, and the notices).
import type { Container, Pod } from '../../../engine/api/types';
import { StatusError } from '../../../engine/api/errors';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { flagsFor } from '../../help/flag-defs';
import { CmdError } from '../../errors';
import { target } from '../../request-util';
import { PODS, attachablePod, findOrDefaultContainer, getNamed } from '../logs';
import { setupTTY } from './stream';

/** The kubelet's pods/attach answer (src/engine/kubelet AttachSession). */
interface AttachSessionBody {
  kind: 'AttachSession';
  start(io: { stdout(s: string): void; stderr(s: string): void; readLine?(): Promise<string | undefined>; tty?: boolean;
    signal?: AbortSignal; onInterrupt?(handler: () => void): () => void }): Promise<number>;
}

/**
 * AttachOptions.Run from the container on: the TTY follows the container's, the prompt notice, the attach
 * stream, and the "Session ended" notice for a pod that restarts. Returns 130 when interrupted.
 */
export async function attachToContainer(ctx: CmdContext, pod: Pod, name: string,
  o: { stdin: boolean; tty: boolean; quiet: boolean }): Promise<number> {
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])]
    .find((c) => c.name === name) as Container | undefined;
  let tty = o.tty;
  if (tty && !spec?.tty) {
    tty = false;
    if (!o.quiet) ctx.err(`error: Unable to use a TTY - container ${name} did not allocate one\n`);
  } else if (!tty && spec?.tty) tty = true;
  const s = setupTTY(ctx, o.stdin, tty, o.quiet);
  // Printed whenever not --quiet, with or without -i/-t (observed from kubectl v1.32.5).
  if (!o.quiet) ctx.err("If you don't see a command prompt, try pressing enter.\n");
  const res = await ctx.send({ verb: 'create', ...target(PODS, pod.metadata?.namespace ?? ctx.namespace, pod.metadata?.name), subresource: 'attach',
    query: { container: name, stdin: String(s.stdin), stdout: 'true', stderr: String(!s.tty), tty: String(s.tty) } });
  if (res.code >= 400) throw new StatusError(res.body as never);
  const session = res.body as AttachSessionBody;
  const out = (x: string) => ctx.out(x);
  await session.start({ stdout: out, stderr: s.tty ? out : (x) => ctx.err(x), readLine: s.readLine, tty: s.tty, signal: ctx.env.signal,
    onInterrupt: s.tty && s.stdin ? ctx.io.onInterrupt : undefined });
  if (ctx.env.signal?.aborted) return 130;
  // reattachMessage: none with --quiet; an ephemeral container is never restarted, so its notice says so.
  if (!o.quiet && s.stdin && s.tty && pod.spec?.restartPolicy === 'Always') {
    const ref = `'kubectl attach ${pod.metadata?.name} -c ${name} -i -t'`;
    ctx.out((pod.spec.ephemeralContainers ?? []).some((c) => c.name === name)
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using ${ref} if it is still running\n`
      : `Session ended, resume using ${ref} command when the pod is running\n`);
  }
  return 0;
}

async function runAttach(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const args = p.args;
  if (args.length === 0) throw new CmdError('error: at least 1 argument is required for attach');
  if (args.length > 2) throw new CmdError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
  const named = await getNamed(ctx, args.length === 2 ? `${args[0]}/${args[1]}` : args[0]);
  const timeout = f['pod-running-timeout'] as number;
  const pod: Pod = await attachablePod(ctx, named, timeout);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
  const quiet = f.quiet as boolean;
  const name = findOrDefaultContainer(ctx, pod, f.container as string, quiet);
  return attachToContainer(ctx, pod, name, { stdin: f.stdin as boolean, tty: f.tty as boolean, quiet });
}

/** `kubectl attach (POD | TYPE/NAME) -c CONTAINER`. */
export const attachCommand: Command = {
  name: 'attach',
  short: 'Attach to a running container',
  flags: flagsFor('attach'),
  run: runAttach,
};
