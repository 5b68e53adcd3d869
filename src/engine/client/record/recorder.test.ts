import { describe, expect, it } from 'vitest';
import type { Event, KubeObject } from '../../api';
import { Cluster } from '../../cluster';
import { R } from '../resources';
import { EventRecorder } from './recorder';

function setup() {
  const c = new Cluster({ seed: 1, nodes: 0 });
  const client = c.client('kubelet/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  const rec = new EventRecorder(client, c.clock, { component: 'kubelet', host: 'minikube' });
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u1' } } as KubeObject;
  const events = () => client.list<Event>(R.events, 'default', { fieldSelector: 'involvedObject.name=p' }).items;
  return { c, rec, pod, events };
}

describe('EventRecorder (the correlator of client-go tools/record)', () => {
  it('bumps count and lastTimestamp of an identical event', () => {
    const { c, rec, pod, events } = setup();
    rec.event(pod, 'Normal', 'Pulled', 'Container image "nginx" already present on machine');
    c.advance(5000);
    rec.event(pod, 'Normal', 'Pulled', 'Container image "nginx" already present on machine');
    const list = events();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 2, firstTimestamp: '2025-01-15T09:00:00Z', lastTimestamp: '2025-01-15T09:00:05Z' });
  });

  it('combines the 10th and later similar events (same object and reason, other messages) into one', () => {
    const { rec, pod, events } = setup();
    for (let i = 0; i < 12; i++) rec.event(pod, 'Warning', 'BackOff', `message ${i}`);
    const msgs = events().map((e) => `${e.message} x${e.count}`);
    expect(msgs).toHaveLength(10);
    expect(msgs.filter((m) => m.startsWith('(combined from similar events): '))).toEqual(['(combined from similar events): message 11 x3']);
  });

  it('forgets the least recently used identical-event record after 4,096 others (a repeat then makes a new event)', () => {
    const { c, rec, pod, events } = setup();
    rec.event(pod, 'Normal', 'Pulled', 'first');
    for (let i = 0; i < 4096; i++) {
      const other = { ...pod, metadata: { name: `o${i}`, namespace: 'default', uid: `u-o${i}` } } as KubeObject;
      rec.event(other, 'Normal', 'Pulled', 'x');
    }
    c.advance(1000);
    rec.event(pod, 'Normal', 'Pulled', 'first');
    expect(events().map((e) => e.count)).toEqual([1, 1]);
  });

  it('keeps a record used recently even when 4,096 others came after it was made', () => {
    const { c, rec, pod, events } = setup();
    rec.event(pod, 'Normal', 'Pulled', 'first');
    for (let i = 0; i < 4096; i++) {
      const other = { ...pod, metadata: { name: `o${i}`, namespace: 'default', uid: `u-o${i}` } } as KubeObject;
      rec.event(other, 'Normal', 'Pulled', 'x');
      if (i === 4000) rec.event(pod, 'Normal', 'Pulled', 'first');
    }
    c.advance(1000);
    rec.event(pod, 'Normal', 'Pulled', 'first');
    expect(events().map((e) => e.count)).toEqual([3]);
  });
});
