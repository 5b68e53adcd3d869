import { describe, expect, it } from 'vitest';
import { SchedulerBench } from './testing';

describe('scheduler smoke', () => {
  it('binds a pod and records Scheduled', () => {
    const b = new SchedulerBench({ nodes: [{ name: 'minikube' }] });
    b.createPod({ name: 'web', cpu: '100m' });
    b.flush();
    expect(b.nodeOf('web')).toBe('minikube');
    expect(b.eventTexts('web')).toEqual(['Scheduled: Successfully assigned default/web to minikube']);
  });
});
