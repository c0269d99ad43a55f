/** Character-level normalisation shared by every later stage. */

const FULLWIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (digits, letters, brackets, punctuation) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
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
  const t = toHalfWidth(line).replace(/\f/g, '').trim();
  return /^[-—–－─]+\s*\d{1,4}\s*[-—–－─]+$/.test(t) || /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/.test(t) || /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t);
}
