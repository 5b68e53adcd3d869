// The little SQL the simulated psql and mysql clients understand: SELECT of literals and
// functions, CREATE TABLE, INSERT … VALUES, SELECT * FROM, DROP TABLE. Rows live in a RecordStore.
import type { RecordStore, Row } from './records';

/** A result set, or a command tag ("CREATE TABLE", "INSERT 0 1"), or an error message. */
export type SqlResult = { columns: string[]; rows: string[][] } | { tag: string } | { error: string };

function values(list: string): string[] {
  return [...list.matchAll(/'((?:[^']|'')*)'|([^,\s][^,]*)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim()));
}

/** Runs one statement. `fns` answers SELECT of functions (version(), current_database()). */
export function runSql(sql: string, store: RecordStore, schema: string, fns: Record<string, string>): SqlResult {
  const s = sql.trim().replace(/;\s*$/, '');
  let m: RegExpExecArray | null;
  if ((m = /^create\s+table\s+(?:if\s+not\s+exists\s+)?(\w+)\s*\((.*)\)$/is.exec(s))) {
    const table = `${schema}.${m[1].toLowerCase()}`;
    if (store.has(table) && !/if\s+not\s+exists/i.test(s)) return { error: `relation "${m[1]}" already exists` };
    const cols = m[2].split(',').map((c) => c.trim().split(/\s+/)[0].toLowerCase()).filter((c) => !/^(primary|unique|constraint|foreign)$/.test(c));
    store.replace(table, [{ __columns: cols }]);
    return { tag: 'CREATE TABLE' };
  }
  if ((m = /^insert\s+into\s+(\w+)\s*(?:\(([^)]*)\))?\s*values\s*(.*)$/is.exec(s))) {
    const table = `${schema}.${m[1].toLowerCase()}`;
    if (!store.has(table)) return { error: `relation "${m[1]}" does not exist` };
    const [head, ...rows] = store.rows(table);
    const cols = m[2] ? m[2].split(',').map((c) => c.trim().toLowerCase()) : (head.__columns as string[]);
    const tuples = [...m[3].matchAll(/\(([^)]*)\)/g)].map((t) => values(t[1]));
    const added: Row[] = tuples.map((t) => Object.fromEntries(cols.map((c, i) => [c, t[i] ?? null])));
    store.replace(table, [head, ...rows, ...added]);
    return { tag: `INSERT 0 ${added.length}` };
  }
  if ((m = /^select\s+\*\s+from\s+(\w+)(?:\s+limit\s+(\d+))?$/is.exec(s))) {
    const table = `${schema}.${m[1].toLowerCase()}`;
    if (!store.has(table)) return { error: `relation "${m[1]}" does not exist` };
    const [head, ...rows] = store.rows(table);
    const cols = head.__columns as string[];
    const limited = m[2] ? rows.slice(0, Number(m[2])) : rows;
    return { columns: cols, rows: limited.map((r) => cols.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c])))) };
  }
  if ((m = /^drop\s+table\s+(?:if\s+exists\s+)?(\w+)$/is.exec(s))) {
    store.replace(`${schema}.${m[1].toLowerCase()}`, []);
    return { tag: 'DROP TABLE' };
  }
  if ((m = /^select\s+(.+)$/is.exec(s))) {
    const exprs = m[1].split(',').map((e) => e.trim());
    const cols: string[] = [];
    const row: string[] = [];
    for (const e of exprs) {
      const fn = /^(\w+)\(\)$/.exec(e);
      if (fn && fns[fn[1].toLowerCase()] !== undefined) { cols.push(fn[1].toLowerCase()); row.push(fns[fn[1].toLowerCase()]); }
      else if (/^-?\d+$/.test(e)) { cols.push(fns.__literal ?? '?column?'); row.push(e); }
      else if (/^'.*'$/.test(e)) { cols.push(fns.__literal ?? '?column?'); row.push(e.slice(1, -1)); }
      else return { error: `column "${e}" does not exist` };
    }
    return { columns: cols, rows: [row] };
  }
  return { error: `syntax error at or near "${s.split(/\s+/)[0] ?? ''}"` };
}

/** psql's aligned table: " col \n-----\n val\n(1 row)\n". */
export function psqlTable(r: { columns: string[]; rows: string[][] }): string {
  const widths = r.columns.map((c, i) => Math.max(c.length, ...r.rows.map((row) => row[i].length)));
  const center = (c: string, w: number) => { const l = Math.floor((w - c.length) / 2); return ' '.repeat(l) + c + ' '.repeat(w - c.length - l); };
  const head = ` ${r.columns.map((c, i) => center(c, widths[i])).join(' | ')} `;
  const sep = widths.map((w) => '-'.repeat(w + 2)).join('+');
  const body = r.rows.map((row) => ` ${row.map((v, i) => (/^-?\d+$/.test(v) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} `);
  return `${[head, sep, ...body].join('\n')}\n(${r.rows.length} row${r.rows.length === 1 ? '' : 's'})\n\n`;
}

/** mysql's batch output (tab-separated, header line) or its boxed table on a terminal. */
export function mysqlTable(r: { columns: string[]; rows: string[][] }, tty: boolean): string {
  if (!tty) return [r.columns.join('\t'), ...r.rows.map((row) => row.join('\t'))].map((l) => `${l}\n`).join('');
  const widths = r.columns.map((c, i) => Math.max(c.length, ...r.rows.map((row) => row[i].length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return `${[line, fmt(r.columns), line, ...r.rows.map(fmt), line].join('\n')}\n${r.rows.length} row${r.rows.length === 1 ? '' : 's'} in set (0.00 sec)\n\n`;
}
