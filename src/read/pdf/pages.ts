/**
 * pdf/pages: what is printed on every page rather than in the report — page numbers and running
 * footers such as 「— 2 —」「- 2 -」「第 2 页」 — is dropped, and a table that goes on over a page
 * break (the last thing on one page, the first on the next, with the same column boundaries) is
 * stitched into one; a header repeated on the new page is dropped.
 */
import { isPageFurniture } from '../text.ts';
import type { PdfTable } from './table.ts';
import { valueStart } from '../cells.ts';
import type { TextLine } from './lines.ts';

export type Item = { kind: 'text'; top: number; line: TextLine } | { kind: 'table'; top: number; table: PdfTable };

export interface PageItems {
  page: number;
  height: number;
  items: Item[];
}

/** A page number or running footer: the furniture patterns, or a bare number in the top or bottom margin. */
function isFurniture(line: TextLine, height: number): boolean {
  if (isPageFurniture(line.text)) return true;
  const margin = line.top > height * 0.9 || line.bottom < height * 0.1;
  return margin && /^(?:[-—–－─]\s*)?\d{1,4}(?:\s*[-—–－─])?$/.test(line.text.trim());
}

export function dropFurniture(pages: PageItems[]): PageItems[] {
  return pages.map((p) => ({ ...p, items: p.items.filter((i) => i.kind !== 'text' || !isFurniture(i.line, p.height)) }));
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** Label and value columns of a part: values from the first column where some row has a number. */
function split(t: PdfTable): { labels: number[]; values: number[] } {
  const L = valueStart(t.rows);
  return { labels: t.columns.slice(0, L), values: t.columns.slice(L) };
}

/**
 * Two parts of one table: same method, same outer right edge, and the same value columns. Label
 * columns may differ: a part whose label cells all span the label columns has fewer of them drawn
 * (or, without rules, found).
 */
function sameColumns(a: PdfTable, b: PdfTable): boolean {
  const tol = a.method === 'lattice' ? 4 : 8;
  const va = split(a).values;
  const vb = split(b).values;
  // The first value boundary is where the labels end, which a part without its long labels moves.
  return a.method === b.method && va.length > 1 && va.length === vb.length && va.every((x, i) => i === 0 || near(x, vb[i]!, tol)) && near(a.x0, b.x0, tol * 3);
}

/** A part's rows on the columns of the whole: each label cell in the nearest label slot, values in order. */
function regrid(t: PdfTable, labels: readonly number[], width: number): string[][] {
  const own = split(t).labels;
  const slot = own.map((x) => labels.reduce((best, y, i) => (Math.abs(y - x) < Math.abs(labels[best]! - x) ? i : best), 0));
  return t.rows.map((row) => {
    const out = Array<string>(width).fill('');
    row.forEach((c, i) => {
      const k = i < own.length ? slot[i]! : labels.length + (i - own.length);
      if (c !== '') out[k] = out[k] ? `${out[k]} ${c}` : c;
    });
    return out;
  });
}

const sameRow = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** Join `next` onto `table`, leaving out the header rows `next` repeats. */
function join(table: PdfTable, next: PdfTable): PdfTable {
  const wider = split(table).labels.length >= split(next).labels.length ? table : next;
  const { labels, values } = split(wider);
  const width = labels.length + values.length - 1;
  const above = regrid(table, labels, width);
  const below = regrid(next, labels, width);
  let skip = 0;
  while (skip < below.length && skip < above.length && sameRow(below[skip]!, above[skip]!)) skip++;
  if (skip === below.length) skip = 0; // identical tables: not a repeated header
  return {
    ...table,
    columns: wider.columns,
    pages: [...table.pages, ...next.pages],
    bottom: next.bottom,
    rows: [...above, ...below.slice(skip)],
    rowPages: [...table.rowPages, ...next.rowPages.slice(skip)],
  };
}

/** Stitch tables broken by a page break (run after dropFurniture). */
export function stitch(pages: PageItems[]): PageItems[] {
  const out = pages.map((p) => ({ ...p, items: [...p.items] }));
  for (let i = out.length - 1; i > 0; i--) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    const last = prev.items.at(-1);
    const first = cur.items[0];
    if (last?.kind !== 'table' || first?.kind !== 'table' || !sameColumns(last.table, first.table)) continue;
    prev.items[prev.items.length - 1] = { ...last, table: join(last.table, first.table) };
    cur.items.shift();
  }
  return out;
}
