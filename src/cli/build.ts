/**
 * `npm run build -- [--reports DIR] [--out DIR] [--strict] [--path-prefix /sub/] [--workers N]
 *   [--cache DIR | --no-cache] [--serve [--port N] [--host HOST]]`
 *
 * Builds the site from the reports in DIR (default reports/) into the output folder (default _site/),
 * in two passes that hold one report at a time (src/build/):
 *   1. every file read and parsed on every core, or taken from the parse cache, keeping a summary;
 *   2. the archive made from the summaries; each report's and agency's pages rendered and written by
 *      the workers while Eleventy renders the aggregate pages.
 * A rebuild parses only the files that changed and renders only the pages whose inputs changed.
 * A report that cannot be read or parsed well costs only itself; the summary says so. --strict makes
 * error findings fatal. --serve keeps a dev server with live reload (reports/, templates/ watched).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { filesBelow, MARKER, outputProblem, overlap, prepareInPlace, recover, stage, stageChanges, type ChangeStaging, type Staging } from './output.ts';
import { dirname, join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { buildSummary } from './report-summary.ts';
import { buildSiteModel, type Site } from '../archive/site.ts';
import type { EleventyConfig } from '../../eleventy.config.ts';
import { serveSite } from './serve.ts';
import { createPool, defaultWorkers } from '../build/pool.ts';
import { readStage, recordKnown } from '../build/read.ts';
import { hasRecord, pagesStage, previousRecord, type PagesOutcome } from '../build/pages.ts';
import { planAggregates, type AggregatePlan } from '../build/aggregates.ts';
import { parserVersion, rendererVersion } from '../build/version.ts';
import { writeAtomic } from '../build/cache.ts';
import { parseShard, parsesFile, shardSelector, type Shard } from '../build/shard.ts';
import { fullReport, productsStage, type ProductContext, type ProductsOutcome } from '../build/products.ts';
import { archiveProducts } from '../build/catalogue.ts';
import { currentPages, formatRecord, missingMessage, parseRecord, planLinks, RECORD_FILE, seedRecord, today, type UrlEntry } from '../archive/published.ts';
import type { Report } from '../model/report.ts';
import { reportUrl } from '../archive/archive.ts';
import { addressProblem, configuredSiteUrl } from '../archive/address.ts';
import { licenceOf } from '../archive/dataset.ts';
import { loadSiteConfig } from '../data/config.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const STARTED = performance.now();
/** Published reports the summary lists one by one on the terminal; past that they are counted. */
const SHOWN_PUBLISHED = 100;
const USAGE = 'usage: npm run build -- [--reports DIR] [--out DIR] [--strict] [--path-prefix /PREFIX/] [--workers N] [--cache DIR | --no-cache] [--site-url URL] [--shard K/N | --aggregates | --parse-only [--shard K/N]] [--serve [--port N] [--host HOST]]';

