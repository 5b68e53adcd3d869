// The worker's large data modules the engine reads synchronously, in the boot chunk (lazy-data-boot.ts,
// imported dynamically at boot). In the built worker this file is the only importer of the real modules:
// every other import of them gets a stub (scripts/vite-lazy-data.ts), filled as this file runs. Data read
// only on first use (help texts, completion scripts, the schema's descriptions) has chunks of its own.
import * as k8sSchema from '../engine/api/schema/k8s-schema.generated';
import * as goEmit from '../engine/api/schema/go-emit';
import * as goEnums from '../engine/api/schema/go-enums';
import * as goOrder from '../engine/api/schema/go-order';
import * as v132Additions from '../engine/api/schema/v1-32-additions';
import * as printerDescriptions from '../engine/apiserver/printers/descriptions';
import * as flagTables from '../kubectl/help/flags.generated';
import { fillLazyData } from './lazy-data';

/** Each data module's exports, by file name (the same list as LAZY_DATA_MODULES in scripts/vite-lazy-data.ts). */
export const LAZY_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'k8s-schema.generated': k8sSchema,
  'go-emit': goEmit,
  'go-enums': goEnums,
  'go-order': goOrder,
  'v1-32-additions': v132Additions,
  descriptions: printerDescriptions,
  'flags.generated': flagTables,
};

fillLazyData(LAZY_MODULES);
