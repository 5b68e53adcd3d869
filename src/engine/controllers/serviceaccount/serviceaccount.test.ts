import { describe, expect, it } from 'vitest';
import type { ConfigMap, Namespace, ServiceAccount } from '../../api';
import { R } from '../../client';
import { SimClock } from '../../clock';
import { FakeApi, fakeClient, seededInformer } from '../shared/testing';
import { ServiceAccountsController } from './serviceaccounts-controller';
import { DESCRIPTION, RootCACertPublisher } from './root-ca-cert-publisher';

const ns = (name: string, phase = 'Active'): Namespace => ({ metadata: { name }, status: { phase } });

describe('ServiceAccountsController.syncNamespace', () => {
  const cases = [
    { name: 'creates default in an active namespace', ns: ns('demo'), sas: [] as ServiceAccount[], want: ['create serviceaccounts'] },
    { name: 'nothing when it exists', ns: ns('demo'), sas: [{ metadata: { name: 'default', namespace: 'demo' } }], want: [] },
    { name: 'nothing in a terminating namespace', ns: ns('demo', 'Terminating'), sas: [], want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const api = new FakeApi();
      const client = fakeClient(api);
      const ctl = new ServiceAccountsController({ serviceAccounts: seededInformer(client, R.serviceaccounts, c.sas),
        namespaces: seededInformer(client, R.namespaces, [c.ns]), client, clock: new SimClock({ start: 0 }) });
      ctl.syncNamespace('demo');
      expect(api.verbs()).toEqual(c.want);
      if (c.want.length) expect(api.actions[0].body).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'demo' } });
    });
  }
});

describe('RootCACertPublisher.syncNamespace', () => {
  const setup = (cms: ConfigMap[]) => {
    const api = new FakeApi().seed(R.configmaps, ...cms);
    const client = fakeClient(api);
    const p = new RootCACertPublisher({ configMaps: seededInformer(client, R.configmaps, cms), namespaces: seededInformer(client, R.namespaces, [ns('demo')]),
      client, clock: new SimClock({ start: 0 }), rootCA: 'PEM' });
    return { api, p };
  };
  it('creates kube-root-ca.crt with the CA and the description', () => {
    const { api, p } = setup([]);
    p.syncNamespace('demo');
    expect(api.actions[0].body).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'demo',
      annotations: { 'kubernetes.io/description': DESCRIPTION } }, data: { 'ca.crt': 'PEM' } });
  });
  it('puts back changed data, and leaves a correct one alone', () => {
    const cm = (data: Record<string, string>): ConfigMap => ({ metadata: { name: 'kube-root-ca.crt', namespace: 'demo',
      annotations: { 'kubernetes.io/description': DESCRIPTION } }, data });
    const a = setup([cm({ 'ca.crt': 'other' })]);
    a.p.syncNamespace('demo');
    expect(a.api.verbs()).toEqual(['update configmaps']);
    const b = setup([cm({ 'ca.crt': 'PEM' })]);
    b.p.syncNamespace('demo');
    expect(b.api.verbs()).toEqual([]);
  });
});
