// Builds the meta.k8s.io/v1 Table the API server answers `Accept: …;as=Table` with.
// Models pkg/printers/storage/storage.go TableConvertor.ConvertToTable (always Wide, NoHeaders from
// TableOptions), pkg/printers/tablegenerator.go GenerateTable (list metadata),
// staging/src/k8s.io/apiserver/pkg/registry/rest/table.go defaultTableConvertor, and
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go asTable (includeObject).
import { newBadRequest, timestampMillis } from '../../api';
import type { KubeObject, ListMeta, ResourceInfo, Table, TableColumnDefinition, TableRow } from '../../api';
import { nameOf } from './format';
import { col, doc } from './handler';
import { handlerFor } from './registry';

/** How to build a Table; the API server fills it from the request's TableOptions and its clock. */
export interface TableOptions {
  now: number;                                   // simulated ms since epoch: the server's clock
  includeObject?: 'None' | 'Metadata' | 'Object'; // default 'Metadata' (rows carry a PartialObjectMetadata)
  listMeta?: ListMeta;                           // resourceVersion / continue of the list
  noHeaders?: boolean;                           // omit columnDefinitions (for watch events after the first)
}

// rest.defaultTableConvertor's columns, for resources without a printer.
const DEFAULT_COLUMNS: readonly TableColumnDefinition[] = [
  col('Name', 'string', doc('metav1.ObjectMeta.name'), { format: 'name' }),
  col('Created At', 'date', doc('metav1.ObjectMeta.creationTimestamp')),
];

// Go formats a zero metav1.Time as year 1; a set one as RFC 3339 in UTC, whole seconds.
function createdAt(obj: KubeObject): string {
  const t = timestampMillis(obj.metadata?.creationTimestamp);
  return t === undefined ? '0001-01-01T00:00:00Z' : new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// GenerateTable copies the list's resourceVersion/continue/remainingItemCount; for a single object
// (a GET, or a watch event) it is the object's own resourceVersion.
function tableMeta(objects: readonly KubeObject[], listMeta: ListMeta | undefined): ListMeta {
  const m: { -readonly [K in keyof ListMeta]: ListMeta[K] } = {};
  if (listMeta) {
    if (listMeta.resourceVersion) m.resourceVersion = listMeta.resourceVersion;
    if (listMeta.continue) m.continue = listMeta.continue;
    if (listMeta.remainingItemCount !== undefined && listMeta.remainingItemCount !== null) {
      m.remainingItemCount = listMeta.remainingItemCount;
    }
  } else if (objects.length === 1 && objects[0].metadata?.resourceVersion) {
    m.resourceVersion = objects[0].metadata.resourceVersion;
  }
  return m;
}

/**
 * Builds the meta.k8s.io/v1 Table for objects of one resource.
 * Throws a BadRequest StatusError for an includeObject value other than None, Metadata or Object.
 */
export function toTable(info: ResourceInfo, objects: readonly KubeObject[], opts: TableOptions): Table {
  const include: string = opts.includeObject ?? 'Metadata';
  if (include !== 'Metadata' && include !== 'Object' && include !== 'None') {
    throw newBadRequest(`unrecognized includeObject value: ${JSON.stringify(include)}`);
  }
  const handler = handlerFor(info);
  const { now } = opts;
  const rows: TableRow[] = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const obj = objects[i];
    const cells = handler ? handler.cells(obj, now) : [nameOf(obj), createdAt(obj)];
    // RawExtension of a nil object marshals as null, so "None" rows say "object": null.
    const object = include === 'Metadata'
      ? { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata ?? {} }
      : include === 'Object' ? obj : null;
    const conditions = handler?.conditions?.(obj);
    rows[i] = conditions ? { cells, conditions, object } : { cells, object };
  }
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: tableMeta(objects, opts.listMeta),
    // Deviation: with noHeaders upstream sends "columnDefinitions": null; an empty array decodes the same.
    columnDefinitions: opts.noHeaders ? [] : (handler ? handler.columns : DEFAULT_COLUMNS).slice(),
    rows,
  };
}
