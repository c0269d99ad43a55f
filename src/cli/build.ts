/**
 * `npm run build -- [--reports DIR] [--out DIR] [--strict] [--path-prefix /sub/] [--serve [--port N]]`
 *
 * Parses every report in DIR (default reports/), builds the site model and renders it with Eleventy
 * into the output folder (default _site/). A report that cannot be read or parsed well costs only
 * itself; the build goes on and says so in the summary. --strict makes error findings fatal.
 * --serve keeps Eleventy's dev server running with live reload (reports/, templates/, public/ watched).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadReports, REGISTRY_FILE, type LoadedRegistry } from '../io.ts';
import { registryYaml } from '../archive/registry.ts';
import { buildSite, type Site } from '../archive/site.ts';
import type { Report } from '../model/report.ts';
import { preloadSite, watchPages } from '../../eleventy.config.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const USAGE = 'usage: npm run build -- [--reports DIR] [--out DIR] [--strict] [--path-prefix /PREFIX/] [--serve [--port N]]';

interface Options {
  reports: string;
  out: string;
  strict: boolean;
  serve: boolean;
  port: number;
  pathPrefix: string | undefined;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { reports: 'reports', out: '_site', strict: false, serve: false, port: 8080, pathPrefix: undefined };
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

const MARKER = '.nianbao-site';

/** Empty the output folder before a build, but only one nianbao made (or an empty one): never a user's folder. */
function prepareOutput(out: string) {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length && !entries.includes(MARKER)) fail(`${out} is not empty and was not made by nianbao; choose another --out or empty it.`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), 'Built by nianbao; this folder is emptied on every build.\n');
}

