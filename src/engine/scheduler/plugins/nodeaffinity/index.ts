// Filter and score plugin NodeAffinity.
export { NodeAffinity, NAME, ERR_REASON_POD, ERR_REASON_CONFLICT, create } from './node-affinity';
