/**
 * Search in Chromium: the header's search box on any page leads to /search/, where the site's script
 * runs the query over the Pagefind bundles (one per province, merged) and lists the reports; filters
 * narrow the results; the page works below a --path-prefix folder; without JavaScript it says what
 * to do instead; no CSP violation anywhere (Pagefind's WebAssembly is allowed on this page only).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumOrBanner, launchChromium, openPage, serveSite } from './browser.ts';
import { build } from './helpers.ts';

const { chromiumPath, inCI } = chromiumOrBanner('SEARCH BROWSER TESTS');

const LICHENG = 'agencies/lichengquxingzhengfuwuzhongxinguanliweiyuanhui/2021/';

if (!chromiumPath && !inCI) test('search in Chromium', { skip: 'no Chromium: apt-get install -y chromium' }, () => {});
else
  for (const prefix of ['/', '/nianbao/']) {
    describe(`search in Chromium${prefix === '/' ? '' : ` (--path-prefix ${prefix})`}`, () => {
      let browser: Browser;
      let site: { url: string; close: () => Promise<void> };

      before(async () => {
        assert.ok(chromiumPath, 'CI=true but no Chromium at /usr/bin/chromium');
        const out = join(mkdtempSync(join(tmpdir(), 'nianbao-search-browser-')), '_site');
        const built = build(['--out', out, ...(prefix === '/' ? [] : ['--path-prefix', prefix])]);
        assert.equal(built.status, 0, built.stderr);
        site = await serveSite(out, prefix);
        browser = await launchChromium(chromiumPath);
      });
      after(async () => {
        await browser?.close();
        await site?.close();
      });

      /** A page with every console error, page error, failed request and CSP violation collected. */
      const open = (path: string, options: Parameters<Browser['newPage']>[0] = {}) => openPage(browser, `${site.url}${prefix.replace(/\/$/, '')}`, path, options);

      /** The search the page shows once it has run: the count it states and the links it lists. */
      async function results(page: Page, count?: number): Promise<{ count: number; hrefs: string[] }> {
        await page.waitForFunction((n) => {
          const s = document.getElementById('search-status');
          return s?.dataset['count'] !== undefined && (n === undefined || s.dataset['count'] === String(n)) && document.querySelectorAll('#search-results li').length === Math.min(Number(s.dataset['count']), 20);
        }, count);
        const n = Number(await page.locator('#search-status').getAttribute('data-count'));
        return { count: n, hrefs: await page.locator('#search-results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)) };
      }

      /** Type a query in the header's search box and submit it. */
      async function searchFromHeader(page: Page, q: string) {
        await page.fill('.site-search input[name="q"]', q);
        await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('.site-search input[name="q"]', 'Enter')]);
      }

      test('鲤城 in the header of the home page finds the 鲤城区 report, by its region\'s name alone', async () => {
        const { page, problems } = await open('');
        await searchFromHeader(page, '鲤城');
        assert.equal(new URL(page.url()).pathname, `${prefix}search/`);
        assert.equal(new URL(page.url()).searchParams.get('q'), '鲤城');
        const { count, hrefs } = await results(page);
        assert.equal(count, 1);
        assert.deepEqual(hrefs, [`${prefix}${LICHENG}`]);
        assert.equal(await page.locator('#search-results li .result-meta').first().innerText(), '鲤城区行政服务中心管理委员会 · 2021 年度 · 福建省 › 泉州市 › 鲤城区');
        // The link leads to the report.
        await page.click('#search-results a.result-title');
        await page.waitForURL(`${site.url}${prefix}${LICHENG}`);
        assert.deepEqual(problems, []);
        await page.close();
      });

      test('鲤城区 and 行政服务中心 from a report page: the name\'s parts find it; the filters narrow the results', async () => {
        const { page, problems } = await open('agencies/fengquanqurenminzhengfu/2021/');
        await searchFromHeader(page, '鲤城区');
        assert.ok((await results(page)).hrefs.includes(`${prefix}${LICHENG}`));
        // The search page's own form.
        await page.fill('#search-q', '行政服务中心');
        await page.press('#search-q', 'Enter');
        const all = await results(page);
        assert.ok(all.count >= 3, `${all.count} results`);
        for (const p of ['lichengqu', 'jinjiangshi', 'quangangqu']) assert.ok(all.hrefs.some((h) => h.includes(p)), p);
        // A year: only 2021's reports.
        await page.selectOption('select[name="年度"]', '2021');
        const y2021 = await results(page, all.count - 2);
        assert.ok(y2021.hrefs.every((h) => h.endsWith('/2021/')), y2021.hrefs.join(' '));
        assert.equal(new URL(page.url()).searchParams.get('年度'), '2021');
        // And a province on top: Fujian only.
        await page.selectOption('select[name="年度"]', '');
        await results(page, all.count);
        await page.selectOption('select[name="省份"]', '福建省');
        const fujian = await results(page);
        assert.ok(fujian.count < all.count && fujian.count >= 3, `${fujian.count} of ${all.count}`);
        assert.ok(!fujian.hrefs.some((h) => h.includes('fengquanqu')));
        // The kind of agency: the service centre alone.
        await page.selectOption('select[name="机关类型"]', '中心和事业单位');
        assert.deepEqual((await results(page, 1)).hrefs, [`${prefix}agencies/quangangquxingzhengfuwuzhongxin/2018/`]);
        assert.deepEqual(problems, []);
        await page.close();
      });

      test('a filter from the URL, and a query that finds nothing', async () => {
        const { page, problems } = await open(`search/?q=${encodeURIComponent('行政服务中心')}&${encodeURIComponent('表格版本')}=${encodeURIComponent('旧版（2008—2018）')}`);
        assert.deepEqual((await results(page, 1)).hrefs, [`${prefix}agencies/quangangquxingzhengfuwuzhongxin/2018/`]);
        await page.fill('#search-q', '火星探测器');
        await page.press('#search-q', 'Enter');
        assert.equal((await results(page, 0)).count, 0);
        assert.equal(await page.locator('#search-status').innerText(), '没有找到符合条件的报告。');
        assert.deepEqual(problems, []);
        await page.close();
      });

      test('axe: no serious or critical accessibility violations on the search page with results and filters', async () => {
        const { page } = await open(`search/?q=${encodeURIComponent('行政服务中心')}`);
        await results(page);
        // Evaluated through the DevTools protocol: the page's CSP refuses an inline <script>.
        await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, []);
        await page.close();
      });

      test('without JavaScript the header form still reaches the search page, which says what to do', async () => {
        const { page } = await open('years/', { javaScriptEnabled: false });
        await page.fill('.site-search input[name="q"]', '鲤城');
        await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('.site-search input[name="q"]', 'Enter')]);
        assert.equal(new URL(page.url()).pathname, `${prefix}search/`);
        const text = await page.locator('main').innerText();
        assert.match(text, /搜索需要浏览器启用 JavaScript/);
        for (const [name, href] of [['机关', 'agencies/'], ['年度', 'years/'], ['地区', 'regions/']]) assert.equal(await page.locator('.search-noscript').getByRole('link', { name, exact: true }).getAttribute('href'), `${prefix}${href}`);
        await page.close();
      });
    });
  }
