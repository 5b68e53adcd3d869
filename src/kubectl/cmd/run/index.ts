// kubectl run.
export { runCommand } from './run';
export { generatePod, generateService, parseLabels, parseEnvs } from './generate';
export type { PodParams } from './generate';
