/**
 * Reports as agencies publish them, through the whole pipeline (read → parse): PDFs (printed by
 * Chromium in three border styles, over a page break, with radical code points; printed by
 * LibreOffice), HTML pages (GB2312 with a declaration, GBK without one, UTF-8) and DOCX (written by
 * LibreOffice, and as Word writes WordprocessingML: vMerge/gridSpan, words split into runs), made by tests/fixtures/{pdf,documents}/make.ts from the samples, with the
 * hand-checked numbers of tests/expected/NNN.json. Every cell of tables 2, 3 and 4 is checked
 * against those numbers. (tests/pdf.test.ts checks the PDF reader's grids on their own.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument, readText, sniff } from '../src/read/index.ts';
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
  { file: '../pdf/1-lattice.pdf', n: '000', format: 'pdf', encoding: 'pdf', methods: ['lattice', 'lattice', 'lattice'] },
  { file: '../pdf/2-hrules.pdf', n: '003', format: 'pdf', encoding: 'pdf', methods: ['stream', 'stream', 'stream'] },
  { file: '../pdf/3-borderless.pdf', n: '002', format: 'pdf', encoding: 'pdf', methods: ['stream', 'stream', 'stream'] },
  { file: '../pdf/4-pagebreak.pdf', n: '004', format: 'pdf', encoding: 'pdf', methods: ['lattice', 'lattice', 'lattice'] },
  { file: '../pdf/5-radicals.pdf', n: '000', format: 'pdf', encoding: 'pdf', methods: ['lattice', 'lattice', 'lattice'] },
  { file: '../pdf/8-libreoffice.pdf', n: '004', format: 'pdf', encoding: 'pdf', methods: ['lattice', 'lattice', 'lattice'] },
  // A third producer: fixture 4 rewritten by cairo (pdftocairo -pdf): other content streams, fonts re-embedded.
  { file: '../pdf/9-cairo.pdf', n: '004', format: 'pdf', encoding: 'pdf', methods: ['lattice', 'lattice', 'lattice'] },
  // The header-rules-only fixture rewritten by cairo: its digits carry another font size than the labels.
  // Table 4 is not found as a table there: its row comes as a text line, split by its spaces (values still right).
  { file: '../pdf/10-cairo-stream.pdf', n: '003', format: 'pdf', encoding: 'pdf', methods: ['stream', 'stream', 'text'] },
  { file: '000-portal-gb2312.html', n: '000', format: 'html', encoding: 'gb18030' },
  { file: '002-portal-no-charset.html', n: '002', format: 'html', encoding: 'gb18030' },
  { file: '003-xxgk-utf8.htm', n: '003', format: 'html', encoding: 'utf-8' },
  { file: '004-libreoffice.docx', n: '004', format: 'docx', encoding: 'docx' },
  { file: '002-wordml.docx', n: '002', format: 'docx', encoding: 'docx' },
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
    const methods = 'methods' in f ? f.methods : ['html', 'html', 'html'];
    assert.deepEqual(r.source.tables.map((t) => [t.table, t.method]), [['proactive', methods[0]], ['requests', methods[1]], ['reviewLitigation', methods[2]]]);
    assert.deepEqual(r.findings.map((x) => `${x.code} ${x.message}`), []);
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

test('build: a reports folder mixing text, PDF, HTML and DOCX; each original downloadable from its page, with how it was read; a scan kept and listed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-mixed-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, '泉港区行政服务中心-2018.txt'), sampleText('泉港区'));
  for (const f of ['000-portal-gb2312.html', '002-portal-no-charset.html', '004-libreoffice.docx']) copyFileSync(join(DIR, f), join(dir, 'web', f));
  copyFileSync(join(DIR, '..', 'pdf', '2-hrules.pdf'), join(dir, '晋江市.pdf'));
  // A scanned report: nothing to read but its name; kept, on the site with its PDF, and listed for OCR.
  copyFileSync(join(DIR, '..', 'pdf', '6-scanned.pdf'), join(dir, '泉港区行政服务中心-2019.pdf'));
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-mixed-out-')), '_site');
  const r = build(['--reports', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /6 reports read from .*, 1 with errors, 0 unreadable, 0 duplicates and 0 without agency or year left out; 6 on the site\./);
  assert.match(r.stdout, /^read: 1 text, 2 PDF, 2 HTML, 1 DOCX; tables found from 3 alignment, 9 HTML\/Word cells, 1 text\.$/m);
  assert.match(r.stdout, /^needs a text copy or OCR: 泉港区行政服务中心-2019\.pdf \(a scanned PDF: no text layer\)$/m);
  assert.match(r.stdout, /^error: 泉港区行政服务中心-2019\.pdf  scanned-pdf  扫描件（图片版）PDF，无文字层/m);
  const page = readFileSync(join(out, 'agencies', 'fengquanqu-renminzhengfu', '2021', 'index.html'), 'utf8');
  // A web page is served as text (its scripts must not run under the archive's address), saved as original.html.
  assert.match(page, /<a href="\/agencies\/fengquanqu-renminzhengfu\/2021\/original\.html\.txt" download="original\.html">原始文件（网页（HTML））<\/a>/);
  assert.match(page, /网页（HTML）；表二按网页\/Word 表格结构读取，表三按网页\/Word 表格结构读取，表四按网页\/Word 表格结构读取/);
  const pdfPage = readFileSync(join(out, 'agencies', 'jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui', '2022', 'index.html'), 'utf8');
  assert.match(pdfPage, /读取方式<\/dt><dd>PDF；表二按文字对齐识别（第1页），表三按文字对齐识别（第1–2页），表四按文字对齐识别（第2页）<\/dd>/);
  for (const [path, file] of <[string, string][]>[
    ['agencies/fengquanqu-renminzhengfu/2021/original.html.txt', join(DIR, '002-portal-no-charset.html')],
    ['agencies/quanzhoushi-shuzi-quanzhou-jianshe-bangongshi/2021/original.docx', join(DIR, '004-libreoffice.docx')],
    ['agencies/jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui/2022/original.pdf', join(DIR, '..', 'pdf', '2-hrules.pdf')],
    ['agencies/quangangqu-xingzheng-fuwu-zhongxin/2019/original.pdf', join(DIR, '..', 'pdf', '6-scanned.pdf')],
  ])
    assert.ok(readFileSync(join(out, path)).equals(readFileSync(file)), path);
  // A text report has no original beside its text.
  assert.ok(!readdirSync(join(out, 'agencies', 'quangangqu-xingzheng-fuwu-zhongxin', '2018')).some((f) => f.startsWith('original')));
  const json = JSON.parse(readFileSync(join(out, 'agencies', 'jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui', '2022', 'report.json'), 'utf8'));
  assert.deepEqual([json.source.format, json.source.tables.map((t: { method: string }) => t.method)], ['pdf', ['stream', 'stream', 'stream']]);
});

test('PDF with a non-embedded GBK-EUC-H font and no ToUnicode: read through the CMaps (title, agency, year, table 4 numbers in source.txt)', async () => {
  const bytes = readFileSync(join(DIR, '..', 'pdf', '7-cidfont.pdf'));
  const doc = await readDocument(bytes, '7-cidfont.pdf');
  const r = parseReport({ bytes, path: '7-cidfont.pdf', document: doc });
  assert.deepEqual([r.source.format, r.agency.name, r.year, r.title], ['pdf', '某某县人民政府', 2021, '某某县人民政府2021年政府信息公开工作年度报告']);
  // Table 4 alone does not make a 2021-edition report (the edition is told by tables 2 and 3): its row is in the text.
  assert.ok(doc.lines.some((l) => l.text === '3\t1\t0\t1\t5\t2\t0\t0\t1\t3\t0\t0\t1\t0\t1'));
});

test('property: damaged HTML and DOCX bytes (truncated, bytes changed) never throw and always give a valid report', async () => {
  const files = ['000-portal-gb2312.html', '002-portal-no-charset.html', '003-xxgk-utf8.htm', '004-libreoffice.docx', '002-wordml.docx'].map((f) => ({ f, bytes: readFileSync(join(DIR, f)) }));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), async ({ f, bytes }, cut, edits) => {
      const b = Buffer.from(bytes.subarray(0, 1 + (cut % bytes.length)));
      for (const [at, v] of edits) b[at % b.length] = v;
      const r = parseReport({ bytes: b, path: f, document: await readDocument(b, f) });
      assert.ok(ReportSchema.safeParse(r).success);
    }),
    { numRuns: 60, seed: 20261127 },
  );
});

test('a finding on a line of a PDF says the page it stands on', () => {
  const text = sampleText('凤泉区').replace('一、本年新收政府信息公开申请数量\t\t\t4\t', '一、本年新收政府信息公开申请数量\t\t\t5\t');
  assert.notEqual(text, sampleText('凤泉区'));
  const bytes = new TextEncoder().encode(text);
  const doc = readText(bytes);
  // As a PDF reader gives them: lines on two pages.
  const pdf = { ...doc, format: 'pdf' as const, encoding: 'pdf', lines: doc.lines.map((l) => ({ ...l, page: l.line <= 40 ? 1 : 2 })) };
  const r = parseReport({ bytes, path: 'x.pdf', document: pdf });
  const f = r.findings.find((x) => x.code === 'requests-balance');
  assert.ok(f && f.line !== null);
  assert.equal(f.page, f.line > 40 ? 2 : 1);
  assert.ok(parseReport({ bytes, path: 'x.txt' }).findings.every((x) => x.page === null));
});

test('a web page in Traditional script keeps its table cells: the same tables, read from the HTML cells', async () => {
  const { Converter } = await import('opencc-js');
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const path = join(import.meta.dirname, 'fixtures', 'documents', '003-xxgk-utf8.htm');
  const simplified = readFileSync(path);
  const traditional = new TextEncoder().encode(toTraditional(simplified.toString('utf8')));
  const parse = async (bytes: Uint8Array) => parseReport({ bytes, path: '003.htm', document: await readDocument(bytes, '003.htm') });
  const [a, b] = [await parse(simplified), await parse(traditional)];
  assert.notEqual(Buffer.from(traditional).toString('utf8'), simplified.toString('utf8'));
  assert.ok(a.tables.requests && a.tables.reviewLitigation, 'the fixture has tables 3 and 4');
  assert.deepEqual(b.tables.requests, a.tables.requests);
  assert.deepEqual(b.tables.reviewLitigation, a.tables.reviewLitigation);
  assert.deepEqual(b.tables.proactive, a.tables.proactive);
  assert.deepEqual(b.source.tables.map((t) => t.method), a.source.tables.map((t) => t.method));
});

test('toSimplified changes only the characters: cells, where values start and the page stay', async () => {
  const { toSimplified } = await import('../src/read/script.ts');
  const [row] = toSimplified([{ line: 7, text: '（二）本年新收\t5\t0', cells: ['（二）本年新收', '5', '0'], valueStart: 1, page: 3 }]);
  assert.deepEqual(row, { line: 7, text: '（二）本年新收\t5\t0', cells: ['（二）本年新收', '5', '0'], valueStart: 1, page: 3 });
  const [trad] = toSimplified([{ line: 1, text: '駁回\t1', cells: ['駁回', '1'], valueStart: 1, page: 2 }]);
  assert.deepEqual(trad, { line: 1, text: '驳回\t1', cells: ['驳回', '1'], valueStart: 1, page: 2 });
});
