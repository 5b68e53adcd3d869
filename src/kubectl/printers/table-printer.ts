// The human-readable printer of `kubectl get`: server-side Tables laid out through the tab writer.
// Models k8s.io/cli-runtime/pkg/printers/tableprinter.go (HumanReadablePrinter.PrintObj, printTable,
// decorateTable, addColumns for watch events, printObjectMeta for objects that are not Tables) and
// k8s.io/apimachinery labels.FormatLabels.
import type { Table, TableColumnDefinition, TableRow } from '../../engine/api/types';
import { humanDuration, timestampMillis } from '../../engine/api';
import { goSprint } from './go-format';
import type { PrintWriter, ResourcePrinter } from './printer';
import { TabWriter, KUBECTL_TABWRITER } from './tabwriter';

/** printers.PrintOptions. */
export interface HumanPrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  withKind?: boolean;
  /** GroupKind.String() of the printed resource ("Pod", "Deployment.apps"). */
  kind?: string;
  showLabels?: boolean;
  columnLabels?: string[];
}

/** A watch event wrapper (metav1.WatchEvent) handed to printers by get -w --output-watch-events. */
export interface PrintWatchEvent {
  kind: 'WatchEvent';
  type: string;
  object: unknown;
}

/** Is this a metav1.WatchEvent? */
export function isWatchEvent(o: unknown): o is PrintWatchEvent {
  return !!o && typeof o === 'object' && (o as PrintWatchEvent).kind === 'WatchEvent' && 'type' in o;
}

/** Is this a meta.k8s.io Table? */
export function isTable(o: unknown): o is Table {
  return !!o && typeof o === 'object' && (o as Table).kind === 'Table' && Array.isArray((o as Table).rows);
}

/** labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

const formattedEventType: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

function writeEscaped(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

type RowMeta = { namespace?: string; labels?: Record<string, string> };

function rowMeta(row: TableRow): RowMeta | undefined {
  const o = row.object as { metadata?: RowMeta } | null | undefined;
  return o && typeof o === 'object' ? (o.metadata ?? {}) : undefined;
}

function formatLabelHeaders(columnLabels: readonly string[]): string[] {
  return columnLabels.map((l) => l.split('/').pop()!.toUpperCase());
}

// decorateTable: NAMESPACE first, label columns and LABELS last, "kind/" on the name column.
function decorateTable(table: Table, o: HumanPrintOptions): Table {
  const columnLabels = o.columnLabels ?? [];
  let width = table.columnDefinitions.length + columnLabels.length;
  if (o.withNamespace) width++;
  if (o.showLabels) width++;
  let columns = table.columnDefinitions;
  let nameColumn = -1;
  if (o.withKind && o.kind) nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  if (width !== table.columnDefinitions.length) {
    const def = (name: string): TableColumnDefinition => ({ name, type: 'string', format: '', description: '', priority: 0 });
    columns = [...(o.withNamespace ? [def('Namespace')] : []), ...table.columnDefinitions,
      ...formatLabelHeaders(columnLabels).map(def), ...(o.showLabels ? [def('Labels')] : [])];
  }
  const includeLabels = columnLabels.length > 0 || !!o.showLabels;
  let rows = table.rows;
  if (includeLabels || o.withNamespace || nameColumn !== -1) {
    rows = rows.map((row) => {
      let cells = [...row.cells];
      if (nameColumn !== -1) cells[nameColumn] = `${o.kind!.toLowerCase()}/${goSprint(cells[nameColumn])}`;
      const m = rowMeta(row);
      if (!m) {
        if (o.withNamespace) cells = [null, ...cells];
        while (cells.length < width) cells.push(null);
        return { ...row, cells };
      }
      if (o.withNamespace) cells = [m.namespace ?? '', ...cells];
      if (includeLabels) {
        for (const key of columnLabels) cells.push(m.labels?.[key] ?? '');
        if (o.showLabels) cells.push(formatLabels(m.labels));
      }
      return { ...row, cells };
    });
  }
  return { ...table, columnDefinitions: columns, rows };
}

// Characters a cell is cut at (line breaks) or escaped for; most cells hold none, so one native test first.
const CELL_SPECIAL = /[\x1b\f\n\r]/;

// printTable: headers (unless no rows), then rows; cells as fmt.Sprint, strings cut at the first line break.
function printTable(table: Table, w: PrintWriter, o: HumanPrintOptions): void {
  const visible = (c: TableColumnDefinition) => o.wide || !c.priority;
  if (!o.noHeaders) {
    if (table.rows.length === 0) return;
    w.write(`${table.columnDefinitions.filter(visible).map((c) => c.name.toUpperCase()).join('\t')}\n`);
  }
  const shown: number[] = [];
  table.columnDefinitions.forEach((c, i) => { if (visible(c)) shown.push(i); });
  const tw = w instanceof TabWriter ? w : undefined;
  for (const row of table.rows) {
    // A row shorter than the columns prints only the cells it has (no trailing empty cells).
    let n = shown.length;
    while (n > 0 && shown[n - 1] >= row.cells.length) n--;
    const parts: string[] = new Array<string>(n);
    for (let k = 0; k < n; k++) {
      const cell = row.cells[shown[k]];
      if (cell === null || cell === undefined) parts[k] = '';
      else if (typeof cell === 'string') {
        if (!CELL_SPECIAL.test(cell)) parts[k] = cell;
        else {
          const brk = cell.search(/[\f\n\r]/);
          parts[k] = brk >= 0 ? `${writeEscaped(cell.slice(0, brk))}...` : writeEscaped(cell);
        }
      } else parts[k] = writeEscaped(goSprint(cell));
    }
    if (tw) tw.writeRow(parts);
    else w.write(`${parts.join('\t')}\n`);
  }
}

const OBJECT_META_COLUMNS: TableColumnDefinition[] = [
  { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
  { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
];

/** printers.HumanReadablePrinter (NewTablePrinter). */
export class HumanReadablePrinter implements ResourcePrinter {
  private lastColumns: TableColumnDefinition[] | undefined;
  private printedHeaders = false;
  private lastType: string | undefined;

