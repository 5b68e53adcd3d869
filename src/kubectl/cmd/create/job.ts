// kubectl create job and create cronjob. Models k8s.io/kubectl/pkg/cmd/create/create_job.go and
// create_cronjob.go.
import type { CronJob, Job, KubeObject } from '../../../engine/api/types';
import { isNotFound } from '../../../engine/api/errors';
import type { Command } from '../../command';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { resolveResource } from '../../mapper';
import { target } from '../../request-util';
import { generatedNamespace, runCreate } from './runner';

/** `kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]`. */
export const createJobCommand: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  flags: flagsFor('create job'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['batch', 'jobs'],
    failPrefix: 'failed to create job: ',
    validate() {
      const image = p.flags.image as string;
      const from = p.flags.from as string;
      if ((!image && !from) || (image && from)) throw new CmdError('error: either --image or --from must be specified');
      if (p.args.length > 1 && from) throw new CmdError('error: cannot specify --from and command');
    },
    async build(_p, _ctx, name): Promise<Job> {
      const image = p.flags.image as string;
      if (image) {
        const command = p.args.length > 1 ? p.args.slice(1) : undefined;
        return {
          apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: generatedNamespace(ctx) },
          spec: { template: { spec: { containers: [{ name, image, command }], restartPolicy: 'Never' } } },
        };
      }
      const from = p.flags.from as string;
      const slash = from.indexOf('/');
      if (slash < 0) throw new CmdError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const info = resolveResource(from.slice(0, slash));
      const cjName = from.slice(slash + 1);
      let cj: KubeObject;
      try {
        cj = await ctx.call<KubeObject>({ verb: 'get', ...target(info, ctx.namespace, cjName) });
      } catch (e) {
        if (isNotFound(e)) throw e;
        throw e;
      }
      if (info.kind !== 'CronJob') throw new CmdError(`error: unknown object type *v1.${info.kind}`);
      const tmpl = (cj as CronJob).spec?.jobTemplate;
      return {
        apiVersion: 'batch/v1', kind: 'Job',
        metadata: {
          name, namespace: generatedNamespace(ctx),
          annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl?.metadata?.annotations ?? {}) },
          labels: tmpl?.metadata?.labels,
          ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata?.name ?? '', uid: cj.metadata?.uid ?? '', controller: true }],
        },
        spec: structuredClone(tmpl?.spec ?? {}) as Job['spec'],
      };
    },
  }),
};

/** `kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]`. */
export const createCronJobCommand: Command = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  flags: flagsFor('create cronjob'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['batch', 'cronjobs'],
    failPrefix: 'failed to create cronjob: ',
    build(_p, _ctx, name): CronJob {
      const command = p.args.length > 1 ? p.args.slice(1) : undefined;
      const restart = (p.flags.restart as string) || 'OnFailure';
      return {
        apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: generatedNamespace(ctx) },
        spec: {
          schedule: p.flags.schedule as string,
          jobTemplate: { metadata: { name }, spec: { template: { spec: { containers: [{ name, image: p.flags.image as string, command }], restartPolicy: restart } } } },
        },
      };
    },
  }),
};
