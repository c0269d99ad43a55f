/**
 * Embeds, share code and the Dataset JSON-LD (src/archive/embed.ts, src/archive/dataset.ts,
 * templates/streamed/embed.tsx): the figures of sample reports checked by hand against their text,
 * URLs with and without --site-url and --path-prefix, escaping of hostile names, and the embed's
 * own CSP (its one style allowed by hash, nothing else).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { absoluteUrl, addressProblem, linkUrl, NO_ADDRESS, shownUrl } from '../src/archive/address.ts';
import { agencyEmbed, agencyShareCode, embedFigures, EMBED_YEARS, percent, reportEmbed, reportShareCode } from '../src/archive/embed.ts';
import { ldJson, licenceOf, reportDataset } from '../src/archive/dataset.ts';
import { buildSiteModel, reportPage, title } from '../src/archive/site.ts';
import { renderAgencyEmbed, renderReportEmbed } from '../templates/streamed/embed.tsx';
import { renderReport } from '../templates/streamed/report.tsx';
import { renderAgency } from '../templates/streamed/agency.tsx';
import { jsxToHtml } from '../src/build/jsx.ts';
import type { Report } from '../src/model/report.ts';
import { parseText, sampleText } from './helpers.ts';

const fengquan = parseText(sampleText('凤泉区'), '凤泉区人民政府-2021.txt');
const quangang = parseText(sampleText('泉港区'), '泉港区行政服务中心-2018.txt');
const SITE = { siteUrl: 'https://example.org/nianbao', prefix: '/nianbao/' };
const PREFIXED = { siteUrl: null, prefix: '/nianbao/' };

test('URLs: absolute with the site URL; without, a path for attributes and the prefixed path for text', () => {
  assert.equal(absoluteUrl(NO_ADDRESS, '/a/'), null);
  assert.equal(linkUrl(SITE, '/a/'), 'https://example.org/nianbao/a/');
  assert.equal(linkUrl(PREFIXED, '/a/'), '/a/');
  assert.equal(shownUrl(PREFIXED, '/a/'), '/nianbao/a/');
  assert.equal(shownUrl(NO_ADDRESS, '/a/'), '/a/');
  assert.equal(addressProblem('https://example.org/nianbao', '/nianbao/'), null);
  assert.equal(addressProblem('https://example.org', '/'), null);
  assert.match(addressProblem('https://example.org', '/nianbao/')!, /does not end in the --path-prefix/);
});

test('embed figures of 凤泉区 2021, as its text says (table 3 lines 49, 51, 72; table 4 line 80)', () => {
  // 「一、本年新收政府信息公开申请数量 … 12」「（一）予以公开 … 10」「（七）总计 … 12」;
  // table 4: 行政复议 总计 2, 未经复议直接起诉 总计 2, 复议后起诉 总计 0.
  const f = embedFigures(fengquan, SITE);
  assert.deepEqual(f, { year: 2021, received: 12, granted: 10, handled: 12, share: '83.3%', reviews: 2, lawsuits: 2, legacy: false, pageUrl: 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/' });
  const e = reportEmbed(fengquan, NO_ADDRESS);
  assert.equal(e.url, '/embed/fengquanqu-renminzhengfu/2021/');
  assert.equal(e.pageUrl, '/agencies/fengquanqu-renminzhengfu/2021/');
  assert.equal(e.heading, '凤泉区人民政府 2021 年度政府信息公开');
});

test('a legacy report (泉港区 2018) takes its figures from the appendix; no share of nothing handled', () => {
  // 「受理政府信息公开申请总数 0」「对申请的答复总数 0」「同意公开答复数 0」「行政复议数 0」「行政诉讼数 0」.
  const f = embedFigures(quangang, NO_ADDRESS);
  assert.deepEqual({ ...f, pageUrl: undefined }, { year: 2018, received: 0, granted: 0, handled: 0, share: null, reviews: 0, lawsuits: 0, legacy: true, pageUrl: undefined });
});

test('percent: one decimal, the same figures always the same text; none without a whole', () => {
  assert.equal(percent(10, 12), '83.3%');
  assert.equal(percent(1, 3), '33.3%');
  assert.equal(percent(2, 3), '66.7%');
  assert.equal(percent(1, 8), '12.5%');
  assert.equal(percent(5, 5), '100.0%');
  assert.equal(percent(0, 0), null);
  assert.equal(percent(null, 5), null);
  assert.equal(percent(5, null), null);
});

test('an agency embed shows its last five years, oldest first', () => {
  const years = Array.from({ length: 7 }, (_, k): Report => ({ ...fengquan, year: 2015 + k, id: `fengquanqu-renminzhengfu/${2015 + k}` }));
  const e = agencyEmbed('fengquanqu-renminzhengfu', '凤泉区人民政府', years, SITE);
  assert.equal(EMBED_YEARS, 5);
  assert.deepEqual(e.rows.map((r) => r.year), [2017, 2018, 2019, 2020, 2021]);
  assert.equal(e.url, '/embed/fengquanqu-renminzhengfu/');
  assert.equal(e.pageUrl, 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/');
  assert.equal(e.rows[4]!.pageUrl, 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/');
});

test('share code: the permanent URL, an iframe and a link; absolute with the site URL, prefixed without; names escaped', () => {
  const s = reportShareCode(fengquan, title(fengquan), SITE);
  assert.equal(s.permanent, 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/');
  assert.equal(s.href, s.permanent);
  assert.equal(s.iframe, '<iframe src="https://example.org/nianbao/embed/fengquanqu-renminzhengfu/2021/" title="凤泉区人民政府 2021 年政府信息公开工作年度报告" width="360" height="300" loading="lazy"></iframe>');
  assert.equal(s.link, '<a href="https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/">凤泉区人民政府 2021 年政府信息公开工作年度报告</a>');
  const p = reportShareCode(fengquan, title(fengquan), PREFIXED);
  assert.equal(p.permanent, '/nianbao/agencies/fengquanqu-renminzhengfu/2021/');
  assert.equal(p.href, '/agencies/fengquanqu-renminzhengfu/2021/');
  assert.match(p.iframe, /^<iframe src="\/nianbao\/embed\/fengquanqu-renminzhengfu\/2021\/"/);
  const a = agencyShareCode('x', '甲"乙<丙>&丁', NO_ADDRESS);
  assert.equal(a.link, '<a href="/agencies/x/">甲&quot;乙&lt;丙&gt;&amp;丁历年政府信息公开工作年度报告</a>');
  assert.match(a.iframe, /^<iframe src="\/embed\/x\/" title="甲&quot;乙&lt;丙&gt;&amp;丁历年政府信息公开工作年度报告"/);
});

/** The embed's HTML: its CSP allows exactly its one <style>, by hash; no script, nothing from elsewhere. */
function checkEmbed(html: string, link: string) {
  assert.ok(Buffer.byteLength(html) <= 20_000, `${Buffer.byteLength(html)} bytes`);
  assert.ok(!/<script/i.test(html));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]!);
  assert.equal(styles.length, 1);
  assert.equal(csp, `default-src 'none'; style-src 'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'; base-uri 'none'; form-action 'none'`);
  assert.ok(!/frame-ancestors|X-Frame-Options/i.test(html));
  assert.deepEqual([...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]), [link]);
  assert.ok(html.includes(`<a href="${link}" target="_blank" rel="noopener">`));
}

