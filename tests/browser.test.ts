/**
 * The built sample site in real Chromium (Debian's /usr/bin/chromium through playwright-core):
 * every page type loads without a console error or a failed request, its charts draw (pixels on
 * the canvas), its tables are there; axe finds nothing serious; the pages work without JavaScript,
 * on a phone and in print.
 *
 * Without Chromium: in CI (CI=true) the tests fail; elsewhere they are skipped with a loud warning.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, checkCharts, chromiumOrBanner, launchChromium, openPage, serveSite } from './browser.ts';
import { build } from './helpers.ts';

const { chromiumPath, inCI } = chromiumOrBanner('BROWSER TESTS');

const REPORTS = [
  'agencies/lichengquxingzhengfuwuzhongxinguanliweiyuanhui/2021/',
  'agencies/quangangquxingzhengfuwuzhongxin/2018/',
  'agencies/fengquanqurenminzhengfu/2021/',
  'agencies/jinjiangshixingzhengfuwuzhongxinguanliweiyuanhui/2022/',
  'agencies/quanzhoushishuziquanzhoujianshebangongshi/2021/',
];
const PAGES: { path: string; kind: string; charts: number; tables: string[] }[] = [
  { path: '', kind: 'home', charts: 2, tables: ['table.summary', 'table.reports'] },
  { path: 'agencies/', kind: 'agencies', charts: 0, tables: [] },
  // 凤泉区: four charts across the years and two trend lines of indicators; 泉港区's indicators are all blank, so no trend lines.
  { path: 'agencies/fengquanqurenminzhengfu/', kind: 'agency', charts: 6, tables: ['table.reports', 'table.indicators'] },
  { path: 'agencies/quangangquxingzhengfuwuzhongxin/', kind: 'agency (legacy)', charts: 4, tables: ['table.reports', 'table.indicators'] },
  ...REPORTS.map((path) => ({
    path,
    kind: 'report',
    charts: path.includes('/2018/') ? 3 : 3,
    tables: path.includes('/2018/') ? ['#table-legacy', '#indicators-outcomes'] : ['#table-proactive', '#table-requests', '#table-review-litigation', '#indicators-outcomes'],
  })),
  { path: 'years/', kind: 'years', charts: 0, tables: [] },
  { path: 'years/2021/', kind: 'year', charts: 2, tables: ['table.reports', 'table.provinces'] },
  { path: 'regions/', kind: 'regions', charts: 0, tables: [] },
  { path: 'regions/350500/', kind: 'region', charts: 3, tables: ['table.reports', 'table.trend'] },
  { path: 'data/', kind: 'data', charts: 0, tables: [] },
  { path: 'embed/fengquanqurenminzhengfu/2021/', kind: 'report embed', charts: 0, tables: [] },
  { path: 'embed/fengquanqurenminzhengfu/', kind: 'agency embed', charts: 0, tables: ['table'] },
];

// Counted as a skipped test, so the run's totals say it too.
if (!chromiumPath && !inCI) test('the site in Chromium', { skip: 'no Chromium: apt-get install -y chromium' }, () => {});
else describe('the site in Chromium', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };

  before(async () => {
    assert.ok(chromiumPath, 'CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y chromium`');
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-browser-')), '_site');
    // Served first, so that the site is built knowing its own address (--site-url): the share code is absolute.
    site = await serveSite(out);
    const built = build(['--out', out, '--site-url', site.url]);
    assert.equal(built.status, 0, built.stderr);
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const open = (path: string, options: Parameters<Browser['newPage']>[0] = {}) => openPage(browser, site.url, path, options);

  for (const p of PAGES) {
    test(`${p.kind} /${p.path}: no errors, charts drawn, tables present`, async () => {
      const { page, problems } = await open(p.path);
      assert.equal(await checkCharts(page, p.path), p.charts, `${p.path}: charts`);
      for (const selector of p.tables) assert.ok(await page.locator(selector).isVisible(), `${p.path}: ${selector} not visible`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('report pages: at least two drawn charts, and the statutory tables with their numbers', async () => {
    const { page } = await open('agencies/fengquanqurenminzhengfu/2021/');
    assert.ok((await page.locator('figure.chart[data-drawn="true"]').count()) >= 2);
    assert.equal(await page.locator('#table-requests td[data-cell="requests.rows.newReceived.total"]').innerText(), '12');
    assert.equal(await page.locator('#table-requests td[data-cell="requests.rows.newReceived.otherOrg"]').innerText(), '8');
    assert.equal(await page.locator('#table-proactive td[data-cell="proactive.fees.amount"]').innerText(), '1017.737');
    // Six sections in statutory order.
    assert.deepEqual(await page.locator('article.report > section > h2').allInnerTexts(), [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
      '指标',
      '数据质量',
    ]);
    // The applicant chart's table holds what table 3 says.
    assert.deepEqual(await page.locator('#chart-applicants table.chart-data tbody td').allInnerTexts(), ['4', '0', '0', '0', '0', '8']);
    await page.close();
  });

  test('axe: no serious or critical accessibility violations on any page type', async () => {
    for (const p of PAGES) {
      const { page } = await open(p.path);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `/${p.path}`);
      await page.close();
    }
  });

  test('without JavaScript every page is complete: tables and chart data tables, no canvas', async () => {
    for (const p of PAGES) {
      const { page } = await open(p.path, { javaScriptEnabled: false });
      for (const selector of p.tables) assert.ok(await page.locator(selector).isVisible(), `${p.path}: ${selector}`);
      assert.equal(await page.locator('figure.chart table.chart-data').count(), p.charts);
      assert.equal(await page.locator('.chart-canvas:visible').count(), 0);
      await page.close();
    }
  });

  test('on a phone (390 px) nothing but the wide tables scrolls sideways', async () => {
    for (const p of PAGES) {
      const { page } = await open(p.path, { viewport: { width: 390, height: 844 }, isMobile: true });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `/${p.path} is ${width}px wide`);
      await page.close();
    }
  });

  test('print: navigation and canvases hidden, tables kept', async () => {
    const { page } = await open('agencies/fengquanqurenminzhengfu/2021/');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header nav').isVisible(), false);
    assert.equal(await page.locator('.chart-canvas').first().isVisible(), false);
    assert.ok(await page.locator('#table-requests').isVisible());
    await page.close();
  });

  test('report lists sort by a column when its header is clicked', async () => {
    const { page } = await open('years/2021/');
    const received = () => page.locator('table.reports tbody td:nth-child(4)').allInnerTexts();
    await page.locator('table.reports thead th', { hasText: '新收申请' }).locator('button').click();
    assert.deepEqual(await received(), ['0', '2', '12']);
    await page.locator('table.reports thead th', { hasText: '新收申请' }).locator('button').click();
    assert.deepEqual(await received(), ['12', '2', '0']);
    assert.equal(await page.locator('table.reports thead th[aria-sort="descending"]').count(), 1);
    await page.close();
  });

  test('links on every page lead somewhere (no 404 inside the site)', async () => {
    const seen = new Set<string>();
    for (const p of PAGES) {
      const { page } = await open(p.path);
      const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      for (const h of hrefs) seen.add(h);
      await page.close();
    }
    for (const h of seen) {
      const res = await fetch(`${site.url}${h}`);
      assert.equal(res.status, 200, h);
    }
    assert.ok(seen.size > 20);
  });

  describe('embedded in a page of another origin', () => {
    /** The foreign page: a portal on another port of 127.0.0.1 (another origin), its body set by each test. */
    let body = '';
    let foreign: { url: string; close: () => Promise<void> };
    before(async () => {
      const server = createServer((req, res) => {
        if (req.url !== '/') return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>某区政府门户</title></head><body><h1>政府信息公开</h1>${body}</body></html>`);
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const address = server.address();
      foreign = { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => new Promise((ok) => server.close(() => ok())) };
    });
    after(async () => foreign?.close());

    /** The foreign page with `html` in it: every request it makes, and every problem. */
    async function portal(html: string) {
      body = html;
      const page = await browser.newPage();
      const requests: { url: string; fromFrame: boolean }[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push({ url: r.url(), fromFrame: r.frame() !== page.mainFrame() }));
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      assert.equal((await page.goto(`${foreign.url}/`, { waitUntil: 'load' }))?.status(), 200);
      return { page, requests, problems };
    }

    /** Requests: the foreign page's own document, the rest only to the site; the frame's, only to the site. */
    function onlyTheSite(requests: { url: string; fromFrame: boolean }[]) {
      const origins = (rs: typeof requests) => [...new Set(rs.map((r) => new URL(r.url).origin))].sort();
      assert.deepEqual(origins(requests.filter((r) => r.fromFrame)), [site.url]);
      for (const r of requests.filter((x) => !x.fromFrame)) assert.ok(r.url === `${foreign.url}/` || r.url.startsWith(`${site.url}/`), r.url);
    }

    test('the report card renders in an <iframe> on a foreign origin, asking nothing of anyone but the site', async () => {
      const { page, requests, problems } = await portal(`<iframe src="${site.url}/embed/fengquanqurenminzhengfu/2021/" title="年报" width="360" height="300"></iframe>`);
      const card = page.frameLocator('iframe').locator('article.card');
      await card.waitFor();
      const text = await card.innerText();
      for (const s of ['凤泉区人民政府', '2021', '12 件', '83.3%', '予以公开 10 件 ÷ 办理结果总计 12 件']) assert.ok(text.includes(s), `${s} not in ${text}`);
      // The style applied: the embed's CSP allows it by its hash.
      assert.equal(await card.evaluate((e) => getComputedStyle(e).borderTopColor), 'rgb(31, 95, 168)');
      const link = page.frameLocator('iframe').locator('a');
      assert.equal(await link.getAttribute('href'), `${site.url}/agencies/fengquanqurenminzhengfu/2021/`);
      assert.equal(await link.getAttribute('target'), '_blank');
      onlyTheSite(requests);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test("a report page's 链接与嵌入 code, pasted as it is into the foreign page, works: the card, and a link to the page", async () => {
      const { page: source } = await open('agencies/fengquanqurenminzhengfu/2021/');
      const iframe = await source.locator('#share-iframe').inputValue();
      const link = await source.locator('#share-link').inputValue();
      assert.equal(await source.locator('#share a').getAttribute('href'), `${site.url}/agencies/fengquanqurenminzhengfu/2021/`);
      await source.close();
      const { page, requests, problems } = await portal(`${iframe}\n<p>${link}</p>`);
      const card = page.frameLocator('iframe').locator('article.card');
      await card.waitFor();
      assert.match(await card.innerText(), /凤泉区人民政府 2021 年度政府信息公开[\s\S]*12 件/);
      const a = page.locator('p a');
      assert.equal(await a.innerText(), '凤泉区人民政府 2021 年政府信息公开工作年度报告');
      assert.equal((await fetch((await a.getAttribute('href'))!)).status, 200);
      onlyTheSite(requests);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test("an agency page's embed code, pasted into the foreign page, shows its years", async () => {
      const { page: source } = await open('agencies/fengquanqurenminzhengfu/');
      const iframe = await source.locator('#share-iframe').inputValue();
      await source.close();
      const { page, requests, problems } = await portal(iframe);
      const table = page.frameLocator('iframe').locator('table');
      await table.waitFor();
      assert.deepEqual(await table.locator('tbody tr').first().locator('th, td').allInnerTexts(), ['2021', '12', '10', '83.3%', '2', '2']);
      onlyTheSite(requests);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });

  test('favicon.ico is served at the root; sitemap.xml and feed.xml parse as XML in Chromium', async () => {
    const icon = await fetch(`${site.url}/favicon.ico`);
    assert.equal(icon.status, 200);
    assert.deepEqual([...new Uint8Array(await icon.arrayBuffer()).subarray(0, 4)], [0, 0, 1, 0]);
    const { page } = await open('');
    for (const file of ['sitemap.xml', 'feed.xml']) {
      const text = await (await fetch(`${site.url}/${file}`)).text();
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI };
      }, text);
      assert.deepEqual(parsed, file === 'feed.xml' ? { error: 0, root: 'feed', ns: 'http://www.w3.org/2005/Atom' } : { error: 0, root: 'urlset', ns: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
    }
    await page.close();
  });

  describe('reports read from published documents', () => {
    let mixed: { url: string; close: () => Promise<void> };
    const DOCS = join(import.meta.dirname, 'fixtures', 'documents');
    const ORIGINALS: { file: string; page: string }[] = [
      { file: '../pdf/1-lattice.pdf', page: 'agencies/lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui/2021/' },
      { file: '002-portal-no-charset.html', page: 'agencies/fengquanqu-renminzhengfu/2021/' },
      { file: '004-libreoffice.docx', page: 'agencies/quanzhoushi-shuzi-quanzhou-jianshe-bangongshi/2021/' },
    ];
    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-browser-docs-'));
      for (const o of ORIGINALS) copyFileSync(join(DOCS, o.file), join(dir, o.file.split('/').pop()!));
      const out = join(mkdtempSync(join(tmpdir(), 'nianbao-browser-docs-out-')), '_site');
      const built = build(['--reports', dir, '--out', out]);
      assert.equal(built.status, 0, built.stderr);
      mixed = await serveSite(out);
    });
    after(async () => mixed?.close());

    for (const o of ORIGINALS) {
      test(`report read from ${o.file}: clean page, statutory tables, the original downloadable as published`, async () => {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        assert.equal((await page.goto(`${mixed.url}/${o.page}`, { waitUntil: 'load' }))?.status(), 200);
        for (const selector of ['#table-proactive', '#table-requests', '#table-review-litigation']) assert.ok(await page.locator(selector).isVisible(), selector);
        assert.equal(await page.locator('figure.chart[data-drawn="true"]').count(), 3);
        const link = page.locator('ul.downloads a[download]');
        assert.match(await link.innerText(), /^原始文件/);
        const res = await fetch(`${mixed.url}${await link.getAttribute('href')}`);
        assert.equal(res.status, 200);
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(DOCS, o.file))));
        assert.match(await page.locator('dl.meta').innerText(), /读取方式\s*(PDF；表二按表格线识别|网页（HTML）；|Word（DOCX）；)/);
        assert.deepEqual(problems, []);
        await page.close();
      });
    }
  });
});

