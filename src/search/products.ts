/**
 * search: the search index as products of the build (src/build/products.ts) — one Pagefind bundle per
 * province, /pagefind/<province code>/ (and /pagefind/none/ for reports without a region; a province
 * of more than BUNDLE_LIMIT reports cut by city, county, then year), and the list of bundles the
 * search page merges, /pagefind/bundles.json.
 *
 * A bundle is made from its province's reports only: its hash is their parse keys, what the archive
 * decided for each (name, slug, region, findings), the renderer's fingerprint and the search code's
 * own, so a rebuild after one report changed indexes its province again and keeps the others' files.
 * Pagefind's memory grows with the records of one index; cut by province (and a large province
 * further), it is bounded by BUNDLE_LIMIT, not the archive. The records are made from the parse cache (ctx.report), one
 * report at a time, so the build's own memory holds one report, and a sharded build's aggregate pass
 * (which has the cache but not the report pages) indexes the whole archive all the same.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportJob } from '../archive/site.ts';
import { sha256 } from '../build/cache.ts';
import type { Product, ProductContext } from '../build/products.ts';
import { patchDigest } from '../build/summary.ts';
import { writeBundle } from './pagefind.ts';
import { searchRecord } from './record.ts';

/** The bundle of reports without a region. */
export const NO_REGION_BUNDLE = 'none';
/** Where the bundles go, below the site root. */
export const SEARCH_FOLDER = 'pagefind';

/**
 * Reports per bundle at most. Pagefind's service holds about 0.6 MB per record until the bundle is
 * written (measured: 640 MB for 1,000 records, linear from 100 on), so a bundle of 2,000 peaks at
 * about 1.2 GiB whatever the size of the archive.
 */
export const BUNDLE_LIMIT = 2000;

/** A report's province: 350502 → 350000, or `none`. */
export const bundleOf = (job: ReportJob) => {
  const code = job.report.agency.region?.code;
  return code ? `${code.slice(0, 2)}0000` : NO_REGION_BUNDLE;
};

/** How a bundle too large is cut, level by level: by city, by county, by year (named after the bundle it cuts). */
const CUTS: ((job: ReportJob, bundle: string) => string)[] = [
  (j, b) => (j.report.agency.region ? `${j.report.agency.region.code.slice(0, 4)}00` : b),
  (j, b) => j.report.agency.region?.code ?? b,
  (j, b) => `${b}-${j.report.year ?? 'unknown'}`,
];

const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a === NO_REGION_BUNDLE ? 1 : b === NO_REGION_BUNDLE ? -1 : a < b ? -1 : a > b ? 1 : 0);

function group(jobs: readonly ReportJob[], key: (j: ReportJob) => string): [string, ReportJob[]][] {
  const by = new Map<string, ReportJob[]>();
  for (const j of jobs) {
    const k = key(j);
    (by.get(k) ?? by.set(k, []).get(k)!).push(j);
  }
  return [...by].sort(byName);
}

/** A bundle within the limit as it is; one over it cut at the next level, and past the last level into numbered parts. */
function cut(name: string, jobs: ReportJob[], level: number, limit: number): [string, ReportJob[]][] {
  if (jobs.length <= limit) return [[name, jobs]];
  const by = CUTS[level];
  if (!by) return Array.from({ length: Math.ceil(jobs.length / limit) }, (_, k) => [`${name}-${k + 1}`, jobs.slice(k * limit, (k + 1) * limit)]);
  const parts = group(jobs, (j) => by(j, name));
  // A level that does not divide (one city, one county) is passed over.
  if (parts.length === 1) return cut(name, jobs, level + 1, limit);
  return parts.flatMap(([n, js]) => cut(n, js, level + 1, limit));
}

/**
 * The reports of each bundle, in the archive's order: one bundle per province (`none` for reports
 * without a region, last), and a province over `limit` reports cut by city, a city by county, a
 * county by year (`350502-2021`), then into parts (`350502-2021-2`), so that no bundle holds more.
 */
export function bundles(jobs: readonly ReportJob[], limit = BUNDLE_LIMIT): [string, ReportJob[]][] {
  return group(jobs, bundleOf).flatMap(([name, js]) => cut(name, js, 0, limit)).sort(byName);
}

let code: string | null = null;
/** The search code's fingerprint (src/search/, which the renderer's fingerprint does not cover). */
function searchCode(): string {
  if (code) return code;
  const dir = import.meta.dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  return (code = sha256(...files.flatMap((f) => [f, readFileSync(join(dir, f))])));
}

/** One report at a time from the cache, made into its record as Pagefind asks for it. */
function* records(ctx: ProductContext, jobs: readonly ReportJob[]) {
  for (const j of jobs) yield searchRecord(ctx.report(j));
}

function bundleProduct(bundle: string, jobs: readonly ReportJob[]): Product {
  return {
    name: `search/${bundle}`,
    hash: (ctx) => sha256(ctx.renderer, searchCode(), ...jobs.flatMap((j) => [ctx.keys.get(j.report.source.path) ?? '', patchDigest(j.report)])),
    async write(ctx, dir) {
      const { files } = await writeBundle(records(ctx, jobs), join(dir, SEARCH_FOLDER, bundle));
      return files.map((f) => `${SEARCH_FOLDER}/${bundle}/${f}`);
    },
  };
}

/** /pagefind/bundles.json: the bundles the search page merges, `{ "bundles": ["350000", …] }`. */
function listProduct(names: readonly string[]): Product {
  const json = `${JSON.stringify({ bundles: names })}\n`;
  return {
    name: 'search/bundles',
    hash: (ctx) => sha256(ctx.renderer, searchCode(), json),
    write(_ctx, dir) {
      mkdirSync(join(dir, SEARCH_FOLDER), { recursive: true });
      writeFileSync(join(dir, SEARCH_FOLDER, 'bundles.json'), json);
      return [`${SEARCH_FOLDER}/bundles.json`];
    },
  };
}

/** Every search product of the archive: a bundle per province, then their list. */
export function searchProducts(ctx: ProductContext): Product[] {
  const all = bundles(ctx.jobs);
  return [...all.map(([b, jobs]) => bundleProduct(b, jobs)), listProduct(all.map(([b]) => b))];
}
