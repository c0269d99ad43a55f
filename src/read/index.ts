/**
 * read: bytes as published → a ReadDocument, whatever the format. The format is decided by the
 * bytes (a PDF says %PDF-, a DOCX is a ZIP with word/document.xml, a legacy .doc/.wps is an OLE
 * file), then by the file name for HTML; everything else is text.
 */
import { extname } from 'node:path';
import { decode } from './decode.ts';
import type { ReadDocument } from './document.ts';
import { readHtml } from './html/index.ts';

export type Sniffed = 'pdf' | 'docx' | 'legacy-word' | 'html' | 'text';

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

export function sniff(bytes: Uint8Array, path: string): Sniffed {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes.subarray(0, 65536)).includes('word/')) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy-word';
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.shtml') return 'html';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'text';
}

/** A text file: decoded once, its lines as they are. */
export function readText(bytes: Uint8Array): ReadDocument {
  const { encoding, lines, damaged } = decode(bytes);
  // A few damaged bytes in UTF-8: the text stays, each damaged place is said (its line and byte offset).
  const notes = damaged.map(({ offset, line }) => ({ code: 'damaged' as const, line, message: `第${line}行（文件第 ${offset} 字节处）有无法解码的字节，已替换为“�”；该处文字可能缺失，请核对原文件。` }));
  return { format: 'text', encoding, lines, tables: [], notes };
}

export async function readDocument(bytes: Uint8Array, path: string): Promise<ReadDocument> {
  switch (sniff(bytes, path)) {
    case 'pdf':
      return (await import('./pdf/index.ts')).readPdf(bytes);
    case 'docx':
      // Loaded when first needed, like pdf.js: most archives are text and HTML.
      return (await import('./docx.ts')).readDocx(bytes);
    case 'html':
      return readHtml(bytes);
    case 'legacy-word':
      return {
        format: 'text',
        encoding: 'binary',
        lines: [],
        tables: [],
        notes: [{ code: 'legacy-format', message: `旧版 Word（.doc）或 WPS 文件无法直接读取。请转换为 .docx 或 PDF 后放入，例如：soffice --headless --convert-to docx "${path.split('/').pop()}"（LibreOffice），或在 Word/WPS 中“另存为”。` }],
      };
    default:
      return readText(bytes);
  }
}
