// A fake AdmissionContext for the plugins' tests: a fixed set of stored objects, a seeded Rng, a fixed clock.
import { resourceForKind, parseApiVersion, resourceFor, type KubeObject, type ResourceInfo } from '../../api';
import { SeededRng, DEFAULT_EPOCH } from '../../clock';
import type { AdmissionAttributes, AdmissionContext } from './types';

/** A context over `objects` (each with apiVersion and kind). */
export function fakeContext(objects: KubeObject[] = [], seed = 1): AdmissionContext {
  const infoOf = (o: KubeObject) => {
    const { group, version } = parseApiVersion(o.apiVersion ?? 'v1');
    return resourceForKind(group, version, o.kind ?? '')!;
  };
  const matching = (group: string, resource: string) => objects.filter((o) => {
    const i = infoOf(o);
    return i.group === group && i.resource === resource;
  });
  return {
    get: (group, resource, namespace, name) => matching(group, resource)
      .find((o) => o.metadata?.name === name && (o.metadata?.namespace ?? undefined) === (namespace || undefined)),
    list: (group, resource, namespace) => matching(group, resource)
      .filter((o) => namespace === undefined || o.metadata?.namespace === namespace),
    rng: new SeededRng(seed),
    now: () => DEFAULT_EPOCH,
  };
}

/** Attributes for a request on group/resource. */
export function attrs(group: string, resource: string, rest: Partial<AdmissionAttributes> = {}): AdmissionAttributes {
  const info: ResourceInfo = resourceFor(group, resource)!;
  const object = rest.object;
  return { operation: 'CREATE', info, name: object?.metadata?.name ?? '', namespace: object?.metadata?.namespace, dryRun: false, ...rest };
}
