/**
 * The bulk data under /data/ (src/data/): built from the samples plus the 2019-edition fixture, its
 * values checked against the numbers the report texts print; the CSVs, the SQLite database and the
 * JSON Lines hold the same reports, their indicators too (reports.csv columns, SQLite `indicators`,
 * indicators.json); every report.json validates against schema.json; datapackage.json
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
import { INDICATOR_COLUMNS } from '../src/data/indicators.ts';
import { DEFINITIONS, describe } from '../src/indicators/definitions.ts';
import { IndicatorDefinition, INDICATOR_IDS, type IndicatorValue } from '../src/model/indicators.ts';
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

/** The indicator column of a definition id. */
const ind = (id: string) => `indicators.${id}`;

test('reports.csv: one column per indicator after the others; 凤泉区 2021 by hand; blank is empty, never 0; the same in the slices', () => {
  const { header, records } = readCsv(data('reports.csv'));
  assert.deepEqual(header.slice(header.indexOf('infos') + 1), INDICATOR_IDS.map(ind));
  const rows = new Map(records.map((r) => [r['id']!, r]));
  const f = rows.get(FENGQUAN)!;
  // 凤泉区 2021, table 3: 本年新收 12, 予以公开 10, 无法提供 2 (本机关不掌握), 不予公开 0; table 4: 复议 2 + 直接起诉 2; table 2: 行政许可 6467, 行政处罚 75.
  assert.deepEqual(
    ['received', 'handled', 'disclosureRate', 'unavailableRate', 'denialRate', 'disputeRate', 'licensingPenaltyRatio', 'normativeDocumentsNet', 'denialReasons.stateSecret', 'denialReasons.queryMatters'].map((id) => f[ind(id)]),
    ['12', '12', '0.833333333333', '0.166666666667', '0', '0.333333333333', '86.2266666667', '8', '', ''],
  );
  // 泉港区 2018 (legacy): what the appendix cannot give is empty; 受理申请总数 0 and 答复总数 0 are counts; a share over 0 is empty.
  const q = rows.get(QUANGANG)!;
  assert.deepEqual(DEFINITIONS.filter((d) => !d.legacy).map((d) => q[ind(d.id)]), DEFINITIONS.filter((d) => !d.legacy).map(() => ''));
  assert.deepEqual(['received', 'handled', 'disclosureRate', 'disputeRate'].map((id) => q[ind(id)]), ['0', '0', '', '']);
  // Every report and indicator: report.json's value as JS prints it, null empty.
  for (const [id, r] of rows) {
    const indicators = reportJson(id).indicators!;
    for (const k of INDICATOR_IDS) assert.equal(r[ind(k)], indicators[k].value === null ? '' : String(indicators[k].value), `${id} ${k}`);
  }
  // The slices reuse the column list: 凤泉区's row in its year and province is the same row.
  for (const slice of [data('years', '2021', 'reports.csv'), data('regions', '410000', 'reports.csv')]) {
    const row = readCsv(slice).records.find((r) => r['id'] === FENGQUAN)!;
    assert.deepEqual(INDICATOR_IDS.map((k) => row[ind(k)]), INDICATOR_IDS.map((k) => f[ind(k)]), slice);
  }
  // Titles and descriptions come from the definitions: the name, the formula in symbols and words, the legacy one.
  const rate = INDICATOR_COLUMNS.find((c) => c.name === 'indicators.disclosureRate')!;
  assert.equal(rate.title, '指标 · 公开率');
  for (const part of ['(G+P)/T', '予以公开和部分公开的申请占本年办结申请（总计）的比例', '(G+P)/A', '0 至 1']) assert.ok(rate.description.includes(part), part);
  assert.ok(INDICATOR_COLUMNS.every((c, i) => c.type === 'number' && c.description.includes(DEFINITIONS[i]!.formula.symbols)));
});

