// cmdutil.UsageErrorf: "error: <msg>\nSee 'kubectl <command> -h' for help and examples".
import type { CmdContext } from './command';
import { CmdError } from './errors';

/** A usage error for the running command. */
export function usageError(ctx: Pick<CmdContext, 'commandPath'>, msg: string): CmdError {
  return new CmdError(`error: ${msg}\nSee '${ctx.commandPath} -h' for help and examples`);
}
