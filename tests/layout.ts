/**
 * Renders a sample's tab-separated tables the way `pdftotext -layout` prints them: labels in a
 * left column (long ones wrapped onto a line above), values on a fixed character grid, blank
 * cells as spaces. Used to generate layout variants of the samples for the tests.
 */
import { cellValue } from '../src/read/cells.ts';

const LABEL = 40;
const COL = 11;

export function layoutLine(line: string, blank: ReadonlySet<number> = new Set()): string[] {
  const cells = line.split('\t').map((c) => c.trim());
  const first = cells.findIndex((c) => c !== '' && cellValue(c).kind !== 'text');
  if (first === -1) {
    // Column headers that sit over value columns (table 4's 结果维持 …) are printed on the grid.
    if (cells[0] === '' || cells[0]!.startsWith('结果')) return [' '.repeat(LABEL) + cells.map((c) => c.padStart(COL)).join("")];
    return [cells.filter(Boolean).join('  ')];
  }
  const label = cells.slice(0, first).filter(Boolean).join(' ');
  let values = cells.slice(first);
  while (values.length && values[values.length - 1] === '') values.pop();
  values = values.map((v, i) => (blank.has(i) ? '' : v));
  const grid = values.map((v) => v.padStart(COL)).join('');
  // A long label wraps: its head on a line of its own, the rest beside the values; a very long
  // one takes three lines with the values vertically centred on the middle one.
  if (label.length > 40) return [label.slice(0, 16), label.slice(16, 32).padEnd(LABEL) + grid, label.slice(32)];
  if (label.length > 24) return [label.slice(0, 16), label.slice(16).padEnd(LABEL) + grid];
  return [label.padEnd(LABEL) + grid];
}

/** The whole text with every tab line laid out; `blanks` maps a 1-based source line to the value columns to leave blank. */
export function toLayout(text: string, blanks: Record<number, number[]> = {}, footerAfter?: number): string {
  return text
    .split('\n')
    .flatMap((l, i) => {
      const out = l.includes('\t') ? layoutLine(l, new Set(blanks[i + 1] ?? [])) : [l];
      return footerAfter === i + 1 ? [...out, '', '— 3 —', '\f'] : out;
    })
    .join('\n');
}
