// Models pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go (v1.32): favours nodes
// whose cpu and memory would be used in equal shares after placing the pod. (v1.32 still scores
// best-effort pods; skipping them came in v1.33.)
import type { Pod } from '../../../api';
import type { CycleState, NodeInfo, PluginFactory, PreScorePlugin, ScorePlugin, Status } from '../../framework';
import { DEFAULT_RESOURCES, balancedAllocationScore, podRequestList, type ResourceSpec } from './resource-allocation';

/** The plugin's name. */
export const BALANCED_ALLOCATION_NAME = 'NodeResourcesBalancedAllocation';

const PRE_SCORE_KEY = `PreScore${BALANCED_ALLOCATION_NAME}`;
// Captured once (see fit.ts): called per node.
const scoreBalanced = balancedAllocationScore;

/** BalancedAllocation. */
export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = BALANCED_ALLOCATION_NAME;
  private scoreState?: CycleState;
  private scoreReqs?: number[];

  constructor(private readonly resources: readonly ResourceSpec[] = DEFAULT_RESOURCES) {}

  preScore(state: CycleState, pod: Pod): Status | undefined {
    state.write(PRE_SCORE_KEY, podRequestList(pod, this.resources, true));
    return undefined;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    if (state !== this.scoreState) {
      this.scoreState = state;
      this.scoreReqs = state.read<number[]>(PRE_SCORE_KEY) ?? podRequestList(pod, this.resources, true);
    }
    return scoreBalanced(nodeInfo, this.resources, this.scoreReqs!);
  }
}

/** Factory. */
export const createBalancedAllocation: PluginFactory = () => new BalancedAllocation();
