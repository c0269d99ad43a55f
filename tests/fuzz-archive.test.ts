/**
 * Fuzz target over whole archives: random mixes of good reports, damaged ones, stale copies,
 * foreign files (images, notes, binaries, empty files), sidecars good and bad, broken links and
 * names in GBK bytes. For every archive, the folder is read and the site model and summary built
 * (as the build does, without rendering): nothing throws, no good report is lost, and the summary
 * accounts for every file of the folder exactly once. A few archives go through the real build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadReports } from '../src/io.ts';
import { scanFolder } from '../src/folder.ts';
import { buildSite } from '../src/archive/site.ts';
import { buildSummary } from '../src/cli/report-summary.ts';
import { build, sampleText } from './helpers.ts';

const SAMPLES = [
  { name: '凤泉区人民政府-2021', text: sampleText('凤泉区') },
  { name: '泉港区行政服务中心-2018', text: sampleText('泉港区') },
  { name: '鲤城区行政服务中心管委会-2021', text: sampleText('鲤城区') },
  { name: '晋江市行政服务中心管理委员会-2022', text: sampleText('晋江市') },
  { name: '泉州市数字泉州建设办公室-2021', text: sampleText('泉州市数字') },
];

type FileSpec =
  | { kind: 'good'; sample: number; folder: string }
  | { kind: 'copy'; sample: number; suffix: string }
  | { kind: 'damaged'; sample: number; cut: number; flips: number[] }
  | { kind: 'foreign'; what: 'png' | 'png.txt' | 'csv' | 'md' | 'empty.txt' | 'binary.txt' | 'bak' | 'exe.txt' }
  | { kind: 'sidecar'; sample: number; body: string }
  | { kind: 'link'; what: 'loop' | 'dangling' | 'outside' }
  | { kind: 'gbk-name'; sample: number };

const spec: fc.Arbitrary<FileSpec> = fc.oneof(
  fc.record({ kind: fc.constant('good' as const), sample: fc.nat({ max: 4 }), folder: fc.constantFrom('', '福建省/', '河南省/新乡市/', 'a b/') }),
  fc.record({ kind: fc.constant('copy' as const), sample: fc.nat({ max: 4 }), suffix: fc.constantFrom(' (副本)', '-备份', ' copy', '(2)', '_old') }),
  fc.record({ kind: fc.constant('damaged' as const), sample: fc.nat({ max: 4 }), cut: fc.double({ min: 0, max: 1, noNaN: true }), flips: fc.array(fc.nat(), { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('foreign' as const), what: fc.constantFrom('png', 'png.txt', 'csv', 'md', 'empty.txt', 'binary.txt', 'bak', 'exe.txt') }),
  fc.record({ kind: fc.constant('sidecar' as const), sample: fc.nat({ max: 4 }), body: fc.constantFrom('year: 2021\n', 'sourceUrl: javascript:alert(1)\n', 'agency: [broken\n', 'publishedOn: 2022-13-45\nregion: "350502"\n', 'foo: 1\n') }),
  fc.record({ kind: fc.constant('link' as const), what: fc.constantFrom('loop', 'dangling', 'outside') }),
  fc.record({ kind: fc.constant('gbk-name' as const), sample: fc.nat({ max: 4 }) }),
);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Write the archive; return the paths of good reports (unique agency-year, not copies) that must be published. */
function writeArchive(dir: string, files: FileSpec[]): Set<string> {
  const mustPublish = new Map<number, string>();
  files.forEach((f, i) => {
    const at = (rel: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      return join(dir, rel);
    };
    if (f.kind === 'good') {
      const rel = `${f.folder}${SAMPLES[f.sample]!.name}-${i}.txt`;
      writeFileSync(at(rel), SAMPLES[f.sample]!.text);
      if (!mustPublish.has(f.sample)) mustPublish.set(f.sample, rel);
    } else if (f.kind === 'copy') writeFileSync(at(`${SAMPLES[f.sample]!.name}${f.suffix}-${i}.txt`), SAMPLES[f.sample]!.text.replace('0', '9'));
    else if (f.kind === 'damaged') {
      const bytes = Buffer.from(SAMPLES[f.sample]!.text);
      const kept = bytes.subarray(0, Math.floor(bytes.length * f.cut));
      for (const x of f.flips) if (kept.length) kept[x % kept.length] = (kept[x % kept.length]! + 77) % 256;
      writeFileSync(at(`damaged-${i}.txt`), kept);
    } else if (f.kind === 'foreign') {
      const content = { png: PNG, 'png.txt': PNG, csv: Buffer.from('a,b\n1,2\n'), md: Buffer.from('# notes\n'), 'empty.txt': Buffer.alloc(0), 'binary.txt': Buffer.from([0, 1, 2, 3, 0, 0xff]), bak: Buffer.from(SAMPLES[0]!.text), 'exe.txt': Buffer.from([0x4d, 0x5a, 0x90, 0]) }[f.what];
      writeFileSync(at(`foreign-${i}.${f.what}`), content);
    } else if (f.kind === 'sidecar') writeFileSync(at(`${SAMPLES[f.sample]!.name}-${i}.txt.meta.yaml`), f.body);
    else if (f.kind === 'link') {
      const link = at(`link-${i}.txt`);
      if (f.what === 'loop') symlinkSync(link, link);
      else if (f.what === 'dangling') symlinkSync(join(dir, 'nothing-here.txt'), link);
      else symlinkSync('/etc/hostname', link);
    } else if (f.kind === 'gbk-name') {
      // 「报告」 in GBK bytes, then the index.
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from(`-${i}.txt`)]), SAMPLES[f.sample]!.text);
      if (!mustPublish.has(f.sample)) mustPublish.set(f.sample, `报告-${i}.txt`);
    }
  });
  return new Set(mustPublish.values());
}

