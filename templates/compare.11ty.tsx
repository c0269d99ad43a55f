/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * One region in one year (/regions/<code>/<year>/): its indicators summed over its reports, its
 * agencies side by side (sortable), ranked by 公开率 with the site's minimum, the distribution of
 * 公开率, and the sums by kind of agency. Everything is the model's (src/archive/compare.ts).
 */
import { Layout } from './_includes/layout.tsx';
import { ChartGroup } from './_includes/components.tsx';
import { AggregateCell, AggregateList, IndicatorHead, ValueCell } from './_includes/indicators.tsx';
import type { Data } from './_includes/data.ts';
import type { ComparePage } from '../src/archive/compare.ts';

type PageData = Data<{ compare: ComparePage }>;

export const data = {
  pagination: { data: 'site.compare', size: 1, alias: 'compare', addAllPagesToCollections: false },
  permalink: ({ compare }: PageData) => `${compare.url}index.html`,
};

export function render({ compare: c }: PageData) {
  const title = `${c.name} ${c.year} 年度对比`;
  return (
    <Layout title={title} canonical={c.canonical} breadcrumbs={[{ href: '/', text: '首页' }, { href: '/regions/', text: '地区' }, ...c.trail, { href: '', text: `${c.year} 年度对比` }]} charts sortable>
      <h1>{title}</h1>
      <p class="lead">
        {`${c.name}（行政区划代码 ${c.code}，含下级地区）${c.year} 年度的 ${c.reportCount} 份报告。各项指标是全部报告的分子之和除以分母之和，不是各机关比率的平均；n 为能算出该项的报告数。公式和口径见`}
        <a href={c.methodologyUrl}>方法与指标</a>
        {'。'}
      </p>
      <nav class="prev-next" aria-label="本地区其他年度">
        {c.prev ? <a href={c.prev.href} rel="prev">{`← ${c.prev.text}`}</a> : <span>没有更早的年度</span>}
        <span>
          <a href={c.regionUrl}>{`${c.name}全部年度`}</a>
          {' · '}
          <a href={c.yearUrl}>{`${c.year} 年度全部报告`}</a>
        </span>
        {c.next ? <a href={c.next.href} rel="next">{`${c.next.text} →`}</a> : <span>没有更晚的年度</span>}
      </nav>
      <section aria-labelledby="summary">
        <h2 id="summary">汇总指标</h2>
        <AggregateList items={c.headline} />
        {c.groups.map((g) => (
          <details class="indicator-group">
            <summary>{g.label}</summary>
            <AggregateList items={g.items} />
          </details>
        ))}
      </section>
      <section aria-labelledby="agencies">
        <h2 id="agencies">各机关</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label={`${title}：各机关指标`}>
          <table class="compare sortable">
            <caption>{`${c.reportCount} 个机关的主要指标（点击表头排序；— 为空白，原因见表下注释）`}</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">机关类型</th>
                {c.columns.map((col) => (
                  <IndicatorHead column={col} sortable />
                ))}
                <th scope="col" data-type="number">
                  公开率名次
                </th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={r.url}>{r.agency}</a>
                    {r.region ? <span class="sub">{r.region}</span> : null}
                    {r.legacy ? <span class="sub">旧版附表</span> : null}
                  </th>
                  <td>{r.kind}</td>
                  {r.cells.map((cell) => (
                    <ValueCell cell={cell} />
                  ))}
                  <td class="num" data-value={r.place.value}>
                    {r.place.text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {c.blanks.length ? (
          <ol class="blank-notes" aria-label="空白原因">
            {c.blanks.map((b) => (
              <li id={`blank-${b.n}`} value={String(b.n)}>
                {b.text}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
      <section aria-labelledby="ranking">
        <h2 id="ranking">{`按${c.ranking.indicator.name}排名`}</h2>
        <p class="note">{c.ranking.note}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label={`按${c.ranking.indicator.name}排名`}>
          <table class="ranking">
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">机关</th>
                <th scope="col">{`${c.ranking.indicator.name} ${c.ranking.indicator.formula}`}</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {c.ranking.rows.map((r) => (
                <tr>
                  <td class="num">{r.place}</td>
                  <th scope="row">
                    <a href={r.url}>{r.agency}</a>
                  </th>
                  <td class="num">
                    {r.text}
                    {r.fraction ? <span class="sub">{r.fraction}</span> : null}
                  </td>
                  <td>{r.why ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="distribution">
        <h2 id="distribution">{`${c.ranking.indicator.name}分布`}</h2>
        <ChartGroup charts={[c.distribution]} />
      </section>
      <section aria-labelledby="kinds">
        <h2 id="kinds">按机关类型</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label="按机关类型汇总">
          <table class="summary">
            <thead>
              <tr>
                <th scope="col">机关类型</th>
                <th scope="col">报告数</th>
                {c.kinds.columns.map((col) => (
                  <IndicatorHead column={col} />
                ))}
              </tr>
            </thead>
            <tbody>
              {c.kinds.rows.map((k) => (
                <tr>
                  <th scope="row">{k.kind}</th>
                  <td class="num">{String(k.reportCount)}</td>
                  {k.cells.map((a) => (
                    <AggregateCell a={a} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="note">{c.kinds.note}</p>
      </section>
    </Layout>
  );
}
