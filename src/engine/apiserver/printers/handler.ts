// What a kind's printer is: its column definitions and a pure row function.
// Models pkg/printers/tablegenerator.go (handlerEntry, TableHandler) and the column definitions of
// pkg/printers/internalversion/printers.go AddHandlers.
import type { TableColumnDefinition, TableRow } from '../../api';
import { DOCS } from './descriptions';

/** metav1.TableRowCondition. */
export type TableRowCondition = NonNullable<TableRow['conditions']>[number];

/**
 * One kind's printer. `columns` are all of upstream's columns including the priority-1 ones, and
 * `cells` always fills every one of them: the API server's TableConvertor (pkg/printers/storage)
 * always generates with Wide: true and leaves hiding priority-1 columns to kubectl.
 */
export interface TableHandler<T = any> {
  readonly columns: readonly TableColumnDefinition[];
  /** The row's cells at simulated time `now` (ms): strings, integers and booleans as upstream. */
  cells(obj: T, now: number): unknown[];
  /** Row conditions (only pods set them: Completed for Succeeded/Failed pods). */
  conditions?(obj: T): TableRowCondition[] | undefined;
}

/** A SwaggerDoc string of descriptions.ts, by key ("metav1.ObjectMeta.name"), read when a column's description is. */
export interface DocRef {
  readonly doc: keyof typeof DOCS;
}

/** The description with this key of descriptions.ts (see DocRef). */
export function doc(key: keyof typeof DOCS): DocRef {
  return { doc: key };
}

/**
 * Builds a metav1.TableColumnDefinition; every field is always present in the JSON, as upstream. A DocRef
 * description is read when the column is: in the built worker the descriptions are boot data, filled in
 * after the printers' modules have run (scripts/vite-lazy-data.ts).
 */
export function col(name: string, type: string, description: string | DocRef,
  opts: { format?: string; priority?: number } = {}): TableColumnDefinition {
  const format = opts.format ?? '';
  const priority = opts.priority ?? 0;
  // Frozen: every Table shares these objects.
  if (typeof description === 'string') return Object.freeze({ name, type, format, description, priority });
  const key = description.doc;
  return Object.freeze({ name, type, format, get description() { return DOCS[key]; }, priority });
}

/** The Name column every handler starts with. */
export const NAME = col('Name', 'string', doc('metav1.ObjectMeta.name'), { format: 'name' });
/** The Age column. */
export const AGE = col('Age', 'string', doc('metav1.ObjectMeta.creationTimestamp'));
/** Containers (wide), shared by the workload kinds. */
export const CONTAINERS = col('Containers', 'string', 'Names of each container in the template.', { priority: 1 });
/** Images (wide), shared by the workload kinds. */
export const IMAGES = col('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 });