const KINDS = ['published', 'used', 'ignored', 'left out', 'unreadable'];

/** The summary's lines about files, and for each path of the folder how many of them speak of it (should be one). */
function accounting(text: string, paths: readonly string[]): { lines: number; times: Map<string, number> } {
  const lines = text.split('\n').filter((l) => KINDS.some((k) => l.startsWith(`${k}: `)));
  const times = new Map(paths.map((p) => [p, lines.filter((l) => KINDS.some((k) => [' → ', ' (', ': '].some((sep) => l.startsWith(`${k}: ${p}${sep}`)))).length]));
  return { lines: lines.length, times };
}

function assertAccounted(text: string, dir: string, paths = scanFolder(dir).map((e) => e.path)) {
  const { lines, times } = accounting(text, paths);
  assert.equal(lines, paths.length, text);
  for (const [path, n] of times) assert.equal(n, 1, `${path} said ${n} times:\n${text}`);
}

test('fuzz: 200 random archives: nothing throws, no good report lost, every file accounted for once', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 12 }), async (files) => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
      try {
        const good = writeArchive(dir, files);
        const loaded = await loadReports(dir);
        const site = buildSite(loaded.reports, loaded.sources, loaded.registry, loaded.originals);
        const { text } = buildSummary(loaded, site, dir);
        assertAccounted(text, dir);
        const published = new Set(site.reports.map((p) => p.report.source.path));
        // A good report may lose only to another good report of the same agency and year.
        const publishedIds = new Set(site.reports.map((p) => p.report.id));
        for (const path of good) {
          const r = loaded.reports.find((x) => x.source.path === path);
          assert.ok(r && (published.has(path) || publishedIds.has(r.id)), `${path} lost:\n${text}`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 200, seed: 20261127 },
  );
});

test('fuzz: random archives through the real build always exit, with a summary for every file', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 8 }), async (files) => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-build-'));
      const out = join(mkdtempSync(join(tmpdir(), 'nianbao-fuzz-out-')), '_site');
      try {
        writeArchive(dir, files);
        // (The files the build found: it adds its record of published URLs to the folder.)
        const found = scanFolder(dir).map((e) => e.path);
        const r = build(['--reports', dir, '--out', out]);
        assert.equal(r.status, 0, r.stderr);
        assertAccounted(r.stdout, dir, found);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 3, seed: 20261127 },
  );
});
