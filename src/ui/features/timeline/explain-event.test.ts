import { describe, expect, it } from 'vitest';
import { actorOf, eventTime, explainEvent, type EventLike } from './explain-event';

const ev = (reason: string, message: string, component: string, kind = 'Pod', name = 'web-1', host?: string): EventLike =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, reason, message,
    involvedObject: { kind, name, namespace: 'default' }, source: { component, host } });

const ctx = { replicas: (_ns: string, kind: string, name: string) => (kind === 'ReplicaSet' && name === 'web-5d8f' ? 3 : undefined) };

describe('explainEvent', () => {
  const cases = [
    { name: 'ReplicaSet creates with the wanted count', e: ev('SuccessfulCreate', 'Created pod: web-5d8f-abcde', 'replicaset-controller', 'ReplicaSet', 'web-5d8f'),
      actor: 'ReplicaSet controller', text: 'fewer pods exist than the 3 wanted, so it created web-5d8f-abcde' },
    { name: 'ReplicaSet creates, owner unknown', e: ev('SuccessfulCreate', 'Created pod: x-1', 'replicaset-controller', 'ReplicaSet', 'x'),
      actor: 'ReplicaSet controller', text: 'created pod x-1 to reach the wanted number of pods' },
    { name: 'StatefulSet create message', e: ev('SuccessfulCreate', 'create Pod db-0 in StatefulSet db successful', 'statefulset-controller', 'StatefulSet', 'db'),
      actor: 'StatefulSet controller', text: 'created pod db-0 to reach the wanted number of pods' },
    { name: 'Deployment scales', e: ev('ScalingReplicaSet', 'Scaled up replica set web-5d8f from 0 to 3', 'deployment-controller', 'Deployment', 'web'),
      actor: 'Deployment controller', text: 'scaled ReplicaSet web-5d8f up from 0 to 3, to bring up pods of the current template' },
    { name: 'scheduler places', e: ev('Scheduled', 'Successfully assigned default/web-1 to minikube-m02', 'default-scheduler'),
      actor: 'Scheduler', text: 'placed the pod on minikube-m02: it passed every filter there and scored best' },
    { name: 'kubelet pulls, named by host', e: ev('Pulling', 'Pulling image "nginx:1.27"', 'kubelet', 'Pod', 'web-1', 'minikube'),
      actor: 'kubelet on minikube', text: 'pulling the image nginx:1.27' },
    { name: 'node lost', e: ev('NodeNotReady', 'Node minikube-m02 status is now: NodeNotReady', 'node-controller', 'Node', 'minikube-m02'),
      actor: 'Node lifecycle controller', text: 'the node stopped reporting (no heartbeat within the grace period): it is NotReady' },
    { name: 'eviction', e: ev('TaintManagerEviction', 'Marking for deletion Pod default/web-1', 'taint-eviction-controller'),
      actor: 'Taint eviction controller', text: 'the node stayed unreachable longer than the pod tolerates, so the pod is evicted (deleted); its controller replaces it' },
    { name: 'unknown reason falls back to the message', e: ev('Whatever', 'something happened', 'my-operator'),
      actor: 'my-operator', text: 'something happened' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(explainEvent(c.e, ctx)).toEqual({ actor: c.actor, text: c.text });
    });
  }

  it('reads the reporting fields of events.k8s.io events and the newest timestamp', () => {
    const e: EventLike = { apiVersion: 'v1', kind: 'Event', reportingComponent: 'default-scheduler', eventTime: '2025-01-15T09:00:01.000000Z',
      series: { count: 3, lastObservedTime: '2025-01-15T09:00:05.000000Z' } };
    expect(actorOf(e)).toBe('Scheduler');
    expect(eventTime(e)).toBe(Date.UTC(2025, 0, 15, 9, 0, 5));
  });
});
