/**
 * read (HTML): the element that holds the report, chosen over the portal's chrome (navigation,
 * breadcrumbs, page fields, footers). Known article containers first (`.TRS_Editor`, `#zoom`,
 * `.xxgk_content`, `#ivs_content`, …); else, from <body> down, the child holding most of the text,
 * as long as it holds nearly all of it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { plainText, SKIP } from './text.ts';

/** Class and id names portals (TRS, 拓尔思, 开普云, 政府网站集约化平台 …) give the article body. */
const KNOWN = ['TRS_Editor', 'TRS_UEDITOR', 'trs_editor_view', 'zoom', 'Zoom', 'xxgk_content', 'ivs_content', 'zwgk_content', 'article-content', 'article_content', 'articleContent', 'news_content', 'content_text', 'wzy_content', 'conTxt', 'con_txt', 'pages_content', 'detail-content', 'main-txt'];

const isElement = (n: ElementContent): n is Element => n.type === 'element';
const cjk = (s: string) => s.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;

function names(e: Element): string[] {
  const cls = e.properties?.className;
  return [...(Array.isArray(cls) ? cls.map(String) : []), ...(e.properties?.id ? [String(e.properties.id)] : [])];
}

function find(root: Root | Element, test: (e: Element) => boolean): Element | null {
  for (const c of root.children as ElementContent[]) {
    if (!isElement(c) || SKIP.has(c.tagName)) continue;
    if (test(c)) return c;
    const inner = find(c, test);
    if (inner) return inner;
  }
  return null;
}

/** The report's container and how it was chosen. */
export function findContainer(root: Root): { element: Element | Root; how: 'known' | 'text' | 'page' } {
  for (const name of KNOWN) {
    const e = find(root, (x) => names(x).includes(name));
    if (e && cjk(plainText(e)) >= 50) return { element: e, how: 'known' };
  }
  const body = find(root, (e) => e.tagName === 'body') ?? root;
  let node: Element | Root = body;
  const total = cjk(plainText(body));
  if (total === 0) return { element: body, how: 'page' };
  for (;;) {
    const kids = (node.children as ElementContent[]).filter(isElement).filter((e) => !SKIP.has(e.tagName));
    const best = kids.map((e) => ({ e, n: cjk(plainText(e)) })).sort((a, b) => b.n - a.n)[0];
    if (!best || best.n < total * 0.8) break;
    node = best.e;
  }
  return { element: node, how: node === body ? 'page' : 'text' };
}
