/**
 * Search (src/search/): the agency-kind filter, the findable parts of agency names, and the record
 * each report gives Pagefind — made from the model with the page's own functions, so that what is
 * indexed is what the report page shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyKind } from '../src/search/kinds.ts';
import { nameParts, placeForms } from '../src/search/names.ts';
import { narrativeText, searchRecord } from '../src/search/record.ts';
import { bundleOf, bundles } from '../src/search/products.ts';
import type { ReportJob } from '../src/archive/site.ts';
import { buildSite } from '../src/archive/site.ts';
import { loadRegistry } from '../src/io.ts';
import { renderReport } from '../templates/streamed/report.tsx';
import { jsxToHtml } from '../src/build/jsx.ts';
import { parseText, REPORTS, sampleText } from './helpers.ts';

test('agency kind from the name\'s ending', () => {
  const kinds: [string, string][] = [
    ['凤泉区人民政府', '人民政府及办公室'],
    ['新乡市凤泉区人民政府办公室', '人民政府及办公室'],
    ['福建省人民政府办公厅', '人民政府及办公室'],
    ['凤泉区政府', '人民政府及办公室'],
    ['晋江市行政服务中心管理委员会', '政府工作部门'],
    ['泉州市数字泉州建设办公室', '政府工作部门'],
    ['泉州市数据管理局', '政府工作部门'],
    ['北京市发展和改革委员会', '政府工作部门'],
    ['鲤城区行政服务中心管委会', '政府工作部门'],
    ['泉港区行政服务中心', '中心和事业单位'],
    ['泉州市第一医院', '中心和事业单位'],
    ['海淀区学院路街道办事处', '街道和乡镇'],
    ['宜兴市丁蜀镇人民政府', '街道和乡镇'],
    ['某某乡政府', '街道和乡镇'],
    ['新乡市人民政府', '人民政府及办公室'],
    ['国家电网有限公司', '其他'],
  ];
  for (const [name, kind] of kinds) assert.equal(agencyKind(name), kind, name);
});

test('place names with and without their suffix', () => {
  assert.deepEqual(placeForms('福建省'), ['福建省', '福建']);
  assert.deepEqual(placeForms('鲤城区'), ['鲤城区', '鲤城']);
  assert.deepEqual(placeForms('晋江市'), ['晋江市', '晋江']);
  // Too short without its suffix: kept whole.
  assert.deepEqual(placeForms('和县'), ['和县']);
});

test('an agency name cut into its findable parts: places, then institutional parts, then aliases', () => {
  assert.deepEqual(nameParts('凤泉区人民政府', ['河南省', '新乡市', '凤泉区'], ['凤泉区政府']), ['凤泉区人民政府', '河南省', '河南', '新乡市', '新乡', '凤泉区', '凤泉', '人民政府', '政府', '凤泉区政府']);
  assert.deepEqual(nameParts('晋江市行政服务中心管理委员会', ['福建省', '泉州市', '晋江市']), [
    '晋江市行政服务中心管理委员会', '福建省', '福建', '泉州市', '泉州', '晋江市', '晋江', '行政服务中心管理委员会', '行政服务中心', '服务中心', '中心', '管理委员会', '委员会', '管委会',
  ]);
  assert.deepEqual(nameParts('泉州市数字泉州建设办公室', ['福建省', '泉州市']), ['泉州市数字泉州建设办公室', '福建省', '福建', '泉州市', '泉州', '数字泉州建设办公室', '数字泉州建设', '办公室']);
  assert.deepEqual(nameParts('泉港区行政服务中心', ['福建省', '泉州市', '泉港区']), ['泉港区行政服务中心', '福建省', '福建', '泉州市', '泉州', '泉港区', '泉港', '行政服务中心', '服务中心', '中心']);
  const licheng = nameParts('鲤城区行政服务中心管理委员会', ['福建省', '泉州市', '鲤城区'], ['鲤城区行政服务中心管委会']);
  for (const part of ['鲤城区', '鲤城', '行政服务中心', '管理委员会', '管委会', '鲤城区行政服务中心管委会']) assert.ok(licheng.includes(part), part);
  assert.deepEqual(nameParts('海淀区学院路街道办事处', ['北京市', '海淀区']), ['海淀区学院路街道办事处', '北京市', '北京', '海淀区', '海淀', '学院路街道办事处', '学院路', '街道办事处', '街道', '办事处']);
  // Without a region, the divisions the name starts with are its places.
  assert.deepEqual(nameParts('泉州市数据管理局', []), ['泉州市数据管理局', '泉州市', '泉州', '数据管理局', '数据', '管理局']);
  assert.deepEqual(nameParts('新乡市凤泉区人民政府办公室', []), ['新乡市凤泉区人民政府办公室', '新乡市', '新乡', '凤泉区', '凤泉', '人民政府办公室', '人民政府', '政府办公室', '政府', '办公室']);
});

/** The samples as the archive places them (registry applied), with their report pages. */
function sampleSite() {
  const names = ['凤泉区', '晋江市', '泉州市数字', '泉港区', '鲤城区'];
  const reports = names.map((n) => parseText(sampleText(n), `${n}.txt`));
  return buildSite(reports, new Map(), loadRegistry(REPORTS).registry);
}

