/**
 * The built site, read as files: every URL the issue names, every sample table cell as rendered
 * HTML against the hand-checked values, findings beside their cells, byte-identical rebuilds,
 * bad input that costs nothing else, --strict and --path-prefix. (tests/browser.test.ts drives Chromium.)
 */
import { computeIndicators } from '../src/indicators/compute.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Report } from '../src/model/report.ts';
import { loadRegistry, readReportFile } from '../src/io.ts';
import { applyRegistry } from '../src/archive/registry.ts';
import { build, REPORTS, sampleText } from './helpers.ts';


const tmp = (name: string) => mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
const out = join(tmp('site'), '_site');
const built = build(['--out', out]);
const read = (path: string) => readFileSync(join(out, path), 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const SAMPLES: Record<string, string> = {
  '000': 'lichengquxingzhengfuwuzhongxinguanliweiyuanhui/2021',
  '001': 'quangangquxingzhengfuwuzhongxin/2018',
  '002': 'fengquanqurenminzhengfu/2021',
  '003': 'jinjiangshixingzhengfuwuzhongxinguanliweiyuanhui/2022',
  '004': 'quanzhoushishuziquanzhoujianshebangongshi/2021',
};

test('npm run build: the sample archive builds, with a summary', () => {
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /5 reports read from reports\/, 0 with errors, 0 unreadable, 0 duplicates and 0 without agency or year left out; 5 on the site\./);
  assert.match(built.stdout, /findings: none\./);
  assert.match(built.stdout, /parsed \d+ reports, \d+ unchanged taken from the cache; \d+ report and agency pages rendered, \d+ unchanged kept, 32 aggregate pages by Eleventy/); // 18, the search page, 12 comparison pages (a region in a year) and the methodology page
  assert.match(built.stdout, /site: .*_site\/ — built in [\d.]+ s\./);
});

test('every URL the issue names exists', () => {
  const all = files(out);
  for (const id of Object.values(SAMPLES)) {
    for (const f of ['index.html', 'report.json', 'source.txt']) assert.ok(all.includes(`agencies/${id}/${f}`), `${id}/${f}`);
    assert.ok(all.includes(`agencies/${id.split('/')[0]}/index.html`));
  }
  for (const f of ['index.html', 'agencies/index.html', 'years/index.html', 'years/2018/index.html', 'years/2021/index.html', 'years/2022/index.html', 'regions/index.html', 'regions/350000/index.html', 'regions/350500/index.html', 'regions/350582/index.html', 'regions/410704/index.html', 'data/index.json', 'data/index.html', '404.html', 'assets/chart.umd.min.js', 'assets/charts.js', 'assets/site.css']) {
    assert.ok(all.includes(f), f);
  }
  // Nothing from templates/ or public/ leaks as a page (READMEs, components).
  assert.ok(!all.some((f) => /README|_includes/.test(f)), all.join(' '));
});

test('data/index.json lists every report as { id, agency, year, url, json }', () => {
  const index = JSON.parse(read('data/index.json')) as { id: string; agency: string; year: number; url: string; json: string }[];
  assert.deepEqual(
    index.map((e) => e.id),
    Object.values(SAMPLES).sort(),
  );
  for (const e of index) {
    assert.deepEqual(Object.keys(e), ['id', 'agency', 'year', 'url', 'json']);
    assert.equal(e.url, `/agencies/${e.id}/`);
    assert.equal(e.json, `/agencies/${e.id}/report.json`);
  }
  assert.equal(index.find((e) => e.id === SAMPLES['002'])!.agency, '凤泉区人民政府');
});

test('report.json is the validated model of the report (as the registry names it); source.txt its text with the same line numbers', async () => {
  const { registry } = loadRegistry(REPORTS);
  assert.equal(registry?.agencies.length, 5);
  for (const id of Object.values(SAMPLES)) {
    const json = JSON.parse(read(`agencies/${id}/report.json`));
    assert.ok(Report.safeParse(json).success, id);
    const r = await readReportFile(join(REPORTS, json.source.path), json.source.path);
    assert.ok(r.ok);
    assert.equal(json.agency.registered, true);
    const { indicators, ...parsed } = json;
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(applyRegistry([r.report], registry).reports[0])));
    // The indicators stage's, from the same tables (each sample agency reported one year: nothing before it).
    assert.deepEqual(indicators, JSON.parse(JSON.stringify(computeIndicators(r.report))));
    const text = read(`agencies/${id}/source.txt`);
    assert.equal(text, r.text.endsWith('\n') ? r.text : `${r.text}\n`);
    // Line N of source.txt is line N of the file, as findings cite it.
    const original = readFileSync(join(REPORTS, json.source.path), 'utf8').split(/\r?\n/);
    for (const line of Object.values(json.tables.lines as Record<string, number>)) assert.equal(text.split('\n')[line - 1], original[line - 1]);
  }
});

