/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/** Agencies index, grouped by region: province → city → county. */
import { Layout } from './_includes/layout.tsx';
import { AgencyTree } from './_includes/components.tsx';
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/agencies/index.html' };

export function render({ site }: Data) {
  return (
    <Layout title="机关" canonical={site.canonical.agencies} breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '机关' }]}>
      <h1>机关</h1>
      <p class="lead">{`${site.agencyCount} 个行政机关，按所在地区（省 › 市 › 县区）排列。`}</p>
      <AgencyTree nodes={site.agencyTree} />
      {site.agenciesWithoutRegion.length ? (
        <section aria-labelledby="no-region">
          <h2 id="no-region">地区未能确定的机关</h2>
          <p class="note">机关名称中没有可识别的行政区划名称。可在报告文件旁放置 .meta.yaml 附加元数据，写明 region。</p>
          <ul>
            {site.agenciesWithoutRegion.map((a) => (
              <li>
                <a href={a.href}>{a.text}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
