/**
 * render: the sitemap (sitemaps.org 0.9, split into an index past its 50,000 URLs), the Atom feed
 * (RFC 4287) and robots.txt, as text. Deterministic: every date comes from the entries, none from a
 * clock, so the same archive gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { FeedEntry, SitemapEntry } from '../archive/syndication.ts';

/** URLs one sitemap file may list (sitemaps.org); past it, an index of several files. */
export const SITEMAP_LIMIT = 50_000;

/** Text for XML content or an attribute value. */
export const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const lastmod = (d: string | null) => (d === null ? '' : `<lastmod>${xmlEscape(d)}</lastmod>`);

function urlset(siteUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `<url><loc>${xmlEscape(`${siteUrl}${e.path}`)}</loc>${lastmod(e.lastmod)}</url>\n`);
  return `${XML_HEAD}<urlset xmlns="${SITEMAP_NS}">\n${urls.join('')}</urlset>\n`;
}

/**
 * The sitemap's files by their path in the site: `sitemap.xml` alone up to `limit` URLs; past it,
 * `sitemap.xml` is an index of `sitemaps/sitemap-1.xml`, `-2`, … of `limit` URLs each, every one with
 * the latest date of its URLs. Sitemaps hold absolute URLs only, hence `siteUrl`.
 */
export function sitemapFiles(siteUrl: string, entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): Map<string, string> {
  if (entries.length <= limit) return new Map([['sitemap.xml', urlset(siteUrl, entries)]]);
  const files = new Map<string, string>();
  const parts: string[] = [];
  for (let k = 0; k * limit < entries.length; k++) {
    const chunk = entries.slice(k * limit, (k + 1) * limit);
    const name = `sitemaps/sitemap-${k + 1}.xml`;
    files.set(name, urlset(siteUrl, chunk));
    const newest = chunk.reduce<string | null>((m, e) => (e.lastmod !== null && (m === null || e.lastmod > m) ? e.lastmod : m), null);
    parts.push(`<sitemap><loc>${xmlEscape(`${siteUrl}/${name}`)}</loc>${lastmod(newest)}</sitemap>\n`);
  }
  return new Map([['sitemap.xml', `${XML_HEAD}<sitemapindex xmlns="${SITEMAP_NS}">\n${parts.join('')}</sitemapindex>\n`], ...files]);
}

/** robots.txt: everything allowed; the sitemap named when the site URL is known (robots.txt wants it absolute). */
export const robotsTxt = (siteUrl: string | null) => `User-agent: *\nAllow: /\n${siteUrl === null ? '' : `\nSitemap: ${siteUrl}/sitemap.xml\n`}`;

/** A date as RFC 3339: a bare date (as reports and the record give them) is midnight in China (UTC+8). */
export const rfc3339 = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00+08:00` : d);

/**
 * A name-based UUID (version 5, RFC 9562) in the URL namespace: an Atom id that is an absolute IRI and
 * stays the same for the same name, for a site whose absolute address is not known.
 */
export function uuidV5(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const h = createHash('sha1').update(namespace).update(name).digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The date of a feed with no entry: Atom requires one, and no clock is read. */
const EPOCH = '1970-01-01T00:00:00Z';
export const FEED_TITLE = '年报 政府信息公开工作年度报告档案：新增和更新的报告';

/**
 * The Atom feed. With the site URL, ids are the pages' absolute URLs and links absolute; without it,
 * links are the site's paths (a feed reader resolves them against the feed's own address) and ids are
 * name-based UUIDs of the paths (Atom ids must be absolute). `updated` is the newest entry's date.
 */
export function atomFeed(entries: readonly FeedEntry[], o: { siteUrl: string | null; prefix: string }): string {
  const site = (path: string) => (o.siteUrl === null ? `${o.prefix}${path.slice(1)}` : `${o.siteUrl}${path}`);
  const id = (path: string) => (o.siteUrl === null ? uuidV5(`nianbao:${path}`) : `${o.siteUrl}${path}`);
  const updated = entries[0] ? rfc3339(entries[0].updated) : EPOCH;
  const items = entries.map(
    (e) =>
      `<entry>\n<id>${xmlEscape(id(e.path))}</id>\n<title>${xmlEscape(e.title)}</title>\n<link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>\n<updated>${xmlEscape(rfc3339(e.updated))}</updated>\n<author><name>${xmlEscape(e.agency)}</name></author>\n<summary type="text">${xmlEscape(e.summary)}</summary>\n</entry>\n`,
  );
  return (
    `${XML_HEAD}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n<id>${xmlEscape(id('/feed.xml'))}</id>\n<title>${xmlEscape(FEED_TITLE)}</title>\n<updated>${updated}</updated>\n` +
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(site('/feed.xml'))}"/>\n<link rel="alternate" type="text/html" href="${xmlEscape(site('/'))}"/>\n<author><name>年报 nianbao</name></author>\n<generator>nianbao</generator>\n${items.join('')}</feed>\n`
  );
}
