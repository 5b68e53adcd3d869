import { describe, expect, it } from 'vitest';
import { PodInfo, makePod, type QueuedPodInfo } from '../../framework';
import { PrioritySort } from './priority-sort';

const q = (name: string, priority: number, timestamp: number, seq: number): QueuedPodInfo => ({ podInfo: new PodInfo(makePod(name, { priority })),
  priority, timestamp, attempts: 0, unschedulablePlugins: new Set(), pendingPlugins: new Set(), gated: false, seq });

describe('PrioritySort', () => {
  it('orders by priority, then queue time, then arrival', () => {
    const pl = new PrioritySort();
    const pods = [q('low-early', 0, 1, 0), q('high-late', 100, 5, 1), q('low-late', 0, 2, 2), q('low-early-2', 0, 1, 3)];
    const sorted = [...pods].sort((a, b) => (pl.less(a, b) ? -1 : pl.less(b, a) ? 1 : 0)).map((x) => x.podInfo.name);
    expect(sorted).toEqual(['high-late', 'low-early', 'low-early-2', 'low-late']);
  });
});
