/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** One year: every report of that year, sortable, with aggregate charts. */
import { Layout } from './_includes/layout.tsx';
import { ChartSection, ReportList } from './_includes/components.tsx';
import type { Data } from './_includes/data.ts';
import type { YearPage } from '../src/archive/site.ts';

type PageData = Data<{ year: YearPage }>;

export const data = {
  pagination: { data: 'site.years', size: 1, alias: 'year', addAllPagesToCollections: false },
  permalink: ({ year }: PageData) => `${year.url}index.html`,
};

export function render({ year }: PageData) {
  return (
    <Layout title={`${year.year} 年度`} canonical={year.canonical} breadcrumbs={[{ href: '/', text: '首页' }, { href: '/years/', text: '年度' }, { href: '', text: `${year.year} 年度` }]} charts sortable>
      <h1>{`${year.year} 年度报告`}</h1>
      <nav class="prev-next" aria-label="其他年度">
        {year.prev ? <a href={year.prev.href} rel="prev">{`← ${year.prev.text}`}</a> : <span>没有更早的年度</span>}
        {year.next ? <a href={year.next.href} rel="next">{`${year.next.text} →`}</a> : <span>没有更晚的年度</span>}
      </nav>
      <ReportList rows={year.rows} caption={`${year.year} 年度的 ${year.rows.length} 份报告（点击表头排序）`} showYear={false} />
      <ChartSection id="charts" heading="汇总" charts={year.charts} />
    </Layout>
  );
}
