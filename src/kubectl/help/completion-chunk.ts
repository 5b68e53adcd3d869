// kubectl's captured completion scripts as a chunk of their own in the built worker, imported by
// loadCompletionScripts on first use (see texts-chunk.ts for how the build fills the scripts).

/** The completion scripts (the real module: this file is its only importer in the built worker). */
export { COMPLETION_SCRIPTS } from './completion.generated';
