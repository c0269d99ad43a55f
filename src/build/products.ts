/**
 * build: the files made over the whole archive outside Eleventy — the bulk data (/data/), the search
 * index (/pagefind/), the sitemap and feed, the redirect pages of URLs that moved. Each product says
 * what it is made from (a hash) and writes its files; a rebuild whose product hash is unchanged, with
 * its files still in the site, keeps them as they are. The record of each product's hash and files is
 * kept with the pages' (src/build/pages.ts).
 *
 * Products run after the pages, in the build's own thread, and only in a build of the whole site or
 * its aggregate pass (`--aggregates`), never in a page shard.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../model/report.ts';
import type { ReportJob, Site } from '../archive/site.ts';
import type { LinkPlan } from '../archive/published.ts';
import { readParsed } from './cache.ts';
import { patchOf } from './summary.ts';

export interface ProductContext {
  /** The whole site model (every year and region page, whatever Eleventy renders again). */
  site: Site;
  /** Every published report, in the archive's order (agency, then year). */
  jobs: readonly ReportJob[];
  /** The folder the site is served from (the previous build's files are there). */
  out: string;
  /** Eleventy's path prefix: `/` or `/sub/`. */
  prefix: string;
  /** --site-url: the absolute URL the site is served at (no trailing slash), or null. */
  siteUrl: string | null;
  /** The renderer's fingerprint (the build's code): part of every product's hash. */
  renderer: string;
  /** Each report's parse-cache key by source path: a report's parse changes exactly when its key does. */
  keys: ReadonlyMap<string, string>;
  /** The full report as its report.json gives it (its cached parse, with what the archive decided). */
  report(job: ReportJob): Report;
  /** The full report and its text as source.txt gives it, read together (one read of the cache). */
  full(job: ReportJob): { report: Report; text: string };
  /**
   * When this archive first published a page URL, and when its content last changed (ISO dates, from
   * the archive's record of published URLs, src/archive/published.ts); null if not recorded.
   */
  history(url: string): { added: string; changed: string } | null;
  /** Published URLs the archive no longer makes: where each moved, or why it was withdrawn. */
  links: Pick<LinkPlan, 'redirects' | 'withdrawn'>;
}

export interface Product {
  /** A name unique in the build, e.g. `data` or `search/350000`. */
  name: string;
  /** Everything the product's files are made from, hashed (use `sha256` of src/build/cache.ts). */
  hash(ctx: ProductContext): string;
  /** Write the files into `dir` (the staging folder); return their paths relative to it, `/`-separated. */
  write(ctx: ProductContext, dir: string): Promise<string[]> | string[];
}

export type ProductRecord = Record<string, { hash: string; files: string[] }>;

export interface ProductsOutcome {
  /** Files written in this build, and files kept as the previous build left them. */
  written: string[];
  kept: string[];
  record: ProductRecord;
}

/** The full report of a job, from the parse cache. */
export function fullReport(cache: string, keys: ReadonlyMap<string, string>, job: ReportJob): { report: Report; text: string } {
  const key = keys.get(job.report.source.path);
  const parsed = key ? readParsed(cache, key) : null;
  if (!parsed) throw new Error(`the parse cache lost ${job.report.id} during the build; run the build again`);
  return { report: { ...parsed.report, ...patchOf(job.report) }, text: parsed.text.endsWith('\n') ? parsed.text : `${parsed.text}\n` };
}

/**
 * Make each product whose hash changed (or any file of which is missing from `out`); with `changes`
 * false (a whole new site) every product is made.
 */
export async function productsStage(products: readonly Product[], ctx: ProductContext, dir: string, changes: boolean, previous: ProductRecord): Promise<ProductsOutcome> {
  const names = new Set<string>();
  for (const p of products) {
    if (names.has(p.name)) throw new Error(`internal: two products are named ${p.name}`);
    names.add(p.name);
  }
  const made = new Map<string, { hash: string; files: string[]; kept: boolean }>();
  // Two at a time: a search bundle's indexing runs in Pagefind's own process, and the next product
  // (the bulk data, in this thread) is made meanwhile. Their files and the record come out in list order.
  let next = 0;
  const lane = async () => {
    while (next < products.length) {
      const p = products[next++]!;
      const hash = p.hash(ctx);
      const old = previous[p.name];
      if (changes && old?.hash === hash && old.files.every((f) => existsSync(join(ctx.out, f)))) made.set(p.name, { ...old, kept: true });
      else made.set(p.name, { hash, files: [...(await p.write(ctx, dir))].sort(), kept: false });
    }
  };
  await Promise.all([lane(), lane()]);
  const written: string[] = [];
  const kept: string[] = [];
  const record: ProductRecord = {};
  for (const p of products) {
    const { hash, files, kept: same } = made.get(p.name)!;
    (same ? kept : written).push(...files);
    record[p.name] = { hash, files };
  }
  return { written, kept, record };
}
