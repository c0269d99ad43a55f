/**
 * build: a page's JSX tree to HTML, synchronously. jsx-async-runtime's own `jsxToString` awaits every
 * node (one promise per element and per table cell); over a national archive that is most of the
 * render time and much of the garbage. Our components are all synchronous, so this walks the same
 * tree with the same rules — the library's escaping, attributes written as it writes them, void tags
 * without an end tag, `{ html }` passed through — and gives the same bytes (tests/build.test.ts
 * compares the two on every sample page). A component that returns a promise is refused loudly.
 */
import { escapeEntities } from 'jsx-async-runtime';

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

type Node = JSX.Element | string | number | bigint | boolean | null | undefined | { html: string } | { type: 'textNode'; text: string };
type ElementNode = { tag: string | ((props: unknown) => unknown); props: Record<string, unknown> & { children?: unknown } };

function attribute(key: string, value: unknown): string {
  if (value === true) return key;
  if (value === false || value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (key === 'style') return `style="${escapeEntities(Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('; '))}"`;
    if (key === 'class') {
      const classes = Array.isArray(value) ? value.filter((v) => v) : Object.entries(value).filter(([, v]) => v).map(([k]) => k);
      return classes.length > 0 ? `class="${escapeEntities(classes.join(' '))}"` : '';
    }
    return `${key}="${escapeEntities(JSON.stringify(value))}"`;
  }
  return `${key}="${escapeEntities(String(value))}"`;
}

function render(node: unknown, out: string[]): void {
  if (node === null || node === undefined) return;
  switch (typeof node) {
    case 'string':
      out.push(escapeEntities(node));
      return;
    case 'number':
    case 'bigint':
      out.push(String(node));
      return;
    case 'object':
      break;
    default:
      return;
  }
  if ('html' in (node as object)) {
    out.push((node as { html: string }).html);
    return;
  }
  if ((node as { type?: string }).type === 'textNode') {
    out.push(escapeEntities((node as { text: string }).text));
    return;
  }
  if (typeof (node as { then?: unknown }).then === 'function') throw new Error('an asynchronous component: the streamed pages render synchronously (src/build/jsx.ts)');
  const { tag, props } = node as ElementNode;
  if (typeof tag === 'function') return render(tag(props), out);
  if (typeof tag !== 'string') return;
  const c = props.children;
  const children = !c ? [] : Array.isArray(c) ? c : [c];
  if (tag === '') {
    for (const child of children) render(child, out);
    return;
  }
  const attributes: string[] = [];
  for (const key in props) {
    if (key === 'children') continue;
    const a = attribute(key, props[key]);
    if (a.length > 0) attributes.push(a);
  }
  const open = attributes.length ? `<${tag} ${attributes.join(' ')}>` : `<${tag}>`;
  if (children.length === 0 && VOID_TAGS.has(tag)) {
    out.push(open);
    return;
  }
  out.push(open);
  for (const child of children) render(child, out);
  out.push(`</${tag}>`);
}

/** The HTML of a JSX tree, as jsx-async-runtime's jsxToString would write it. */
export function jsxToHtml(element: Node): string {
  const out: string[] = [];
  render(element, out);
  return out.join('');
}
