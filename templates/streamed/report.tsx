/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * One report at its permanent URL /agencies/<slug>/<year>/: metadata, the six sections in
 * statutory order with their tables and charts, findings next to the cells they concern.
 * Rendered outside Eleventy's page map, one report at a time (src/build/pages.ts): a national
 * archive has hundreds of thousands of these, and Eleventy keeps every page it rendered until the end.
 */
import { Layout } from '../_includes/layout.tsx';
import { ChartGroup, FindingList, SEVERITY_LABEL, editionLabel } from '../_includes/components.tsx';
import { LegacyTable, ProactiveTable, RequestsTable, ReviewLitigationTable } from '../_includes/tables.tsx';
import { ShareSection } from '../_includes/share.tsx';
import { ReportIndicatorsSection } from '../_includes/pageIndicators.tsx';
import { renderNarrative } from '../../src/render/narrative.ts';
import { ldJson } from '../../src/archive/dataset.ts';
import { title, type FindingPlace, type ReportPage } from '../../src/archive/site.ts';

const TABLES: Record<string, { place: FindingPlace; Table: (p: { page: ReportPage }) => JSX.Element }[]> = {
  proactive: [{ place: 'proactive', Table: ProactiveTable }],
  requests: [{ place: 'requests', Table: RequestsTable }],
  reviewLitigation: [{ place: 'reviewLitigation', Table: ReviewLitigationTable }],
  other: [{ place: 'legacyStats', Table: LegacyTable }],
};

/** Only a web address becomes a link: the sidecar's sourceUrl is checked when read, and a javascript: or data: URL that got past it stays text. */
const WEB_URL = /^https?:\/\//i;

export function renderReport(entry: ReportPage) {
  const r = entry.report;
  const heading = title(r);
  const general = entry.findings.filter((f) => f.place === 'report');
  return (
    <Layout
      title={heading}
      description={`${r.agency.name} ${r.year ?? ''} 年度政府信息公开工作年度报告：全文、法定统计表和数据`}
      breadcrumbs={[{ href: '/', text: '首页' }, ...entry.regionTrail, { href: entry.agencyUrl, text: r.agency.name }, { href: '', text: `${r.year ?? '年度不明'} 年度` }]}
      charts={entry.charts.length > 0}
      meta={entry.citationMeta}
      canonical={entry.canonical}
    >
      {/* data-pagefind-body: the report's own content is what a Pagefind run over the site would index (the search index itself is made from the model, src/search/record.ts). */}
      <article class="report" data-pagefind-body="">
        <h1>{heading}</h1>
        <dl class="meta">
          <dt>发布机关</dt>
          <dd>
            <a href={entry.agencyUrl}>{r.agency.name}</a>
          </dd>
          <dt>年度</dt>
          <dd>{entry.yearUrl ? <a href={entry.yearUrl}>{`${r.year} 年度`}</a> : '不明'}</dd>
          <dt>地区</dt>
          <dd>{entry.regionTrail.length ? entry.regionTrail.map((l, i) => <>{i ? ' › ' : ''}<a href={l.href}>{l.text}</a></>) : '未能确定'}</dd>
          {r.documentNumber ? (
            <>
              <dt>文号</dt>
              <dd>{r.documentNumber}</dd>
            </>
          ) : null}
          <dt>发布日期</dt>
          <dd>{r.publishedOn ? <time datetime={r.publishedOn}>{r.publishedOn}</time> : '报告未写明'}</dd>
          <dt>表格版本</dt>
          <dd>{editionLabel(r.edition)}</dd>
          <dt>来源</dt>
          <dd>
            {r.source.url && WEB_URL.test(r.source.url) ? (
              <a href={r.source.url} rel="external">
                {r.source.url}
              </a>
            ) : r.source.url ? (
              <span>{r.source.url}</span>
            ) : (
              <span>{`档案文件 ${r.source.path}`}</span>
            )}
            <br />
            <small>{`SHA-256 ${r.source.sha256} · ${r.source.encoding}`}</small>
          </dd>
          <dt>读取方式</dt>
          <dd>{entry.reading}</dd>
        </dl>
        <ul class="downloads">
          <li>
            <a href={entry.jsonUrl} type="application/json">
              本报告数据（JSON）
            </a>
          </li>
          {entry.original ? (
            <li>
              <a href={entry.original.href} download={entry.original.download}>
                {entry.original.label}
              </a>
            </li>
          ) : null}
          <li>
            <a href={entry.sourceUrl} type="text/plain">
              {entry.original ? '提取的文本（TXT）' : '原文文本（TXT）'}
            </a>
          </li>
        </ul>
        <p class="cite">
          引用：<span>{entry.citation}</span> 永久网址：<a href={entry.url}>本页</a>
        </p>
        <nav class="prev-next" aria-label="同一机关的其他年度">
          {entry.prev ? (
            <a href={entry.prev.href} rel="prev">{`← ${entry.prev.text}`}</a>
          ) : (
            <span>没有更早的年度</span>
          )}
          {entry.next ? (
            <a href={entry.next.href} rel="next">{`${entry.next.text} →`}</a>
          ) : (
            <span>没有更晚的年度</span>
          )}
        </nav>
        <nav class="toc" aria-label="目录">
          <ol>
            {entry.sections.map((s) => (
              <li>
                <a href={`#${s.key}`}>{`${s.number}、${s.canonical}`}</a>
              </li>
            ))}
            {entry.indicators ? (
              <li>
                <a href="#indicators">指标</a>
              </li>
            ) : null}
            <li>
              <a href="#quality">数据质量</a>
            </li>
          </ol>
        </nav>
        {entry.sections.map((s) => (
          <section id={s.key} aria-labelledby={`${s.key}-h`}>
            <h2 id={`${s.key}-h`}>{`${s.number}、${s.canonical}`}</h2>
            {s.title === null ? (
              <p class="missing">报告中未找到这一部分。</p>
            ) : (
              <>
                {s.title !== s.canonical ? <p class="printed-title">{`原文标题：${s.title}`}</p> : null}
                <div class="narrative">{{ html: renderNarrative(s.blocks) }}</div>
              </>
            )}
            {(TABLES[s.key] ?? []).map(({ place, Table }) => (
              <>
                <Table page={entry} />
                <FindingList findings={entry.findings.filter((f) => f.place === place)} heading="这张表的数据问题" />
              </>
            ))}
            <ChartGroup charts={s.charts} />
          </section>
        ))}
        {entry.indicators ? <ReportIndicatorsSection model={entry.indicators} findings={entry.findings.filter((f) => f.place === 'indicators')} /> : null}
        <section id="quality" aria-labelledby="quality-h">
          <h2 id="quality-h">数据质量</h2>
          <p>
            {entry.findings.length
              ? `自动检查发现 ${entry.counts.error} 个${SEVERITY_LABEL.error}、${entry.counts.warning} 个${SEVERITY_LABEL.warning}、${entry.counts.info} 个${SEVERITY_LABEL.info}。与表格有关的问题列在相应表格下方，并在单元格中以编号标出。`
              : '自动检查没有发现问题：表内各项相加相符，与正文所述一致。'}
          </p>
          <FindingList findings={general} heading="涉及整份报告的问题" />
        </section>
      </article>
      <ShareSection code={entry.share} what="这份报告的主要数字" />
      <script type="application/ld+json">{{ html: ldJson(entry.dataset) }}</script>
    </Layout>
  );
}
