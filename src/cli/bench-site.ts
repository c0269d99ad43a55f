/**
 * `npm run bench:site -- [N]`: build the site for a synthetic archive of N reports (default 1000):
 * the five samples copied under N/5 agency names each. Prints wall time, pages per second and the
 * build's peak resident memory. Measured here, never asserted by tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const n = Number(process.argv[2] ?? 1000);
const root = resolve(import.meta.dirname, '..', '..');
const samples = readdirSync(join(root, 'reports')).filter((f) => f.endsWith('.txt'));
// The agency as each sample's text spells it (its title line).
const AGENCIES = ['凤泉区人民政府', '晋江市行政服务中心管理委员会', '泉州市数字泉州建设办公室', '泉港区行政服务中心', '鲤城区行政服务中心管委会'];

const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const reports = join(work, 'reports');
mkdirSync(reports);
for (let i = 0; i < n; i++) {
  const file = samples[i % samples.length]!;
  const copy = Math.floor(i / samples.length);
  let text = readFileSync(join(root, 'reports', file), 'utf8');
  // Distinct agencies with real-looking names (heavenly stems for digits: a digit or 〇 is not read as part of a name).
  const nth = [...String(copy)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('');
  for (const a of AGENCIES) text = text.replaceAll(a, `${a}第${nth}分部`);
  writeFileSync(join(reports, `${copy}-${file}`), text);
}

const started = performance.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/build.ts'), '--reports', reports, '--out', join(work, '_site')], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NIANBAO_REPORT_MEMORY: '1' },
});
const seconds = (performance.now() - started) / 1000;
if (r.status !== 0) {
  process.stderr.write(r.stdout + r.stderr);
  process.exit(1);
}
const files = readdirSync(join(work, '_site'), { recursive: true }).length;
const rss = /peak rss (\d+)/.exec(r.stderr)?.[1];
const line = r.stdout.split('\n').find((l) => l.startsWith(`${n} reports read`)) ?? r.stdout.split('\n')[0];
console.log(line);
console.log(`${n} reports → ${files} files and folders in ${seconds.toFixed(1)} s (${(n / seconds).toFixed(0)} reports/s, whole process)`);
if (rss) console.log(`build peak RSS ${(Number(rss) / 1024).toFixed(0)} MiB`);
rmSync(work, { recursive: true, force: true });
