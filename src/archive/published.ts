/**
 * archive: permanent links. Every page URL the archive has published — each report's page and each
 * agency's page — is kept in a record committed with the reports (`published-urls.txt`), and must
 * keep answering:
 *
 * - a URL the archive still makes is `published`;
 * - a URL whose page now lives elsewhere (an agency renamed, merged, its name corrected, its slug
 *   changed) is `moved`, with the URL it moved to: the build writes a redirect page there;
 * - a URL the maintainer took down on purpose is `withdrawn`, with the reason: the build writes a
 *   page saying so;
 * - any other recorded URL the archive no longer makes fails the build, with what to do.
 *
 * Where a URL went is found from what the record says of it: the same file (a report whose agency
 * was renamed), else the same agency (by any of its current names, aliases and former names) and
 * year; an agency page follows its reports. The record also dates each URL: when it was first
 * published and when its report's data last changed (for the feed and the sitemap), from a hash
 * of what a reader sees of the report: its agency, year, edition and tables.
 *
 * Pure: text and models in, text and decisions out. The build reads and writes the file.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../model/report.ts';

export const RECORD_FILE = 'published-urls.txt';

export type UrlStatus = 'published' | 'moved' | 'withdrawn';

export interface UrlEntry {
  url: string;
  status: UrlStatus;
  /** ISO dates: first published, and last changed (its report's data, or its status). */
  added: string;
  changed: string;
  /** A report page: the hash of its data; otherwise `-`. */
  hash: string;
  /** The agency's name when the URL was last published. */
  agency: string;
  /** published report: its source file; moved: the URL it moved to; withdrawn: the reason. */
  detail: string;
}

/** A page the archive makes in this build. */
export interface CurrentPage {
  url: string;
  kind: 'report' | 'agency';
  agency: string;
  /** Every name the agency goes by now (name, aliases, former names). */
  names: readonly string[];
  /** A report page: its year, source file and data hash. */
  year?: number | null;
  source?: string;
  hash?: string;
}

export interface RecordProblem {
  line: number;
  message: string;
}

const HEADER = [
  '# nianbao: every page URL this archive has published. Keep this file with the reports and commit it.',
  '# The build adds new URLs and keeps the rest answering. A URL that would disappear stops the build:',
  '# to take a report down on purpose, change its line\'s status from "published" to "withdrawn" and put',
  '# the reason in the last column. (An archive never published yet may delete this file.)',
  '# Columns, separated by tabs: url, status (published | moved | withdrawn), first published,',
  '# last changed, data hash, agency, detail (a report\'s file; where a moved URL went; why withdrawn).',
];

const STATUSES = new Set<UrlStatus>(['published', 'moved', 'withdrawn']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The record's lines; lines that cannot be used are problems (line number, what is wrong), never dropped silently. */
export function parseRecord(text: string): { entries: UrlEntry[]; problems: RecordProblem[] } {
  const entries: UrlEntry[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    const cols = raw.split('\t');
    const [url = '', status = '', added = '', changed = '', hash = '', agency = '', ...rest] = cols;
    const detail = rest.join('\t');
    if (cols.length < 6) problems.push({ line, message: `expected 7 tab-separated columns (url, status, first published, last changed, hash, agency, detail), found ${cols.length}` });
    else if (!/^\/[^\s]*\/$/.test(url)) problems.push({ line, message: `"${url}" is not a page URL (it starts and ends with /)` });
    else if (!STATUSES.has(status as UrlStatus)) problems.push({ line, message: `status "${status}" is not one of published, moved, withdrawn` });
    else if (!DATE.test(added) || !DATE.test(changed)) problems.push({ line, message: 'the dates must be written YYYY-MM-DD' });
    else if (status === 'moved' && !/^\/[^\s]*\/$/.test(detail)) problems.push({ line, message: `a moved URL needs the URL it moved to in the last column, found "${detail}"` });
    else if (status === 'withdrawn' && !detail.trim()) problems.push({ line, message: 'a withdrawn URL needs the reason in the last column (it is shown to readers)' });
    else if (seen.has(url)) problems.push({ line, message: `${url} is listed twice` });
    else {
      seen.add(url);
      entries.push({ url, status: status as UrlStatus, added, changed, hash, agency, detail });
    }
  });
  return { entries, problems };
}

const byUrl = (a: UrlEntry, b: UrlEntry) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

