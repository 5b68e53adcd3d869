// kubectl create deployment. Models k8s.io/kubectl/pkg/cmd/create/create_deployment.go.
import type { Container, Deployment } from '../../../engine/api/types';
import type { Command } from '../../command';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, randomString, runCreate } from './runner';

// buildPodSpec: a container per image, named after the image (registry path, tag and digest dropped).
function containerFor(image: string, command: string[] | undefined, seed: number): Container {
  let name = image.split('/').pop()!;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  // sanitizeAndUniquify: "." and "_" become "-", plus a random suffix.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomString(5, seed)}`;
  const c: Container = { name, image };
  if (command?.length) c.command = command;
  return c;
}

/** `kubectl create deployment NAME --image=image -- [COMMAND] [args...]`. */
export const createDeploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: flagsFor('create deployment'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['apps', 'deployments'],
    failPrefix: 'failed to create deployment: ',
    validate() {
      const images = p.flags.image as string[];
      if (images.length > 1 && p.args.length > 1) throw new CmdError('error: cannot specify multiple --image options and command');
    },
    build(_p, _ctx, name): Deployment {
      const labels = { app: name };
      const command = p.args.length > 1 ? p.args.slice(1) : undefined;
      const containers = (p.flags.image as string[]).map((img, i) => containerFor(img, command, ctx.env.now() + i));
      const port = p.flags.port as number;
      if (port >= 0 && containers.length) containers[0].ports = [{ containerPort: port }];
      return {
        apiVersion: 'apps/v1', kind: 'Deployment',
        metadata: { name, namespace: generatedNamespace(ctx), labels },
        spec: { replicas: p.flags.replicas as number, selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers } } },
      };
    },
  }),
};
