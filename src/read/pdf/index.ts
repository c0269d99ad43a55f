/**
 * pdf: a PDF → ReadDocument, as a chain of small steps — objects (chars and rules from pdf.js),
 * edges, lattice (ruled tables), stream (tables without full ruling), lines (the text between
 * them), pages (furniture dropped, tables stitched over page breaks). Never throws: a file pdf.js
 * cannot open, or a page without a text layer, becomes a note.
 */
import type { SourceLine } from '../decode.ts';
import type { ReadDocument, ReaderNote, TableFound } from '../document.ts';
import { openPdf } from './pdfjs.ts';
import { pageObjects, type PageObjects } from './objects.ts';
import { edges } from './edges.ts';
import { lattice } from './lattice.ts';
import { stream } from './stream.ts';
import { textLines } from './lines.ts';
import { dropFurniture, stitch, type Item, type PageItems } from './pages.ts';
import { fixRadicals } from './radicals.ts';
import { isSpace } from './rows.ts';
import { valueStart } from '../cells.ts';

const doc = (lines: SourceLine[], tables: TableFound[], notes: ReaderNote[]): ReadDocument => ({ format: 'pdf', encoding: 'pdf', lines, tables, notes });

/** One page's tables and text lines, top to bottom. */
function readPage(o: PageObjects): Item[] {
  const chars = o.chars.map((c) => ({ ...c, c: fixRadicals(c.c) }));
  const ruled = lattice(edges(o.boxes, o), chars, o.page);
  const aligned = stream(ruled.rest, edges(o.boxes, o), ruled.tables, o.page);
  const items: Item[] = [
    ...[...ruled.tables, ...aligned.tables].map((table): Item => ({ kind: 'table', top: table.top, table })),
    ...textLines(aligned.rest).map((line): Item => ({ kind: 'text', top: line.top, line })),
  ];
  return items.sort((a, b) => a.top - b.top || (a.kind === 'text' && b.kind === 'text' ? a.line.x0 - b.line.x0 : 0));
}

/** Pages → numbered lines (table rows with their cells) and the tables found. */
function toLines(pages: PageItems[]): { lines: SourceLine[]; tables: TableFound[] } {
  const lines: SourceLine[] = [];
  const tables: TableFound[] = [];
  for (const p of pages) {
    for (const item of p.items) {
      if (item.kind === 'text') {
        lines.push({ line: lines.length + 1, text: item.line.text, page: p.page });
        continue;
      }
      const t = item.table;
      const start = lines.length;
      const first = valueStart(t.rows);
      t.rows.forEach((cells, i) => lines.push({ line: lines.length + 1, text: cells.join('\t'), cells, valueStart: first, page: t.rowPages[i] ?? p.page }));
      tables.push({ method: t.method, start, end: lines.length, rows: t.rows.length, columns: t.columns.length - 1, pages: t.pages });
    }
  }
  return { lines, tables };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  let pdf: Awaited<ReturnType<typeof openPdf>>;
  try {
    pdf = await openPdf(bytes);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') return doc([], [], [{ code: 'encrypted', message: 'PDF 已加密，需要密码才能读取' }]);
    return doc([], [], [{ code: 'unreadable', message: `无法读取 PDF：${e instanceof Error ? e.message : String(e)}` }]);
  }
  const notes: ReaderNote[] = [];
  const pages: PageItems[] = [];
  const scanned: number[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      try {
        const o = await pageObjects(await pdf.getPage(n), n);
        if (o.chars.every((c) => isSpace(c.c))) {
          if (o.images > 0) scanned.push(n);
          continue;
        }
        pages.push({ page: n, height: o.height, items: readPage(o) });
      } catch (e) {
        notes.push({ code: 'unreadable', message: `无法读取第${n}页：${e instanceof Error ? e.message : String(e)}`, page: n });
      }
    }
    if (scanned.length > 0 && scanned.length === pdf.numPages) {
      notes.push({ code: 'scanned', message: `扫描件（图片版）PDF，无文字层：全部${pdf.numPages}页都是图片，需要文字版或 OCR` });
    } else {
      for (const n of scanned) notes.push({ code: 'scanned', message: `扫描件（图片版）PDF，无文字层：第${n}页只有图片，需要文字版或 OCR`, page: n });
    }
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
  const { lines, tables } = toLines(stitch(dropFurniture(pages)));
  return doc(lines, tables, notes);
}
