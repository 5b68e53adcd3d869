// kubectl debug --custom FILE: a partial container spec (JSON or YAML) merged into the debug container after
// the profile. Models k8s.io/kubectl/pkg/cmd/debug/debug.go (Complete's reading, Validate's check,
// applyCustomProfile and applyCustomProfileEphemeral: a strategic merge patch onto the container).
import type { Container, Pod } from '../../../engine/api/types';
import { strategicMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import { CmdError } from '../../errors';
import type { FileSystem } from '../../types';
import { parseManifests } from '../../yaml';

/** A --custom profile: the container fields it sets. */
export type CustomProfile = Record<string, unknown>;

/** Complete: reads and decodes the file (JSON, else YAML). */
export function readCustomProfile(fs: FileSystem, path: string): CustomProfile {
  const text = fs.read(path);
  if (text === undefined) {
    throw new CmdError(`error: must pass a container spec json file for custom profile: open ${path}: no such file or directory`);
  }
  const invalid = (msg: string) => new CmdError(`error: ${path} does not contain a valid container spec: ${msg}`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    // sigs.k8s.io/yaml: YAML to JSON, then JSON into a v1.Container.
    try {
      v = parseManifests(text)[0]?.obj;
    } catch (e) {
      throw invalid((e as Error).message.replace('map[string]interface {}', 'v1.Container'));
    }
  }
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw invalid(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${
      Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'number'} into Go value of type v1.Container`);
  }
  return v as CustomProfile;
}

/** Validate: what a custom profile may not set. */
export function validateCustomProfile(c: CustomProfile): void {
  const set = (k: string) => c[k] !== undefined && c[k] !== null && c[k] !== '' && !(Array.isArray(c[k]) && (c[k] as unknown[]).length === 0);
  if (set('name') || set('command') || set('image') || set('lifecycle') || set('volumeDevices')) {
    throw new CmdError('error: name, command, image, lifecycle and volume devices are not modifiable via custom profile');
  }
}

/**
 * applyCustomProfile / applyCustomProfileEphemeral: the profile, named after the container, merged into it
 * as a strategic merge patch of a Container.
 */
export function applyCustomProfile(pod: Pod, name: string, custom: CustomProfile, ephemeral: boolean): void {
  const list = (ephemeral ? pod.spec?.ephemeralContainers : pod.spec?.containers) as Container[] | undefined;
  const i = (list ?? []).findIndex((c) => c.name === name);
  if (i < 0) {
    throw new CmdError(`error: unable to find the ${name}${ephemeral ? ' ephemeral' : ''} container in the pod ${pod.metadata?.name ?? ''}`);
  }
  // A pod with one container carries the Container patch strategies (env, volumeMounts … merged by name).
  const wrap = (c: unknown) => ({ spec: { containers: [c] } });
  const merged = strategicMergePatch(wrap(list![i]), wrap({ ...custom, name }), patchMetaFor('v1', 'Pod')) as { spec: { containers: Container[] } };
  list![i] = merged.spec.containers[0];
}
