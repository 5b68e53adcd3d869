// managedFields as a real v1.32 API server writes them, and server-side apply (ownership, pruning,
// conflicts, force), on hand-built PatchMeta (api/patch/testing/fixtures) and on the real schema.
import { describe, expect, it } from 'vitest';
import type { KubeObject, ManagedFieldsEntry } from '../../api/types';
import { StatusError } from '../../api/errors';
import { deployment as deploymentMeta, pod as podMeta } from '../../api/patch/testing/fixtures';
import { patchMetaFor } from '../../api/schema';
import { serverSideApply, updateManagedFields } from './field-manager';
import { managerFromUserAgent } from './manager-name';
import { LAST_APPLIED_CONFIG_ANNOTATION as LAST_APPLIED } from './last-applied';

const T0 = '2024-05-01T10:00:00Z';
const T1 = '2024-05-01T10:05:00Z';
const T2 = '2024-05-01T10:10:00Z';

// A Deployment as the API server holds it after decoding and defaulting `kubectl apply -f nginx.yaml`.
function nginxDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' }, annotations: { [LAST_APPLIED]: '{}\n' } },
    spec: {
      replicas: 3, selector: { matchLabels: { app: 'nginx' } }, progressDeadlineSeconds: 600, revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
        spec: {
          containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent',
            resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
          dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: {},
  };
}

// What a real server stores for that create (fieldsV1 as `kubectl get -o json --show-managed-fields` prints it).
const CLIENT_SIDE_APPLY_FIELDS = {
  'f:metadata': {
    'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} },
    'f:labels': { '.': {}, 'f:app': {} },
  },
  'f:spec': {
    'f:progressDeadlineSeconds': {}, 'f:replicas': {}, 'f:revisionHistoryLimit': {}, 'f:selector': {},
    'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
    'f:template': {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"nginx"}': {
            '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {},
            'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } },
            'f:resources': {}, 'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {},
          },
        },
        'f:dnsPolicy': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:terminationGracePeriodSeconds': {},
      },
    },
  },
};

const update = (live: KubeObject | undefined, obj: KubeObject, manager: string, time: string, subresource?: string) =>
  updateManagedFields(live, obj, { manager, time, apiVersion: 'apps/v1', subresource, meta: deploymentMeta });

function stored(obj: KubeObject, managedFields: ManagedFieldsEntry[] | undefined): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, uid: '6b5e1f2a', resourceVersion: '1', managedFields } };
}

function created(): KubeObject {
  const obj = nginxDeployment();
  return stored(obj, update(undefined, obj, 'kubectl-client-side-apply', T0));
}

