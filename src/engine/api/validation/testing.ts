// Test helpers: manifests as YAML, defaulted by the v1.32 scheme defaults and given the system fields
// rest.BeforeCreate fills (namespace, uid), then validated and wrapped in newInvalid like the API server.
import yaml from 'js-yaml';
import { applyDefaults } from '../defaults';
import { newInvalid } from '../errors';
import { resourceForKind, parseApiVersion, type ResourceInfo } from '../kinds';
import type { Job, KubeObject } from '../types';
import { generateJobSelector } from './batch';
import { validateObject, validateObjectUpdate, validateStatusUpdate } from './validate';

/** A manifest as the API server holds it before validation. */
export function manifest(text: string): { obj: KubeObject; info: ResourceInfo } {
  const obj = yaml.load(text) as KubeObject;
  const { group, version } = parseApiVersion(obj.apiVersion ?? '');
  const info = resourceForKind(group, version, obj.kind ?? '');
  if (!info) throw new Error(`unknown kind ${obj.apiVersion} ${obj.kind}`);
  obj.metadata ??= {};
  if (info.namespaced && !obj.metadata.namespace) obj.metadata.namespace = 'default';
  const meta = obj.metadata as Record<string, unknown>;
  meta.uid ??= '6d3f2a10-0000-4000-8000-000000000001';
  applyDefaults(obj, info);
  if (info.kind === 'Job') generateJobSelector(obj as Job);
  return { obj, info };
}

function message(info: ResourceInfo, obj: KubeObject, errs: ReturnType<typeof validateObject>): string {
  return errs.length ? newInvalid({ group: info.group, kind: info.kind }, obj.metadata?.name ?? '', errs).message : '';
}

/** The Invalid message a create gets ('' when valid). */
export function createMessage(text: string, edit?: (o: KubeObject) => void): string {
  const { obj, info } = manifest(text);
  edit?.(obj);
  return message(info, obj, validateObject(obj, info));
}

/** The Invalid message an update gets ('' when valid). `edit` turns the stored object into the new one. */
export function updateMessage(text: string, edit: (o: KubeObject) => void, status = false,
  prepare?: (old: KubeObject) => void): string {
  const { obj: old, info } = manifest(text);
  prepare?.(old);
  Object.assign(old.metadata!, { resourceVersion: '100', creationTimestamp: '2025-01-01T00:00:00Z' });
  const next = structuredClone(old);
  edit(next);
  return message(info, next, (status ? validateStatusUpdate : validateObjectUpdate)(next, old, info));
}
