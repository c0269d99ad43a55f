/**
 * What an archive's inbox really holds, each case reproduced as a test: stale copies beside the
 * real report, agencies whose names share a pinyin, broken links, names that are not UTF-8, images
 * and notes among the reports, damaged bytes, an interrupted build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArchive } from '../src/archive/archive.ts';
import { slugOf } from '../src/extract/identity/names.ts';
import { build, parseText, sampleText } from './helpers.ts';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
const FENGQUAN_TITLE = '凤泉区人民政府 2021 年政府信息公开工作年度报告';

test('5. a stale copy never replaces the real report, whatever sorts first; a true tie names both', () => {
  const real = parseText(sampleText('凤泉区'), '凤泉区人民政府-2021.txt');
  // An earlier draft kept as 「(副本)」: sorts first ('(' < '.'), different numbers.
  const draft = parseText(sampleText('凤泉区').replace('1017.737', '999'), '凤泉区人民政府-2021 (副本).txt');
  // A copy whose text lost its title: its identity rests on its file name only.
  const untitled = parseText(sampleText('凤泉区').replace(FENGQUAN_TITLE, '').replace('2021 年，凤泉区政府', '本年度，本机关'), '凤泉区人民政府_2021_v2.txt');
  const a = buildArchive([draft, untitled, real]);
  assert.deepEqual(a.reports.map((r) => r.source.path), ['凤泉区人民政府-2021.txt']);
  assert.deepEqual(
    a.duplicates.map((d) => [d.report.source.path, d.kept.source.path, d.why, d.tied]),
    [
      ['凤泉区人民政府-2021 (副本).txt', '凤泉区人民政府-2021.txt', "its name is not a copy's", false],
      ['凤泉区人民政府_2021_v2.txt', '凤泉区人民政府-2021.txt', 'its text states the agency and year', false],
    ],
  );
  const twin = buildArchive([parseText(sampleText('凤泉区'), 'b.txt'), parseText(sampleText('凤泉区'), 'a.txt')]);
  assert.deepEqual(twin.duplicates.map((d) => [d.report.source.path, d.kept.source.path, d.tied]), [['b.txt', 'a.txt', true]]);
});

test('5. build: the summary says which file was published and why; a tie fails --strict; .bak copies are not reports', () => {
  const dir = tmp('dup');
  writeFileSync(join(dir, '凤泉区人民政府-2021.txt'), sampleText('凤泉区'));
  writeFileSync(join(dir, '凤泉区人民政府-2021 (副本).txt'), sampleText('凤泉区').replace('1017.737', '999'));
  writeFileSync(join(dir, '凤泉区人民政府-2021.bak'), sampleText('凤泉区').replace('1017.737', '1'));
  const out = join(tmp('dup-out'), '_site');
  const r = build(['--reports', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /left out: 凤泉区人民政府-2021 \(副本\)\.txt \(a second file of fengquanqu-renminzhengfu\/2021; 凤泉区人民政府-2021\.txt is published because its name is not a copy's\)/);
  assert.match(r.stdout, /ignored: 凤泉区人民政府-2021\.bak \(not a report format \(\.bak\)\)/);
  assert.equal(JSON.parse(readFileSync(join(out, 'agencies/fengquanqu-renminzhengfu/2021/report.json'), 'utf8')).tables.proactive.fees.amount, 1017.737);
  // --strict refuses any report left out, a stale copy included: the folder should hold each report once.
  assert.equal(build(['--reports', dir, '--out', out, '--strict']).status, 1);
  writeFileSync(join(dir, 'x.txt'), sampleText('凤泉区'));
  const tie = build(['--reports', dir, '--out', out, '--strict']);
  assert.equal(tie.status, 1);
  assert.match(tie.stdout, /check which is right and remove the other/);
});

test('6. agencies whose names share a pinyin, or a place name, never share a page; no name becomes 「unknown」', () => {
  const report = (title: string, path: string, sidecar?: unknown) => parseText(sampleText('凤泉区').replace(FENGQUAN_TITLE, title).replace('2021 年，凤泉区政府', '本年度，本机关'), path, sidecar);
  const shanxi = report('山西省人民政府2021年政府信息公开工作年度报告', 'a.txt');
  const shaanxi = report('陕西省人民政府2021年政府信息公开工作年度报告', 'b.txt');
  assert.equal(shanxi.agency.slug, shaanxi.agency.slug); // toneless pinyin alike …
  const a = buildArchive([shanxi, shaanxi]);
  assert.deepEqual(a.reports.map((r) => r.id).sort(), ['shanxisheng-renminzhengfu-140000/2021', 'shanxisheng-renminzhengfu-610000/2021']); // … told apart by region
  assert.deepEqual([a.agencies.length, a.duplicates.length], [2, 0]);
  // 朝阳区 (Beijing) and 潮阳区 (Shantou).
  const chaoyang = buildArchive([report('北京市朝阳区人民政府2021年政府信息公开工作年度报告', 'c.txt'), report('汕头市潮阳区人民政府2021年政府信息公开工作年度报告', 'd.txt')]);
  assert.equal(new Set(chaoyang.reports.map((r) => r.agency.slug)).size, 2);
  // Names in Uyghur or Tibetan script (a sidecar names them): each its own slug.
  const ug = report('', 'e.txt', { agency: 'ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى', year: 2021 });
  const bo = report('', 'f.txt', { agency: 'ལྷ་ས་གྲོང་ཁྱེར་མི་དམངས་སྲིད་གཞུང་།', year: 2021 });
  assert.match(ug.agency.slug, /^agency-[0-9a-f]{8}$/);
  assert.notEqual(ug.agency.slug, bo.agency.slug);
  assert.equal(buildArchive([ug, bo]).reports.length, 2);
  // A very long name gives a bounded, still unique slug.
  const long = slugOf('某'.repeat(131) + '局');
  assert.ok(long.length <= 80 && long !== slugOf('某'.repeat(130) + '局'));
});

test('7. an interrupted build leaves the previous site byte for byte; so does a failed one', async () => {
  const { spawn } = await import('node:child_process');
  const dir = tmp('atomic');
  for (const s of ['凤泉区', '泉港区', '鲤城区']) writeFileSync(join(dir, `${s}.txt`), sampleText(s));
  const out = join(tmp('atomic-out'), '_site');
  assert.equal(build(['--reports', dir, '--out', out]).status, 0);
  const snapshot = () => readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${join(e.parentPath, e.name)}:${readFileSync(join(e.parentPath, e.name)).toString('base64')}`).sort();
  const before = snapshot();
  // A new report, then Ctrl-C as soon as rendering starts.
  writeFileSync(join(dir, '晋江市.txt'), sampleText('晋江市'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'src/cli/build.ts'), '--reports', dir, '--out', out], { cwd: join(import.meta.dirname, '..') });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  // Interrupt when the staging folder appears (rendering has begun), or give up after 20 s.
  const started = Date.now();
  while (!readdirSync(join(out, '..')).some((n) => n.endsWith('.nianbao-building')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.on('close', r));
  assert.notEqual(code, 0, stdout);
  assert.match(stderr, /build interrupted \(SIGINT\); the previous site in .* is unchanged/);
  assert.deepEqual(snapshot(), before);
  assert.ok(!readdirSync(join(out, '..')).some((n) => n.includes('.nianbao-')), 'no staging folder left behind');
  // And a complete build replaces it.
  assert.equal(build(['--reports', dir, '--out', out]).status, 0);
  assert.ok(readdirSync(join(out, 'agencies')).includes('jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui'));
});

test('9. --reports given as a link into --out is refused (links resolved); --out naming a file gets a clear message', () => {
  const base = tmp('links');
  const out = join(base, '_site');
  mkdirSync(join(out, 'r'), { recursive: true });
  writeFileSync(join(out, '.nianbao-site'), '');
  writeFileSync(join(out, 'r', 'a.txt'), sampleText('凤泉区'));
  symlinkSync(join(out, 'r'), join(base, 'reports'));
  const r = build(['--reports', join(base, 'reports'), '--out', out]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /overlap; put the site outside the reports folder/);
  assert.ok(readFileSync(join(out, 'r', 'a.txt')).length > 0);
  writeFileSync(join(base, 'file'), 'x');
  const f = build(['--reports', join(out, 'r'), '--out', join(base, 'file')]);
  assert.equal(f.status, 1);
  assert.match(f.stderr, /is a file, not a folder; choose another --out\./);
  assert.doesNotMatch(f.stderr, /at .*\(/); // no stack trace
});

test('1, 2, 4. links that loop or dangle, names that are not UTF-8, links out of the folder, images and notes: none stops the build, each accounted for once', () => {
  const dir = tmp('inbox');
  writeFileSync(join(dir, '凤泉区人民政府-2021.txt'), sampleText('凤泉区'));
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
  // 「泉港区.txt」 with its name in GBK bytes, as copied from Chinese Windows.
  const gbkName = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xc8, 0xaa, 0xb8, 0xdb, 0xc7, 0xf8]), Buffer.from('.txt')]);
  writeFileSync(gbkName, sampleText('泉港区'));
  writeFileSync(join(dir, 'README.md'), '# notes\n');
  writeFileSync(join(dir, 'notes.csv'), 'a,b\n');
  writeFileSync(join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'looks-like-text.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'program.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'orphan.txt.meta.yaml'), 'year: 2021\n');
  const out = join(tmp('inbox-out'), '_site');
  const r = build(['--reports', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const about = (name: string) => lines.filter((l) => l.includes(` ${name} `) || l.includes(` ${name}:`) || l.endsWith(` ${name}`));
  assert.deepEqual(about('凤泉区人民政府-2021.txt'), ['published: 凤泉区人民政府-2021.txt → /agencies/fengquanqu-renminzhengfu/2021/']);
  assert.deepEqual(about('泉港区.txt'), ['published: 泉港区.txt → /agencies/quangangqu-xingzheng-fuwu-zhongxin/2018/']);
  assert.deepEqual(about('loop-a'), ['unreadable: loop-a: a link that loops']);
  assert.deepEqual(about('dangling.txt'), ['unreadable: dangling.txt: a link to nothing (dangling)']);
  assert.deepEqual(about('passwd.txt'), ['ignored: passwd.txt (a link to outside the reports folder (not followed))']);
  assert.deepEqual(about('README.md'), ['ignored: README.md (not a report format (.md))']);
  assert.deepEqual(about('notes.csv'), ['ignored: notes.csv (not a report format (.csv))']);
  assert.deepEqual(about('scan.png'), ['ignored: scan.png (not a report format (.png))']);
  assert.deepEqual(about('looks-like-text.txt'), ['ignored: looks-like-text.txt (a PNG image, not a report, despite its name)']);
  assert.deepEqual(about('program.txt'), ['ignored: program.txt (an executable, not a report, despite its name)']);
  assert.deepEqual(about('orphan.txt.meta.yaml'), ['ignored: orphan.txt.meta.yaml (a sidecar of orphan.txt, which is not a report here)']);
  // Nothing of /etc/passwd is published; nothing ignored is an error.
  const all = readdirSync(out, { recursive: true }).map(String);
  assert.ok(!all.some((f) => f.includes('passwd')));
  assert.match(r.stdout, /2 reports read from .*, 0 with errors, 3 unreadable/);
  assert.equal(build(['--reports', dir, '--out', out, '--strict']).status, 1); // the broken links need attention
});

test('3. a few damaged bytes in a UTF-8 report: still UTF-8, a warning names the line and byte; garbage decoded is not a report', async () => {
  const { readText } = await import('../src/read/index.ts');
  const { parseReport } = await import('../src/parse.ts');
  const good = Buffer.from(sampleText('凤泉区'));
  for (const at of [10, good.indexOf(Buffer.from('主动公开')) + 1, good.length - 5]) {
    const bytes = Buffer.from(good);
    bytes[at] = 0xff;
    const doc = readText(bytes);
    assert.equal(doc.encoding, 'utf-8', `byte ${at}`);
    const r = parseReport({ bytes, path: 'x.txt', document: doc });
    assert.equal(r.agency.name, '凤泉区人民政府');
    assert.deepEqual(r.tables.requests, parseText(sampleText('凤泉区')).tables.requests);
    const w = r.findings.find((f) => f.code === 'decode-damaged');
    assert.ok(w && w.severity === 'warning' && w.line !== null, `byte ${at}`);
    // The damaged sequence starts at the changed byte or at the lead byte of its character.
    const offset = Number(/文件第 (\d+) 字节处/.exec(w.message)?.[1]);
    assert.ok(offset <= at && offset >= at - 3, `${offset} vs ${at}`);
  }
  // A real GBK file is still GBK.
  const iconv = (await import('iconv-lite')).default;
  assert.equal(readText(iconv.encode(sampleText('凤泉区'), 'gbk')).encoding, 'gb18030');
  // Random bytes decode to text of no report: an error, left out of the site.
  const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256));
  const n = parseReport({ bytes: noise, path: 'noise.txt' });
  assert.ok(n.findings.some((f) => f.code === 'no-report-content' && f.severity === 'error'));
  assert.equal(buildArchive([n]).unplaced.length, 1);
});

test('8. a very long file name and a very long agency: bounded URLs, and a folder meta.yaml names what a sidecar of its own cannot', () => {
  const dir = tmp('long');
  mkdirSync(join(dir, 'sub'));
  // 249 bytes of name: name + .meta.yaml would pass the 255-byte limit of file names.
  const name = `${'报'.repeat(81)}-2021.txt`;
  assert.ok(Buffer.byteLength(name) >= 249 && Buffer.byteLength(name) <= 255);
  const body = sampleText('凤泉区').replace(FENGQUAN_TITLE, '').replace('2021 年，凤泉区政府', '本年度，本机关');
  writeFileSync(join(dir, 'sub', name), body);
  const out = join(tmp('long-out'), '_site');
  const first = build(['--reports', dir, '--out', out]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`left out: sub/${name.replace('.', '\\.')} \\(agency unknown; add an entry for it under files: in sub/meta\\.yaml naming agency and year\\)`));
  const agency = `${'某'.repeat(120)}人民政府信息公开工作领导小组办公室`;
  writeFileSync(join(dir, 'sub', 'meta.yaml'), `files:\n  "${name}":\n    agency: ${agency}\n    year: 2021\n`);
  const second = build(['--reports', dir, '--out', out]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /^used: sub\/meta\.yaml \(sidecars of the files in its folder\)$/m);
  const published = /^published: .* → \/agencies\/([^/]+)\/2021\/$/m.exec(second.stdout);
  assert.ok(published, second.stdout);
  assert.ok(published[1]!.length <= 80);
  assert.equal(JSON.parse(readFileSync(join(out, 'agencies', published[1]!, '2021', 'report.json'), 'utf8')).agency.name, agency);
});

test('13. limits: a text file of megabytes is not read as one report; a paragraph of 30,000 characters is cut on the page, whole in source.txt', () => {
  const dir = tmp('huge');
  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(6 * 1024 * 1024, 0x61));
  const lines = sampleText('凤泉区').split('\n');
  const at = lines.findIndex((l) => l.startsWith('2021 年，凤泉区政府'));
  lines[at] += '公开'.repeat(15_000);
  writeFileSync(join(dir, '凤泉区人民政府-2021.txt'), lines.join('\n'));
  const out = join(tmp('huge-out'), '_site');
  const r = build(['--reports', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^unreadable: huge\.txt: too large to be one report \(6\.0 MB; the limit for this format is 5 MB\)/m);
  const json = JSON.parse(readFileSync(join(out, 'agencies/fengquanqu-renminzhengfu/2021/report.json'), 'utf8'));
  const f = json.findings.find((x: { code: string }) => x.code === 'narrative-truncated');
  assert.equal(f.line, at + 1);
  const page = readFileSync(join(out, 'agencies/fengquanqu-renminzhengfu/2021/index.html'), 'utf8');
  assert.ok(page.length < 200_000, `page is ${page.length} bytes`);
  assert.ok(readFileSync(join(out, 'agencies/fengquanqu-renminzhengfu/2021/source.txt'), 'utf8').includes('公开'.repeat(15_000)));
});
