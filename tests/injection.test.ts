/**
 * Hostile reports: every field a report brings onto the site carries markup that would run script
 * if it reached a page as markup — narrative paragraphs, the title line, the agency name (sidecar
 * `agency:`), table cells, the sidecar's `sourceUrl` and its invalid values, file names, an HTML
 * page's own scripts and handlers. The site built from them is opened in Chromium page by page
 * (every internal link from the home page, and the 404 page) and every link on the report pages is
 * clicked: nothing may run (window.__pwned stays unset, no dialog opens), the Content-Security-Policy
 * reports no violation, no request leaves the site, every chart still draws, and the hostile text
 * shows as text where it belongs. The walk runs three times: as published (CSP enforced), with the
 * CSP bypassed (escaping alone must hold), and on a --path-prefix build (Eleventy re-serialises
 * those pages). The sample site's pages are checked for the CSP <meta> file by file, without a browser.
 *
 * Without Chromium: in CI (CI=true) the browser tests fail; elsewhere they are skipped with a loud warning.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { title } from '../src/archive/site.ts';
import type { Report } from '../src/model/report.ts';
import { chromiumOrBanner, launchChromium, serveSite } from './browser.ts';
import { EMBED_CSP } from '../templates/streamed/embed.tsx';
import { build, sampleText } from './helpers.ts';

/** The policy every HTML page declares (templates/_includes/layout.tsx); changing it should be deliberate. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
/** The search page's: the same, and WebAssembly compilation for Pagefind (never eval), on that page only. */
const SEARCH_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
/** The policy a page must declare, by its path below the site root. */
const cspOf = (path: string) => (/(^|\/)search\/(index\.html)?$/.test(path) ? SEARCH_CSP : CSP);

const PWN = 'window.__pwned=1';
const SCRIPT = `<script>${PWN}</script>`;
const IMG = `<img src=x onerror="${PWN}">`;
const SVG = `"><svg/onload=${PWN}>`;
/** For file names, which cannot hold a slash. */
const SVG_SPACED = `"><svg onload=${PWN}>`;
const ALERT = `<img src=x onerror=alert(document.domain)>`;
const JS_MARKDOWN = `[点此查看](javascript:${PWN})`;
const JS_ANCHOR = `<a href="javascript:${PWN}">原文链接</a>`;
const IFRAME = `<iframe srcdoc="<script>parent.${PWN}</script>"></iframe>`;
const STYLE = `<style>body{display:none}</style><p style="display:none">`;

/** The hostile agency (sidecar `agency:`) of two reports, 2021 and 2022; without spaces, which agency names lose. */
const AGENCY = `凤泉区${SVG}${SCRIPT}人民政府`;
const SOURCE_URL = `https://www.fengquan.gov.cn/xxgk/nb.html?from="><script>${PWN}</script>`;
const FILE_2021 = `凤泉区人民政府-2021${SVG_SPACED}.txt`;
const FILE_LEGACY = `泉港区行政服务中心-2018${ALERT}.txt`;
const FILE_HTML = `晋江市行政服务中心管理委员会-2022${SVG_SPACED}.htm`;

/** `text` with `from` replaced; throws when `from` is not there, so a payload can never silently go missing. */
function plant(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`nothing to replace: ${from}`);
  return out;
}

