/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** /data/: what can be downloaded, and the shape of the data. */
import { Layout } from './_includes/layout.tsx';
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/data/index.html' };

export function render({ site }: Data) {
  return (
    <Layout title="数据下载" canonical={site.canonical.data} breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '数据下载' }]}>
      <h1>数据下载</h1>
      <ul>
        <li>
          <a href="/data/index.json">/data/index.json</a>
          {`：全部 ${site.reportCount} 份报告的索引，每项为 { id, agency, year, url, json }。`}
        </li>
        <li>
          每份报告页旁有 <code>report.json</code>（解析后的完整数据，含数据质量问题）和 <code>source.txt</code>（原文文本，UTF-8，行号与问题说明中的行号一致）。
        </li>
      </ul>
      <p>
        报告页的网址是永久的：<code>/agencies/机关拼音/年度/</code>。表格数据的键名（如 <code>tables.requests.rows["denied.stateSecret"].naturalPerson</code>）是稳定的数据约定，只增不改。
      </p>
    </Layout>
  );
}
