/**
 * `npm run build -- [--reports DIR] [--out DIR] [--strict] [--path-prefix /sub/] [--serve [--port N]]`
 *
 * Parses every report in DIR (default reports/), builds the site model and renders it with Eleventy
 * into the output folder (default _site/). A report that cannot be read or parsed well costs only
 * itself; the build goes on and says so in the summary. --strict makes error findings fatal.
 * --serve keeps Eleventy's dev server running with live reload (reports/, templates/, public/ watched).
 */
import { existsSync } from 'node:fs';
import { outputProblem, overlap, prepareInPlace, stage } from './output.ts';
import { relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadReports } from '../io.ts';
import { buildSummary } from './report-summary.ts';
import { buildSite } from '../archive/site.ts';
import { preloadSite, watchPages } from '../../eleventy.config.ts';
import { serveSite } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const USAGE = 'usage: npm run build -- [--reports DIR] [--out DIR] [--strict] [--path-prefix /PREFIX/] [--serve [--port N] [--host HOST]]';

interface Options {
  reports: string;
  out: string;
  strict: boolean;
  serve: boolean;
  port: number;
  host: string;
  pathPrefix: string | undefined;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { reports: 'reports', out: '_site', strict: false, serve: false, port: 8080, host: '127.0.0.1', pathPrefix: undefined };
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
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${a}.\n${USAGE}`);
  }
  return o;
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

async function main() {
  const o = parseArgs(process.argv.slice(2));
  // Folders are the caller's; templates and config are the project's, wherever it is called from.
  o.reports = resolve(o.reports);
  o.out = resolve(o.out);
  process.chdir(ROOT);
  if (!existsSync(o.reports)) fail(`${o.reports}: no such folder. Put report files (.txt) in reports/ or pass --reports DIR.`);
  // Replacing the output must never touch the reports (links resolved), and the watcher must not rebuild on its own output.
  if (overlap(o.out, o.reports)) fail(`--out ${shown(o.out)} and --reports ${shown(o.reports)} overlap; put the site outside the reports folder.`);
  const problem = outputProblem(o.out);
  if (problem) fail(problem);
  process.env['NIANBAO_REPORTS'] = o.reports;

  const parsing = progress('parsing  ');
  let loaded;
  try {
    loaded = await loadReports(o.reports, (done, total) => parsing.update(done, total));
  } catch (err) {
    fail(`cannot list ${o.reports}: ${(err as Error).message}`);
  }
  const site = buildSite(loaded.reports, loaded.sources, loaded.registry, loaded.originals);
  const { text, errors } = buildSummary(loaded, site, shown(o.reports));
  if (o.strict && errors > 0) {
    process.stdout.write(`${text}\n--strict: errors found; the site was not built.\n`);
    process.exit(1);
  }

  // Built beside the output and swapped in when complete: a failed or interrupted build leaves the previous site as it was.
  const staging = o.serve ? null : stage(o.out);
  if (!staging) prepareInPlace(o.out);
  // Pages: per report (page, report.json, source.txt), agency, year and region, plus the seven fixed
  // ones (home, agencies, years, regions, data page, data/index.json, 404).
  const pages = site.reports.length * 3 + site.agencies.length + site.years.length + site.regions.length + 7;
  const rendering = progress('rendering');
  let written = 0;
  watchPages(() => rendering.update(Math.min(++written, pages), pages));
  const started = performance.now();
  const elev = new Eleventy('templates', staging?.dir ?? o.out, {
    configPath: 'eleventy.config.ts',
    quietMode: true,
    runMode: o.serve ? 'serve' : 'build',
    ...(o.pathPrefix ? { pathPrefix: o.pathPrefix } : {}),
  });
  if (o.serve) {
    // The dev server rebuilds on every change; let the config re-read reports/ each time.
    preloadSite(null);
    await elev.init();
    await elev.watch();
    // Eleventy's dev server behind our guard, on --host only (src/cli/serve.ts says why).
    const url = await serveSite(elev, { out: o.out, host: o.host, port: o.port }).catch((err: Error) => fail(err.message));
    process.stdout.write(`${text}\nserving ${shown(o.out)}/ at ${url} (live reload; Ctrl-C stops)\n`);
    return;
  }
  preloadSite(site);
  try {
    await elev.write();
  } catch (err) {
    // A template failing is our bug, not the reports': say where, and that nothing was published.
    staging!.abandon();
    fail(`rendering the site failed: ${(err as Error).message}\n${(err as { originalError?: Error }).originalError?.stack ?? ''}\nThe previous site in ${shown(o.out)}/ is unchanged; please report this with the file named above.`);
  }
  staging!.commit();
  rendering.update(pages, pages);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // For `npm run bench:site`: the whole build's peak memory (KiB), measured by the OS.
  if (process.env['NIANBAO_REPORT_MEMORY']) process.stderr.write(`peak rss ${process.resourceUsage().maxRSS}\n`);
  process.stdout.write(`${text}\nsite: ${shown(o.out)}/ — ${written} files rendered in ${seconds} s. Serve it with any web server, or run npm start.\n`);
}

await main();
