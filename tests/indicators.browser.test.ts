/**
 * The indicators in Chromium: a report page's 指标 section (values, fractions, the year before, a
 * jump marked and explained), an agency page's table by year and its trend lines drawn, and the
 * comparison — pick another agency of the region and a year, and the side-by-side table shows both
 * agencies' values, read from their report.json files (also below a --path-prefix folder; a file
 * that cannot be fetched is named). No console error, axe clean; without JavaScript the fallback
 * links are there.
 *
 * The site: the samples (鲤城区 and 泉州市's office both report for 2021 in 泉州市) and a synthetic
 * 凤泉区 2020 (tests/helpers.ts fengquan2020Text), so that 凤泉区 has two years and a jump.
 *
 * Without Chromium: in CI (CI=true) the tests fail; elsewhere they are skipped with a loud warning.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumOrBanner, inkedPixels, launchChromium, openPage, serveSite } from './browser.ts';
import { build, fengquan2020Text, REPORTS } from './helpers.ts';

const { chromiumPath, inCI } = chromiumOrBanner('INDICATORS BROWSER TESTS');

const FENGQUAN = 'agencies/fengquanqurenminzhengfu/';
const LICHENG = 'agencies/lichengquxingzhengfuwuzhongxinguanliweiyuanhui/';
const SHUZI = 'agencies/quanzhoushishuziquanzhoujianshebangongshi/';

/** The samples and 凤泉区 2020, in a folder of their own. */
function reports(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-indicators-reports-')), 'reports');
  cpSync(REPORTS, dir, { recursive: true });
  writeFileSync(join(dir, '凤泉区人民政府-2020.txt'), fengquan2020Text());
  return dir;
}


/** Choose an agency and a year in the compare form, submit, and wait for the table (or the error). */
async function compare(page: Page, agency: string, year: string) {
  await page.locator('#compare-agency').selectOption({ label: agency });
  await page.locator('#compare-year').selectOption(year);
  await page.locator('form.compare-form button[type="submit"]').click();
  await page.waitForFunction(() => /^(已列出|无法)/.test(document.querySelector('.compare-status')?.textContent ?? ''));
}

/** The side-by-side row of one indicator: its name and the two cells' text. */
const compareRow = (page: Page, id: string) => page.locator(`table.compare-table tr[data-indicator="${id}"] > *`).allInnerTexts();

