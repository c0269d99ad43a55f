/**
 * The indicators (src/indicators/): every definition against values computed by hand from the
 * samples and fixtures, blanks that stay blank (with their reason), the year before and jumps, the
 * stock–flow rule of table 2, and aggregates that sum numerators and denominators.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildArchive } from '../src/archive/archive.ts';
import { DEFINITIONS, DEFINITION_BY_ID, describe } from '../src/indicators/definitions.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { aggregate, rank } from '../src/indicators/aggregate.ts';
import { IndicatorDefinition, INDICATOR_IDS } from '../src/model/indicators.ts';
import { Report } from '../src/model/report.ts';
import { REQUEST_ROWS } from '../src/model/labels.ts';
import { codes, mutate, parseText, sampleText } from './helpers.ts';

const fengquan = () => parseText(sampleText('凤泉区'), 'fengquan.txt');
const haidian = () => parseText(readFileSync(join(import.meta.dirname, 'fixtures', 'haidian-2019-edition.txt'), 'utf8'), 'haidian.txt');
const quangang = () => parseText(sampleText('泉港区'), 'quangang.txt');

/** [value, numerator, denominator] of every indicator. */
const triples = (r: Report) => Object.fromEntries(Object.entries(computeIndicators(r)).map(([id, v]) => [id, [v.value, v.numerator, v.denominator]]));
const q = (n: number, d: number) => [Number((n / d).toPrecision(12)), n, d];
const count = (n: number) => [n, n, null];
const zeroDen = (n: number) => [null, n, 0];
const none = [null, null, null];