/** dotted path → value, for every cell of the expected tables. */
function cells(tables: Record<string, unknown>): Map<string, number | null> {
  const outCells = new Map<string, number | null>();
  const walk = (v: unknown, path: string) => {
    if (v === null || typeof v === 'number') outCells.set(path, v as number | null);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) walk(x, path ? `${path}.${k}` : k);
  };
  for (const [k, v] of Object.entries(tables)) if (v !== null) walk(v, k);
  return outCells;
}

const cellText = (html: string, path: string) => {
  const m = new RegExp(`data-cell="${path.replace(/[.]/g, '\\.')}">([^<]*)<`).exec(html);
  return m ? m[1] : undefined;
};

test('report pages: every cell of every sample table is on the page, with the hand-checked value', () => {
  let checked = 0;
  for (const [n, id] of Object.entries(SAMPLES)) {
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'expected', `${n}.json`), 'utf8')) as { tables: Record<string, unknown> };
    const html = read(`agencies/${id}/index.html`);
    for (const [path, value] of cells(expected.tables)) {
      if (/(label|unit|amountUnit|edition)$/.test(path)) continue;
      const shown = cellText(html, path);
      assert.notEqual(shown, undefined, `${id}: no cell ${path}`);
      if (value !== null) assert.equal(Number(shown!.replace(/[^\d.-]/g, '')), value, `${id} ${path}`);
      checked++;
    }
  }
  // 4 reports of the 2021 edition × (table 2: 10 cells, table 3: 25 rows × 7, table 4: 15) + legacy 16 × 2.
  assert.equal(checked, 4 * (10 + 25 * 7 + 15) + 16 * 2);
});

test('table 3 keeps the official layout: nested row groups and header spans', () => {
  const html = read(`agencies/${SAMPLES['002']}/index.html`);
  const table = html.slice(html.indexOf('id="table-requests"'), html.indexOf('</table>', html.indexOf('id="table-requests"')));
  assert.match(table, /<th colspan="7" scope="colgroup">\s*申请人情况/);
  assert.match(table, /<th colspan="5" scope="colgroup">\s*法人或其他组织/);
  assert.match(table, /<th rowspan="22" scope="rowgroup" class="group">\s*三、本年度办理结果/);
  assert.match(table, /<th rowspan="8" scope="rowgroup" class="group">（三）不予公开/);
  assert.match(table, /<th rowspan="3" scope="rowgroup" class="group">（六）其他处理/);
  assert.equal((table.match(/<tr data-row=/g) ?? []).length, 25);
  const review = html.slice(html.indexOf('id="table-review-litigation"'));
  assert.match(review, /<th colspan="10" scope="colgroup">\s*行政诉讼/);
  assert.match(read(`agencies/${SAMPLES['002']}/index.html`), /第二十条第（八）项/);
});

test('report pages link to the JSON, the text, the agency, the year and the region', () => {
  const html = read(`agencies/${SAMPLES['002']}/index.html`);
  for (const href of [`/agencies/${SAMPLES['002']}/report.json`, `/agencies/${SAMPLES['002']}/source.txt`, '/agencies/fengquanqurenminzhengfu/', '/years/2021/', '/regions/410704/', '/regions/410700/', '/regions/410000/']) {
    assert.ok(html.includes(`href="${href}"`), href);
  }
  assert.match(html, /<html lang="zh-CN">/);
  // Absolute: the samples' site.yaml says where the archive is served.
  assert.match(html, /<link rel="canonical" href="https:\/\/nianbao\.example\.org\/agencies\/fengquanqurenminzhengfu\/2021\/">/);
  // Cited as printed; a report without a date is cited without one (none is guessed).
  assert.match(html, /<meta name="citation_author" content="凤泉区人民政府">/);
  assert.doesNotMatch(html, /citation_publication_date/);
  const dated = read(`agencies/${SAMPLES['003']}/index.html`);
  assert.match(dated, /<meta name="citation_publication_date" content="2023\/01\/03">/);
  assert.match(dated, /引用：<span>晋江市行政服务中心管理委员会\. 晋江市行政服务中心管理委员会 2022 年政府信息公开工作年度报告\[R\]\. 2023-01-03\.<\/span>/);
});

test('byte-identical: building the same reports twice gives the same files', () => {
  const again = join(tmp('again'), '_site');
  assert.equal(build(['--out', again]).status, 0);
  const a = files(out);
  assert.deepEqual(files(again), a);
  for (const f of a) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(again, f))), f);
});