/** The hostile archive: four reports, two sidecars; every payload planted where the parser keeps it. */
function hostileReports(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-injection-'));
  // 2021 edition: the title line, narrative paragraphs in two sections, two cells of table 3.
  let fengquan = sampleText('凤泉区');
  fengquan = plant(fengquan, '凤泉区人民政府 2021 年政府信息公开工作年度报告', `凤泉区人民政府 2021 年政府信息公开工作年度报告${SCRIPT}`);
  fengquan = plant(fengquan, '2021 年，收到政府信息公开申请', `${IMG}${ALERT}${JS_MARKDOWN} ${JS_ANCHOR} 2021 年，收到政府信息公开申请`);
  fengquan = plant(fengquan, '2021 年度凤泉区人民政府信息公开无收取信息处理费情况。', `2021 年度凤泉区人民政府信息公开无收取信息处理费情况。${IFRAME}${STYLE}${SVG}`);
  fengquan = plant(fengquan, /^(二、上年结转政府信息公开申请数量\t+0\t0\t)0/m, `$1${IMG}`);
  fengquan = plant(fengquan, /^(四、结转下年度继续办理\t+0\t)0/m, `$1${SVG}`);
  writeFileSync(join(dir, FILE_2021), fengquan);
  writeFileSync(join(dir, `${FILE_2021}.meta.yaml`), `agency: ${JSON.stringify(AGENCY)}\nsourceUrl: ${JSON.stringify(SOURCE_URL)}\n`);

  // The same agency's 2022 report, its sidecar with invalid values (quoted back in a finding).
  writeFileSync(join(dir, 'report-2022.txt'), sampleText('泉州市数字'));
  writeFileSync(join(dir, 'report-2022.txt.meta.yaml'), `agency: ${JSON.stringify(AGENCY)}\nyear: 2022\npublishedOn: ${JSON.stringify(IMG)}\n${JSON.stringify(SVG_SPACED)}: 1\n`);

  // A legacy report under a hostile file name, without sidecar (the page names the file).
  writeFileSync(join(dir, FILE_LEGACY), plant(sampleText('泉港区'), '（一）加强组织，健全机构', `（一）加强组织，健全机构${SVG}${JS_MARKDOWN}`));

  // A portal page: its own script, handler and style attributes, and markup written as text (entities).
  let page = readFileSync(join(import.meta.dirname, 'fixtures', 'documents', '003-xxgk-utf8.htm'), 'utf8');
  page = plant(page, '</head>', `${SCRIPT}<style>body{display:none}</style></head>`);
  page = plant(page, '<h3>一、总体情况</h3>', `<h3>一、总体情况</h3><p onclick="${PWN}" style="color:red">&lt;script&gt;${PWN}&lt;/script&gt;${IMG}<a href="javascript:${PWN}">链接</a><svg onload="${PWN}"></svg></p>`);
  writeFileSync(join(dir, FILE_HTML), page);
  return dir;
}

/** Build `reports` into a fresh folder; returns the site folder. */
function buildSite(reports: string | null, prefix?: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-injection-site-')), '_site');
  const built = build([...(reports ? ['--reports', reports] : []), '--out', out, ...(prefix ? ['--path-prefix', prefix] : [])]);
  assert.equal(built.status, 0, built.stderr);
  return out;
}

const htmlFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && e.name !== 'original.html')
    .map((e) => join(e.parentPath, e.name));

/** The <head> as built: <meta charset> first, the CSP <meta> right after it, before anything it governs. */
const HEAD = /^<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

