// kubectl exec: run a command in a container, stdin from the terminal with -i, a TTY with -t.
// Models k8s.io/kubectl/pkg/cmd/exec/exec.go (Complete, Validate, Run): the old form without "--" (refused
// in v1.32), the default container, the POST of pods/<name>/exec and the exit code.
import type { ApiStatus, Pod } from '../../../engine/api/types';
import { StatusError } from '../../../engine/api/errors';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { flagsFor } from '../../help/flag-defs';
import { CmdError } from '../../errors';
import { usageError } from '../../usage';
import { target } from '../../request-util';
import { infosFromFiles } from '../../resource/builder';
import { PODS, attachablePod, findOrDefaultContainer, getNamed, type Named } from '../logs';
import { finishRemote, setupTTY, type StreamSetup } from './stream';

/** The body of a pods/exec answer (src/engine/kubelet ExecSession). */
interface ExecSessionBody {
  kind: 'ExecSession';
  start(io: { stdout(s: string): void; stderr(s: string): void; readLine?(): Promise<string | undefined>; tty?: boolean;
    signal?: AbortSignal; onInterrupt?(handler: () => void): () => void }): Promise<number>;
}

const NO_LONGER_SUPPORTED = 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead';

/** Runs a command through pods/exec with the given streams; resolves to the remote exit code. */
export async function execInPod(ctx: CmdContext, pod: Pod, container: string, command: string[], s: StreamSetup,
  out: (t: string) => void = (t) => ctx.out(t), err: (t: string) => void = (t) => ctx.err(t)): Promise<number> {
  const res = await ctx.send({ verb: 'create', ...target(PODS, pod.metadata?.namespace ?? ctx.namespace, pod.metadata?.name),
    subresource: 'exec', query: { container, command: JSON.stringify(command), stdin: String(s.stdin), stdout: 'true',
      stderr: String(!s.tty), tty: String(s.tty) } });
  if (res.code >= 400 || !res.body || typeof res.body !== 'object' || (res.body as { kind?: string }).kind !== 'ExecSession') {
    // The API server's own refusals are Status objects (kubectl prints them as such); the kubelet answers
    // in plain text, which the upgrading client reports as "unable to upgrade connection: …".
    const st = res.body as ApiStatus | undefined;
    if (st?.kind === 'Status' && st.reason) throw new StatusError(st);
    throw new CmdError(`error: unable to upgrade connection: ${st?.message ?? ''}`);
  }
  const session = res.body as ExecSessionBody;
  // With a TTY, stdout and stderr share the terminal (one stream, as the remote pty has).
  return session.start({ stdout: out, stderr: s.tty ? out : err, readLine: s.readLine, tty: s.tty, signal: ctx.env.signal,
    // With a TTY a Ctrl-C is the remote terminal's: it interrupts the remote foreground job, not kubectl.
    onInterrupt: s.tty ? ctx.io.onInterrupt : undefined });
}

/** Resolves the pod named by POD, TYPE/NAME or -f (AttachablePodForObject). */
export async function podFromArgs(ctx: CmdContext, p: ParsedArgs, resourceName: string): Promise<Pod> {
  let named: Named;
  const files = (p.flags.filename as string[] | undefined) ?? [];
  if (files.length) {
    const infos = infosFromFiles(ctx.env.fs, files, false, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
    if (infos.length !== 1) throw new CmdError('error: expected a resource');
    const i = infos[0];
    named = await getNamed(ctx, `${i.info.resource}${i.info.group ? `.${i.info.group}` : ''}/${i.name}`);
  } else {
    named = await getNamed(ctx, resourceName);
  }
  return attachablePod(ctx, named, p.flags['pod-running-timeout'] as number);
}

async function runExec(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const quiet = f.quiet as boolean;
  const args = p.args;
  const dash = p.argsLenAtDash;
  let resourceName = '';
  let command: string[] = [];
  const files = (f.filename as string[]) ?? [];
  if (args.length > 0 && dash !== 0) resourceName = args[0];
  // v1.32 refuses the old form without "--" (it was a deprecation notice before): observed from the real
  // binary, so the seed's `kubectl exec -it pod - /bin/bash` ("-" is an argument to pflag) ends here.
  if (dash > -1) command = args.slice(dash);
  else if (args.length > 1 || (args.length > 0 && files.length)) throw usageError(ctx, NO_LONGER_SUPPORTED);
  const timeout = f['pod-running-timeout'] as number;
  if (!(timeout > 0)) throw usageError(ctx, '--pod-running-timeout must be higher than zero');
  if (!resourceName && !files.length) throw new CmdError('error: pod, type/name or --filename must be specified');
  if (!command.length) throw new CmdError('error: you must specify at least one command for the container');
  const pod = await podFromArgs(ctx, p, resourceName);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  // A named container is the server's to check ("container x is not valid for pod p"); only the default is chosen here.
  const container = (f.container as string) || findOrDefaultContainer(ctx, pod, '', quiet);
  const s = setupTTY(ctx, f.stdin as boolean, f.tty as boolean, quiet);
  return finishRemote(await execInPod(ctx, pod, container, command, s));
}

/** `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]`. */
export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: flagsFor('exec'),
  run: runExec,
};
