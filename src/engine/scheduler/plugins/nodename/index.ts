// Filter plugin NodeName.
export { NodeName, NAME, ERR_REASON, create } from './node-name';
