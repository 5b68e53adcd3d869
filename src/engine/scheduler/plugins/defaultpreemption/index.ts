// PostFilter plugin DefaultPreemption.
export { DefaultPreemption, NAME, NO_VICTIMS, MIN_CANDIDATE_NODES_ABSOLUTE, MIN_CANDIDATE_NODES_PERCENTAGE, create } from './default-preemption';
