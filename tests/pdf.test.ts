/**
 * The PDF reader against fixtures printed from the sample reports (tests/fixtures/pdf/make.ts):
 * every value cell of tables 2, 3 and 4 against the hand-checked values in tests/expected/NNN.json,
 * blank cells as '', the title and section headings as lines, page furniture gone, a table over a
 * page break stitched, radicals mapped, a scan noted, CMaps used, broken files never thrown on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../src/read/pdf/index.ts';
import type { ReadDocument } from '../src/read/document.ts';
import type { SourceLine } from '../src/read/decode.ts';
import { isPageFurniture, squash } from '../src/read/text.ts';
import { cellValue } from '../src/read/cells.ts';
import { CID_NUMBERS, CID_TITLE } from './fixtures/pdf/cid.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'pdf');
const cache = new Map<string, Promise<ReadDocument>>();
const read = (file: string) => {
  if (!cache.has(file)) cache.set(file, readPdf(readFileSync(join(DIR, file))));
  return cache.get(file)!;
};

interface Expected {
  sectionTitles: Record<string, string>;
  tables: {
    proactive: Record<string, Record<string, number | null>>;
    requests: { rows: Record<string, Record<string, number | null>> };
    reviewLitigation: Record<string, Record<string, number | null>>;
  };
}
const expected = (n: string): Expected => JSON.parse(readFileSync(join(import.meta.dirname, 'expected', `${n}.json`), 'utf8')) as Expected;
const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

const FIXTURES: { file: string; sample: string; title: string; method: 'lattice' | 'stream'; columns?: number[] }[] = [
  { file: '1-lattice.pdf', sample: '000', title: '鲤城区行政服务中心管委会2021年政府信息公开工作年度报告', method: 'lattice' },
  { file: '2-hrules.pdf', sample: '003', title: '晋江市行政服务中心管理委员会2022年政府信息公开工作年度报告', method: 'stream' },
  { file: '3-borderless.pdf', sample: '002', title: '凤泉区人民政府2021年政府信息公开工作年度报告', method: 'stream' },
  { file: '4-pagebreak.pdf', sample: '004', title: '2021年度政府信息公开工作报告', method: 'lattice' },
  { file: '5-radicals.pdf', sample: '000', title: '鲤城区行政服务中心管委会2021年政府信息公开工作年度报告', method: 'lattice' },
  // Another producer: LibreOffice printing a Word file (stroked rules, wrapped header cells, table 3 over pages 3–4).
  // Its table 2 continues on page 3 drawn with two columns only (every row there spans the value columns): two tables.
  { file: '8-libreoffice.pdf', sample: '004', title: '2021年度政府信息公开工作报告', method: 'lattice', columns: [4, 2, 10, 15] },
];

/** Table 3 row keys → a piece of their label that no other row's label holds. */
const REQUEST_ROWS: [string, RegExp][] = [
  ['newReceived', /本年新收政府信息公开申请数量/],
  ['carriedOver', /上年结转政府信息公开申请数量/],
  ['granted', /予以公开/],
  ['partiallyGranted', /部分公开/],
  ['denied.stateSecret', /属于国家秘密/],
  ['denied.otherLaws', /其他法律行政法规禁止公开/],
  ['denied.threeSecurities', /三安全一稳定/],
  ['denied.thirdParty', /保护第三方合法权益/],
  ['denied.internalAffairs', /三类内部事务信息/],
  ['denied.processInfo', /四类过程性信息/],
  ['denied.enforcementFiles', /行政执法案卷/],
  ['denied.queryMatters', /行政查询事项/],
  ['unavailable.notHeld', /不掌握相关政府信息/],
  ['unavailable.needsCreation', /没有现成信息需要另行制作/],
  ['unavailable.unclear', /补正后申请内容仍不明确/],
  ['notProcessed.petition', /信访举报投诉类申请/],
  ['notProcessed.duplicate', /重复申请/],
  ['notProcessed.publication', /要求提供公开出版物/],
  ['notProcessed.excessive', /无正当理由大量反复申请/],
  ['notProcessed.confirmation', /确认或重新出具已获取信息/],
  ['otherHandling.noCorrection', /逾期不补正/],
  ['otherHandling.unpaidFee', /缴纳费用/],
  ['otherHandling.other', /3\.其他$/],
  ['total', /\(七\)总计$/],
  ['carriedForward', /结转下年度继续办理/],
];
const REQUEST_COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
const PROACTIVE: [string, string, string[]][] = [
  ['规章', 'regulations', ['issued', 'repealed', 'inForce']],
  ['行政规范性文件', 'normativeDocuments', ['issued', 'repealed', 'inForce']],
  ['行政许可', 'licensing', ['decisions']],
  ['行政处罚', 'penalties', ['decisions']],
  ['行政强制', 'enforcement', ['decisions']],
  ['行政事业性收费', 'fees', ['amount']],
];

