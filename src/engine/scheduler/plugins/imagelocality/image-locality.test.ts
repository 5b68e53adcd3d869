import { describe, expect, it } from 'vitest';
import { fakeHandle, makeNode, makePod, nodeInfoOf, runScore } from '../../framework';
import { ImageLocality, calculatePriority, normalizedImageName } from './image-locality';

const MB = 1024 * 1024;

describe('ImageLocality', () => {
  it('normalizes image names like upstream', () => {
    expect([normalizedImageName('nginx'), normalizedImageName('nginx:1.27'), normalizedImageName('localhost:5000/app'),
      normalizedImageName('busybox@sha256:abc')]).toEqual(['nginx:latest', 'nginx:1.27', 'localhost:5000/app:latest', 'busybox@sha256:abc']);
  });

  it('scores by size scaled by spread, clamped to 23MB..1000MB per container', () => {
    expect([calculatePriority(0, 1), calculatePriority(23 * MB, 1), calculatePriority(1000 * MB, 1), calculatePriority(511.5 * MB, 1)])
      .toEqual([0, 0, 100, 50]);
  });

  it('prefers the node that has the image', () => {
    const big = { names: ['docker.io/library/nginx:latest', 'nginx:latest'], sizeBytes: 500 * MB };
    const a = nodeInfoOf(makeNode('a', { images: [big] }));
    const b = nodeInfoOf(makeNode('b'));
    const pl = new ImageLocality(fakeHandle({ nodes: [a, b] }));
    // The image on 1 of 2 nodes: 500MB × 1/2 = 250MB → (250 − 23) / (1000 − 23) × 100 = 23
    expect(runScore(pl, makePod('p'), [a, b])).toEqual([23, 0]);
  });
});