test('indicators.json: the 31 definitions in order, valid against the zod model, their cells real paths of report.json', () => {
  const text = readFileSync(data('indicators.json'), 'utf8');
  assert.ok(text.endsWith('}\n]\n') && text.startsWith('[\n  {\n    "id": "received"'));
  const definitions = IndicatorDefinition.array().parse(JSON.parse(text));
  assert.deepEqual(definitions.map((d) => d.id), [...INDICATOR_IDS]);
  assert.equal(definitions.length, 31);
  assert.deepEqual(definitions, DEFINITIONS.map(describe));
  const disclosure = definitions.find((d) => d.id === 'disclosureRate')!;
  assert.deepEqual([disclosure.name, disclosure.kind, disclosure.headline, disclosure.formula.symbols, disclosure.legacy?.symbols], ['公开率', 'share', true, '(G+P)/T', '(G+P)/A']);
  assert.deepEqual(disclosure.formula.terms.map((t) => [t.symbol, t.cells]), [['G', ['tables.requests.rows.granted.total']], ['P', ['tables.requests.rows.partiallyGranted.total']], ['T', ['tables.requests.rows.total.total']]]);
  // A cell of tables 2–4 is a reports.csv column and is there (a number or null) in the 2021 or the 2019 report.json; the appendix's are legacyStats lines.
  const samples = [reportJson(FENGQUAN), reportJson(HAIDIAN)];
  const columns = new Set(REPORT_COLUMNS.map((c) => c.name));
  let checked = 0;
  for (const d of definitions) {
    for (const cell of d.formula.terms.flatMap((t) => t.cells)) {
      const path = cell.split('.');
      assert.equal(path[0], 'tables', cell);
      assert.ok(columns.has(path.slice(1).filter((k) => k !== 'rows').join('.')), `${d.id}: ${cell} is not a column`);
      assert.ok(samples.some((r) => hasPath(r, path)), `${d.id}: ${cell} is in neither sample`);
      checked++;
    }
    for (const cell of d.legacy?.terms.flatMap((t) => t.cells) ?? []) assert.match(cell, /^tables\.legacyStats\[「.+」\]\.thisYear$/, `${d.id}: ${cell}`);
  }
  assert.ok(checked > 60, String(checked));
});

/** Whether the dotted `path` leads to a value (null included) below `root`; a key may hold dots itself (the row `denied.stateSecret`). */
function hasPath(root: unknown, path: readonly string[]): boolean {
  if (!path.length) return true;
  if (root === null || typeof root !== 'object') return false;
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    if (key in root && hasPath((root as Record<string, unknown>)[key], path.slice(n))) return true;
  }
  return false;
}

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
  const fks = one(`SELECT m.name, f."table", f."from", f."to" FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name, f."from"`);
  assert.deepEqual(fks, [['cells', 'reports', 'report_id', 'id'], ['findings', 'reports', 'report_id', 'id'], ['indicators', 'indicator_definitions', 'indicator', 'id'], ['indicators', 'reports', 'report_id', 'id']]);
  assert.deepEqual(one('PRAGMA foreign_key_check'), []);
  const indexes = one(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).flat();
  assert.deepEqual(indexes, ['findings_code', 'reports_agency', 'reports_province', 'reports_region', 'reports_year']);
  // Cells by table, row and column: their primary key is that index.
  assert.deepEqual(one(`SELECT name FROM pragma_index_info('sqlite_autoindex_cells_1') ORDER BY seqno`).flat(), ['table_key', 'row_key', 'column_key', 'report_id']);
  const plan = one(`EXPLAIN QUERY PLAN SELECT value FROM cells WHERE table_key = 'requests' AND row_key = 'granted' AND column_key = 'total'`).flat().join(' ');
  assert.match(plan, /SEARCH cells USING PRIMARY KEY \(table_key=\? AND row_key=\? AND column_key=\?\)/);
  db.close();
});

