/**
 * The indicators on the pages, as models: the report page's 指标 section (values, fractions,
 * formulas, blank reasons, the year before, jumps marked with their findings), the agency page's
 * table by year with its footnotes and trend lines, and the agencies it offers to compare with
 * (same city, else province; capped; their report.json addresses with the path prefix).
 * The pages in Chromium: tests/indicators.browser.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, buildSiteModel } from '../src/archive/site.ts';
import { peerFinder, PEER_CAP } from '../src/archive/peers.ts';
import type { AgencyYears, RegionNode } from '../src/archive/archive.ts';
import { jsxToHtml } from '../src/build/jsx.ts';
import { renderHtml } from '../src/build/render.ts';
import { renderReport } from '../templates/streamed/report.tsx';
import { renderAgency } from '../templates/streamed/agency.tsx';
import { fengquan2020Text, parseText, sampleText } from './helpers.ts';

const fengquan = parseText(sampleText('凤泉区'), '凤泉区人民政府-2021.txt');
const fengquan2020 = parseText(fengquan2020Text(), '凤泉区人民政府-2020.txt');
const quangang = parseText(sampleText('泉港区'), '泉港区行政服务中心-2018.txt');
const licheng = parseText(sampleText('鲤城区'), '鲤城区行政服务中心管委会-2021.txt');
const shuzi = parseText(sampleText('泉州市数字'), '泉州市数字泉州建设办公室-2021.txt');
const jinjiang = parseText(sampleText('晋江市'), '晋江市行政服务中心管理委员会-2022.txt');

const rowOf = (page: ReturnType<typeof buildSite>['reports'][number], id: string) => page.indicators!.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;

test('凤泉区 2021 report page: 公开率 83.3% with 10/12 and its formula, headline first, linked to its definition', () => {
  const page = buildSite([fengquan], new Map()).reports[0]!;
  const model = page.indicators!;
  assert.deepEqual(model.groups.map((g) => g.label), ['申请量与申请人（表三）', '办理结果（表三）', '行政复议和行政诉讼（表四）', '主动公开（表二）']);
  const rate = rowOf(page, 'disclosureRate');
  assert.deepEqual([rate.name, rate.text, rate.fraction, rate.formula, rate.blank, rate.headline, rate.href], ['公开率', '83.3%', '10/12', '(G+P)/T', null, true, '/methodology/#disclosureRate']);
  assert.deepEqual(model.headlines.map((h) => [h.name, h.text, h.fraction]), [['申请量', '12', ''], ['公开率', '83.3%', '10/12'], ['不予公开率', '0.0%', '0/12'], ['复议纠错率', '0.0%', '0/2']]);
  // One year only: no previous year, no change columns.
  assert.equal(model.hasPrevious, false);
  assert.deepEqual(rowOf(page, 'licensingPenaltyRatio').text, '86.23');
  // A share whose denominator is 0 is blank with its reason, never 0.
  const reason = rowOf(page, 'denialReasons.stateSecret');
  assert.deepEqual([reason.text, reason.fraction, reason.blank], ['—', '0/0', '分母（D）为 0']);

  const html = jsxToHtml(renderReport(page));
  const section = html.slice(html.indexOf('<section id="indicators"'), html.indexOf('<section id="quality"'));
  assert.ok(section.length > 1000, 'the 指标 section comes before 数据质量');
  assert.ok(html.indexOf('<section id="indicators"') > html.indexOf('<section id="other"'), 'after the six sections');
  assert.match(html, /<li><a href="#indicators">指标<\/a><\/li><li><a href="#quality">数据质量<\/a><\/li>/);
  assert.match(section, /<tr class="headline" data-indicator="disclosureRate"><th scope="row"><a href="\/methodology\/#disclosureRate">公开率<\/a><span class="badge">主要指标<\/span><\/th><td class="value">83\.3%<\/td><td class="num">10\/12<\/td><td class="formula">\(G\+P\)\/T<\/td><\/tr>/);
  assert.match(section, /<td class="value blank">—<span class="blank-reason">留空：分母（D）为 0<\/span><\/td>/);
});

test('泉港区 2018 (legacy) report page: what only table 3 gives is blank with its reason; the appendix gives the rest', () => {
  const page = buildSite([quangang], new Map()).reports[0]!;
  const legacy = '2019 年以前的报告（旧版附表）不提供这一项';
  for (const id of ['carryForwardRate', 'disclosureRateOfIntake', 'unavailableRate', 'notProcessedRate', 'otherHandlingRate', 'applicants.naturalPerson', 'denialReasons.stateSecret']) {
    const row = rowOf(page, id);
    assert.deepEqual([row.text, row.fraction, row.blank], ['—', '', legacy], id);
  }
  // The appendix's own lines: 受理申请总数 0, so the rates over it are blank for their denominator of 0.
  assert.deepEqual([rowOf(page, 'received').text, rowOf(page, 'received').formula], ['0', 'N']);
  assert.deepEqual([rowOf(page, 'disclosureRate').text, rowOf(page, 'disclosureRate').formula, rowOf(page, 'disclosureRate').blank], ['—', '(G+P)/A', '分母（A）为 0']);
  assert.match(page.indicators!.note!, /旧版附表/);
  const html = jsxToHtml(renderReport(page));
  assert.ok(html.includes(`<span class="blank-reason">留空：${legacy}</span>`));
  // Never a 0 for a blank: every blank row prints 「—」.
  for (const row of page.indicators!.groups.flatMap((g) => g.rows)) if (row.blank !== null) assert.equal(row.text, '—', row.id);
});

test('two years of 凤泉区: the year before and the change on the 2021 page, the jump marked with its finding', () => {
  const site = buildSite([fengquan2020, fengquan], new Map());
  const page = site.reports.find((p) => p.report.year === 2021)!;
  const model = page.indicators!;
  assert.equal(model.hasPrevious, true);
  assert.equal(model.previousLabel, '2020 年度');
  const rate = rowOf(page, 'disclosureRate');
  assert.deepEqual([rate.text, rate.previous, rate.change, rate.jump, rate.findings], ['83.3%', '66.7%', '×1.25', false, []]);
  const ratio = rowOf(page, 'licensingPenaltyRatio');
  assert.deepEqual([ratio.text, ratio.previous, ratio.change, ratio.jump], ['86.23', '6.67', '×13', true]);
  const jumps = page.findings.filter((f) => f.place === 'indicators');
  assert.deepEqual(jumps.map((f) => [f.code, f.where]), [['indicator-jump', '指标 许可处罚比']]);
  assert.deepEqual(ratio.findings, [jumps[0]!.n]);

  const html = jsxToHtml(renderReport(page));
  const section = html.slice(html.indexOf('<section id="indicators"'), html.indexOf('<section id="quality"'));
  assert.match(section, /<th scope="col" class="col-previous">2020 年度<\/th><th scope="col" class="col-change">变化<\/th>/);
  assert.match(section, new RegExp(`<tr class="jumped" data-indicator="licensingPenaltyRatio">.*?<td class="value flagged sev-info">86\\.23<a class="flag" href="#finding-${jumps[0]!.n}" aria-label="问题 ${jumps[0]!.n}">${jumps[0]!.n}</a></td>`));
  // The jump's finding is listed in the 指标 section, not under 数据质量.
  assert.ok(section.includes(`<li id="finding-${jumps[0]!.n}" class="finding sev-info"`));
  assert.match(section, /<aside class="findings" aria-label="这些指标的数据问题">/);
});

test('agency page with two years: the indicators by year, blanks with their footnotes, and the trend lines in percent', () => {
  const site = buildSite([fengquan2020, fengquan], new Map());
  const agency = site.agencies[0]!;
  const model = agency.indicators!;
  assert.deepEqual(model.years.map((y) => y.year), [2020, 2021]);
  assert.deepEqual(model.rows.map((r) => r.name), ['申请量', '办理量', '公开率', '全部公开率', '不予公开率', '无法提供率', '不予处理率', '结转率', '复议纠错率', '诉讼纠错率', '复议诉讼率', '许可处罚比']);
  const cells = (id: string) => model.rows.find((r) => r.id === id)!.cells.map((c) => [c.text, c.fraction]);
  assert.deepEqual(cells('disclosureRate'), [['66.7%', '8/12'], ['83.3%', '10/12']]);
  assert.deepEqual(cells('received'), [['12', ''], ['12', '']]);
  assert.deepEqual(cells('licensingPenaltyRatio'), [['6.67', '500/75'], ['86.23', '6467/75']]);
  assert.deepEqual(model.rows.find((r) => r.id === 'licensingPenaltyRatio')!.cells.map((c) => c.jump), [null, `${model.years[1]!.href}#indicators`]);
  assert.deepEqual(model.notes, []);
  assert.deepEqual(
    model.charts.map((c) => [c.id, c.kind, c.unit, c.categories, c.series]),
    [
      ['chart-indicator-outcomes', 'line', '%', ['2020', '2021'], [{ label: '公开率', values: [66.7, 83.3] }, { label: '不予公开率', values: [0, 0] }, { label: '无法提供率', values: [33.3, 16.7] }]],
      ['chart-indicator-review', 'line', '%', ['2020', '2021'], [{ label: '复议纠错率', values: [0, 0] }, { label: '复议诉讼率', values: [33.3, 33.3] }]],
    ],
  );
  const html = jsxToHtml(renderAgency(agency));
  assert.match(html, /<th scope="col"><a href="\/agencies\/[a-z-]+\/2020\/">2020 年度<\/a><\/th><th scope="col"><a href="\/agencies\/[a-z-]+\/2021\/">2021 年度<\/a><\/th>/);
  assert.match(html, /<td class="value">83\.3%<span class="fraction">10\/12<\/span><\/td>/);
  assert.match(html, /<td class="value flagged sev-info">86\.23<span class="fraction">6467\/75<\/span><a class="flag" href="\/agencies\/[a-z-]+\/2021\/#indicators">跳变<\/a><\/td>/);
  assert.match(html, /<figure class="chart" id="chart-indicator-outcomes" data-chart-kind="line">/);
});

test('agency page: a blank is 「—」 with its reason in a title and a footnote, each reason once', () => {
  const site = buildSite([licheng], new Map());
  const model = site.agencies[0]!.indicators!;
  assert.deepEqual(model.notes.map((n) => n.text), ['分母（T）为 0', '分母（N+C）为 0', '分母（Rt−Rp）为 0', '分母（Lt−Lp）为 0', '分母（N）为 0', '分母（Pen）为 0']);
  const cell = model.rows.find((r) => r.id === 'disclosureRate')!.cells[0]!;
  assert.deepEqual(cell, { text: '—', fraction: '0/0', reason: '分母（T）为 0', note: 1, jump: null });
  // Nothing to draw: every share is blank, so no trend chart.
  assert.deepEqual(model.charts, []);
  const html = jsxToHtml(renderAgency(site.agencies[0]!));
  assert.ok(html.includes('<td class="value blank" title="分母（T）为 0">—<sup><a href="#ind-note-1" aria-label="注 1">1</a></sup><span class="fraction">0/0</span></td>'));
  assert.ok(html.includes('<li id="ind-note-1" value="1">分母（T）为 0</li>'));
  // The legacy agency: the reasons of the old appendix.
  const legacy = buildSite([quangang], new Map()).agencies[0]!.indicators!;
  assert.ok(legacy.notes.some((n) => n.text === '2019 年以前的报告（旧版附表）不提供这一项'));
  assert.match(legacy.note!, /旧版附表/);
});

test('compare: the agencies of the same city that reported the same year, as links with their report.json; the region by year', () => {
  const site = buildSite([fengquan, quangang, licheng, shuzi, jinjiang], new Map());
  const by = (name: string) => site.agencies.find((a) => a.name.startsWith(name))!;
  const compare = by('鲤城区').compare;
  assert.equal(compare.region, '泉州市');
  // 泉港区 (2018) and 晋江市 (2022) share no year with 鲤城区 (2021).
  assert.deepEqual(compare.peers.map((p) => [p.name, p.years.map((y) => y.year)]), [['泉州市数字泉州建设办公室', [2021]]]);
  const peer = compare.peers[0]!;
  assert.match(peer.href, /^\/agencies\/[a-z-]+\/$/);
  assert.equal(peer.years[0]!.json, `${peer.href}2021/report.json`);
  assert.deepEqual(compare.own.map((o) => o.year), [2021]);
  assert.deepEqual(compare.regionYears, [{ href: '/regions/350500/2021/', text: '泉州市 2021 年度各机关的指标' }]);
  assert.deepEqual(compare.indicators.find((i) => i.id === 'disclosureRate'), { id: 'disclosureRate', name: '公开率', kind: 'share' });
  // 泉州市's own office is compared within its city too.
  assert.deepEqual(by('泉州市').compare.peers.map((p) => p.name), ['鲤城区行政服务中心管理委员会']);
  // Nobody to compare with: the page says so, no script.
  for (const name of ['凤泉区', '泉港区', '晋江市']) assert.deepEqual(by(name).compare.peers, [], name);
  assert.equal(by('凤泉区').compare.region, '新乡市');
  const lonely = jsxToHtml(renderAgency(by('凤泉区')));
  assert.ok(lonely.includes('新乡市没有其他机关有同年度的报告。'));
  assert.ok(!lonely.includes('compare.js') && !lonely.includes('compare-spec'));

  const html = jsxToHtml(renderAgency(by('鲤城区')));
  assert.ok(html.includes('<script src="/assets/compare.js" defer></script>'));
  assert.ok(html.includes(`<li data-name="泉州市数字泉州建设办公室" data-reports="{&quot;2021&quot;:&quot;${peer.years[0]!.json}&quot;}"><a href="${peer.href}">泉州市数字泉州建设办公室</a>`));
  const spec = JSON.parse(/<script type="application\/json" class="compare-spec">([^<]*)<\/script>/.exec(html)![1]!);
  assert.equal(spec.agency, '鲤城区行政服务中心管理委员会');
  assert.deepEqual(Object.keys(spec.own), ['2021']);
  assert.equal(spec.indicators.length, 12);
});

test('compare with a path prefix: the report.json addresses carry it once (the page rewriting does not reach data attributes)', async () => {
  const { agencies } = buildSiteModel([licheng, shuzi]);
  const job = agencies.find((a) => a.names.name.startsWith('鲤城区'))!;
  const page = job.page({ siteUrl: 'https://example.org/nianbao', prefix: '/nianbao/' });
  // Never absolute: the script fetches from the page's own origin, whatever the site URL.
  assert.match(page.compare.peers[0]!.years[0]!.json, /^\/nianbao\/agencies\/[a-z-]+\/2021\/report\.json$/);
  assert.match(page.compare.own[0]!.json, /^\/nianbao\/agencies\/[a-z-]+\/2021\/report\.json$/);
  const html = await renderHtml(renderAgency(page), '/nianbao/');
  assert.match(html, /<script src="\/nianbao\/assets\/compare\.js" defer(="")?><\/script>/);
  // (Eleventy's rewriting serialises the attribute again, in single quotes.)
  assert.ok(html.includes(`data-reports='{"2021":"${page.compare.peers[0]!.years[0]!.json}"}'`));
  assert.ok(!html.includes('/nianbao/nianbao/'));
  assert.ok(html.includes(`<a href="/nianbao/methodology/#disclosureRate">`));
});

test("an agency page's peers are part of what it is made from: another agency's new year changes them", () => {
  const peersOf = (reports: Parameters<typeof buildSiteModel>[0]) => buildSiteModel(reports).agencies.find((a) => a.names.name.startsWith('鲤城区'))!.peers();
  assert.deepEqual(peersOf([licheng, jinjiang]).peers, []);
  const jinjiang2021 = parseText(sampleText('晋江市').replace(/2022/g, '2021'), '晋江市行政服务中心管理委员会-2021.txt');
  assert.equal(jinjiang2021.year, 2021);
  assert.deepEqual(peersOf([licheng, jinjiang, jinjiang2021]).peers.map((p) => [p.name, p.years]), [['晋江市行政服务中心管理委员会', [2021]]]);
});

test('peers: same city, else the province; sorted by name; at most PEER_CAP, the rest counted', () => {
  const agency = (slug: string, name: string, code: string, path: string[], years: number[]) =>
    ({ slug, name, aliases: [], formerNames: [], regionCode: code, reports: years.map((year) => ({ year, agency: { region: { code, name: path[path.length - 1], path } } })), requestsByYear: [] }) as unknown as AgencyYears;
  const node = (code: string, name: string, path: string[], agencies: AgencyYears[], children: RegionNode[] = []): RegionNode => ({ code, name, path, reportCount: 0, agencies: agencies.map((a) => a.slug), children });
  const fj = ['福建省'];
  const self = agency('self', '甲区局', '350502', [...fj, '泉州市', '鲤城区'], [2021, 2022]);
  // 60 agencies in the same city, named so that code-point order is not their creation order.
  const many = Array.from({ length: 60 }, (_, i) => agency(`a${i}`, `机关${String(59 - i).padStart(2, '0')}`, '350505', [...fj, '泉州市', '泉港区'], [2022]));
  const elsewhere = agency('fz', '福州局', '350102', [...fj, '福州市', '鼓楼区'], [2021]);
  const other = agency('other', '乙局', '350502', [...fj, '泉州市', '鲤城区'], [2019]);
  const all = [self, ...many, elsewhere, other];
  const quanzhou = node('350500', '泉州市', [...fj, '泉州市'], [self, ...many, other]);
  const fuzhou = node('350100', '福州市', [...fj, '福州市'], [elsewhere]);
  const tree = [node('350000', '福建省', fj, all, [fuzhou, quanzhou])];
  const found = peerFinder(all, tree)(self);
  assert.equal(found.region?.name, '泉州市');
  assert.equal(found.peers.length, PEER_CAP);
  assert.equal(found.more, 10);
  assert.deepEqual(found.peers.slice(0, 3).map((p) => [p.name, p.years]), [['机关00', [2022]], ['机关01', [2022]], ['机关02', [2022]]]);
  assert.ok(!found.peers.some((p) => p.slug === 'other' || p.slug === 'self'), 'no shared year, or itself');
  // Alone in its city for its years: the province.
  const fzFound = peerFinder(all, tree)(elsewhere);
  assert.deepEqual([fzFound.region?.name, fzFound.peers.map((p) => p.name)], ['福建省', ['甲区局']]);
  // A municipality's district is compared within the municipality; a prefecture's own agency within its prefecture.
  const bj = [agency('d1', '东城区局', '110101', ['北京市', '东城区'], [2021]), agency('d2', '西城区局', '110102', ['北京市', '西城区'], [2021])];
  const bjTree = [node('110000', '北京市', ['北京市'], bj, [node('110101', '东城区', ['北京市', '东城区'], [bj[0]!]), node('110102', '西城区', ['北京市', '西城区'], [bj[1]!])])];
  assert.deepEqual(peerFinder(bj, bjTree)(bj[0]!).peers.map((p) => p.name), ['西城区局']);
  assert.equal(peerFinder(bj, bjTree)(bj[0]!).region?.name, '北京市');
  const city = agency('city', '泉州市局', '350500', [...fj, '泉州市'], [2021]);
  const cityTree = [node('350000', '福建省', fj, [city, self], [node('350500', '泉州市', [...fj, '泉州市'], [city, self])])];
  assert.deepEqual(peerFinder([city, self], cityTree)(city), { region: { code: '350500', name: '泉州市' }, peers: [{ slug: 'self', name: '甲区局', years: [2021] }], more: 0 });
});
