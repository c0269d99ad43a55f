/**
 * Cells of a table line, and the value of a cell.
 * A cell keeps its text and its 1-based column in the source line so that findings can point at it.
 */
import { toHalfWidth } from './text.ts';

export interface RawCell {
  text: string;
  column: number;
}

/** A cell separator: a tab or 「|」. */
const SEPARATOR = /[\t|]/;

/** True for a line laid out with spaces (pdftotext -layout): no tabs, no pipes. */
export const isLayoutLine = (line: string): boolean => !SEPARATOR.test(line);

/**
 * Cells of a space-aligned line: runs of two or more spaces separate cells, and numbers
 * separated by single spaces are cells of their own. Columns are character positions, which is
 * how pdftotext -layout aligns text (one character per grid cell, CJK included).
 */
function splitLayout(line: string): RawCell[] {
  const out: RawCell[] = [];
  const re = /\S+(?: \S+)*/g;
  const spaced = line.replace(/\u3000/g, ' ');
  let m: RegExpExecArray | null;
  while ((m = re.exec(spaced)) !== null) {
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
  let at = 0; // where the piece starts
  for (const piece of line.split(SEPARATOR)) {
    out.push({ text: piece.trim(), column: at + 1 + (piece.length - piece.trimStart().length) });
    at += piece.length + 1; // the piece and its separator
  }
  return out;
}

export type CellValue =
  | { kind: 'number'; value: number; literal?: string; unit?: string }
  | { kind: 'null'; literal?: string } // blank, dash, 「/」, 「无」
  | { kind: 'text' };

const NULL_WORDS = /^(?:[-—–－─―~～/／\\]+|无|空|不适用)$/;
const UNITS = /(万元|元|件|条|个|项|次|人次|%)$/;

/** A cell that is only ASCII digits (most cells of every table): its value is the number, nothing more to say. */
const PLAIN = /^\d+(?:\.\d+)?$/;

/**
 * A cell with a Chinese character that is neither in 无, 空, 不适用 nor in a unit (万元 件 条 个 项
 * 次 人次) is text: no blank and no number has one. (〇 is no CJK ideograph of this range.) Row
 * labels, read before their values, take this way out.
 */
const HAN_TEXT = /(?![无空不适用万元件条个项次人])[\u4e00-\u9fff]/;

/** Read a cell: plain numbers, 〇, thousands separators, signs, glued units; null for blanks and dashes. */
export function cellValue(raw: string): CellValue {
  // Each cell is read several times (row label or value, column, cell): the common cases first.
  if (PLAIN.test(raw)) return { kind: 'number', value: Number(raw) };
  if (HAN_TEXT.test(raw)) return { kind: 'text' };
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
    const out: CellValue = { kind: 'number', value: Number(s.replace(/,/g, '')) };
    if (!PLAIN.test(raw.trim())) out.literal = raw.trim();
    if (unit) out.unit = unit;
    return out;
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