  constructor(readonly options: HumanPrintOptions, private readonly now: () => number = () => 0) {}

  printObj(input: unknown, output: PrintWriter): void {
    let w = output;
    let own: TabWriter | undefined;
    if (!(output instanceof TabWriter)) {
      own = new TabWriter(KUBECTL_TABWRITER, (t) => output.write(t));
      w = own;
    }
    try {
      this.print(input, w);
    } finally {
      own?.flush();
    }
  }

  private print(input: unknown, w: PrintWriter): void {
    let obj = input;
    let eventType = '';
    if (isWatchEvent(obj)) {
      eventType = obj.type;
      obj = obj.object;
    }
    if (isTable(obj)) {
      const local = { ...this.options };
      const same = this.lastColumns !== undefined && sameColumns(obj.columnDefinitions, this.lastColumns);
      if (this.printedHeaders && (obj.columnDefinitions.length === 0 || same)) local.noHeaders = true;
      let table: Table = obj;
      if (obj.columnDefinitions.length === 0) table = { ...obj, columnDefinitions: this.lastColumns ?? [] };
      else if (!same) {
        this.lastColumns = obj.columnDefinitions;
        this.printedHeaders = false;
      }
      if (table.rows.length > 0) this.printedHeaders = true;
      table = decorateTable(table, local);
      if (eventType) {
        table = {
          ...table,
          columnDefinitions: [{ name: 'Event', type: 'string', format: '', description: '', priority: 0 }, ...table.columnDefinitions],
          rows: table.rows.map((r) => ({ ...r, cells: [formattedEventType[eventType] ?? eventType, ...r.cells] })),
        };
      }
      printTable(table, w, local);
      return;
    }
    // Objects that are not Tables: NAME and AGE (printObjectMeta), or a Status.
    const isStatus = !!obj && typeof obj === 'object' && (obj as { kind?: string }).kind === 'Status';
    const handler = isStatus ? 'status' : 'meta';
    const includeHeaders = this.lastType !== handler && !this.options.noHeaders;
    if (this.lastType !== undefined && this.lastType !== handler && !this.options.noHeaders) w.write('\n');
    const columns = isStatus ? ['STATUS', 'REASON', 'MESSAGE'] : OBJECT_META_COLUMNS.map((c) => c.name.toUpperCase());
    const rows = isStatus ? [statusRow(obj)] : this.objectMetaRows(obj);
    if (includeHeaders) {
      let headers = [...columns, ...formatLabelHeaders(this.options.columnLabels ?? []), ...(this.options.showLabels ? ['LABELS'] : [])];
      if (this.options.withNamespace) headers = ['NAMESPACE', ...headers];
      if (eventType) headers = ['EVENT', ...headers];
      w.write(`${headers.join('\t')}\n`);
    }
    for (const r of rows) {
      let line = '';
      if (eventType) line += `${formattedEventType[eventType] ?? eventType}\t`;
      if (this.options.withNamespace) line += `${r.meta.namespace ?? ''}\t`;
      line += r.cells.map((c, i) => (i === 0 && this.options.withKind && this.options.kind ? `${this.options.kind.toLowerCase()}/${c}` : c)).join('\t');
      for (const key of this.options.columnLabels ?? []) line += `\t${r.meta.labels?.[key] ?? ''}`;
      if (this.options.showLabels) line += `\t${formatLabels(r.meta.labels)}`;
      w.write(`${line}\n`);
    }
    this.lastType = handler;
  }

  private objectMetaRows(obj: unknown): { cells: string[]; meta: RowMeta }[] {
    const o = obj as { items?: unknown[]; metadata?: RowMeta & { name?: string; creationTimestamp?: string } };
    if (Array.isArray(o.items)) return o.items.flatMap((it) => this.objectMetaRows(it));
    const m = o.metadata ?? {};
    const t = timestampMillis(m.creationTimestamp);
    return [{ cells: [m.name ?? '', t === undefined ? '<unknown>' : humanDuration(this.now() - t)], meta: m }];
  }
}

function statusRow(obj: unknown): { cells: string[]; meta: RowMeta } {
  const s = obj as { status?: string; reason?: string; message?: string };
  return { cells: [s.status ?? '', s.reason ?? '', s.message ?? ''], meta: {} };
}

function sameColumns(a: readonly TableColumnDefinition[], b: readonly TableColumnDefinition[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i].name && c.type === b[i].type && c.format === b[i].format &&
    c.priority === b[i].priority && c.description === b[i].description);
}
