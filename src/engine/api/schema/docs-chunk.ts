// The schema's descriptions as a chunk of their own in the built worker: only kubectl explain, the
// OpenAPI documents and the editor's JSON schema read them, after awaiting loadSchemaDocs (docs.ts).
// The build (scripts/vite-lazy-data.ts) gives the boot chunk the generated definitions with empty
// descriptions and appends to this file the code that puts them back, with the v1.32 descriptions.
// In tests and `vite dev` the descriptions are already there.

/** The v1.32 descriptions (the real module: this file is its only importer in the built worker). */
export { DESCRIPTIONS_V1_32 } from './v1-32-descriptions';
