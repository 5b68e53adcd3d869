export { runProbe, resolvePort, PROBE_USER_AGENT } from './prober';
export type { ProbeResult, ProbeTarget } from './prober';
export { ProbeManager } from './prober-manager';
export type { ProbeHost, ProbeType } from './prober-manager';
