// The bridge between client-side and server-side apply for kubectl. Models apimachinery
// util/managedfields/internal/lastappliedmanager.go (conflicts kubectl's server-side apply may ignore:
// fields the last-applied-configuration set to values still live) and lastappliedupdater.go +
// lastapplied.go (keeping that annotation current when kubectl applies server-side).
import type { KubeObject } from '../../api/types';
import { type Json, goJsonMarshal, isObject } from '../../api/patch';
import type { FieldSet } from './fieldset';
import { compare } from './compare';
import { toFieldSet } from './to-field-set';
import type { UpdaterContext } from './updater';

/** The annotation client-side apply keeps (LastAppliedConfigAnnotation). */
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** validation.TotalAnnotationSizeLimitB: 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/**
 * lastAppliedManager.allowedConflictsFromLastApplied: the fields the annotation sets to exactly what
 * is live; undefined when there is no usable annotation.
 */
export function allowedConflictsFromLastApplied(ctx: UpdaterContext, live: KubeObject, apiVersion: string): FieldSet | undefined {
  const raw = live.metadata?.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION];
  if (!raw) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(last) || last.apiVersion !== apiVersion) return undefined;
  try {
    const set = toFieldSet(last, ctx.meta, true);
    const c = compare(last, live as Json, ctx.meta);
    return set.difference(c.modified).difference(c.added).difference(c.removed);
  } catch {
    return undefined;
  }
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * lastAppliedUpdater.Apply: when the object already has the annotation, kubectl's server-side apply
 * rewrites it to the applied configuration (encoded as kubectl encodes it, with a trailing newline);
 * it is dropped if the annotations would exceed 256 KiB.
 */
export function applyLastApplied(obj: KubeObject, applied: KubeObject): KubeObject {
  const annotations = obj.metadata?.annotations;
  if (!annotations?.[LAST_APPLIED_CONFIG_ANNOTATION]) return obj;
  const copy = structuredClone(applied) as KubeObject;
  const own = copy.metadata?.annotations as Record<string, string | undefined> | undefined;
  if (own) delete own[LAST_APPLIED_CONFIG_ANNOTATION];
  const next = { ...annotations, [LAST_APPLIED_CONFIG_ANNOTATION]: `${goJsonMarshal(copy)}\n` };
  let size = 0;
  for (const [k, v] of Object.entries(next)) size += utf8Length(k) + utf8Length(v);
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) delete (next as Record<string, string | undefined>)[LAST_APPLIED_CONFIG_ANNOTATION];
  return { ...obj, metadata: { ...obj.metadata, annotations: next } };
}
