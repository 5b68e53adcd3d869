import { describe, expect, it } from 'vitest';
import type { Event, KubeObject, Pod, PodTemplateSpec } from '../../api';
import { StatusError } from '../../api';
import { EventRecorder, R } from '../../client';
import { SimClock } from '../../clock';
import { RealPodControl, getPodFromTemplate, newControllerRef, validateControllerRef } from './pod-control';
import { FakeApi, fakeClient } from './testing';

const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d4c9f7b8', namespace: 'default', uid: 'rs-uid' } } as KubeObject;
const template: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };

function setup() {
  const api = new FakeApi();
  const client = fakeClient(api);
  const recorder = new EventRecorder(client, new SimClock({ start: Date.UTC(2025, 0, 15, 9) }), { component: 'replicaset-controller' });
  return { api, pc: new RealPodControl(client, recorder) };
}
const events = (api: FakeApi) => api.actions.filter((a) => a.resource === 'events' && a.verb === 'create').map((a) => a.body as Event);

describe('getPodFromTemplate', () => {
  it('copies labels, names the pod <owner>-, and points at its controller', () => {
    const p = getPodFromTemplate(template, rs, newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' }));
    expect(p.metadata).toEqual({ generateName: 'web-5d4c9f7b8-', labels: { app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d4c9f7b8', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }] });
    expect(p.spec).toEqual(template.spec);
    expect(p.spec).not.toBe(template.spec);
  });
});

describe('validateControllerRef', () => {
  const good = newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
  const cases = [
    { name: 'nil', ref: undefined, want: 'controllerRef is nil' },
    { name: 'no apiVersion', ref: { ...good, apiVersion: '' }, want: 'controllerRef has empty APIVersion' },
    { name: 'no kind', ref: { ...good, kind: '' }, want: 'controllerRef has empty Kind' },
    { name: 'not controller', ref: { ...good, controller: false }, want: 'controllerRef.Controller is not set to true' },
    { name: 'no blockOwnerDeletion', ref: { ...good, blockOwnerDeletion: undefined }, want: 'controllerRef.BlockOwnerDeletion is not set' },
    { name: 'valid', ref: good, want: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(validateControllerRef(c.ref)).toBe(c.want));
});

describe('RealPodControl', () => {
  it('creates a pod and records SuccessfulCreate', () => {
    const { api, pc } = setup();
    const created = pc.createPods('default', template, rs, newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' }));
    expect(created.metadata!.name).toBe('web-5d4c9f7b8-00001');
    const [ev] = events(api);
    expect([ev.type, ev.reason, ev.message, ev.involvedObject.kind, ev.source?.component]).toEqual(
      ['Normal', 'SuccessfulCreate', 'Created pod: web-5d4c9f7b8-00001', 'ReplicaSet', 'replicaset-controller']);
  });

  it('records FailedCreate with the API error, and rethrows', () => {
    const { api, pc } = setup();
    const err = new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 403, reason: 'Forbidden',
      message: 'pods "web-5d4c9f7b8-" is forbidden: exceeded quota: q' });
    api.reactors.push((req) => (req.resource === 'pods' ? { code: 403, body: err.status } : undefined));
    expect(() => pc.createPods('default', template, rs, newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' }))).toThrow(StatusError);
    expect(events(api).map((e) => [e.type, e.reason, e.message])).toEqual(
      [['Warning', 'FailedCreate', 'Error creating: pods "web-5d4c9f7b8-" is forbidden: exceeded quota: q']]);
  });

  it('records no event when the namespace is terminating', () => {
    const { api, pc } = setup();
    api.reactors.push((req) => (req.resource === 'pods' ? { code: 403, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      code: 403, reason: 'Forbidden', message: 'x', details: { causes: [{ reason: 'NamespaceTerminating' }] } } } : undefined));
    expect(() => pc.createPods('default', template, rs, newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' }))).toThrow();
    expect(events(api)).toEqual([]);
  });

  it('refuses a template without labels', () => {
    const { pc } = setup();
    expect(() => pc.createPods('default', { spec: template.spec }, rs, newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' })))
      .toThrow('unable to create pods, no labels');
  });

  it('deletes a pod and records SuccessfulDelete; NotFound passes through silently', () => {
    const { api, pc } = setup();
    api.seed(R.pods, { metadata: { name: 'p1', namespace: 'default' } } as Pod);
    pc.deletePod('default', 'p1', rs);
    expect(() => pc.deletePod('default', 'gone', rs)).toThrow('pods "gone" not found');
    expect(events(api).map((e) => e.message)).toEqual(['Deleted pod: p1']);
  });
});
