/**
 * pdf/rows: characters → visual lines (baseline clustering) → text. Shared by cells (wrapped text
 * in a cell is joined: no space between CJK, one between words) and by the text outside tables.
 */
import type { Char } from './objects.ts';

export interface VisualLine {
  chars: Char[];
  y: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  size: number;
}

export const isWide = (c: string) => /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F\u201C\u201D\u2018\u2019\u2014]/.test(c);
export const isSpace = (c: string) => /^\s+$/.test(c);

/** Chars sharing a baseline (within half the smaller font size), each line sorted left to right. */
export function visualLines(chars: readonly Char[]): VisualLine[] {
  const sorted = chars.filter((c) => !isSpace(c.c)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: VisualLine[] = [];
  for (const c of sorted) {
    const l = lines.at(-1);
    if (l && Math.abs(c.y - l.y) <= Math.min(c.size, l.size) * 0.5) {
      l.chars.push(c);
      l.top = Math.min(l.top, c.top);
      l.bottom = Math.max(l.bottom, c.bottom);
      l.x0 = Math.min(l.x0, c.x0);
      l.x1 = Math.max(l.x1, c.x1);
      l.size = Math.max(l.size, c.size);
    } else lines.push({ chars: [c], y: c.y, top: c.top, bottom: c.bottom, x0: c.x0, x1: c.x1, size: c.size });
  }
  for (const l of lines) l.chars.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Is the gap between two neighbouring chars a word space? CJK needs a wide gap, other text a narrow one. */
function spaced(a: Char, b: Char): boolean {
  const gap = b.x0 - a.x1;
  const size = Math.min(a.size, b.size);
  return isWide(a.c) && isWide(b.c) ? gap > size * 1.0 : gap > size * 0.2;
}

/** Split a line where the gap between chars is at least `gap` × font size (cells of a borderless row). */
export function chunks(line: VisualLine, gap: number): VisualLine[] {
  const out: VisualLine[] = [];
  for (const c of line.chars) {
    const cur = out.at(-1);
    const prev = cur?.chars.at(-1);
    if (cur && prev && c.x0 - prev.x1 < Math.min(prev.size, c.size) * gap) {
      cur.chars.push(c);
      cur.x1 = Math.max(cur.x1, c.x1);
      cur.top = Math.min(cur.top, c.top);
      cur.bottom = Math.max(cur.bottom, c.bottom);
    } else out.push({ chars: [c], y: line.y, top: c.top, bottom: c.bottom, x0: c.x0, x1: c.x1, size: line.size });
  }
  return out;
}

export function lineText(line: VisualLine): string {
  let s = '';
  line.chars.forEach((c, i) => {
    const prev = line.chars[i - 1];
    if (prev && spaced(prev, c)) s += ' ';
    s += c.c;
  });
  return s;
}

/** Lines of text joined into one: no space between CJK (nor digits), a space between Latin words. */
export function joinLines(texts: readonly string[]): string {
  let s = '';
  for (const t of texts) {
    if (t === '') continue;
    const last = s.at(-1);
    s += last && /[A-Za-z,;.]/.test(last) && /[A-Za-z]/.test(t[0]!) ? ` ${t}` : t;
  }
  return s;
}

/** The text of a cell's chars: its lines top to bottom, joined. */
export function cellText(chars: readonly Char[]): string {
  return joinLines(visualLines(chars).map(lineText)).trim();
}
