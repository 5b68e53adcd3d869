// The objects kubectl run generates: the pod (generate/versioned/run.go BasicPod) and, with --expose,
// its ClusterIP service (ServiceGeneratorV2). Pure functions of the flags.
import type { Container, EnvVar, Pod, Service } from '../../../engine/api/types';
import { isEnvVarName, isQualifiedName, isValidLabelValue } from '../../../engine/api/validation';
import { CmdError } from '../../errors';

/** generate.ParseLabels: "k=v,k2=v2". */
export function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new CmdError(`error: unexpected label spec: ${pair}`);
    if (isQualifiedName(kv[0]).length || isValidLabelValue(kv[1]).length) throw new CmdError(`error: invalid label spec: ${pair}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** parseEnvs: "NAME=value" each (the value may contain "="). */
export function parseEnvs(list: readonly string[]): EnvVar[] {
  return list.map((e) => {
    const i = e.indexOf('=');
    if (i < 0) throw new CmdError(`error: invalid env: ${e}`);
    const name = e.slice(0, i);
    if (isEnvVarName(name).length) throw new CmdError(`error: invalid env: ${e}`);
    return { name, value: e.slice(i + 1) };
  });
}

/** The flags the pod generator reads. */
export interface PodParams {
  name: string;
  image: string;
  labels: string;
  annotations: readonly string[];
  env: readonly string[];
  args: readonly string[];
  command: boolean;
  port: string;
  restart: string;
  imagePullPolicy: string;
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  privileged: boolean;
}

/** BasicPod.Generate. */
export function generatePod(p: PodParams): Pod {
  const labels = p.labels ? parseLabels(p.labels) : { run: p.name };
  const annotations: Record<string, string> = {};
  for (const a of p.annotations) {
    const i = a.indexOf('=');
    if (i < 0) throw new CmdError(`error: invalid annotation spec: ${a}`);
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const env = parseEnvs(p.env);
  const c: Container = { name: p.name, image: p.image };
  if (p.args.length) {
    if (p.command) c.command = [...p.args];
    else c.args = [...p.args];
  }
  if (env.length) c.env = env;
  if (p.imagePullPolicy) c.imagePullPolicy = p.imagePullPolicy;
  if (p.port) {
    const n = Number(p.port);
    if (!/^[+-]?\d+$/.test(p.port)) throw new CmdError(`error: strconv.Atoi: parsing ${JSON.stringify(p.port)}: invalid syntax`);
    c.ports = [{ containerPort: n }];
  }
  if (p.stdin) c.stdin = true;
  if (p.stdin && !p.leaveStdinOpen) c.stdinOnce = true;
  if (p.tty) c.tty = true;
  if (p.privileged) c.securityContext = { privileged: true };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: p.name, labels, annotations: Object.keys(annotations).length ? annotations : undefined },
    spec: { containers: [c], dnsPolicy: 'ClusterFirst', restartPolicy: p.restart || 'Always' },
  };
}

/** ServiceGeneratorV2 as run --expose calls it: port and targetPort the container port, selector the labels. */
export function generateService(name: string, labels: string, port: string): Service {
  const selector = labels ? parseLabels(labels) : { run: name };
  const n = Number(port);
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, labels: labels ? parseLabels(labels) : undefined },
    spec: { ports: [{ port: n, protocol: 'TCP', targetPort: n }], selector },
  };
}
