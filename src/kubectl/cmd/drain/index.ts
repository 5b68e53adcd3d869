// kubectl cordon, uncordon, drain and taint.
export { cordonCommandDef as cordonCommand, uncordonCommandDef as uncordonCommand } from './cordon';
export { drainCommand } from './drain';
export { taintCommand, taintString } from './taint';