test('nianbao.sqlite: the indicators table is every report.json\'s indicators, field by field; indicator_definitions is indicators.json', async () => {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(data('nianbao.sqlite')));
  const rows = (sql: string, params: (string | number)[] = []) => {
    const r = db.exec(sql, params)[0];
    return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
  };
  assert.deepEqual(rows('SELECT count(*) AS n FROM indicators'), [{ n: ids().length * 31 }]);
  for (const id of ids()) {
    const got = Object.fromEntries(
      rows('SELECT * FROM indicators WHERE report_id = ?', [id]).map(({ indicator, jump, report_id, ...v }) => {
        assert.equal(report_id, id);
        assert.ok(jump === 0 || jump === 1);
        return [indicator, { ...v, jump: jump === 1 } as IndicatorValue];
      }),
    );
    assert.deepEqual(got, reportJson(id).indicators, id);
  }
  // By hand: 凤泉区 2021's 公开率 10/12; its 不予公开理由 over D = 0 blank with the reason; the reports table has the value as a column.
  assert.deepEqual(rows(`SELECT value, numerator, denominator, blank FROM indicators WHERE report_id = ? AND indicator = 'disclosureRate'`, [FENGQUAN]), [{ value: 0.833333333333, numerator: 10, denominator: 12, blank: null }]);
  assert.deepEqual(rows(`SELECT value, numerator, denominator, blank FROM indicators WHERE report_id = ? AND indicator = 'denialReasons.stateSecret'`, [FENGQUAN]), [{ value: null, numerator: 0, denominator: 0, blank: '分母（D）为 0' }]);
  assert.deepEqual(rows(`SELECT "indicators.disclosureRate" AS v, "indicators.licensingPenaltyRatio" AS l FROM reports WHERE id = ?`, [FENGQUAN]), [{ v: 0.833333333333, l: 86.2266666667 }]);
  const definitions = JSON.parse(readFileSync(data('indicators.json'), 'utf8')) as IndicatorDefinition[];
  const table = new Map(rows('SELECT * FROM indicator_definitions').map((r) => [r['id'], r]));
  assert.deepEqual([...table.keys()].sort(), [...INDICATOR_IDS].sort());
  for (const d of definitions)
    assert.deepEqual(table.get(d.id), { id: d.id, name: d.name, grp: d.group, kind: d.kind, headline: d.headline ? 1 : 0, formula: d.formula.symbols, words: d.formula.words, legacy_formula: d.legacy?.symbols ?? null, legacy_words: d.legacy?.words ?? null, editions: d.editions.join(','), blank: d.blank, note: d.note }, d.id);
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
  const f = reportJson(FENGQUAN);
  assert.ok(f.indicators && Object.keys(f.indicators).length === 31);
  assert.equal(validate({ ...f, indicators: { ...f.indicators, disclosureRate: { ...f.indicators.disclosureRate, value: '0.83' } } }), false, 'the schema checks the indicators too');
  assert.equal(validate({ ...f, indicators: { ...f.indicators, madeUp: f.indicators.received } }), false, 'an indicator id not defined');
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
  const whole = all.find((p) => p.folder === data())!.pkg;
  assert.deepEqual(whole.resources.map((r) => r.path), ['reports.csv', 'cells.csv', 'reports.jsonl', 'schema.json', 'indicators.json', 'nianbao.sqlite']);
  const field = whole.resources[0]!.schema!.fields.find((f) => f.name === 'indicators.disclosureRate') as unknown as { type: string; title: string };
  assert.deepEqual([field.type, field.title], ['number', '指标 · 公开率']);
  // The profiles do reject: a licence with neither name nor path, a resource without a path.
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
  // The indicators: their file, their columns, what they are, and where the method is explained.
  assert.ok(html.includes('href="/data/indicators.json"') && html.includes('href="/methodology/"'));
  assert.ok(html.includes('<code>indicators.disclosureRate</code>') && html.includes('指标 · 公开率') && html.includes('(G+P)/T'));
  assert.ok(html.includes('SQLite indicators 表的列') && html.includes('indicator_definitions'));
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
  // indicators.json is made from the code alone.
  const kept = ['years/2018/reports.jsonl', 'years/2019/reports.csv', 'years/2022/datapackage.json', 'regions/110000/cells.csv', 'regions/350000/reports.jsonl', 'indicators.json'];
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
