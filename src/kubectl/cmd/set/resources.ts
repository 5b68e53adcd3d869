// kubectl set resources. Models k8s.io/kubectl/pkg/cmd/set/set_resources.go: --limits and --requests
// (name=quantity lists) on the containers -c selects; "resource requirements updated".
import { canonicalQuantity } from '../../../engine/api';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { checkLocalDryRun, notAPodError, podSpecOf, runSetLoop, selectContainers, setTargets } from './shared';

// HandleResourceRequirementsV1 / populateResourceListV1: "cpu=100m,memory=256Mi".
function resourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) throw new CmdError(`error: Invalid argument syntax ${pair}, expected <resource>=<value>`);
    try {
      out[parts[0]] = canonicalQuantity(parts[1]);
    } catch {
      throw new CmdError("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
  }
  return out;
}

async function runSetResources(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = checkLocalDryRun(p, ctx);
  if (f.all && f.selector) throw new CmdError('error: cannot set --all and --selector at the same time');
  const limitsText = f.limits as string;
  const requestsText = f.requests as string;
  // Complete builds the objects first; Validate then asks for an update.
  const infos = await setTargets(ctx, p, p.args);
  if (!limitsText && !requestsText) throw new CmdError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
  const limits = resourceList(limitsText);
  const requests = resourceList(requestsText);
  const selector = f.containers as string;
  const errors: unknown[] = [];
  return runSetLoop(ctx, p, infos, (obj) => {
    const spec = podSpecOf(obj);
    if (!spec) throw notAPodError(obj);
    const containers = [...selectContainers(spec.initContainers, selector), ...selectContainers(spec.containers, selector)];
    if (!containers.length) {
      errors.push(new CmdError(`error: unable to find container named ${selector}`));
      return;
    }
    for (const c of containers) {
      const r = (c.resources ??= {});
      if (Object.keys(limits).length) r.limits = { ...(r.limits ?? {}), ...limits };
      if (Object.keys(requests).length) r.requests = { ...(r.requests ?? {}), ...requests };
    }
  }, { operation: 'resource requirements updated', dryRun, errors, patchFailure: (m) => `failed to patch resources update to pod template ${m}` });
}

/** `kubectl set resources (-f FILENAME | TYPE NAME) ([--limits=LIMITS & --requests=REQUESTS]`. */
export const setResourcesCommand: Command = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  flags: flagsFor('set resources'),
  run: runSetResources,
};
