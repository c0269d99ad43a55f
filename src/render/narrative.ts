/**
 * render: a section's narrative blocks → safe HTML, through unified
 * (remark-parse → remark-rehype → rehype-sanitize → rehype-stringify).
 * The report text is untrusted: every ASCII punctuation mark is escaped before markdown parsing,
 * so a 「*」 or 「#」 in a report is shown as written, and sanitising drops anything that slips through.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Block } from '../model/report.ts';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/** Backslash-escape every ASCII punctuation mark (CommonMark allows it for all of them). */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()<>#+\-.!|~"$%&',/:;=?@^]/g, (c) => `\\${c}`);

/** Markdown for the blocks: sub-headings one level below the section heading (h3), lists keep their markers. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'heading') return `### ${escapeMarkdown(`${b.marker}${b.text}`)}`;
      if (b.type === 'paragraph') return escapeMarkdown(b.text);
      return b.items.map((i) => `- ${escapeMarkdown(`${i.marker}${i.text}`)}`).join('\n');
    })
    .join('\n\n');
}

export function renderNarrative(blocks: readonly Block[]): string {
  return String(processor.processSync(blocksToMarkdown(blocks)));
}
