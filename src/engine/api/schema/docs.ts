// Loading the schema's descriptions on first use. In the built worker they are a chunk of their own
// (docs-chunk.ts); everywhere else they are already in place and loading is a no-op.
import { SPECIAL_DOCS } from './k8s-schema.generated';

/** Are the descriptions in place (always, outside the built worker)? */
export function schemaDocsLoaded(): boolean {
  return !!SPECIAL_DOCS.q;
}

/** Loads the descriptions; await it before reading a definition's or a field's description. */
export async function loadSchemaDocs(): Promise<void> {
  if (!schemaDocsLoaded()) await import('./docs-chunk');
}
