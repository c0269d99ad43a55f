/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * 指标: a report's indicators (report page), an agency's by year with their trend charts, and the
 * comparison with other agencies (agency page). Everything printed is made in
 * src/archive/indicatorPages.ts and src/archive/peers.ts; these only lay it out.
 */
import type { AgencyCompare } from '../../src/archive/peers.ts';
import type { AgencyIndicators, IndicatorRow, ReportIndicators } from '../../src/archive/indicatorPages.ts';
import type { FindingView } from '../../src/archive/site.ts';
import { ChartGroup, FindingList, scriptJson } from './components.tsx';

const Flags = ({ numbers }: { numbers: number[] }) => (
  <>
    {numbers.map((n) => (
      <a class="flag" href={`#finding-${n}`} aria-label={`问题 ${n}`}>
        {String(n)}
      </a>
    ))}
  </>
);

/** A value cell: the value and its findings' markers (as a table cell's), or 「—」 with the reason it is blank. */
function Value({ row }: { row: IndicatorRow }) {
  const cls = ['value', row.blank !== null ? 'blank' : '', row.severity ? `flagged sev-${row.severity}` : ''].filter(Boolean).join(' ');
  return (
    <td class={cls}>
      {row.text}
      <Flags numbers={row.findings} />
      {row.blank !== null ? <span class="blank-reason">{`留空：${row.blank}`}</span> : null}
    </td>
  );
}

