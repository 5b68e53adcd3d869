import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api';
import { computePodResource, podRequests } from './resource';

const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({ metadata: { name: 'p', namespace: 'd' }, spec: { containers: [], ...spec } });
const c = (name: string, cpu?: string, memory?: string, restartPolicy?: string) =>
  ({ name, image: 'x', restartPolicy, resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } });

describe('podRequests (component-helpers resource.PodRequests)', () => {
  const cases: { name: string; pod: Pod; cpu: number; memory: number }[] = [
    { name: 'sum of containers', pod: pod({ containers: [c('a', '100m', '64Mi'), c('b', '200m')] }), cpu: 300, memory: 64 * 2 ** 20 },
    { name: 'an init container bigger than the app wins', pod: pod({ containers: [c('a', '100m')], initContainers: [c('i', '500m')] }), cpu: 500, memory: 0 },
    {
      name: 'a sidecar runs beside what follows: max(a+b+s, i+s)',
      pod: pod({ containers: [c('a', '100m'), c('b', '200m')], initContainers: [c('s', '50m', undefined, 'Always'), c('i', '500m')] }),
      cpu: 550, memory: 0,
    },
    {
      name: 'a sidecar after the init container does not add to it',
      pod: pod({ containers: [c('a', '100m')], initContainers: [c('i', '500m'), c('s', '50m', undefined, 'Always')] }),
      cpu: 500, memory: 0,
    },
    { name: 'overhead is added', pod: pod({ containers: [c('a', '100m')], overhead: { cpu: '250m' } }), cpu: 350, memory: 0 },
    { name: 'cpu "1" is 1000 millicores, memory "1Gi" bytes', pod: pod({ containers: [c('a', '1', '1Gi')] }), cpu: 1000, memory: 2 ** 30 },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const r = podRequests(t.pod);
      expect([r.milliCPU, r.memory]).toEqual([t.cpu, t.memory]);
    });
  }

  it('scoring counts 100m / 200Mi for containers without requests', () => {
    const r = computePodResource(pod({ containers: [c('a'), c('b', '300m', '1Gi')] }));
    expect(r.requests.milliCPU).toBe(300);
    expect([r.non0CPU, r.non0Mem]).toEqual([400, 200 * 2 ** 20 + 2 ** 30]);
  });

  it('extended resources are scalar resources', () => {
    const r = podRequests(pod({ containers: [{ name: 'g', image: 'x', resources: { requests: { 'nvidia.com/gpu': '2', 'hugepages-2Mi': '4Mi' } } }] }));
    expect(Object.fromEntries(r.scalar!)).toEqual({ 'nvidia.com/gpu': 2, 'hugepages-2Mi': 4 * 2 ** 20 });
  });
});
