// Filter plugin NodeUnschedulable.
export { NodeUnschedulable, NAME, ERR_REASON_UNSCHEDULABLE, ERR_REASON_UNKNOWN_CONDITION, create } from './node-unschedulable';
