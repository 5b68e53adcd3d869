// kubectl autoscale. Models k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go (v1.32 builds an autoscaling/v1
// HorizontalPodAutoscaler): --max, --min, --cpu-percent, the target's scale subresource; "autoscaled".
import type { KubeObject } from '../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../engine/api/kinds';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy } from '../cmdutil';
import { visitResources } from '../resource/visit';
import { target } from '../request-util';
import { withSaveConfig } from './create';
import { finishWithErrors } from './label';

const HPA = resourceFor('autoscaling', 'horizontalpodautoscalers') as ResourceInfo;
const V1 = { ...HPA, version: 'v1' };

type HpaV1 = KubeObject & { spec: { maxReplicas: number; minReplicas?: number; scaleTargetRef: Record<string, string>;
  targetCPUUtilizationPercentage?: number } };

// Deviation: the simulated API server serves autoscaling/v2 only; kubectl's v1 object is sent as v2 and the
// answer shown as v1 (the same conversion the real API server does between the two versions).
function toV2(h: HpaV1): KubeObject {
  const { targetCPUUtilizationPercentage: cpu, ...spec } = h.spec;
  return { ...h, apiVersion: 'autoscaling/v2', spec: { ...spec,
    metrics: cpu === undefined ? undefined : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] } };
}

function toV1(h: KubeObject): KubeObject {
  const spec = { ...(h.spec as Record<string, any>) };
  const metrics = spec.metrics as { type: string; resource?: { name: string; target?: { averageUtilization?: number } } }[] | undefined;
  delete spec.metrics;
  delete spec.behavior;
  const cpu = metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.target?.averageUtilization;
  if (cpu !== undefined) spec.targetCPUUtilizationPercentage = cpu;
  const st = (h.status ?? {}) as Record<string, any>;
  const status: Record<string, unknown> = { currentReplicas: st.currentReplicas ?? 0, desiredReplicas: st.desiredReplicas ?? 0 };
  if (st.observedGeneration !== undefined) status.observedGeneration = st.observedGeneration;
  if (st.lastScaleTime !== undefined) status.lastScaleTime = st.lastScaleTime;
  return { ...h, apiVersion: 'autoscaling/v1', spec, status };
}

async function runAutoscale(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: 'autoscaled', dryRun,
    typed: true, showManagedFields: f['show-managed-fields'] as boolean });
  const max = f.max as number;
  const min = f.min as number;
  if (max < 1) throw new CmdError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new CmdError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean });
  const errors: unknown[] = [...visited.errors];
  let count = 0;
  for (const i of visited.infos) {
    try {
      if (!i.info.subresources.includes('scale')) {
        const gvr = `${i.info.group}/${i.info.version}, Resource=${i.info.resource}`;
        throw new CmdError(`error: cannot autoscale a ${i.info.kind}: could not find scale subresource for ${gvr} in discovery information`);
      }
      // Built in Go's field order with its zero values: the schema has no autoscaling/v1 to fill them in.
      const cpu = f['cpu-percent'] as number;
      const hpa: HpaV1 = {
        kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1',
        metadata: { name: (f.name as string) || i.name, namespace: ctx.namespaceExplicit ? ctx.namespace : undefined, creationTimestamp: null as never },
        spec: {
          scaleTargetRef: { kind: i.info.kind, name: i.name, apiVersion: i.info.group ? `${i.info.group}/${i.info.version}` : i.info.version },
          minReplicas: min > 0 ? min : undefined,
          maxReplicas: max,
          targetCPUUtilizationPercentage: cpu >= 0 ? cpu : undefined,
        },
        status: { currentReplicas: 0, desiredReplicas: 0 },
      };
      count++;
      if (dryRun === 'client') {
        printer.print(hpa, V1);
        continue;
      }
      const body = withSaveConfig(hpa, f['save-config'] as boolean, true);
      const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-autoscale' };
      if (dryRun === 'server') query.dryRun = 'All';
      const { status: _s, ...sendable } = body;
      const meta = { ...sendable.metadata };
      delete (meta as Record<string, unknown>).creationTimestamp;
      const created = await ctx.call<KubeObject>({ verb: 'create', ...target(HPA, ctx.namespace),
        body: toV2({ ...sendable, metadata: meta } as HpaV1), query });
      printer.print(toV1(created), V1);
    } catch (e) {
      errors.push(e);
    }
  }
  if (!count && !errors.length) throw new CmdError('error: no objects passed to autoscale');
  return finishWithErrors(ctx, errors);
}

/** `kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]`. */
export const autoscaleCommand: Command = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  flags: flagsFor('autoscale'),
  run: runAutoscale,
};
