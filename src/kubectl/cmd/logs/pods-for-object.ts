// Which pod a streaming verb talks to when given TYPE/NAME: the object itself for a pod, else the
// pods its selector picks, the best one first. Models k8s.io/kubectl/pkg/polymorphichelpers
// (helpers.go SelectorsForObject, GetFirstPod/GetPodList; attachablepodforobject.go) and
// pkg/util/podutils (ByLogging, ActivePods).
import type { KubeList, KubeObject, Pod } from '../../../engine/api/types';
import type { ResourceInfo } from '../../../engine/api/kinds';
import { resourceFor } from '../../../engine/api/kinds';
import { labelSelectorAsSelector, selectorFromSet } from '../../../engine/api/labels';
import type { CmdContext } from '../../command';
import { CmdError } from '../../errors';
import { resolveResource } from '../../mapper';
import { target } from '../../request-util';
import { untilWithSync } from '../../cmdutil';

/** The core pods resource. */
export const PODS = resourceFor('', 'pods') as ResourceInfo;

/** An object named on the command line, fetched. */
export interface Named {
  info: ResourceInfo;
  obj: KubeObject;
}

/** builder.ResourceNames("pods", arg): "name" is a pod, "type/name" any type; GETs it. */
export async function getNamed(ctx: CmdContext, arg: string): Promise<Named> {
  const slash = arg.indexOf('/');
  const info = slash < 0 ? PODS : resolveResource(arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  if (!name) throw new CmdError(`error: arguments in resource/name form must have a single resource and name`);
  const obj = await ctx.call<KubeObject>({ verb: 'get', ...target(info, ctx.namespace, name) });
  return { info, obj };
}

// Go's %T of the typed object kubectl decodes (e.g. *v1.ConfigMap), for "not implemented" messages.
function goType(info: ResourceInfo): string {
  return `*${info.version}.${info.kind}`;
}

/** SelectorsForObject: the label selector of a workload or Service (errors as kubectl words them). */
export function selectorForObject(n: Named, verbText: string): string {
  const spec = (n.obj as { spec?: Record<string, unknown> }).spec ?? {};
  const k = n.info.kind;
  let sel: string | undefined;
  if (['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Deployment', 'Job'].includes(k)) {
    sel = labelSelectorAsSelector(spec.selector as never).toString();
  } else if (k === 'ReplicationController') {
    sel = selectorFromSet(spec.selector as Record<string, string>).toString();
  } else if (k === 'Service') {
    const s = spec.selector as Record<string, string> | undefined;
    if (!s || !Object.keys(s).length) {
      throw new CmdError(`error: ${verbText}: invalid service '${n.obj.metadata?.name}': Service is defined without a selector`);
    }
    sel = selectorFromSet(s).toString();
  }
  if (sel === undefined) throw new CmdError(`error: ${verbText}: selector for ${goType(n.info)} not implemented`);
  return sel;
}

const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const readyTime = (p: Pod) => {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
};
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
const created = (p: Pod) => (p.metadata?.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : 0);
// afterOrZero(t1, t2): t1 is zero, or after t2.
const afterOrZero = (t1: number, t2: number) => (t1 === 0 || t2 === 0 ? t1 === 0 : t1 > t2);

/** podutils.ByLogging.Less: the pod whose logs are most interesting first. */
export function byLogging(a: Pod, b: Pod): number {
  const less = (x: Pod, y: Pod): boolean => {
    const nx = x.spec?.nodeName ?? '';
    const ny = y.spec?.nodeName ?? '';
    if (nx !== ny && (!nx || !ny)) return !!nx;
    const m: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
    const px = m[x.status?.phase ?? ''] ?? 0;
    const py = m[y.status?.phase ?? ''] ?? 0;
    if (px !== py) return px < py;
    if (isReady(x) !== isReady(y)) return isReady(x);
    if (isReady(x) && isReady(y) && readyTime(x) !== readyTime(y)) return afterOrZero(readyTime(y), readyTime(x));
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    if (created(x) !== created(y)) return afterOrZero(created(y), created(x));
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** sort.Reverse(podutils.ActivePods): the most active pod first (exec, attach, port-forward). */
export function byActiveReversed(a: Pod, b: Pod): number {
  // ActivePods.Less(x, y): x is "less active" than y.
  const less = (x: Pod, y: Pod): boolean => {
    const nx = x.spec?.nodeName ?? '';
    const ny = y.spec?.nodeName ?? '';
    if (nx !== ny && (!nx || !ny)) return !nx;
    const m: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
    const px = m[x.status?.phase ?? ''] ?? 0;
    const py = m[y.status?.phase ?? ''] ?? 0;
    if (px !== py) return px < py;
    if (isReady(x) !== isReady(y)) return !isReady(x);
    if (isReady(x) && isReady(y) && readyTime(x) !== readyTime(y)) return afterOrZero(readyTime(x), readyTime(y));
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    if (created(x) !== created(y)) return afterOrZero(created(x), created(y));
    return false;
  };
  return less(b, a) ? -1 : less(a, b) ? 1 : 0;
}

/**
 * GetPodList: the pods a selector picks, sorted; when there are none yet, waits (up to `timeoutMs`)
 * for one to appear, as kubectl does, then answers with the (still empty) first list.
 */
export async function podsForSelector(ctx: CmdContext, namespace: string, selector: string, timeoutMs: number,
  order: (a: Pod, b: Pod) => number): Promise<Pod[]> {
  const list = await ctx.call<KubeList<Pod>>({ verb: 'list', ...target(PODS, namespace), query: { labelSelector: selector } });
  const pods = [...list.items].sort(order);
  if (pods.length) return pods;
  let seen = false;
  const r = await untilWithSync(ctx, { info: PODS, namespace, labelSelector: selector }, timeoutMs, (ev) => {
    if (ev.type === 'ADDED' || ev.type === 'MODIFIED') seen = true;
    return seen;
  });
  if (r === 'timeout') throw new CmdError('error: timed out waiting for the condition');
  if (r === 'aborted') throw new CmdError('');
  return pods;
}

/** AttachablePodForObject: the pod itself, or the most active pod of a workload or Service. */
export async function attachablePod(ctx: CmdContext, n: Named, timeoutMs: number): Promise<Pod> {
  if (n.info.kind === 'Pod') return n.obj as Pod;
  const selector = selectorForObject(n, 'cannot attach to ' + goType(n.info));
  const pods = await podsForSelector(ctx, n.obj.metadata?.namespace ?? ctx.namespace, selector, timeoutMs, byActiveReversed);
  if (!pods.length) throw new CmdError('error: timed out waiting for the condition');
  return pods[0];
}

/** podcmd.AllContainerNames: "a, b, eph (ephem), init (init)". */
export function allContainerNames(pod: Pod): string {
  return [...(pod.spec?.containers ?? []).map((c) => c.name),
    ...((pod.spec?.ephemeralContainers ?? []) as { name: string }[]).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

/** FindContainerByName: the container's spec field path, or undefined. */
export function findContainer(pod: Pod, name: string): string | undefined {
  if ((pod.spec?.containers ?? []).some((c) => c.name === name)) return `spec.containers{${name}}`;
  if ((pod.spec?.initContainers ?? []).some((c) => c.name === name)) return `spec.initContainers{${name}}`;
  if (((pod.spec?.ephemeralContainers ?? []) as { name: string }[]).some((c) => c.name === name)) return `spec.ephemeralContainers{${name}}`;
  return undefined;
}

/**
 * FindOrDefaultContainerByName: the named container, the annotation's default, or the first one
 * (saying so on stderr when the pod has others).
 */
export function findOrDefaultContainer(ctx: CmdContext, pod: Pod, name: string, quiet: boolean): string {
  if (name) {
    if (!findContainer(pod, name)) throw new CmdError(`error: container ${name} not found in pod ${pod.metadata?.name}`);
    return name;
  }
  const cs = pod.spec?.containers ?? [];
  if (!cs.length) throw new CmdError(`error: pod ${pod.metadata?.namespace}/${pod.metadata?.name} does not have any containers`);
  const ann = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (ann && findContainer(pod, ann)) return ann;
  if (!quiet && (cs.length > 1 || (pod.spec?.initContainers ?? []).length || (pod.spec?.ephemeralContainers ?? []).length)) {
    ctx.err(`Defaulted container "${cs[0].name}" out of: ${allContainerNames(pod)}\n`);
  }
  return cs[0].name;
}