interface Options {
  reports: string;
  out: string;
  strict: boolean;
  serve: boolean;
  port: number;
  host: string;
  pathPrefix: string | undefined;
  workers: number;
  /** The parse cache; null: a throwaway one (everything parsed and rendered). */
  cache: string | null | undefined;
  /** --shard K/N: only the report and agency pages of slice K (src/build/shard.ts). */
  shard: Shard | null;
  /** --aggregates: only the pages over the whole archive (Eleventy's). */
  aggregates: boolean;
  /** --parse-only: fill the cache (with --shard, one slice of the files) and stop. */
  parseOnly: boolean;
  /** --site-url: where the site is served (https://host[/path]), for canonical links, the sitemap and the feed. */
  siteUrl: string | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { reports: 'reports', out: '_site', strict: false, serve: false, port: 8080, host: '127.0.0.1', pathPrefix: undefined, workers: defaultWorkers(), cache: undefined, shard: null, aggregates: false, parseOnly: false, siteUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--reports') o.reports = value();
    else if (a === '--out') o.out = value();
    else if (a === '--strict') o.strict = true;
    else if (a === '--serve') o.serve = true;
    else if (a === '--port') {
      o.port = Number(value());
      if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) fail(`--port needs a port number (1–65535).\n${USAGE}`);
    }
    else if (a === '--host') o.host = value();
    else if (a === '--path-prefix') o.pathPrefix = value();
    else if (a === '--workers') {
      o.workers = Number(value());
      if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64) fail(`--workers needs a number of threads (1–64).\n${USAGE}`);
    }
    else if (a === '--cache') o.cache = value();
    else if (a === '--no-cache') o.cache = null;
    else if (a === '--shard') o.shard = parseShard(value()) ?? fail(`--shard needs K/N, 1 ≤ K ≤ N (e.g. --shard 2/4).\n${USAGE}`);
    else if (a === '--aggregates') o.aggregates = true;
    else if (a === '--site-url') o.siteUrl = siteUrl(value());
    else if (a === '--parse-only') o.parseOnly = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${a}.\n${USAGE}`);
  }
  if (o.shard && o.aggregates) fail(`--shard and --aggregates are separate passes: run each in its own build (README, "Archives larger than one machine").`);
  if (o.serve && (o.shard || o.aggregates || o.parseOnly)) fail('--serve builds the whole site; it takes no --shard, --aggregates or --parse-only.');
  if (o.parseOnly && o.cache === null) fail('--parse-only fills the cache; it cannot be used with --no-cache.');
  return o;
}

/** --site-url as given, checked: an absolute http(s) URL, kept without its trailing slash. */
function siteUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    fail(`--site-url needs an absolute URL such as https://nianbao.example.org (got ${v}).`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') fail(`--site-url needs an http or https URL (got ${v}).`);
  if (u.search || u.hash) fail(`--site-url takes no query or fragment (got ${v}).`);
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

/** The reports folder's record of published URLs; a line that cannot be used stops the build, naming it. */
function readRecord(reports: string, out: string): UrlEntry[] {
  const path = join(reports, RECORD_FILE);
  if (!existsSync(path)) return existsSync(join(out, MARKER)) ? seedRecord(publishedBefore(out), today()) : [];
  const { entries, problems } = parseRecord(readFileSync(path, 'utf8'));
  if (problems.length) fail(`${shown(path)}: the record of published URLs cannot be used:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}\nCorrect these lines (the file's header says what each column holds); the previous site is unchanged.`);
  return entries;
}

/** Write the record of published URLs beside the reports; what to say of it (a folder that cannot be written is said, not fatal: the site is in place). */
function saveRecord(reports: string, text: string): string {
  const path = join(reports, RECORD_FILE);
  try {
    writeAtomic(path, text);
    return `\nrecorded the site's URLs in ${shown(path)}: keep it with the reports (README, "Permanent URLs").`;
  } catch (err) {
    return `\nwarning: could not write ${shown(path)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): the site is built, but the next build will not know which URLs this one published. Make the reports folder writable and build again.`;
  }
}

/** The report pages of a site nianbao made before it kept a record: each report folder's report.json. */
function publishedBefore(out: string): { url: string; report: Report }[] {
  const agencies = join(out, 'agencies');
  if (!existsSync(agencies)) return [];
  return readdirSync(agencies).sort().flatMap((slug) => {
    const dir = join(agencies, slug);
    if (!statSync(dir).isDirectory()) return [];
    return readdirSync(dir).sort().flatMap((year) => {
      try {
        return [{ url: `/agencies/${slug}/${year}/`, report: JSON.parse(readFileSync(join(dir, year, 'report.json'), 'utf8')) as Report }];
      } catch {
        return []; // not a report's folder
      }
    });
  });
}

/** A folder as the user named it: relative to where they called from when inside it. */
const CALLER = process.cwd();
const shown = (dir: string) => (relative(CALLER, dir).startsWith('..') ? dir : relative(CALLER, dir) || '.');

function fail(message: string): never {
  process.stderr.write(`nianbao: ${message}\n`);
  process.exit(1);
}

/** A progress bar on a terminal; nothing in logs (CI), where only the summary is useful. */
function progress(label: string) {
  const tty = process.stderr.isTTY === true;
  let last = -1;
  let finished = false;
  return {
    update(done: number, total: number) {
      if (!tty || total === 0 || finished) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      if (filled === last && done !== total) return;
      last = filled;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) {
        finished = true;
        process.stderr.write('\n');
      }
    },
  };
}

