// kubectl api-versions. Models k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go: every served
// group/version, sorted.
import { servedGroupVersions } from '../../engine/api/kinds';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { usageError } from '../usage';

/** `kubectl api-versions`. */
export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  flags: flagsFor('api-versions'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    if (p.args.length) throw usageError(ctx, `unexpected arguments: [${p.args.join(' ')}]`);
    for (const v of [...servedGroupVersions()].sort()) ctx.out(`${v}\n`);
    return 0;
  },
};
