/**
 * The bulk data under /data/ (src/data/): built from the samples plus the 2019-edition fixture, its
 * values checked against the numbers the report texts print; the CSVs, the SQLite database and the
 * JSON Lines hold the same reports; every report.json validates against schema.json; datapackage.json
 * against the official Data Package v2 profiles (tests/fixtures/frictionless/); the same bytes
 * whatever the workers and the cache; a rebuild rewrites only the slices whose reports changed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import initSqlJs from 'sql.js';
import { build, REPORTS } from './helpers.ts';
import { REPORT_COLUMNS } from '../src/data/columns.ts';
import { CELL_FIELDS } from '../src/data/cells.ts';
import { loadSiteConfig, DEFAULT_CONFIG } from '../src/data/config.ts';
import { slicesOf } from '../src/data/slices.ts';
import { accountFolder } from '../src/io.ts';
import type { Report } from '../src/model/report.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const FENGQUAN = 'fengquanqurenminzhengfu/2021';
const HAIDIAN = 'haidianqu-renminzhengfu/2019';
const QUANGANG = 'quangangquxingzhengfuwuzhongxin/2018';

let dir = '';
let reports = '';
let cache = '';
const site = () => join(dir, 'site');
const data = (...p: string[]) => join(site(), 'data', ...p);

const ok = (r: ReturnType<typeof build>) => {
  assert.equal(r.status, 0, r.stderr + r.stdout);
  return r.stdout;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-data-'));
  reports = join(dir, 'reports');
  cache = join(dir, 'cache');
  cpSync(REPORTS, reports, { recursive: true });
  copyFileSync(join(FIXTURES, 'haidian-2019-edition.txt'), join(reports, 'haidian-2019-edition.txt'));
  ok(build(['--reports', reports, '--out', site(), '--cache', cache, '--workers', '2']));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** RFC 4180: fields, quoted fields with doubled quotes and line breaks, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the file ends with a line end');
  return rows;
}

/** A CSV file as its header and records keyed by column name (the BOM checked and dropped). */
function readCsv(path: string): { header: string[]; records: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.startsWith('\uFEFF'), `${path} starts with a BOM`);
  assert.ok(!/[^\r]\n/.test(text), `${path}: CRLF line ends only`);
  const [header, ...rows] = parseCsv(text.slice(1));
  for (const r of rows) assert.equal(r.length, header!.length);
  return { header: header!, records: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

const reportJson = (id: string) => JSON.parse(readFileSync(join(site(), 'agencies', id, 'report.json'), 'utf8')) as Report;
const ids = () => readCsv(data('reports.csv')).records.map((r) => r['id']!);

test('reports.csv: a BOM, the header of the column list, one row per published report', () => {
  const { header, records } = readCsv(data('reports.csv'));
  assert.deepEqual(header, REPORT_COLUMNS.map((c) => c.name));
  const index = JSON.parse(readFileSync(data('index.json'), 'utf8')) as { id: string }[];
  assert.deepEqual(records.map((r) => r['id']).sort(), index.map((e) => e.id).sort());
  assert.equal(records.length, 6);
  // Absolute: the samples' site.yaml says where the archive is served.
  assert.ok(records.every((r) => /^https:\/\/nianbao\.example\.org\/agencies\/[a-z0-9-]+\/\d{4}\/$/.test(r['url']!)), records.map((r) => r['url']).join(' '));
});

test('reports.csv: values of a 2021, a 2019 and a legacy report as their texts print them; blanks empty', () => {
  const rows = new Map(readCsv(data('reports.csv')).records.map((r) => [r['id']!, r]));
  const f = rows.get(FENGQUAN)!;
  // 凤泉区 2021: table 2 (规章 0 0 0; 行政规范性文件 8 0 8; 行政许可 6467; 收费 1017.737), table 3 (本年新收 4 … 8 12; 予以公开 2 … 8 10), table 4 (复议 2 0 0 0 2).
  assert.deepEqual(
    ['agency', 'year', 'edition', 'region_code', 'province', 'city', 'county', 'proactive.regulations.issued', 'proactive.normativeDocuments.inForce', 'proactive.licensing.decisions', 'proactive.fees.amount', 'requests.newReceived.naturalPerson', 'requests.newReceived.otherOrg', 'requests.newReceived.total', 'requests.granted.total', 'reviewLitigation.review.upheld', 'reviewLitigation.litigationDirect.total'].map((k) => f[k]),
    ['凤泉区人民政府', '2021', '2021', '410704', '河南省', '新乡市', '凤泉区', '0', '8', '6467', '1017.737', '4', '8', '12', '10', '2', '2'],
  );
  // The 2019 edition's columns are blank in a 2021 report, not 0.
  assert.deepEqual(['proactive.regulations.newlyMade', 'proactive.procurement.amount', 'proactive.procurement.amountUnit', 'requests.otherHandling.total', 'published_on'].map((k) => f[k]), ['', '', '', '', '']);

  const h = rows.get(HAIDIAN)!;
  // 海淀区 2019: 规范性文件 5 5 120; 行政许可 120 +3 4500; 其他对外管理服务事项 10 -2 300; 采购 15 251000元; 本年新收 总计 34; 其他处理 0; 结转 法律服务机构 1; 复议 1 1 0 0 2; 直接起诉 1 0 0 1 2.
  assert.deepEqual(
    ['edition', 'proactive.normativeDocuments.totalPublished', 'proactive.licensing.change', 'proactive.licensing.decisions', 'proactive.otherServices.change', 'proactive.procurement.projects', 'proactive.procurement.amount', 'proactive.procurement.amountUnit', 'requests.newReceived.total', 'requests.otherHandling.total', 'requests.carriedForward.legalService', 'requests.denied.otherLaws.naturalPerson', 'reviewLitigation.review.corrected', 'reviewLitigation.litigationDirect.pending'].map((k) => h[k]),
    ['2019', '120', '3', '4500', '-2', '15', '251000', '元', '34', '0', '1', '1', '1', '1'],
  );
  // A district of a municipality: province and county, no city.
  assert.deepEqual(['region_code', 'province', 'city', 'county'].map((k) => h[k]), ['110108', '北京市', '', '海淀区']);
  assert.deepEqual(['proactive.regulations.issued', 'proactive.fees.amount', 'requests.otherHandling.noCorrection.total', 'requests.otherHandling.other.naturalPerson'].map((k) => h[k]), ['', '', '', '']);

  const q = rows.get(QUANGANG)!;
  assert.equal(q['edition'], 'legacy');
  // A legacy report has no tables 2–4: every cell column is blank.
  assert.ok(REPORT_COLUMNS.filter((c) => /^(proactive|requests|reviewLitigation)\./.test(c.name)).every((c) => q[c.name] === ''));
  assert.deepEqual([q['errors'], q['warnings'], q['infos']], [0, 1, 2].map((i) => String(reportJson(QUANGANG).findings.filter((x) => x.severity === ['error', 'warning', 'info'][i]).length)));
});

test('cells.csv: one row per cell, null cells included; literals; the legacy appendix as legacyStats with label and unit', () => {
  const { header, records } = readCsv(data('cells.csv'));
  assert.deepEqual(header, CELL_FIELDS.map((c) => c.name));
  const cell = (id: string, table: string, row: string, column: string) => records.filter((r) => r['report_id'] === id && r['table_key'] === table && r['row_key'] === row && r['column_key'] === column);
  assert.deepEqual(cell(HAIDIAN, 'proactive', 'licensing', 'change').map((r) => [r['value'], r['literal']]), [['3', '+3']]);
  assert.deepEqual(cell(HAIDIAN, 'proactive', 'procurement', 'amount').map((r) => [r['value'], r['literal'], r['unit']]), [['251000', '251000元', '元']]);
  assert.deepEqual(cell(FENGQUAN, 'requests', 'granted', 'total').map((r) => r['value']), ['10']);
  // 2019's single 其他处理 row is a row of the 2019 report only; the 2021 sub-rows of the 2021 report only.
  assert.equal(cell(HAIDIAN, 'requests', 'otherHandling.other', 'total').length, 0);
  assert.equal(cell(FENGQUAN, 'requests', 'otherHandling', 'total').length, 0);
  assert.equal(cell(FENGQUAN, 'requests', 'otherHandling.other', 'total').length, 1);
  // 泉港区 2018's appendix: 主动公开文件数 条 31 324; 受理政府信息公开申请总数 条 0 0.
  const legacy = (row: string, column: string) => cell(QUANGANG, 'legacyStats', row, column).map((r) => [r['value'], r['label'], r['unit']]);
  assert.deepEqual(legacy('0', 'thisYear'), [['31', '主动公开文件数', '条']]);
  assert.deepEqual(legacy('0', 'cumulative'), [['324', '主动公开文件数', '条']]);
  assert.deepEqual(legacy('3', 'thisYear'), [['0', '受理政府信息公开申请总数', '条']]);
  // Every cell of every report's tables, null or not, is a row.
  for (const id of ids()) {
    const t = reportJson(id).tables;
    const expected = (t.proactive ? Object.entries(t.proactive).filter(([k]) => k !== 'edition').reduce((n, [, v]) => n + Object.keys(v as object).filter((f) => f !== 'amountUnit').length, 0) : 0) + Object.keys(t.requests?.rows ?? {}).length * 7 + (t.reviewLitigation ? 15 : 0) + (t.legacyStats?.length ?? 0) * 2;
    assert.equal(records.filter((r) => r['report_id'] === id).length, expected, id);
  }
});

test('nianbao.sqlite: the same rows as cells.csv, per report too; values by SQL; keys and indexes', async () => {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(data('nianbao.sqlite')));
  const one = (sql: string, params: (string | number)[] = []) => db.exec(sql, params)[0]?.values ?? [];
  const { records } = readCsv(data('cells.csv'));
  assert.deepEqual(one('SELECT count(*) FROM cells'), [[records.length]]);
  for (const id of ids()) assert.deepEqual(one('SELECT count(*) FROM cells WHERE report_id = ?', [id]), [[records.filter((r) => r['report_id'] === id).length]], id);
  assert.deepEqual(one(`SELECT value FROM cells WHERE report_id = ? AND table_key = 'requests' AND row_key = 'denied.otherLaws' AND column_key = 'naturalPerson'`, [HAIDIAN]), [[1]]);
  assert.deepEqual(one(`SELECT value, literal, unit FROM cells WHERE report_id = ? AND row_key = 'procurement' AND column_key = 'amount'`, [HAIDIAN]), [[251000, '251000元', '元']]);
  assert.deepEqual(one(`SELECT "requests.granted.total", "proactive.fees.amount", year, province FROM reports WHERE id = ?`, [FENGQUAN]), [[10, 1017.737, 2021, '河南省']]);
  assert.deepEqual(one(`SELECT "requests.granted.total" FROM reports WHERE id = ?`, [QUANGANG]), [[null]]);
  assert.deepEqual(one('SELECT count(*) FROM reports'), [[6]]);
  const findings = ids().reduce((n, id) => n + reportJson(id).findings.length, 0);
  assert.deepEqual(one('SELECT count(*) FROM findings'), [[findings]]);
  assert.deepEqual(one(`SELECT count(*) FROM cells c LEFT JOIN reports r ON r.id = c.report_id WHERE r.id IS NULL`), [[0]]);
  const fks = one(`SELECT m.name, f."table", f."from", f."to" FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name`);
  assert.deepEqual(fks, [['cells', 'reports', 'report_id', 'id'], ['findings', 'reports', 'report_id', 'id']]);
  const indexes = one(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).flat();
  assert.deepEqual(indexes, ['findings_code', 'reports_agency', 'reports_province', 'reports_region', 'reports_year']);
  // Cells by table, row and column: their primary key is that index.
  assert.deepEqual(one(`SELECT name FROM pragma_index_info('sqlite_autoindex_cells_1') ORDER BY seqno`).flat(), ['table_key', 'row_key', 'column_key', 'report_id']);
  const plan = one(`EXPLAIN QUERY PLAN SELECT value FROM cells WHERE table_key = 'requests' AND row_key = 'granted' AND column_key = 'total'`).flat().join(' ');
  assert.match(plan, /SEARCH cells USING PRIMARY KEY \(table_key=\? AND row_key=\? AND column_key=\?\)/);
  db.close();
});

