// Filter and score plugin InterPodAffinity.
export { InterPodAffinity, NAME, DEFAULT_HARD_POD_AFFINITY_WEIGHT, create } from './plugin';
export { ERR_REASON_AFFINITY_RULES_NOT_MATCH, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH } from './filtering';