const label = (l: SourceLine) => squash(l.cells!.slice(0, l.valueStart).join(''));
const values = (l: SourceLine) => l.cells!.slice(l.valueStart);
const valueRows = (doc: ReadDocument) => doc.lines.filter((l) => l.cells && values(l).some((c) => cellValue(c).kind === 'number'));
const tableOf = (doc: ReadDocument, l: SourceLine) => doc.tables.find((t) => t.start <= l.line - 1 && l.line - 1 < t.end);

/** Every value cell of tables 2, 3 and 4 against the expected JSON: [right, total, wrong cells]. */
function compare(doc: ReadDocument, exp: Expected): { right: number; total: number; wrong: string[] } {
  const wrong: string[] = [];
  let right = 0;
  let total = 0;
  const check = (what: string, got: string | undefined, want: string) => {
    total++;
    if (got === want) right++;
    else wrong.push(`${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };
  const rows = valueRows(doc);
  for (const [text, key, fields] of PROACTIVE) {
    const row = rows.find((l) => label(l) === text);
    // A 2021 table 2 has three value columns; a block with one value spans them (the value in the first,
    // '' after) — or is drawn with one value column of its own (LibreOffice, over a page break).
    const want = fields.map((f) => str(exp.tables.proactive[key]?.[f]));
    want.forEach((w, i) => check(`表二 ${text}[${i}]`, row ? values(row)[i] : undefined, w));
    if (row) check(`表二 ${text} spanned cells`, values(row).slice(want.length).join(''), '');
  }
  for (const [key, re] of REQUEST_ROWS) {
    const row = rows.find((l) => re.test(label(l)));
    REQUEST_COLUMNS.forEach((c, i) => check(`表三 ${key}.${c}`, row ? values(row)[i] : undefined, str(exp.tables.requests.rows[key]?.[c])));
    if (row) check(`表三 ${key} width`, String(values(row).length), '7');
  }
  const review = rows.find((l) => values(l).length === 15);
  const want = ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((f) => str(exp.tables.reviewLitigation[g]?.[f])));
  want.forEach((w, i) => check(`表四 [${i}]`, review ? values(review)[i] : undefined, w));
  return { right, total, wrong };
}

for (const f of FIXTURES) {
  test(`pdf ${f.file}: every value cell of tables 2, 3 and 4 as in expected/${f.sample}.json`, async () => {
    const doc = await read(f.file);
    const { right, total, wrong } = compare(doc, expected(f.sample));
    assert.deepEqual(wrong, []);
    assert.equal(right, total);
    assert.ok(total >= 14 + 25 * 8 + 15);
  });

  test(`pdf ${f.file}: lines, title, headings, tables`, async () => {
    const doc = await read(f.file);
    assert.equal(doc.format, 'pdf');
    assert.equal(doc.encoding, 'pdf');
    assert.deepEqual(doc.notes, []);
    doc.lines.forEach((l, i) => {
      assert.equal(l.line, i + 1);
      assert.ok(typeof l.page === 'number' && l.page >= 1);
      if (l.cells) assert.equal(l.text, l.cells.join('\t'));
    });
    const text = doc.lines.filter((l) => !l.cells).map((l) => squash(l.text));
    assert.ok(text.includes(squash(f.title)), `title ${f.title}`);
    const titles = Object.values(expected(f.sample).sectionTitles);
    ['一', '二', '三', '四', '五', '六'].forEach((n, i) => assert.ok(text.includes(`${n}、${titles[i]}`), `heading ${n}、${titles[i]}`));
    // Page numbers and footers are gone.
    for (const l of doc.lines) assert.ok(!isPageFurniture(l.text) && !/^\d{1,3}$/.test(l.text.trim()), `furniture: ${l.text}`);
    // Three tables (or as drawn), each of one method, each row with all its columns.
    assert.equal(doc.tables.length, f.columns?.length ?? 3);
    for (const t of doc.tables) {
      assert.equal(t.method, f.method);
      for (const l of doc.lines.slice(t.start, t.end)) assert.equal(l.cells?.length, t.columns);
    }
    assert.deepEqual(doc.tables.map((t) => t.columns), f.columns ?? [4, 10, 15]);
    // Table 3 is one table, whatever pages it stands on, with its values from column 3 (lattice: three label columns).
    const newReceived = valueRows(doc).find((l) => /本年新收/.test(label(l)))!;
    const carriedForward = valueRows(doc).find((l) => /结转下年度/.test(label(l)))!;
    assert.equal(tableOf(doc, newReceived), tableOf(doc, carriedForward));
    if (f.method === 'lattice') {
      assert.equal(newReceived.valueStart, 3);
      assert.deepEqual(newReceived.cells!.slice(0, 3), ['一、本年新收政府信息公开申请数量', '', '']);
      const secret = valueRows(doc).find((l) => /属于国家秘密/.test(label(l)))!;
      assert.deepEqual(secret.cells!.slice(0, 3), ['', '（三）不予公开', '1.属于国家秘密']);
      const granted = valueRows(doc).find((l) => /予以公开/.test(label(l)))!;
      assert.deepEqual(granted.cells!.slice(0, 3), ['三、本年度办理结果', '（一）予以公开', '']);
      // Wrapped text in a cell is joined without spaces.
      assert.ok(valueRows(doc).some((l) => l.cells![1] === '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'));
    }
  });
}

test('pdf 4-pagebreak.pdf: table 3 broken over a page break is one table on two pages, header not repeated', async () => {
  const doc = await read('4-pagebreak.pdf');
  const t3 = doc.tables[1]!;
  assert.equal(t3.pages?.length, 2);
  assert.equal(t3.rows, 3 + 25);
  const rows = doc.lines.slice(t3.start, t3.end);
  assert.equal(rows.filter((l) => l.cells!.includes('申请人情况')).length, 1);
  assert.deepEqual([...new Set(rows.map((l) => l.page))], t3.pages);
  // The break falls before （四）无法提供.
  const notHeld = rows.find((l) => /不掌握/.test(l.text))!;
  assert.equal(notHeld.page, t3.pages![1]);
  assert.equal(rows[rows.indexOf(notHeld) - 1]!.page, t3.pages![0]);
});

test('pdf 1-lattice.pdf: table 3 split by the natural page break is stitched too', async () => {
  const doc = await read('1-lattice.pdf');
  assert.deepEqual(doc.tables[1]!.pages, [1, 2]);
});

test('pdf 5-radicals.pdf: no radical code points are left', async () => {
  const doc = await read('5-radicals.pdf');
  const all = doc.lines.map((l) => l.text).join('\n');
  assert.doesNotMatch(all, /[\u2E80-\u2EFF\u2F00-\u2FDF]/u);
  assert.ok(all.includes('联系人：李长青，一楼门厅人民来访接待窗口。'));
  assert.ok(doc.lines.some((l) => l.cells?.[0] === '一、本年新收政府信息公开申请数量'));
});

test('pdf 6-scanned.pdf: a page without a text layer is a scan, no table', async () => {
  const doc = await read('6-scanned.pdf');
  assert.equal(doc.notes.length, 1);
  assert.equal(doc.notes[0]!.code, 'scanned');
  assert.match(doc.notes[0]!.message, /扫描件（图片版）PDF，无文字层.*需要文字版或 OCR/);
  assert.deepEqual(doc.tables, []);
  assert.deepEqual(doc.lines, []);
});

test('pdf 7-cidfont.pdf: a non-embedded GBK-EUC-H CID font without ToUnicode is read through the CMaps', async () => {
  const doc = await read('7-cidfont.pdf');
  assert.equal(doc.lines[0]?.text, CID_TITLE);
  assert.equal(doc.lines[1]?.text, '四、政府信息公开行政复议、行政诉讼情况');
  assert.equal(doc.tables.length, 1);
  assert.equal(doc.tables[0]!.method, 'lattice');
  assert.equal(doc.tables[0]!.columns, 15);
  const row = doc.lines.find((l) => l.cells?.every((c) => /^\d+$/.test(c)));
  assert.deepEqual(row?.cells, CID_NUMBERS);
  assert.equal(row?.valueStart, 0);
  assert.deepEqual(doc.lines[2]?.cells?.slice(0, 6), ['行政复议', '', '', '', '', '未经复议直接起诉']);
});

test('pdf: a truncated, garbage or empty file gives a note, never a throw', async () => {
  const whole = readFileSync(join(DIR, '1-lattice.pdf'));
  for (const bytes of [whole.subarray(0, 3000), new TextEncoder().encode('garbage, not a PDF'), new Uint8Array(0), whole.subarray(0, whole.length - 4000)]) {
    const doc = await readPdf(bytes);
    assert.equal(doc.format, 'pdf');
    if (doc.lines.length === 0) assert.ok(doc.notes.length > 0, 'an empty reading says why');
    for (const n of doc.notes) assert.ok(['unreadable', 'encrypted'].includes(n.code));
  }
  const garbage = await readPdf(new TextEncoder().encode('garbage'));
  assert.equal(garbage.notes[0]?.code, 'unreadable');
  assert.deepEqual(garbage.lines, []);
});

test('pdf: reading is deterministic', async () => {
  const bytes = readFileSync(join(DIR, '3-borderless.pdf'));
  assert.deepEqual(await readPdf(bytes), await readPdf(bytes));
});
