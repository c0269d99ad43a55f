/**
 * extract: a section's narrative as structured blocks — sub-headings （一）/1., paragraphs,
 * and ①② lists — ready to be rendered through unified. Table lines are left out.
 */
import type { NormalLine } from '../read/text.ts';
import type { Block } from '../model/report.ts';

const SUBHEAD = /^\s*([（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[.、．](?!\d))\s*(.*)$/u;
const CIRCLED = /^\s*([①②③④⑤⑥⑦⑧⑨⑩])\s*(.*)$/u;

export function toBlocks(lines: readonly NormalLine[], start: number, end: number, skip: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  // A table between two lines means they are not one paragraph.
  let afterTable = false;
  for (let i = start; i < end; i++) {
    const { text, half, line } = lines[i]!;
    const t = text.trim();
    if (skip.has(i) || text.includes('\t')) {
      afterTable = true;
      continue;
    }
    if (!t) continue;
    const joinable = !afterTable;
    afterTable = false;
    // A marker is the line's first character: ①…⑩, or after half-width ( or a digit; most lines have none.
    const first = t.charCodeAt(0);
    const circled = first >= 0x2460 && first <= 0x2469 ? CIRCLED.exec(t) : null;
    if (circled) {
      const item = { marker: circled[1]!, text: circled[2]!, line };
      const last = blocks[blocks.length - 1];
      if (last?.type === 'list') last.items.push(item);
      else blocks.push({ type: 'list', items: [item] });
      continue;
    }
    // half-width maps whitespace to whitespace, so trimming it gives the half-width of t.
    const head = half.trim();
    const lead = head.charCodeAt(0);
    const sub = lead === 0x28 || (lead >= 0x30 && lead <= 0x39) ? SUBHEAD.exec(head) : null;
    // A short line after a marker is a sub-heading; a long one is a paragraph that starts with one.
    if (sub && sub[2]!.length <= 30 && !/[。；]$/.test(t)) {
      // toHalfWidth maps character for character, so offsets in it are offsets in t.
      const marker = t.slice(0, t.length - sub[2]!.length).trim();
      blocks.push({ type: 'heading', marker, text: sub[2]!.trim(), line });
      continue;
    }
    // Extraction breaks long paragraphs at page ends mid-sentence: such a paragraph, without closing
    // punctuation, continues on the next line. Short lines (dates, signatures, captions) stand alone.
    const last = blocks[blocks.length - 1];
    if (joinable && last?.type === 'paragraph' && last.text.length >= 20 && !/[。；！？：:）)」”]$/.test(last.text)) last.text += t;
    else blocks.push({ type: 'paragraph', text: t, line });
  }
  return blocks;
}
