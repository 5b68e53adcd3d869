// Ephemeral containers (kubectl debug) in a pod spec.
// Models pkg/apis/core/validation/validation.go validateEphemeralContainers and validateFieldAllowList
// (allowedEphemeralContainerFields).
import { FieldError, FieldPath, duplicate, forbidden, notFound } from '../field';
import type { Container } from '../types';
import type { EphemeralContainer } from 'kubernetes-types/core/v1';
import { type ContainerContext, validateContainerCommon, validateContainersOnlyForPod } from './containers';

/**
 * The EphemeralContainerCommon fields allowedEphemeralContainerFields marks false, in Go declaration
 * order (the order the Forbidden errors come in), each with the test for "set" (not the zero value).
 */
const DISALLOWED: readonly [string, (c: Record<string, unknown>) => boolean][] = [
  ['ports', (c) => Array.isArray(c.ports) && c.ports.length > 0],
  ['resources', (c) => {
    const r = c.resources as { limits?: object; requests?: object; claims?: unknown[] } | undefined;
    return !!r && (Object.keys(r.limits ?? {}).length > 0 || Object.keys(r.requests ?? {}).length > 0 || (r.claims ?? []).length > 0);
  }],
  ['resizePolicy', (c) => Array.isArray(c.resizePolicy) && c.resizePolicy.length > 0],
  ['restartPolicy', (c) => c.restartPolicy !== undefined && c.restartPolicy !== null],
  ['livenessProbe', (c) => !!c.livenessProbe],
  ['readinessProbe', (c) => !!c.readinessProbe],
  ['startupProbe', (c) => !!c.startupProbe],
  ['lifecycle', (c) => !!c.lifecycle],
];
const EC_FORBIDDEN = 'cannot be set for an Ephemeral Container';

/** validateEphemeralContainers: names unique across all containers, a real target, no workload-only fields. */
export function validateEphemeralContainers(ecs: readonly EphemeralContainer[] | undefined, containers: readonly Container[] | undefined,
  inits: readonly Container[] | undefined, ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!ecs || ecs.length === 0) return errs;
  const others = new Set([...(containers ?? []), ...(inits ?? [])].map((c) => c.name));
  const all = new Set(others);
  ecs.forEach((ec, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(ec as Container, ctx, p));
    errs.push(...validateContainersOnlyForPod([ec as Container], path));
    if (all.has(ec.name)) errs.push(duplicate(p.child('name'), ec.name));
    else all.add(ec.name);
    if (ec.targetContainerName && !others.has(ec.targetContainerName)) {
      errs.push(notFound(p.child('targetContainerName'), ec.targetContainerName));
    }
    const rec = ec as unknown as Record<string, unknown>;
    for (const [name, isSet] of DISALLOWED) if (isSet(rec)) errs.push(forbidden(p.child(name), EC_FORBIDDEN));
    (ec.volumeMounts ?? []).forEach((vm, j) => {
      if (vm.subPath) errs.push(forbidden(p.child('volumeMounts').index(j).child('subPath'), EC_FORBIDDEN));
      if (vm.subPathExpr) errs.push(forbidden(p.child('volumeMounts').index(j).child('subPathExpr'), EC_FORBIDDEN));
    });
  });
  return errs;
}
