// The kubectl.kubernetes.io/last-applied-configuration annotation client-side apply keeps. Models
// k8s.io/kubectl/pkg/util/apply.go (GetOriginalConfiguration, GetModifiedConfiguration).
import type { KubeObject } from '../../../engine/api/types';
import { sortDeep } from '../../cmdutil';

/** The annotation client-side apply keeps the applied configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * GetModifiedConfiguration on an unstructured object: the config (without the annotation, with an
 * "annotations":{} left behind) as compact JSON with sorted keys, then "\n".
 */
export function lastAppliedValue(obj: KubeObject): string {
  const meta = { ...(obj.metadata ?? {}) };
  const ann = { ...(meta.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  meta.annotations = ann;
  return `${JSON.stringify(sortDeep({ ...obj, metadata: meta }))}\n`;
}

/** The object to send: the config plus its own last-applied annotation. */
export function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [LAST_APPLIED]: value } } };
}

/** GetOriginalConfiguration: the last applied config of a live object, if it has one. */
export function parseLastApplied(live: KubeObject): KubeObject | undefined {
  const v = live.metadata?.annotations?.[LAST_APPLIED];
  if (!v) return undefined;
  try {
    return JSON.parse(v) as KubeObject;
  } catch {
    return undefined;
  }
}
