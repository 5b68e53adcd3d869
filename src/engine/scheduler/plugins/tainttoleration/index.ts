// Filter and score plugin TaintToleration.
export { TaintToleration, NAME, ERR_REASON_NOT_MATCH, untoleratedReason, countIntolerableTaintsPreferNoSchedule, create } from './taint-toleration';
