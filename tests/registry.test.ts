/**
 * One agency, one page: name variants across years, the agency registry (reports/agencies.yaml),
 * renamed agencies, and reports filed in folders named after their region.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArchive } from '../src/archive/archive.ts';
import { applyRegistry, regionsAgree } from '../src/archive/registry.ts';
import { buildSite } from '../src/archive/site.ts';
import { listReportFiles, loadRegistry, loadReports } from '../src/io.ts';
import { Registry } from '../src/model/registry.ts';
import { build, parseText, sampleText } from './helpers.ts';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
/** The 凤泉区 sample retitled: another agency name and year, tables unchanged. */
const retitled = (title: string, path: string) => parseText(sampleText('凤泉区').replace('凤泉区人民政府 2021 年政府信息公开工作年度报告', title).replace(/2021 年，凤泉区政府/u, '本年度，本机关'), path);

test('one agency named two ways in two years gets one page with both years (no registry needed)', () => {
  const a = retitled('新乡市凤泉区人民政府2020年政府信息公开工作年度报告', 'a.txt');
  const b = retitled('凤泉区政府2021年度政府信息公开工作年度报告', 'b.txt');
  assert.equal(a.agency.slug, b.agency.slug);
  const site = buildSite([a, b], new Map());
  assert.equal(site.agencies.length, 1);
  assert.deepEqual(site.agencies[0]!.rows.map((r) => r.year), [2020, 2021]);
  assert.equal(site.agencies[0]!.name, '凤泉区人民政府');
  assert.deepEqual(site.agencies[0]!.aliases, ['凤泉区政府', '新乡市凤泉区人民政府']);
  assert.equal(site.agencies[0]!.url, '/agencies/fengquanqu-renminzhengfu/');
});

test('管委会 and 管理委员会 in two years: one page', () => {
  const a = retitled('鲤城区行政服务中心管委会2020年政府信息公开工作年度报告', 'a.txt');
  const b = retitled('泉州市鲤城区行政服务中心管理委员会2021年政府信息公开工作年度报告', 'b.txt');
  assert.deepEqual([a.agency.slug, b.agency.slug], ['lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui', 'lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui']);
});

test('the same place name in two cities never shares a page: 鼓楼区 of 福州 and of 南京', () => {
  const fz = parseText('鼓楼区人民政府2021年政府信息公开工作年度报告\n地址：福州市鼓楼区', 'fz.txt');
  const nj = parseText('鼓楼区人民政府2021年政府信息公开工作年度报告\n地址：南京市鼓楼区', 'nj.txt');
  assert.deepEqual([fz.agency.slug, nj.agency.slug], ['fuzhoushi-gulouqu-renminzhengfu', 'nanjingshi-gulouqu-renminzhengfu']);
  assert.equal(buildArchive([fz, nj]).agencies.length, 2);
});

const REGISTRY = Registry.parse({
  agencies: [
    { name: '新乡市凤泉区人民政府', slug: 'fengquan', region: '410704', aliases: ['凤泉区政府'] },
    { name: '泉州市数据管理局', region: '350500', formerNames: ['泉州市数字泉州建设办公室'] },
    { name: '隆回县教育和科学技术局', region: '430524' },
  ],
});

test('registry: a matched report takes the entry\'s name, slug and region; its own spelling becomes an alias', () => {
  const r = retitled('凤泉区人民政府2021年政府信息公开工作年度报告', 'a.txt');
  const { reports, unregistered } = applyRegistry([r], REGISTRY);
  const m = reports[0]!;
  assert.deepEqual([m.id, m.agency.name, m.agency.slug, m.agency.registered, m.agency.region?.code], ['fengquan/2021', '新乡市凤泉区人民政府', 'fengquan', true, '410704']);
  assert.deepEqual(m.agency.aliases, ['凤泉区人民政府']);
  assert.equal(m.provenance['agency'], 'registry');
  assert.deepEqual(unregistered, []);
});

test('registry: a renamed agency keeps its history on one page, former name shown', () => {
  const old = parseText(sampleText('泉州市数字'), 'old.txt');
  const renamed = parseText(sampleText('泉州市数字').replace(/泉州市数字泉州建设办公室/g, '泉州市数据管理局').replace('2021 年度政府信息公开工作报告', '2022 年度政府信息公开工作报告').replace(/2021年1月1日至2021年12月31日/g, '2022年1月1日至2022年12月31日'), 'new.txt');
  const site = buildSite([old, renamed], new Map(), REGISTRY);
  assert.equal(site.agencies.length, 1);
  const page = site.agencies[0]!;
  assert.deepEqual([page.name, page.url, page.formerNames, page.rows.map((r) => r.year)], ['泉州市数据管理局', '/agencies/quanzhoushi-shuju-guanli-ju/', ['泉州市数字泉州建设办公室'], [2021, 2022]]);
});

test('registry: regions must agree; a name without a place matches within its region only', () => {
  assert.ok(regionsAgree('350500', '350502') && regionsAgree('350000', '350502') && regionsAgree(null, '350502'));
  assert.ok(!regionsAgree('350502', '350505') && !regionsAgree('410704', '350502'));
  // 凤泉区人民政府 with region 350502 (a wrong sidecar) does not take the 凤泉区 entry.
  const wrong = parseText(sampleText('凤泉区'), 'w.txt', { region: '350502' });
  assert.equal(applyRegistry([wrong], REGISTRY).reports[0]!.agency.registered, false);
  // 县教科局 in a report filed under 湖南省/邵阳市/隆回县/ is the 隆回县 bureau of the registry.
  const short = parseText('县教科局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n本局主动公开信息。', '湖南省/邵阳市/隆回县/教科局.txt');
  assert.equal(short.agency.region?.code, '430524');
  assert.equal(applyRegistry([short], REGISTRY).reports[0]!.agency.name, '隆回县教育和科学技术局');
});

