/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** Index of years. */
import { Layout } from './_includes/layout.tsx';
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/years/index.html' };

export function render({ site }: Data) {
  return (
    <Layout title="年度" canonical={site.canonical.years} breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '年度' }]}>
      <h1>年度</h1>
      <ul class="plain">
        {site.home.years.map((y) => (
          <li>
            <a href={y.href}>{`${y.year} 年度`}</a> <span class="count">{`${y.reportCount} 份报告`}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
