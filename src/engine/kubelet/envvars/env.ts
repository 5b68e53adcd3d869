// A container's environment. Models pkg/kubelet/kubelet_pods.go makeEnvironmentVariables (v1.32):
// service links first, then envFrom (later sources override earlier ones, invalid names skipped
// with an InvalidEnvironmentVariableNames event), then env with $(VAR) expansion and valueFrom
// (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef, optional ones skipped when missing).
import type { ConfigMap, Container, Pod, Secret, Service } from '../../api/types';
import { expand, mappingFuncFor } from './expansion';
import { containerResourceValue, podFieldValue, type Allocatable } from './fieldpath';
import { serviceEnv as serviceEnvFor } from './service-env';

/** What the environment is built from (the kubelet's caches of the API). */
export interface EnvSources {
  /** A ConfigMap, or undefined when it does not exist. */
  configMap(namespace: string, name: string): ConfigMap | undefined;
  /** A Secret, or undefined when it does not exist. */
  secret(namespace: string, name: string): Secret | undefined;
  /** The Services of a namespace. */
  services(namespace: string): readonly Service[];
  /** The node's allocatable resources (the default of unset limits in resourceFieldRef). */
  allocatable: Allocatable;
}

/** A failure that makes the container's config impossible (CreateContainerConfigError). */
export class ContainerConfigError extends Error {}

/** IsEnvVarName (C identifier with . and -): the names envFrom keeps. */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Decodes a Secret's base64 value to text. */
export function decodeSecretValue(b64: string): string {
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return b64;
  }
}

/** Secret data as text, by key. */
export function secretData(s: Secret): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = decodeSecretValue(v);
  return out;
}

/** Pod-level warnings (reason, message) recorded while building the environment. */
export type EnvWarn = (reason: string, message: string) => void;

/** makeEnvironmentVariables: the container's env as name/value pairs, or a ContainerConfigError. */
export function makeEnvironmentVariables(pod: Pod, c: Container, podIPs: readonly string[], hostIPs: readonly string[],
  src: EnvSources, warn: EnvWarn): [string, string][] {
  const ns = pod.metadata?.namespace ?? 'default';
  const { map: serviceEnv, pairs: servicePairs } = serviceEnvFor(ns, pod.spec?.enableServiceLinks ?? true, src.services(ns), src.services('default'));
  const tmpEnv = new Map<string, string>();
  const configMaps = new Map<string, ConfigMap>();
  const secrets = new Map<string, Secret>();
  const getCM = (name: string): ConfigMap | undefined => {
    let cm = configMaps.get(name);
    if (!cm) {
      cm = src.configMap(ns, name);
      if (cm) configMaps.set(name, cm);
    }
    return cm;
  };
  const getSecret = (name: string): Secret | undefined => {
    let s = secrets.get(name);
    if (!s) {
      s = src.secret(ns, name);
      if (s) secrets.set(name, s);
    }
    return s;
  };
  for (const ef of c.envFrom ?? []) {
    const prefix = ef.prefix ?? '';
    if (ef.configMapRef) {
      const name = ef.configMapRef.name ?? '';
      const cm = getCM(name);
      if (!cm) {
        if (ef.configMapRef.optional) continue;
        throw new ContainerConfigError(`configmap "${name}" not found`);
      }
      addFrom(tmpEnv, cm.data ?? {}, prefix, 'configMap', `${ns}/${name}`, warn);
    } else if (ef.secretRef) {
      const name = ef.secretRef.name ?? '';
      const s = getSecret(name);
      if (!s) {
        if (ef.secretRef.optional) continue;
        throw new ContainerConfigError(`secret "${name}" not found`);
      }
      addFrom(tmpEnv, secretData(s), prefix, 'secret', `${ns}/${name}`, warn);
    }
  }
  const mapping = mappingFuncFor(tmpEnv, serviceEnv);
  for (const e of c.env ?? []) {
    let v = e.value ?? '';
    if (v !== '') {
      v = expand(v, mapping);
    } else if (e.valueFrom) {
      const vf = e.valueFrom;
      if (vf.fieldRef) {
        try {
          v = podFieldValue(vf.fieldRef, pod, podIPs, hostIPs);
        } catch (err) {
          throw new ContainerConfigError((err as Error).message);
        }
      } else if (vf.resourceFieldRef) {
        const target = vf.resourceFieldRef.containerName
          ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === vf.resourceFieldRef!.containerName)
          : c;
        try {
          v = containerResourceValue(vf.resourceFieldRef, target, src.allocatable);
        } catch (err) {
          throw new ContainerConfigError((err as Error).message);
        }
      } else if (vf.configMapKeyRef) {
        const { name = '', key, optional } = vf.configMapKeyRef;
        const cm = getCM(name);
        if (!cm) {
          if (optional) continue;
          throw new ContainerConfigError(`configmap "${name}" not found`);
        }
        const val = cm.data?.[key];
        if (val === undefined) {
          if (optional) continue;
          throw new ContainerConfigError(`couldn't find key ${key} in ConfigMap ${ns}/${name}`);
        }
        v = val;
      } else if (vf.secretKeyRef) {
        const { name = '', key, optional } = vf.secretKeyRef;
        const s = getSecret(name);
        if (!s) {
          if (optional) continue;
          throw new ContainerConfigError(`secret "${name}" not found`);
        }
        const raw = s.data?.[key];
        if (raw === undefined) {
          if (optional) continue;
          throw new ContainerConfigError(`couldn't find key ${key} in Secret ${ns}/${name}`);
        }
        v = decodeSecretValue(raw);
      }
    }
    tmpEnv.set(e.name, v);
  }
  const out: [string, string][] = [...tmpEnv];
  // The service pairs are shared by every container of the namespace (frozen; nobody changes env).
  for (const p of servicePairs) if (!tmpEnv.has(p[0])) out.push(p as [string, string]);
  return out;
}

function addFrom(tmpEnv: Map<string, string>, data: Record<string, string>, prefix: string, kind: 'configMap' | 'secret',
  ref: string, warn: EnvWarn): void {
  const invalid: string[] = [];
  for (const k of Object.keys(data).sort()) {
    const name = prefix + k;
    if (!ENV_VAR_NAME.test(name)) {
      invalid.push(name);
      continue;
    }
    tmpEnv.set(name, data[k]);
  }
  if (invalid.length) {
    warn('InvalidEnvironmentVariableNames',
      `Keys [${invalid.sort().join(', ')}] from the EnvFrom ${kind} ${ref} were skipped since they are considered invalid environment variable names.`);
  }
}

/** ExpandContainerCommandAndArgs: $(VAR) in command and args, from the final environment. */
export function expandCommandAndArgs(c: Container, env: readonly [string, string][]): { command?: string[]; args?: string[] } {
  const mapping = mappingFuncFor(new Map(env));
  return {
    command: c.command?.map((s) => expand(s, mapping)),
    args: c.args?.map((s) => expand(s, mapping)),
  };
}
