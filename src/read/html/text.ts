/**
 * read (HTML): text of elements. Inside a table cell, lines a cell wraps onto are joined (no space
 * between Chinese characters); elsewhere block elements and <br> end a line.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

export const BLOCKS = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'blockquote', 'pre', 'center', 'header', 'footer', 'nav', 'aside', 'main', 'form', 'fieldset', 'figure', 'figcaption', 'caption', 'address', 'hr']);
/** Elements whose content is never the report's text. */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'option', 'button', 'input', 'textarea', 'head']);

/** Whitespace folded; a space between two Chinese characters (a wrapped line) dropped. */
export function tidy(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/(?<=[\u4e00-\u9fff，。；：、（）]) (?=[\u4e00-\u9fff，。；：、（）])/gu, '')
    .trim();
}

/** All the text under a node, as one string (for a table cell). */
export function plainText(node: Element | Root | ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && SKIP.has(node.tagName)) return '';
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  return node.children.map((c) => plainText(c as ElementContent)).join('');
}

/** A table cell's text: its lines joined, blank (&nbsp;) as ''. */
export const cellText = (cell: Element) => tidy(plainText(cell).replace(/\n/g, ' '));
