// Filter and score plugin PodTopologySpread.
export { PodTopologySpread, NAME, create } from './plugin';
export { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH } from './filtering';
export { SYSTEM_DEFAULT_CONSTRAINTS, defaultSelector, filterConstraints } from './common';
export type { SpreadConstraint } from './common';
export { scoreForCount, topologyNormalizingWeight } from './scoring';
