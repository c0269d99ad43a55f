/**
 * The comparison pages (/regions/<code>/<year>/), the year page's provinces, the region page's years
 * and the methodology page, as the site model makes them (src/archive/compare.ts, methodology.ts):
 * sums are sums of numerators over sums of denominators — checked by hand against the samples' cells
 * and on a small archive made for the purpose (10/12 and 30/40 give 40/52, never the mean of the
 * rates) — rankings keep the minimum (样本不足), the distribution counts only what has enough cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, buildSiteModel } from '../src/archive/site.ts';
import { planAggregates } from '../src/build/aggregates.ts';
import { sitemapEntries } from '../src/archive/syndication.ts';
import { DEFINITIONS } from '../src/indicators/definitions.ts';
import type { ComparePage } from '../src/archive/compare.ts';
import type { Report } from '../src/model/report.ts';
import { parseText, sampleText } from './helpers.ts';

const SAMPLES = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'];
const samples = SAMPLES.map((s) => parseText(sampleText(s), `${s}.txt`));
const site = buildSite(samples, new Map());

const page = (s: { compare: ComparePage[] }, url: string) => {
  const p = s.compare.find((c) => c.url === url);
  assert.ok(p, `${url} not among ${s.compare.map((c) => c.url).join(' ')}`);
  return p;
};
const agg = (p: { headline: ComparePage['headline']; groups: ComparePage['groups'] }, id: string) => p.groups.flatMap((g) => g.items).find((a) => a.id === id)!;

test('one comparison page per region node and year with reports below it, linked from the region and year pages', () => {
  assert.deepEqual(
    site.compare.map((c) => c.url),
    ['/regions/350000/2018/', '/regions/350000/2021/', '/regions/350000/2022/', '/regions/350500/2018/', '/regions/350500/2021/', '/regions/350500/2022/', '/regions/350502/2021/', '/regions/350505/2018/', '/regions/350582/2022/', '/regions/410000/2021/', '/regions/410700/2021/', '/regions/410704/2021/'],
  );
  // Every region page lists its years' comparison pages; every comparison page is listed by its region.
  for (const c of site.compare) {
    const region = site.regions.find((r) => r.url === c.regionUrl)!;
    assert.ok(region.trend.rows.some((y) => y.href === c.url), c.url);
    assert.equal(c.reportCount, region.rows.filter((r) => r.year === c.year).length, c.url);
  }
  // The year page links its provinces' comparison pages.
  assert.deepEqual(
    site.years.find((y) => y.year === 2021)!.provinces.rows.map((p) => [p.name, p.href]),
    [
      ['福建省', '/regions/350000/2021/'],
      ['河南省', '/regions/410000/2021/'],
    ],
  );
  // Breadcrumbs: the region's own page and those above it.
  assert.deepEqual(page(site, '/regions/350502/2021/').trail.map((l) => l.href), ['/regions/350000/', '/regions/350500/', '/regions/350502/']);
});

test('凤泉区 2021: N=12, G=10, P=0, T=12, D=0, U=2, as the page states them', () => {
  for (const url of ['/regions/410704/2021/', '/regions/410700/2021/', '/regions/410000/2021/']) {
    const p = page(site, url);
    assert.equal(p.reportCount, 1);
    const d = agg(p, 'disclosureRate');
    assert.deepEqual([d.text, d.fraction, d.n, d.of, d.full], ['83.3%', '10/12', 1, 1, '83.3%（10/12，n = 1 份报告）']);
    assert.equal(agg(p, 'received').full, '12（n = 1 份报告）');
    assert.equal(agg(p, 'handled').text, '12');
    assert.equal(agg(p, 'denialRate').full, '0.0%（0/12，n = 1 份报告）');
    assert.equal(agg(p, 'unavailableRate').full, '16.7%（2/12，n = 1 份报告）');
    assert.equal(agg(p, 'fullDisclosureRate').fraction, '10/12');
    // Its one row: the cells, with data-value for sorting.
    const row = p.rows[0]!;
    assert.equal(row.agency, '凤泉区人民政府');
    assert.equal(row.kind, '人民政府及办公室');
    assert.deepEqual(
      row.cells.slice(0, 5).map((c) => [c.text, c.value, c.fraction]),
      [
        ['12', '12', ''],
        ['12', '12', ''],
        ['83.3%', '0.833333333333', '10/12'],
        ['83.3%', '0.833333333333', '10/12'],
        ['0.0%', '0', '0/12'],
      ],
    );
    // T = 12 < 30: not ranked.
    assert.deepEqual(row.place, { text: '样本不足', value: '' });
    assert.equal(p.ranking.rows[0]!.why, '办结申请 12 件，不足 30 件');
  }
});

/** Table 3's 总计 column, read here straight from the cells (not through the indicators). */
const cell = (r: Report, row: string) => r.tables.requests?.rows[row]?.total ?? null;
const sumRows = (r: Report, prefix: string) => {
  const rows = Object.keys(r.tables.requests?.rows ?? {}).filter((k) => k === prefix || k.startsWith(`${prefix}.`));
  return rows.reduce((a, k) => a + (cell(r, k) ?? 0), 0);
};

