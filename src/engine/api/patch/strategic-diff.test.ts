// Building strategic merge patches: two-way diffs (cases ported from apimachinery
// util/strategicpatch/patch_test.go) and the three-way patches client-side `kubectl apply` sends.
import { describe, expect, it } from 'vitest';
import { createThreeWayMergePatch, createTwoWayMergePatch, mergingMapsHaveConflicts } from './strategic-diff';
import { strategicMergePatch } from './strategic-merge';
import { goJsonMarshal } from './go-format';
import { requireKeyUnchanged } from './json-merge-patch';
import { PatchError } from './patch-errors';
import { mergeItem } from './testing/merge-item';
import { deployment } from './testing/fixtures';
import { patchMetaFor } from '../schema';

interface TwoWayCase {
  name: string;
  original: unknown;
  modified: unknown;
  twoWay: unknown;
}

const twoWay: TwoWayCase[] = [
  {
    name: 'upstream: merge lists of maps',
    original: { mergingList: [{ name: 1 }, { name: 2, value: 2 }] },
    modified: { mergingList: [{ name: 4, value: 4 }, { name: 1 }, { name: 2, value: 2 }, { name: 3, value: 3 }] },
    twoWay: { '$setElementOrder/mergingList': [{ name: 4 }, { name: 1 }, { name: 2 }, { name: 3 }],
      mergingList: [{ name: 4, value: 4 }, { name: 3, value: 3 }] },
  },
  {
    name: 'upstream: delete map from merging list',
    original: { mergingList: [{ name: 1 }, { name: 2 }] },
    modified: { mergingList: [{ name: 2 }] },
    twoWay: { '$setElementOrder/mergingList': [{ name: 2 }], mergingList: [{ name: 1, $patch: 'delete' }] },
  },
  {
    name: 'upstream: delete field from map in merging list',
    original: { mergingList: [{ name: 1, value: 1 }, { name: 2, value: 2 }] },
    modified: { mergingList: [{ name: 1 }, { name: 2, value: 2 }] },
    twoWay: { '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }], mergingList: [{ name: 1, value: null }] },
  },
  {
    name: 'upstream: delete items in lists of scalars',
    original: { mergingIntList: [1, 2, 3] },
    modified: { mergingIntList: [1, 2] },
    twoWay: { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] },
  },
  {
    name: 'upstream: add and delete items in lists of scalars',
    original: { mergingIntList: [1, 2, 3] },
    modified: { mergingIntList: [2, 3, 4] },
    twoWay: { '$setElementOrder/mergingIntList': [2, 3, 4], mergingIntList: [4], '$deleteFromPrimitiveList/mergingIntList': [1] },
  },
  {
    name: 'upstream: set elements order in a list (order change only)',
    original: { mergingList: [{ name: 1 }, { name: 3, value: 3 }, { name: 4, value: 4 }, { name: 2, value: 2 }] },
    modified: { mergingList: [{ name: 4, value: 4 }, { name: 2, value: 2 }, { name: 3, value: 3 }, { name: 1 }] },
    twoWay: { '$setElementOrder/mergingList': [{ name: 4 }, { name: 2 }, { name: 3 }, { name: 1 }] },
  },
  {
    name: 'upstream: replace non merging list nested in merging list',
    original: { mergingList: [{ name: 1, nonMergingList: [{ name: 1 }, { name: 2, value: 2 }] }, { name: 2 }] },
    modified: { mergingList: [{ name: 1, nonMergingList: [{ name: 1, value: 1 }] }, { name: 2 }] },
    twoWay: { '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }], mergingList: [{ name: 1, nonMergingList: [{ name: 1, value: 1 }] }] },
  },
  {
    name: 'upstream: retainKeys map adds a field',
    original: { retainKeysMap: { name: 'foo' } },
    modified: { retainKeysMap: { name: 'foo', value: 'bar' } },
    twoWay: { retainKeysMap: { $retainKeys: ['name', 'value'], value: 'bar' } },
  },
  {
    name: 'upstream: retainKeys map clears a field',
    original: { retainKeysMap: { name: 'foo', value: 'bar' } },
    modified: { retainKeysMap: { name: 'foo' } },
    twoWay: { retainKeysMap: { $retainKeys: ['name'], value: null } },
  },
  {
    name: 'removed top-level fields become null; unchanged objects give an empty patch',
    original: { name: 'a', value: 'b', simpleMap: { k: 'v' } },
    modified: { name: 'a', simpleMap: { k: 'v' } },
    twoWay: { value: null },
  },
];

describe('createTwoWayMergePatch', () => {
  it.each(twoWay)('$name', (c) => {
    const patch = createTwoWayMergePatch(c.original, c.modified, mergeItem);
    expect(goJsonMarshal(patch)).toBe(goJsonMarshal(c.twoWay));
    // Applying the patch to the original gives the modified object back.
    expect(goJsonMarshal(strategicMergePatch(c.original, patch, mergeItem))).toBe(goJsonMarshal(c.modified));
  });

  it('an unsorted primitive merge list gets a $setElementOrder even when unchanged (upstream sorts it in place)', () => {
    expect(createTwoWayMergePatch({ mergingIntList: [2, 1] }, { mergingIntList: [2, 1] }, mergeItem))
      .toEqual({ '$setElementOrder/mergingIntList': [2, 1] });
  });

  it('fails a precondition with the Go text of the patch', () => {
    expect(() => createTwoWayMergePatch({ name: 'a' }, { name: 'b' }, mergeItem, requireKeyUnchanged('name')))
      .toThrow('precondition failed for: map[name:b]');
  });
});

// What `kubectl apply` sends: original = the last-applied config, modified = the new config carrying
// its own last-applied annotation, current = the live object (defaults, status, old annotation).
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function config(containers: unknown[], replicas: number | null = 2): Record<string, any> {
  const spec: Record<string, unknown> = { selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers } } };
  if (replicas !== null) spec.replicas = replicas;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx', namespace: 'default' }, spec };
}

