// `npx vitest bench src/engine/apiserver/fieldmanager`: managedFields cost per write of a realistic
// Pod with the real schema — the create by the ReplicaSet controller, the kubelet's status writes
// (with the spec shared between versions, as structural sharing leaves it, and fully copied), and a
// server-side apply of a Deployment. Results are in reference/patch.md.
import { bench, describe } from 'vitest';
import { load } from 'js-yaml';
import type { KubeObject } from '../../api/types';
import { REALISTIC_POD, WEBAPP_DEPLOYMENT } from '../../api/schema/testdata';
import { serverSideApply, updateManagedFields } from './field-manager';

const full = load(REALISTIC_POD) as KubeObject;
const { status: _s, ...noStatus } = full;
const podToCreate = { ...noStatus, metadata: { ...full.metadata, uid: undefined, resourceVersion: undefined } } as KubeObject;
const opts = (manager: string, time: string, subresource?: string) => ({ manager, time, apiVersion: 'v1', subresource });

const createdMF = updateManagedFields(undefined, podToCreate, opts('kube-controller-manager', '2024-05-01T10:00:00Z'));
const live: KubeObject = { ...full, metadata: { ...full.metadata, managedFields: createdMF } };
const running: KubeObject = { ...live, status: { ...(live.status as object), phase: 'Running',
  conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:05Z' }] } };
const kubeletMF = updateManagedFields(live, running, opts('kubelet', '2024-05-01T10:00:05Z', 'status'));
const live2: KubeObject = { ...running, metadata: { ...running.metadata, managedFields: kubeletMF } };
const again: KubeObject = { ...live2, status: { ...(live2.status as object), podIP: '10.244.0.9' } };

const dep = load(WEBAPP_DEPLOYMENT) as KubeObject;
const applied = serverSideApply(undefined, dep, { manager: 'kubectl', force: false, apiVersion: 'apps/v1', time: '2024-05-01T10:00:00Z' }).obj;
const changed = structuredClone(dep) as any;
changed.spec.replicas = 4;

describe('managedFields per write', () => {
  bench('Pod create (kube-controller-manager)', () => { updateManagedFields(undefined, podToCreate, opts('kube-controller-manager', 'T')); });
  bench('Pod status write by the kubelet, spec shared', () => { updateManagedFields(live2, again, opts('kubelet', 'T', 'status')); });
  bench('Pod status write by the kubelet, fully copied', () => { updateManagedFields(live2, structuredClone(again), opts('kubelet', 'T', 'status')); });
  bench('structuredClone of the same Pod (reference)', () => { structuredClone(again); });
  bench('Deployment server-side apply (change replicas)', () => {
    serverSideApply(applied, changed, { manager: 'kubectl', force: false, apiVersion: 'apps/v1', time: 'T' });
  });
});
