/**
 * Reports as agencies publish them on portals and as Word files: HTML pages (GB2312 with a
 * declaration, GBK without one, UTF-8) and DOCX (written by LibreOffice), made by
 * tests/fixtures/documents/make.ts from the samples with the hand-checked numbers of
 * tests/expected/NNN.json. Every cell of tables 2, 3 and 4 is checked against those numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument, sniff } from '../src/read/index.ts';
import { readHtmlText } from '../src/read/html/index.ts';
import { parseReport } from '../src/parse.ts';
import type { Report } from '../src/model/report.ts';
import fc from 'fast-check';
import { Report as ReportSchema } from '../src/model/report.ts';
import { build, codes, sampleText } from './helpers.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'documents');
const expected = (n: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'expected', `${n}.json`), 'utf8'));

async function parseFile(file: string): Promise<Report> {
  const bytes = readFileSync(join(DIR, file));
  return parseReport({ bytes, path: file, document: await readDocument(bytes, file) });
}

const FIXTURES = [
  { file: '000-portal-gb2312.html', n: '000', format: 'html', encoding: 'gb18030' },
  { file: '002-portal-no-charset.html', n: '002', format: 'html', encoding: 'gb18030' },
  { file: '003-xxgk-utf8.htm', n: '003', format: 'html', encoding: 'utf-8' },
  { file: '004-libreoffice.docx', n: '004', format: 'docx', encoding: 'docx' },
] as const;

for (const f of FIXTURES) {
  test(`${f.file}: every cell of tables 2, 3 and 4, identity, sections, no finding`, async () => {
    const r = await parseFile(f.file);
    const e = expected(f.n);
    assert.deepEqual([r.source.format, r.source.encoding], [f.format, f.encoding]);
    assert.ok([r.agency.name, ...r.agency.aliases].includes(e.agency), r.agency.name);
    assert.deepEqual([r.year, r.edition, r.agency.region?.code], [e.year, e.edition, e.regionCode]);
    assert.deepEqual(r.tables.proactive, { edition: e.edition, ...e.tables.proactive });
    assert.deepEqual(r.tables.requests, e.tables.requests);
    assert.deepEqual(r.tables.reviewLitigation, e.tables.reviewLitigation);
    assert.deepEqual(Object.fromEntries(Object.entries(r.sections).map(([k, s]) => [k, s?.title ?? null])), e.sectionTitles);
    assert.deepEqual(r.source.tables.map((t) => [t.table, t.method]), [['proactive', 'html'], ['requests', 'html'], ['reviewLitigation', 'html']]);
    assert.deepEqual(r.findings, []);
  });
}

test('portal page: the article container is read, the chrome around it is not; page fields are kept as identity evidence', async () => {
  const doc = await readDocument(readFileSync(join(DIR, '000-portal-gb2312.html')), '000-portal-gb2312.html');
  const text = doc.lines.map((l) => l.text).join('\n');
  assert.doesNotMatch(text, /主办单位|闽ICP备|not content|打印本页/);
  const r = await parseFile('000-portal-gb2312.html');
  const fields = Object.fromEntries(r.identity.pageFields.map((p) => [p.label, p.value]));
  assert.deepEqual([fields['索引号'], fields['发布机构'], fields['发文日期']], ['350502-12/2022-00003', '鲤城区行政服务中心管委会', '2022-01-05']);
  assert.equal(r.title, '鲤城区行政服务中心管委会 2021年政府信息公开工作年度报告');
  // The old portal's layout tables are not data tables; its menu column stands before the report and is kept as short lines.
  const old = await readDocument(readFileSync(join(DIR, '002-portal-no-charset.html')), 'x.html');
  assert.deepEqual(old.tables.map((t) => t.columns), [1, 4, 10, 15]);
});

test('grid rows keep every column: a blank first value cell is a blank cell, not a shift', () => {
  const html = readFileSync(join(DIR, '003-xxgk-utf8.htm'), 'utf8');
  // Blank 自然人 of 予以公开 and every 总计 cell of table 3 (as real reports leave them).
  const rows = html.split('\n');
  const granted = rows.findIndex((l) => l.includes('（一）予以公开</td>'));
  rows[granted] = rows[granted]!.replace(/(<td colspan="2">（一）予以公开<\/td>)<td>[^<]*<\/td>/, '$1<td>&nbsp;</td>');
  const table3 = rows.findIndex((l) => l.includes('申请人情况'));
  for (let i = table3 + 3; i < table3 + 3 + 25; i++) rows[i] = rows[i]!.replace(/<td>[^<]*<\/td><\/tr>$/, '<td>&nbsp;</td></tr>');
  const doc = readHtmlText(rows.join('\n'), 'utf-8');
  const r = parseReport({ bytes: new Uint8Array(), path: 'blank.html', document: doc });
  const e = expected('003').tables.requests.rows;
  assert.equal(r.tables.requests!.rows['granted']!.naturalPerson, null);
  assert.equal(r.tables.requests!.rows['granted']!.commercial, e['granted'].commercial);
  for (const [key, row] of Object.entries(r.tables.requests!.rows)) {
    assert.equal(row.total, null, key);
    assert.equal(row.otherOrg, e[key].otherOrg, key);
  }
  assert.ok(codes(r).includes('requests-total-blank'));
});

test('legacy Word (.doc) and unreadable Word files: a finding saying how to convert, never a crash', async () => {
  const r = await parseFile('004-legacy.doc');
  assert.equal(sniff(readFileSync(join(DIR, '004-legacy.doc')), '004-legacy.doc'), 'legacy-word');
  const f = r.findings.find((x) => x.code === 'legacy-format');
  assert.ok(f);
  assert.match(f.message, /soffice --headless --convert-to docx/);
  const broken = readFileSync(join(DIR, '004-libreoffice.docx')).subarray(0, 2000);
  const b = parseReport({ bytes: broken, path: 'broken.docx', document: await readDocument(broken, 'broken.docx') });
  assert.ok(codes(b).includes('document-unreadable'));
});

test('the format is told by the bytes first: a PDF or DOCX under any name, HTML by its name or its first tag', () => {
  assert.equal(sniff(new TextEncoder().encode('%PDF-1.7\n…'), 'report.txt'), 'pdf');
  assert.equal(sniff(readFileSync(join(DIR, '004-libreoffice.docx')), 'report.bin'), 'docx');
  assert.equal(sniff(new TextEncoder().encode('  <!DOCTYPE html><html>'), 'report.txt'), 'html');
  assert.equal(sniff(new TextEncoder().encode(sampleText('凤泉区')), 'report.htm'), 'html');
  assert.equal(sniff(new TextEncoder().encode(sampleText('凤泉区')), 'report.txt'), 'text');
});

test('build: a reports folder mixing text, HTML and DOCX; each original downloadable from its page, with how it was read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-mixed-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, '泉港区行政服务中心-2018.txt'), sampleText('泉港区'));
  for (const f of ['000-portal-gb2312.html', '002-portal-no-charset.html', '004-libreoffice.docx']) copyFileSync(join(DIR, f), join(dir, 'web', f));
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-mixed-out-')), '_site');
  const r = build(['--reports', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /4 reports read from .*, 0 with errors, 0 unreadable/);
  assert.match(r.stdout, /^read: 1 text, 2 HTML, 1 DOCX; tables found from 9 HTML\/Word cells, 1 text\.$/m);
  const page = readFileSync(join(out, 'agencies', 'fengquanqurenminzhengfu', '2021', 'index.html'), 'utf8');
  assert.match(page, /<a href="\/agencies\/fengquanqurenminzhengfu\/2021\/original\.html" download>原始文件（网页（HTML））<\/a>/);
  assert.match(page, /网页（HTML）；表二按网页\/Word 表格结构读取，表三按网页\/Word 表格结构读取，表四按网页\/Word 表格结构读取/);
  assert.ok(readFileSync(join(out, 'agencies', 'fengquanqurenminzhengfu', '2021', 'original.html')).equals(readFileSync(join(DIR, '002-portal-no-charset.html'))));
  assert.ok(readFileSync(join(out, 'agencies', 'quanzhoushishuziquanzhoujianshebangongshi', '2021', 'original.docx')).equals(readFileSync(join(DIR, '004-libreoffice.docx'))));
  // A text report has no original beside its text.
  assert.ok(!readdirSync(join(out, 'agencies', 'quangangquxingzhengfuwuzhongxin', '2018')).some((f) => f.startsWith('original')));
  const json = JSON.parse(readFileSync(join(out, 'agencies', 'fengquanqurenminzhengfu', '2021', 'report.json'), 'utf8'));
  assert.equal(json.source.format, 'html');
});

test('property: damaged HTML and DOCX bytes (truncated, bytes changed) never throw and always give a valid report', async () => {
  const files = ['000-portal-gb2312.html', '002-portal-no-charset.html', '003-xxgk-utf8.htm', '004-libreoffice.docx'].map((f) => ({ f, bytes: readFileSync(join(DIR, f)) }));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), async ({ f, bytes }, cut, edits) => {
      const b = Buffer.from(bytes.subarray(0, 1 + (cut % bytes.length)));
      for (const [at, v] of edits) b[at % b.length] = v;
      const r = parseReport({ bytes: b, path: f, document: await readDocument(b, f) });
      assert.ok(ReportSchema.safeParse(r).success);
    }),
    { numRuns: 60 },
  );
});