test('every comparison page: each rate is Σ numerators / Σ denominators of its reports, from the cells by hand', () => {
  for (const p of site.compare) {
    const rs = samples.filter((r) => r.year === p.year && r.agency.region && [r.agency.region.code, `${r.agency.region.code.slice(0, 4)}00`, `${r.agency.region.code.slice(0, 2)}0000`].includes(p.code));
    assert.equal(rs.length, p.reportCount, p.url);
    const modern = rs.filter((r) => r.tables.requests);
    const legacy = rs.filter((r) => r.edition === 'legacy');
    const line = (r: Report, re: RegExp) => r.tables.legacyStats?.find((s) => re.test(s.label))?.thisYear ?? null;
    // (G+P)/T over the 2019/2021 forms, (G+P)/A over the legacy appendix.
    const num = modern.reduce((a, r) => a + cell(r, 'granted')! + cell(r, 'partiallyGranted')!, 0) + legacy.reduce((a, r) => a + line(r, /^同意公开/)! + line(r, /同意部分公开/)!, 0);
    const den = modern.reduce((a, r) => a + cell(r, 'total')!, 0) + legacy.reduce((a, r) => a + line(r, /答复总数/)!, 0);
    const d = agg(p, 'disclosureRate');
    // n: the reports whose own rate exists (a report with nothing handled, 0/0, adds nothing and is not counted).
    assert.equal(d.n, modern.filter((r) => cell(r, 'total')! > 0).length + legacy.filter((r) => line(r, /答复总数/)! > 0).length, p.url);
    assert.equal(d.of, rs.length, p.url);
    if (den === 0) assert.equal(d.value, null, p.url);
    else {
      assert.equal(d.fraction, `${num}/${den}`, p.url);
      assert.equal(d.text, `${((num / den) * 100).toFixed(1)}%`, p.url);
    }
    // D/T: the eight reasons summed; U/T: the three.
    const dn = modern.reduce((a, r) => a + sumRows(r, 'denied'), 0);
    const un = modern.reduce((a, r) => a + sumRows(r, 'unavailable'), 0);
    const t = modern.reduce((a, r) => a + cell(r, 'total')!, 0);
    if (t > 0) {
      assert.equal(agg(p, 'unavailableRate').fraction, `${un}/${t}`, p.url);
      assert.equal(agg(p, 'denialRate').fraction.split('/')[0], String(dn + legacy.reduce((a, r) => a + (line(r, /不予公开|不同意公开/) ?? 0), 0)), p.url);
    }
    // N: counted, summed.
    const n = modern.reduce((a, r) => a + cell(r, 'newReceived')!, 0) + legacy.reduce((a, r) => a + line(r, /申请总数|受理.*申请/)!, 0);
    assert.equal(agg(p, 'received').value, n, p.url);
  }
  // Fujian 2021: 鲤城区 0/0 (nothing handled: not counted) and 泉州市数字泉州建设办公室 2/2.
  assert.equal(agg(page(site, '/regions/350000/2021/'), 'disclosureRate').full, '100.0%（2/2，n = 1 份报告，共 2 份）');
});

/** A report made from 凤泉区's text: another agency (sidecar), table 3's 本年新收, 予以公开, 无法提供 and 总计 set to N, G, U, N. */
const FENGQUAN = sampleText('凤泉区');
function made(agency: string, region: string, year: number, { g, u }: { g: number; u: number }): Report {
  const t = g + u;
  const set = (text: string, label: RegExp, values: number[]) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => label.test(l));
    assert.ok(at >= 0, String(label));
    lines[at] = lines[at]!.split('\t').slice(0, -7).concat(values.map(String)).join('\t');
    return lines.join('\n');
  };
  let text = set(FENGQUAN, /^一、本年新收/, [0, 0, 0, 0, 0, t, t]);
  text = set(text, /\(一\) 予以公开/, [0, 0, 0, 0, 0, g, g]);
  text = set(text, /1\.本机关不掌握/, [0, 0, 0, 0, 0, u, u]);
  text = set(text, /^\t\(七\) 总计/, [0, 0, 0, 0, 0, t, t]);
  const r = parseText(text, `${agency}-${year}.txt`, { agency, year, region });
  assert.equal(r.tables.requests?.rows['total']?.total, t, agency);
  assert.equal(r.tables.requests?.rows['granted']?.total, g, agency);
  return r;
}

