/**
 * build, second pass: the pages that come one per report or per agency — the report page with its
 * report.json, source.txt and original, and the agency page — rendered by the pool one at a time and
 * written as they come, so that memory holds one page per worker, never the site.
 *
 * A page is made again only when what it is made from changed: each page's inputs (the renderer's
 * code, the path prefix, the site URL, the report's parse, what the archive decided for it, its
 * neighbours; or the agency page's model) are hashed, and the hash is recorded per output folder in
 * the cache. A page whose hash is unchanged and whose files are still in the site is not touched; the
 * others are written into `dir` (the staging folder the build moves into the site when it is
 * complete, see cli/output.ts, or the site itself for the dev server), and the files of pages that are
 * gone are returned for deletion. A page's embed (/embed/…) is one more file of the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyJob, ReportJob } from '../archive/site.ts';
import { sha256, writeAtomic } from './cache.ts';
import { INLINE, type Pool } from './pool.ts';
import type { PageResult, Task } from './tasks.ts';

/** Pages in flight at once (enough to keep every worker's batches full). */
const WINDOW = 256;

import { patchDigest, patchOf } from './summary.ts';
import { realPath } from '../cli/output.ts';
import type { ProductRecord } from './products.ts';
import type { Licence } from '../archive/dataset.ts';

/** What each page of an output folder was made from, and the files it wrote. */
type Manifest = Record<string, { hash: string; files: string[] }>;
/** The record kept per output folder: the streamed pages, and the files Eleventy wrote (pages and assets). */
export interface SiteRecord {
  pages: Manifest;
  eleventy: string[];
  /** The year and region pages Eleventy made, with the hash of each one's model (src/build/aggregates.ts). */
  aggregates: Record<string, string>;
  /** The products made over the whole archive, with the hash each was made from (src/build/products.ts). */
  products: ProductRecord;
}

const manifestPath = (cache: string, out: string) => join(cache, 'site', `${sha256(realPath(out)).slice(0, 16)}.json`);

function readRecord(path: string): SiteRecord {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as SiteRecord;
    if (r && typeof r.pages === 'object' && Array.isArray(r.eleventy) && typeof r.aggregates === 'object') return { ...r, products: r.products ?? {} };
  } catch {
    // none yet, or unreadable: nothing is kept
  }
  return { pages: {}, eleventy: [], aggregates: {}, products: {} };
}

/** What the last build into `out` recorded (empty if none). */
export const previousRecord = (cache: string, out: string) => readRecord(manifestPath(cache, out));

/** Whether the site in `out` has a record of its pages (so a build may change only what changed). */
export const hasRecord = (cache: string, out: string) => existsSync(manifestPath(cache, out));

