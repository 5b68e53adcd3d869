// Shared set-up of the printer tests: a fixed "now", timestamps relative to it, and the table-driven
// rows that pair a handler's cells with the expected ones for each case (as printers_test.go does per kind).
import type { TableHandler } from './handler';

/** The tests' "now": 2025-01-15T09:00:00Z, in ms. */
export const NOW = Date.UTC(2025, 0, 15, 9, 0, 0);

/** The RFC 3339 timestamp `ms` before NOW (negative: after). */
export const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');

/** 1.9 s ahead of NOW: clock skew still printed as "0s". */
export const SOON = ago(-1900);

/** A minute in ms. */
export const M = 60_000;

/** What the printers show for a value they cannot tell. */
export const U = '<unknown>';

/** One row: the object and the cells its handler prints at NOW. */
export interface Case { name: string; obj: unknown; cells: unknown[] }

/** Each case's name, the cells `h` prints for its object at NOW, and the cells it should print. */
export const rowsOf = (h: TableHandler, cases: Case[]): { name: string; got: unknown[]; want: unknown[] }[] =>
  cases.map(({ name, obj, cells }) => ({ name, got: h.cells(obj, NOW), want: cells }));