/** The build summary, and how many reports have errors or could not be read (what --strict refuses). */
function summary(reports: readonly Report[], unreadable: readonly string[], site: Site, reportsDir: string, registry: LoadedRegistry) {
  const { duplicates, unplaced } = site;
  const lines: string[] = [];
  const withErrors = reports.filter((r) => r.findings.some((f) => f.severity === 'error'));
  const byKind = new Map<string, number>();
  for (const r of reports) for (const f of r.findings) byKind.set(`${f.severity} ${f.code}`, (byKind.get(`${f.severity} ${f.code}`) ?? 0) + 1);
  lines.push(`${reports.length} reports read from ${reportsDir}/, ${withErrors.length} with errors, ${unreadable.length} unreadable, ${duplicates.length} duplicates and ${unplaced.length} without agency or year left out; ${site.reportCount} on the site.`);
  lines.push(readingLine(reports));
  for (const r of reports.filter((x) => x.findings.some((f) => f.code === 'scanned-pdf'))) lines.push(`needs a text copy or OCR: ${r.source.path} (a scanned PDF: no text layer)`);
  if (byKind.size) {
    lines.push('findings by kind:');
    for (const [kind, n] of [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${String(n).padStart(5)}  ${kind}`);
  } else lines.push('findings: none.');
  for (const u of unreadable) lines.push(`unreadable: ${u}`);
  for (const u of unplaced) lines.push(`left out: ${u.path} (${u.reason}; add ${u.path}.meta.yaml naming agency and year)`);
  for (const d of duplicates) lines.push(`left out: ${d.path} (${d.id} is already in the archive from another file)`);
  lines.push(...registryLines(registry, site, reportsDir));
  for (const r of withErrors)
    for (const f of r.findings.filter((x) => x.severity === 'error')) lines.push(`error: ${r.source.path}${f.line ? `:${f.line}` : ''}  ${f.code}  ${f.message}`);
  return { text: lines.join('\n'), errors: withErrors.length + unreadable.length + registry.errors.length };
}

/** 「read: 3 text, 2 PDF, 1 HTML; tables from ruling lines 4, alignment 1, HTML/Word cells 3, text 9」 */
function readingLine(reports: readonly Report[]): string {
  const count = <K extends string>(keys: readonly K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const formats = count(reports.map((r) => r.source.format));
  const methods = count(reports.flatMap((r) => r.source.tables.map((t) => t.method)));
  const FORMAT = { text: 'text', pdf: 'PDF', html: 'HTML', docx: 'DOCX' } as const;
  const METHOD = { lattice: 'ruling lines', stream: 'alignment', html: 'HTML/Word cells', text: 'text' } as const;
  const list = <K extends string>(m: Map<K, number>, names: Record<K, string>) => (Object.keys(names) as K[]).filter((k) => m.has(k)).map((k) => `${m.get(k)} ${names[k]}`).join(', ');
  return `read: ${list(formats, FORMAT) || 'nothing'}${methods.size ? `; tables found from ${list(methods, METHOD)}` : ''}.`;
}

/** How many registry entries the summary prints; `npm run agencies` prints them all. */
const SHOWN_ENTRIES = 20;

/** What the summary says about the agency registry: its errors, ambiguous matches, agencies it lacks. */
function registryLines(loaded: LoadedRegistry, site: Site, reportsDir: string): string[] {
  const lines = loaded.errors.map((e) => `registry error: ${e}`);
  for (const a of site.ambiguous) lines.push(`registry: ${a.path} matches ${a.names.length} entries (${a.names.join(', ')}); give it a sidecar naming the agency, or tell the entries apart by region.`);
  const missing = site.unregistered;
  if (!missing.length) return lines;
  const file = `${reportsDir}/${REGISTRY_FILE}`;
  lines.push(
    loaded.errors.length
      ? `registry: ${file} could not be used (see above); ${missing.length} agencies are named by their reports until it is fixed.`
      : loaded.registry
      ? `registry: ${missing.length} agencies are not in ${file}. To give each one fixed name and URL, paste under \`agencies:\`${missing.length > SHOWN_ENTRIES ? ` (first ${SHOWN_ENTRIES}; npm run --silent agencies lists all)` : ''}:`
      : `registry: no ${file}; ${missing.length} agencies are named by their reports. To fix names and URLs, start one with npm run --silent agencies > ${file}${missing.length <= SHOWN_ENTRIES ? ', or paste:' : '.'}`,
  );
  if (!loaded.errors.length && (loaded.registry || missing.length <= SHOWN_ENTRIES))
    lines.push(...registryYaml(missing.slice(0, SHOWN_ENTRIES).map((m) => m.entry)).trimEnd().split('\n').slice(1));
  return lines;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  // Folders are the caller's; templates and config are the project's, wherever it is called from.
  o.reports = resolve(o.reports);
  o.out = resolve(o.out);
  process.chdir(ROOT);
  if (!existsSync(o.reports)) fail(`${o.reports}: no such folder. Put report files (.txt) in reports/ or pass --reports DIR.`);
  // Emptying the output must never touch the reports, and the watcher must not rebuild on its own output.
  const inside = (a: string, b: string) => a === b || a.startsWith(`${b}${sep}`);
  if (inside(o.out, o.reports) || inside(o.reports, o.out)) fail(`--out ${shown(o.out)} and --reports ${shown(o.reports)} overlap; put the site outside the reports folder.`);
  process.env['NIANBAO_REPORTS'] = o.reports;

  const parsing = progress('parsing  ');
  let loaded;
  try {
    loaded = await loadReports(o.reports, (done, total) => parsing.update(done, total));
  } catch (err) {
    fail(`cannot list ${o.reports}: ${(err as Error).message}`);
  }
  const site = buildSite(loaded.reports, loaded.sources, loaded.registry, loaded.originals);
  const { text, errors } = summary(loaded.reports, loaded.unreadable, site, shown(o.reports), loaded);
  if (o.strict && errors > 0) {
    process.stdout.write(`${text}\n--strict: errors found; the site was not built.\n`);
    process.exit(1);
  }

  prepareOutput(o.out);
  // Pages: per report (page, report.json, source.txt), agency, year and region, plus the seven fixed
  // ones (home, agencies, years, regions, data page, data/index.json, 404).
  const pages = site.reports.length * 3 + site.agencies.length + site.years.length + site.regions.length + 7;
  const rendering = progress('rendering');
  let written = 0;
  watchPages(() => rendering.update(Math.min(++written, pages), pages));
  const started = performance.now();
  const elev = new Eleventy('templates', o.out, {
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
    await elev.serve(o.port);
    process.stdout.write(`${text}\nserving ${shown(o.out)}/ at http://localhost:${o.port}/ (live reload; Ctrl-C stops)\n`);
    return;
  }
  preloadSite(site);
  try {
    await elev.write();
  } catch (err) {
    // A template failing is our bug, not the reports': say where, and that nothing is half-published.
    fail(`rendering the site failed: ${(err as Error).message}\n${(err as { originalError?: Error }).originalError?.stack ?? ''}\nThe output folder ${shown(o.out)}/ is incomplete; please report this with the file named above.`);
  }
  rendering.update(pages, pages);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // For `npm run bench:site`: the whole build's peak memory (KiB), measured by the OS.
  if (process.env['NIANBAO_REPORT_MEMORY']) process.stderr.write(`peak rss ${process.resourceUsage().maxRSS}\n`);
  process.stdout.write(`${text}\nsite: ${shown(o.out)}/ — ${written} files rendered in ${seconds} s. Serve it with any web server, or run npm start.\n`);
}

await main();