test('the definitions: one per id, in the order of INDICATOR_IDS, each valid as data and reading real cells', () => {
  assert.deepEqual(DEFINITIONS.map((d) => d.id), [...INDICATOR_IDS]);
  const report = fengquan();
  for (const d of DEFINITIONS) {
    IndicatorDefinition.parse(describe(d));
    for (const t of [...d.formula.numerator, ...(d.formula.denominator ?? [])].map(([term]) => term)) {
      for (const cell of t.cells) {
        const [root, table, ...rest] = cell.split('.');
        assert.equal(root, 'tables', cell);
        if (table === 'requests') {
          const [, row, column] = [rest[0], rest.slice(1, -1).join('.'), rest[rest.length - 1]];
          assert.ok(REQUEST_ROWS.some((x) => x.key === row), `${d.id}: ${cell}`);
          assert.ok(column! in report.tables.requests!.rows['newReceived']!, `${d.id}: ${cell}`);
        } else if (table === 'reviewLitigation') {
          const [group, field] = rest;
          assert.ok((report.tables.reviewLitigation as Record<string, Record<string, unknown>>)[group!]?.[field!] !== undefined, `${d.id}: ${cell}`);
        } else if (table === 'proactive') {
          const [row, field] = rest;
          assert.ok((report.tables.proactive as unknown as Record<string, Record<string, unknown>>)[row!]?.[field!] !== undefined, `${d.id}: ${cell}`);
        } else assert.fail(`${d.id}: ${cell}`);
      }
    }
    for (const t of d.legacy ? [...d.legacy.numerator, ...(d.legacy.denominator ?? [])].map(([term]) => term) : []) for (const cell of t.cells) assert.match(cell, /^tables\.legacyStats\[/);
  }
  // The headline of each group, and the formula of the headline 公开率 as the issue states it.
  assert.deepEqual(DEFINITIONS.filter((d) => d.headline).map((d) => d.id), ['received', 'disclosureRate', 'denialRate', 'reviewCorrectionRate']);
  assert.equal(DEFINITION_BY_ID.get('disclosureRate')!.formula.symbols, '(G+P)/T');
});

test('凤泉区 2021, by hand: N 12 (自然人 4, 其他 8), G 10, P 0, D 0, U 2 (不掌握), X 0, T 12, F 0; table 4 review 2 upheld, lawsuits 2 upheld; table 2 规范性文件 制发 8, 许可 6467, 处罚 75', () => {
  assert.deepEqual(triples(fengquan()), {
    received: count(12),
    'applicants.naturalPerson': q(4, 12),
    'applicants.commercial': q(0, 12),
    'applicants.research': q(0, 12),
    'applicants.socialWelfare': q(0, 12),
    'applicants.legalService': q(0, 12),
    'applicants.otherOrg': q(8, 12),
    handled: count(12),
    carryForwardRate: q(0, 12),
    disclosureRate: q(10, 12),
    fullDisclosureRate: q(10, 12),
    disclosureRateOfIntake: q(10, 12),
    denialRate: q(0, 12),
    // No request was refused: the mix of reasons has nothing to divide (blank, not 0).
    ...Object.fromEntries(INDICATOR_IDS.filter((id) => id.startsWith('denialReasons.')).map((id) => [id, zeroDen(0)])),
    unavailableRate: q(2, 12),
    notProcessedRate: q(0, 12),
    otherHandlingRate: q(0, 12),
    reviewCorrectionRate: q(0, 2),
    litigationCorrectionRate: q(0, 2),
    correctionRate: q(0, 4),
    disputeRate: q(4, 12),
    regulationsNet: count(0),
    normativeDocumentsNet: count(8),
    licensingPenaltyRatio: q(6467, 75),
  });
  const v = computeIndicators(fengquan());
  assert.equal(v.disclosureRate.value, 0.833333333333);
  assert.equal(v['denialReasons.stateSecret'].blank, '分母（D）为 0');
});

test('海淀区 2019 edition, by hand: N 34, C 2, G 22, P 3, D 2 (其他法律 1, 过程性 1), U 6, X 1, O 0 (one row), T 34, F 2; review 1 corrected of 2, lawsuits 0 corrected of 2 with 1 pending', () => {
  assert.deepEqual(triples(haidian()), {
    received: count(34),
    'applicants.naturalPerson': q(30, 34),
    'applicants.commercial': q(2, 34),
    'applicants.research': q(0, 34),
    'applicants.socialWelfare': q(1, 34),
    'applicants.legalService': q(1, 34),
    'applicants.otherOrg': q(0, 34),
    handled: count(34),
    carryForwardRate: q(2, 36),
    disclosureRate: q(25, 34),
    fullDisclosureRate: q(22, 34),
    disclosureRateOfIntake: q(25, 36),
    denialRate: q(2, 34),
    'denialReasons.stateSecret': q(0, 2),
    'denialReasons.otherLaws': q(1, 2),
    'denialReasons.threeSecurities': q(0, 2),
    'denialReasons.thirdParty': q(0, 2),
    'denialReasons.internalAffairs': q(0, 2),
    'denialReasons.processInfo': q(1, 2),
    'denialReasons.enforcementFiles': q(0, 2),
    'denialReasons.queryMatters': q(0, 2),
    unavailableRate: q(6, 34),
    notProcessedRate: q(1, 34),
    otherHandlingRate: q(0, 34),
    reviewCorrectionRate: q(1, 2),
    litigationCorrectionRate: q(0, 1),
    correctionRate: q(1, 3),
    disputeRate: q(4, 34),
    // The 2019 form's table 2 has no 制发/废止/现行有效.
    regulationsNet: none,
    normativeDocumentsNet: none,
    licensingPenaltyRatio: q(4500, 150),
  });
  const v = computeIndicators(haidian());
  assert.equal(v.regulationsNet.blank, '2019 版表格不提供这一项');
  assert.equal(v.disclosureRate.value, 0.735294117647);
});

test('a legacy report gets what its appendix supports, the rest blank with the reason', () => {
  const v = computeIndicators(quangang());
  assert.deepEqual([v.received.value, v.handled.value], [0, 0]);
  // 答复总数 0: nothing to divide.
  assert.deepEqual([v.disclosureRate.value, v.disclosureRate.numerator, v.disclosureRate.denominator, v.disclosureRate.blank], [null, 0, 0, '分母（A）为 0']);
  for (const id of ['applicants.naturalPerson', 'carryForwardRate', 'unavailableRate', 'reviewCorrectionRate', 'licensingPenaltyRatio'] as const) {
    assert.deepEqual([v[id].value, v[id].blank], [null, '2019 年以前的报告（旧版附表）不提供这一项'], id);
  }
  // With numbers in the appendix: 受理 20, 答复 18, 同意公开 12, 部分公开 3, 不予公开 2, 复议 1, 诉讼 1.
  let text = sampleText('泉港区');
  const set = (label: string, value: number) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trim().replace(/^其中：/, '').replace(/^\d\./, '') === label);
    assert.ok(at >= 0, label);
    // One cell per line: label, unit, this year, cumulative.
    text = mutate(text, at + 3, /^(\s*)0/, `$1${value}`);
  };
  set('受理政府信息公开申请总数', 20);
  set('对申请的答复总数', 18);
  set('同意公开答复数', 12);
  set('同意部分公开答复数', 3);
  set('不予公开答复数', 2);
  set('行政复议数', 1);
  set('行政诉讼数', 1);
  const t = triples(parseText(text, 'quangang.txt'));
  assert.deepEqual([t.received, t.handled, t.disclosureRate, t.fullDisclosureRate, t.denialRate, t.disputeRate], [count(20), count(18), q(15, 18), q(12, 18), q(2, 18), q(2, 20)]);
});

