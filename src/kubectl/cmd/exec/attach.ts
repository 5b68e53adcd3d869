// kubectl attach: the running container's output from now on, until it stops or Ctrl-C. Models
// k8s.io/kubectl/pkg/cmd/attach/attach.go (Complete's argument forms, Run's checks and notices).
// Deviation: the output is the container log followed from its end (pods/log follow with tailLines=0,
// not pods/attach), and typed input does not reach the container's main process.
import type { Container, Pod } from '../../../engine/api/types';
import { StatusError } from '../../../engine/api/errors';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { flagsFor } from '../../help/flag-defs';
import { CmdError } from '../../errors';
import { target } from '../../request-util';
import { PODS, attachablePod, findOrDefaultContainer, getNamed } from '../logs';

interface LogStreamBody {
  kind: 'LogStream';
  subscribe(onData: (s: string) => void, onEnd: () => void): () => void;
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
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === name) as Container | undefined;
  let tty = f.tty as boolean;
  const stdin = f.stdin as boolean;
  if (tty && !spec?.tty) {
    tty = false;
    if (!quiet) ctx.err(`error: Unable to use a TTY - container ${name} did not allocate one\n`);
  } else if (!tty && spec?.tty) tty = true;
  if (!quiet && stdin && tty) ctx.err("If you don't see a command prompt, try pressing enter.\n");
  const res = await ctx.send({ verb: 'get', ...target(PODS, pod.metadata?.namespace ?? ctx.namespace, pod.metadata?.name), subresource: 'log',
    query: { container: name, follow: 'true', tailLines: '0' } });
  if (res.code >= 400) throw new StatusError(res.body as never);
  const body = res.body as string | LogStreamBody;
  if (typeof body === 'string') return 0;
  await new Promise<void>((resolve) => {
    const signal = ctx.env.signal;
    let stop: () => void = () => undefined;
    const done = () => {
      stop();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done, { once: true });
    stop = body.subscribe((s) => ctx.out(s), done);
  });
  return ctx.env.signal?.aborted ? 130 : 0;
}

/** `kubectl attach (POD | TYPE/NAME) -c CONTAINER`. */
export const attachCommand: Command = {
  name: 'attach',
  short: 'Attach to a running container',
  flags: flagsFor('attach'),
  run: runAttach,
};
