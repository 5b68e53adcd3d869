// Models pkg/scheduler/framework/plugins/imagelocality/image_locality.go (v1.32): nodes that already
// have the pod's images (init containers included) score higher, by image size scaled by how many
// nodes have it (an image everywhere says little), between 23 MB and 1000 MB per container.
import type { Pod } from '../../../api';
import { MAX_NODE_SCORE, type CycleState, type Handle, type ImageStateSummary, type NodeInfo, type PluginFactory,
  type ScorePlugin } from '../../framework';

/** The plugin's name. */
export const NAME = 'ImageLocality';

const MB = 1024 * 1024;
const MAX_SCORE = MAX_NODE_SCORE;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: "nginx" → "nginx:latest"; a tag or digest is kept. */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}

/** scaledImageScore: size × (nodes having it / all nodes). */
function scaledImageScore(s: ImageStateSummary, totalNumNodes: number): number {
  return Math.trunc(s.size * (s.nodes.size / totalNumNodes));
}

/** calculatePriority: the clamped sum mapped onto 0..100. */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  let s = sumScores;
  if (s < MIN_THRESHOLD) s = MIN_THRESHOLD;
  else if (s > maxThreshold) s = maxThreshold;
  return Math.trunc((MAX_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** ImageLocality. */
export class ImageLocality implements ScorePlugin {
  readonly name = NAME;
  // Per cycle: the pod's normalized image names and the node count.
  private cycle?: CycleState;
  private images: string[] = [];
  private total = 0;

  constructor(private readonly h: Handle) {}

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    if (state !== this.cycle) {
      this.cycle = state;
      this.images = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
      this.total = this.h.nodeInfos.list().length;
    }
    const images = this.images;
    if (nodeInfo.imageStates.size === 0) return calculatePriority(0, images.length);
    let sum = 0;
    for (const img of images) {
      const st = nodeInfo.imageStates.get(img);
      if (st) sum += scaledImageScore(st, this.total);
    }
    return calculatePriority(sum, images.length);
  }
}

/** Factory. */
export const create: PluginFactory = (h) => new ImageLocality(h);
