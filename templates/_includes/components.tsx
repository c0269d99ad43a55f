/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** Presentational pieces shared by the pages. They lay out what the site model holds; they never sum. */
import type { ChartSpec } from '../../src/archive/charts.ts';
import type { AgencyTreeNode, FindingView, ReportRow } from '../../src/archive/site.ts';

const EDITION_LABEL = { legacy: '旧版（2008—2018）', '2019': '2019 版', '2021': '2021 版' } as const;
export const editionLabel = (e: keyof typeof EDITION_LABEL) => EDITION_LABEL[e];
export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

const blank = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** JSON inside <script>: no 「</script>」 can close the element early. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * A chart: the figure's table holds every number; chart.js (public/assets/charts.js) draws the
 * canvas from the same spec. Without JavaScript the table is the chart.
 */
export function Chart({ spec }: { spec: ChartSpec }) {
  return (
    <figure class="chart" id={spec.id} data-chart-kind={spec.kind}>
      <figcaption>{spec.title}</figcaption>
      <div class="chart-canvas" hidden>
        <canvas role="img" aria-label={`${spec.title}（图表；数字见下表）`}></canvas>
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-label={`${spec.title} 数据表`}>
        <table class="chart-data">
          <thead>
            <tr>
              <th scope="col">{spec.categoryLabel}</th>
              {spec.series.map((s) => (
                <th scope="col">{`${s.label}（${spec.unit}）`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.categories.map((c, i) => (
              <tr>
                <th scope="row">{c}</th>
                {spec.series.map((s) => (
                  <td class="num">{blank(s.values[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {spec.note ? <p class="note">{spec.note}</p> : null}
      <script type="application/json" class="chart-spec">
        {{ html: scriptJson(spec) }}
      </script>
    </figure>
  );
}

/** Charts side by side (one column on a phone); nothing when there are none. */
export function ChartGroup({ charts }: { charts: ChartSpec[] }) {
  if (!charts.length) return null;
  return (
    <div class="charts">
      {charts.map((c) => (
        <Chart spec={c} />
      ))}
    </div>
  );
}

/** A section of charts under its own heading. */
export function ChartSection({ id, heading, charts }: { id: string; heading: string; charts: ChartSpec[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ChartGroup charts={charts} />
    </section>
  );
}

/** A list of reports; with `sortable`, public/assets/sort.js lets readers sort by any column. */
export function ReportList({ rows, caption, showYear = true, showAgency = true }: { rows: ReportRow[]; caption: string; showYear?: boolean; showAgency?: boolean }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={caption}>
      <table class="reports sortable">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showAgency ? <th scope="col">机关</th> : null}
            {showYear ? (
              <th scope="col" data-type="number">
                年度
              </th>
            ) : null}
            <th scope="col">地区</th>
            <th scope="col">表格版本</th>
            {['新收申请', '予以公开', '行政复议', '数据问题'].map((label) => (
              <th scope="col" data-type="number">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {showAgency ? (
                <td>
                  <a href={r.url}>{r.agency}</a>
                </td>
              ) : null}
              {showYear ? (
                <td class="num" data-value={blank(r.year)}>
                  {showAgency ? blank(r.year) : <a href={r.url}>{`${blank(r.year)} 年度`}</a>}
                </td>
              ) : null}
              <td>{r.region || '—'}</td>
              <td>{editionLabel(r.edition)}</td>
              {[r.received, r.granted, r.reviews].map((v) => (
                <td class="num" data-value={blank(v)}>
                  {blank(v)}
                </td>
              ))}
              <td class="num" data-value={String(r.errors * 1000 + r.warnings)}>
                {r.errors || r.warnings ? `${r.errors} 错误 · ${r.warnings} 警告` : '无'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AgencyTree({ nodes }: { nodes: AgencyTreeNode[] }) {
  return (
    <ul class="tree">
      {nodes.map((n) => (
        <li>
          <a href={n.href}>{n.name}</a> <span class="count">{`${n.reportCount} 份报告`}</span>
          {n.agencies.length ? (
            <ul class="agencies">
              {n.agencies.map((a) => (
                <li>
                  <a href={a.href}>{a.text}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {n.children.length ? <AgencyTree nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Findings about one table (or the whole report), each with its anchor for the cell markers. */
export function FindingList({ findings, heading }: { findings: FindingView[]; heading: string }) {
  if (!findings.length) return null;
  return (
    <aside class="findings" aria-label={heading}>
      <h3>{heading}</h3>
      <ol>
        {findings.map((f) => (
          <li id={`finding-${f.n}`} class={`finding sev-${f.severity}`} value={String(f.n)}>
            <span class="sev">{SEVERITY_LABEL[f.severity]}</span> {f.where ? <strong>{f.where}：</strong> : null}
            {f.message}
            <span class="where">
              {` 规则 ${f.code}`}
              {f.page ? `，PDF 第 ${f.page} 页` : ''}
              {f.line ? `，${f.page ? '提取文本' : '原文'}第 ${f.line} 行` : ''}
            </span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
