/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * /search/: full-text search over every report's title, agency, region, year and six sections, with
 * filters (year, province, table edition, kind of agency). The header's search box on every page
 * submits here (`?q=…`). The page itself is a plain form: public/assets/search.js runs the query in
 * the browser over the Pagefind bundles the build wrote (/pagefind/<province>/, listed in
 * /pagefind/bundles.json; src/search/) and lists the results. Without JavaScript the page says so and
 * points to the indexes, which list every report.
 */
import { Layout } from './_includes/layout.tsx';
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/search/index.html' };

export function render({ site }: Data) {
  return (
    <Layout title="搜索" search breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '搜索' }]}>
      <h1>搜索报告</h1>
      <form class="search-form" id="search-form" action="/search/" method="get" role="search">
        <label for="search-q">关键词</label>
        <input id="search-q" type="search" name="q" placeholder="机关名称、地区或正文中的词语，如：鲤城区、行政服务中心" />
        <button type="submit">搜索</button>
      </form>
      <noscript>
        <p class="search-noscript">
          搜索需要浏览器启用 JavaScript。不用 JavaScript 也可以从 <a href="/agencies/">机关</a>、<a href="/years/">年度</a> 或 <a href="/regions/">地区</a> 索引查找全部报告。
        </p>
      </noscript>
      <div class="search-filters" id="search-filters" hidden></div>
      <p class="count" id="search-status" role="status" aria-live="polite"></p>
      <ol class="search-results" id="search-results"></ol>
      <p id="search-more-wrap" hidden>
        <button type="button" id="search-more">显示更多结果</button>
      </p>
      <p class="note">{`搜索范围：全部 ${site.reportCount} 份报告的标题、发布机关、地区、年度和正文六个部分（统计表中的数字不在其内）。机关名称可以只输入其中一部分，如地名或“行政服务中心”。`}</p>
    </Layout>
  );
}
