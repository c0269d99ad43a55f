/**
 * The built samples with --site-url (README, "Linking and embedding"): sitemap.xml lists every page
 * with its absolute URL, feed.xml is well-formed Atom with its entries newest first, robots.txt names
 * the sitemap, favicon.ico sits at the root, every embed is small, self-contained and links out only
 * to its full page. Changing the site URL renders every page again; without it there is no sitemap.
 */
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, REPORTS } from './helpers.ts';
import { xmlProblem } from './xml.ts';

const SITE = 'https://example.org/nianbao';
const dir = mkdtempSync(join(tmpdir(), 'nianbao-linking-'));
const out = join(dir, 'site');
const cache = join(dir, 'cache');
const built = build(['--reports', REPORTS, '--out', out, '--cache', cache, '--site-url', SITE]);
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const files = (below: string) =>
  readdirSync(join(out, below), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(out, join(e.parentPath, e.name)))
    .sort();
/** The samples without an address of their own (their site.yaml's siteUrl taken out): only --site-url gives one. */
function withoutAddress(): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'nianbao-linking-reports-')), 'reports');
  cpSync(REPORTS, copy, { recursive: true });
  const config = join(copy, 'site.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^siteUrl: .*\n/m, ''));
  return copy;
}

const REPORT_PAGES = files('agencies').filter((f) => /^agencies\/[a-z]+\/\d{4}\/index\.html$/.test(f)).map((f) => f.replace(/index\.html$/, ''));

test('with --site-url the samples build, and sitemap.xml lists every page with its absolute URL', () => {
  assert.equal(built.status, 0, built.stderr + built.stdout);
  assert.doesNotMatch(built.stdout, /No sitemap\.xml/);
  assert.equal(REPORT_PAGES.length, 5);
  const sitemap = read('sitemap.xml');
  assert.equal(xmlProblem(sitemap), null);
  const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
  for (const page of REPORT_PAGES) assert.ok(locs.includes(`${SITE}/${page}`), page);
  for (const page of ['', 'agencies/', 'years/2021/', 'regions/350500/', 'agencies/fengquanqurenminzhengfu/']) assert.ok(locs.includes(`${SITE}/${page}`), page);
  assert.ok(locs.every((l) => l.startsWith(`${SITE}/`)));
  assert.equal(read('robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
});

test('feed.xml: well-formed Atom, entries newest first, each linking its report page', () => {
  const feed = read('feed.xml');
  assert.equal(xmlProblem(feed), null);
  const updated = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]*)<\/updated>/g)].map((m) => m[1]!);
  assert.ok(updated.length >= 4);
  assert.deepEqual(updated, [...updated].sort().reverse());
  assert.match(feed, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="zh-CN">\n<id>https:\/\/example\.org\/nianbao\/feed\.xml<\/id>/);
  assert.equal(/<updated>([^<]*)<\/updated>/.exec(feed)![1], updated[0]);
  for (const [, href] of feed.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]*)"/g)) assert.ok(REPORT_PAGES.some((p) => href === `${SITE}/${p}`), href);
});