test('the report embed: the card, its CSP, one link out (to the full page), small', () => {
  const html = jsxToHtml(renderReportEmbed(reportEmbed(fengquan, SITE)));
  checkEmbed(html, 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/');
  for (const text of ['凤泉区人民政府 2021 年度政府信息公开', '本年新收申请', '<dd>12 件</dd>', '83.3%', '予以公开 10 件 ÷ 办理结果总计 12 件', '行政复议', '行政诉讼', '<meta name="robots" content="noindex">']) assert.ok(html.includes(text), text);
  const legacy = jsxToHtml(renderReportEmbed(reportEmbed(quangang, NO_ADDRESS)));
  checkEmbed(legacy, '/agencies/quangangqu-xingzheng-fuwu-zhongxin/2018/');
  assert.ok(legacy.includes('同意公开答复 0 件 ÷ 答复总数 0 件'));
});

test('the agency embed: a table of years, one link out; a hostile name stays text', () => {
  const { agencies } = buildSiteModel([fengquan]);
  const page = agencies[0]!.page(SITE);
  const html = jsxToHtml(renderAgencyEmbed(page.embed));
  checkEmbed(html, 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/');
  assert.match(html, /<th scope="row">2021<\/th><td>12<\/td><td>10<\/td><td>83.3%<\/td><td>2<\/td><td>2<\/td>/);
  const bad = jsxToHtml(renderAgencyEmbed(agencyEmbed('x', '</style><script>alert(1)</script>', [fengquan], NO_ADDRESS)));
  assert.ok(!bad.includes('<script>'));
  assert.ok(bad.includes('&lt;/style&gt;&lt;script&gt;'));
});

test('Dataset JSON-LD: the report as schema.org wants it, URLs absolute with the site URL', () => {
  const d = reportDataset(fengquan, SITE);
  assert.equal(d['@type'], 'Dataset');
  assert.equal(d.name, '凤泉区人民政府 2021 年政府信息公开工作年度报告');
  assert.equal(d.url, 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/');
  assert.equal(d.identifier, 'fengquanqu-renminzhengfu/2021');
  assert.equal(d.temporalCoverage, '2021');
  assert.deepEqual(d.spatialCoverage, { '@type': 'Place', name: '河南省 新乡市 凤泉区', identifier: { '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: '410704' } });
  assert.deepEqual(d.creator, { '@type': 'GovernmentOrganization', name: '凤泉区人民政府', url: 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/' });
  assert.equal(d.isAccessibleForFree, true);
  assert.equal(d.license, undefined);
  assert.deepEqual(d.distribution.map((x) => [x.encodingFormat, x.contentUrl]), [
    ['application/json', 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/report.json'],
    ['text/plain', 'https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/source.txt'],
  ]);
  // A PDF report offers its original; a licence, once the site names one, is carried.
  const pdf: Report = { ...fengquan, source: { ...fengquan.source, format: 'pdf' } };
  const withPdf = reportDataset(pdf, NO_ADDRESS, { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
  assert.deepEqual(withPdf.distribution.at(-1), { '@type': 'DataDownload', name: '原始文件（PDF）', encodingFormat: 'application/pdf', contentUrl: '/agencies/fengquanqu-renminzhengfu/2021/original.pdf' });
  assert.equal(withPdf.license, 'https://creativecommons.org/licenses/by/4.0/');
  assert.equal(reportDataset({ ...fengquan, publishedOn: '2022-01-20' }, NO_ADDRESS).datePublished, '2022-01-20');
  // From reports/site.yaml: a licence with a URL is the Dataset's; one in words only is not (schema.org wants a URL).
  assert.deepEqual(licenceOf({ licence: '数据依 CC BY 4.0 发布', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/' }), { name: '数据依 CC BY 4.0 发布', url: 'https://creativecommons.org/licenses/by/4.0/' });
  assert.equal(licenceOf({ licence: '仅供研究使用' }), null);
});

test('Dataset JSON-LD on the page: report text cannot close the script; the JSON reads back whole', () => {
  const hostile: Report = { ...fengquan, title: '</script><script>alert(1)</script><!--' };
  const html = jsxToHtml(renderReport(reportPage(hostile, null, null, '', SITE)));
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  assert.equal(scripts.length, 1);
  assert.ok(!scripts[0]!.includes('<'));
  assert.deepEqual(JSON.parse(scripts[0]!), JSON.parse(JSON.stringify(reportDataset(hostile, SITE))));
  assert.equal(JSON.parse(scripts[0]!).name, '</script><script>alert(1)</script><!--');
  assert.ok(!html.includes('<script>alert(1)'));
  assert.equal(ldJson({ a: '</script>' }), '{"a":"\\u003c/script>"}');
  // The canonical link is absolute with the site URL, the path without.
  assert.ok(html.includes('<link rel="canonical" href="https://example.org/nianbao/agencies/fengquanqu-renminzhengfu/2021/">'));
  assert.ok(jsxToHtml(renderReport(reportPage(fengquan, null, null, ''))).includes('<link rel="canonical" href="/agencies/fengquanqu-renminzhengfu/2021/">'));
});

test('the report and agency pages offer the share code, as the reader copies it (textarea text)', () => {
  const html = jsxToHtml(renderReport(reportPage(fengquan, null, null, '', SITE)));
  assert.ok(html.includes('<h2 id="share-h">链接与嵌入</h2>'));
  assert.ok(html.includes('<textarea id="share-iframe" readonly rows="3">&lt;iframe src=&quot;https://example.org/nianbao/embed/fengquanqu-renminzhengfu/2021/&quot;'));
  assert.ok(html.includes('<link rel="icon" href="/favicon.ico">'));
  assert.ok(html.includes('<link rel="alternate" type="application/atom+xml" title="新增和更新的报告" href="/feed.xml">'));
  const { agencies } = buildSiteModel([fengquan]);
  const agency = jsxToHtml(renderAgency(agencies[0]!.page(PREFIXED)));
  assert.ok(agency.includes('<textarea id="share-iframe" readonly rows="3">&lt;iframe src=&quot;/nianbao/embed/fengquanqu-renminzhengfu/&quot;'));
  assert.ok(agency.includes('永久网址：<a href="/agencies/fengquanqu-renminzhengfu/">/nianbao/agencies/fengquanqu-renminzhengfu/</a>'));
});
