import { describe, expect, it } from 'vitest';
import type { Event, KubeObject } from '../../api';
import { Cluster } from '../../cluster';
import { R } from '../resources';
import { EventsRecorder, SERIES_FINISH_MS } from './events';

function setup() {
  const c = new Cluster({ seed: 1, nodes: 0 });
  const client = c.client('kube-scheduler/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  const rec = new EventsRecorder(client, c.clock, { reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-minikube' });
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u1', resourceVersion: '7' } } as KubeObject;
  const events = () => client.list<Event>(R.events, 'default', { fieldSelector: 'involvedObject.name=p' }).items;
  return { c, rec, pod, events };
}

describe('EventsRecorder (events.k8s.io/v1 semantics)', () => {
  it('writes an event the way the API stores an events.k8s.io/v1 Event', () => {
    const { rec, pod, events } = setup();
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'no nodes available to schedule pods');
    const [e] = events();
    expect(e).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', action: 'Scheduling', message: 'no nodes available to schedule pods',
      reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-minikube', source: {}, firstTimestamp: null, lastTimestamp: null,
      eventTime: '2025-01-15T09:00:00.000000Z',
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'default', uid: 'u1', resourceVersion: '7' } });
    expect(e.metadata!.name).toMatch(/^p\.[0-9a-f]+$/);
    expect(e.count).toBeUndefined();
    expect(e.series).toBeUndefined();
  });

  it('makes a series of repeats (the note is not part of the key), writing only the 2nd and the final count', () => {
    const { c, rec, pod, events } = setup();
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'first');
    c.advance(1000);
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'second');
    expect(events()).toHaveLength(1);
    expect(events()[0].series).toEqual({ count: 2, lastObservedTime: '2025-01-15T09:00:01.000000Z' });
    expect(events()[0].message).toBe('first');
    c.advance(1000);
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'third');
    expect(events()[0].series!.count).toBe(2); // counted in memory only
    c.advance(2 * SERIES_FINISH_MS);
    expect(events()[0].series).toEqual({ count: 3, lastObservedTime: '2025-01-15T09:00:02.000000Z' });
    // Forgotten after the flush: the next occurrence is a new event.
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'again');
    expect(events()).toHaveLength(2);
  });

  it('a changed regarding object (resourceVersion) or related object makes a new event', () => {
    const { rec, pod, events } = setup();
    rec.eventf(pod, undefined, 'Normal', 'Scheduled', 'Binding', 'a');
    rec.eventf({ ...pod, metadata: { ...pod.metadata, resourceVersion: '8' } }, undefined, 'Normal', 'Scheduled', 'Binding', 'a');
    rec.eventf(pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q', namespace: 'default', uid: 'u2' } }, 'Normal', 'Scheduled', 'Binding', 'a');
    expect(events()).toHaveLength(3);
    expect(events().find((e) => e.related)!.related).toMatchObject({ kind: 'Pod', name: 'q' });
  });

  it('recreates a series\' event that was deleted, as first written, with the final count', () => {
    const { c, rec, pod, events } = setup();
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'first');
    const [orig] = events();
    c.advance(1000);
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'second');
    c.client('admin').delete(R.events, 'default', orig.metadata!.name!);
    c.advance(1000);
    rec.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'third');
    c.advance(2 * SERIES_FINISH_MS);
    const [again] = events();
    expect(again).toMatchObject({ reason: 'FailedScheduling', action: 'Scheduling', message: 'first', eventTime: orig.eventTime,
      involvedObject: orig.involvedObject, series: { count: 3, lastObservedTime: '2025-01-15T09:00:02.000000Z' } });
    expect(again.metadata!.name).toBe(orig.metadata!.name);
  });
});

