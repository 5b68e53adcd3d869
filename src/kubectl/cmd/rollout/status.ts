// kubectl rollout status. Models k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go: list then watch the one
// object, printing the status viewer's line for every ADDED/MODIFIED event until it is done.
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { untilWithSync } from '../../cmdutil';
import { visitResources } from '../../resource/visit';
import { statusViewerFor } from './viewers';

async function runStatus(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  if (!p.args.length && !(f.filename as string[]).length) throw new CmdError('error: required resource not specified');
  const revision = f.revision as number;
  if (revision < 0) throw new CmdError(`error: revision must be a positive integer: ${revision}`);
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, all: true });
  if (visited.errors.length) throw visited.errors[0];
  if (visited.infos.length !== 1) {
    throw new CmdError(`error: watch is only supported on individual resources and resource collections - ${visited.infos.length} resources were found`);
  }
  const info = visited.infos[0];
  const viewer = statusViewerFor(info.info);
  const watch = f.watch as boolean;
  let failure: unknown;
  const res = await untilWithSync(ctx, { info: info.info, namespace: info.namespace, name: info.name }, f.timeout as number, (ev) => {
    if (ev.type === 'SYNC') return false;
    if (ev.type === 'DELETED') {
      failure = new CmdError('error: object has been deleted');
      return true;
    }
    try {
      const { status, done } = viewer(ev.obj, revision);
      ctx.out(status);
      return done || !watch;
    } catch (e) {
      failure = e;
      return true;
    }
  });
  if (failure) throw failure;
  if (res === 'timeout') throw new CmdError('error: timed out waiting for the condition');
  return res === 'aborted' ? 130 : 0;
}

/** `kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]`. */
export const rolloutStatusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: flagsFor('rollout status'),
  run: runStatus,
};
