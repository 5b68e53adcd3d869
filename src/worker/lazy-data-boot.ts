// The boot chunk's entry (src/worker/lazy-data.ts imports it dynamically): the data modules first, so
// their stubs are filled as lazy-data-modules.ts runs, then kubectl, whose command modules read the flag
// tables as they are evaluated. The import order is the evaluation order: keep the data first.
import './lazy-data-modules';
import { runKubectl } from '../kubectl/kubectl';

/** kubectl's commands (the built worker's first chunk has only src/worker/kubectl-entry.ts). */
export const KUBECTL = runKubectl;