/** The report page's 指标 section: headline figures, then each group's table; the jump findings below. */
export function ReportIndicatorsSection({ model, findings }: { model: ReportIndicators; findings: FindingView[] }) {
  return (
    <section id="indicators" aria-labelledby="indicators-h">
      <h2 id="indicators-h">指标</h2>
      <p class="note">
        由本报告的统计表计算的比例和数量。每个指标的公式、所读单元格和口径见<a href={model.methodologyUrl}>指标的计算方法</a>；算不出的指标留空并注明原因，从不当作 0。
      </p>
      {model.note ? <p class="note">{model.note}</p> : null}
      <dl class="headline-figures">
        {model.headlines.map((h) => (
          <div class={h.blank !== null ? 'blank' : undefined}>
            <dt>
              <a href={h.href}>{h.name}</a>
            </dt>
            <dd>
              <span class="figure">{h.text}</span>
              {h.fraction ? <span class="fraction">{h.fraction}</span> : null}
              {h.blank !== null ? <span class="blank-reason">{`留空：${h.blank}`}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      {model.groups.map((g) => (
        <div class="table-scroll" tabindex="0" role="region" aria-label={`指标：${g.label}`}>
          <table class={model.hasPrevious ? 'indicators of-report with-previous' : 'indicators of-report'} id={`indicators-${g.key}`}>
            <caption>{g.label}</caption>
            <thead>
              <tr>
                <th scope="col" class="col-name">指标</th>
                <th scope="col" class="col-value">数值</th>
                <th scope="col" class="col-fraction">分子/分母</th>
                <th scope="col" class="col-formula">公式</th>
                {model.hasPrevious ? (
                  <>
                    <th scope="col" class="col-previous">{model.previousLabel}</th>
                    <th scope="col" class="col-change">变化</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {g.rows.map((row) => (
                <tr class={[row.headline ? 'headline' : '', row.jump ? 'jumped' : ''].filter(Boolean).join(' ') || undefined} data-indicator={row.id}>
                  <th scope="row">
                    <a href={row.href}>{row.name}</a>
                    {row.headline ? <span class="badge">主要指标</span> : null}
                  </th>
                  <Value row={row} />
                  <td class="num">{row.fraction}</td>
                  <td class="formula">{row.formula}</td>
                  {model.hasPrevious ? (
                    <>
                      <td class="num">{row.previous}</td>
                      <td class="num">{row.change}</td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <FindingList findings={findings} heading="这些指标的数据问题" />
    </section>
  );
}

/** The agency page's 历年指标: the main indicators by year, blank reasons as footnotes, the trend charts. */
export function AgencyIndicatorsSection({ model, agency }: { model: AgencyIndicators; agency: string }) {
  return (
    <section id="indicators" aria-labelledby="indicators-h">
      <h2 id="indicators-h">历年指标</h2>
      <p class="note">
        由各年度报告的统计表计算，公式和口径见<a href={model.methodologyUrl}>指标的计算方法</a>。算不出的指标为「—」，原因见表下的注。
      </p>
      {model.note ? <p class="note">{model.note}</p> : null}
      <div class="table-scroll" tabindex="0" role="region" aria-label={`${agency}历年主要指标`}>
        <table class="indicators by-year">
          <caption>{`${agency}历年主要指标`}</caption>
          <thead>
            <tr>
              <th scope="col">指标</th>
              {model.years.map((y) => (
                <th scope="col">
                  <a href={y.href}>{`${y.year} 年度`}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr class={row.headline ? 'headline' : undefined} data-indicator={row.id}>
                <th scope="row">
                  <a href={row.href}>{row.name}</a>
                  <span class="formula">{row.formula}</span>
                </th>
                {row.cells.map((c) => (
                  <td class={[c.note !== null ? 'value blank' : 'value', c.jump ? 'flagged sev-info' : ''].filter(Boolean).join(' ')} title={c.reason ?? undefined}>
                    {c.text}
                    {c.note !== null ? (
                      <sup>
                        <a href={`#ind-note-${c.note}`} aria-label={`注 ${c.note}`}>
                          {String(c.note)}
                        </a>
                      </sup>
                    ) : null}
                    {c.fraction ? <span class="fraction">{c.fraction}</span> : null}
                    {c.jump ? (
                      <a class="flag" href={c.jump}>
                        跳变
                      </a>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {model.notes.length ? (
        <ol class="notes" aria-label="「—」的原因">
          {model.notes.map((n) => (
            <li id={`ind-note-${n.n}`} value={String(n.n)}>
              {n.text}
            </li>
          ))}
        </ol>
      ) : null}
      <ChartGroup charts={model.charts} />
    </section>
  );
}

/**
 * 与其他机关对比: the peers as plain links (the page without JavaScript), and what
 * public/assets/compare.js needs to make them a form: each peer's report.json by year, this
 * agency's, and the indicators' names and kinds.
 */
export function CompareSection({ model }: { model: AgencyCompare }) {
  const spec = { agency: model.agency, own: Object.fromEntries(model.own.map((o) => [String(o.year), o.json])), indicators: model.indicators };
  return (
    <section id="compare" class="compare" aria-labelledby="compare-h">
      <h2 id="compare-h">与其他机关对比</h2>
      {model.peers.length ? (
        <p class="compare-intro">{`${model.region}有同年度报告的其他机关（按名称排列）。打开机关的页面可以看它的历年指标；浏览器运行脚本时，可以在这里选择机关和年度，把两个机关的指标并排比较。`}</p>
      ) : (
        <p class="note">{model.region ? `${model.region}没有其他机关有同年度的报告。` : '这个机关的地区未能确定，没有可以对比的机关。'}</p>
      )}
      {model.peers.length ? (
        <>
          <script type="application/json" class="compare-spec">
            {{ html: scriptJson(spec) }}
          </script>
          <ul class="compare-peers">
            {model.peers.map((p) => (
              <li data-name={p.name} data-reports={JSON.stringify(Object.fromEntries(p.years.map((y) => [String(y.year), y.json])))}>
                <a href={p.href}>{p.name}</a>
                <span class="count">
                  {' 同有报告的年度：'}
                  {p.years.map((y, i) => (
                    <>
                      {i ? '、' : ''}
                      <a href={y.href}>{`${y.year}`}</a>
                    </>
                  ))}
                </span>
              </li>
            ))}
          </ul>
          {model.more ? <p class="note">{`另有 ${model.more} 个机关未列出，见下面的地区对比。`}</p> : null}
        </>
      ) : null}
      {model.regionYears.length ? (
        <ul class="plain region-years">
          {model.regionYears.map((l) => (
            <li>
              <a href={l.href}>{l.text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
