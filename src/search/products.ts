/**
 * search: the search index as products of the build (src/build/products.ts) — one Pagefind bundle per
 * province, /pagefind/<province code>/ (and /pagefind/none/ for reports without a region), and the
 * list of bundles the search page merges, /pagefind/bundles.json.
 *
 * A bundle is made from its province's reports only: its hash is their parse keys, what the archive
 * decided for each (name, slug, region, findings), the renderer's fingerprint and the search code's
 * own, so a rebuild after one report changed indexes its province again and keeps the others' files.
 * Pagefind's memory grows with the records of one index; cut by province, it is bounded by the
 * largest province, not the archive. The records are made from the parse cache (ctx.report), one
 * report at a time, so the build's own memory holds one report, and a sharded build's aggregate pass
 * (which has the cache but not the report pages) indexes the whole archive all the same.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportJob } from '../archive/site.ts';
import { sha256 } from '../build/cache.ts';
import type { Product, ProductContext } from '../build/products.ts';
import { patchOf } from '../build/summary.ts';
import { writeBundle } from './pagefind.ts';
import { searchRecord } from './record.ts';

/** The bundle of reports without a region. */
export const NO_REGION_BUNDLE = 'none';
/** Where the bundles go, below the site root. */
export const SEARCH_FOLDER = 'pagefind';

/** A report's bundle: its province's code (350502 → 350000), or `none`. */
export const bundleOf = (job: ReportJob) => {
  const code = job.report.agency.region?.code;
  return code ? `${code.slice(0, 2)}0000` : NO_REGION_BUNDLE;
};

/** The reports of each bundle, in the archive's order; bundles by code, `none` last. */
export function bundles(jobs: readonly ReportJob[]): [string, ReportJob[]][] {
  const by = new Map<string, ReportJob[]>();
  for (const j of jobs) {
    const b = bundleOf(j);
    (by.get(b) ?? by.set(b, []).get(b)!).push(j);
  }
  return [...by].sort(([a], [b]) => (a === NO_REGION_BUNDLE ? 1 : b === NO_REGION_BUNDLE ? -1 : a < b ? -1 : a > b ? 1 : 0));
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
    hash: (ctx) => sha256(ctx.renderer, searchCode(), ...jobs.flatMap((j) => [ctx.keys.get(j.report.source.path) ?? '', JSON.stringify(patchOf(j.report))])),
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
