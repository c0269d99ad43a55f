/**
 * archive → the site: one view model per page, with every link, sum and chart already made.
 * Templates only present what is here (Eleventy's data cascade hands it to them as `site`).
 */
import { PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS, SECTIONS, type SectionKey } from '../model/labels.ts';
import type { Block, Finding, Report } from '../model/report.ts';
import type { Registry } from '../model/registry.ts';
import type { Unregistered } from './registry.ts';
import { ancestorCode, buildArchive, byCodePoint, groupBy, reportUrl, type ArchiveEntry, type RegionNode } from './archive.ts';
import { dataPage, type DataPage } from '../data/model.ts';
import { DEFAULT_CONFIG, type SiteConfig } from '../data/config.ts';
import { agencyCharts, outcomeTotal, perYearCharts, reportCharts, requestsReceived, yearCharts, type ChartSpec } from './charts.ts';
import { linkUrl, NO_ADDRESS, type SiteAddress } from './address.ts';
import { agencyEmbed, agencyShareCode, reportShareCode, type AgencyEmbed, type ShareCode } from './embed.ts';
import { reportDataset, type Dataset, type Licence } from './dataset.ts';
import { DEFINITION_BY_ID } from '../indicators/definitions.ts';
import type { IndicatorId } from '../model/indicators.ts';
import { comparePage, compareUrl, provinceTable, regionTrend, type ComparePage, type ProvinceTable, type RegionTrend } from './compare.ts';
import { methodologyPage, type MethodologyPage } from './methodology.ts';
import { DEFAULT_MINIMUM } from '../indicators/stage.ts';
import { agencyIndicators, reportIndicators, type AgencyIndicators, type ReportIndicators } from './indicatorPages.ts';
import { agencyCompare, peerFinder, type AgencyCompare, type PeerSet } from './peers.ts';

export interface Link {
  href: string;
  text: string;
}

/** Where a finding belongs on the report page. */
export type FindingPlace = 'proactive' | 'requests' | 'reviewLitigation' | 'legacyStats' | 'indicators' | 'report';

export interface FindingView extends Finding {
  /** 1-based number on the page; the anchor is `finding-<n>`. */
  n: number;
  place: FindingPlace;
  /** The cell or row the finding concerns, in the form's own words (「（七）总计 · 自然人」). */
  where: string | null;
  /** Dotted model path of the cell it marks (tables.requests.rows.total.naturalPerson), if any. */
  cell: string | null;
}

/** One row in a list of reports (year, region and agency pages). */
export interface ReportRow {
  url: string;
  agency: string;
  agencyUrl: string;
  year: number | null;
  region: string;
  edition: Report['edition'];
  received: number | null;
  granted: number | null;
  reviews: number | null;
  errors: number;
  warnings: number;
}

export interface ReportPage {
  url: string;
  report: Report;
  jsonUrl: string;
  sourceUrl: string;
  agencyUrl: string;
  yearUrl: string | null;
  regionTrail: Link[];
  prev: Link | null;
  next: Link | null;
  /** The six sections in statutory order, each with the charts drawn from its table. */
  sections: { key: SectionKey; number: string; canonical: string; title: string | null; line: number | null; blocks: Block[]; charts: ChartSpec[] }[];
  charts: ChartSpec[];
  /** 指标: the report's indicators in their four groups, the jumped rows marked (null for a report without them). */
  indicators: ReportIndicators | null;
  findings: FindingView[];
  /** Finding numbers per marked cell path. */
  cellFindings: Record<string, number[]>;
  /** The worst severity of each marked cell's findings (its flag's colour). */
  cellSeverity: Record<string, Finding['severity']>;
  counts: { error: number; warning: number; info: number };
  sourceText: string;
  /** The file as the agency published it (PDF, HTML, DOCX), served beside the text; null for text files. */
  original: { href: string; label: string; download: string } | null;
  /** Which reader read the report, and how each statutory table was found (Chinese, for the page). */
  reading: string;
  /** How to cite the report (GB/T 7714 style); the page's permanent URL goes with it. */
  citation: string;
  /** citation_* meta tags (Zotero, Google Scholar). */
  citationMeta: [string, string][];
  /** <link rel="canonical">: absolute with --site-url, else the path. */
  canonical: string;
  /** 链接与嵌入: the permanent URL, the embed's iframe code and a link, ready to copy. */
  share: ShareCode;
  /** schema.org Dataset (JSON-LD). */
  dataset: Dataset;
}