test('reports.jsonl: one line per report, each deep-equal to its report.json; every report.json validates against schema.json', () => {
  const text = readFileSync(data('reports.jsonl'), 'utf8');
  assert.ok(!text.startsWith('\uFEFF') && !text.includes('\r') && text.endsWith('\n'));
  const lines = text.slice(0, -1).split('\n');
  assert.deepEqual(lines.map((l) => (JSON.parse(l) as Report).id), ids());
  for (const l of lines) {
    const r = JSON.parse(l) as Report;
    assert.deepEqual(r, reportJson(r.id));
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(data('schema.json'), 'utf8')) as object);
  for (const id of ids()) assert.ok(validate(reportJson(id)), `${id}: ${JSON.stringify(validate.errors)}`);
  assert.equal(validate({ ...reportJson(FENGQUAN), year: '2021' }), false, 'the schema does reject a wrong type');
});

/** Every datapackage.json under /data/, with its folder. */
const packages = () =>
  readdirSync(data(), { recursive: true })
    .map(String)
    .filter((p) => p.endsWith('datapackage.json'))
    .map((p) => ({ folder: join(data(), p, '..'), pkg: JSON.parse(readFileSync(data(p), 'utf8')) as { name: string; licenses?: unknown[]; resources: { name: string; path: string; $schema: string; dialect?: unknown; schema?: { fields: { name: string }[] } }[] } }));

