// The stages every write passes through, in the API server's order:
// decode (+ scheme defaults) → managed fields → mutating admission → strategy + validation →
// validating admission → storage. Models k8s.io/apiserver/pkg/endpoints/handlers/{create,update,patch}.go
// and registry/generic/registry/store.go with rest.BeforeCreate / rest.BeforeUpdate.
import type { ApiRequest } from '../api/request';
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { newBadRequest, newInvalid } from '../api/errors';
import type { FieldError } from '../api/field';
import { decode } from '../api/schema';
import { applyDefaults } from '../api/defaults';
import { validateObject, validateObjectUpdate, validateStatusUpdate } from '../api/validation';
import { ADMISSION_PLUGINS, type AdmissionAttributes, type AdmissionContext } from './admission';
import type { ServerCore } from './core';
import { grKey } from './core';

/** What a decoded body comes with: warnings for the response (unknown fields under fieldValidation=Warn). */
export interface Decoded {
  obj: KubeObject;
  warnings: string[];
}

/**
 * Decodes a body for a resource, applying the v1.32 scheme defaults. fieldValidation: Strict (kubectl's
 * default) rejects unknown and duplicate fields; Warn (the server default) reports them as warnings;
 * Ignore drops them silently.
 */
export function decodeBody(info: ResourceInfo, body: unknown, req: ApiRequest): Decoded {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw newBadRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  const mode = req.query?.fieldValidation ?? 'Warn';
  const { obj, unknownFields, duplicateFields } = decode(body, info, { strict: mode === 'Strict' });
  const problems = [...duplicateFields.map((f) => `duplicate field "${f}"`), ...unknownFields.map((f) => `unknown field "${f}"`)];
  const warnings: string[] = [];
  if (problems.length) {
    if (mode === 'Strict') {
      throw newBadRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${problems.join(', ')}`);
    }
    if (mode === 'Warn') warnings.push(...problems);
  }
  applyDefaults(obj, info);
  return { obj, warnings };
}

/** The read-only view of the cluster admission plugins get. */
export function admissionContext(core: ServerCore): AdmissionContext {
  return {
    get: (group, resource, namespace, name) => core.store.get(grKey({ group, resource }), namespace ?? '', name),
    list: (group, resource, namespace) => core.store.list(grKey({ group, resource }), namespace),
    rng: core.rng,
    now: () => core.now(),
    defaultTolerationSeconds: core.defaultTolerationSeconds,
  };
}

/** Runs the mutating phase of every admission plugin, in upstream order. */
export function mutatingAdmission(core: ServerCore, attrs: AdmissionAttributes): void {
  const ctx = admissionContext(core);
  for (const p of ADMISSION_PLUGINS) p.admit?.(attrs, ctx);
}

/** Runs the validating phase of every admission plugin, in upstream order. */
export function validatingAdmission(core: ServerCore, attrs: AdmissionAttributes): void {
  const ctx = admissionContext(core);
  for (const p of ADMISSION_PLUGINS) p.validate?.(attrs, ctx);
}

function throwIfInvalid(info: ResourceInfo, obj: KubeObject, errs: FieldError[]): void {
  if (errs.length) throw newInvalid({ group: info.group, kind: info.kind }, obj.metadata?.name ?? '', errs);
}

/** Strategy.Validate on create, as one Invalid error. */
export function validateForCreate(info: ResourceInfo, obj: KubeObject): void {
  throwIfInvalid(info, obj, validateObject(obj, info));
}

/** Strategy.ValidateUpdate, as one Invalid error. */
export function validateForUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject): void {
  throwIfInvalid(info, obj, validateObjectUpdate(obj, old, info));
}

/** StatusStrategy.ValidateUpdate, as one Invalid error. */
export function validateForStatusUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject): void {
  throwIfInvalid(info, obj, validateStatusUpdate(obj, old, info));
}

/** dryRun=All (the only value the API accepts); anything else is the real BadRequest. */
export function isDryRun(req: ApiRequest): boolean {
  const d = req.query?.dryRun;
  if (d === undefined || d === '') return false;
  if (d !== 'All') throw newBadRequest(`dryRun: Unsupported value: []string{"${d}"}: supported values: "All"`);
  return true;
}
