// scheduling.k8s.io/v1 defaults. Models pkg/apis/scheduling/v1/defaults.go SetDefaults_PriorityClass.
import { type Obj, defaultPtr } from './util';

/** preemptionPolicy PreemptLowerPriority. */
export function defaultPriorityClass(pc: Obj): void {
  defaultPtr(pc, 'preemptionPolicy', 'PreemptLowerPriority');
}