test('datapackage.json: valid against the Data Package v2 profiles; each CSV header is its Table Schema, in order; the licence from site.yaml', () => {
  const profile = (name: string) => JSON.parse(readFileSync(join(FIXTURES, 'frictionless', `${name}.json`), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = { package: ajv.compile(profile('datapackage')), resource: ajv.compile(profile('dataresource')), schema: ajv.compile(profile('tableschema')), dialect: ajv.compile(profile('tabledialect')) };
  const all = packages();
  // The whole archive, three years (2018, 2019, 2021, 2022: four) and three provinces.
  assert.deepEqual(all.map((p) => relative(data(), p.folder) || '.').sort(), ['.', 'regions/110000', 'regions/350000', 'regions/410000', 'years/2018', 'years/2019', 'years/2021', 'years/2022']);
  for (const { folder, pkg } of all) {
    assert.ok(check.package(pkg), `${folder}: ${JSON.stringify(check.package.errors)}`);
    for (const r of pkg.resources) {
      assert.ok(check.resource(r), `${r.path}: ${JSON.stringify(check.resource.errors)}`);
      assert.equal(r.$schema, 'https://datapackage.org/profiles/2.0/dataresource.json');
      assert.ok(statSync(join(folder, r.path)).isFile(), `${folder}/${r.path} exists`);
      if (!r.schema) continue;
      assert.ok(check.schema(r.schema), JSON.stringify(check.schema.errors));
      assert.ok(check.dialect(r.dialect), JSON.stringify(check.dialect.errors));
      assert.deepEqual(readCsv(join(folder, r.path)).header, r.schema.fields.map((f) => f.name), `${folder}/${r.path}`);
    }
    assert.deepEqual(pkg.licenses, [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans', title: loadSiteConfig(REPORTS).config.licence }]);
  }
  // The profiles do reject: a licence with neither name nor path, a resource without a path.
  const whole = all.find((p) => p.folder === data())!.pkg;
  assert.equal(check.package({ ...whole, licenses: [{ title: 'x' }] }), false);
  assert.equal(check.package({ ...whole, resources: [{ name: 'reports' }] }), false);
});

test('slices: each year and province holds exactly its reports; a report without a region is in its year only', () => {
  const whole = ids();
  const inYears = readdirSync(data('years')).flatMap((y) => readCsv(data('years', y, 'reports.csv')).records.map((r) => (assert.equal(r['year'], y), r['id']!)));
  assert.deepEqual(inYears.sort(), [...whole].sort());
  assert.deepEqual(readCsv(data('regions', '110000', 'reports.csv')).records.map((r) => r['id']), [HAIDIAN]);
  assert.deepEqual(readCsv(data('years', '2019', 'cells.csv')).records.length, readCsv(data('cells.csv')).records.filter((r) => r['report_id'] === HAIDIAN).length);
  assert.equal(readFileSync(data('years', '2019', 'reports.jsonl'), 'utf8'), `${JSON.stringify(reportJson(HAIDIAN))}\n`);
  const regionless = { year: 2020, agency: { region: null } } as unknown as Report;
  assert.deepEqual(slicesOf(regionless).map((s) => s.folder), ['years/2020']);
});

test('the data page: each file, the slices, the licence, the columns and the statutory terms', () => {
  const html = readFileSync(data('index.html'), 'utf8');
  for (const href of ['/data/reports.csv', '/data/cells.csv', '/data/reports.jsonl', '/data/schema.json', '/data/nianbao.sqlite', '/data/datapackage.json', '/data/years/2019/reports.csv', '/data/regions/110000/cells.csv']) assert.ok(html.includes(`href="${href}"`), href);
  assert.ok(html.includes('数据依 CC BY 4.0 发布'));
  assert.ok(html.includes('BOM'));
  for (const term of ['一、本年新收政府信息公开申请数量', '（三）不予公开', '1.属于国家秘密', '8.属于行政查询事项', '（四）无法提供', '（五）不予处理', '（七）总计', '四、结转下年度继续办理', '结果维持', '尚未审结', '本年制发件数', '本年收费金额（单位：万元）']) assert.ok(html.includes(term), term);
  assert.ok(html.includes('<code>requests.denied.stateSecret.naturalPerson</code>'));
});

test('site.yaml: validated, a broken one named by file, line and key with the default used; the folder lists it as configuration', () => {
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
  assert.deepEqual(loadSiteConfig(folder), { config: DEFAULT_CONFIG, errors: [] });
  writeFileSync(join(folder, 'site.yaml'), 'licence: 数据依 CC0 发布\nlicenceUrl: ftp://example.org/licence\nlicense: typo\n');
  const broken = loadSiteConfig(folder);
  assert.deepEqual(broken.config, DEFAULT_CONFIG);
  assert.ok(broken.errors.some((e) => e.startsWith('site.yaml:2: licenceUrl: ')), broken.errors.join('\n'));
  assert.ok(broken.errors.some((e) => e.startsWith('site.yaml') && e.includes('license')), broken.errors.join('\n'));
  writeFileSync(join(folder, 'site.yaml'), 'licence: [unclosed\n');
  assert.match(loadSiteConfig(folder).errors[0]!, /^site\.yaml:\d+: not valid YAML/);
  writeFileSync(join(folder, 'site.yaml'), 'licence: 数据依 CC0 发布\n');
  assert.deepEqual(loadSiteConfig(folder), { config: { licence: '数据依 CC0 发布' }, errors: [] });
  assert.deepEqual(accountFolder(REPORTS).used.find((u) => u.path === 'site.yaml'), { path: 'site.yaml', as: 'the site configuration' });
  assert.ok(!accountFolder(REPORTS).unreadable.length && !accountFolder(REPORTS).ignored.some((i) => i.path === 'site.yaml'));
  rmSync(folder, { recursive: true, force: true });
});

/** The files below a folder with their bytes. */
function files(root: string): Map<string, Buffer> {
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );
}

test('the same bytes with one worker and no cache; a broken site.yaml is an error of the summary, not a crash', { timeout: 200_000 }, () => {
  const other = join(dir, 'one');
  ok(build(['--reports', reports, '--out', other, '--no-cache', '--workers', '1']));
  const [a, b] = [files(data()), files(join(other, 'data'))];
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs`);

  const broken = join(dir, 'broken');
  cpSync(reports, broken, { recursive: true });
  writeFileSync(join(broken, 'site.yaml'), 'licence: ""\n');
  const r = build(['--reports', broken, '--out', join(dir, 'broken-site'), '--no-cache']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /config error: site\.yaml:1: licence: /);
  const pkg = JSON.parse(readFileSync(join(dir, 'broken-site', 'data', 'datapackage.json'), 'utf8')) as { licenses?: unknown };
  assert.equal(pkg.licenses, undefined);
  assert.ok(readFileSync(join(dir, 'broken-site', 'data', 'index.html'), 'utf8').includes(DEFAULT_CONFIG.licence));
  assert.equal(build(['--reports', broken, '--out', join(dir, 'broken-strict'), '--no-cache', '--strict']).status, 1);
});

test('a rebuild after one report changed rewrites the whole archive and its own slices, and keeps the others', { timeout: 200_000 }, () => {
  const stamp = (p: string) => {
    const s = statSync(data(p));
    return `${s.ino}:${s.mtimeMs}`;
  };
  const kept = ['years/2018/reports.jsonl', 'years/2019/reports.csv', 'years/2022/datapackage.json', 'regions/110000/cells.csv', 'regions/350000/reports.jsonl'];
  const rewritten = ['reports.jsonl', 'reports.csv', 'nianbao.sqlite', 'years/2021/reports.jsonl', 'regions/410000/reports.jsonl'];
  const before = new Map([...kept, ...rewritten].map((p) => [p, stamp(p)]));
  const jsonl = readFileSync(data('reports.jsonl'), 'utf8');
  const file = join(reports, readdirSync(reports).find((f) => f.includes('凤泉区'))!);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('回复网站留言 14 条', '回复网站留言 15 条'));
  ok(build(['--reports', reports, '--out', site(), '--cache', cache, '--workers', '2']));
  for (const p of kept) assert.equal(stamp(p), before.get(p), `${p} kept`);
  for (const p of rewritten) assert.notEqual(stamp(p), before.get(p), `${p} rewritten`);
  assert.notEqual(readFileSync(data('reports.jsonl'), 'utf8'), jsonl);
  assert.ok(readFileSync(data('regions', '410000', 'reports.jsonl'), 'utf8').includes('回复网站留言 15 条'));
});