export interface AgencyPage {
  url: string;
  slug: string;
  name: string;
  aliases: string[];
  /** 曾用名: names before a renaming (registry). */
  formerNames: string[];
  regionTrail: Link[];
  rows: ReportRow[];
  charts: ChartSpec[];
  /** 指标: the main indicators by year, blanks with their reasons, and their trend charts. */
  indicators: AgencyIndicators | null;
  /** 对比: the agencies of its region to compare with (links; public/assets/compare.js makes them a form). */
  compare: AgencyCompare;
  /** <link rel="canonical">: absolute with --site-url, else the path. */
  canonical: string;
  /** 链接与嵌入: the agency page's URL and its embed's code. */
  share: ShareCode;
  /** The agency's embed (/embed/<slug>/), written beside its page. */
  embed: AgencyEmbed;
}

export interface YearPage {
  url: string;
  /** <link rel="canonical">: absolute with --site-url, else the path. */
  canonical: string;
  year: number;
  rows: ReportRow[];
  charts: ChartSpec[];
  prev: Link | null;
  next: Link | null;
  /** The headline indicators summed over the year's reports, by province (each linking to its comparison page). */
  provinces: ProvinceTable;
}

export interface RegionPage {
  url: string;
  /** <link rel="canonical">: absolute with --site-url, else the path. */
  canonical: string;
  code: string;
  name: string;
  trail: Link[];
  children: { href: string; text: string; reportCount: number }[];
  rows: ReportRow[];
  charts: ChartSpec[];
  /** 各年度对比: the headline indicators per year, each year's comparison page, and their trend. */
  trend: RegionTrend;
}

/** The agencies index: the region tree with each node's agencies (links), then agencies without a region. */
export interface AgencyTreeNode {
  code: string;
  name: string;
  href: string;
  reportCount: number;
  agencies: Link[];
  children: AgencyTreeNode[];
}

