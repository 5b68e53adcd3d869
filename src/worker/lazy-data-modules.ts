// The worker's large data modules the engine reads synchronously, gathered into one chunk that
// src/worker/lazy-data.ts imports dynamically at boot. In the built worker this file is the only importer
// of the real modules: every other import of them gets a stub (scripts/vite-lazy-data.ts). Data read
// only on first use (help texts, completion scripts, the schema's descriptions) has chunks of its own.
import * as k8sSchema from '../engine/api/schema/k8s-schema.generated';
import * as goEmit from '../engine/api/schema/go-emit';
import * as goEnums from '../engine/api/schema/go-enums';
import * as goOrder from '../engine/api/schema/go-order';
import * as v132Additions from '../engine/api/schema/v1-32-additions';
import { runKubectl } from '../kubectl/kubectl';

/** kubectl's commands (the built worker's first chunk has only src/worker/kubectl-entry.ts). */
export const KUBECTL = runKubectl;

/** Each data module's exports, by file name (the same list as LAZY_DATA_MODULES in scripts/vite-lazy-data.ts). */
export const LAZY_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'k8s-schema.generated': k8sSchema,
  'go-emit': goEmit,
  'go-enums': goEnums,
  'go-order': goOrder,
  'v1-32-additions': v132Additions,
};
