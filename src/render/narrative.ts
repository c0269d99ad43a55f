/**
 * render: a section's narrative blocks → safe HTML. The hast tree is built straight from the blocks
 * — a sub-heading is an h3 (one level below the section heading), a paragraph a p, a ①② list a ul
 * of li, each keeping its marker as printed — and then goes through unified (rehype-sanitize with
 * the default schema → rehype-stringify).
 * The report text is untrusted and is never parsed as markup of any kind: it only ever becomes hast
 * text nodes, so a 「*」, 「#」 or 「<script>」 in a report is shown as written (the stringifier escapes
 * 「<」 and 「&」), and sanitising guards the few element types built here.
 * The text is written as it is (whitespace and line breaks included; the page collapses them), except
 * that U+0000 becomes U+FFFD. A paragraph with no text and a list with no items render as nothing.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { unified } from 'unified';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Block } from '../model/report.ts';

const processor = unified().use(rehypeSanitize).use(rehypeStringify).freeze();

const newline = (): ElementContent => ({ type: 'text', value: '\n' });
const element = (tagName: string, children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });
/** U+0000 cannot be written in HTML (a browser drops it from text): it is shown as U+FFFD, as markdown did. */
const textElement = (tagName: string, value: string): Element =>
  element(tagName, [{ type: 'text', value: value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value }]);

/** The hast element for one block, or null for a block with nothing to show. */
function blockToHast(b: Block): Element | null {
  if (b.type === 'heading') return textElement('h3', `${b.marker}${b.text}`);
  if (b.type === 'paragraph') return b.text ? textElement('p', b.text) : null;
  if (!b.items.length) return null;
  // Items on lines of their own, as HTML is usually written: <ul>\n<li>…</li>\n<li>…</li>\n</ul>.
  return element('ul', [...b.items.flatMap((i) => [newline(), textElement('li', `${i.marker}${i.text}`)]), newline()]);
}

export function renderNarrative(blocks: readonly Block[]): string {
  const children: RootContent[] = [];
  for (const b of blocks) {
    const el = blockToHast(b);
    if (!el) continue;
    if (children.length) children.push(newline());
    children.push(el);
  }
  const tree: Root = { type: 'root', children };
  return processor.stringify(processor.runSync(tree));
}
