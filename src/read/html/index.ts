/**
 * read (HTML): a portal page or a Word document converted to HTML → the report's lines, with each
 * data table's rows carrying their cells. Through the unified ecosystem: rehype-parse gives hast.
 * Short lines before the article container (the page heading, 索引号/发布机构/发文日期 fields) are
 * kept as identity evidence; navigation and footers after it are not the report.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { SourceLine } from '../decode.ts';
import type { Format, ReadDocument, TableFound } from '../document.ts';
import { decodeHtml } from './charset.ts';
import { findContainer } from './container.ts';
import { isDataTable, tableGrid } from './grid.ts';
import { BLOCKS, SKIP, tidy } from './text.ts';
import { valueStart } from '../cells.ts';

/** A line of the page before the report that is kept: headings and page fields are short. */
const CHROME_LINE_MAX = 120;

interface State {
  lines: { text: string; cells?: string[]; valueStart?: number }[];
  tables: Omit<TableFound, 'start' | 'end'>[];
  tableAt: number[];
  open: string;
  container: Element | Root;
  /** 'before' the container, 'in' it, or 'after' it. */
  where: 'before' | 'in' | 'after';
}

function flush(s: State) {
  const t = tidy(s.open);
  s.open = '';
  if (!t) return;
  if (s.where === 'in' || (s.where === 'before' && t.length <= CHROME_LINE_MAX)) s.lines.push({ text: t });
}

function walk(node: Element | Root, s: State) {
  for (const c of node.children as ElementContent[]) {
    if (c.type === 'text') s.open += c.value;
    if (c.type !== 'element' || SKIP.has(c.tagName)) continue;
    const isContainer = c === s.container;
    if (isContainer) {
      flush(s);
      s.where = 'in';
    }
    if (c.tagName === 'br') flush(s);
    else if (c.tagName === 'table' && isDataTable(c) && s.where !== 'after') {
      flush(s);
      const rows = tableGrid(c).filter((r) => r.some((x) => x !== ''));
      if (s.where === 'in' || rows.length <= 6) {
        const start = valueStart(rows);
        s.tableAt.push(s.lines.length);
        for (const cells of rows) s.lines.push({ text: cells.join('\t'), cells, valueStart: start });
        s.tables.push({ method: 'html', rows: rows.length, columns: rows[0]?.length ?? 0 });
      }
    } else {
      const block = BLOCKS.has(c.tagName) || c.tagName === 'table' || c.tagName === 'td' || c.tagName === 'th';
      if (block) flush(s);
      walk(c, s);
      if (block) flush(s);
    }
    if (isContainer) {
      flush(s);
      s.where = 'after';
    }
  }
}

function pageTitle(root: Root): string | null {
  const find = (n: Element | Root): Element | null => {
    for (const c of n.children as ElementContent[]) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'title') return c;
      if (c.tagName === 'html' || c.tagName === 'head') {
        const t = find(c);
        if (t) return t;
      }
    }
    return null;
  };
  const t = find(root);
  const text = t ? tidy(t.children.map((c) => (c.type === 'text' ? c.value : '')).join('')) : '';
  return text.split(/\s*[_|｜]\s*|\s+-\s+/u)[0] || null;
}

/** Read an HTML page (or Word converted to HTML, `format` 'docx') into lines. */
export function readHtmlText(html: string, encoding: string, format: Format = 'html', whole = false): ReadDocument {
  const root = unified().use(rehypeParse).parse(html) as Root;
  const container = whole ? root : findContainer(root).element;
  const s: State = { lines: [], tables: [], tableAt: [], open: '', container, where: container === root ? 'in' : 'before' };
  // The page's <title> (「标题_网站名」) names the report where the page has no heading of its own.
  const title = format === 'html' ? pageTitle(root) : null;
  if (title) s.lines.push({ text: title });
  walk(root, s);
  flush(s);
  const lines: SourceLine[] = s.lines.map((l, i) => ({ line: i + 1, ...l }));
  const tables: TableFound[] = s.tables.map((t, k) => ({ ...t, start: s.tableAt[k]!, end: s.tableAt[k]! + t.rows }));
  return { format, encoding, lines, tables, notes: [] };
}

export function readHtml(bytes: Uint8Array): ReadDocument {
  const { text, encoding } = decodeHtml(bytes);
  return readHtmlText(text, encoding);
}