export function formatRecord(entries: readonly UrlEntry[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return `${[...HEADER, ...[...entries].sort(byUrl).map((e) => [e.url, e.status, e.added, e.changed, e.hash, clean(e.agency), clean(e.detail)].join('\t'))].join('\n')}\n`;
}

/** What a reader sees of a report, hashed: its data changed when this does. */
export function reportDataHash(r: Report): string {
  const { literals: _literals, lines: _lines, ...tables } = r.tables;
  return createHash('sha256').update(JSON.stringify([r.agency.name, r.year, r.edition, tables])).digest('hex').slice(0, 12);
}

/** The archive's pages as the record sees them. */
export function currentPages(reports: readonly Report[], agencies: readonly { url: string; names: { name: string; aliases: readonly string[]; formerNames: readonly string[] } }[], reportUrl: (r: Report) => string): CurrentPage[] {
  const namesByUrl = new Map(agencies.map((a) => [a.url, [a.names.name, ...a.names.aliases, ...a.names.formerNames]]));
  return [
    ...agencies.map((a) => ({ url: a.url, kind: 'agency' as const, agency: a.names.name, names: namesByUrl.get(a.url)! })),
    ...reports.map((r) => ({
      url: reportUrl(r),
      kind: 'report' as const,
      agency: r.agency.name,
      names: namesByUrl.get(`/agencies/${r.agency.slug}/`) ?? [r.agency.name],
      year: r.year,
      source: r.source.path,
      hash: reportDataHash(r),
    })),
  ];
}

export interface LinkPlan {
  /** The record to write after the build. */
  entries: UrlEntry[];
  /** Redirect pages to write: from a URL the archive no longer makes to the page that took its place. */
  redirects: { from: string; to: string }[];
  /** Pages saying a URL was withdrawn, and why. */
  withdrawn: { url: string; reason: string; agency: string }[];
  /** URLs that would disappear: the build must stop. */
  missing: UrlEntry[];
  /** Whether the record's text changes. */
  changed: boolean;
}

/** Whether a page URL is a report's (`/agencies/<slug>/<year>/`), and the agency page above it. */
export const isReportUrl = (url: string) => /^\/agencies\/[^/]+\/[^/]+\/$/.test(url);
export const agencyOf = (url: string) => url.replace(/[^/]+\/$/, '');
const yearOf = (url: string) => url.split('/')[3] ?? '';

/** Decide, for every recorded URL and every page made now, what the site holds at that URL. `today` is an ISO date. */
export function planLinks(previous: readonly UrlEntry[], pages: readonly CurrentPage[], today: string): LinkPlan {
  const current = new Map(pages.map((p) => [p.url, p]));
  const recorded = new Map(previous.map((e) => [e.url, e]));
  const entries = new Map<string, UrlEntry>();
  // Pages made now: published (again); a report's data dated by its hash.
  for (const p of pages) {
    const old = recorded.get(p.url);
    const hash = p.hash ?? '-';
    const unchanged = old?.status === 'published' && old.hash === hash;
    entries.set(p.url, { url: p.url, status: 'published', added: old?.added ?? today, changed: unchanged ? old.changed : today, hash, agency: p.agency, detail: p.source ?? '' });
  }
  // Where a recorded report went: the same file, else the same agency (by any of its names) and year.
  const bySource = new Map<string, string>();
  const byNameYear = new Map<string, string>();
  for (const p of pages) {
    if (p.kind !== 'report') continue;
    if (p.source) bySource.set(p.source, p.url);
    for (const n of p.names) if (!byNameYear.has(`${n}|${p.year}`)) byNameYear.set(`${n}|${p.year}`, p.url);
  }
  const agencyByName = new Map<string, string>();
  for (const p of pages) if (p.kind === 'agency') for (const n of p.names) if (!agencyByName.has(n)) agencyByName.set(n, p.url);
  const gone = previous.filter((e) => !current.has(e.url));
  const target = new Map<string, string>();
  for (const e of gone) {
    if (e.status === 'moved') target.set(e.url, e.detail);
    else if (e.status === 'published' && isReportUrl(e.url)) {
      const to = bySource.get(e.detail) ?? byNameYear.get(`${e.agency}|${yearOf(e.url)}`);
      if (to) target.set(e.url, to);
    }
  }
  // An agency page follows its reports (the first of their new agencies, in URL order), else its name.
  for (const e of gone) {
    if (e.status !== 'published' || isReportUrl(e.url)) continue;
    const followed = [...target].filter(([from]) => agencyOf(from) === e.url).map(([, to]) => agencyOf(to)).sort()[0];
    const to = followed ?? agencyByName.get(e.agency);
    if (to) target.set(e.url, to);
  }
  // A withdrawn report's agency page, when the agency has nothing left, is withdrawn with it.
  const withdrawnAgencies = new Set(gone.filter((e) => e.status === 'withdrawn' && isReportUrl(e.url)).map((e) => agencyOf(e.url)));

  const redirects: LinkPlan['redirects'] = [];
  const withdrawn: LinkPlan['withdrawn'] = [];
  const missing: UrlEntry[] = [];
  // Follow moves to where they end (a page moved twice); a chain that ends nowhere leaves the URL missing.
  const resolve = (url: string): string | null => {
    const seen = new Set<string>();
    let at = url;
    while (!current.has(at)) {
      if (seen.has(at)) return null;
      seen.add(at);
      const next = target.get(at);
      if (next) at = next;
      else if (recorded.get(at)?.status === 'withdrawn') return at;
      else return null;
    }
    return at;
  };
  for (const e of gone) {
    if (e.status === 'withdrawn') {
      withdrawn.push({ url: e.url, reason: e.detail, agency: e.agency });
      entries.set(e.url, e);
      continue;
    }
    const to = target.has(e.url) ? resolve(target.get(e.url)!) : null;
    if (to) {
      redirects.push({ from: e.url, to });
      entries.set(e.url, e.status === 'moved' && e.detail === to ? e : { ...e, status: 'moved', changed: today, hash: '-', detail: to });
    } else if (!isReportUrl(e.url) && withdrawnAgencies.has(e.url)) {
      const reason = '该机关的报告均已撤回';
      withdrawn.push({ url: e.url, reason, agency: e.agency });
      entries.set(e.url, { ...e, status: 'withdrawn', changed: today, hash: '-', detail: reason });
    } else {
      missing.push(e);
      entries.set(e.url, e);
    }
  }
  const list = [...entries.values()].sort(byUrl);
  const before = [...previous].sort(byUrl);
  const changed = list.length !== before.length || list.some((e, i) => JSON.stringify(e) !== JSON.stringify(before[i]));
  return { entries: list, redirects: redirects.sort((a, b) => (a.from < b.from ? -1 : 1)), withdrawn: withdrawn.sort((a, b) => (a.url < b.url ? -1 : 1)), missing, changed };
}

/**
 * A record for an archive that has none yet but a site already published (made before nianbao kept
 * the record): its pages, from each report's report.json, as if published today. The first build
 * with the record then redirects what moved since instead of losing it.
 */
export function seedRecord(published: readonly { url: string; report: Report }[], today: string): UrlEntry[] {
  const entries = new Map<string, UrlEntry>();
  for (const { url, report } of published) {
    const agency = agencyOf(url);
    entries.set(url, { url, status: 'published', added: today, changed: today, hash: reportDataHash(report), agency: report.agency.name, detail: report.source.path });
    if (!entries.has(agency)) entries.set(agency, { url: agency, status: 'published', added: today, changed: today, hash: '-', agency: report.agency.name, detail: '' });
  }
  return [...entries.values()].sort(byUrl);
}

/** What the build says when URLs would disappear: which, and what to do. */
export function missingMessage(missing: readonly UrlEntry[], recordPath: string): string {
  const shown = missing.slice(0, 20).map((e) => `  ${e.url}  (${e.agency}${isReportUrl(e.url) ? `, ${e.detail}` : ''})`);
  return [
    `${missing.length} published URL${missing.length > 1 ? 's' : ''} would disappear: the archive no longer makes ${missing.length > 1 ? 'these pages' : 'this page'}, and nothing says where ${missing.length > 1 ? 'they' : 'it'} went.`,
    ...shown,
    ...(missing.length > 20 ? [`  … and ${missing.length - 20} more`] : []),
    'Links to them from portals and citations would break. Either:',
    '  - put the report file back (or, if its agency was renamed, give the registry entry the old name under formerNames), or',
    `  - withdraw it on purpose: in ${recordPath}, change "published" to "withdrawn" on its line and put the reason in the last column; the URL then shows that reason.`,
    `The previous site is unchanged. (An archive never published yet may delete ${recordPath}.)`,
  ].join('\n');
}

/** Today as an ISO date, in China's time zone; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible builds. */
export function today(now = process.env['SOURCE_DATE_EPOCH'] ? Number(process.env['SOURCE_DATE_EPOCH']) * 1000 : Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
