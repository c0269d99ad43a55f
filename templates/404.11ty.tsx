/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** Not found: most visitors come from a portal's link, so point them to the ways in. */
import { Layout } from './_includes/layout.tsx';

export const data = { permalink: '/404.html' };

export function render() {
  return (
    <Layout title="未找到页面">
      <h1>未找到页面</h1>
      <p>
        这个网址没有对应的页面。报告的网址形如 <code>/agencies/机关拼音/年度/</code>；可以从 <a href="/agencies/">机关</a>、<a href="/years/">年度</a> 或 <a href="/regions/">地区</a> 查找。
      </p>
    </Layout>
  );
}
