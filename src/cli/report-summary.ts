/**
 * The build summary: counts, how reports were read, every file of the reports folder once
 * (published / left out / used / ignored / unreadable), the registry's state, every error with its
 * place; and how many things --strict refuses. Pure: the build prints it, the tests read it.
 */
import type { Report } from '../model/report.ts';
import type { Site } from '../archive/site.ts';
import { registryYaml } from '../archive/registry.ts';
import { REGISTRY_FILE, type LoadedRegistry, type LoadedReports } from '../io.ts';

/** The build summary, and how many reports have errors or could not be read (what --strict refuses). */
/**
 * `published`: how many published reports are listed one line each; past that, one line counts them
 * (the build writes the full account to a file and says where: at 10⁵ reports a terminal is no place for it).
 */
export function buildSummary(loaded: Pick<LoadedReports, 'reports' | 'unreadable' | 'ignored' | 'used' | 'registry' | 'errors'>, site: Site, reportsDir: string, published = Infinity): { text: string; errors: number } {
  const { reports, unreadable } = loaded;
  const registry = loaded;
  const { duplicates, unplaced } = site;
  const lines: string[] = [];
  const withErrors = reports.filter((r) => r.findings.some((f) => f.severity === 'error'));
  const byKind = new Map<string, number>();
  for (const r of reports) for (const f of r.findings) byKind.set(`${f.severity} ${f.code}`, (byKind.get(`${f.severity} ${f.code}`) ?? 0) + 1);
  lines.push(`${reports.length} reports read from ${reportsDir}/, ${withErrors.length} with errors, ${unreadable.length} unreadable, ${duplicates.length} duplicates and ${unplaced.length} without agency or year left out; ${site.reportCount} on the site.${loaded.ignored.length ? ` ${loaded.ignored.length} files ignored (not reports).` : ''}`);
  lines.push(readingLine(reports));
  for (const r of reports.filter((x) => x.findings.some((f) => f.code === 'scanned-pdf'))) lines.push(`needs a text copy or OCR: ${r.source.path} (a scanned PDF: no text layer)`);
  if (byKind.size) {
    lines.push('findings by kind:');
    for (const [kind, n] of [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${String(n).padStart(5)}  ${kind}`);
  } else lines.push('findings: none.');
  // Every file of the folder, once: published (where), left out (why, what to do), used beside the reports, ignored (why).
  if (site.published.length <= published) for (const p of site.published) lines.push(`published: ${p.path} → ${p.url}`);
  else lines.push(`published: ${site.published.length} reports (each with its URL in the full account)`);
  for (const u of loaded.used) lines.push(`used: ${u.path} (${u.as})`);
  for (const i of loaded.ignored) lines.push(`ignored: ${i.path} (${i.reason})`);
  for (const u of unreadable) lines.push(`unreadable: ${u}`);
  for (const u of unplaced)
    lines.push(`left out: ${u.path} (${u.reason}; ${u.reason.startsWith('not a report') ? 'check the file: damaged, or the wrong encoding?' : `add ${sidecarFor(u.path)} naming agency and year`})`);
  for (const d of duplicates)
    lines.push(`left out: ${d.path} (a second file of ${d.id}; ${d.kept} is published because ${d.why}${d.tied ? ' — check which is right and remove the other' : ''})`);
  lines.push(...registryLines(registry, site, reportsDir));
  for (const r of withErrors)
    for (const f of r.findings.filter((x) => x.severity === 'error')) lines.push(`error: ${r.source.path}${f.line ? `:${f.line}` : ''}  ${f.code}  ${f.message}`);
  // Under --strict nothing may be left out: not a second file of one report, not a report without its place.
  return { text: lines.join('\n'), errors: withErrors.length + unreadable.length + registry.errors.length + duplicates.length + unplaced.length };
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

/** Where to name a report's agency and year: its own sidecar, or the folder's meta.yaml when the name is too long for one. */
function sidecarFor(path: string): string {
  const name = path.split('/').pop()!;
  if (Buffer.byteLength(`${name}.meta.yaml`) <= 255) return `${path}.meta.yaml`;
  return `an entry for it under files: in ${path.slice(0, path.length - name.length)}meta.yaml`;
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

