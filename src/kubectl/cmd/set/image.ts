// kubectl set image. Models k8s.io/kubectl/pkg/cmd/set/set_image.go: CONTAINER=IMAGE pairs ("*" for all),
// "image updated"; nothing printed when the images are already those.
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { getResourcesAndPairs, parsePairs } from '../../cmdutil';
import { checkLocalDryRun, notAPodError, podSpecOf, runSetLoop, setTargets } from './shared';

async function runSetImage(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = checkLocalDryRun(p, ctx);
  const { resources, pairs } = getResourcesAndPairs(p.args, 'image');
  const images = parsePairs(pairs, 'image', false).set;
  const infos = await setTargets(ctx, p, resources);
  const problems: string[] = [];
  if (f.all && f.selector) problems.push('cannot set --all and --selector at the same time');
  if (!resources.length && !(f.filename as string[]).length) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size < 1) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (problems.length === 1) throw new CmdError(`error: ${problems[0]}`);
  if (problems.length > 1) throw new CmdError(`error: [${problems.join(', ')}]`);
  const errors: unknown[] = [];
  return runSetLoop(ctx, p, infos, (obj) => {
    const spec = podSpecOf(obj);
    if (!spec) throw notAPodError(obj);
    for (const [name, image] of images) {
      let found = false;
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        if (name === '*' || c.name === name) {
          c.image = image;
          found = true;
        }
      }
      if (!found) errors.push(new CmdError(`error: unable to find container named ${JSON.stringify(name)}`));
    }
  }, { operation: 'image updated', dryRun, errors, patchFailure: (m) => `failed to patch image update to pod template: ${m}` });
}

/** `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ...`. */
export const setImageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: flagsFor('set image'),
  run: runSetImage,
};
