/**
 * archive: a report as a schema.org Dataset, for search engines' dataset search (JSON-LD on the
 * report page). The object is made here; the page writes it into <script type="application/ld+json">
 * through `ldJson`, which escapes `<` so that no text of a report can close the script element.
 */
import type { Report } from '../model/report.ts';
import { reportUrl } from './archive.ts';
import { linkUrl, type SiteAddress } from './address.ts';
import { originalName, title } from './site.ts';

/**
 * The licence of the archive's data, when the site's configuration names one by URL
 * (reports/site.yaml `licenceUrl`, src/data/config.ts); schema.org's `license` is a URL, so a
 * licence named only in words gives the Dataset none.
 */
export interface Licence {
  name: string;
  url: string;
}

/** The Dataset's licence from the site's configuration, if it has a URL. */
export const licenceOf = (c: { licence: string; licenceUrl?: string | undefined }): Licence | null => (c.licenceUrl ? { name: c.licence, url: c.licenceUrl } : null);

/** Media types of the files a report page offers. */
const MEDIA_TYPE = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
} as const;

export interface DataDownload {
  '@type': 'DataDownload';
  name: string;
  encodingFormat: string;
  contentUrl: string;
}

export interface Dataset {
  '@context': 'https://schema.org';
  '@type': 'Dataset';
  name: string;
  description: string;
  url: string;
  identifier: string;
  inLanguage: 'zh-CN';
  temporalCoverage?: string;
  spatialCoverage?: { '@type': 'Place'; name: string; identifier: { '@type': 'PropertyValue'; propertyID: 'GB/T 2260'; value: string } };
  creator: { '@type': 'GovernmentOrganization'; name: string; url: string };
  datePublished?: string;
  isAccessibleForFree: true;
  license?: string;
  distribution: DataDownload[];
}

/** The Dataset of one report. URLs are absolute with --site-url, else the site's paths. */
export function reportDataset(r: Report, a: SiteAddress, licence: Licence | null = null): Dataset {
  const url = reportUrl(r);
  const region = r.agency.region;
  const download = (name: string, file: string, encodingFormat: string): DataDownload => ({ '@type': 'DataDownload', name, encodingFormat, contentUrl: linkUrl(a, `${url}${file}`) });
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: title(r),
    description: `${r.agency.name}${r.year !== null ? ` ${r.year} 年度` : ''}政府信息公开工作年度报告的全文与法定统计表（主动公开、依申请公开的收到和处理情况、行政复议和行政诉讼），逐项解析为结构化数据。`,
    url: linkUrl(a, url),
    identifier: r.id,
    inLanguage: 'zh-CN',
    ...(r.year !== null ? { temporalCoverage: String(r.year) } : {}),
    ...(region ? { spatialCoverage: { '@type': 'Place' as const, name: region.path.join(' '), identifier: { '@type': 'PropertyValue' as const, propertyID: 'GB/T 2260' as const, value: region.code } } } : {}),
    creator: { '@type': 'GovernmentOrganization', name: r.agency.name, url: linkUrl(a, `/agencies/${r.agency.slug}/`) },
    ...(r.publishedOn ? { datePublished: r.publishedOn } : {}),
    isAccessibleForFree: true,
    ...(licence ? { license: licence.url } : {}),
    distribution: [
      download('本报告数据（JSON）', 'report.json', 'application/json'),
      download('报告文本（TXT）', 'source.txt', 'text/plain'),
      // A web page is served as original.html.txt (its scripts never run here); its content is still HTML.
      ...(r.source.format !== 'text' ? [download(`原始文件（${r.source.format.toUpperCase()}）`, originalName(r), MEDIA_TYPE[r.source.format])] : []),
    ],
  };
}

/** JSON for inside a <script> element: `<` as \u003c, so that no `</script>` (or `<!--`) in a report's text ends it early. */
export const ldJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
