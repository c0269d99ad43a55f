/**
 * read (HTML): a <table> as a grid — rows × columns with `rowspan`/`colspan` expanded, each merged
 * cell's text in its first slot and '' in the slots it covers, a blank cell (&nbsp;) as ''.
 * The same grid a PDF's ruling lines give, so tables 2–4 are read the same way whatever the format.
 */
import type { Element, ElementContent } from 'hast';
import { cellText } from './text.ts';

const isElement = (n: ElementContent): n is Element => n.type === 'element';

/** The rows of a table, its own only (not those of a table nested in a cell). */
function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children.filter(isElement)) {
      if (c.tagName === 'tr') out.push(c);
      else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) walk(c);
    }
  };
  walk(table);
  return out;
}

const span = (cell: Element, name: 'rowSpan' | 'colSpan') => {
  const n = Number(cell.properties?.[name] ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 100) : 1;
};

export function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of tr.children.filter(isElement).filter((e) => e.tagName === 'td' || e.tagName === 'th')) {
      while (taken[r]![c]) c++;
      const [rows, cols] = [span(cell, 'rowSpan'), span(cell, 'colSpan')];
      for (let dr = 0; dr < rows; dr++)
        for (let dc = 0; dc < cols; dc++) {
          (grid[r + dr] ??= [])[c + dc] = dr === 0 && dc === 0 ? cellText(cell) : '';
          (taken[r + dr] ??= [])[c + dc] = true;
        }
      c += cols;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** Whether a table holds data rather than a page's layout: rows of cells, no table inside a cell. */
export function isDataTable(table: Element): boolean {
  let nested = false;
  const walk = (n: Element) => {
    for (const c of n.children.filter(isElement)) {
      if (c.tagName === 'table') nested = true;
      else walk(c);
    }
  };
  walk(table);
  return !nested && rowsOf(table).length >= 1;
}
