/**
 * pdftotext -layout: columns told apart only by horizontal position, blank cells simply absent,
 * long labels wrapped onto a line of their own, page footers and form feeds inside tables.
 * Variants are generated from the samples and the 2019-edition fixture by tests/layout.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, parseText, sampleText } from './helpers.ts';
import { toLayout } from './layout.ts';
import type { RequestRow, Tables } from '../src/model/report.ts';

for (const sample of ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字']) {
  test(`${sample}: pdftotext layout with a page footer mid-table gives the same tables`, () => {
    const text = sampleText(sample);
    const variant = toLayout(text, {}, 90);
    assert.ok(!variant.includes('\t') && variant.includes('— 3 —'));
    const r = parseText(variant);
    const original = parseText(text);
    for (const key of ['proactive', 'requests', 'reviewLitigation', 'legacyStats'] as const) assert.deepEqual(r.tables[key], original.tables[key], key);
    assert.deepEqual(r.findings, []);
  });
}

test('2019 edition in pdftotext layout: every cell right, blanks included', () => {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', 'haidian-2019-edition.txt'), 'utf8');
  // Blank cells: 其他对外管理服务事项's 本年增/减, 行政强制's 上一年项目数量, five applicant cells of
  // 上年结转, 行政复议's 其他结果 and 尚未审结; and a footer and form feed inside table 3.
  const variant = toLayout(text, { 18: [1], 22: [0], 36: [1, 2, 3, 4, 5], 64: [2, 3] }, 45);
  const r = parseText(variant);
  const want = structuredClone(parseText(text).tables) as Tables;
  if (want.proactive?.edition !== '2019') throw new Error('fixture is not 2019 edition');
  want.proactive.otherServices.change = null;
  want.proactive.enforcement.previousCount = null;
  for (const col of ['commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'] as const) want.requests!.rows['carriedOver']![col] = null;
  want.reviewLitigation!.review.other = null;
  want.reviewLitigation!.review.pending = null;
  for (const key of ['proactive', 'requests', 'reviewLitigation'] as const) assert.deepEqual(r.tables[key], want[key], key);
  assert.equal(r.tables.requests!.rows['carriedOver']!.naturalPerson, 2);
  assert.equal(r.tables.requests!.rows['carriedOver']!.total, 2);
  assert.deepEqual(codes(r), []);
});

test('hand-made pdftotext excerpt: stacked header words, blank rows as bare labels, centred group labels, wrapped labels, footer', () => {
  const r = parseText(readFileSync(join(import.meta.dirname, 'fixtures', 'pdftotext-layout-2021.txt'), 'utf8'));
  const rows = r.tables.requests!.rows;
  const blank: RequestRow = { naturalPerson: null, commercial: null, research: null, socialWelfare: null, legalService: null, otherOrg: null, total: null };
  const only = (naturalPerson: number, total: number, extra: Partial<RequestRow> = {}): RequestRow => ({ ...blank, naturalPerson, total, ...extra });
  const expected: Record<string, unknown> = {
    newReceived: only(15, 19, { commercial: 3, socialWelfare: 1 }),
    carriedOver: only(1, 1),
    granted: only(8, 11, { commercial: 2, socialWelfare: 1 }),
    partiallyGranted: only(1, 1),
    'denied.thirdParty': only(1, 1),
    'unavailable.notHeld': only(3, 4, { commercial: 1 }),
    'notProcessed.duplicate': only(1, 1),
    'otherHandling.noCorrection': only(1, 1),
    total: only(15, 19, { commercial: 3, socialWelfare: 1 }),
    carriedForward: only(1, 1),
  };
  for (const key of Object.keys(rows)) assert.deepEqual(rows[key], expected[key] ?? blank, key);
  assert.equal(Object.keys(rows).length, 25);
  assert.deepEqual(r.tables.reviewLitigation, {
    review: { upheld: 1, corrected: null, other: null, pending: null, total: 1 },
    litigationDirect: { upheld: 1, corrected: null, other: null, pending: null, total: 1 },
    litigationAfterReview: { upheld: null, corrected: null, other: null, pending: 1, total: 1 },
  });
  // Only what the excerpt truly lacks is reported: no table 2, four sections, no region for 某某县.
  assert.deepEqual(codes(r).sort(), ['region-unknown', 'section-missing', 'section-missing', 'section-missing', 'section-missing', 'table-missing'].sort());
});

test('table 2 in layout: a bare row label is a row of blank cells', () => {
  const text = sampleText('凤泉区');
  const variant = toLayout(text).replace(/^规章 +0 +0 +0$/m, '规章');
  assert.notEqual(variant, toLayout(text));
  const p = parseText(variant).tables.proactive;
  assert.ok(p?.edition === '2021');
  assert.deepEqual(p.regulations, { issued: null, repealed: null, inForce: null });
  assert.deepEqual(p.normativeDocuments, { issued: 8, repealed: 0, inForce: 8 });
  assert.deepEqual(p.licensing, { decisions: 6467 });
});

test('table 2 in layout: a block whose every row has a blank is placed by its 信息内容 header', () => {
  const text = '某某县人民政府2019年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n' + [
    '第二十条第（五）项',
    '信息内容                        上一年项目数量         本年增/减       处理决定数量',
    '行政许可                          120                        4500',
    '其他对外管理服务事项                                   -2          300',
  ].join('\n') + '\n\n三、收到和处理政府信息公开申请情况\n';
  const p = parseText(text).tables.proactive;
  assert.ok(p?.edition === '2019');
  assert.deepEqual(p.licensing, { previousCount: 120, change: null, decisions: 4500 });
  assert.deepEqual(p.otherServices, { previousCount: null, change: -2, decisions: 300 });
});
