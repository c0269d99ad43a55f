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
  /** UTF-8 with a few damaged bytes: where each damaged sequence starts (byte offset, 1-based line), replaced by U+FFFD. */
  damaged: { offset: number; line: number }[];
}

/** Byte offsets where a UTF-8 sequence is broken (at most `limit` of them). */
export function brokenUtf8(bytes: Uint8Array, limit = Infinity): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length && out.length < limit; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok && need === 2) ok = !(b === 0xe0 && bytes[i + 1]! < 0xa0) && !(b === 0xed && bytes[i + 1]! >= 0xa0);
    if (ok && need === 3) ok = !(b === 0xf0 && bytes[i + 1]! < 0x90) && !(b === 0xf4 && bytes[i + 1]! >= 0x90);
    if (ok) i += need + 1;
    else {
      out.push(i);
      i++;
    }
  }
  return out;
}

/**
 * UTF-8 or GB18030, decided on the evidence: bytes that are valid UTF-8 but for a few damaged
 * sequences (a copy error, a cut file) stay UTF-8 — GBK text is broken UTF-8 almost everywhere it
 * has Chinese, a damaged UTF-8 file only here and there.
 */
function utf8OrGb(bytes: Uint8Array): { encoding: DecodedText['encoding']; text: string; broken: number[] } {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  const broken = brokenUtf8(bytes, Math.max(8, Math.ceil(high * 0.02)) + 1);
  if (broken.length <= Math.max(8, high * 0.02)) {
    // And the rest really is UTF-8 Chinese: many well-formed characters for each broken one.
    const text = new TextDecoder('utf-8').decode(bytes);
    const cjk = text.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
    if (cjk >= 10 * broken.length) return { encoding: 'utf-8', text, broken };
  }
  return { encoding: 'gb18030', text: iconv.decode(Buffer.from(bytes), 'gb18030'), broken: [] };
}

function detect(bytes: Uint8Array): { encoding: DecodedText['encoding']; text: string; broken?: number[]; skip?: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be') };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not valid UTF-8: GBK/GB18030 (most Chinese government files that are not UTF-8), or UTF-8 with a few damaged bytes.
    return utf8OrGb(bytes);
  }
}

/** 1-based line of a byte offset (LF, CRLF and lone CR end a line, as below). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

/** Decode bytes and split into lines (LF, CRLF and lone CR all end a line). */
export function decode(bytes: Uint8Array): DecodedText {
  const { encoding, text, broken = [] } = detect(bytes);
  // Form feeds (page breaks) only separate pages; the line keeps its number.
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t.replace(/\f/g, '') }));
  return { encoding, lines, damaged: broken.map((offset) => ({ offset, line: lineAt(bytes, offset) })) };
}
