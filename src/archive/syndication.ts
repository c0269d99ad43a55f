/**
 * archive: what the sitemap and the Atom feed list — every page with the date it last changed, and
 * the reports most recently added or changed. Dates come from the reports, never from a clock: the
 * archive's record of published URLs (when a page last changed) first, else the date the report was
 * signed (publishedOn), else none. src/render/syndication.ts writes them as XML.
 */
import type { Report } from '../model/report.ts';
import { byCodePoint, reportUrl } from './archive.ts';
import { agencyUrl, title, type ReportJob, type Site } from './site.ts';
import { embedFigures } from './embed.ts';
import { shownUrl, type SiteAddress } from './address.ts';

/** A page's last change (ISO date or date-time), or null when nothing says. */
export type DateOf = (url: string, report: Report) => string | null;

/** One URL of the sitemap: a prefix-less path, and its last change if known. */
export interface SitemapEntry {
  path: string;
  lastmod: string | null;
}

/** The pages over the whole archive that list reports without being a year's or a region's. */
export const INDEX_PAGES = ['/', '/agencies/', '/years/', '/regions/', '/data/'] as const;

/** Fixed pages that list no report (方法与指标): no report's date says when they changed, so they carry none. */
export const REFERENCE_PAGES = ['/methodology/'] as const;

/** The latest of some dates (ISO strings compare as they sort), null when none is known. */
const latest = (dates: Iterable<string | null>): string | null => {
  let max: string | null = null;
  for (const d of dates) if (d !== null && (max === null || d > max)) max = d;
  return max;
};

/**
 * Every page a search engine should know, sorted by path: each report page (its own date), each agency,
 * year, region and comparison page and the index pages (the latest date of the reports they list), and
 * the methodology page (undated). The embeds are left out (they are marked noindex: the report page is
 * the page to find).
 */
export function sitemapEntries(site: Site, jobs: readonly ReportJob[], dateOf: DateOf): SitemapEntry[] {
  const byReport = new Map(jobs.map((j) => [reportUrl(j.report), dateOf(reportUrl(j.report), j.report)]));
  const byAgency = new Map<string, (string | null)[]>();
  for (const j of jobs) {
    const url = agencyUrl(j.report.agency.slug);
    byAgency.set(url, [...(byAgency.get(url) ?? []), byReport.get(reportUrl(j.report))!]);
  }
  const listing = (page: { url: string; rows: readonly { url: string }[] }): SitemapEntry => ({ path: page.url, lastmod: latest(page.rows.map((r) => byReport.get(r.url) ?? null)) });
  const all = latest(byReport.values());
  return [
    ...INDEX_PAGES.map((path) => ({ path, lastmod: all })),
    ...[...byReport].map(([path, lastmod]) => ({ path, lastmod })),
    ...[...byAgency].map(([path, dates]) => ({ path, lastmod: latest(dates) })),
    ...site.years.map(listing),
    ...site.regions.map(listing),
    ...site.compare.map(listing),
    ...REFERENCE_PAGES.map((path) => ({ path, lastmod: null })),
  ].sort((a, b) => byCodePoint(a.path, b.path));
}

/** One entry of the feed: a report added or changed. */
export interface FeedEntry {
  /** The report page: absolute with --site-url, else its path with the prefix. */
  url: string;
  /** The page's prefix-less path (the entry's id is made from it when there is no site URL). */
  path: string;
  title: string;
  agency: string;
  /** When it was added or last changed (ISO date or date-time). */
  updated: string;
  /** In Chinese: agency, year, requests received and granted. */
  summary: string;
}

/** Entries of the feed. */
export const FEED_ENTRIES = 50;

/** 「凤泉区人民政府 2021 年度：本年新收政府信息公开申请 12 件，予以公开 10 件。」 */
export function feedSummary(r: Report, a: SiteAddress): string {
  const f = embedFigures(r, a);
  const n = (v: number | null) => (v === null ? '（报告未列出）' : ` ${v} 件`);
  return `${r.agency.name} ${r.year ?? '年度不明'}${r.year !== null ? ' 年度' : ''}：本年新收政府信息公开申请${n(f.received)}，予以公开${n(f.granted)}。`;
}

/**
 * The reports most recently added or changed, newest first; reports of the same date by URL. A report
 * with no date at all (not in the record of published URLs, no publishedOn) is left out: an Atom
 * entry must say when it was updated, and no date is guessed.
 */
export function feedEntries(jobs: readonly ReportJob[], dateOf: DateOf, a: SiteAddress, limit = FEED_ENTRIES): FeedEntry[] {
  return jobs
    .map((j) => ({ j, path: reportUrl(j.report), updated: dateOf(reportUrl(j.report), j.report) }))
    .filter((x): x is { j: ReportJob; path: string; updated: string } => x.updated !== null)
    .sort((x, y) => byCodePoint(y.updated, x.updated) || byCodePoint(x.path, y.path))
    .slice(0, limit)
    .map(({ j, path, updated }) => ({ url: shownUrl(a, path), path, title: title(j.report), agency: j.report.agency.name, updated, summary: feedSummary(j.report, a) }));
}
