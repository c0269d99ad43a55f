/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** The page frame: header, navigation, footer; scripts only where a page needs them. */
import type { Link } from '../../src/archive/site.ts';

export interface LayoutProps {
  title: string;
  description?: string;
  breadcrumbs?: Link[];
  /** Load chart.js and the chart script. */
  charts?: boolean;
  /** Load the table sorter. */
  sortable?: boolean;
  /** An agency page with agencies to compare with: load the compare script (it fetches report.json files of this site). */
  compare?: boolean;
  /** The search page: load the search script, and let Pagefind compile its WebAssembly (SEARCH_CONTENT_SECURITY_POLICY). */
  search?: boolean;
  /** The page's permanent URL, for <link rel="canonical">. */
  canonical?: string;
  /** Extra <meta name content> pairs, e.g. citation_* tags that reference managers read. */
  meta?: [string, string][];
  children?: JSX.Children;
}

/**
 * The Content-Security-Policy of every page: the site's own scripts and styles only — no inline
 * script, no inline event handler, no `style` attribute, no <style>, nothing from another origin.
 * Report text is untrusted; were markup ever to slip through escaping and sanitising, the browser
 * still would not run it. The chart specs are <script type="application/json"> data, never run.
 * connect-src 'self' is for the dev server's live-reload socket (`npm start`) and the agency pages'
 * comparison (public/assets/compare.js fetches two report.json files of this site); nothing else connects.
 * As a <meta> it must come before anything it governs, so it follows <meta charset> directly.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // The search box in the header submits to /search/ on this site (a GET form, so it works without JavaScript).
  "form-action 'self'",
].join('; ');

/**
 * The search page's policy: the same, and 'wasm-unsafe-eval', which WebAssembly needs to compile
 * Pagefind's search module (it allows compiling WebAssembly, not eval of JavaScript). Only this page
 * runs Pagefind, so no other page allows it. Pagefind's own UIs are not used, so no inline style is needed.
 */
export const SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

const NAV: Link[] = [
  { href: '/', text: '首页' },
  { href: '/agencies/', text: '机关' },
  { href: '/years/', text: '年度' },
  { href: '/regions/', text: '地区' },
  { href: '/data/', text: '数据下载' },
  { href: '/methodology/', text: '方法与指标' },
];

export function Layout({ title, description, breadcrumbs, charts, sortable, compare, search, meta, canonical, children }: LayoutProps) {
  return (
    <>
      {{ html: '<!doctype html>\n' }}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta http-equiv="Content-Security-Policy" content={search ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY} />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · 年报 政府信息公开工作年度报告档案`}</title>
          {description ? <meta name="description" content={description} /> : null}
          {canonical ? <link rel="canonical" href={canonical} /> : null}
          {(meta ?? []).map(([name, content]) => (
            <meta name={name} content={content} />
          ))}
          <link rel="icon" href="/favicon.ico" />
          <link rel="alternate" type="application/atom+xml" title="新增和更新的报告" href="/feed.xml" />
          <link rel="stylesheet" href="/assets/site.css" />
          {charts ? <script src="/assets/chart.umd.min.js" defer></script> : null}
          {charts ? <script src="/assets/charts.js" defer></script> : null}
          {sortable ? <script src="/assets/sort.js" defer></script> : null}
          {compare ? <script src="/assets/compare.js" defer></script> : null}
          {search ? <script type="module" src="/assets/search.js"></script> : null}
        </head>
        <body>
          <a class="skip" href="#main">
            跳到正文
          </a>
          <header class="site-header">
            <a class="brand" href="/">
              年报 <span>政府信息公开工作年度报告档案</span>
            </a>
            <nav aria-label="网站导航">
              <ul>
                {NAV.map((l) => (
                  <li>
                    <a href={l.href}>{l.text}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {/* Site search: a plain GET form, so without JavaScript it still reaches the search page. */}
            <form class="site-search" action="/search/" method="get" role="search">
              <label for="site-search-q">搜索报告</label>
              <input id="site-search-q" type="search" name="q" placeholder="机关、地区或正文" />
              <button type="submit">搜索</button>
            </form>
          </header>
          {breadcrumbs && breadcrumbs.length ? (
            <nav class="breadcrumbs" aria-label="当前位置">
              <ol>
                {breadcrumbs.map((l) => (
                  <li>{l.href ? <a href={l.href}>{l.text}</a> : <span aria-current="page">{l.text}</span>}</li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main">{children}</main>
          <footer class="site-footer">
            <p>
              本站由 nianbao 根据各行政机关公开发布的政府信息公开工作年度报告整理生成。表格数字以报告原文为准；数据质量问题在各报告页标出。
            </p>
            <p>
              <a href="/data/index.json">全部报告索引（JSON）</a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
