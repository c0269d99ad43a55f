/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** Home: what the archive holds, by year and by region; the latest reports; requests per year. */
import { Layout } from './_includes/layout.tsx';
import { ChartSection, ReportList } from './_includes/components.tsx';
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/index.html' };

export function render({ site }: Data) {
  const { home } = site;
  return (
    <Layout title="首页" canonical={site.canonical.home} description="中国政府信息公开工作年度报告的可浏览、可引用、可下载的档案。" charts sortable>
      <h1>政府信息公开工作年度报告档案</h1>
      <p class="lead">{`本档案收录 ${site.agencyCount} 个行政机关的 ${site.reportCount} 份政府信息公开工作年度报告，逐份解析出六个部分和法定统计表，可按机关、年度、地区浏览，每份报告都提供 JSON 数据和原文文本。`}</p>
      <div class="columns">
        <section aria-labelledby="by-year">
          <h2 id="by-year">按年度</h2>
          <table class="summary">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">报告数</th>
                <th scope="col">新收申请合计（件）</th>
              </tr>
            </thead>
            <tbody>
              {home.years.map((y) => (
                <tr>
                  <th scope="row">
                    <a href={y.href}>{`${y.year} 年度`}</a>
                  </th>
                  <td class="num">{String(y.reportCount)}</td>
                  <td class="num">{y.received === null ? '' : String(y.received)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="by-region">
          <h2 id="by-region">按地区</h2>
          <ul class="plain">
            {home.regions.map((r) => (
              <li>
                <a href={r.href}>{r.text}</a> <span class="count">{`${r.reportCount} 份报告`}</span>
              </li>
            ))}
          </ul>
          {site.agenciesWithoutRegion.length ? <p class="note">{`另有 ${site.agenciesWithoutRegion.length} 个机关的地区未能确定，见「机关」页。`}</p> : null}
        </section>
      </div>
      <ChartSection id="charts" heading="历年申请" charts={home.charts} />
      <section aria-labelledby="latest">
        <h2 id="latest">最新报告</h2>
        <ReportList rows={home.latest} caption="最近的报告：年度从新到旧，同一年度按发布日期" />
      </section>
    </Layout>
  );
}