// The sample site, file by file: runs with or without Chromium.
describe('Content-Security-Policy on every page of the sample site', () => {
  for (const prefix of [undefined, '/nianbao/']) {
    test(prefix ? `built with --path-prefix ${prefix}` : 'built as is', () => {
      const root = buildSite(null, prefix);
      const files = htmlFiles(root);
      assert.ok(files.length > 20, `only ${files.length} pages`);
      assert.ok(files.some((f) => f.endsWith('404.html')));
      for (const file of files) {
        const html = readFileSync(file, 'utf8');
        const name = relative(root, file);
        const head = HEAD.exec(html);
        assert.ok(head, `${name}: no CSP <meta> right after <meta charset>`);
        // An embed (templates/streamed/embed.tsx) has its own policy: nothing but its one <style>, by hash.
        if (name.startsWith('embed/')) {
          assert.equal(unescape(head[1]!), EMBED_CSP, name);
          assert.equal(html.match(/<style>/g)?.length, 1, `${name}: one <style>`);
          assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+="/i, `${name}: script, style attribute or handler`);
          continue;
        }
        assert.equal(unescape(head[1]!), cspOf(name), name);
        assert.equal(html.match(/http-equiv="Content-Security-Policy"/g)!.length, 1, `${name}: more than one CSP <meta>`);
        // Nothing the policy would refuse: no inline script, handler, style element or attribute.
        assert.doesNotMatch(html, /<script(?![^>]*\bsrc=")(?![^>]*type="application\/(?:ld\+)?json")/, `${name}: inline script`);
        assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+="/i, `${name}: inline style or event handler`);
      }
    });
  }
});

const { chromiumPath, inCI } = chromiumOrBanner('INJECTION BROWSER TESTS');

/**
 * Installed in every document before its own scripts (through DevTools, so the CSP does not apply):
 * setting window.__pwned logs to the console, so a payload that runs is seen even after the page has
 * navigated away.
 */
const TRAP = `(() => {
  let value;
  Object.defineProperty(window, '__pwned', { configurable: false, get: () => value, set: (v) => { value = v; console.error('PWNED at ' + location.href); } });
})();`;

/** A browser context watching for anything a payload could do. */
async function watchedContext(browser: Browser, origin: string, options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ bypassCSP: options.bypassCSP ?? false });
  const problems: string[] = [];
  const violations: string[] = [];
  /** Navigations that are meant to answer 404. */
  const expected404 = new Set<string>();
  await context.addInitScript({ content: TRAP });
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    else if ((m.type() === 'error' || m.type() === 'warning') && !(expected404.has(m.page()?.url() ?? '') && /status of 404/.test(m.text()))) problems.push(`console ${m.type()} on ${m.page()?.url()}: ${m.text()}`);
  });
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  context.on('dialog', (d) => {
    problems.push(`dialog (${d.type()}): ${d.message()}`);
    void d.dismiss();
  });
  context.on('response', (r) => {
    if (r.status() >= 400 && !expected404.has(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // Nothing may leave the site: such a request is recorded and refused.
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      problems.push(`request off the site: ${route.request().url()}`);
      await route.abort();
    },
  );
  return { context, problems, violations, expected404 };
}

/** What the built HTML of a page holds, read inertly (DOMParser runs nothing): everything that could run or style inline. */
async function inertCheck(page: Page, html: string, path = ''): Promise<string[]> {
  return page.evaluate(
    ({ source, csp }) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const bad: string[] = [];
      const meta = doc.head.children[1];
      if (!(doc.head.children[0]?.matches('meta[charset]') && meta?.matches('meta[http-equiv="Content-Security-Policy"]') && meta.getAttribute('content') === csp)) bad.push('CSP <meta> missing or not right after <meta charset>');
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        for (const name of el.getAttributeNames()) if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') bad.push(`<${tag} ${name}>`);
        // The one form a page may hold: the site's search box (a GET form to the search page, in the header or on the search page).
        // (No helper function here: this runs in the page, where the test runner's name-keeping helper does not exist.)
        const searchBox = tag === 'form' && /^(site-search|search-form)$/.test(el.className) && el.getAttribute('method') === 'get' && /^\/(\w+\/)?search\/$/.test(el.getAttribute('action') ?? '');
        if (['img', 'svg', 'iframe', 'frame', 'object', 'embed', 'style', 'base', 'form', 'math', 'video', 'audio'].includes(tag) && !searchBox) bad.push(`<${tag}>`);
        // Data, never run: a chart's spec, an agency page's comparison (its agencies' report.json files), and a report page's schema.org Dataset (JSON-LD).
        const data = (el.getAttribute('type') === 'application/json' && (el.classList.contains('chart-spec') || el.classList.contains('compare-spec'))) || el.getAttribute('type') === 'application/ld+json';
        if (tag === 'script' && !data && !/^\/(\w+\/)?assets\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? '')) bad.push(`<script> ${el.outerHTML.slice(0, 80)}`);
        if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') bad.push('<meta refresh>');
        for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
          const value = el.getAttribute(attr);
          if (value === null) continue;
          const protocol = new URL(value, 'http://site.test/').protocol;
          if (!(protocol === 'http:' || protocol === 'https:' || (tag === 'link' && value === 'data:,'))) bad.push(`<${tag} ${attr}="${value.slice(0, 60)}">`);
        }
      }
      return bad;
    },
    { source: html, csp: cspOf(path) },
  );
}

interface Walked {
  /** Every page visited (path), with its content type. */
  pages: Map<string, string>;
  /** Report pages (path). */
  reports: string[];
  /** Links with `download` seen (href), never walked: they are files to save. */
  downloads: Set<string>;
  /** Links that leave the site (href as written). */
  external: Set<string>;
}