describe('updateManagedFields', () => {
  it('records a create by kubectl-client-side-apply exactly as a real server does', () => {
    const mf = update(undefined, nginxDeployment(), 'kubectl-client-side-apply', T0)!;
    expect(mf).toEqual([{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1',
      fieldsV1: CLIENT_SIDE_APPLY_FIELDS }]);
    expect(Object.keys(mf[0])).toEqual(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1']);
    expect(JSON.stringify(mf[0].fieldsV1)).toBe(JSON.stringify(CLIENT_SIDE_APPLY_FIELDS)); // key order too
  });

  it('gives the same encoding with the real schema (api/schema patchMetaFor)', () => {
    const mf = updateManagedFields(undefined, nginxDeployment(), { manager: 'kubectl-client-side-apply', time: T0, apiVersion: 'apps/v1' });
    expect(patchMetaFor('apps/v1', 'Deployment')).toBeDefined();
    expect(JSON.stringify(mf![0].fieldsV1)).toBe(JSON.stringify(CLIENT_SIDE_APPLY_FIELDS));
  });

  // kubectl scale sends no fieldManager: the server names it after the user agent, "kubectl".
  it('kubectl scale takes .spec.replicas through the scale subresource: no time, sorted first', () => {
    const live = created();
    const next = structuredClone(live);
    (next.spec as { replicas: number }).replicas = 5;
    const mf = update(live, next, 'kubectl', T1, 'scale')!;
    expect(mf.map((e) => [e.manager, e.operation, e.apiVersion, e.time, e.subresource])).toEqual([
      ['kubectl', 'Update', 'apps/v1', undefined, 'scale'],
      ['kubectl-client-side-apply', 'Update', 'apps/v1', T0, undefined],
    ]);
    expect(mf[0].fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect((mf[1].fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
  });

  it('a status update by the controller owns status only, under subresource status', () => {
    const live = created();
    const next = { ...structuredClone(live), status: { observedGeneration: 1, replicas: 3, conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }] } };
    (next.spec as { replicas: number }).replicas = 7; // ignored: spec is reset on /status
    const mf = update(live, next, 'kube-controller-manager', T1, 'status')!;
    expect(mf[1]).toEqual({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: T1, fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Available"}': { '.': {}, 'f:reason': {}, 'f:status': {}, 'f:type': {} } },
        'f:observedGeneration': {}, 'f:replicas': {} } }, subresource: 'status' });
    expect(mf[0]).toBe(live.metadata!.managedFields![0]); // untouched entries are reused as they are
  });

  it('another manager takes a changed field; entries sort by time', () => {
    const live = created();
    const next = structuredClone(live);
    (next.spec as any).template.spec.containers[0].image = 'nginx:1.16.1';
    const mf = update(live, next, 'kubectl-edit', T1)!;
    expect(mf.map((e) => e.manager)).toEqual(['kubectl-client-side-apply', 'kubectl-edit']);
    expect(mf[1].fieldsV1).toEqual({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } } } });
    expect((mf[0].fieldsV1 as any)['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"nginx"}']['f:image']).toBeUndefined();
  });

  it('a manager writing again merges into its entry and moves its time', () => {
    const live = created();
    const next = structuredClone(live);
    next.metadata!.labels = { app: 'nginx', tier: 'web' };
    const mf = update(live, next, 'kubectl-client-side-apply', T1)!;
    expect(mf).toHaveLength(1);
    expect(mf[0].time).toBe(T1);
    expect((mf[0].fieldsV1 as any)['f:metadata']['f:labels']).toEqual({ '.': {}, 'f:app': {}, 'f:tier': {} });
  });

  it('a write that changes nothing keeps managedFields as they were', () => {
    const live = created();
    const mf = update(live, structuredClone(live), 'kubectl-edit', T1);
    expect(mf).toEqual(live.metadata!.managedFields);
    expect(mf![0]).toBe(live.metadata!.managedFields![0]);
  });

  it('managedFields: [] clears them, and an object without them stays without', () => {
    const live = created();
    const next = structuredClone(live);
    next.metadata!.managedFields = [];
    expect(update(live, next, 'kubectl-edit', T1)).toBeUndefined();
    const bare = stored(nginxDeployment(), undefined);
    const changed = structuredClone(bare);
    (changed.spec as { replicas: number }).replicas = 9;
    expect(update(bare, changed, 'kubectl-edit', T1)).toBeUndefined();
  });

  it('a main-resource write may carry managedFields; a subresource write may not', () => {
    const live = created();
    const sent = structuredClone(live);
    sent.metadata!.managedFields = [{ manager: 'someone', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:paused': {} } } }];
    expect(update(live, sent, 'kubectl-replace', T1)!.map((e) => e.manager)).toEqual(['someone']);
    expect(update(live, sent, 'kubelet', T1, 'status')!.map((e) => e.manager)).toEqual(['kubectl-client-side-apply']);
  });

  it('keeps at most ten update managers, folding the oldest into ancient-changes', () => {
    let live = created();
    for (let i = 0; i < 11; i++) {
      const next = structuredClone(live);
      next.metadata!.labels = { ...next.metadata!.labels, [`l${i}`]: 'x' };
      live = stored(next, update(live, next, `m${String(i).padStart(2, '0')}`, `2024-05-01T11:${String(i).padStart(2, '0')}:00Z`));
    }
    const managers = live.metadata!.managedFields!.map((e) => e.manager);
    expect(managers).toHaveLength(10);
    expect(managers[0]).toBe('ancient-changes');
    expect(managers).not.toContain('kubectl-client-side-apply');
    expect(managers).not.toContain('m00');
  });
});