test('favicon.ico at the root: an ICO file; the pages link it and the feed, and canonical URLs are absolute', () => {
  const ico = readFileSync(join(out, 'favicon.ico'));
  assert.deepEqual([...ico.subarray(0, 4)], [0, 0, 1, 0]);
  assert.ok(ico.length < 10_000);
  const page = read('agencies/fengquanqurenminzhengfu/2021/index.html');
  assert.ok(page.includes('<link rel="icon" href="/favicon.ico">'));
  assert.ok(page.includes('<link rel="alternate" type="application/atom+xml" title="新增和更新的报告" href="/feed.xml">'));
  assert.ok(page.includes(`<link rel="canonical" href="${SITE}/agencies/fengquanqurenminzhengfu/2021/">`));
  assert.ok(read('index.html').includes('<link rel="icon" href="/favicon.ico">'));
  // Eleventy's pages too (the Site model carries their canonical URLs); the 404 page has none.
  for (const path of ['', 'agencies/', 'years/', 'years/2021/', 'regions/', 'regions/350500/', 'data/', 'agencies/fengquanqurenminzhengfu/']) assert.ok(read(`${path}index.html`).includes(`<link rel="canonical" href="${SITE}/${path}">`), path);
  assert.doesNotMatch(read('404.html'), /rel="canonical"/);
  assert.match(page, /<script type="application\/ld\+json">\{"@context":"https:\/\/schema\.org","@type":"Dataset"/);
  // The licence the samples' reports/site.yaml names by URL.
  assert.match(page, /"license":"https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/deed\.zh-hans"/);
});

test('every embed: at most 20 kB, no script, nothing from another origin, one link out to its full page', () => {
  const embeds = files('embed');
  assert.equal(embeds.length, 10);
  for (const f of embeds) {
    const html = read(f);
    assert.ok(Buffer.byteLength(html) <= 20_000, `${f}: ${Buffer.byteLength(html)} bytes`);
    assert.ok(!/<script/i.test(html), f);
    const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
    const page = f.replace(/^embed\//, 'agencies/').replace(/index\.html$/, '');
    assert.deepEqual(urls, [`${SITE}/${page}`], f);
    assert.ok(html.includes('target="_blank" rel="noopener"'), f);
  }
});

test('a new --site-url renders every page again; without one, no sitemap (the summary says so), and a prefix must end the site URL', () => {
  const again = build(['--reports', REPORTS, '--out', out, '--cache', cache, '--site-url', 'https://other.example']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /10 report and agency pages rendered, 0 unchanged kept/);
  assert.ok(read('agencies/fengquanqurenminzhengfu/2021/index.html').includes('<link rel="canonical" href="https://other.example/agencies/fengquanqurenminzhengfu/2021/">'));
  assert.ok(read('embed/fengquanqurenminzhengfu/2021/index.html').includes('href="https://other.example/agencies/fengquanqurenminzhengfu/2021/"'));
  assert.match(read('sitemap.xml'), /<loc>https:\/\/other\.example\/<\/loc>/);
  assert.ok(read('years/2021/index.html').includes('<link rel="canonical" href="https://other.example/years/2021/">'));
  assert.ok(read('index.html').includes('<link rel="canonical" href="https://other.example/">'));
  const none = build(['--reports', withoutAddress(), '--out', out, '--cache', cache]);
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stdout, /No sitemap\.xml: it needs the site's address \(--site-url\)\./);
  assert.equal(existsSync(join(out, 'sitemap.xml')), false);
  assert.equal(read('robots.txt'), 'User-agent: *\nAllow: /\n');
  assert.match(read('feed.xml'), /<id>urn:uuid:/);
  assert.ok(read('agencies/fengquanqurenminzhengfu/2021/index.html').includes('<link rel="canonical" href="/agencies/fengquanqurenminzhengfu/2021/">'));
  const mismatch = build(['--reports', REPORTS, '--out', join(dir, 'x'), '--no-cache', '--path-prefix', '/nianbao/', '--site-url', 'https://example.org']);
  assert.equal(mismatch.status, 1);
  assert.match(mismatch.stderr, /does not end in the --path-prefix \/nianbao\//);
  rmSync(dir, { recursive: true, force: true });
});

test('with --path-prefix, the embed code and the permanent URL shown carry the prefix', () => {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-linking-prefix-'));
  const r = build(['--reports', withoutAddress(), '--out', join(d, 'site'), '--no-cache', '--path-prefix', '/nianbao/']);
  assert.equal(r.status, 0, r.stderr);
  const page = readFileSync(join(d, 'site', 'agencies', 'fengquanqurenminzhengfu', '2021', 'index.html'), 'utf8');
  assert.ok(page.includes('永久网址：<a href="/nianbao/agencies/fengquanqurenminzhengfu/2021/">/nianbao/agencies/fengquanqurenminzhengfu/2021/</a>'));
  assert.ok(page.includes('&lt;iframe src=&quot;/nianbao/embed/fengquanqurenminzhengfu/2021/&quot;'));
  assert.ok(page.includes('<link rel="icon" href="/nianbao/favicon.ico">'));
  const embed = readFileSync(join(d, 'site', 'embed', 'fengquanqurenminzhengfu', '2021', 'index.html'), 'utf8');
  assert.ok(embed.includes('<a href="/nianbao/agencies/fengquanqurenminzhengfu/2021/" target="_blank" rel="noopener">'));
  // The prefix rewriting left the style as hashed.
  const style = /<style>([^<]*)<\/style>/.exec(embed)![1]!;
  assert.ok(embed.includes(`style-src &#39;sha256-${createHash('sha256').update(style).digest('base64')}&#39;`));
  assert.match(readFileSync(join(d, 'site', 'feed.xml'), 'utf8'), /href="\/nianbao\/feed\.xml"/);
  rmSync(d, { recursive: true, force: true });
});

test('reports/site.yaml gives the address when --site-url does not; below a --path-prefix the folder is added to it', () => {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-linking-config-'));
  for (const [args, expected] of [[[], 'https://nianbao.example.org/'], [['--path-prefix', '/nianbao/'], 'https://nianbao.example.org/nianbao/'], [['--site-url', 'https://other.example'], 'https://other.example/']] as const) {
    const site = join(d, String(args.length), 'site');
    const r = build(['--reports', REPORTS, '--out', site, '--no-cache', ...args]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(join(site, 'index.html'), 'utf8').includes(`<link rel="canonical" href="${expected}">`), expected);
    assert.match(readFileSync(join(site, 'sitemap.xml'), 'utf8'), new RegExp(`<loc>${expected.replace(/[./]/g, '\\$&')}agencies/fengquanqurenminzhengfu/2021/</loc>`));
  }
  rmSync(d, { recursive: true, force: true });
});