function annotated(c: Record<string, any>): Record<string, any> {
  const m = structuredClone(c);
  m.metadata.annotations = { [LAST_APPLIED]: `${goJsonMarshal(c)}\n` };
  return m;
}

const DEFAULTS = { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} };

function liveOf(c: Record<string, any>, containers: unknown[]): Record<string, any> {
  const l = annotated(c);
  l.metadata = { ...l.metadata, uid: 'd1b6c3a0', resourceVersion: '1043', generation: 1, creationTimestamp: '2024-05-01T10:00:00Z' };
  l.spec.template.spec.containers = containers;
  l.spec.template.spec.restartPolicy = 'Always';
  l.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  l.status = { observedGeneration: 1, replicas: 2, readyReplicas: 2 };
  return l;
}

function scaledTo(live: Record<string, any>, replicas: number): Record<string, any> {
  live.spec.replicas = replicas;
  return live;
}

interface ThreeWayCase {
  name: string;
  original: Record<string, any>;
  modified: Record<string, any>;
  current: Record<string, any>;
  spec: unknown;
}

const nginx14 = config([{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }]);
const withEnv = config([{ name: 'nginx', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }]);
const single = config([{ name: 'nginx', image: 'nginx' }]);

const threeWay: ThreeWayCase[] = [
  {
    name: 'change an image: only the image, with $setElementOrder/containers',
    original: nginx14,
    modified: config([{ name: 'nginx', image: 'nginx:1.16.1', ports: [{ containerPort: 80 }] }]),
    current: liveOf(nginx14, [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80, protocol: 'TCP' }], ...DEFAULTS }]),
    spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.16.1', name: 'nginx' }] } } },
  },
  {
    name: 'remove an env var from the config: a $patch: delete item and $setElementOrder/env',
    original: withEnv,
    modified: config([{ name: 'nginx', image: 'nginx', env: [{ name: 'A', value: '1' }] }]),
    current: liveOf(withEnv, [{ name: 'nginx', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ...DEFAULTS }]),
    spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }],
      containers: [{ '$setElementOrder/env': [{ name: 'A' }], env: [{ $patch: 'delete', name: 'B' }], name: 'nginx' }] } } },
  },
  {
    name: 'add a container: the whole new container and the full order',
    original: single,
    modified: config([{ name: 'nginx', image: 'nginx' }, { name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] }]),
    current: liveOf(single, [{ name: 'nginx', image: 'nginx', ...DEFAULTS }]),
    spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
      containers: [{ command: ['sleep', '3600'], image: 'busybox', name: 'sidecar' }] } } },
  },
  {
    name: 'drop replicas from the config after kubectl scale: replicas is deleted',
    original: single,
    modified: config([{ name: 'nginx', image: 'nginx' }], null),
    current: scaledTo(liveOf(single, [{ name: 'nginx', image: 'nginx', ...DEFAULTS }]), 5),
    spec: { replicas: null },
  },
];

