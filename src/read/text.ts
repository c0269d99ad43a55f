/** Character-level normalisation shared by every later stage. */
import type { SourceLine } from './decode.ts';

const FULLWIDTH = /[\u3000\uFF01-\uFF5E]/;
const FULLWIDTH_ALL = new RegExp(FULLWIDTH.source, 'g');
const toHalf = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * Full-width ASCII (digits, letters, brackets, punctuation) → half-width; ideographic space → space.
 * Character for character, so an offset in the result is an offset in `s`. One pass over the text
 * (a line without such characters comes back as it is), not one per kind of character.
 */
export function toHalfWidth(s: string): string {
  return FULLWIDTH.test(s) ? s.replace(FULLWIDTH_ALL, toHalf) : s;
}

/**
 * A source line with the forms every stage matches on, made once per report: before, each stage
 * (sections, blocks, metadata, identity, tables) normalised the same lines again.
 */
export interface NormalLine extends SourceLine {
  /** `text` through toHalfWidth: the same length, so an offset in it is an offset in `text`. */
  half: string;
  /** `half` without whitespace (what `squash` gives): labels and captions broken by spaces are matched on it. */
  squashed: string;
}

const WHITESPACE = /\s+/g;

/** The fields of a SourceLine that normaliseLines copies: a field added to SourceLine fails to compile here until it is copied too. */
type Copied = 'line' | 'text' | 'cells' | 'valueStart' | 'page';
const allCopied: [Exclude<keyof SourceLine, Copied>] extends [never] ? true : never = true;
void allCopied;

/** The lines with their normal forms (cells, value start and page kept). */
export function normaliseLines(lines: readonly SourceLine[]): NormalLine[] {
  return lines.map((l) => {
    const half = toHalfWidth(l.text);
    // Spelled out, not `{ ...l, half, squashed }`: V8 copies a spread with new properties a hundred times slower.
    const n: NormalLine = { line: l.line, text: l.text, half, squashed: half.replace(WHITESPACE, '') };
    if (l.cells !== undefined) n.cells = l.cells;
    if (l.valueStart !== undefined) n.valueStart = l.valueStart;
    if (l.page !== undefined) n.page = l.page;
    return n;
  });
}

/**
 * A label reduced to its core for matching: half-width, no whitespace, no brackets,
 * no leading numbering such as 「一、」「(三)」「1.」. 「本 年度办 理结果」 → 「本年度办理结果」.
 */
export function labelCore(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、．]|[①②③④⑤⑥⑦⑧⑨⑩])+/u, '')
    .replace(/[()（）【】\[\]“”"']/g, '');
}

/** All whitespace removed (labels broken by spaces in extraction). */
export function squash(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '');
}

/** Page furniture that PDF extraction leaves inside tables: footers such as 「— 3 —」, 「第 3 页」, form feeds. */
export function isPageFurniture(line: string): boolean {
  return isFurniture(toHalfWidth(line));
}

/** isPageFurniture of a line already half-width (NormalLine.half). */
export function isFurniture(half: string): boolean {
  const t = (half.includes('\f') ? half.replace(/\f/g, '') : half).trim();
  // Each form starts with a dash, 第 or a digit: any other line is done after one test.
  if (!/^[-—–－─第\d]/.test(t)) return false;
  return /^[-—–－─]+\s*\d{1,4}\s*[-—–－─]+$/.test(t) || /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/.test(t) || /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t);
}
