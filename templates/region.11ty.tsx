/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** One region: every report of its agencies (and those of the divisions below it), sortable, with charts. */
import { Layout } from './_includes/layout.tsx';
import { ChartGroup, ChartSection, ReportList } from './_includes/components.tsx';
import { AggregateCell, IndicatorHead } from './_includes/indicators.tsx';
import type { Data } from './_includes/data.ts';
import type { RegionPage } from '../src/archive/site.ts';

type PageData = Data<{ region: RegionPage }>;

export const data = {
  pagination: { data: 'site.regions', size: 1, alias: 'region', addAllPagesToCollections: false },
  permalink: ({ region }: PageData) => `${region.url}index.html`,
};

export function render({ region }: PageData) {
  return (
    <Layout title={region.name} canonical={region.canonical} breadcrumbs={[{ href: '/', text: '首页' }, { href: '/regions/', text: '地区' }, ...region.trail, { href: '', text: region.name }]} charts sortable>
      <h1>{region.name}</h1>
      <p class="note">{`行政区划代码 ${region.code}`}</p>
      {region.children.length ? (
        <section aria-labelledby="below">
          <h2 id="below">下级地区</h2>
          <ul class="plain">
            {region.children.map((c) => (
              <li>
                <a href={c.href}>{c.text}</a> <span class="count">{`${c.reportCount} 份报告`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="compare">
        <h2 id="compare">各年度对比</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label={`${region.name}各年度主要指标`}>
          <table class="summary trend">
            <caption>{`${region.name}各年度的主要指标（分子之和除以分母之和；年度链接到该年的机关对比页）`}</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">报告数</th>
                {region.trend.columns.map((c) => (
                  <IndicatorHead column={c} />
                ))}
              </tr>
            </thead>
            <tbody>
              {region.trend.rows.map((y) => (
                <tr>
                  <th scope="row">
                    <a href={y.href}>{`${y.text}对比`}</a>
                  </th>
                  <td class="num">{String(y.reportCount)}</td>
                  {y.cells.map((a) => (
                    <AggregateCell a={a} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ChartGroup charts={region.trend.charts} />
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports">报告</h2>
        <ReportList rows={region.rows} caption={`${region.name}的 ${region.rows.length} 份报告（点击表头排序）`} />
      </section>
      <ChartSection id="charts" heading="历年汇总" charts={region.charts} />
    </Layout>
  );
}
