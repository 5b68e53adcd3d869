// kubectl's captured help texts as a chunk of their own in the built worker: help.ts loadHelpTexts
// imports this file on first use, and the build (scripts/vite-lazy-data.ts) appends the code that fills
// the texts everyone else reads. In tests and `vite dev` the texts are already there.

/** The help texts (the real module: this file is its only importer in the built worker). */
export { HELP_TEXTS } from './texts.generated';
