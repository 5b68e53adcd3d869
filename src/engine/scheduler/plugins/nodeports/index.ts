// Filter plugin NodePorts.
export { NodePorts, NAME, ERR_REASON, fitsPorts, create } from './node-ports';