/** A report with table 3 cells set: each `rows[key]` puts the number in the 总计 column and the 自然人 column, 0 elsewhere (null: every cell blank). */
function withRequests(base: Report, cells: Record<string, number | null>, applicants = true): Report {
  const r = structuredClone(base);
  for (const [key, v] of Object.entries(cells)) {
    r.tables.requests!.rows[key] = { naturalPerson: applicants ? v : null, commercial: applicants && v !== null ? 0 : null, research: applicants && v !== null ? 0 : null, socialWelfare: applicants && v !== null ? 0 : null, legalService: applicants && v !== null ? 0 : null, otherOrg: applicants && v !== null ? 0 : null, total: v };
  }
  return r;
}

test('blanks propagate: a blank row blanks every sum and rate that reads it, with the row named; a blank 总计 with the six columns filled is their sum', () => {
  const r = withRequests(fengquan(), { 'denied.thirdParty': null });
  const v = computeIndicators(r);
  assert.equal(v.denialRate.value, null);
  assert.equal(v.denialRate.blank, '表三「（三）不予公开4.保护第三方合法权益」的总计栏空白');
  assert.equal(v['denialReasons.stateSecret'].value, null);
  // What does not read that row is untouched.
  assert.equal(v.disclosureRate.value, 0.833333333333);
  // 总计 blank, the six applicant columns 4 0 0 0 0 8: the form's rule gives 12.
  const s = structuredClone(fengquan());
  s.tables.requests!.rows['total']!.total = null;
  assert.equal(computeIndicators(s).disclosureRate.value, 0.833333333333);
  s.tables.requests!.rows['total']!.otherOrg = null;
  assert.deepEqual([computeIndicators(s).disclosureRate.value, computeIndicators(s).disclosureRate.blank], [null, '表三「（七）总计」的总计栏空白']);
  // No table 3 at all, no table 4.
  const bare = structuredClone(fengquan());
  bare.tables.requests = null;
  bare.tables.reviewLitigation = null;
  const b = computeIndicators(bare);
  assert.deepEqual([b.received.value, b.received.blank, b.correctionRate.blank, b.disputeRate.blank], [null, '未找到表三', '未找到表四', '未找到表四']);
  // A blank in table 4 blanks its rates.
  const t4 = structuredClone(fengquan());
  t4.tables.reviewLitigation!.review.pending = null;
  assert.equal(computeIndicators(t4).reviewCorrectionRate.blank, '表四「行政复议」的一个单元格空白');
  assert.equal(computeIndicators(t4).litigationCorrectionRate.value, 0);
});

/** 凤泉区 in another year, with new totals: N = T = n, granted g, unavailable n − g. */
function fengquanYear(year: number, n: number, g: number, inForce?: number): Report {
  const r = withRequests(fengquan(), { newReceived: n, granted: g, 'unavailable.notHeld': n - g, total: n });
  r.year = year;
  r.id = `${r.agency.slug}/${year}`;
  r.source = { ...r.source, path: `fengquan-${year}.txt` };
  if (inForce !== undefined && r.tables.proactive?.edition === '2021') r.tables.proactive.normativeDocuments.inForce = inForce;
  return r;
}

