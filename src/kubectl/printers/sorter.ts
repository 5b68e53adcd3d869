// --sort-by. Models k8s.io/kubectl/pkg/cmd/get sorter.go: SortingPrinter (Tables: rows by the JSONPath over
// each row's object; Lists: items), TableSorter, SortObjects/RuntimeSort.Less and isLess over unstructured
// values (numbers, strings compared as quantities when both parse, nil first), with Go's sort.Sort.
import type { Table } from '../../engine/api/types';
import { parseQuantity } from '../../engine/api';
import { goSortArray } from './go-sort';
import { JSONPath } from './jsonpath';
import { relaxedJSONPathExpression } from './custom-columns';
import { isList, PrintError, type PrintWriter, type ResourcePrinter } from './printer';
import { isTable } from './table-printer';

function quantityNanos(s: string): bigint | undefined {
  if (!/^[+-]?[0-9.]+([eEinumkKMGTP]*[-+]?[0-9]*)$/.test(s)) return undefined;
  try {
    return parseQuantity(s).nanos;
  } catch {
    return undefined;
  }
}

/** sorter.go isLess for two unstructured values. Throws PrintError for unsortable types. */
export function isLess(i: unknown, j: unknown): boolean {
  if ((i === null || i === undefined) && (j === null || j === undefined)) return false;
  if (i === null || i === undefined) return true;
  if (j === null || j === undefined) return false;
  if (typeof i === 'number' && typeof j === 'number') return i < j;
  if (typeof i === 'string' && typeof j === 'string') {
    const qi = quantityNanos(i);
    const qj = qi === undefined ? undefined : quantityNanos(j);
    if (qi === undefined || qj === undefined) return i < j;
    return qi < qj;
  }
  const t = Array.isArray(i) ? '[]interface {}' : typeof i === 'object' ? 'map[string]interface {}' : typeof i === 'boolean' ? 'bool' : typeof i;
  if (typeof i !== typeof j || Array.isArray(i) !== Array.isArray(j)) throw new PrintError(`unsortable interface: interface`);
  throw new PrintError(`unsortable type: ${t}`);
}

function firstValue(parser: JSONPath, obj: unknown): { found: boolean; v?: unknown } {
  const values = parser.findResults(obj);
  if (values.length === 0 || values[0].length === 0) return { found: false };
  return { found: true, v: values[0][0] };
}

function sortBy<T>(items: T[], field: string, objectOf: (x: T) => unknown, requireFound: boolean): T[] {
  let parser: JSONPath;
  try {
    parser = new JSONPath(field);
  } catch (e) {
    throw new PrintError(`sorting error: ${(e as Error).message}`);
  }
  parser.allowMissingKeys = true;
  const keys = new Map<T, { found: boolean; v?: unknown }>();
  for (const it of items) keys.set(it, firstValue(parser, objectOf(it)));
  if (requireFound && items.length > 0 && ![...keys.values()].some((k) => k.found)) {
    throw new PrintError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  }
  return goSortArray([...items], (a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (!ka.found) return true;
    if (!kb.found) return false;
    return isLess(ka.v, kb.v);
  });
}

/**
 * SortObjects: items sorted by the JSONPath (already relaxed) over objectOf(item); throws PrintError when no
 * item has the field.
 */
export function sortObjects<T>(items: T[], field: string, objectOf: (x: T) => unknown): T[] {
  return sortBy(items, field, objectOf, true);
}

/** TableSorter: a copy of the table with its rows sorted by the JSONPath over each row's object. */
export function sortTableRows(table: Table, field: string): Table {
  return { ...table, rows: sortBy(table.rows, field, (r) => r.object, true) };
}

/** SortingPrinter around a printer. */
export function sortingPrinter(delegate: ResourcePrinter, sortField: string): ResourcePrinter {
  return {
    printObj(obj: unknown, w: PrintWriter) {
      let field: string;
      try {
        field = relaxedJSONPathExpression(sortField);
      } catch {
        field = sortField;
      }
      if (isTable(obj) && obj.rows.length > 1) return delegate.printObj(sortTableRows(obj, field), w);
      if (isList(obj) && obj.items.length > 0) {
        return delegate.printObj({ ...obj, items: sortBy(obj.items, relaxedJSONPathExpression(sortField), (x) => x, true) }, w);
      }
      return delegate.printObj(obj, w);
    },
  };
}
