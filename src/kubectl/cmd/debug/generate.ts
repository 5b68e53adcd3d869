// The objects kubectl debug sends: a pod with a new ephemeral container, a node-debugger pod, a copy of a
// pod. Models k8s.io/kubectl/pkg/cmd/debug/debug.go generateDebugContainer, generateNodeDebugPod,
// generatePodCopyWithDebugContainer, computeDebugContainerName and containerNameToRef.
import type { Container, EnvVar, Node, Pod } from '../../../engine/api/types';
import { CmdError } from '../../errors';
import { randomString } from '../create';
import type { ProfileApplier } from './profiles';
import { type CustomProfile, applyCustomProfile } from './custom-profile';

/** What the generators read from the command line. */
export interface DebugSpec {
  image: string;
  container: string;
  args: string[];
  argsOnly: boolean;
  env: EnvVar[];
  pullPolicy: string;
  interactive: boolean;
  tty: boolean;
  quiet: boolean;
  target: string;
  copyTo: string;
  sameNode: boolean;
  setImages: Record<string, string>;
  /** --share-processes, when given explicitly. */
  shareProcesses?: boolean;
  applier: ProfileApplier;
  /** --custom: container fields merged in after the profile. */
  custom?: CustomProfile;
  /** Seeds the random name suffixes (utilrand.String). */
  seed: number;
  /** Informational messages (stdout). */
  out(text: string): void;
}

function containerNames(pod: Pod): Set<string> {
  const s = pod.spec;
  return new Set([...(s?.containers ?? []), ...(s?.initContainers ?? []), ...(s?.ephemeralContainers ?? [])].map((c) => c.name));
}

/** computeDebugContainerName: -c, else debugger-XXXXX not used by any container, announced unless --quiet. */
export function computeDebugContainerName(o: DebugSpec, pod: Pod): string {
  if (o.container) return o.container;
  const names = containerNames(pod);
  let name = '';
  for (let i = 0; !name || names.has(name); i++) name = `debugger-${randomString(5, o.seed + i)}`;
  if (!o.quiet) o.out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

// Command (or with --arguments-only, Args) from what follows "--"; nothing when there is nothing.
function commandFields(o: DebugSpec): Partial<Container> {
  if (!o.args.length) return {};
  return o.argsOnly ? { args: o.args } : { command: o.args };
}

/** The container fields kubectl sets, in the order Go marshals them. */
function debugContainer(o: DebugSpec, name: string): Container {
  const c: Container = { name, image: o.image, ...commandFields(o) };
  if (o.env.length) c.env = o.env;
  c.resources = {};
  c.terminationMessagePolicy = 'File';
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  if (o.tty) c.tty = true;
  return c;
}

/** generateDebugContainer: the pod with the ephemeral container appended, the profile applied; and its name. */
export function generateDebugContainer(o: DebugSpec, pod: Pod): { pod: Pod; name: string } {
  const name = computeDebugContainerName(o, pod);
  const copied = structuredClone(pod) as Pod;
  const ec = { ...debugContainer(o, name), ...(o.target ? { targetContainerName: o.target } : {}) };
  copied.spec!.ephemeralContainers = [...(copied.spec!.ephemeralContainers ?? []), ec];
  o.applier(copied, name, 'ephemeral');
  if (o.custom) applyCustomProfile(copied, name, o.custom, true);
  return { pod: copied, name };
}

/** generateNodeDebugPod: node-debugger-<node>-XXXXX on the node, tolerating everything; announced unless --quiet. */
export function generateNodeDebugPod(o: DebugSpec, node: Node): Pod {
  const cn = o.container || 'debugger';
  const nodeName = node.metadata?.name ?? '';
  const pn = `node-debugger-${nodeName}-${randomString(5, o.seed)}`;
  if (!o.quiet) o.out(`Creating debugging pod ${pn} with container ${cn} on node ${nodeName}.\n`);
  const pod: Pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: pn, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
    spec: { containers: [debugContainer(o, cn)], nodeName, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] },
  };
  o.applier(pod, cn, 'node');
  if (o.custom) applyCustomProfile(pod, cn, o.custom, false);
  return pod;
}

/**
 * generatePodCopyWithDebugContainer: a copy named --copy-to without ephemeral containers (and, unless
 * --same-node, without its node), images replaced by --set-image, and a debug container added (or an
 * existing one, -c, changed). The name is empty for a --set-image-only copy.
 */
export function generatePodCopy(o: DebugSpec, pod: Pod): { pod: Pod; name: string } {
  const spec = structuredClone(pod.spec!);
  delete spec.ephemeralContainers;
  if (o.shareProcesses !== undefined) spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete spec.nodeName;
  const metadata: Pod['metadata'] = { name: o.copyTo, namespace: pod.metadata?.namespace };
  if (pod.metadata?.annotations) metadata.annotations = { ...pod.metadata.annotations };
  if (pod.metadata?.labels) metadata.labels = { ...pod.metadata.labels };
  const copied: Pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec };
  for (const c of spec.containers) {
    const img = o.setImages[c.name] ?? o.setImages['*'];
    if (img) c.image = img;
  }
  let name = o.container;
  let c = spec.containers.find((x) => x.name === name) ?? (spec.initContainers ?? []).find((x) => x.name === name);
  if (!c) {
    if (!o.image) {
      if (Object.keys(o.setImages).length) return { pod: copied, name: '' };
      throw new CmdError('error: you must specify image when creating new container');
    }
    if (!name) name = computeDebugContainerName(o, copied);
    c = { name, terminationMessagePolicy: 'File' };
    spec.containers.push(c);
  }
  if (o.args.length) {
    if (o.argsOnly) c.args = o.args;
    else {
      c.command = o.args;
      delete c.args;
    }
  }
  if (o.env.length) c.env = o.env;
  if (o.image) c.image = o.image;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  else delete c.stdin;
  if (o.tty) c.tty = true;
  else delete c.tty;
  o.applier(copied, c.name, 'podCopy');
  if (o.custom) applyCustomProfile(copied, name, o.custom, false);
  return { pod: copied, name };
}
