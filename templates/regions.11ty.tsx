/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** Index of regions: province → city → county, with report counts. */
import { Layout } from './_includes/layout.tsx';
import { AgencyTree } from './_includes/components.tsx';
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/regions/index.html' };

export function render({ site }: Data) {
  return (
    <Layout title="地区" canonical={site.canonical.regions} breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '地区' }]}>
      <h1>地区</h1>
      <p class="lead">按 GB/T 2260 行政区划排列；点击地区查看该地区全部报告。</p>
      <AgencyTree nodes={site.agencyTree} />
    </Layout>
  );
}