test('a report\'s record: the page\'s title, agency, year, region, edition and narrative; filters in Chinese', () => {
  const site = sampleSite();
  const page = site.reports.find((p) => p.report.agency.name === '鲤城区行政服务中心管理委员会')!;
  const r = searchRecord(page.report);
  assert.equal(r.url, '/agencies/lichengquxingzhengfuwuzhongxinguanliweiyuanhui/2021/');
  assert.equal(r.language, 'zh-cn');
  assert.deepEqual(r.filters, { 年度: ['2021'], 省份: ['福建省'], 表格版本: ['2021 版'], 机关类型: ['政府工作部门'] });
  assert.equal(r.meta['agency'], '鲤城区行政服务中心管理委员会');
  assert.equal(r.meta['region'], '福建省 › 泉州市 › 鲤城区');
  assert.ok(r.content.startsWith(`${page.report.title}\n发布机关：鲤城区行政服务中心管理委员会\n年度：2021\n地区：福建省 › 泉州市 › 鲤城区`));
  assert.match(r.content, /\n名称：鲤城区行政服务中心管理委员会 .* 鲤城区 鲤城 行政服务中心管理委员会 行政服务中心 /);
  assert.equal(bundleOf({ report: page.report, prev: null, next: null, original: null }), '350000');
});

test('what is indexed is what the report page shows: every line of the narrative is in the page\'s text', () => {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const page of sampleSite().reports) {
    const html = jsxToHtml(renderReport(page));
    const article = /<article class="report" data-pagefind-body="">([\s\S]*)<\/article>/.exec(html);
    assert.ok(article, `${page.url}: the report's content is marked data-pagefind-body`);
    const shown = decode(article[1]!.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
    const lines = narrativeText(page.report);
    assert.ok(lines.length > 10, page.url);
    for (const line of lines) assert.ok(shown.includes(line.replace(/\s+/g, ' ').trim()), `${page.url}: ${line}`);
    const r = searchRecord(page.report);
    for (const line of [page.report.agency.name, ...page.regionTrail.map((l) => l.text)]) assert.ok(shown.includes(line), line);
    assert.ok(r.content.includes(lines.join('\n')));
  }
});

test('bundles: one per province, reports without a region last; a province over the limit cut by city, county, year, then parts', () => {
  const job = (code: string | null, year: number, id = `${code}-${year}`): ReportJob =>
    ({ report: { id, year, agency: { region: code ? { code, name: '', path: [] } : null } }, prev: null, next: null, original: null }) as unknown as ReportJob;
  const names = (jobs: ReportJob[], limit?: number) => bundles(jobs, limit).map(([n, js]) => `${n}:${js.length}`);
  const jobs = [job('410704', 2021), job(null, 2020), job('350502', 2021), job('350582', 2022), job('350500', 2021), job('350505', 2018)];
  assert.deepEqual(names(jobs), ['350000:4', '410000:1', 'none:1']);
  // Fujian over 2: by city (Quanzhou, all four) — one part, so by county; Quanzhou's own report is its city's.
  assert.deepEqual(names(jobs, 2), ['350500:1', '350502:1', '350505:1', '350582:1', '410000:1', 'none:1']);
  // One county over the limit: by year, then in parts.
  const county = [job('350502', 2021, 'a'), job('350502', 2021, 'b'), job('350502', 2021, 'c'), job('350502', 2022, 'd')];
  assert.deepEqual(names(county, 2), ['350000-2021-1:2', '350000-2021-2:1', '350000-2022:1']);
});