/** Open every page reachable by internal links from `start` (and the 404 page); check each as it loads. */
async function walk(page: Page, origin: string, start: string, expected404: Set<string>): Promise<Walked> {
  const out: Walked = { pages: new Map(), reports: [], downloads: new Set(), external: new Set() };
  const queue = [start];
  const missing = `${origin}${start}no/such/page/`;
  expected404.add(missing);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (out.pages.has(next)) continue;
    const url = `${origin}${next}`;
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.ok(response, url);
    assert.equal(response.status(), 200, url);
    const type = response.headers()['content-type'] ?? '';
    out.pages.set(next, type);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `${next}: a payload ran`);
    if (!type.startsWith('text/html')) continue;
    assert.deepEqual(await inertCheck(page, await response.text(), next), [], next);
    // Every chart draws, hostile labels or not.
    const charts = await page.locator('figure.chart').evaluateAll((els) => els.map((e) => `${e.id}:${e.getAttribute('data-drawn')}`));
    assert.deepEqual(charts.filter((c) => !c.endsWith(':true')), [], `${next}: charts not drawn`);
    if (await page.locator('article.report').count()) out.reports.push(next);
    const links = await page.locator('a[href]').evaluateAll((as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, written: a.getAttribute('href')!, download: a.hasAttribute('download') })),
    );
    for (const l of links) {
      const target = new URL(l.href);
      if (target.origin !== origin) out.external.add(l.written);
      else if (l.download) out.downloads.add(target.pathname);
      else queue.push(target.pathname);
    }
  }
  // The 404 page, as a web server answers a wrong address.
  const response = await page.goto(missing, { waitUntil: 'load' });
  assert.equal(response?.status(), 404);
  assert.deepEqual(await inertCheck(page, await response!.text()), [], '404 page');
  assert.equal(await page.locator('h1').innerText(), '未找到页面');
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, '404 page: a payload ran');
  for (const href of await page.locator('a[href]:not([href^="#"])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) assert.ok(out.pages.has(href), `404 page links ${href}, which is not on the site`);
  return out;
}

if (!chromiumPath && !inCI) test('hostile reports in Chromium', { skip: 'no Chromium: apt-get install -y chromium' }, () => {});
else
  describe('hostile reports in Chromium', () => {
    let browser: Browser;
    let reports: string;
    let plain: { url: string; close: () => Promise<void> };
    let prefixed: { url: string; close: () => Promise<void> };
    /** Report pages by what they hold, from the site's own index. */
    const pageOf: Record<'y2021' | 'y2022' | 'legacy' | 'html', string> = { y2021: '', y2022: '', legacy: '', html: '' };

    before(async () => {
      assert.ok(chromiumPath, 'CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y chromium`');
      reports = hostileReports();
      const root = buildSite(reports);
      const index = JSON.parse(readFileSync(join(root, 'data', 'index.json'), 'utf8')) as { agency: string; year: number; url: string }[];
      assert.equal(index.length, 4, JSON.stringify(index));
      const find = (agency: string, year: number) => index.find((e) => e.agency === agency && e.year === year)?.url ?? assert.fail(`no ${agency} ${year} in ${JSON.stringify(index)}`);
      pageOf.y2021 = find(AGENCY, 2021);
      pageOf.y2022 = find(AGENCY, 2022);
      pageOf.legacy = find('泉港区行政服务中心', 2018);
      pageOf.html = find('晋江市行政服务中心管理委员会', 2022);
      plain = await serveSite(root);
      prefixed = await serveSite(buildSite(reports, '/nianbao/'), '/nianbao/');
      browser = await launchChromium(chromiumPath);
    });
    after(async () => {
      await browser?.close();
      await plain?.close();
      await prefixed?.close();
    });

    for (const run of [
      { name: 'CSP enforced', prefix: '/', bypassCSP: false },
      { name: 'CSP bypassed: the escaping alone holds', prefix: '/', bypassCSP: true },
      { name: 'built with --path-prefix /nianbao/', prefix: '/nianbao/', bypassCSP: false },
    ]) {
      test(`every page (${run.name}): nothing runs, no violation, nothing leaves the site, charts draw`, async () => {
        const site = run.prefix === '/' ? plain : prefixed;
        const { context, problems, violations, expected404 } = await watchedContext(browser, site.url, { bypassCSP: run.bypassCSP });
        const page = await context.newPage();
        const walked = await walk(page, site.url, run.prefix, expected404);
        await context.close();
        assert.deepEqual(problems, []);
        assert.deepEqual(violations, []);
        // Home, agencies ×4 pages (list + 3), years, regions, data, 4 reports with their JSON and text …
        assert.equal(walked.reports.length, 4, [...walked.pages.keys()].join('\n'));
        assert.ok(walked.pages.size > 25, `only ${walked.pages.size} pages`);
        for (const [path, type] of walked.pages) if (/\/(report\.json|source\.txt|index\.json)$/.test(path)) assert.doesNotMatch(type, /html/, path);
        // The one link off the site is the sidecar's source address, as written; the downloads are the portal page and the bulk data.
        assert.deepEqual([...walked.external], [SOURCE_URL]);
        const data = [...walked.downloads].filter((d) => d.startsWith(`${run.prefix}data/`));
        assert.ok(data.includes(`${run.prefix}data/reports.csv`) && data.includes(`${run.prefix}data/nianbao.sqlite`), data.join(' '));
        assert.deepEqual([...walked.downloads].filter((d) => !data.includes(d)), [`${run.prefix}${pageOf.html.slice(1)}original.html.txt`]);
      });
    }

    test('every link on the report pages clicked: nothing runs, nothing leaves the site', async () => {
      const { context, problems, violations } = await watchedContext(browser, plain.url);
      // The walk above draws every chart; here only the links matter, and chart.js on every page a click lands on would triple the time.
      await context.route(`${plain.url}/assets/chart.umd.min.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      /** Click each link of one report page, coming back after each; returns how many were clicked. */
      async function clickAll(path: string): Promise<number> {
        const page = await context.newPage();
        const url = `${plain.url}${path}`;
        await page.goto(url, { waitUntil: 'load' });
        const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.hasAttribute('download') })));
        assert.ok(links.length > 20, `${path}: ${links.length} links`);
        // Links carry nothing but their address (the walk checks: no handlers), so one click per address will do.
        const seen = new Set<string>();
        for (const [i, link] of links.entries()) {
          const target = new URL(link.href);
          if (target.origin !== plain.url) continue; // the source address: stay on the site
          if (seen.has(`${link.download} ${link.href}`)) continue;
          seen.add(`${link.download} ${link.href}`);
          if (page.url().split('#')[0] !== url) await page.goBack({ waitUntil: 'load' });
          assert.equal(page.url().split('#')[0], url);
          const a = page.locator('a[href]').nth(i);
          // A real click; the skip link sits off screen until focused, so it is activated from the keyboard.
          const box = await a.boundingBox();
          const activate = box && box.x >= 0 ? () => a.click() : async () => (await a.focus(), await page.keyboard.press('Enter'));
          if (link.download) {
            const [download] = await Promise.all([page.waitForEvent('download'), activate()]);
            assert.equal(download.url(), link.href);
            await download.cancel();
          } else if (target.pathname === new URL(url).pathname) {
            await activate();
            await page.waitForFunction((hash) => location.hash === hash, target.hash);
          } else {
            await Promise.all([page.waitForURL((u) => u.pathname === target.pathname, { waitUntil: 'load' }), activate()]);
          }
          assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `${path} → ${link.href}: a payload ran`);
        }
        await page.close();
        return seen.size;
      }
      const clicked = await Promise.all(Object.values(pageOf).map(clickAll));
      await context.close();
      assert.ok(clicked.every((n) => n > 15), `links clicked per report page: ${clicked.join(', ')}`);
      assert.deepEqual(problems, []);
      assert.deepEqual(violations, []);
    });

    test('search (the index holds the hostile text): results and excerpts are text, nothing runs, no violation', async () => {
      for (const [site, prefix] of [[plain, '/'], [prefixed, '/nianbao/']] as const) {
        const { context, problems, violations } = await watchedContext(browser, site.url);
        const page = await context.newPage();
        for (const q of ['收到政府信息公开申请', '加强组织', '凤泉区', 'script', 'onerror']) {
          await page.goto(`${site.url}${prefix}search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
          await page.waitForFunction(() => {
            const count = document.getElementById('search-status')?.dataset['count'];
            return count !== undefined && document.querySelectorAll('#search-results li').length === Math.min(Number(count), 20);
          });
          assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `${q}: a payload ran`);
          // Only the script's own elements: links, text and <mark>.
          assert.equal(await page.locator('#search-results').locator('img, svg, iframe, style, script, [onclick], [onerror], [onload], [style], a[href^="javascript:"]').count(), 0, q);
        }
        // The hostile agency's reports are found by its name, which reads as written (markup as text).
        await page.goto(`${site.url}${prefix}search/?q=${encodeURIComponent('凤泉区')}`, { waitUntil: 'load' });
        await page.waitForFunction(() => Number(document.getElementById('search-status')?.dataset['count']) >= 2 && document.querySelectorAll('#search-results li').length >= 2);
        const metas = await page.locator('#search-results .result-meta').allTextContents();
        assert.ok(metas.some((m) => m.startsWith(AGENCY)), metas.join('\n'));
        await context.close();
        assert.deepEqual(problems, []);
        assert.deepEqual(violations, []);
      }
    });

    test('the hostile text shows as text where it belongs', async () => {
      const { context, problems, violations } = await watchedContext(browser, plain.url);
      const page = await context.newPage();
      const text = (selector: string) => page.locator(selector).first().evaluate((e) => e.textContent ?? '');
      /** Open a report page; its heading and every finding message must read exactly as report.json has them. */
      async function openReport(path: string): Promise<Report> {
        await page.goto(`${plain.url}${path}`, { waitUntil: 'load' });
        const report = (await (await fetch(`${plain.url}${path}report.json`)).json()) as Report;
        assert.equal(await text('h1'), title(report), path);
        const main = await text('main');
        for (const f of report.findings) assert.ok(main.includes(f.message), `${path}: finding ${f.code} not shown as written: ${f.message}`);
        assert.equal(await page.locator('a[href^="javascript:"], img, svg, iframe, style, [onclick], [onerror], [onload]').count(), 0, path);
        return report;
      }

      const y2021 = await openReport(pageOf.y2021);
      // The agency (sidecar): heading, page title, metadata, citation tags, breadcrumbs.
      assert.equal(y2021.agency.name, AGENCY);
      assert.ok((await text('h1')).startsWith(AGENCY));
      assert.ok((await page.title()).startsWith(`${AGENCY}2021年`), await page.title());
      assert.equal(await text('dl.meta dd a'), AGENCY);
      assert.equal(await page.locator('meta[name="citation_author"]').getAttribute('content'), AGENCY);
      assert.equal(await page.locator('nav.breadcrumbs li').nth(-2).textContent(), AGENCY);
      // The sidecar's source address: the link goes exactly there and says so.
      const source = page.locator('dl.meta a[rel="external"]');
      assert.equal(await source.getAttribute('href'), SOURCE_URL);
      assert.equal(await source.textContent(), SOURCE_URL);
      // Narrative paragraphs, every payload verbatim.
      const overview = await text('#overview .narrative');
      for (const p of [IMG, ALERT, JS_MARKDOWN, JS_ANCHOR]) assert.ok(overview.includes(p), `overview lacks ${p}`);
      const other = await text('#other .narrative');
      for (const p of [IFRAME, STYLE, SVG]) assert.ok(other.includes(p), `section 六 lacks ${p}`);
      // Table 3 cells keep what they said.
      assert.equal(await page.locator('td[data-cell="requests.rows.carriedOver.research"]').evaluate((td) => td.firstChild?.textContent), IMG);
      assert.equal(await page.locator('td[data-cell="requests.rows.carriedForward.commercial"]').evaluate((td) => td.firstChild?.textContent), SVG);
      // The title line is not taken as the title (it is not one); a finding quotes it, as text.
      assert.ok(y2021.findings.some((f) => f.message.includes(SCRIPT)), 'no finding quotes the title line');

      const y2022 = await openReport(pageOf.y2022);
      assert.equal(await text('dl.meta dd a'), AGENCY);
      // The invalid sidecar values are dropped, and the finding that says so is shown (checked above).
      assert.ok(y2022.findings.some((f) => f.code === 'sidecar-invalid'));
      assert.notEqual(y2022.publishedOn, IMG);
      assert.equal(await page.locator('a[rel="prev"]').textContent(), '← 2021 年度');

      await openReport(pageOf.legacy);
      assert.ok((await text('dl.meta')).includes(`档案文件 ${FILE_LEGACY}`), await text('dl.meta'));
      assert.ok((await text('#overview .narrative')).includes(`${SVG}${JS_MARKDOWN}`));

      await openReport(pageOf.html);
      assert.ok((await text('dl.meta')).includes(`档案文件 ${FILE_HTML}`), await text('dl.meta'));
      // Markup the portal wrote as text stays text; its real tags, handlers and scripts are gone.
      assert.ok((await text('#overview .narrative')).includes(SCRIPT));

      // Lists and the agency's own page.
      await page.goto(`${plain.url}${pageOf.y2021.replace(/2021\/$/, '')}`, { waitUntil: 'load' });
      assert.equal(await text('h1'), AGENCY);
      assert.ok((await page.locator('figure.chart table.chart-data').count()) > 0);
      await page.goto(`${plain.url}/years/2022/`, { waitUntil: 'load' });
      assert.ok((await page.locator('table.reports a').allTextContents()).includes(AGENCY));
      await page.goto(`${plain.url}/agencies/`, { waitUntil: 'load' });
      assert.ok((await page.locator('main a').allTextContents()).includes(AGENCY));
      await context.close();
      assert.deepEqual(problems, []);
      assert.deepEqual(violations, []);
    });

    test('the embeds of the hostile reports: the names show as text, nothing runs, no violation, nothing leaves the site', async () => {
      const { context, problems, violations } = await watchedContext(browser, plain.url);
      const page = await context.newPage();
      for (const path of [pageOf.y2021, pageOf.y2022, pageOf.y2021.replace(/2021\/$/, '')]) {
        const embed = path.replace(/^\/agencies\//, '/embed/');
        const response = await page.goto(`${plain.url}${embed}`, { waitUntil: 'load' });
        assert.equal(response?.status(), 200, embed);
        assert.ok((await page.locator('article.card').textContent())!.includes(AGENCY), embed);
        assert.equal(await page.locator('script, img, svg, iframe, [onclick], [onerror], [onload]').count(), 0, embed);
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `${embed}: a payload ran`);
      }
      await context.close();
      assert.deepEqual(problems, []);
      assert.deepEqual(violations, []);
    });

    test('the policy is in force: inline script and style the test itself adds are refused and reported', async () => {
      const { context, problems, violations } = await watchedContext(browser, plain.url);
      const page = await context.newPage();
      await page.goto(`${plain.url}${pageOf.y2021}`, { waitUntil: 'load' });
      const result = await page.evaluate(async () => {
        const seen: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.head.append(script);
        const p = document.createElement('p');
        p.setAttribute('style', 'color: rgb(255, 0, 0)');
        p.textContent = 'x';
        document.body.append(p);
        const a = document.createElement('a');
        a.href = 'javascript:window.__inline=2';
        document.body.append(a);
        a.click();
        await new Promise((r) => setTimeout(r, 200));
        return { inline: (window as unknown as { __inline?: unknown }).__inline, colour: getComputedStyle(p).color, seen: seen.sort() };
      });
      await context.close();
      assert.equal(result.inline, undefined);
      assert.notEqual(result.colour, 'rgb(255, 0, 0)');
      assert.deepEqual(result.seen, ['script-src-elem', 'script-src-elem', 'style-src-attr'].sort());
      assert.equal(violations.length, 3, violations.join('\n'));
      assert.deepEqual(problems, []);
    });

    // An HTML report's original is served as text (original.html.txt, saved as original.html): a reader
    // who opens its address sees the page's source, and none of its scripts run on the archive's origin.
    test('the original of an HTML report, opened directly, runs none of its scripts', async () => {
      const { context, problems } = await watchedContext(browser, plain.url);
      const page = await context.newPage();
      await page.goto(`${plain.url}${pageOf.html}original.html.txt`, { waitUntil: 'load' });
      const ran = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      await context.close();
      assert.equal(ran, undefined, problems.join('\n'));
    });
  });