test('bad input costs only itself; --strict makes errors fatal', () => {
  const reports = tmp('bad');
  copyFileSync(join(REPORTS, '凤泉区人民政府-2021.txt'), join(reports, '凤泉区人民政府-2021.txt'));
  // Table 3's 本年新收 自然人 4 → 5: the row no longer adds up, and neither does the table.
  const text = sampleText('晋江市').replace(/(本年新收[^\n]*?\t)0(\t)/, '$15$2');
  writeFileSync(join(reports, '晋江市行政服务中心管理委员会-2022.txt'), text);
  writeFileSync(join(reports, 'garbage.txt'), Buffer.from([0xff, 0x00, 0xfe, 0x01, 0x80, 0x81]));
  writeFileSync(join(reports, 'empty.txt'), '');
  mkdirSync(join(reports, 'subfolder'));
  const site = join(tmp('bad-site'), '_site');
  const r = build(['--reports', reports, '--out', site]);
  assert.equal(r.status, 0, r.stderr);
  // garbage.txt is binary (a NUL among its first bytes): not a report, ignored, not an error.
  assert.match(r.stdout, /3 reports read from .*, 2 with errors, 0 unreadable, 0 duplicates and 1 without agency or year left out; 2 on the site\. 1 files ignored \(not reports\)\./);
  assert.match(r.stdout, /^ignored: garbage\.txt \(binary data, not text, despite its name\)$/m);
  assert.match(r.stdout, /left out: empty\.txt \(agency unknown; add empty\.txt\.meta\.yaml naming agency and year\)/);
  assert.match(r.stdout, /error: 晋江市行政服务中心管理委员会-2022\.txt:\d+ {2}requests-row-total/);
  const ok = readFileSync(join(site, 'agencies/fengquanqu-renminzhengfu/2021/index.html'), 'utf8');
  assert.match(ok, /自动检查没有发现问题/);
  // The flagged cell carries a marker that links to its explanation under table 3.
  const html = readFileSync(join(site, 'agencies/jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui/2022/index.html'), 'utf8');
  const marked = /<td class="num flagged sev-error" data-cell="(requests\.rows\.[^"]+)">[^<]*<a class="flag" href="#finding-(\d+)"/.exec(html);
  assert.ok(marked, 'a flagged cell');
  const explanation = html.indexOf(`id="finding-${marked![2]}"`);
  assert.ok(explanation > html.indexOf('id="table-requests"') && explanation < html.indexOf('id="reviewLitigation"'), 'explained under table 3');

  const strict = build(['--reports', reports, '--out', join(tmp('strict'), '_site'), '--strict']);
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /--strict: errors found; the site was not built\./);
});

test('the build refuses a folder it did not make, an unknown option and a missing reports folder', () => {
  const mine = tmp('mine');
  writeFileSync(join(mine, 'thesis.docx'), 'precious');
  const r = build(['--out', mine]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /is not empty and was not made by nianbao/);
  assert.equal(readFileSync(join(mine, 'thesis.docx'), 'utf8'), 'precious');
  assert.match(build(['--colour']).stderr, /unknown option --colour\.\nusage: npm run build/);
  assert.match(build(['--reports', join(mine, 'nope')]).stderr, /no such folder/);
  assert.match(build(['--reports', mine, '--out', join(mine, '_site')]).stderr, /overlap; put the site outside the reports folder/);
});

test('--path-prefix hosts the site below a folder', () => {
  const site = join(tmp('prefix'), '_site');
  assert.equal(build(['--out', site, '--path-prefix', '/nianbao/']).status, 0);
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  assert.match(html, /href="\/nianbao\/assets\/site\.css"/);
  assert.match(html, /href="\/nianbao\/agencies\/"/);
  assert.doesNotMatch(html, /href="\/agencies\//);
});

test('narrative is sanitised: markup in a report is shown as text', () => {
  const reports = tmp('xss');
  const text = sampleText('凤泉区').replace('2021 年，收到政府信息公开申请', '<script>alert(1)</script><img src=x onerror=alert(2)>**2021 年，收到政府信息公开申请');
  assert.ok(text.includes('<script>'));
  writeFileSync(join(reports, '凤泉区人民政府-2021.txt'), text);
  const site = join(tmp('xss-site'), '_site');
  assert.equal(build(['--reports', reports, '--out', site]).status, 0);
  const html = readFileSync(join(site, 'agencies/fengquanqu-renminzhengfu/2021/index.html'), 'utf8');
  assert.ok(!html.includes('<script>alert'));
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('&#x3C;script>alert(1)&#x3C;/script>'));
  assert.ok(html.includes('**2021 年，收到'));
});
