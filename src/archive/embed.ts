/**
 * archive: the embeds a government portal can put in an <iframe> — one report's key figures
 * (/embed/<slug>/<year>/) and an agency's last years (/embed/<slug>/) — and the code to paste for
 * them and for a plain link. Every figure is computed here; templates/streamed/embed.tsx only
 * presents it.
 */
import type { Report } from '../model/report.ts';
import { reportUrl } from './archive.ts';
import { linkUrl, shownUrl, type SiteAddress } from './address.ts';
import { requestsReceived } from './charts.ts';
import { indicatorOf } from '../indicators/compute.ts';
import { DEFINITION_BY_ID } from '../indicators/definitions.ts';
import { percent } from '../indicators/format.ts';

export { percent } from '../indicators/format.ts';

/** The figures of one report a portal shows: requests, the share granted (with its inputs), reviews and lawsuits. */
export interface EmbedFigures {
  year: number | null;
  /** 本年新收政府信息公开申请数量 · 总计 (legacy: 受理政府信息公开申请总数). */
  received: number | null;
  /** 予以公开 · 总计 (legacy: 同意公开答复数). */
  granted: number | null;
  /** （七）总计 of the outcomes (legacy: 对申请的答复总数): the share's denominator. */
  handled: number | null;
  /** granted ÷ handled as a percentage with one decimal (「83.3%」); null when either is unknown or nothing was handled. */
  share: string | null;
  /** 行政复议 · 总计. */
  reviews: number | null;
  /** 行政诉讼: directly and after a review, totals added (legacy: 行政诉讼数). */
  lawsuits: number | null;
  /** The figures come from the legacy appendix (reports before 2019), whose rows count the same things under the old form. */
  legacy: boolean;
  /** The report page: absolute URL with --site-url, else its path. */
  pageUrl: string;
}

export interface ReportEmbed extends EmbedFigures {
  /** /embed/<slug>/<year>/ */
  url: string;
  agency: string;
  /** 「凤泉区人民政府 2021 年度政府信息公开」 */
  heading: string;
}

export interface AgencyEmbed {
  /** /embed/<slug>/ */
  url: string;
  agency: string;
  /** The last years (up to EMBED_YEARS), oldest first. */
  rows: EmbedFigures[];
  /** The agency page: absolute URL with --site-url, else its path. */
  pageUrl: string;
}

/** What a reader copies from a report's or an agency's page: its permanent URL, the iframe and a link. */
export interface ShareCode {
  /** The page's permanent URL as text: absolute with --site-url, else the path with its prefix. */
  permanent: string;
  /** The same URL for an href (the prefix is added on rendering, so it is not in it). */
  href: string;
  iframe: string;
  link: string;
}

/** Years an agency's embed shows. */
export const EMBED_YEARS = 5;

export const reportEmbedUrl = (slug: string, year: number | null) => `/embed/${slug}/${year ?? 'unknown'}/`;
export const agencyEmbedUrl = (slug: string) => `/embed/${slug}/`;

const legacyRow = (r: Report, re: RegExp) => r.tables.legacyStats?.find((s) => re.test(s.label))?.thisYear ?? null;

/** Known values added; null when none is known. */
const sum = (...values: (number | null | undefined)[]) => values.reduce<number | null>((s, v) => (typeof v === 'number' ? (s ?? 0) + v : s), null);

/** One report's figures, from table 3 and table 4, or from the legacy appendix. */
export function embedFigures(r: Report, a: SiteAddress): EmbedFigures {
  const received = requestsReceived(r).value;
  const modern = r.tables.requests !== null && r.tables.requests !== undefined;
  // The share is the indicator 全部公开率 G/T (legacy: 同意公开 ÷ 答复总数), by its one definition.
  const share = indicatorOf(DEFINITION_BY_ID.get('fullDisclosureRate')!, r);
  const rl = r.tables.reviewLitigation;
  return {
    year: r.year,
    received,
    granted: share.numerator,
    handled: share.denominator,
    share: percent(share.numerator, share.denominator),
    reviews: rl ? rl.review.total : legacyRow(r, /行政复议/),
    lawsuits: rl ? sum(rl.litigationDirect.total, rl.litigationAfterReview.total) : legacyRow(r, /行政诉讼/),
    legacy: !modern && r.tables.legacyStats !== null && r.tables.legacyStats !== undefined,
    pageUrl: linkUrl(a, reportUrl(r)),
  };
}

export function reportEmbed(r: Report, a: SiteAddress): ReportEmbed {
  return {
    ...embedFigures(r, a),
    url: reportEmbedUrl(r.agency.slug, r.year),
    agency: r.agency.name,
    heading: `${r.agency.name} ${r.year ?? '年度不明'}${r.year !== null ? ' 年度' : ''}政府信息公开`,
  };
}

/** An agency's embed: its last years, oldest first. `reports` are its reports, oldest first (as the archive orders them). */
export function agencyEmbed(slug: string, name: string, reports: readonly Report[], a: SiteAddress): AgencyEmbed {
  return {
    url: agencyEmbedUrl(slug),
    agency: name,
    rows: reports.slice(-EMBED_YEARS).map((r) => embedFigures(r, a)),
    pageUrl: linkUrl(a, `/agencies/${slug}/`),
  };
}

/** Text for an HTML attribute or element a reader pastes: & < > " escaped. */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The iframe's size in CSS pixels: a report's card, an agency's table. */
const FRAME = { report: { width: 360, height: 300 }, agency: { width: 480, height: 320 } } as const;

/**
 * The code a portal pastes: the page's permanent URL, an <iframe> of the embed, and a plain link. With
 * --site-url the URLs are absolute (they work on any site); without, they are the site's own paths.
 * No `style` attribute: a portal whose own CSP forbids inline styles would refuse it (and report it);
 * its own stylesheet decides the frame's border.
 */
export function shareCode(kind: 'report' | 'agency', pagePath: string, embedPath: string, title: string, a: SiteAddress): ShareCode {
  const permanent = shownUrl(a, pagePath);
  const { width, height } = FRAME[kind];
  return {
    permanent,
    href: linkUrl(a, pagePath),
    iframe: `<iframe src="${escapeHtml(shownUrl(a, embedPath))}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy"></iframe>`,
    link: `<a href="${escapeHtml(permanent)}">${escapeHtml(title)}</a>`,
  };
}

/** A report's share code: its page, its embed, titled with the statutory title. */
export const reportShareCode = (r: Report, title: string, a: SiteAddress) => shareCode('report', reportUrl(r), reportEmbedUrl(r.agency.slug, r.year), title, a);

/** An agency's share code: its page and its embed. */
export const agencyShareCode = (slug: string, name: string, a: SiteAddress) => shareCode('agency', `/agencies/${slug}/`, agencyEmbedUrl(slug), `${name}历年政府信息公开工作年度报告`, a);
