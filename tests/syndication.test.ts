/**
 * The sitemap, the Atom feed and robots.txt (src/archive/syndication.ts, src/render/syndication.ts):
 * URLs, dates, order, the feed's cap, the sitemap index past its limit, XML escaping — on the samples'
 * model, with dates from the record of published URLs where it has them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSiteModel } from '../src/archive/site.ts';
import { feedEntries, sitemapEntries, type DateOf } from '../src/archive/syndication.ts';
import { atomFeed, robotsTxt, rfc3339, sitemapFiles, uuidV5, xmlEscape } from '../src/render/syndication.ts';
import type { Report } from '../src/model/report.ts';
import { parseText, sampleText } from './helpers.ts';
import { xmlProblem } from './xml.ts';

const samples = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'].map((s) => parseText(sampleText(s), `${s}.txt`));
const { site, jobs } = buildSiteModel(samples);
const SITE = 'https://example.org/nianbao';
const address = { siteUrl: SITE, prefix: '/nianbao/' };
/** publishedOn only (no record of published URLs yet). */
const published: DateOf = (_url, r) => r.publishedOn;
/** The record says 凤泉区 2021 (which prints no date) changed on 2024-03-01. */
const FENGQUAN = '/agencies/fengquanqu-renminzhengfu/2021/';
const withHistory: DateOf = (url, r) => (url === FENGQUAN ? '2024-03-01' : r.publishedOn);

test('sitemap: every report, agency, year, region and index page, by path, each with its date', () => {
  const entries = sitemapEntries(site, jobs, published);
  const paths = entries.map((e) => e.path);
  assert.deepEqual(paths, [...paths].sort());
  for (const j of jobs) assert.ok(paths.includes(`/agencies/${j.report.id}/`), j.report.id);
  for (const p of ['/', '/agencies/', '/years/', '/regions/', '/data/', '/agencies/fengquanqu-renminzhengfu/', '/years/2021/', '/regions/350500/', '/regions/410704/']) assert.ok(paths.includes(p), p);
  // (and 12 comparison pages of a region in a year, and the methodology page)
  assert.equal(entries.length, 5 + 5 + 5 + 3 + 8 + 12 + 1);
  assert.ok(!paths.some((p) => p.startsWith('/embed/')));
  const at = (p: string) => entries.find((e) => e.path === p)!.lastmod;
  // A report: its publishedOn; none printed, no lastmod.
  assert.equal(at('/agencies/jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui/2022/'), '2023-01-03');
  assert.equal(at(FENGQUAN), null);
  // A list: the latest of its reports'.
  assert.equal(at('/years/2021/'), '2022-01-07');
  assert.equal(at('/regions/350500/'), '2023-01-03');
  assert.equal(at('/regions/410704/'), null);
  assert.equal(at('/'), '2023-01-03');
  // The record of published URLs comes first, and lifts the lists it is in.
  const h = sitemapEntries(site, jobs, withHistory);
  assert.equal(h.find((e) => e.path === FENGQUAN)!.lastmod, '2024-03-01');
  assert.equal(h.find((e) => e.path === '/years/2021/')!.lastmod, '2024-03-01');
  assert.equal(h.find((e) => e.path === '/')!.lastmod, '2024-03-01');
});