// 凤泉区 (410704): 甲局 10/12, 乙局 30/40, 丙中心 1/2, 丁街道 0/0, 戊局 50/50; and 鲤城区 (350502) 庚局 5/60.
const small = [
  made('凤泉区甲局', '410704', 2021, { g: 10, u: 2 }),
  made('凤泉区乙局', '410704', 2021, { g: 30, u: 10 }),
  made('凤泉区丙中心', '410704', 2021, { g: 1, u: 1 }),
  made('宝东街道办事处', '410704', 2021, { g: 0, u: 0 }),
  made('凤泉区戊局', '410704', 2021, { g: 50, u: 0 }),
  made('鲤城区庚局', '350502', 2021, { g: 5, u: 55 }),
  made('凤泉区甲局', '410704', 2020, { g: 3, u: 1 }),
];

test('two agencies 10/12 and 30/40: (10+30)/(12+40), never the mean of their rates', () => {
  const two = buildSite(small.slice(0, 2), new Map());
  const p = page(two, '/regions/410704/2021/');
  const d = agg(p, 'disclosureRate');
  assert.equal(d.value, Number((40 / 52).toPrecision(12)));
  assert.notEqual(d.value, (10 / 12 + 30 / 40) / 2);
  assert.deepEqual([d.text, d.fraction, d.full], ['76.9%', '40/52', '76.9%（40/52，n = 2 份报告）']);
  // The headline lines of the page are the same sums.
  assert.equal(p.headline.find((a) => a.id === 'disclosureRate')!.full, d.full);
  // And the province and the year page say the same.
  assert.equal(agg(page(two, '/regions/410000/2021/'), 'disclosureRate').full, d.full);
  assert.equal(two.years[0]!.provinces.rows[0]!.cells.find((a) => a.id === 'disclosureRate')!.full, d.full);
  assert.equal(two.years[0]!.provinces.total.cells.find((a) => a.id === 'disclosureRate')!.full, d.full);
});

test('ranking by 公开率 with the minimum: the ranked get 「第 k / m」, the others 样本不足 or —', () => {
  const { site: s } = buildSiteModel(small, null, new Map(), undefined, { licence: 'x', minimumCases: 10 });
  const p = page(s, '/regions/410704/2021/');
  const byAgency = new Map(p.rows.map((r) => [r.agency, r.place.text]));
  // 戊局 50/50, 甲局 10/12, 乙局 30/40 have T ≥ 10; 丙中心 (T = 2) too few; 丁街道 (T = 0) blank.
  assert.deepEqual(Object.fromEntries(byAgency), { 凤泉区甲局: '第 2 / 3', 凤泉区乙局: '第 3 / 3', 凤泉区丙中心: '样本不足', 宝东街道办事处: '—', 凤泉区戊局: '第 1 / 3' });
  assert.deepEqual(
    p.ranking.rows.map((r) => [r.place, r.agency, r.text, r.fraction]),
    [
      ['第 1 / 3', '凤泉区戊局', '100.0%', '50/50'],
      ['第 2 / 3', '凤泉区甲局', '83.3%', '10/12'],
      ['第 3 / 3', '凤泉区乙局', '75.0%', '30/40'],
      ['样本不足', '凤泉区丙中心', '50.0%', '1/2'],
      ['—', '宝东街道办事处', '—', ''],
    ],
  );
  assert.equal(p.ranking.rows[3]!.why, '办结申请 2 件，不足 10 件');
  assert.equal(p.ranking.rows[4]!.why, '分母（T）为 0');
  assert.match(p.ranking.note, /不少于 10 件的机关（3 个）/);
  // data-value of the place column sorts the ranked first.
  assert.equal(p.rows.find((r) => r.agency === '凤泉区戊局')!.place.value, '1');
  // The default minimum (30): only 乙局 and 戊局.
  const def = page(buildSite(small, new Map()), '/regions/410704/2021/');
  assert.deepEqual(def.ranking.rows.map((r) => r.place), ['第 1 / 2', '第 2 / 2', '样本不足', '样本不足', '—']);
  // Blank cells: 「—」 with the reason, numbered once per page.
  const blank = def.rows.find((r) => r.agency === '宝东街道办事处')!.cells[2]!;
  assert.deepEqual([blank.text, blank.value, blank.blank], ['—', '', '分母（T）为 0']);
  assert.equal(def.blanks.find((b) => b.n === blank.note)!.text, '分母（T）为 0');
  assert.equal(new Set(def.blanks.map((b) => b.text)).size, def.blanks.length);
});

