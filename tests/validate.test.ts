/**
 * Each validation rule on a crafted input: a sample with one identity broken carries
 * findings of exactly that rule, naming the cells involved, and no other finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, mutate, parseText, sampleText } from './helpers.ts';

const fq = () => sampleText('凤泉区'); // non-zero tables, 2021 edition
const qz = () => sampleText('泉州市数字'); // 2021 edition, 2 requests

test('unmodified samples carry no finding at all', () => {
  for (const s of ['凤泉区', '泉州市数字', '鲤城区', '晋江市', '泉港区']) assert.deepEqual(codes(parseText(sampleText(s))), [], s);
});

test('requests-balance: 新收 + 上年结转 ≠ 总计 + 结转下年度', () => {
  // 结转下年度 gains one natural-person request (row total kept consistent).
  const t = mutate(mutate(qz(), 108, /^(四、结转下年度继续办理\t\t\t)0(.*)0$/, '$11$20'), 108, /0$/, '1');
  const r = parseText(t);
  assert.deepEqual(codes(r), ['requests-balance', 'requests-balance']);
  assert.deepEqual(r.findings.map((f) => f.path.at(-1)), ['naturalPerson', 'total']);
  assert.match(r.findings[0]!.message, /本年新收（2）加上年结转（0）为 2，而办理结果总计（2）加结转下年度（1）为 3/);
});

test('requests-results: （七）总计 ≠ sum of the result rows', () => {
  const t = mutate(qz(), 84, '(一) 予以公开\t2\t0\t0\t0\t0\t0\t2', '(一) 予以公开\t1\t0\t0\t0\t0\t0\t1');
  const r = parseText(t);
  assert.deepEqual(codes(r), ['requests-results', 'requests-results']);
  assert.deepEqual(r.findings.map((f) => f.path.join('.')), ['tables.requests.rows.total.naturalPerson', 'tables.requests.rows.total.total']);
  assert.equal(r.findings[0]!.line, 107);
});

test('requests-row-total: 总计 column ≠ the six applicant columns', () => {
  let t = mutate(qz(), 82, /\t2\t$/, '\t3\t');
  t = mutate(t, 84, /\t2\t$/, '\t3\t');
  t = mutate(t, 107, /\t2$/, '\t3');
  t = mutate(t, 49, '收到 2 条', '收到 3 条'); // keep the narrative in step, so only the row rule fails
  const r = parseText(t);
  assert.deepEqual(codes(r), ['requests-row-total', 'requests-row-total', 'requests-row-total']);
  assert.deepEqual(r.findings.map((f) => f.path[3]), ['newReceived', 'granted', 'total']);
});

test('requests-total-blank: a blank 总计 column is kept as null and reported as info', () => {
  const t = mutate(qz(), 82, /\t2\t$/, '\t\t');
  const r = parseText(t);
  assert.equal(r.tables.requests!.rows['newReceived']!.total, null);
  assert.deepEqual(codes(r), ['requests-total-blank']);
  assert.equal(r.findings[0]!.severity, 'info');
});

test('review-total: a group total ≠ 维持 + 纠正 + 其他 + 尚未审结', () => {
  // 维持 drops to 1 while 总计 stays 2 (the narrative's 「行政复议 2 件」 still holds).
  const t = mutate(fq(), 80, /^2\t0\t0\t0\t2/, '1\t0\t0\t0\t2');
  const r = parseText(t);
  assert.deepEqual(codes(r), ['review-total']);
  assert.deepEqual(r.findings[0]!.path, ['tables', 'reviewLitigation', 'review', 'total']);
  assert.equal(r.findings[0]!.line, 80);
});

test('cell-not-count: a negative fee or a fractional count', () => {
  const neg = parseText(mutate(fq(), 42, '1017.737', '-3'));
  assert.deepEqual(codes(neg), ['cell-not-count']);
  assert.deepEqual(neg.findings[0]!.path, ['tables', 'proactive', 'fees', 'amount']);
  const frac = parseText(mutate(fq(), 35, '6467', '6467.5'));
  assert.deepEqual(codes(frac), ['cell-not-count']);
  assert.deepEqual(frac.findings[0]!.path, ['tables', 'proactive', 'licensing', 'decisions']);
});

test('narrative-mismatch: a number the text states differs from the table', () => {
  const r = parseText(mutate(fq(), 13, '收到政府信息公开申请 12 件', '收到政府信息公开申请 13 件'));
  assert.deepEqual(codes(r), ['narrative-mismatch']);
  assert.equal(r.findings[0]!.severity, 'warning');
  assert.equal(r.findings[0]!.line, 13);
  assert.deepEqual(r.findings[0]!.path, ['tables', 'requests', 'rows', 'newReceived', 'total']);
  assert.match(r.findings[0]!.message, /13件.*12/);
});

test('carry-over-mismatch: this year\'s 上年结转 ≠ last year\'s 结转下年度 of the same agency', async () => {
  const { carryOverFindings } = await import('../src/validate/acrossYears.ts');
  const y2021 = parseText(qz());
  // The same agency a year later, carrying over 1 natural-person request where 2021 carried forward 0.
  let t = qz().replace(/2021 年度政府信息公开工作报告/, '2022 年度政府信息公开工作报告');
  t = mutate(t, 83, /^(二、上年结转政府信息公开申请数量\t\t)0(\t.*\t)0(\t?)$/, '$11$21$3');
  const y2022 = parseText(t);
  assert.equal(y2022.year, 2022);
  const found = carryOverFindings([y2022, y2021]);
  assert.deepEqual([...found.keys()], [y2022.id]);
  assert.deepEqual(found.get(y2022.id)!.map((f) => f.path.at(-1)), ['naturalPerson', 'total']);
  assert.equal(found.get(y2022.id)![0]!.line, 83);
  assert.equal(carryOverFindings([y2021]).size, 0);
});
