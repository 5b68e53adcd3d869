// kubectl run.
export { runCommand, IMAGE_RE } from './run';
export { generatePod, generateService, parseLabels, parseEnvs } from './generate';
export type { PodParams } from './generate';
