import { describe, expect, it } from 'vitest';
import { patchMetaFor } from './patch-meta';
import type { PatchMeta } from './patch-meta';

/** Follows a path of field names; '[]' steps into list items or map values. */
function at(root: PatchMeta | undefined, path: string): PatchMeta | undefined {
  let m = root;
  for (const p of path.split('.')) m = p === '[]' ? m?.elem() : m?.field(p);
  return m;
}

const pod = patchMetaFor('v1', 'Pod');

describe('patchMetaFor', () => {
  const cases = [
    { name: 'containers merge by name', root: pod, path: 'spec.containers',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'initContainers merge by name', root: pod, path: 'spec.initContainers',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'ephemeralContainers merge by name', root: pod, path: 'spec.ephemeralContainers',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'container ports merge by containerPort, SSA keys containerPort+protocol', root: pod, path: 'spec.containers.[].ports',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] } },
    { name: 'env merges by name', root: pod, path: 'spec.containers.[].env',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'volumeMounts merge by mountPath', root: pod, path: 'spec.containers.[].volumeMounts',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] } },
    { name: 'volumes merge by name and retain keys', root: pod, path: 'spec.volumes',
      want: { kind: 'list', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'imagePullSecrets merge by name', root: pod, path: 'spec.imagePullSecrets',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'tolerations are atomic', root: pod, path: 'spec.tolerations', want: { kind: 'list', listType: 'atomic' } },
    { name: 'hostAliases merge by ip', root: pod, path: 'spec.hostAliases',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] } },
    { name: 'topologySpreadConstraints', root: pod, path: 'spec.topologySpreadConstraints',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'topologyKey', listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] } },
    { name: 'resourceClaims', root: pod, path: 'spec.resourceClaims',
      want: { kind: 'list', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'pod conditions merge by type', root: pod, path: 'status.conditions',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] } },
    { name: 'finalizers are a merged set', root: pod, path: 'metadata.finalizers',
      want: { kind: 'list', patchStrategy: 'merge', listType: 'set' } },
    { name: 'ownerReferences merge by uid', root: pod, path: 'metadata.ownerReferences',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] } },
    { name: 'an undeclared list is atomic', root: pod, path: 'spec.containers.[].args', want: { kind: 'list', listType: 'atomic' } },
    { name: 'labels are a granular map', root: pod, path: 'metadata.labels', want: { kind: 'map', mapType: 'granular' } },
    { name: 'nodeSelector is an atomic map', root: pod, path: 'spec.nodeSelector', want: { kind: 'map', mapType: 'atomic' } },
    { name: 'an ownerReference is an atomic struct', root: pod, path: 'metadata.ownerReferences.[]', want: { kind: 'object', mapType: 'atomic' } },
    { name: 'a container is a granular struct', root: pod, path: 'spec.containers.[]', want: { kind: 'object', mapType: 'granular' } },
    { name: 'a quantity is a scalar', root: pod, path: 'spec.containers.[].resources.limits.[]', want: { kind: 'scalar' } },
    { name: 'Service ports merge by port, SSA keys port+protocol', root: patchMetaFor('v1', 'Service'), path: 'spec.ports',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] } },
    { name: 'Deployment strategy retains keys', root: patchMetaFor('apps/v1', 'Deployment'), path: 'spec.strategy',
      want: { kind: 'object', patchStrategy: 'retainKeys', mapType: 'granular' } },
    { name: 'Deployment conditions merge by type', root: patchMetaFor('apps/v1', 'Deployment'), path: 'status.conditions',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] } },
    { name: 'a template container env inside a Deployment', root: patchMetaFor('apps/v1', 'Deployment'), path: 'spec.template.spec.containers.[].env',
      want: { kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } },
    { name: 'ControllerRevision data is unknown', root: patchMetaFor('apps/v1', 'ControllerRevision'), path: 'data', want: { kind: 'unknown' } },
  ];
  it.each(cases)('$name', ({ root, path, want }) => {
    const m = at(root, path);
    expect(m).toBeDefined();
    const got: Record<string, unknown> = { kind: m!.kind };
    for (const k of ['patchStrategy', 'patchMergeKey', 'listType', 'listMapKeys', 'mapType'] as const) if (m![k] !== undefined) got[k] = m![k];
    expect(got).toEqual(want);
  });

  it('answers undefined for unknown fields, kinds, and steps that do not apply', () => {
    expect(pod!.field('nope')).toBeUndefined();
    expect(patchMetaFor('v1', 'Nope')).toBeUndefined();
    expect(at(pod, 'metadata.name')!.field('x')).toBeUndefined();
    expect(at(pod, 'metadata.name')!.elem()).toBeUndefined();
    expect(pod!.elem()).toBeUndefined();
  });

  it('returns the same objects on each call', () => {
    expect(patchMetaFor('v1', 'Pod')).toBe(pod);
    expect(pod!.field('spec')).toBe(pod!.field('spec'));
  });
});
