/** pdf/table: a table found on one page (or stitched over several), as rows of cells with spans expanded. */
import type { TableMethod } from '../document.ts';

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

/** Drop rows with no text at all. */
export const nonEmpty = (rows: string[][]): string[][] => rows.filter((r) => r.some((c) => c !== ''));
