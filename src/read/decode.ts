/**
 * read: bytes → text lines with source positions.
 * Real archives hold UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK.
 */
import iconv from 'iconv-lite';

export interface SourceLine {
  /** 1-based line number in the decoded text. */
  line: number;
  text: string;
  /**
   * A table row as the document's own structure gives it (PDF ruling lines, HTML/DOCX cells): every
   * column in order, spans expanded ('' in the slots a merged cell covers, '' for a blank cell).
   * `text` is then these cells joined by tabs. Absent for text files, whose rows are split from `text`.
   */
  cells?: string[];
  /** For a table row with `cells`: the first column that holds values (the columns before it hold the row's label). */
  valueStart?: number;
  /** For text read from a PDF: the 1-based page the line stands on. */
  page?: number;
}

export interface DecodedText {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  lines: SourceLine[];
}

function detect(bytes: Uint8Array): { encoding: DecodedText['encoding']; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be') };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not valid UTF-8: Chinese government files are then almost always GBK/GB18030.
    return { encoding: 'gb18030', text: iconv.decode(Buffer.from(bytes), 'gb18030') };
  }
}

/** Decode bytes and split into lines (LF, CRLF and lone CR all end a line). */
export function decode(bytes: Uint8Array): DecodedText {
  const { encoding, text } = detect(bytes);
  // Form feeds (page breaks) only separate pages; the line keeps its number.
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t.replace(/\f/g, '') }));
  return { encoding, lines };
}