test('registry: agencies it does not know are listed as ready-to-paste entries with their other spellings', () => {
  const a = parseText(sampleText('鲤城区'), 'a.txt');
  const { unregistered } = applyRegistry([a], REGISTRY);
  assert.deepEqual(unregistered, [{ entry: { name: '鲤城区行政服务中心管理委员会', slug: 'lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui', region: '350502', aliases: ['鲤城区行政服务中心管委会'] }, files: ['a.txt'] }]);
});

test('registry file: a broken entry or broken YAML is an error naming the file and line, and the registry is ignored', () => {
  const dir = tmp('registry');
  writeFileSync(join(dir, 'agencies.yaml'), 'agencies:\n  - name: 某某局\n  - slug: x\n    region: "350502"\n');
  const bad = loadRegistry(dir);
  assert.equal(bad.registry, null);
  assert.equal(bad.errors.length, 1);
  assert.match(bad.errors[0]!, /agencies\.yaml:3: agencies\.1\.name: .*Each entry needs name/);
  writeFileSync(join(dir, 'agencies.yaml'), 'agencies:\n  - name: [unclosed\n');
  const broken = loadRegistry(dir);
  assert.equal(broken.registry, null);
  assert.match(broken.errors[0]!, /agencies\.yaml:\d+: not valid YAML/);
});

test('folders: reports are found below the reports folder, named by path, and the folders give the region', async () => {
  const dir = tmp('folders');
  mkdirSync(join(dir, '福建省', '泉州市', '鲤城区'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '福建省', '泉州市', '鲤城区', '区政府办公室.txt'), '区政府办公室2021年政府信息公开工作年度报告\n\n一、总体情况\n\n本办主动公开信息。');
  writeFileSync(join(dir, '福建省', '泉州市', '鲤城区', '区政府办公室.txt.meta.yaml'), 'sourceUrl: http://www.qzlc.gov.cn/x.html\n');
  writeFileSync(join(dir, '.git', 'HEAD'), 'x');
  writeFileSync(join(dir, 'agencies.yaml'), 'agencies: []\n');
  writeFileSync(join(dir, 'top.txt'), sampleText('凤泉区'));
  assert.deepEqual(listReportFiles(dir), ['top.txt', '福建省/泉州市/鲤城区/区政府办公室.txt']);
  const { reports } = await loadReports(dir);
  const r = reports.find((x) => x.source.path === '福建省/泉州市/鲤城区/区政府办公室.txt')!;
  assert.deepEqual([r.agency.name, r.agency.region?.code, r.provenance['region'], r.source.url], ['鲤城区人民政府办公室', '350502', 'text', 'http://www.qzlc.gov.cn/x.html']);
});

test('build: the summary lists unregistered agencies as YAML; pasted into agencies.yaml, the summary is clean and URLs follow the registry', () => {
  const dir = tmp('reg-build');
  writeFileSync(join(dir, 'a-2020.txt'), sampleText('凤泉区').replace('凤泉区人民政府 2021 年政府信息公开工作年度报告', '新乡市凤泉区政府2020年政府信息公开工作年度报告').replace(/2021 年，/u, '2020 年，'));
  writeFileSync(join(dir, 'b-2021.txt'), sampleText('凤泉区'));
  const out = join(tmp('reg-out'), '_site');
  const first = build(['--reports', dir, '--out', out]);
  assert.equal(first.status, 0, first.stderr);
  const lines = first.stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('registry: no '));
  assert.ok(at >= 0, first.stdout);
  const yaml = lines.slice(at + 1).filter((l) => l.startsWith('  ')).join('\n');
  assert.equal(yaml, '  - name: 凤泉区人民政府\n    slug: fengquanqu-renminzhengfu\n    region: "410704"\n    aliases:\n      - 凤泉区政府\n      - 新乡市凤泉区人民政府\n      - 新乡市凤泉区政府');
  // Pasted under `agencies:` as printed (the published slug recorded), then given a slug the maintainer prefers.
  writeFileSync(join(dir, 'agencies.yaml'), `agencies:\n${yaml.replace('slug: fengquanqu-renminzhengfu', 'slug: fengquan')}\n`);
  const second = build(['--reports', dir, '--out', out]);
  assert.equal(second.status, 0, second.stderr);
  assert.doesNotMatch(second.stdout, /^registry/m);
  assert.match(second.stdout, /^used: agencies\.yaml \(the agency registry\)$/m);
  const page = readFileSync(join(out, 'agencies', 'fengquan', 'index.html'), 'utf8');
  assert.match(page, /2020/);
  assert.match(page, /2021/);
  assert.equal(JSON.parse(readFileSync(join(out, 'agencies', 'fengquan', '2020', 'report.json'), 'utf8')).agency.registered, true);
});

test('build: a broken registry is reported with its line, the site is still built, and --strict refuses it', () => {
  const dir = tmp('reg-broken');
  writeFileSync(join(dir, 'b-2021.txt'), sampleText('凤泉区'));
  writeFileSync(join(dir, 'agencies.yaml'), 'agencies:\n  - aliases: [x]\n');
  const out = join(tmp('reg-broken-out'), '_site');
  const r = build(['--reports', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /registry error: .*agencies\.yaml:2: agencies\.0\.name/);
  assert.equal(build(['--reports', dir, '--out', out, '--strict']).status, 1);
});