/** Eleventy's path prefix as it writes it: `/` or `/sub/`. */
const normalPrefix = (p: string | undefined) => (p ? `/${p.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/') : '/');

interface RunResult {
  site: Site;
  summary: string;
  errors: number;
  stats: Record<string, number>;
  pages: PagesOutcome;
  aggregates: AggregatePlan;
  products: ProductsOutcome;
  /** The record of published URLs to write once the site is in place (null: unchanged, or a page shard's build). */
  record: string | null;
}

/**
 * One build: read (parse or reuse), archive, then the streamed pages and Eleventy's pages side by side
 * into `dir`. `eleventy` renders the aggregate pages from `setSite`'s model. Returns what was built.
 */
async function run(o: Options, cache: string, incremental: boolean, stageFor: (changes: boolean) => string, threads: boolean, eleventy: (site: Site, dir: string) => Promise<number>, strictStop: boolean): Promise<RunResult> {
  const pool = createPool(o.workers, { threads });
  try {
    const parsing = progress('parsing  ');
    const parser = parserVersion();
    const loaded = await readStage(o.reports, pool, cache, parser, (done, total) => parsing.update(done, total));
    recordKnown(cache, loaded);
    // reports/site.yaml (the data's licence): a broken one is an error of the summary, the default used.
    const config = loadSiteConfig(o.reports);
    const { site, jobs, agencies } = buildSiteModel(loaded.reports, loaded.registry, loaded.originals, { siteUrl: o.siteUrl, prefix: normalPrefix(o.pathPrefix) }, config.config);
    // Every URL published before must go on answering (src/archive/published.ts): checked before anything is written.
    const links = planLinks(readRecord(o.reports, o.out), currentPages(jobs.map((j) => j.report), agencies, reportUrl), today());
    const withConfig = (s: { text: string; errors: number }) => ({ text: [s.text, ...config.errors.map((e) => `config error: ${e}`)].join('\n'), errors: s.errors + config.errors.length });
    const full = withConfig(buildSummary(loaded, site, shown(o.reports)));
    // The terminal lists the published reports one by one up to a hundred; the full account goes to a file beside the cache.
    const { text, errors } = site.published.length > SHOWN_PUBLISHED ? withConfig(buildSummary(loaded, site, shown(o.reports), 0)) : full;
    if (text !== full.text) writeAtomic(join(cache, 'build-summary.txt'), `${full.text}\n`);
    if (strictStop && o.strict && errors > 0) {
      process.stdout.write(`${text}\n--strict: errors found; the site was not built.\n`);
      process.exit(1);
    }
    if (links.missing.length) {
      const message = missingMessage(links.missing, shown(join(o.reports, RECORD_FILE)));
      if (!strictStop) throw new Error(message);
      process.stdout.write(`${text}\n`);
      fail(message);
    }
    const rendering = progress('rendering');
    // A shard makes its slice of the streamed pages and no aggregate page; the aggregate pass, the reverse.
    const select = o.aggregates ? () => false : o.shard ? shardSelector(jobs, o.shard) : undefined;
    const record = incremental ? previousRecord(cache, o.out) : null;
    // The pages stage decides, once it knows how much changed, between changes to the site and a new one.
    let changes = false;
    let dir = '';
    const stageOnce = (c: boolean) => {
      changes = c;
      return (dir = stageFor(c));
    };
    const renderer = rendererVersion(parser);
    const prefix = normalPrefix(o.pathPrefix);
    const pages = pagesStage({ jobs, agencies, keys: loaded.keys, pool, cache, out: o.out, stage: stageOnce, inPlace: threads, record, prefix, siteUrl: o.siteUrl, licence: licenceOf(config.config), renderer, select, onProgress: (d, t) => rendering.update(d, t) });
    // Eleventy's year and region pages are made again only where their model changed (src/build/aggregates.ts).
    // The record lists the products' files with Eleventy's: those are the products' to keep or replace, not Eleventy's.
    const productFiles = new Set(Object.values(record?.products ?? {}).flatMap((p) => p.files));
    const plan = planAggregates(site, changes ? record!.aggregates : {}, changes ? record!.eleventy.filter((f) => !productFiles.has(f)) : [], { renderer, prefix, out: o.out });
    const [made, written] = await Promise.all([pages, o.shard || plan.nothing ? 0 : eleventy(plan.site, dir)]);
    // The files over the whole archive (data, search, sitemap and feed, redirects): not a page shard's.
    const dates = new Map(links.entries.map((e) => [e.url, { added: e.added, changed: e.changed }]));
    const ctx: ProductContext = { site, jobs, out: o.out, prefix, siteUrl: o.siteUrl, renderer, keys: loaded.keys, report: (j) => fullReport(cache, loaded.keys, j).report, full: (j) => fullReport(cache, loaded.keys, j), history: (url) => dates.get(url) ?? null, links };
    const products = o.shard ? { written: [], kept: [], record: {} } : await productsStage(archiveProducts(ctx), ctx, dir, changes, record?.products ?? {});
    const stats = { reports: site.reportCount, files: loaded.reports.length + loaded.unreadable.length, parsed: loaded.parsed, reused: loaded.reused, parseSeconds: loaded.parseMs / 1000, pagesRendered: made.rendered, pagesKept: made.kept, eleventyPages: written, workers: pool.size };
    const account = text !== full.text ? ` The full account of every file: ${shown(join(cache, 'build-summary.txt'))}.` : '';
    // Sitemaps hold absolute URLs only: without the site's address there is none (README, "Linking and embedding").
    const noSitemap = o.shard || o.siteUrl ? '' : ' No sitemap.xml: it needs the site\'s address (--site-url).';
    const line = `${o.shard ? `shard ${o.shard.k}/${o.shard.n}: ` : o.aggregates ? 'aggregate pages only: ' : ''}parsed ${loaded.parsed} reports, ${loaded.reused} unchanged taken from the cache; ${made.rendered} report and agency pages rendered, ${made.kept} unchanged kept, ${written} aggregate pages by Eleventy (${pool.size} worker${pool.size > 1 ? 's' : ''}).${account}${noSitemap}`;
    const moved = links.redirects.length || links.withdrawn.length ? `\npublished URLs: ${links.entries.length} recorded; ${links.redirects.length} moved (redirect pages), ${links.withdrawn.length} withdrawn.` : '';
    const urls = links.changed && !o.shard ? formatRecord(links.entries) : null;
    return { site, summary: `${text}\n${line}${moved}`, errors, stats, pages: made, aggregates: plan, products, record: urls };
  } finally {
    await pool.close();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  // Folders are the caller's; templates and config are the project's, wherever it is called from.
  o.reports = resolve(o.reports);
  o.out = resolve(o.out);
  process.chdir(ROOT);
  if (!existsSync(o.reports)) fail(`${o.reports}: no such folder. Put report files (.txt) in reports/ or pass --reports DIR.`);
  // Where the site is served: --site-url, else reports/site.yaml's siteUrl (the prefix added to it if need be).
  const mismatch = addressProblem(o.siteUrl, normalPrefix(o.pathPrefix));
  if (mismatch) fail(mismatch);
  const configured = loadSiteConfig(o.reports).config.siteUrl;
  if (o.siteUrl === null && configured) o.siteUrl = siteUrl(configuredSiteUrl(configured, normalPrefix(o.pathPrefix)));
  // Replacing the output must never touch the reports (links resolved), and the watcher must not rebuild on its own output.
  if (overlap(o.out, o.reports)) fail(`--out ${shown(o.out)} and --reports ${shown(o.reports)} overlap; put the site outside the reports folder.`);
  const problem = outputProblem(o.out);
  if (problem) fail(problem);
  // The parse cache sits beside the reports folder (.cache/), or where --cache says; --no-cache uses a throwaway one.
  const throwaway = o.cache === null ? mkdtempSync(join(tmpdir(), 'nianbao-cache-')) : null;
  const cache = throwaway ?? resolve(CALLER, o.cache ?? join(dirname(o.reports), '.cache'));
  if (overlap(cache, o.out)) fail(`the cache ${shown(cache)} and --out ${shown(o.out)} overlap; choose another --cache.`);
  if (o.parseOnly) return parseOnly(o, cache);

  // The model Eleventy renders: set by each run, read by the global data `site` (one road in).
  let current: Site | null = null;
  let written = 0;
  // The dev server's Eleventy renders its pages after each run of ours: it watches this stamp, which each run rewrites.
  const stamp = o.serve ? join(mkdtempSync(join(tmpdir(), 'nianbao-dev-')), 'rebuilt.stamp') : null;
  // Eleventy is loaded only when it has pages to make (a rebuild that changed none of them never loads it).
  const elev = async (dir: string) =>
    new (await import('@11ty/eleventy')).default('templates', dir, {
      configPath: 'eleventy.config.ts',
      quietMode: true,
      runMode: o.serve ? 'serve' : 'build',
      ...(o.pathPrefix ? { pathPrefix: o.pathPrefix } : {}),
      config: (config: unknown) => {
        (config as EleventyConfig).addGlobalData('site', () => current);
        // Pages Eleventy wrote, for the summary.
        (config as EleventyConfig).addTransform('count', function (content) {
          if (this.page.outputPath) written++;
          return content;
        });
        if (stamp) (config as EleventyConfig).addWatchTarget(stamp);
      },
    });

  if (stamp) return serve(o, cache, stamp, await elev(o.out), (site) => (current = site));

  // A change an interrupted build had begun to put in place is finished first.
  if (recover(o.out)) process.stderr.write(`nianbao: finished putting in place the site an interrupted build had left in ${shown(o.out)}/.\n`);
  // A site this build made before, with the record of its pages: only what changed is written (and
  // put in place whole when complete). Otherwise a fresh site, swapped in when complete.
  const incremental = !throwaway && existsSync(join(o.out, MARKER)) && hasRecord(cache, o.out);
  let staging: Staging | ChangeStaging | null = null;
  let result: RunResult;
  try {
    result = await run(o, cache, incremental, (changes) => (staging = changes ? stageChanges(o.out) : stage(o.out)).dir, false, async (site, dir) => {
      current = site;
      await (await elev(dir)).write();
      return written;
    }, true);
  } catch (err) {
    // A template failing is our bug, not the reports': say where, and that nothing was published.
    (staging as Staging | ChangeStaging | null)?.abandon();
    fail(`rendering the site failed: ${(err as Error).message}\n${(err as { originalError?: Error }).originalError?.stack ?? ''}\nThe previous site in ${shown(o.out)}/ is unchanged; please report this with the file named above.`);
  }
  staging = staging as Staging | ChangeStaging | null;
  if (!staging) fail('internal: no output folder was chosen');
  // What Eleventy wrote: every staged file no streamed page wrote (the marker aside).
  const streamed = new Set(result.pages.written);
  // (and the year and region pages it was not asked to make again, which stay).
  // Eleventy writes nothing below an agency's own folder, so those (tens of thousands) are not looked into.
  // The products' files are named by them (some, the redirect pages, are below an agency's folder).
  // Nor below an agency's embed folder (embed/<slug>/…): the streamed pages write those too.
  const eleventyFiles = [...new Set([...filesBelow(staging.dir, (folder) => /^(agencies|embed)\/[^/]+$/.test(folder)).filter((f) => f !== MARKER && !streamed.has(f)), ...result.aggregates.kept, ...result.products.written, ...result.products.kept])];
  if ('written' in staging) {
    const now = new Set(eleventyFiles);
    // (A page gone may leave a redirect in its place: what a product wrote is not deleted.)
    staging.commit([...result.pages.deletions.filter((f) => !now.has(f)), ...result.pages.previousEleventy.filter((f) => !now.has(f))]);
  } else staging.commit();
  // The site in place, the record of what it publishes follows (never before: a failed build publishes nothing).
  const recorded = result.record !== null ? saveRecord(o.reports, result.record) : '';
  result.pages.save(eleventyFiles, result.aggregates.hashes, result.products.record);
  if (throwaway) rmSync(throwaway, { recursive: true, force: true });
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  // For `npm run bench:site`: the build's figures as JSON (peak memory as the OS measured it).
  // The build's time: from reading the folder to the site in place.
  const seconds = (performance.now() - STARTED) / 1000;
  if (process.env['NIANBAO_STATS']) writeAtomic(process.env['NIANBAO_STATS'], `${JSON.stringify({ ...result.stats, seconds, peakRssMB: Math.round(peakRssMB) })}\n`);
  process.stdout.write(`${result.summary}${recorded}\nsite: ${shown(o.out)}/ — built in ${seconds.toFixed(1)} s. Serve it with any web server, or run npm start.\n`);
}

/** --parse-only: parse (a slice of) the files into the cache, for the page shards to read; no site is written. */
async function parseOnly(o: Options, cache: string) {
  const pool = createPool(o.workers);
  const parsing = progress('parsing  ');
  const shard = o.shard;
  try {
    const loaded = await readStage(o.reports, pool, cache, parserVersion(), (d, t) => parsing.update(d, t), shard ? (path) => parsesFile(path, shard) : undefined);
    recordKnown(cache, loaded, shard ? `summaries-${shard.k}-of-${shard.n}.json` : 'summaries.json');
    for (const u of loaded.unreadable) process.stdout.write(`unreadable: ${u}\n`);
    process.stdout.write(`${shard ? `shard ${shard.k}/${shard.n}: ` : ''}parsed ${loaded.parsed} reports, ${loaded.reused} unchanged already in the cache ${shown(cache)}/; ${loaded.unreadable.length} unreadable.\n`);
  } finally {
    await pool.close();
  }
}

/**
 * The dev server: build in place, serve, and on every change to the reports or the templates build
 * again — parsing only what changed, rendering only the pages it touches — then let Eleventy
 * rebuild its pages and reload the browser.
 */
async function serve(o: Options, cache: string, stamp: string, elev: { init(): Promise<unknown>; watch(): Promise<unknown> }, setSite: (site: Site) => void) {
  prepareInPlace(o.out);
  let first = true;
  const once = async () => {
    const r = await run(o, cache, true, () => o.out, true, async (site) => {
      setSite(site);
      return 0;
    }, false);
    // In place: the files of pages that are gone go now; Eleventy's own pages it manages itself.
    const products = new Set([...r.products.written, ...r.products.kept]);
    for (const f of r.pages.deletions) if (!products.has(f)) rmSync(join(o.out, f), { force: true });
    // (Eleventy's dev server makes all its pages, so none is recorded as kept.)
    r.pages.save(r.pages.previousEleventy, {}, r.products.record);
    if (r.record !== null) process.stdout.write(`${saveRecord(o.reports, r.record).trimStart()}\n`);
    writeAtomic(stamp, `${Date.now()}\n`);
    return r;
  };
  const r = await once();
  await elev.init();
  await elev.watch();
  // Eleventy's dev server behind our guard, on --host only (src/cli/serve.ts says why).
  const url = await serveSite(elev, { out: o.out, host: o.host, port: o.port }).catch((err: Error) => fail(err.message));
  process.stdout.write(`${r.summary}\nserving ${shown(o.out)}/ at ${url} (live reload; Ctrl-C stops)\n`);
  first = false;
  // One rebuild at a time; changes during a rebuild make one more.
  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const next = await once();
          process.stdout.write(`rebuilt: ${next.summary.split('\n').pop()}\n`);
        } catch (err) {
          process.stderr.write(`nianbao: rebuilding failed: ${(err as Error).message}\n`);
        }
      } while (again);
      running = null;
    })();
  };
  let timer: NodeJS.Timeout | null = null;
  const changed = (_event: string, name: string | Buffer | null) => {
    // The build's own record of published URLs is no change of the reports.
    if (first || String(name) === RECORD_FILE) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, 150);
  };
  for (const dir of [o.reports, join(ROOT, 'templates')]) watch(dir, { recursive: true }, changed);
}

await main();
