/**
 * build: a page's JSX to the HTML Eleventy would have written for it. The streamed pages (reports,
 * agencies) are rendered outside Eleventy, so they go through the same serialiser and, on a site
 * hosted below a folder (--path-prefix), the same URL rewriting as Eleventy's HtmlBasePlugin: the
 * output is byte for byte what the page would be as an Eleventy page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsxToHtml } from './jsx.ts';

type Transformer = { transformStandalone(html: string, callback: (url: string) => string): Promise<string> };
type ApplyBase = (url: string, base: string, options: object) => string;

let base: Promise<{ transformer: Transformer; applyBase: ApplyBase }> | null = null;
/**
 * Eleventy's URL rewriting, loaded on the first prefixed page only (Eleventy is large, and a worker
 * without a prefix never needs it). Its HTML transformer (posthtml-urls) is not exported by the
 * package, so it is imported by path.
 */
function eleventyBase() {
  const src = dirname(createRequire(import.meta.url).resolve('@11ty/eleventy'));
  return (base ??= Promise.all([import(pathToFileURL(join(src, 'Util', 'HtmlTransformer.js')).href), import('@11ty/eleventy')]).then(([t, e]) => ({
    transformer: (t as { HtmlTransformer: Transformer }).HtmlTransformer,
    applyBase: (e as { HtmlBasePlugin: { applyBaseToUrl: ApplyBase } }).HtmlBasePlugin.applyBaseToUrl,
  })));
}

/** Serialise a page; with a path prefix other than `/`, every root-relative URL in it moves below the prefix. */
export async function renderHtml(page: JSX.Element, pathPrefix: string): Promise<string> {
  const html = jsxToHtml(page);
  if (pathPrefix === '/') return html;
  const { transformer, applyBase } = await eleventyBase();
  return transformer.transformStandalone(html, (url) => applyBase(url.trim(), pathPrefix, { pathPrefix }));
}
