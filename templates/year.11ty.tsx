/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** One year: every report of that year, sortable, with aggregate charts. */
import { Layout } from './_includes/layout.tsx';
import { ChartSection, ReportList } from './_includes/components.tsx';
import { AggregateCell, IndicatorHead } from './_includes/indicators.tsx';
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
      <section aria-labelledby="provinces">
        <h2 id="provinces">各省份指标</h2>
        <p class="note">{year.provinces.note}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label={`${year.year} 年度各省份指标`}>
          <table class="summary provinces">
            <caption>{`${year.year} 年度各省份的主要指标（省份名称链接到该省的年度对比页）`}</caption>
            <thead>
              <tr>
                <th scope="col">省份</th>
                <th scope="col">报告数</th>
                {year.provinces.columns.map((c) => (
                  <IndicatorHead column={c} />
                ))}
                <th scope="col">公开率名次</th>
              </tr>
            </thead>
            <tbody>
              {year.provinces.rows.map((p) => (
                <tr>
                  <th scope="row">{p.href ? <a href={p.href}>{`${p.name} ${year.year} 年度对比`}</a> : p.name}</th>
                  <td class="num">{String(p.reportCount)}</td>
                  {p.cells.map((a) => (
                    <AggregateCell a={a} />
                  ))}
                  <td class="num">{p.place.text}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">全部</th>
                <td class="num">{String(year.provinces.total.reportCount)}</td>
                {year.provinces.total.cells.map((a) => (
                  <AggregateCell a={a} />
                ))}
                <td class="num">—</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <ChartSection id="charts" heading="汇总" charts={year.charts} />
    </Layout>
  );
}
