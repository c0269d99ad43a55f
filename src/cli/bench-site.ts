/**
 * `npm run bench:site -- [N] [--workers W] [--keep]`: how fast the site builds, against what Eleventy
 * alone needs to write the same files. N (default 1000) synthetic reports: the five samples in
 * reports/ copied under N/5 distinct agency names each, in a temporary folder. Measured:
 *
 *   buildSeconds       wall clock of the whole build process (`src/cli/build.ts`, start-up included),
 *                      fresh output and parse cache;
 *   bareSeconds        wall clock of a bare Eleventy 3 site writing the same files (same paths, same
 *                      sizes, fixed content; the non-page files copied through): src/cli/bench-bare.ts;
 *   ratio              buildSeconds / bareSeconds;
 *   peakRssMB          the build process's peak RSS (its worker threads included), as it reports it;
 *   parsePerCoreSecond reports / parse seconds summed over the build's workers (wall time inside each
 *                      worker, so a busy machine lowers it; null when they overlap, as with --workers 1,
 *                      where the parses interleave in one thread); also measured here, single-threaded, as
 *                      reports per CPU-second of `parseReport` after a warm-up (parsePerCpuSecondHere);
 *   rebuildOneSeconds  wall clock of the rebuild after one sentence of one report changed (same output
 *                      and cache): it should parse one report and render only the pages it touches.
 *
 * Prints a summary, then one JSON line with the figures. Wall clocks suffer when the machine is busy.
 * Measured here, never asserted by tests. --workers passes through to the build; --keep keeps the
 * temporary folder (reports, sites, cache, bare project) and prints its path.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { RECORD_FILE } from '../archive/published.ts';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseReport } from '../parse.ts';
import { listFiles, runBare } from './bench-bare.ts';

const USAGE = 'usage: npm run bench:site -- [N] [--workers W] [--keep]';
const root = resolve(import.meta.dirname, '..', '..');

function fail(message: string): never {
  process.stderr.write(`bench:site: ${message}\n`);
  process.exit(1);
}

let n = 1000;
let workers: string | undefined;
let keep = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--keep') keep = true;
  else if (a === '--workers') {
    workers = argv[++i];
    if (!workers || !/^\d+$/.test(workers)) fail(`--workers needs a number.\n${USAGE}`);
  } else if (/^\d+$/.test(a) && Number(a) > 0) n = Number(a);
  else fail(`unknown argument ${a}.\n${USAGE}`);
}

/** The build's figures (src/cli/build.ts writes them when NIANBAO_STATS is set). */
interface Stats {
  reports: number;
  files: number;
  parsed: number;
  reused: number;
  parseSeconds: number;
  pagesRendered: number;
  pagesKept: number;
  eleventyPages: number;
  workers: number;
  seconds: number;
  peakRssMB: number;
}

// --- the synthetic archive ---------------------------------------------------------------------
// (The reports folder's own files aside: the record of published URLs is a .txt too.)
const samples = readdirSync(join(root, 'reports')).filter((f) => f.endsWith('.txt') && f !== RECORD_FILE).sort();
// The agency as each sample's text spells it (its title line).
const AGENCIES = ['凤泉区人民政府', '晋江市行政服务中心管理委员会', '泉州市数字泉州建设办公室', '泉港区行政服务中心', '鲤城区行政服务中心管委会'];

const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
/** Kept after a failed build, to look into; otherwise only with --keep. */
let preserve = keep;
process.on('exit', () => {
  if (!preserve) rmSync(work, { recursive: true, force: true });
});
const reports = join(work, 'reports');
const out = join(work, '_site');
const cache = join(work, 'cache');
mkdirSync(reports);
const names: string[] = [];
for (let i = 0; i < n; i++) {
  const file = samples[i % samples.length]!;
  const copy = Math.floor(i / samples.length);
  let text = readFileSync(join(root, 'reports', file), 'utf8');
  // Distinct agencies with real-looking names (heavenly stems for digits: a digit or 〇 is not read as part of a name).
  const nth = [...String(copy)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('');
  for (const a of AGENCIES) text = text.replaceAll(a, `${a}第${nth}分部`);
  const name = `${copy}-${file}`;
  writeFileSync(join(reports, name), text);
  names.push(name);
}

/** Run the build as a child process; its wall clock and the figures it wrote. */
function build(label: string): { wall: number; stats: Stats } {
  const statsFile = join(work, `stats-${label}.json`);
  const args = ['--import', 'tsx', join(root, 'src/cli/build.ts'), '--reports', reports, '--out', out, '--cache', cache];
  if (workers) args.push('--workers', workers);
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NIANBAO_STATS: statsFile } });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    preserve = true;
    fail(`the ${label} build of ${n} reports failed (exit ${r.status ?? r.signal}); the files are in ${work}`);
  }
  let stats: Stats;
  try {
    stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
  } catch {
    fail(`the ${label} build wrote no figures to NIANBAO_STATS (${statsFile})`);
  }
  return { wall, stats };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