export interface Site {
  /** <link rel="canonical"> of the home page and the indexes: absolute with --site-url, else the path. */
  canonical: Record<'home' | 'agencies' | 'years' | 'regions' | 'data', string>;
  reportCount: number;
  agencyCount: number;
  home: {
    years: { year: number; href: string; reportCount: number; received: number | null }[];
    regions: { href: string; text: string; reportCount: number }[];
    latest: ReportRow[];
    charts: ChartSpec[];
  };
  agencyTree: AgencyTreeNode[];
  agenciesWithoutRegion: Link[];
  /** Every published report: its file and permanent URL (for the summary). */
  published: { path: string; url: string }[];
  years: YearPage[];
  regions: RegionPage[];
  /** One comparison page per region and year with reports below it: /regions/<code>/<year>/. */
  compare: ComparePage[];
  /** /methodology/ (方法与指标): the definitions and how sums and rankings are made. */
  methodology: MethodologyPage;
  /** data/index.json */
  index: ArchiveEntry[];
  /** Reports left out because another file already gave this agency and year. */
  duplicates: { path: string; id: string; kept: string; why: string; tied: boolean }[];
  /** Reports left out because their agency or year is unknown (no permanent URL). */
  unplaced: { path: string; reason: string }[];
  /** The data page: the files under /data/, their slices and columns, the terms of use (src/data/model.ts). */
  data: DataPage;
  /** Agencies the registry (agencies.yaml) does not know, each with a ready-to-paste entry. */
  unregistered: Unregistered[];
  /** Reports whose agency matches more than one registry entry. */
  ambiguous: { path: string; names: string[] }[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
export const regionUrl = (code: string) => `/regions/${code}/`;
export const yearUrl = (year: number) => `/years/${year}/`;
export const agencyUrl = (slug: string) => `/agencies/${slug}/`;

const trailOf = (region: { code: string; path: readonly string[] } | null): Link[] =>
  region ? region.path.map((name, depth) => ({ href: regionUrl(ancestorCode(region.code, depth, region.path.length)), text: name })) : [];

const count = (r: Report, severity: Finding['severity']) => r.findings.filter((f) => f.severity === severity).length;

export function reportRow(r: Report): ReportRow {
  return {
    url: reportUrl(r),
    agency: r.agency.name,
    agencyUrl: agencyUrl(r.agency.slug),
    year: r.year,
    region: r.agency.region ? r.agency.region.path.join(' ') : '',
    edition: r.edition,
    received: requestsReceived(r).value,
    granted: r.tables.requests ? outcomeTotal(r, 'granted') : null,
    reviews: r.tables.reviewLitigation?.review.total ?? null,
    errors: count(r, 'error'),
    warnings: count(r, 'warning'),
  };
}

/** The form's own words for a model path: ["tables","requests","rows","total","naturalPerson"] → 「表三 （七）总计 · 自然人」. */
export function describePath(r: Report, path: Finding['path']): { place: FindingPlace; where: string | null; cell: string | null } {
  const [root, table, ...rest] = path.map(String);
  if (root === 'indicators' && table) {
    const d = DEFINITION_BY_ID.get(table as IndicatorId);
    return { place: 'indicators', where: d ? `指标 ${d.name}` : null, cell: null };
  }
  if (root !== 'tables' || !table) return { place: 'report', where: null, cell: null };
  const cell = path.length >= 3 ? path.join('.') : null;
  if (table === 'requests') {
    const [, row, col] = rest;
    const rowLabel = REQUEST_ROWS.find((x) => x.key === row);
    const colLabel = REQUEST_COLUMNS.find((c) => c.key === col);
    const label = rowLabel ? `${rowLabel.group && !rowLabel.group.startsWith('三') ? `${rowLabel.group} ` : ''}${rowLabel.label}` : row ?? '';
    return { place: 'requests', where: `表三 ${label}${colLabel ? ` · ${colLabel.label}` : ''}`, cell: col ? cell : null };
  }
  if (table === 'reviewLitigation') {
    const [group, field] = rest;
    const g = REVIEW_GROUPS.find((x) => x.key === group);
    const f = REVIEW_FIELDS.find((x) => x.key === field);
    return { place: 'reviewLitigation', where: `表四 ${g?.label ?? group ?? ''}${f ? ` · ${f.label}` : ''}`, cell: field ? cell : null };
  }
  if (table === 'proactive') {
    const [row, field] = rest;
    const edition = r.tables.proactive?.edition ?? (r.edition === '2019' ? '2019' : '2021');
    const rowLabel = PROACTIVE_ROWS[edition].find((x) => x.key === row);
    const f = rowLabel?.fields.find((x) => x.key === field);
    return { place: 'proactive', where: `表二 ${rowLabel?.label ?? row ?? ''}${f ? ` · ${f.label}` : ''}`, cell: field ? cell : null };
  }
  if (table === 'legacyStats') {
    const [index, field] = rest;
    const s = r.tables.legacyStats?.[Number(index)];
    return { place: 'legacyStats', where: `附表 ${s?.label ?? ''}${field === 'thisYear' ? ' · 本年度' : field === 'cumulative' ? ' · 历年累计' : ''}`, cell: field ? cell : null };
  }
  return { place: 'report', where: null, cell: null };
}

/** The report's title as printed, or the statutory title made from agency and year. */
export const title = (r: Report) => r.title ?? `${r.agency.name}${r.year ?? ''}年政府信息公开工作年度报告`;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const FORMAT_LABEL = { pdf: 'PDF', html: '网页（HTML）', docx: 'Word（DOCX）', text: '文本' } as const;
const METHOD_LABEL = { lattice: '按表格线识别', stream: '按文字对齐识别', html: '按网页/Word 表格结构读取', text: '按文本分隔读取' } as const;
const TABLE_LABEL = { proactive: '表二', requests: '表三', reviewLitigation: '表四', legacyStats: '附表' } as const;

/** The file name the original is served under: original.pdf, original.html, original.docx. */
/**
 * The file name the original is served under: original.pdf, original.docx — and original.html.txt
 * for a web page, so that a portal's scripts never run under the archive's address (the download is
 * still saved as original.html).
 */
export const originalName = (r: Report) => (r.source.format === 'html' ? 'original.html.txt' : `original.${r.source.format}`);

/** 「读取方式：PDF；表三按表格线识别（第2–3页）…」 */
export function readingOf(r: Report): string {
  const tables = r.source.tables.map((t) => `${TABLE_LABEL[t.table]}${METHOD_LABEL[t.method]}${t.pages.length ? `（第${t.pages.length > 1 ? `${t.pages[0]}–${t.pages[t.pages.length - 1]}` : t.pages[0]}页）` : ''}`);
  return `${FORMAT_LABEL[r.source.format]}${tables.length ? `；${tables.join('，')}` : ''}`;
}

/**
 * A report page's model. `r` is the report as the archive placed it (with its sections); prev/next are
 * its agency's neighbouring years; `address` where the site is served (absolute URLs with --site-url).
 */
export function reportPage(r: Report, prev: Link | null, next: Link | null, sourceText: string, address: SiteAddress = NO_ADDRESS, licence: Licence | null = null): ReportPage {
  const url = reportUrl(r);
  const ordered = [...r.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  const findings: FindingView[] = ordered.map((f, k) => ({ ...f, n: k + 1, ...describePath(r, f.path) }));
  const charts = reportCharts(r);
  const cellFindings: Record<string, number[]> = {};
  const cellSeverity: Record<string, Finding['severity']> = {};
  for (const f of findings) {
    if (!f.cell) continue;
    (cellFindings[f.cell] ??= []).push(f.n);
    // Findings are numbered worst first: a cell's first is its worst.
    cellSeverity[f.cell] ??= f.severity;
  }
  return {
    url,
    report: r,
    jsonUrl: `${url}report.json`,
    sourceUrl: `${url}source.txt`,
    agencyUrl: agencyUrl(r.agency.slug),
    yearUrl: r.year !== null ? yearUrl(r.year) : null,
    regionTrail: trailOf(r.agency.region),
    prev,
    next,
    sections: SECTIONS.map((s, k) => {
      const sec = r.sections[s.key];
      return { key: s.key, number: NUMERALS[k]!, canonical: s.canonical, title: sec?.title ?? null, line: sec?.line ?? null, blocks: sec?.blocks ?? [], charts: charts.filter((c) => c.section === s.key) };
    }),
    charts,
    indicators: reportIndicators(r, findings),
    findings,
    cellFindings,
    cellSeverity,
    counts: { error: count(r, 'error'), warning: count(r, 'warning'), info: count(r, 'info') },
    sourceText,
    original: r.source.format === 'text' ? null : { href: `${url}${originalName(r)}`, label: `原始文件（${FORMAT_LABEL[r.source.format]}）`, download: `original.${r.source.format}` },
    reading: readingOf(r),
    // No date is guessed: a report that prints none is cited without one.
    citation: `${r.agency.name}. ${title(r)}${r.documentNumber ? `（${r.documentNumber}）` : ''}[R]${r.publishedOn ? `. ${r.publishedOn}` : ''}.`,
    citationMeta: [
      ['citation_title', title(r)],
      ['citation_author', r.agency.name],
      ...(r.publishedOn ? [['citation_publication_date', r.publishedOn.replace(/-/g, '/')] as [string, string]] : []),
      ...(r.documentNumber ? [['citation_technical_report_number', r.documentNumber] as [string, string]] : []),
      ['citation_language', 'zh'],
    ],
    canonical: linkUrl(address, url),
    share: reportShareCode(r, title(r), address),
    // The licence travels in the report-page task and is part of the page's hash (src/build/pages.ts).
    dataset: reportDataset(r, address, licence),
  };
}

function flattenRegions(nodes: readonly RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenRegions(n.children)]);
}

/** One report page to make: the report as the archive placed it, its neighbours, and its original file (absolute path) if served. */
export interface ReportJob {
  report: Report;
  prev: Link | null;
  next: Link | null;
  original: string | null;
}

const yearLink = (r: Report): Link => ({ href: reportUrl(r), text: `${r.year ?? '年度不明'} 年度` });

/** One agency page to make: its URL, and its model made when asked (held by nobody between). */
export interface AgencyJob {
  url: string;
  /** What the page is made from besides its reports: the names the archive gave the agency. */
  names: { slug: string; name: string; aliases: string[]; formerNames: string[] };
  /** Its reports as the archive placed them, oldest first. */
  reports: readonly Report[];
  /** The agencies its page offers to compare with (made when asked; part of the page's hash). */
  peers: () => PeerSet;
  /** The page's model; `address` where the site is served (absolute URLs with --site-url), the model's own by default. */
  page: (address?: SiteAddress) => AgencyPage;
}

/**
 * Every page's model but the reports' and agencies' own: those are made one at a time from `jobs`
 * and `agencies` (src/build/), so that no more than a few are ever held. `reports` need not carry
 * their sections (the build passes summaries); `originals` maps a source path to its file; `address`
 * is where the site is served (absolute canonical URLs with --site-url).
 */
export function buildSiteModel(input: readonly Report[], registry: Registry | null = null, originals: ReadonlyMap<string, string> = new Map(), address: SiteAddress = NO_ADDRESS, config: SiteConfig = DEFAULT_CONFIG): { site: Site; jobs: ReportJob[]; agencies: AgencyJob[] } {
  const archive = buildArchive(input, registry, config.minimumCases);
  const reports = archive.reports;
  const rowsOf = (rs: readonly Report[]) => rs.map(reportRow);
  const agencyBySlug = new Map(archive.agencies.map((a) => [a.slug, a]));

  const jobs: ReportJob[] = archive.agencies.flatMap((a) =>
    a.reports.map((r, i) => ({
      report: r,
      prev: i > 0 ? yearLink(a.reports[i - 1]!) : null,
      next: i < a.reports.length - 1 ? yearLink(a.reports[i + 1]!) : null,
      original: r.source.format !== 'text' ? (originals.get(r.source.path) ?? null) : null,
    })),
  );

  const peersOf = peerFinder(archive.agencies, archive.regions);
  const agencies: AgencyJob[] = archive.agencies.map((a) => ({ url: agencyUrl(a.slug), names: { slug: a.slug, name: a.name, aliases: a.aliases, formerNames: a.formerNames }, reports: a.reports, peers: () => peersOf(a), page: (at = address) => {
    const latest = a.reports[a.reports.length - 1]!;
    return {
      url: agencyUrl(a.slug),
      canonical: linkUrl(at, agencyUrl(a.slug)),
      slug: a.slug,
      name: a.name,
      aliases: a.aliases,
      formerNames: a.formerNames,
      regionTrail: trailOf(latest.agency.region),
      rows: rowsOf(a.reports),
      charts: agencyCharts(a.reports),
      indicators: agencyIndicators(a.reports),
      compare: agencyCompare(a, peersOf(a), at),
      share: agencyShareCode(a.slug, a.name, at),
      embed: agencyEmbed(a.slug, a.name, a.reports, at),
    };
  } }));

  const yearList = archive.years.map((y) => y.year);
  const inYear = groupBy(reports, (r) => (r.year !== null ? [r.year] : []));
  // Each report belongs to its division and every division above it.
  const inRegion = groupBy(reports, ({ agency: { region } }) => (region ? region.path.map((_, depth) => ancestorCode(region.code, depth, region.path.length)) : []));
  const minimum = config.minimumCases ?? DEFAULT_MINIMUM;
  const ofYear = (rs: readonly Report[] | undefined, year: number) => (rs ?? []).filter((r) => r.year === year);
  const years: YearPage[] = archive.years.map((y, k) => {
    const rs = [...(inYear.get(y.year) ?? [])].sort((a, b) => byCodePoint(a.agency.name, b.agency.name));
    const prev = yearList[k - 1];
    const next = yearList[k + 1];
    return {
      url: yearUrl(y.year),
      canonical: linkUrl(address, yearUrl(y.year)),
      year: y.year,
      rows: rowsOf(rs),
      charts: yearCharts(rs),
      prev: prev !== undefined ? { href: yearUrl(prev), text: `${prev} 年度` } : null,
      next: next !== undefined ? { href: yearUrl(next), text: `${next} 年度` } : null,
      provinces: provinceTable(
        y.year,
        archive.regions.map((n) => ({ code: n.code, name: n.name, regionHref: regionUrl(n.code), reports: ofYear(inRegion.get(n.code), y.year) })).filter((p) => p.reports.length),
        rs.filter((r) => !r.agency.region),
        rs,
        minimum,
      ),
    };
  });

  const allRegions = flattenRegions(archive.regions);
  // Each region's reports by year, oldest first (the years with any).
  const regionYears = new Map(allRegions.map((n) => [n.code, groupBy(inRegion.get(n.code) ?? [], (r) => (r.year !== null ? [r.year] : []))]));
  const yearsOf = (code: string) => yearList.filter((year) => regionYears.get(code)!.has(year)).map((year) => ({ year, reports: regionYears.get(code)!.get(year)! }));
  const regions: RegionPage[] = allRegions.map((n) => {
    const rs = [...(inRegion.get(n.code) ?? [])]
      .sort((a, b) => byCodePoint(a.agency.name, b.agency.name) || (a.year ?? 0) - (b.year ?? 0));
    return {
      url: regionUrl(n.code),
      canonical: linkUrl(address, regionUrl(n.code)),
      code: n.code,
      name: n.name,
      trail: trailOf(n).slice(0, -1),
      children: n.children.map((c) => ({ href: regionUrl(c.code), text: c.name, reportCount: c.reportCount })),
      rows: rowsOf(rs),
      charts: perYearCharts(rs),
      trend: regionTrend(n.code, yearsOf(n.code)),
    };
  });
  const compare: ComparePage[] = allRegions.flatMap((n) => {
    const years = yearsOf(n.code);
    return years.map((y) =>
      comparePage({
        code: n.code,
        name: n.name,
        path: n.path,
        // The region's own page included: the page is one of its years.
        trail: trailOf(n),
        regionUrl: regionUrl(n.code),
        yearUrl: yearUrl(y.year),
        canonical: linkUrl(address, compareUrl(n.code, y.year)),
        year: y.year,
        years: years.map((x) => x.year),
        reports: y.reports,
        minimum,
      }),
    );
  });

  const tree = (nodes: readonly RegionNode[]): AgencyTreeNode[] =>
    nodes.map((n) => ({
      code: n.code,
      name: n.name,
      href: regionUrl(n.code),
      reportCount: n.reportCount,
      // An agency is listed at the deepest node it belongs to.
      agencies: n.agencies
        .filter((slug) => agencyBySlug.get(slug)?.regionCode === n.code)
        .map((slug) => ({ href: agencyUrl(slug), text: agencyBySlug.get(slug)!.name }))
        .sort((a, b) => byCodePoint(a.text, b.text)),
      children: tree(n.children),
    }));

  const site: Site = {
    canonical: { home: linkUrl(address, '/'), agencies: linkUrl(address, '/agencies/'), years: linkUrl(address, '/years/'), regions: linkUrl(address, '/regions/'), data: linkUrl(address, '/data/') },
    reportCount: reports.length,
    agencyCount: archive.agencies.length,
    home: {
      years: archive.years.map((y) => ({ year: y.year, href: yearUrl(y.year), reportCount: y.reportCount, received: y.received })),
      regions: archive.regions.map((n) => ({ href: regionUrl(n.code), text: n.name, reportCount: n.reportCount })),
      // The ten most recent reports: latest year first, then by signing date.
      latest: rowsOf(
        [...reports]
          .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || byCodePoint(b.publishedOn ?? '', a.publishedOn ?? '') || byCodePoint(a.agency.name, b.agency.name))
          .slice(0, 10),
      ),
      charts: perYearCharts(reports),
    },
    agencyTree: tree(archive.regions),
    agenciesWithoutRegion: archive.agencies.filter((a) => a.regionCode === null).map((a) => ({ href: agencyUrl(a.slug), text: a.name })),
    published: jobs.map((j) => ({ path: j.report.source.path, url: reportUrl(j.report) })),
    years,
    regions,
    compare,
    methodology: methodologyPage(linkUrl(address, '/methodology/'), config.minimumCases),
    index: archive.entries,
    duplicates: archive.duplicates.map((d) => ({ path: d.report.source.path, id: d.report.id, kept: d.kept.source.path, why: d.why, tied: d.tied })),
    unplaced: archive.unplaced.map((r) => ({ path: r.source.path, reason: r.findings.some((f) => f.code === 'no-report-content') ? 'not a report: no title, sections or tables' : r.provenance['agency'] === 'none' ? 'agency unknown' : 'year unknown' })),
    data: dataPage(reports, config),
    unregistered: archive.unregistered,
    ambiguous: archive.ambiguous,
  };
  return { site, jobs, agencies };
}

/** The whole site model in memory, report pages included (tests and small tools; the build streams). `sources`: text by source path. */
export function buildSite(input: readonly Report[], sources: ReadonlyMap<string, string>, registry: Registry | null = null, originals: ReadonlyMap<string, string> = new Map(), config: SiteConfig = DEFAULT_CONFIG): Site & { reports: ReportPage[]; agencies: AgencyPage[] } {
  const { site, jobs, agencies } = buildSiteModel(input, registry, originals, NO_ADDRESS, config);
  return { ...site, reports: jobs.map((j) => reportPage(j.report, j.prev, j.next, sources.get(j.report.source.path) ?? '')), agencies: agencies.map((a) => a.page()) };
}
