/**
 * read (DOCX): a Word file through mammoth, which turns its tables into HTML with `colspan`/`rowspan`
 * from Word's `gridSpan`/`vMerge`; from there the HTML reader gives lines and grids. The whole
 * document is the report (no page chrome).
 */
import mammoth from 'mammoth';
import type { ReadDocument } from './document.ts';
import { readHtmlText } from './html/index.ts';

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return readHtmlText(value, 'docx', 'docx', true);
  } catch (err) {
    return {
      format: 'docx',
      encoding: 'docx',
      lines: [],
      tables: [],
      notes: [{ code: 'unreadable', message: `Word 文件无法读取（${(err as Error).message.split('\n')[0]}）。文件可能已损坏或加密；请用 Word/WPS 另存为 .docx 或 PDF 后再放入。` }],
    };
  }
}
