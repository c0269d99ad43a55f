/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * One agency at /agencies/<slug>/: every year it reported, its indicators by year with their trend
 * lines, charts across the years, and the agencies of its region to compare with (links, which
 * public/assets/compare.js makes a side-by-side table). Rendered outside Eleventy's page map, like
 * the report pages (src/build/pages.ts).
 */
import { Layout } from '../_includes/layout.tsx';
import { ChartSection, ReportList } from '../_includes/components.tsx';
import { ShareSection } from '../_includes/share.tsx';
import { AgencyIndicatorsSection, CompareSection } from '../_includes/pageIndicators.tsx';
import type { AgencyPage } from '../../src/archive/site.ts';

export function renderAgency(agency: AgencyPage) {
  return (
    <Layout
      title={agency.name}
      description={`${agency.name}历年政府信息公开工作年度报告`}
      breadcrumbs={[{ href: '/', text: '首页' }, ...agency.regionTrail, { href: '', text: agency.name }]}
      canonical={agency.canonical}
      charts
      sortable
      compare={agency.compare.peers.length > 0}
    >
      <h1>{agency.name}</h1>
      {agency.formerNames.length ? <p class="note">{`曾用名：${agency.formerNames.join('、')}`}</p> : null}
      {agency.aliases.length ? <p class="note">{`报告中也写作：${agency.aliases.join('、')}`}</p> : null}
      <section aria-labelledby="years">
        <h2 id="years">历年报告</h2>
        <ReportList rows={agency.rows} caption={`${agency.name}的年度报告`} showAgency={false} />
      </section>
      {agency.indicators ? <AgencyIndicatorsSection model={agency.indicators} agency={agency.name} /> : null}
      <ChartSection id="charts" heading="历年变化" charts={agency.charts} />
      <CompareSection model={agency.compare} />
      <ShareSection code={agency.share} what="该机关近年的主要数字" />
    </Layout>
  );
}
