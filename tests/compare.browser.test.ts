/**
 * The comparison pages (/regions/<code>/<year>/), the methodology page (/methodology/) and the
 * indicators of the year and region pages in real Chromium: they load without a console error or a
 * failed request, their charts draw (pixels on the canvas), their tables are there, the agencies'
 * table sorts by a column, a definition's anchor is there to link to, and axe finds nothing serious.
 *
 * Without Chromium: in CI (CI=true) the tests fail; elsewhere they are skipped with a loud warning.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, checkCharts, chromiumOrBanner, launchChromium, openPage, serveSite } from './browser.ts';
import { build } from './helpers.ts';

const { chromiumPath, inCI } = chromiumOrBanner('COMPARISON BROWSER TESTS');

const PAGES: { path: string; kind: string; charts: number; tables: string[] }[] = [
  { path: 'regions/350000/2021/', kind: 'comparison (province)', charts: 1, tables: ['table.compare', 'table.ranking', 'table.summary'] },
  { path: 'regions/410704/2021/', kind: 'comparison (county)', charts: 1, tables: ['table.compare', 'table.ranking', 'table.summary'] },
  { path: 'regions/350500/2018/', kind: 'comparison (legacy year)', charts: 1, tables: ['table.compare', 'table.ranking'] },
  { path: 'methodology/', kind: 'methodology', charts: 0, tables: ['table.terms'] },
  { path: 'years/2021/', kind: 'year (provinces)', charts: 2, tables: ['table.provinces'] },
  { path: 'regions/350500/', kind: 'region (years)', charts: 3, tables: ['table.trend'] },
];

if (!chromiumPath && !inCI) test('comparison pages in Chromium', { skip: 'no Chromium: apt-get install -y chromium' }, () => {});
else
  describe('comparison and methodology pages in Chromium', () => {
    let browser: Browser;
    let site: { url: string; close: () => Promise<void> };

    before(async () => {
      assert.ok(chromiumPath, 'CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y chromium`');
      const out = join(mkdtempSync(join(tmpdir(), 'nianbao-compare-browser-')), '_site');
      const built = build(['--out', out]);
      assert.equal(built.status, 0, built.stderr);
      site = await serveSite(out);
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
        for (const selector of p.tables) assert.ok(await page.locator(selector).first().isVisible(), `${p.path}: ${selector} not visible`);
        assert.deepEqual(problems, []);
        await page.close();
      });
    }

    test('凤泉区 2021: the sums with n, the agency row, its place (样本不足), the distribution table', async () => {
      const { page } = await open('regions/410704/2021/');
      const lines = await page.locator('ul.aggregates').first().locator('li').allInnerTexts();
      assert.ok(lines.includes('公开率 83.3%（10/12，n = 1 份报告）'), lines.join(' | '));
      assert.ok(lines.includes('申请量 12（n = 1 份报告）'), lines.join(' | '));
      const row = page.locator('table.compare tbody tr').first();
      assert.match(await row.locator('th').innerText(), /凤泉区人民政府/);
      assert.equal(await row.locator('th a').getAttribute('href'), '/agencies/fengquanqurenminzhengfu/2021/');
      const disclosure = row.locator('td').nth(3);
      assert.equal(await disclosure.getAttribute('data-value'), '0.833333333333');
      assert.match(await disclosure.innerText(), /83\.3%\s*10\/12/);
      assert.equal(await row.locator('td').last().innerText(), '样本不足');
      // The distribution: nothing counted (T = 12 < 30), and the note says so.
      assert.deepEqual(await page.locator('#chart-disclosure-distribution table.chart-data tbody td').allInnerTexts(), Array(10).fill('0'));
      assert.match(await page.locator('#chart-disclosure-distribution .note').innerText(), /不少于 30 件的 0 个机关；1 个样本不足/);
      // An indicator's name leads to its definition.
      assert.equal(await page.locator('ul.aggregates a', { hasText: '公开率' }).first().getAttribute('href'), '/methodology/#disclosureRate');
      await page.close();
    });

    test('the agencies table sorts by a column when its header is clicked; blanks go last with their reason', async () => {
      const { page, problems } = await open('regions/350000/2021/');
      const names = () => page.locator('table.compare tbody th a').allInnerTexts();
      const header = page.locator('table.compare thead th', { hasText: '申请量' }).locator('button');
      // The heading keeps its formula inside the button.
      assert.match(await header.innerText(), /申请量\s*N/);
      await header.click();
      assert.deepEqual(await names(), ['鲤城区行政服务中心管理委员会', '泉州市数字泉州建设办公室']);
      await header.click();
      assert.deepEqual(await names(), ['泉州市数字泉州建设办公室', '鲤城区行政服务中心管理委员会']);
      assert.equal(await page.locator('table.compare thead th[aria-sort="descending"]').count(), 1);
      // 公开率: 鲤城区's 0/0 is blank, so last whichever way.
      const rate = page.locator('table.compare thead th', { hasText: '全部公开率' }).locator('button');
      await rate.click();
      assert.deepEqual(await names(), ['泉州市数字泉州建设办公室', '鲤城区行政服务中心管理委员会']);
      await rate.click();
      assert.deepEqual(await names(), ['泉州市数字泉州建设办公室', '鲤城区行政服务中心管理委员会']);
      const blank = page.locator('table.compare tbody tr', { hasText: '鲤城区' }).locator('td.blank').first();
      assert.equal(await blank.getAttribute('title'), '分母（T）为 0');
      const ref = blank.locator('a.note-ref');
      const target = (await ref.getAttribute('href'))!;
      assert.equal(await page.locator(target).innerText(), '分母（T）为 0');
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('the methodology page: every definition has its anchor, with formula and cells; the header links it', async () => {
      const { page, problems } = await open('methodology/#disclosureRate');
      const ids = await page.locator('article.definition').evaluateAll((els) => els.map((e) => e.id));
      assert.equal(ids.length, 31);
      assert.ok(ids.includes('disclosureRate') && ids.includes('denialReasons.stateSecret'));
      const def = page.locator('article[id="disclosureRate"]');
      assert.match(await def.locator('dl').innerText(), /公式\s*\(G\+P\)\/T/);
      assert.match(await def.locator('table.terms').first().innerText(), /tables\.requests\.rows\.granted\.total/);
      assert.match(await def.locator('table.terms').first().innerText(), /表三 （一）予以公开 · 总计/);
      assert.match(await page.locator('article[id="unavailableRate"] dl').innerText(), /旧版附表\s*旧版附表不提供/);
      assert.match(await page.locator('#ranking').locator('xpath=..').innerText(), /最低样本量为 30 件/);
      assert.equal(await page.locator('a[href="/data/indicators.json"]').count(), 1);
      // The anchor is where the page opened.
      assert.ok(await def.evaluate((e) => e.matches(':target')));
      assert.equal(await page.locator('.site-header nav a[href="/methodology/"]').count(), 1);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('the year page links its provinces\' comparison pages; the region page its years\'', async () => {
      const { page } = await open('years/2021/');
      assert.deepEqual(await page.locator('table.provinces tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['/regions/350000/2021/', '/regions/410000/2021/']);
      await page.close();
      const { page: region } = await open('regions/350500/');
      assert.deepEqual(await region.locator('table.trend tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['/regions/350500/2018/', '/regions/350500/2021/', '/regions/350500/2022/']);
      assert.equal(await region.locator('#chart-rates-per-year').getAttribute('data-chart-kind'), 'line');
      await region.close();
    });

    test('axe: no serious or critical accessibility violations', async () => {
      for (const p of PAGES) {
        const { page } = await open(p.path);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `/${p.path}`);
        await page.close();
      }
    });

    test('on a phone (390 px) nothing but the wide tables scrolls sideways; without JavaScript the tables are all there', async () => {
      for (const p of PAGES) {
        const { page } = await open(p.path, { viewport: { width: 390, height: 844 }, isMobile: true });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `/${p.path} is ${width}px wide`);
        await page.close();
        const { page: plain } = await open(p.path, { javaScriptEnabled: false });
        for (const selector of p.tables) assert.ok(await plain.locator(selector).first().isVisible(), `${p.path}: ${selector}`);
        assert.equal(await plain.locator('figure.chart table.chart-data').count(), p.charts);
        await plain.close();
      }
    });

    test('links on these pages lead somewhere (no 404 inside the site, /data/indicators.json included)', async () => {
      const seen = new Set<string>();
      for (const p of PAGES) {
        const { page } = await open(p.path);
        for (const h of await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) seen.add(h);
        await page.close();
      }
      for (const h of seen) {
        assert.equal((await fetch(`${site.url}${h}`)).status, 200, h);
      }
    });
  });
