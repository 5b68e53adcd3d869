// --dry-run. Models k8s.io/kubectl/pkg/cmd/util/helpers.go GetDryRunStrategy and its klog warnings.
import type { CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { klogLine } from './klog';

/** The three strategies. */
export type DryRun = 'none' | 'client' | 'server';

/** Reads --dry-run as kubectl v1.32 does (the deprecated bare and boolean forms warn through klog). */
export function getDryRunStrategy(p: ParsedArgs, ctx: Pick<CmdContext, 'err' | 'env'>): DryRun {
  const v = (p.flags['dry-run'] as string | undefined) ?? 'none';
  const bool = ['1', 't', 'T', 'true', 'TRUE', 'True', '0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v);
  if (!bool) {
    switch (v) {
      case 'unchanged':
        ctx.err(klogLine('W', ctx.env.now(), 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
        return 'client';
      case 'client': case 'server': case 'none':
        return v;
      default:
        throw new CmdError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
    }
  }
  const b = ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v);
  ctx.err(klogLine('W', ctx.env.now(), 'helpers.go:716', b
    ? `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`
    : `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=none.`));
  return b ? 'client' : 'none';
}

/** The suffix printed after an operation ("created (dry run)"). */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}