test('sitemap XML: absolute URLs; past the limit an index of sitemaps/sitemap-N.xml, each dated by its newest URL', () => {
  const entries = sitemapEntries(site, jobs, published);
  const one = sitemapFiles(SITE, entries);
  assert.deepEqual([...one.keys()], ['sitemap.xml']);
  const xml = one.get('sitemap.xml')!;
  assert.equal(xmlProblem(xml), null);
  assert.equal([...xml.matchAll(/<loc>/g)].length, entries.length);
  assert.ok([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].every(([, loc]) => loc!.startsWith(`${SITE}/`)));
  assert.match(xml, /<url><loc>https:\/\/example\.org\/nianbao\/agencies\/jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui\/2022\/<\/loc><lastmod>2023-01-03<\/lastmod><\/url>/);
  assert.match(xml, /<url><loc>https:\/\/example\.org\/nianbao\/agencies\/fengquanqu-renminzhengfu\/2021\/<\/loc><\/url>/);

  const split = sitemapFiles(SITE, entries, 15);
  assert.deepEqual([...split.keys()], ['sitemap.xml', 'sitemaps/sitemap-1.xml', 'sitemaps/sitemap-2.xml', 'sitemaps/sitemap-3.xml']);
  for (const [name, text] of split) assert.equal(xmlProblem(text), null, name);
  const index = split.get('sitemap.xml')!;
  assert.match(index, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  assert.deepEqual([...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]), [1, 2, 3].map((k) => `${SITE}/sitemaps/sitemap-${k}.xml`));
  const counts = [1, 2, 3].map((k) => [...split.get(`sitemaps/sitemap-${k}.xml`)!.matchAll(/<url>/g)].length);
  assert.deepEqual(counts, [15, 15, entries.length - 30]);
  // Each part's date is the newest of its URLs'.
  for (const k of [1, 2, 3]) {
    const dates = [...split.get(`sitemaps/sitemap-${k}.xml`)!.matchAll(/<lastmod>([^<]*)<\/lastmod>/g)].map((m) => m[1]!).sort();
    const stated = new RegExp(`sitemap-${k}\\.xml</loc><lastmod>([^<]*)</lastmod>`).exec(index)?.[1];
    assert.equal(stated, dates.at(-1));
  }
});

test('feed entries: newest first by the record, then publishedOn, same date by URL; undated left out; capped', () => {
  const plain = feedEntries(jobs, published, address);
  assert.deepEqual(plain.map((e) => [e.path, e.updated]), [
    ['/agencies/jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui/2022/', '2023-01-03'],
    ['/agencies/quanzhoushi-shuzi-quanzhou-jianshe-bangongshi/2021/', '2022-01-07'],
    ['/agencies/lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui/2021/', '2022-01-05'],
    ['/agencies/quangangqu-xingzheng-fuwu-zhongxin/2018/', '2019-02-18'],
  ]);
  const recorded = feedEntries(jobs, withHistory, address);
  assert.equal(recorded[0]!.path, FENGQUAN);
  assert.equal(recorded[0]!.url, `${SITE}${FENGQUAN}`);
  assert.equal(recorded[0]!.summary, '凤泉区人民政府 2021 年度：本年新收政府信息公开申请 12 件，予以公开 10 件。');
  assert.equal(recorded[0]!.title, '凤泉区人民政府 2021 年政府信息公开工作年度报告');
  // Same date: by URL, whatever the order of the jobs.
  const sameDay: DateOf = () => '2024-01-01';
  const forward = feedEntries(jobs, sameDay, address).map((e) => e.path);
  assert.deepEqual(forward, [...forward].sort());
  assert.deepEqual(feedEntries([...jobs].reverse(), sameDay, address).map((e) => e.path), forward);
  assert.equal(feedEntries(jobs, sameDay, address, 2).length, 2);
  assert.equal(feedEntries(jobs, sameDay, address).length, 5);
  // At most FEED_ENTRIES (50): sixty agencies' reports of one day give the first fifty by URL.
  const many = Array.from({ length: 60 }, (_, k) => ({ ...jobs[0]!, report: { ...jobs[0]!.report, agency: { ...jobs[0]!.report.agency, slug: `a${String(k).padStart(2, '0')}` } } }));
  const capped = feedEntries(many, sameDay, address);
  assert.equal(capped.length, 50);
  assert.equal(capped.at(-1)!.path.split('/')[2], 'a49');
});