const applyCfg = (spec: Record<string, unknown>, labels: Record<string, string> = { app: 'nginx' }): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx', namespace: 'default', labels }, spec });
const baseSpec = () => ({ replicas: 2, selector: { matchLabels: { app: 'nginx' } },
  template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] } } });
const apply = (live: KubeObject | undefined, cfg: KubeObject, manager: string, time: string, force = false) =>
  serverSideApply(live, cfg, { manager, force, apiVersion: 'apps/v1', time, meta: deploymentMeta });

function conflictOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    return e as StatusError;
  }
  throw new Error('no conflict');
}

describe('serverSideApply', () => {
  it('creates: the applier owns what it applied (no "." for maps)', () => {
    const { obj, managedFields } = apply(undefined, applyCfg(baseSpec()), 'kubectl', T0);
    expect(managedFields).toEqual([{ manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': { 'f:replicas': {}, 'f:selector': {}, 'f:template': { 'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } } }]);
    expect((obj.spec as any).template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.14.2' }]);
    expect(obj.metadata!.managedFields).toEqual(managedFields);
  });

  it('removes what the applier stops applying, unless someone else owns it', () => {
    const first = apply(undefined, applyCfg(baseSpec(), { app: 'nginx', tier: 'web', team: 'a' }), 'alice', T0);
    // bob co-owns "team" by applying the same value
    const second = apply(first.obj, applyCfg({}, { team: 'a' }), 'bob', T1);
    // bob's apply changed nothing, so his entry has no time and sorts first (kubernetes#127938).
    expect(second.managedFields!.map((e) => [e.manager, e.time])).toEqual([['bob', undefined], ['alice', T0]]);
    const third = apply(second.obj, applyCfg(baseSpec()), 'alice', T2);
    expect(third.obj.metadata!.labels).toEqual({ app: 'nginx', team: 'a' });
    expect(third.managedFields!.find((e) => e.manager === 'alice')!.fieldsV1).toMatchObject({ 'f:metadata': { 'f:labels': { 'f:app': {} } } });
  });

  it('keeps fields nobody owns (defaults) when an applier drops something else', () => {
    const created = apply(undefined, applyCfg(baseSpec()), 'alice', T0).obj;
    (created.spec as any).template.spec.containers[0].imagePullPolicy = 'IfNotPresent'; // defaulted by the server
    const spec = baseSpec();
    delete (spec as Partial<typeof spec>).replicas;
    const { obj } = apply(created, applyCfg(spec), 'alice', T1);
    expect((obj.spec as any).replicas).toBeUndefined();
    expect((obj.spec as any).template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('conflicts with the manager that last set a field, worded as the API server words it', () => {
    const live = created();
    const next = structuredClone(live);
    (next.spec as { replicas: number }).replicas = 5;
    const scaled = stored(next, update(live, next, 'kubectl', T1, 'scale'));
    const err = conflictOf(() => apply(scaled, applyCfg({ replicas: 2 }), 'platform-ci', T2));
    expect(err).toBeInstanceOf(StatusError);
    expect(err.status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Conflict', code: 409,
      message: 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
        field: '.spec.replicas' }] } });
  });

  it('lists several conflicts by manager', () => {
    const live = created();
    const edited = structuredClone(live);
    (edited.spec as any).template.spec.containers[0].image = 'nginx:1.16.1';
    const afterEdit = stored(edited, update(live, edited, 'kubectl-edit', T1));
    const cfg = applyCfg({ replicas: 4, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } });
    const err = conflictOf(() => apply(afterEdit, cfg, 'platform-ci', T2));
    expect(err.message).toBe('Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n'
      + '- .spec.replicas\nconflicts with "kubectl-edit" using apps/v1:\n- .spec.template.spec.containers[name="nginx"].image');
  });

  it('force takes the fields; applying the current value shares them instead', () => {
    const live = created();
    const forced = apply(live, applyCfg({ replicas: 4 }), 'platform-ci', T1, true);
    expect((forced.obj.spec as { replicas: number }).replicas).toBe(4);
    const csa = forced.managedFields!.find((e) => e.manager === 'kubectl-client-side-apply')!;
    expect((csa.fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
    const shared = apply(live, applyCfg({ replicas: 3 }), 'platform-ci', T1);
    expect(shared.managedFields!.map((e) => e.manager)).toEqual(['platform-ci', 'kubectl-client-side-apply']);
    expect((shared.managedFields![1].fieldsV1 as any)['f:spec']['f:replicas']).toEqual({});
  });

  it('kubectl may take over fields client-side apply set to the values still live, and rewrites the annotation', () => {
    const cfg = applyCfg({ replicas: 3 });
    const live = created();
    live.metadata!.annotations = { [LAST_APPLIED]: `${JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'nginx', namespace: 'default' }, spec: { replicas: 3 } })}\n` };
    const res = apply(live, { ...cfg, spec: { replicas: 4 } }, 'kubectl', T1);
    expect((res.obj.spec as { replicas: number }).replicas).toBe(4);
    expect(res.obj.metadata!.annotations![LAST_APPLIED]).toBe('{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"nginx"},'
      + '"name":"nginx","namespace":"default"},"spec":{"replicas":4}}\n');
    // Another manager name gets the conflict.
    expect(conflictOf(() => apply(live, { ...cfg, spec: { replicas: 4 } }, 'kubectl-other', T1)).code).toBe(409);
  });

  it('an apply that changes nothing keeps the object and only records ownership', () => {
    const { obj } = apply(undefined, applyCfg(baseSpec()), 'alice', T0);
    const again = apply(obj, applyCfg(baseSpec()), 'alice', T1);
    expect(again.managedFields![0].time).toBe(T0);
    expect({ ...again.obj, metadata: { ...again.obj.metadata, managedFields: undefined } })
      .toEqual({ ...obj, metadata: { ...obj.metadata, managedFields: undefined } });
  });

  it('fields set before the first apply belong to before-first-apply', () => {
    const bare = stored(nginxDeployment(), undefined);
    const err = conflictOf(() => apply(bare, applyCfg({ replicas: 1 }), 'ci', T1));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  it('rejects a wrong kind, managedFields in the body, and duplicated keys', () => {
    expect(() => serverSideApply(undefined, { ...applyCfg({}), kind: 'Pod', apiVersion: 'v1' },
      { manager: 'm', force: false, apiVersion: 'apps/v1', kind: 'Deployment', time: T0, meta: deploymentMeta }))
      .toThrow('invalid object type: /v1, Kind=Pod');
    const withMF = applyCfg({});
    withMF.metadata!.managedFields = [];
    expect(() => apply(undefined, withMF, 'm', T0)).toThrow('metadata.managedFields must be nil');
    const dup = applyCfg({ template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } });
    try {
      apply(undefined, dup, 'm', T0);
      expect.unreachable();
    } catch (e) {
      expect((e as StatusError).code).toBe(500);
      expect((e as StatusError).message).toBe('failed to create typed patch object (default/nginx; apps/v1, Kind=Deployment): '
        + '.spec.template.spec.containers: duplicate entries for key [name="a"]');
    }
  });

  it('owns pod containers by name and ports by containerPort and protocol', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] }] } };
    const { managedFields } = serverSideApply(undefined, pod, { manager: 'm', force: false, apiVersion: 'v1', time: T0, meta: podMeta });
    expect(Object.keys((managedFields![0].fieldsV1 as any)['f:spec']['f:containers']['k:{"name":"c"}']['f:ports']))
      .toEqual(['k:{"containerPort":53,"protocol":"UDP"}', 'k:{"containerPort":80,"protocol":"TCP"}']);
  });
});

describe('managerFromUserAgent', () => {
  it.each([
    ['kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9', 'kubectl'],
    ['kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9/system:serviceaccount:kube-system:replicaset-controller', 'kube-controller-manager'],
    ['kubelet/v1.32.0 (linux/amd64) kubernetes/70d3cc9', 'kubelet'],
    ['x'.repeat(200), 'x'.repeat(128)],
  ])('%s → %s', (ua, want) => expect(managerFromUserAgent(ua)).toBe(want));
});
