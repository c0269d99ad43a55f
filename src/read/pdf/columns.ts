/**
 * pdf/columns: the columns of a table found from alignment. Value columns are the clusters of
 * overlapping number chunks (numbers centred or aligned in a column overlap one another); label
 * columns are the clusters of label chunks in rows that print more than one label (a label alone
 * in its row may span the label columns). Each block (a header and its rows) has its own value
 * columns: a block with fewer of them (a value spanning columns) fills the table's first ones.
 */
import { cellValue } from '../cells.ts';
import { joinLines, lineText, type VisualLine } from './rows.ts';
import { nonEmpty, type PdfTable } from './table.ts';

export interface Row {
  y: number;
  parts: VisualLine[];
  /** Label text from lines around the row (wrapped or merged labels). */
  fragments: VisualLine[];
}

export interface Block {
  headers: VisualLine[][];
  rows: Row[];
}

interface Span {
  x0: number;
  x1: number;
}

export const isNumberChunk = (p: VisualLine) => cellValue(lineText(p)).kind === 'number';
const isValueChunk = (p: VisualLine) => cellValue(lineText(p)).kind !== 'text';

/** Overlapping intervals merged, left to right. */
function cluster(parts: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const p of [...parts].sort((a, b) => a.x0 - b.x0)) {
    const last = out.at(-1);
    if (last && p.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, p.x1);
    else out.push({ x0: p.x0, x1: p.x1 });
  }
  return out;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
const centre = (a: Span) => (a.x0 + a.x1) / 2;

/** The column a chunk belongs to: the leftmost it covers wholly, else the one it overlaps most, else the nearest. */
function place(p: Span, cols: readonly Span[]): number {
  const covered = cols.findIndex((c) => overlap(p, c) >= (c.x1 - c.x0) * 0.9 && c.x1 - c.x0 > 0);
  if (covered !== -1 && p.x1 - p.x0 > (cols[covered]!.x1 - cols[covered]!.x0) * 1.5) return covered;
  let best = 0;
  cols.forEach((c, i) => {
    const o = overlap(p, c);
    const b = overlap(p, cols[best]!);
    if (o > b || (o === b && Math.abs(centre(p) - centre(c)) < Math.abs(centre(p) - centre(cols[best]!)))) best = i;
  });
  return best;
}

/** Put text into a cell, after what is there already. */
const add = (cells: string[][], i: number, text: string) => cells[i]?.push(text);

export function layout(blocks: readonly Block[], page: number): PdfTable | null {
  const rows = blocks.flatMap((b) => b.rows);
  if (rows.length === 0) return null;
  const valueLeft = Math.min(...rows.flatMap((r) => r.parts.filter(isNumberChunk).map((p) => p.x0)));
  const isLabel = (p: VisualLine) => centre(p) < valueLeft - 2 && !(isValueChunk(p) && p.x0 >= valueLeft - 2);
  // Value columns of each block, and of the table (the block with the most).
  const blockCols = blocks.map((b) => cluster(b.rows.flatMap((r) => r.parts.filter((p) => !isLabel(p) && isValueChunk(p)))));
  const main = blockCols.reduce((a, b) => (b.length > a.length ? b : a), [] as Span[]);
  if (main.length === 0) return null;
  // Label columns: from rows with several labels; else one.
  const multi = rows.filter((r) => r.parts.filter(isLabel).length > 1).flatMap((r) => r.parts.filter(isLabel));
  const all = blocks.flatMap((b) => [...b.headers.flat(), ...b.rows.flatMap((r) => [...r.parts, ...r.fragments])]);
  const left = Math.min(...all.map((p) => p.x0));
  const right = Math.max(...all.map((p) => p.x1));
  const hasLabels = rows.some((r) => r.fragments.length > 0 || r.parts.some(isLabel));
  const labels = multi.length > 0 ? cluster(multi) : hasLabels ? [{ x0: left, x1: valueLeft - 2 }] : [];
  const L = labels.length;
  const width = L + main.length;
  const out: string[][] = [];
  blocks.forEach((b, bi) => {
    const cols = blockCols[bi]!.length > 0 ? blockCols[bi]! : main;
    const target = (p: VisualLine) => (isLabel(p) && L > 0 ? place(p, labels) : L + place(p, cols));
    for (const h of b.headers) {
      const cells: string[][] = Array.from({ length: width }, () => []);
      for (const p of h) add(cells, target(p), lineText(p));
      out.push(cells.map((c) => c.join(' ')));
    }
    for (const r of b.rows) {
      const cells: { y: number; text: string }[][] = Array.from({ length: width }, () => []);
      for (const p of r.parts) cells[target(p)]?.push({ y: r.y, text: lineText(p) });
      for (const f of r.fragments) cells[L > 0 ? place(f, labels) : 0]?.push({ y: f.y, text: lineText(f) });
      out.push(cells.map((c) => joinLines(c.sort((a, b) => a.y - b.y).map((t) => t.text))));
    }
  });
  const spans = [...labels, ...main];
  const columns = [left, ...spans.slice(1).map((s, i) => (spans[i]!.x1 + s.x0) / 2), right];
  const kept = nonEmpty(out);
  const top = Math.min(...all.map((p) => p.top));
  const bottom = Math.max(...all.map((p) => p.bottom));
  return { method: 'stream', pages: [page], x0: left, x1: right, top, bottom, columns, rows: kept, rowPages: kept.map(() => page) };
}
