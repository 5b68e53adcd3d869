// PreEnqueue plugin SchedulingGates.
export { SchedulingGates, NAME, create } from './scheduling-gates';
