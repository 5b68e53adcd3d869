// kubectl apply.
export { applyCommand } from './apply';
export { LAST_APPLIED, lastAppliedValue, withLastApplied, parseLastApplied } from './last-applied';