test('Atom: required elements, updated = newest entry, ids absolute, byte-identical for the same input', () => {
  const entries = feedEntries(jobs, withHistory, address);
  const xml = atomFeed(entries, address);
  assert.equal(xmlProblem(xml), null);
  assert.equal(xml, atomFeed(feedEntries(jobs, withHistory, address), address));
  const head = xml.slice(0, xml.indexOf('<entry>'));
  assert.match(head, /<id>https:\/\/example\.org\/nianbao\/feed\.xml<\/id>/);
  assert.match(head, /<title>[^<]+<\/title>/);
  assert.match(head, /<updated>2024-03-01T00:00:00\+08:00<\/updated>/);
  assert.match(head, /<author><name>[^<]+<\/name><\/author>/);
  const items = xml.split('<entry>').slice(1);
  assert.equal(items.length, 5);
  for (const item of items) {
    assert.match(item, /<id>https:\/\/example\.org\/nianbao\/agencies\/[a-z-]+\/\d{4}\/<\/id>/);
    assert.match(item, /<title>[^<]+<\/title>/);
    assert.match(item, /<updated>\d{4}-\d{2}-\d{2}T00:00:00\+08:00<\/updated>/);
    assert.match(item, /<link rel="alternate" type="text\/html" href="https:\/\/example\.org\/nianbao\/agencies\/[a-z-]+\/\d{4}\/"\/>/);
    assert.match(item, /<summary type="text">[^<]*本年新收政府信息公开申请[^<]*<\/summary>/);
  }
  // An empty archive: still valid, dated by no clock.
  const empty = atomFeed([], address);
  assert.equal(xmlProblem(empty), null);
  assert.match(empty, /<updated>1970-01-01T00:00:00Z<\/updated>/);
});

test('Atom without --site-url: links are the site paths with the prefix, ids name-based UUIDs', () => {
  const xml = atomFeed(feedEntries(jobs, published, { siteUrl: null, prefix: '/sub/' }), { siteUrl: null, prefix: '/sub/' });
  assert.equal(xmlProblem(xml), null);
  assert.match(xml, /<link rel="self" type="application\/atom\+xml" href="\/sub\/feed\.xml"\/>/);
  assert.match(xml, /href="\/sub\/agencies\/jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui\/2022\/"/);
  const ids = [...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((m) => m[1]!);
  assert.equal(ids.length, 5);
  for (const id of ids) assert.match(id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(uuidV5('nianbao:/x/'), uuidV5('nianbao:/x/'));
});

test('XML escaping: an agency named with & < > and quotes stays text', () => {
  const hostile = (r: Report): Report => ({ ...r, title: null, agency: { ...r.agency, name: '甲&乙<丙>"丁\'局' } });
  const bad = buildSiteModel([hostile(samples[3]!)]);
  const entries = feedEntries(bad.jobs, published, address);
  const xml = atomFeed(entries, address);
  assert.equal(xmlProblem(xml), null);
  assert.ok(xml.includes('<name>甲&amp;乙&lt;丙&gt;&quot;丁&apos;局</name>'));
  assert.ok(xml.includes('<title>甲&amp;乙&lt;丙&gt;&quot;丁&apos;局2022年政府信息公开工作年度报告</title>'));
  assert.ok(!xml.includes('<丙>'));
  const sitemap = sitemapFiles('https://example.org/a&b', sitemapEntries(bad.site, bad.jobs, published)).get('sitemap.xml')!;
  assert.equal(xmlProblem(sitemap), null);
  assert.ok(sitemap.includes('<loc>https://example.org/a&amp;b/</loc>'));
  assert.equal(xmlEscape(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
});

test('robots.txt allows everything and names the sitemap when the site URL is known; dates as RFC 3339', () => {
  assert.equal(robotsTxt(null), 'User-agent: *\nAllow: /\n');
  assert.equal(robotsTxt(SITE), `User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  assert.equal(rfc3339('2022-01-05'), '2022-01-05T00:00:00+08:00');
  assert.equal(rfc3339('2022-01-05T10:00:00Z'), '2022-01-05T10:00:00Z');
});

test('the well-formedness check itself refuses what is not XML', () => {
  assert.equal(xmlProblem('<a><b>x</b></a>'), null);
  assert.notEqual(xmlProblem('<a><b>x</a></b>'), null);
  assert.notEqual(xmlProblem('<a>x & y</a>'), null);
  assert.notEqual(xmlProblem('<a>x < y</a>'), null);
  assert.notEqual(xmlProblem('<a/><b/>'), null);
  assert.notEqual(xmlProblem('<a x="1>'), null);
  assert.notEqual(xmlProblem('<a>'), null);
});
