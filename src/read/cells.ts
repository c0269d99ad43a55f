/**
 * Cells of a table line, and the value of a cell.
 * A cell keeps its text and its 1-based column in the source line so that findings can point at it.
 */
import { toHalfWidth } from './text.ts';

export interface RawCell {
  text: string;
  column: number;
}

/** True for a line laid out with spaces (pdftotext -layout): no tabs, no pipes. */
export const isLayoutLine = (line: string): boolean => !/[\t|]/.test(line);

/**
 * Cells of a space-aligned line: runs of two or more spaces separate cells, and numbers
 * separated by single spaces are cells of their own. Columns are character positions, which is
 * how pdftotext -layout aligns text (one character per grid cell, CJK included).
 */
function splitLayout(line: string): RawCell[] {
  const out: RawCell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.replace(/\u3000/g, ' '))) !== null) {
    const parts = m[0].split(' ');
    if (parts.length > 1 && parts.every((p) => cellValue(p).kind !== 'text')) {
      let at = m.index;
      for (const p of parts) {
        out.push({ text: p, column: at + 1 });
        at += p.length + 1;
      }
    } else out.push({ text: m[0], column: m.index + 1 });
  }
  return out;
}

/**
 * Split a line into cells on tabs or 「|」 (empty cells are kept: they may be blank table cells),
 * or, for a space-aligned line, on runs of spaces (empty cells are then simply absent).
 */
export function splitCells(line: string): RawCell[] {
  if (isLayoutLine(line)) return splitLayout(line);
  const out: RawCell[] = [];
  const re = /[^\t|]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    out.push({ text: m[0].trim(), column: m.index + 1 + (m[0].length - m[0].trimStart().length) });
    if (re.lastIndex >= line.length) break;
    re.lastIndex++; // step over the separator
  }
  return out;
}

export type CellValue =
  | { kind: 'number'; value: number; literal?: string; unit?: string }
  | { kind: 'null'; literal?: string } // blank, dash, 「/」, 「无」
  | { kind: 'text' };

const NULL_WORDS = /^(?:[-—–－─―~～/／\\]+|无|空|不适用)$/;
const UNITS = /(万元|元|件|条|个|项|次|人次|%)$/;

/** Read a cell: plain numbers, 〇, thousands separators, signs, glued units; null for blanks and dashes. */
export function cellValue(raw: string): CellValue {
  const t = toHalfWidth(raw).trim();
  if (t === '') return { kind: 'null' };
  if (NULL_WORDS.test(t)) return { kind: 'null', literal: raw.trim() };
  let s = t.replace(/〇/g, '0').replace(/\s+/g, '');
  let unit: string | undefined;
  const u = UNITS.exec(s);
  if (u && s.length > u[0].length) {
    unit = u[0];
    s = s.slice(0, -u[0].length);
  }
  if (/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(s)) {
    const value = Number(s.replace(/,/g, ''));
    const plain = /^\d+(?:\.\d+)?$/.test(raw.trim());
    return { kind: 'number', value, ...(plain ? {} : { literal: raw.trim() }), ...(unit ? { unit } : {}) };
  }
  return { kind: 'text' };
}

export const isNumeric = (raw: string): boolean => cellValue(raw).kind === 'number';

/**
 * The first column of a table that holds values (the columns before it hold row labels): the
 * smallest at which some row has a number or a stated blank (—, /, 无). For grids read from a
 * document's structure (PDF, HTML, DOCX), where every row has every column.
 */
export function valueStart(rows: readonly (readonly string[])[]): number {
  let start = Infinity;
  for (const row of rows) {
    const i = row.findIndex((c) => c !== '' && cellValue(c).kind !== 'text');
    if (i >= 0) start = Math.min(start, i);
  }
  return Number.isFinite(start) ? start : 0;
}
