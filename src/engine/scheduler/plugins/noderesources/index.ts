// Plugins NodeResourcesFit and NodeResourcesBalancedAllocation (upstream plugins/noderesources).
export { Fit, NAME, fitsRequest, create } from './fit';
export type { InsufficientResource } from './fit';
export { BalancedAllocation, BALANCED_ALLOCATION_NAME, createBalancedAllocation } from './balanced-allocation';
export { DEFAULT_RESOURCES, leastRequestedScore, leastAllocatedScore, balancedAllocationScore, podRequestList } from './resource-allocation';
export type { ResourceSpec } from './resource-allocation';
