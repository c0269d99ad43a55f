/**
 * `npm run summary -- DIR [--strict]`: parse the archive and print what it holds, without building the site.
 * Every report is parsed on its own; a file that cannot be read is reported and skipped.
 */
import { loadOrExit } from './load.ts';
import type { Report } from '../model/report.ts';
import { buildArchive } from '../archive/archive.ts';
import { loadSiteConfig } from '../data/config.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const dir = args.find((a) => !a.startsWith('--')) ?? 'reports';

const loaded = await loadOrExit(dir);
const { reports } = loaded;
const unreadable = loaded.unreadable.length;
for (const reason of loaded.unreadable) process.stderr.write(`nianbao: ${reason}\n`);

// The archive stage adds the cross-year findings and sets aside a second report of one agency and year.
// site.yaml's minimumCases decides which jumps between years are findings, as in the build.
const archive = buildArchive(reports, loaded.registry, loadSiteConfig(dir).config.minimumCases);
for (const u of archive.unplaced) process.stderr.write(`nianbao: ${u.source.path}: agency or year unknown; add ${u.source.path}.meta.yaml naming them. Left out of the archive.\n`);
for (const d of archive.duplicates) process.stderr.write(`nianbao: ${d.report.source.path}: ${d.report.agency.name} ${d.report.year ?? ''} is also in ${d.kept.source.path}, which is kept (${d.why}); this file is left out\n`);

const count = (sev: string, r: Report) => r.findings.filter((f) => f.severity === sev).length;
for (const r of archive.reports) {
  const region = r.agency.region ? `${r.agency.region.path.join(' › ')} (${r.agency.region.code})` : '区划未知';
  const received = r.tables.requests?.rows['newReceived']?.total;
  process.stdout.write(
    `${r.year ?? '????'}  ${r.edition.padEnd(6)}  ${r.agency.name}  ${region}` +
      (received !== undefined ? `  新收申请 ${received ?? '—'}` : '') +
      `  [${count('error', r)} 错误, ${count('warning', r)} 警告, ${count('info', r)} 提示]\n`,
  );
  for (const f of r.findings.filter((x) => x.severity !== 'info')) {
    process.stdout.write(`    ${r.source.path}${f.line ? `:${f.line}` : ''}  ${f.severity} ${f.code}  ${f.message}\n`);
  }
}
const withErrors = archive.reports.filter((r) => count('error', r) > 0).length;
process.stdout.write(`\n${reports.length} reports read from ${dir}/, ${withErrors} with errors, ${unreadable} unreadable.\n`);
if (strict && (withErrors > 0 || unreadable > 0)) process.exit(1);