describe('createThreeWayMergePatch (what kubectl apply sends)', () => {
  it.each(threeWay)('$name', (c) => {
    const modified = annotated(c.modified);
    const patch = createThreeWayMergePatch(c.original, modified, c.current, deployment, true);
    const want = { metadata: { annotations: { [LAST_APPLIED]: modified.metadata.annotations[LAST_APPLIED] } }, spec: c.spec };
    expect(goJsonMarshal(patch)).toBe(goJsonMarshal(want));
  });

  it('sends the exact bytes of a real kubectl apply for an image change', () => {
    const c = threeWay[0];
    const patch = createThreeWayMergePatch(c.original, annotated(c.modified), c.current, deployment, true);
    expect(goJsonMarshal(patch)).toBe('{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":'
      + '"{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":{\\"name\\":\\"nginx\\",\\"namespace\\":\\"default\\"},'
      + '\\"spec\\":{\\"replicas\\":2,\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"nginx\\"}},\\"template\\":{\\"metadata\\":'
      + '{\\"labels\\":{\\"app\\":\\"nginx\\"}},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.16.1\\",\\"name\\":\\"nginx\\",'
      + '\\"ports\\":[{\\"containerPort\\":80}]}]}}}}\\n"}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],'
      + '"containers":[{"image":"nginx:1.16.1","name":"nginx"}]}}}}');
  });

  it('gives the same patches with the real schema (api/schema patchMetaFor)', () => {
    const real = patchMetaFor('apps/v1', 'Deployment');
    expect(real).toBeDefined();
    for (const c of threeWay) {
      const modified = annotated(c.modified);
      expect(goJsonMarshal(createThreeWayMergePatch(c.original, modified, c.current, real, true)))
        .toBe(goJsonMarshal(createThreeWayMergePatch(c.original, modified, c.current, deployment, true)));
    }
  });

  it('an unchanged config gives the empty patch (kubectl prints "unchanged")', () => {
    const live = liveOf(single, [{ name: 'nginx', image: 'nginx', ...DEFAULTS }]);
    expect(createThreeWayMergePatch(single, annotated(single), live, deployment, true)).toEqual({});
  });

  it('the patch applied to the live object gives the new config on top of the defaults', () => {
    const c = threeWay[1];
    const modified = annotated(c.modified);
    const patch = createThreeWayMergePatch(c.original, modified, c.current, deployment, true);
    const result = strategicMergePatch(c.current, patch, deployment) as Record<string, any>;
    expect(result.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx', env: [{ name: 'A', value: '1' }], ...DEFAULTS }]);
    expect(result.metadata.annotations[LAST_APPLIED]).toBe(modified.metadata.annotations[LAST_APPLIED]);
  });

  it('upstream: with overwrite false, a change that fights a live change is a conflict', () => {
    const original = { mergingList: [{ name: 1 }, { name: 2, value: 2 }] };
    const modified = { mergingList: [{ name: 1 }, { name: 2, value: 3 }] };
    const current = { mergingList: [{ name: 1 }, { name: 2, value: 4 }] };
    expect(() => createThreeWayMergePatch(original, modified, current, mergeItem, false)).toThrow(PatchError);
    expect(() => createThreeWayMergePatch(original, modified, current, mergeItem, false)).toThrow(/^patch:\n/);
    expect(createThreeWayMergePatch(original, modified, current, mergeItem, true))
      .toEqual({ '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }], mergingList: [{ name: 2, value: 3 }] });
  });

  it('mergingMapsHaveConflicts tells same-value edits from fights', () => {
    expect(mergingMapsHaveConflicts({ name: 'a' }, { name: 'a' }, mergeItem)).toBe(false);
    expect(mergingMapsHaveConflicts({ name: 'a' }, { name: 'b' }, mergeItem)).toBe(true);
    expect(mergingMapsHaveConflicts({ mergingList: [{ name: 1, value: 1 }] }, { mergingList: [{ name: 2, value: 2 }] }, mergeItem)).toBe(false);
    expect(mergingMapsHaveConflicts({ mergingList: [{ name: 1, value: 1 }] }, { mergingList: [{ name: 1, value: 2 }] }, mergeItem)).toBe(true);
  });
});