test('distribution of 公开率: agencies with enough cases, in tenths; 100% in 90–100%', () => {
  const { site: s } = buildSiteModel(small, null, new Map(), undefined, { licence: 'x', minimumCases: 10 });
  const chart = page(s, '/regions/410704/2021/').distribution;
  assert.equal(chart.kind, 'bar');
  assert.deepEqual(chart.categories, ['0–10%', '10–20%', '20–30%', '30–40%', '40–50%', '50–60%', '60–70%', '70–80%', '80–90%', '90–100%']);
  // 乙局 75.0% → 70–80%, 甲局 83.3% → 80–90%, 戊局 100% → 90–100%; 丙中心 too few, 丁街道 blank.
  assert.deepEqual(chart.series[0]!.values, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  assert.match(chart.note!, /不少于 10 件的 3 个机关；1 个样本不足、1 个无法计算的未计入/);
  // Exactly on a bound: 50% goes in 50–60%.
  const half = buildSiteModel([made('凤泉区己局', '410704', 2021, { g: 20, u: 20 })], null, new Map(), undefined, { licence: 'x', minimumCases: 10 }).site;
  assert.deepEqual(page(half, '/regions/410704/2021/').distribution.series[0]!.values, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
});

test('by kind of agency, the year page by province (ranked with the minimum), the region page by year', () => {
  const { site: s } = buildSiteModel(small, null, new Map(), undefined, { licence: 'x', minimumCases: 30 });
  const p = page(s, '/regions/410704/2021/');
  const kinds = Object.fromEntries(p.kinds.rows.map((k) => [k.kind, [k.reportCount, k.cells.find((a) => a.id === 'disclosureRate')!.full]]));
  assert.deepEqual(kinds, {
    政府工作部门: [3, '88.2%（90/102，n = 3 份报告）'],
    街道和乡镇: [1, '—（没有一份报告能算出这一项，n = 0 份报告，共 1 份）'],
    中心和事业单位: [1, '50.0%（1/2，n = 1 份报告）'],
  });
  // 2021: 河南 (91/104) and 福建 (5/60), each over 30: ranked.
  const y = s.years.find((x) => x.year === 2021)!;
  assert.deepEqual(
    y.provinces.rows.map((r) => [r.name, r.reportCount, r.cells.find((a) => a.id === 'disclosureRate')!.fraction, r.place.text]),
    [
      ['福建省', 1, '5/60', '第 2 / 2'],
      ['河南省', 5, '91/104', '第 1 / 2'],
    ],
  );
  assert.equal(y.provinces.total.cells.find((a) => a.id === 'disclosureRate')!.fraction, '96/164');
  assert.deepEqual(y.provinces.columns.map((c) => c.id), DEFINITIONS.filter((d) => d.headline).map((d) => d.id));
  // With a minimum of 100, 福建 (60) is too few.
  const strict = buildSiteModel(small, null, new Map(), undefined, { licence: 'x', minimumCases: 100 }).site.years.find((x) => x.year === 2021)!;
  assert.deepEqual(strict.provinces.rows.map((r) => r.place.text), ['样本不足', '第 1 / 1']);
  // The region page: 2020 and 2021, the headline sums per year, and the trend as a line chart in percent.
  const henan = s.regions.find((r) => r.code === '410704')!;
  assert.deepEqual(henan.trend.rows.map((r) => [r.year, r.href, r.reportCount, r.cells.find((a) => a.id === 'disclosureRate')!.fraction]), [
    [2020, '/regions/410704/2020/', 1, '3/4'],
    [2021, '/regions/410704/2021/', 5, '91/104'],
  ]);
  const [line] = henan.trend.charts;
  assert.equal(line!.kind, 'line');
  assert.deepEqual(line!.categories, ['2020', '2021']);
  assert.deepEqual(line!.series.map((x) => [x.label, x.values]), [
    ['公开率', [75, 87.5]],
    ['不予公开率', [0, 0]],
  ]);
  // The comparison page's neighbours are the region's other years.
  assert.deepEqual([p.prev, p.next], [{ href: '/regions/410704/2020/', text: '2020 年度' }, null]);
});

test('the methodology page: every definition with its anchor, terms, cells and blank rule; the minimum configured', () => {
  const m = site.methodology;
  const all = m.groups.flatMap((g) => g.definitions);
  assert.deepEqual(all.map((d) => d.id).sort(), DEFINITIONS.map((d) => d.id).sort());
  const dr = all.find((d) => d.id === 'disclosureRate')!;
  assert.equal(dr.formula.symbols, '(G+P)/T');
  assert.deepEqual(dr.formula.terms.map((t) => [t.symbol, t.cells.map((c) => c.path), t.cells.map((c) => c.words)]), [
    ['G', ['tables.requests.rows.granted.total'], ['表三 （一）予以公开 · 总计']],
    ['P', ['tables.requests.rows.partiallyGranted.total'], ['表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计']],
    ['T', ['tables.requests.rows.total.total'], ['表三 （七）总计 · 总计']],
  ]);
  assert.equal(dr.legacy!.symbols, '(G+P)/A');
  assert.equal(all.find((d) => d.id === 'unavailableRate')!.legacyText, '旧版附表不提供');
  assert.equal(all.find((d) => d.id === 'reviewCorrectionRate')!.formula.terms[0]!.cells[0]!.words, '表四 行政复议 · 结果纠正');
  assert.equal(all.find((d) => d.id === 'regulationsNet')!.formula.terms[0]!.cells[0]!.words, '表二 规章 · 本年制发件数');
  assert.match(all.find((d) => d.id === 'denialRate')!.formula.terms[0]!.cells[0]!.words, /^表三 （三）不予公开 1\.属于国家秘密 · 总计$/);
  assert.equal(m.headline.note, DEFINITIONS.find((d) => d.id === 'disclosureRate')!.note);
  assert.deepEqual([m.minimum, m.dataUrl], [30, '/data/indicators.json']);
  assert.deepEqual(m.example, { parts: ['10/12 = 83.3%', '30/40 = 75.0%'], sum: '(10+30) / (12+40) = 40/52 = 76.9%', mean: '(83.3% + 75.0%) / 2 = 79.2%' });
  const configured = buildSiteModel(samples, null, new Map(), undefined, { licence: 'x', minimumCases: 12 }).site.methodology;
  assert.equal(configured.minimum, 12);
  assert.match(configured.minimumSource, /site\.yaml/);
  // The comparison pages link each indicator to its anchor there.
  assert.equal(agg(page(site, '/regions/410704/2021/'), 'disclosureRate').href, '/methodology/#disclosureRate');
});

test('the incremental build hashes each comparison page; the methodology page is a fixed page (definitions and minimum)', () => {
  const o = { renderer: 'r', prefix: '/', out: '/nonexistent' };
  const first = planAggregates(site, {}, [], o);
  for (const c of site.compare) assert.ok(first.hashes[c.url], c.url);
  assert.equal(first.site.compare.length, site.compare.length);
  // Another minimum: every comparison page and the fixed pages' hash change.
  const other = buildSiteModel(samples, null, new Map(), undefined, { licence: 'x', minimumCases: 5 }).site;
  const again = planAggregates(other, first.hashes, [], o);
  assert.notEqual(again.hashes['fixed pages'], first.hashes['fixed pages']);
  for (const c of site.compare) assert.notEqual(again.hashes[c.url], first.hashes[c.url], c.url);
  // The same model: the same hashes.
  assert.deepEqual(planAggregates(buildSite(samples, new Map()), {}, [], o).hashes, first.hashes);
});

test('the sitemap lists the comparison pages (dated by their reports) and the methodology page (undated)', () => {
  const { site: s, jobs } = buildSiteModel(samples);
  const entries = sitemapEntries(s, jobs, (_u, r) => r.publishedOn);
  const at = (p: string) => entries.find((e) => e.path === p);
  assert.equal(at('/regions/350582/2022/')!.lastmod, '2023-01-03');
  assert.deepEqual(at('/methodology/'), { path: '/methodology/', lastmod: null });
  assert.equal(entries.filter((e) => /^\/regions\/\d{6}\/\d{4}\/$/.test(e.path)).length, 12);
});