export interface PagesInput {
  jobs: readonly ReportJob[];
  agencies: readonly AgencyJob[];
  /** Each report's cache key, by source path. */
  keys: ReadonlyMap<string, string>;
  pool: Pool;
  cache: string;
  /** The folder the site is finally served from (the manifest is kept per output folder). */
  out: string;
  /**
   * Where this build writes, asked once it knows how much changed: `changes` true, the folder gets
   * only the changed pages and is moved into the site (or is the site itself, for the dev server);
   * false, it is a whole new site. More than half the pages changed, a new site is cheaper than
   * moving each file in.
   */
  stage: (changes: boolean) => string;
  /** The dev server writes into the site itself: always changes, whatever their number. */
  inPlace?: boolean;
  /** What the last build into `out` made, if its pages may be kept (null: a fresh site, every page made). */
  record: SiteRecord | null;
  prefix: string;
  /** --site-url (null when not given): absolute URLs in the pages and their embeds, so part of every page's hash. */
  siteUrl: string | null;
  /** The data's licence (reports/site.yaml), in every report page's Dataset JSON-LD, so part of its hash. */
  licence: Licence | null;
  renderer: string;
  /** Only pages for which this holds are made (a shard's slice); the default is all. */
  select?: (url: string) => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface PagesOutcome {
  /** Pages rendered in this build, and pages unchanged since the previous one. */
  rendered: number;
  kept: number;
  files: number;
  /** Files of the site (relative) that no page writes any more: a report removed, an agency renamed, an original of another format. */
  deletions: string[];
  /** The files the pages rendered in this build wrote (relative). */
  written: string[];
  /** The files Eleventy wrote in the previous build. */
  previousEleventy: string[];
  /** Record the pages made, the files Eleventy's pages (and the products) are in, its pages' hashes and the products', once the site is in place. */
  save(eleventy: string[], aggregates: Record<string, string>, products: ProductRecord): void;
}

export async function pagesStage(p: PagesInput): Promise<PagesOutcome> {
  const path = manifestPath(p.cache, p.out);
  const record = p.record ?? { pages: {}, eleventy: [], aggregates: {}, products: {} };
  const before = { ...record.pages };
  const after: Manifest = {};
  const select = p.select ?? (() => true);
  // Each page: its URL, the hash of its inputs, and its task made only when it is sent (an agency
  // page's model with it): at no time are all of them held.
  type Page = { url: string; hash: string; task: (out: string) => Task };
  // What the archive decided for each report, as a digest made once (a report's page and its agency's page both depend on it).
  const patches = new Map(p.jobs.map((j) => [j.report, patchDigest(j.report)]));
  const pages: Page[] = [
    ...p.jobs.map((j) => {
      const key = p.keys.get(j.report.source.path)!;
      return {
        url: `/agencies/${j.report.agency.slug}/${j.report.year ?? 'unknown'}/`,
        hash: sha256(p.renderer, p.prefix, p.siteUrl ?? '', JSON.stringify(p.licence), key, patches.get(j.report)!, JSON.stringify([j.prev, j.next, j.original])),
        task: (out: string) => ({ kind: 'report-page' as const, key, cache: p.cache, patch: patchOf(j.report), prev: j.prev, next: j.next, original: j.original, out, prefix: p.prefix, siteUrl: p.siteUrl, licence: p.licence }),
      };
    }),
    // An agency page is a function of its names, its reports (each by its parse and what the archive
    // decided for it) and the agencies it offers to compare with: hashed from those, its model is
    // made only if it is to be written.
    ...p.agencies.map((a) => ({
      url: a.url,
      hash: sha256(p.renderer, p.prefix, p.siteUrl ?? '', JSON.stringify(a.names), JSON.stringify(a.peers()), ...a.reports.flatMap((r) => [p.keys.get(r.source.path)!, patches.get(r)!])),
      task: (out: string) => ({ kind: 'agency-page' as const, page: a.page({ siteUrl: p.siteUrl, prefix: p.prefix }), out, prefix: p.prefix }),
    })),
  ].filter((x) => select(x.url));

  // Which pages to make: those whose inputs changed, or whose page is gone from the site.
  let make = p.record === null ? pages : pages.filter(({ url, hash }) => {
    const old = before[url];
    if (old?.hash === hash && existsSync(join(p.out, old.files[0]!))) {
      after[url] = old;
      return false;
    }
    return true;
  });
  const changes = p.record !== null && (p.inPlace === true || make.length <= pages.length / 2);
  const dir = p.stage(changes);
  if (!changes) {
    // A whole new site: every page made, nothing kept or deleted.
    for (const url of Object.keys(after)) delete after[url];
    for (const url of Object.keys(before)) delete before[url];
    make = pages;
  }
  const kept = pages.length - make.length;
  // A handful (a rebuild after one report changed): in this thread, no worker started for them.
  const run = make.length <= INLINE ? p.pool.few() : p.pool;
  const written: string[] = [];
  let done = kept;
  // A window of tasks in flight, each made just before it is sent: memory holds the window, not the site.
  let next = 0;
  const lane = async () => {
    while (next < make.length) {
      const { url, hash, task } = make[next++]!;
      after[url] = { hash, files: ((await run.run(task(dir))) as PageResult).files };
      p.onProgress?.(++done, pages.length);
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
  for (const { url } of make) written.push(...after[url]!.files);
  const rendered = make.length;
  const now = new Set(Object.values(after).flatMap((x) => x.files));
  const deletions = Object.values(before).flatMap((x) => x.files).filter((f) => !now.has(f));
  const files = Object.values(after).reduce((n, x) => n + x.files.length, 0);
  const sorted = Object.fromEntries(Object.entries(after).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { rendered, kept, files, deletions, written, previousEleventy: changes ? record.eleventy : [], save: (eleventy, aggregates, products) => writeAtomic(path, JSON.stringify({ pages: sorted, eleventy: [...eleventy].sort(), aggregates, products })) };
}