test('the year before: previous and change; a jump (×5 or ×0.2) with at least minimumCases in both years is a finding on the later report, small numbers are not', () => {
  const a = buildArchive([fengquanYear(2020, 40, 36), fengquanYear(2021, 300, 30), fengquanYear(2022, 310, 31)]);
  const [y20, y21, y22] = a.reports;
  assert.deepEqual([y20!.indicators!.received.previous, y20!.indicators!.received.change], [null, null]);
  // 公开率 0.9 → 0.1: ×0.111…; 申请量 40 → 300: ×7.5.
  assert.deepEqual([y21!.indicators!.disclosureRate.previous, y21!.indicators!.disclosureRate.change, y21!.indicators!.disclosureRate.jump], [0.9, 0.111111111111, true]);
  assert.deepEqual([y21!.indicators!.received.change, y21!.indicators!.received.jump], [7.5, true]);
  const jumps = y21!.findings.filter((f) => f.code === 'indicator-jump');
  assert.deepEqual(jumps.map((f) => f.path[1]), ['received', 'handled', 'disclosureRate', 'fullDisclosureRate', 'disclosureRateOfIntake', 'unavailableRate', 'disputeRate']);
  assert.match(jumps.find((f) => f.path[1] === 'disclosureRate')!.message, /「公开率」从 2020 年度的 90\.0% 变为 10\.0%/);
  assert.ok(!y22!.findings.some((f) => f.code === 'indicator-jump'));
  // The same kind of jump on 4 and 29 requests: too few cases, no flag (the change is still there).
  const small = buildArchive([fengquanYear(2020, 4, 4), fengquanYear(2021, 29, 3)]).reports[1]!;
  assert.deepEqual([small.indicators!.disclosureRate.change, small.indicators!.disclosureRate.jump], [0.103448275862, false]);
  assert.ok(!codes(small).includes('indicator-jump'));
  // …unless the archive sets a smaller minimum.
  assert.ok(codes(buildArchive([fengquanYear(2020, 4, 4), fengquanYear(2021, 29, 3)], null, 3).reports[1]!).includes('indicator-jump'));
  // A difference has a previous value but no ratio.
  assert.deepEqual([y21!.indicators!.normativeDocumentsNet.previous, y21!.indicators!.normativeDocumentsNet.change], [8, null]);
});

test('the stock–flow rule of table 2 across years: 现行有效 = 上年现行有效 + 本年制发 − 本年废止, a finding on the later report naming the numbers', () => {
  // 凤泉区 规范性文件: 制发 8, 废止 0 each year; 2020 现行有效 8 → 2021 should be 16.
  const wrong = buildArchive([fengquanYear(2020, 12, 10, 8), fengquanYear(2021, 12, 10, 8)]).reports[1]!;
  const f = wrong.findings.filter((x) => x.code === 'stock-flow-mismatch');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0]!.path, ['tables', 'proactive', 'normativeDocuments', 'inForce']);
  assert.equal(f[0]!.message, '「行政规范性文件」：2020 年度现行有效 8 件，加本年制发 8 件、减本年废止 0 件，应为 16 件，本年度报告的现行有效件数为 8 件。');
  assert.equal(f[0]!.line, wrong.tables.lines['proactive.normativeDocuments']);
  const right = buildArchive([fengquanYear(2020, 12, 10, 8), fengquanYear(2021, 12, 10, 16)]).reports[1]!;
  assert.ok(!codes(right).includes('stock-flow-mismatch'));
  // Not consecutive years, or a 2019-edition year before: nothing to check.
  assert.ok(!codes(buildArchive([fengquanYear(2019, 12, 10, 1), fengquanYear(2021, 12, 10, 8)]).reports[1]!).includes('stock-flow-mismatch'));
});

test('the archive never changes the caller\'s reports, and every published report\'s indicators validate against the model', () => {
  const input = [fengquanYear(2020, 40, 36), fengquanYear(2021, 300, 30)];
  const before = JSON.stringify(input);
  const a = buildArchive(input);
  assert.equal(JSON.stringify(input), before);
  for (const r of a.reports) Report.parse(r);
  assert.ok(a.reports.every((r) => r.indicators && Object.keys(r.indicators).length === INDICATOR_IDS.length));
});