{
  // 1. The build, from nothing.
  const first = build('first');
  const files = listFiles(out);

  // 2. The bare Eleventy site writing the same files.
  let bare;
  try {
    bare = runBare(out, join(work, 'bare'), root);
  } catch (err) {
    preserve = true;
    fail(`${(err as Error).message}\nthe files are in ${work}`);
  }
  if (bare.files !== files.length) process.stderr.write(`warning: the bare site has ${bare.files} files, the built site ${files.length}\n`);
  else {
    const got = listFiles(bare.out);
    const missing = files.filter((f, i) => got[i] !== f);
    if (missing.length > 0) process.stderr.write(`warning: the bare site's paths differ from the built site's, e.g. ${missing.slice(0, 3).join(', ')}\n`);
  }

  // 3. One sentence of one report changed: rebuild with the same output and cache.
  const edited = join(reports, names[0]!);
  const before = readFileSync(edited, 'utf8');
  // A narrative sentence (a long line ending a sentence), not a heading or a table cell.
  const lines = before.split('\n');
  const at = lines.findIndex((l) => l.includes('主动公开') && l.includes('。') && l.length >= 30);
  if (at < 0) fail(`${names[0]} has no narrative sentence with 主动公开 to edit`);
  lines[at] = lines[at]!.replace('主动公开', '主动公开（修订）');
  const after = lines.join('\n');
  if (after === before) fail(`editing ${names[0]} changed nothing`);
  writeFileSync(edited, after);
  const again = build('rebuild');
  // The parse cache's key covers every file under src/ (src/build/version.ts): an edit there during the run parses everything anew.
  if (again.stats.parsed !== 1) process.stderr.write(`warning: the rebuild parsed ${again.stats.parsed} reports, not 1 (was a file under src/ edited during the run?)\n`);

  // 4. Parse throughput here, single-threaded, in CPU time (the synthetic files as the rebuild read them).
  const inputs = names.map((name) => ({ path: name, bytes: readFileSync(join(reports, name)) }));
  for (let round = 0; round < 3; round++) for (const f of inputs.slice(0, 25)) parseReport(f); // warm-up: JIT and the division index
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const f of inputs) parseReport(f);
  const cpu = process.cpuUsage(cpu0);
  const hereWall = (performance.now() - wall0) / 1000;
  const hereCpu = (cpu.user + cpu.system) / 1e6;
  const herePerCpuSecond = n / hereCpu;

  const s = first.stats;
  // Summed per-report wall times can only exceed the build's time times its workers if they overlap: with one
  // worker the parse tasks run in the build's own thread, interleaved, and each one's time counts the others'.
  const overlapping = s.parseSeconds > s.seconds * s.workers;
  const parsePerCoreSecond = overlapping || s.parseSeconds <= 0 ? null : s.parsed / s.parseSeconds;
  const cores = cpus();
  const machine = `${cores[0]?.model.trim() ?? 'unknown cpu'} ×${cores.length}, ${r1(totalmem() / 2 ** 30)} GiB, node ${process.version}`;

  console.log(`bench:site: ${n} synthetic reports (${samples.length} samples × ${Math.ceil(n / samples.length)} agencies), ${s.workers} worker${s.workers > 1 ? 's' : ''}; ${machine}`);
  console.log(`build      ${first.wall.toFixed(2)} s whole process (${s.seconds.toFixed(2)} s from reading to written): ${s.reports} reports on the site, ${files.length} files;`);
  console.log(`           ${s.parsed} parsed, ${s.pagesRendered} report and agency pages rendered by the workers, ${s.eleventyPages} aggregate pages by Eleventy; peak RSS ${s.peakRssMB} MB`);
  console.log(`bare       ${bare.seconds.toFixed(2)} s whole process: Eleventy alone writing the same ${bare.files} files → build/bare ${(first.wall / bare.seconds).toFixed(2)}×`);
  console.log(`rebuild    ${again.wall.toFixed(2)} s whole process (${again.stats.seconds.toFixed(2)} s inside) after one sentence of ${names[0]} changed: ${again.stats.parsed} parsed, ${again.stats.reused} from the cache, ${again.stats.pagesRendered} pages rendered, ${again.stats.pagesKept} kept, ${again.stats.eleventyPages} by Eleventy → ${((100 * again.wall) / first.wall).toFixed(0)}% of the build`);
  if (parsePerCoreSecond === null) console.log(`parse      the build's summed parse time (${s.parseSeconds.toFixed(1)} s) exceeds ${s.workers} × its ${s.seconds.toFixed(1)} s: the parses overlapped, no per-core figure;`);
  else console.log(`parse      ${parsePerCoreSecond.toFixed(0)} reports per worker-second in the build (${s.parseSeconds.toFixed(2)} s summed over the workers, wall time inside each);`);
  console.log(`           ${herePerCpuSecond.toFixed(0)} reports per CPU-second here, single-threaded (${hereCpu.toFixed(2)} CPU-s, ${hereWall.toFixed(2)} s wall for ${n})`);
  if (keep) console.log(`kept: ${work} (reports/, _site/, cache/, bare/ with its _site/)`);
  console.log(
    JSON.stringify({
      reports: n,
      buildSeconds: r2(first.wall),
      bareSeconds: r2(bare.seconds),
      ratio: r2(first.wall / bare.seconds),
      peakRssMB: Math.round(s.peakRssMB),
      parsePerCoreSecond: parsePerCoreSecond === null ? null : Math.round(parsePerCoreSecond),
      parsePerCpuSecondHere: Math.round(herePerCpuSecond),
      rebuildOneSeconds: r2(again.wall),
      rebuildRatio: r3(again.wall / first.wall),
      workers: s.workers,
      machine,
    }),
  );
}
