export { humanDuration, ageOf } from './age';
export { podStatus } from './pod-status';
export type { StatusTone } from './pod-status';