test('aggregates sum numerators and denominators (never average rates), with n; on a random archive they equal the sum-based formula', () => {
  // Two agencies: 10/12 and 30/40 → 40/52, not the mean of 83.3% and 75%.
  const a = buildArchive([fengquanYear(2021, 12, 10), { ...fengquanYear(2021, 40, 30), agency: { ...fengquan().agency, slug: 'other', name: '另一机关' }, id: 'other/2021', source: { ...fengquan().source, path: 'other.txt' } }]);
  const d = DEFINITION_BY_ID.get('disclosureRate')!;
  assert.deepEqual(aggregate(d, a.reports), { value: Number((40 / 52).toPrecision(12)), numerator: 40, denominator: 52, n: 2, of: 2 });
  assert.deepEqual(aggregate(DEFINITION_BY_ID.get('received')!, a.reports), { value: 52, numerator: 52, denominator: null, n: 2, of: 2 });

  const cell = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null, freq: 5 });
  fc.assert(
    fc.property(fc.array(fc.record({ n: cell, g: cell, p: cell, t: cell }), { minLength: 1, maxLength: 12 }), (rows) => {
      const reports = rows.map((x, i) => {
        const r = withRequests(fengquan(), { newReceived: x.n, granted: x.g, partiallyGranted: x.p, total: x.t }, false);
        return { ...r, indicators: computeIndicators(r), id: `a${i}/2021` };
      });
      // By hand: the reports whose G, P and T are all known, and T above 0.
      const known = rows.filter((x) => x.g !== null && x.p !== null && x.t !== null && x.t > 0);
      const num = known.reduce((s, x) => s + x.g! + x.p!, 0);
      const den = known.reduce((s, x) => s + x.t!, 0);
      const got = aggregate(d, reports);
      assert.equal(got.n, known.length);
      assert.equal(got.of, rows.length);
      assert.equal(got.numerator, known.length ? num : null);
      assert.equal(got.denominator, known.length ? den : null);
      assert.equal(got.value, known.length && den > 0 ? Number((num / den).toPrecision(12)) : null);
      const counted = rows.filter((x) => x.n !== null);
      assert.equal(aggregate(DEFINITION_BY_ID.get('received')!, reports).value, counted.length ? counted.reduce((s, x) => s + x.n!, 0) : null);
    }),
    { numRuns: 200 },
  );
});

test('rankings: highest first, ties share a place, fewer than the minimum cases are 样本不足, blanks unranked', () => {
  const d = DEFINITION_BY_ID.get('disclosureRate')!;
  const ranks = rank(d, [
    { key: 'a', value: { value: 0.5, denominator: 40 } },
    { key: 'b', value: { value: 0.9, denominator: 30 } },
    { key: 'c', value: { value: 0.5, denominator: 100 } },
    { key: 'd', value: { value: 1, denominator: 29 } },
    { key: 'e', value: { value: null, denominator: 0 } },
    { key: 'f', value: { value: 0.2, denominator: 31 } },
  ], 30);
  assert.deepEqual(Object.fromEntries(ranks), { a: { rank: 2, of: 4 }, b: { rank: 1, of: 4 }, c: { rank: 2, of: 4 }, d: 'too-few', e: 'blank', f: { rank: 4, of: 4 } });
  // A count is its own size.
  const n = DEFINITION_BY_ID.get('received')!;
  assert.deepEqual(Object.fromEntries(rank(n, [{ key: 'x', value: { value: 29, denominator: null } }, { key: 'y', value: { value: 31, denominator: null } }], 30)), { x: 'too-few', y: { rank: 1, of: 1 } });
});

test('a zero denominator names it without doubled brackets', () => {
  const r = structuredClone(fengquan());
  for (const g of ['review', 'litigationDirect', 'litigationAfterReview'] as const) r.tables.reviewLitigation![g] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
  const v = computeIndicators(r);
  assert.deepEqual([v.reviewCorrectionRate.blank, v.correctionRate.blank, v.disclosureRate.blank], ['分母（Rt−Rp）为 0', '分母（Rt+Lt−Rp−Lp）为 0', null]);
});
