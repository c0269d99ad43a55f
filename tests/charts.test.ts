/** The archive stage's charts and page models over the samples, against the tables' hand-checked values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyCharts, OUTCOME_GROUPS, perYearCharts, reportCharts, yearCharts } from '../src/archive/charts.ts';
import { buildSite, describePath } from '../src/archive/site.ts';
import { mutate, parseText, sampleText } from './helpers.ts';

const fengquan = parseText(sampleText('凤泉区'), '凤泉区人民政府-2021.txt');
const quangang = parseText(sampleText('泉港区'), '泉港区行政服务中心-2018.txt');
const shuzi = parseText(sampleText('泉州市数字'), '泉州市数字泉州建设办公室-2021.txt');
const licheng = parseText(sampleText('鲤城区'), '鲤城区.txt');
const jinjiang = parseText(sampleText('晋江市'), '晋江市.txt');
const byId = (charts: { id: string }[], id: string) => charts.find((c) => c.id === id) as ReturnType<typeof reportCharts>[number];

test('outcome groups follow table 3: six groups, their rows from the label table', () => {
  assert.deepEqual(
    OUTCOME_GROUPS.map((g) => [g.label, g.rows.length]),
    [
      ['（一）予以公开', 1],
      ['（二）部分公开', 1],
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
      ['（六）其他处理', 4], // the 2019 row and the three 2021 rows
    ],
  );
});

test('report charts: applicants, outcomes and reviews hold 凤泉区 2021 table 3 and 4 values', () => {
  const charts = reportCharts(fengquan);
  assert.deepEqual(
    charts.map((c) => [c.id, c.section]),
    [
      ['chart-applicants', 'requests'],
      ['chart-outcomes', 'requests'],
      ['chart-review-litigation', 'reviewLitigation'],
    ],
  );
  assert.deepEqual(byId(charts, 'chart-applicants').series, [{ label: '本年新收', values: [4, 0, 0, 0, 0, 8] }]);
  assert.deepEqual(byId(charts, 'chart-outcomes').series[0]!.values, [10, 0, 0, 2, 0, 0]);
  const rl = byId(charts, 'chart-review-litigation');
  assert.deepEqual(rl.categories, ['行政复议', '行政诉讼 · 未经复议直接起诉', '行政诉讼 · 复议后起诉']);
  assert.deepEqual(
    rl.series.map((s) => [s.label, s.values]),
    [
      ['结果维持', [2, 2, 0]],
      ['结果纠正', [0, 0, 0]],
      ['其他结果', [0, 0, 0]],
      ['尚未审结', [0, 0, 0]],
    ],
  );
});

test('outcome sums leave blank cells out instead of counting them as zero', () => {
  // 凤泉区 table 3, 1.本机关不掌握相关政府信息 总计 2 → blank: the group is unknown, not 0.
  const line = sampleText('凤泉区').split('\n').findIndex((l) => l.includes('本机关不掌握')) + 1;
  const blanked = parseText(mutate(sampleText('凤泉区'), line, /\t2$/, '\t'), '凤泉区人民政府-2021.txt');
  assert.equal(blanked.tables.requests!.rows['unavailable.notHeld']!.total, null);
  // The other two rows of （四） are 0, so the group's known sum is 0.
  assert.deepEqual(byId(reportCharts(blanked), 'chart-outcomes').series[0]!.values, [10, 0, 0, 0, 0, 0]);
});

test('legacy report charts draw the appendix: proactive, requests, reviews', () => {
  const charts = reportCharts(quangang);
  assert.deepEqual(
    charts.map((c) => c.id),
    ['chart-legacy-proactive', 'chart-legacy-requests', 'chart-legacy-review'],
  );
  const proactive = byId(charts, 'chart-legacy-proactive');
  assert.deepEqual(proactive.categories, ['主动公开文件数', '政府网站公开数', '政府公报公开数']);
  assert.deepEqual(proactive.series, [
    { label: '本年度', values: [31, 31, 0] },
    { label: '历年累计', values: [324, 324, 0] },
  ]);
  assert.equal(byId(charts, 'chart-legacy-requests').categories.length, 9);
  assert.deepEqual(byId(charts, 'chart-legacy-review').categories, ['接受行政申诉、举报数', '行政复议数', '行政诉讼数']);
});

test('agency charts across years: one column per year, legacy years use the appendix', () => {
  const later = parseText(sampleText('泉州市数字').replace('2021 年度政府信息公开工作报告', '2022 年度政府信息公开工作报告'), 'later.txt');
  const charts = agencyCharts([shuzi, later]);
  assert.deepEqual(byId(charts, 'chart-received').categories, ['2021', '2022']);
  assert.deepEqual(byId(charts, 'chart-received').series, [
    { label: '本年新收', values: [2, 2] },
    { label: '上年结转', values: [0, 0] },
  ]);
  assert.equal(byId(charts, 'chart-received').note, null);
  const legacy = agencyCharts([quangang]);
  assert.deepEqual(byId(legacy, 'chart-received').series[0]!.values, [0]);
  assert.match(byId(legacy, 'chart-received').note!, /旧版附表/);
  assert.deepEqual(
    byId(legacy, 'chart-outcomes').series.map((s) => s.values[0]),
    [null, null, null, null, null, null],
  );
  assert.deepEqual(
    byId(agencyCharts([fengquan]), 'chart-proactive').series.map((s) => s.values[0]),
    [8, 6467, 75, 4],
  );
});

test('per-year and year charts sum the reports', () => {
  const all = [fengquan, quangang, shuzi, licheng, jinjiang];
  const [received, count] = perYearCharts(all);
  assert.deepEqual(received!.categories, ['2018', '2021', '2022']);
  assert.deepEqual(received!.series[0]!.values, [0, 14, 0]);
  assert.deepEqual(count!.series[0]!.values, [1, 3, 1]);
  const [byAgency, outcomes] = yearCharts([fengquan, shuzi, licheng]);
  assert.deepEqual(byAgency!.categories, ['凤泉区人民政府', '泉州市数字泉州建设办公室', '鲤城区行政服务中心管理委员会']);
  assert.deepEqual(byAgency!.series[0]!.values, [12, 2, 0]);
  assert.deepEqual(outcomes!.series[0]!.values, [12, 0, 0, 2, 0, 0]);
});

test('page models: region pages gather the divisions below; prev/next link one agency over years', () => {
  const later = parseText(sampleText('泉州市数字').replace('2021 年度政府信息公开工作报告', '2022 年度政府信息公开工作报告'), 'later.txt');
  const site = buildSite([fengquan, quangang, shuzi, licheng, jinjiang, later], new Map());
  const quanzhou = site.regions.find((r) => r.code === '350500')!;
  assert.equal(quanzhou.rows.length, 5);
  assert.deepEqual(quanzhou.trail, [{ href: '/regions/350000/', text: '福建省' }]);
  assert.deepEqual(
    quanzhou.children.map((c) => [c.href, c.reportCount]),
    [
      ['/regions/350502/', 1],
      ['/regions/350505/', 1],
      ['/regions/350582/', 1],
    ],
  );
  const page2021 = site.reports.find((p) => p.report.id === 'quanzhoushi-shuzi-quanzhou-jianshe-bangongshi/2021')!;
  assert.equal(page2021.prev, null);
  assert.deepEqual(page2021.next, { href: '/agencies/quanzhoushi-shuzi-quanzhou-jianshe-bangongshi/2022/', text: '2022 年度' });
  assert.deepEqual(page2021.regionTrail.map((l) => l.href), ['/regions/350000/', '/regions/350500/']);
  assert.deepEqual(site.home.latest.map((r) => r.year), [2022, 2022, 2021, 2021, 2021, 2018]);
});

test('findings are described in the form\'s words and mark the cell they concern', () => {
  assert.deepEqual(describePath(fengquan, ['tables', 'requests', 'rows', 'denied.stateSecret', 'naturalPerson']), {
    place: 'requests',
    where: '表三 （三）不予公开 1.属于国家秘密 · 自然人',
    cell: 'tables.requests.rows.denied.stateSecret.naturalPerson',
  });
  assert.deepEqual(describePath(fengquan, ['tables', 'reviewLitigation', 'litigationDirect', 'total']).where, '表四 行政诉讼 · 未经复议直接起诉 · 总计');
  assert.deepEqual(describePath(fengquan, ['tables', 'proactive', 'fees', 'amount']).where, '表二 行政事业性收费 · 本年收费金额（单位：万元）');
  assert.deepEqual(describePath(fengquan, ['agency', 'region']), { place: 'report', where: null, cell: null });
  // A row total that does not add up: the finding is numbered and its cell carries the number.
  const line = sampleText('凤泉区').split('\n').findIndex((l) => l.includes('本年新收')) + 1;
  const broken = parseText(mutate(sampleText('凤泉区'), line, /\t12$/, '\t13'), '凤泉区人民政府-2021.txt');
  const page = buildSite([broken], new Map()).reports[0]!;
  const f = page.findings.find((x) => x.code === 'requests-row-total')!;
  assert.equal(f.cell, 'tables.requests.rows.newReceived.total');
  assert.deepEqual(page.cellFindings['tables.requests.rows.newReceived.total'], page.findings.filter((x) => x.cell === 'tables.requests.rows.newReceived.total').map((x) => x.n));
});