if (!chromiumPath && !inCI) test('the indicators in Chromium', { skip: 'no Chromium: apt-get install -y chromium' }, () => {});
else
  describe('the indicators in Chromium', () => {
    let browser: Browser;
    let site: { url: string; close: () => Promise<void> };
    let prefixed: { url: string; close: () => Promise<void> };
    let source: string;

    before(async () => {
      assert.ok(chromiumPath, 'CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y chromium`');
      source = reports();
      const out = join(mkdtempSync(join(tmpdir(), 'nianbao-indicators-browser-')), '_site');
      site = await serveSite(out);
      const built = build(['--reports', source, '--out', out, '--no-cache', '--site-url', site.url]);
      assert.equal(built.status, 0, built.stderr);
      const below = join(mkdtempSync(join(tmpdir(), 'nianbao-indicators-browser-prefix-')), '_site');
      const builtBelow = build(['--reports', source, '--out', below, '--no-cache', '--path-prefix', '/nianbao/']);
      assert.equal(builtBelow.status, 0, builtBelow.stderr);
      prefixed = await serveSite(below, '/nianbao/');
      browser = await launchChromium(chromiumPath);
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await prefixed?.close();
    });

    const open = (path: string, options: Parameters<Browser['newPage']>[0] = {}, base = site.url) => openPage(browser, base, path, options);

    test('report page: the 指标 section after the six sections, values with fractions, the year before, the jump marked and explained', async () => {
      const { page, problems } = await open(`${FENGQUAN}2021/`);
      assert.deepEqual((await page.locator('article.report > section > h2').allInnerTexts()).slice(-3), ['六、其他需要报告的事项', '指标', '数据质量']);
      assert.ok(await page.locator('nav.toc a[href="#indicators"]').isVisible());
      assert.ok(await page.locator('#indicators').isVisible());
      assert.equal(await page.locator('#indicators table.indicators').count(), 4);
      const row = (id: string) => page.locator(`#indicators tr[data-indicator="${id}"] > *`).allInnerTexts();
      assert.deepEqual(await row('disclosureRate'), ['公开率主要指标', '83.3%', '10/12', '(G+P)/T', '66.7%', '×1.25']);
      // The headline figures above the tables.
      assert.match(await page.locator('#indicators dl.headline-figures').innerText(), /公开率\s*83\.3%\s*10\/12/);
      // 许可处罚比 jumped from 6.67 to 86.23: its row is marked and its flag leads to the finding in the section.
      const jumped = page.locator('#indicators tr.jumped[data-indicator="licensingPenaltyRatio"]');
      assert.ok(await jumped.isVisible());
      const flag = jumped.locator('a.flag');
      const target = (await flag.getAttribute('href'))!;
      await flag.click();
      const finding = page.locator(`#indicators aside.findings ${target}`);
      assert.ok(await finding.isVisible());
      assert.match(await finding.innerText(), /指标 许可处罚比：「许可处罚比」从 2020 年度的 6\.67 变为 86\.23/);
      // Blanks say why, never 0.
      assert.match((await row('denialReasons.stateSecret'))[1]!, /^—\s*留空：分母（D）为 0$/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('legacy report page: table-3-only indicators blank with their reason', async () => {
      const { page, problems } = await open('agencies/quangangquxingzhengfuwuzhongxin/2018/');
      assert.match(await page.locator('#indicators tr[data-indicator="unavailableRate"] td.value').innerText(), /^—\s*留空：2019 年以前的报告（旧版附表）不提供这一项$/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('agency page: the indicators by year and the trend lines drawn', async () => {
      const { page, problems } = await open(FENGQUAN);
      const table = page.locator('#indicators table.by-year');
      assert.ok(await table.isVisible());
      assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['指标', '2020 年度', '2021 年度']);
      assert.equal(await table.locator('tbody tr').count(), 12);
      assert.deepEqual(await table.locator('tr[data-indicator="disclosureRate"] td').allInnerTexts(), ['66.7%\n8/12', '83.3%\n10/12']);
      assert.match((await table.locator('tr[data-indicator="licensingPenaltyRatio"] td').allInnerTexts())[1]!, /86\.23\s*6467\/75\s*跳变/);
      for (const id of ['chart-indicator-outcomes', 'chart-indicator-review']) {
        const figure = page.locator(`#${id}`);
        assert.equal(await figure.getAttribute('data-chart-kind'), 'line');
        assert.equal(await figure.getAttribute('data-drawn'), 'true', id);
        assert.ok((await inkedPixels(page, id)) > 500, `${id}: canvas is blank`);
      }
      assert.deepEqual(await page.locator('#chart-indicator-outcomes table.chart-data tbody tr').first().locator('th, td').allInnerTexts(), ['2020', '66.7', '0', '33.3']);
      // Every chart of the page drawn: the four across the years and the two trend lines.
      assert.equal(await page.locator('figure.chart[data-drawn="true"]').count(), 6);
      // No other agency of 新乡市 reported: nothing to compare, no script for it.
      assert.match(await page.locator('#compare').innerText(), /新乡市没有其他机关有同年度的报告/);
      assert.equal(await page.locator('script[src$="compare.js"]').count(), 0);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test("compare: pick 泉州市's office and 2021, the side-by-side table shows both agencies' values", async () => {
      const { page, problems } = await open(LICHENG);
      const fetched: string[] = [];
      page.on('request', (r) => r.resourceType() === 'fetch' && fetched.push(new URL(r.url()).pathname));
      assert.ok(await page.locator('form.compare-form').isVisible());
      assert.deepEqual(await page.locator('#compare-agency option').allInnerTexts(), ['泉州市数字泉州建设办公室']);
      assert.deepEqual(await page.locator('#compare-year option').allInnerTexts(), ['2021 年度']);
      await compare(page, '泉州市数字泉州建设办公室', '2021');
      assert.equal(await page.locator('.compare-status').innerText(), '已列出鲤城区行政服务中心管理委员会与泉州市数字泉州建设办公室 2021 年度的指标。');
      assert.equal(await page.locator('.compare-status').getAttribute('aria-live'), 'polite');
      const table = page.locator('table.compare-table');
      assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['指标', '鲤城区行政服务中心管理委员会 2021 年度', '泉州市数字泉州建设办公室 2021 年度']);
      assert.equal(await table.locator('thead th a').nth(1).getAttribute('href'), `/${SHUZI}2021/`);
      assert.equal(await table.locator('tbody tr').count(), 12);
      assert.deepEqual(await compareRow(page, 'received'), ['申请量', '0', '2']);
      assert.deepEqual(await compareRow(page, 'disclosureRate'), ['公开率', '—\n0/0\n留空：分母（T）为 0', '100.0%\n2/2']);
      assert.deepEqual(fetched.sort(), [`/${LICHENG}2021/report.json`, `/${SHUZI}2021/report.json`]);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('compare on a phone (390 px): the form and the side-by-side table fit, the table scrolls in its own box', async () => {
      const { page, problems } = await open(LICHENG, { viewport: { width: 390, height: 844 }, isMobile: true });
      await compare(page, '泉州市数字泉州建设办公室', '2021');
      assert.equal(await page.locator('table.compare-table tbody tr').count(), 12);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width}px wide`);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('compare below a --path-prefix folder: the addresses the page gives carry the prefix', async () => {
      const { page, problems } = await open(`nianbao/${LICHENG}`, {}, prefixed.url);
      await compare(page, '泉州市数字泉州建设办公室', '2021');
      assert.deepEqual(await compareRow(page, 'disclosureRate'), ['公开率', '—\n0/0\n留空：分母（T）为 0', '100.0%\n2/2']);
      assert.equal(await page.locator('table.compare-table thead th a').first().getAttribute('href'), `/nianbao/${LICHENG}2021/`);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('compare: a report.json that cannot be fetched is named, as text', async () => {
      const { page } = await open(LICHENG);
      await page.route(`**/${SHUZI}2021/report.json`, (route) => route.fulfill({ status: 404, body: 'not found' }));
      await compare(page, '泉州市数字泉州建设办公室', '2021');
      assert.equal(await page.locator('.compare-status').innerText(), `无法载入 /${SHUZI}2021/report.json（HTTP 404）`);
      assert.equal(await page.locator('.compare-status.compare-error').count(), 1);
      assert.equal(await page.locator('table.compare-table').count(), 0);
      // Tried again once the file is there: the table.
      await page.unroute(`**/${SHUZI}2021/report.json`);
      await compare(page, '泉州市数字泉州建设办公室', '2021');
      assert.deepEqual(await compareRow(page, 'received'), ['申请量', '0', '2']);
      await page.close();
    });

    test('axe: no serious or critical violations on the report and agency pages', async () => {
      for (const path of [`${FENGQUAN}2021/`, 'agencies/quangangquxingzhengfuwuzhongxin/2018/', FENGQUAN, LICHENG]) {
        const { page } = await open(path);
        assert.deepEqual(await axeViolations(page), [], path);
        await page.close();
      }
    });

    test('without JavaScript: the indicators as tables, the trend lines as their tables, and the compare fallback links', async () => {
      const { page } = await open(FENGQUAN, { javaScriptEnabled: false });
      assert.ok(await page.locator('#indicators table.by-year').isVisible());
      assert.equal(await page.locator('#chart-indicator-outcomes table.chart-data').count(), 1);
      assert.equal(await page.locator('.chart-canvas:visible').count(), 0);
      await page.close();
      const { page: licheng } = await open(LICHENG, { javaScriptEnabled: false });
      assert.equal(await licheng.locator('form.compare-form').count(), 0);
      const peers = licheng.locator('#compare ul.compare-peers > li');
      assert.equal(await peers.count(), 1);
      assert.deepEqual(await peers.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])), [
        ['泉州市数字泉州建设办公室', `/${SHUZI}`],
        ['2021', `/${SHUZI}2021/`],
      ]);
      assert.ok(await peers.first().isVisible());
      assert.equal(await licheng.locator('#compare a[href="/regions/350500/2021/"]').innerText(), '泉州市 2021 年度各机关的指标');
      // This agency's own report pages are linked from the page too (the list of its years).
      assert.ok(await licheng.locator(`table.reports a[href="/${LICHENG}2021/"]`).isVisible());
      await licheng.close();
    });
  });
