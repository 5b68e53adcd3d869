// Prints a server-side Table as `kubectl get` does. Models k8s.io/cli-runtime/pkg/printers
// tableprinter.go (PrintTable, printRows, decorateTable) with kubectl's options.
import type { Table, TableRow } from '../../engine/api/types';
import { tabwrite } from './tabwriter';

/** Options of the human-readable printer. */
export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  /** -L label columns. */
  labelColumns?: string[];
  /** A NAMESPACE column first (kubectl get -A). */
  withNamespace?: boolean;
  /** Prefix names with "<kind>/" (several kinds in one get). */
  kindPrefix?: string;
}

/** Formats one cell value as kubectl prints it. */
export function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function rowMeta(row: TableRow): { name?: string; namespace?: string; labels?: Record<string, string> } {
  const o = row.object as { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } } | undefined;
  return o?.metadata ?? {};
}

/** The header cells and row cells a Table prints as (before layout). */
export function tableLines(table: Table, opts: TableOptions): { header: string[]; rows: string[][] } {
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
  const header: string[] = [];
  if (opts.withNamespace) header.push('NAMESPACE');
  for (const { c } of cols) header.push(c.name.toUpperCase());
  for (const l of opts.labelColumns ?? []) header.push(l.split('/').pop()!.toUpperCase());
  if (opts.showLabels) header.push('LABELS');
  const rows = table.rows.map((r) => {
    const meta = rowMeta(r);
    const cells: string[] = [];
    if (opts.withNamespace) cells.push(meta.namespace ?? '');
    cols.forEach(({ i }, k) => {
      let cell = formatCell(r.cells[i]);
      if (k === 0 && opts.kindPrefix) cell = `${opts.kindPrefix}/${cell}`;
      cells.push(cell);
    });
    for (const l of opts.labelColumns ?? []) cells.push(meta.labels?.[l] ?? '');
    if (opts.showLabels) cells.push(formatLabels(meta.labels));
    return cells;
  });
  return { header, rows };
}

/** labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Renders a Table. */
export function printTable(table: Table, opts: TableOptions = {}): string {
  const { header, rows } = tableLines(table, opts);
  return tabwrite(opts.noHeaders ? rows : [header, ...rows]);
}
