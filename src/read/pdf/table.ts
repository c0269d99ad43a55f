/** pdf/table: a table found on one page (or stitched over several), as rows of cells with spans expanded. */
import type { TableMethod } from '../document.ts';
import { cellValue } from '../cells.ts';

export interface PdfTable {
  method: Extract<TableMethod, 'lattice' | 'stream'>;
  pages: number[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Column boundaries, left to right (columns + 1 of them). */
  columns: number[];
  /** Every row has every column: a merged cell's text in its first slot, '' in the slots it covers. */
  rows: string[][];
  /** The page each row stands on. */
  rowPages: number[];
}

/** The first column holding values: the smallest column index at which some row has a number. */
export function valueStart(rows: readonly string[][]): number {
  let min = Infinity;
  for (const r of rows) {
    const i = r.findIndex((c) => cellValue(c).kind === 'number');
    if (i !== -1) min = Math.min(min, i);
  }
  return Number.isFinite(min) ? min : 0;
}

/** Drop rows with no text at all. */
export const nonEmpty = (rows: string[][]): string[][] => rows.filter((r) => r.some((c) => c !== ''));
